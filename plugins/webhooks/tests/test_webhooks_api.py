"""The endpoints API: admins only, validation with stable codes, the secret shown once."""

from __future__ import annotations

from typing import Any

import pytest
from webhooks_support import Receiver

from coulisses_sdk.testing import OrgClient, assert_config_labelled, run_jobs
from coulisses_webhooks.plugin import plugin

API = "/api/v1/webhooks/endpoints"


async def create(org: OrgClient, **body: Any) -> Any:
    return await org.post(f"{API}/", json={"event_types": ["MemberAdded"], **body})


async def test_the_plugin_config_is_labelled_in_french_and_english():
    assert_config_labelled(plugin)


async def test_routes_are_404_until_the_org_enables_the_plugin(org):
    assert (await org.get(f"{API}/")).status_code == 404
    await org.enable("webhooks")
    assert (await org.get(f"{API}/")).status_code == 200


async def test_a_manager_gets_403_on_every_route(org, make_org):
    await org.enable("webhooks")
    endpoint = (await create(org, url="https://hooks.example.org/a")).json()
    manager = await make_org()
    await org.invite(manager.email, role="manager")
    switched = await manager.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})
    assert switched.status_code == 200, switched.text
    assert switched.json()["org_id"] == org.org_id

    for method, url in (
        ("get", f"{API}/"),
        ("post", f"{API}/"),
        ("get", f"{API}/{endpoint['id']}"),
        ("patch", f"{API}/{endpoint['id']}"),
        ("delete", f"{API}/{endpoint['id']}"),
        ("post", f"{API}/{endpoint['id']}/rotate_secret"),
        ("post", f"{API}/{endpoint['id']}/ping"),
        ("get", f"{API}/{endpoint['id']}/deliveries"),
        ("get", "/api/v1/webhooks/event_types"),
    ):
        kwargs = {"json": {"url": "https://x.example.org", "event_types": ["*"]}}
        response = await getattr(manager, method)(
            url, **(kwargs if method in {"post", "patch"} else {})
        )
        assert response.status_code == 403, (method, url, response.text)
        assert response.json()["error"]["code"] == "auth.forbidden"
    assert len((await org.get(f"{API}/")).json()["items"]) == 1


async def test_the_secret_is_shown_at_creation_and_rotation_only(org, receiver: Receiver):
    await org.enable("webhooks")
    created = await create(org, url=receiver.at("/hooks/a"), description="ERP")
    assert created.status_code == 201, created.text
    endpoint = created.json()
    secret = endpoint["secret"]
    assert secret.startswith("whsec_")
    assert len(secret) >= 6 + 43  # 32 random bytes, URL-safe base64

    listed = await org.get(f"{API}/")
    got = await org.get(f"{API}/{endpoint['id']}")
    patched = await org.patch(f"{API}/{endpoint['id']}", json={"description": "ERP 2"})
    for response in (listed, got, patched):
        assert response.status_code == 200
        assert secret not in response.text
        assert "secret" not in response.text
    assert got.json()["description"] == "ERP"
    assert patched.json()["description"] == "ERP 2"

    rotated = await org.post(f"{API}/{endpoint['id']}/rotate_secret")
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["secret"]
    assert new_secret != secret
    receiver.secrets["/hooks/a"] = secret
    await org.post(f"{API}/{endpoint['id']}/ping")
    await run_jobs()
    assert receiver.received == []
    assert receiver.refused == ["signature mismatch"]
    assert new_secret not in (await org.get(f"{API}/{endpoint['id']}/deliveries")).text

    receiver.secrets["/hooks/a"] = new_secret
    await org.post(f"{API}/{endpoint['id']}/ping")
    await run_jobs()
    assert len(receiver.received) == 1


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://hooks.example.org/a", "https"),
        ("ftp://hooks.example.org/a", "https"),
        ("not a url", "https"),
        ("https://user:pass@hooks.example.org/a", "credentials"),
        ("https://hooks.example.org/a#frag", "fragment"),
    ],
)
async def test_a_url_the_plugin_must_not_call_is_refused(org, url, reason):
    await org.enable("webhooks")

    response = await create(org, url=url)

    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "webhooks.invalid_url"
    assert reason in error["message"]
    assert (await org.get(f"{API}/")).json()["items"] == []


async def test_a_too_long_url_is_a_validation_error(org):
    await org.enable("webhooks")

    response = await create(org, url="https://" + "a" * 2000 + ".org")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["key"] == "url"


def test_plain_http_is_only_for_loopback_in_dev_and_internal_ips_only_in_dev():
    from coulisses_sdk import PluginError
    from coulisses_webhooks.urls import check_url

    assert check_url("http://127.0.0.1:9000/x", allow_http_loopback=True)
    assert check_url("http://localhost/x", allow_http_loopback=True)
    assert check_url("https://10.0.0.5/x", allow_http_loopback=True)
    for url in ("http://127.0.0.1:9000/x", "https://127.0.0.1/x", "https://10.0.0.5/x"):
        with pytest.raises(PluginError):
            check_url(url, allow_http_loopback=False)
    assert check_url(" https://hooks.example.org/x ", allow_http_loopback=False) == (
        "https://hooks.example.org/x"
    )


async def test_event_types_are_checked_against_the_known_kinds(org):
    await org.enable("webhooks")

    kinds = (await org.get("/api/v1/webhooks/event_types")).json()["event_types"]
    unknown = await create(org, url="https://h.example.org", event_types=["MemberAded"])
    mixed = await create(org, url="https://h.example.org", event_types=["*", "MemberAdded"])
    empty = await create(org, url="https://h.example.org", event_types=[])
    own = await create(org, url="https://h.example.org", event_types=["WebhookEndpointDisabled"])

    assert {
        "MemberAdded",
        "MissionChanged",
        "AssignmentAccepted",
        "WebhookEndpointDisabled",
    } <= set(kinds)
    assert "DomainEvent" not in kinds
    assert "AssignmentEvent" not in kinds
    assert unknown.status_code == 422
    assert unknown.json()["error"]["code"] == "webhooks.unknown_event_type"
    assert unknown.json()["error"]["details"]["unknown"] == ["MemberAded"]
    assert mixed.status_code == 422
    assert mixed.json()["error"]["code"] == "webhooks.invalid_event_types"
    assert empty.status_code == 400, empty.text
    assert own.status_code == 201, own.text
    assert [e["event_types"] for e in (await org.get(f"{API}/")).json()["items"]] == [
        ["WebhookEndpointDisabled"]
    ]

    bad_patch = await org.patch(f"{API}/{own.json()['id']}", json={"event_types": ["Nope"]})
    assert bad_patch.status_code == 422
    assert (await org.get(f"{API}/{own.json()['id']}")).json()["event_types"] == [
        "WebhookEndpointDisabled"
    ]


async def test_a_bad_update_writes_nothing(org):
    await org.enable("webhooks")
    endpoint = (await create(org, url="https://h.example.org/a", description="A")).json()

    response = await org.patch(
        f"{API}/{endpoint['id']}", json={"description": "B", "url": "http://h.example.org/b"}
    )

    assert response.status_code == 422
    got = (await org.get(f"{API}/{endpoint['id']}")).json()
    assert (got["description"], got["url"]) == ("A", "https://h.example.org/a")
    extra = await org.patch(f"{API}/{endpoint['id']}", json={"secret": "mine"})
    assert extra.status_code == 400


async def test_delete_removes_the_endpoint_and_its_log(org):
    await org.enable("webhooks")
    endpoint = (await create(org, url="https://h.example.org/a")).json()

    response = await org.delete(f"{API}/{endpoint['id']}")

    assert response.status_code == 204
    assert (await org.get(f"{API}/{endpoint['id']}")).status_code == 404
    assert (await org.get(f"{API}/{endpoint['id']}/deliveries")).status_code == 404


async def test_the_endpoint_list_is_paginated(org):
    await org.enable("webhooks")
    for n in range(3):
        await create(org, url=f"https://h.example.org/{n}")

    page = (await org.get(f"{API}/?page_size=2&page=2")).json()

    assert (page["total"], page["page"], len(page["items"])) == (3, 2, 1)
    assert page["items"][0]["url"] == "https://h.example.org/2"
    beyond = await org.get(f"{API}/?page_size=2&page=3")
    assert beyond.status_code == 400
    assert beyond.json()["error"]["code"] == "pagination.out_of_range"


async def test_admins_get_the_endpoints_page_in_their_menu_and_managers_do_not(org, make_org):
    await org.enable("webhooks")
    manager = await make_org()
    await org.invite(manager.email, role="manager")
    switched = await manager.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})
    assert switched.status_code == 200, switched.text

    menus = [(await c.get("/api/v1/orgs/current/manifest")).json()["menu"] for c in (org, manager)]
    [page] = [e for e in menus[0] if e["plugin"] == "webhooks"]
    assert page["path"] == "/plugins/webhooks/endpoints"
    assert page["section"] == "settings"
    assert page["label"] == {"fr": "Webhooks", "en": "Webhooks"}
    assert not [e for e in menus[1] if e["plugin"] == "webhooks"]
    module = await org.get(page["module_url"])
    assert module.status_code == 200, module.text
    assert " as default" in module.text  # an ES module whose default is the page
