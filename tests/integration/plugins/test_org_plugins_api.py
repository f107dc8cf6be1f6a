"""/api/v1/orgs/current/plugins: listing, enable/disable by admins, config validation, deps."""

from __future__ import annotations

import json

from coulisses.db.connection import fetch
from coulisses_hello.plugin import plugin as hello
from coulisses_sdk.testing import installed
from tests.helpers import error_code, signup
from tests.integration.plugins.support import PLUGINS, NeedsHello, member_session, plugin_rows


async def test_hello_is_listed_disabled_with_default_config_and_json_schema(client):
    owner = await signup(client)

    response = await owner.get(PLUGINS)

    assert response.status_code == 200, response.text
    [state] = [p for p in response.json()["items"] if p["name"] == "hello"]
    assert state["enabled"] is False
    assert state["version"] == "0.1.0"
    assert state["title"] == "Hello"
    # What the web app shows: each text in each locale.
    assert state["descriptions"]["en"] == "Example plugin: greets each new member of the org."
    assert state["descriptions"]["fr"].startswith("Exemple de plugin")
    assert state["titles"] == {"fr": "Hello", "en": "Hello"}
    assert state["depends_on"] == []
    assert state["config"] == {"greeting": "Bienvenue", "punctuation": "!"}
    schema = state["config_schema"]
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert schema["properties"]["greeting"]["default"] == "Bienvenue"
    assert schema["properties"]["greeting"]["maxLength"] == 100
    assert schema["properties"]["greeting"]["x-label"] == {
        "fr": "Message d'accueil",
        "en": "Greeting",
    }
    assert await plugin_rows(owner.org_id) == []


async def test_owner_enables_then_disables_and_both_are_audited(client):
    owner = await signup(client)

    enabled = await owner.patch(f"{PLUGINS}/hello", json={"enabled": True})
    assert enabled.status_code == 200, enabled.text
    assert enabled.json()["enabled"] is True
    assert (await owner.get(f"{PLUGINS}/hello")).json()["enabled"] is True

    disabled = await owner.patch(f"{PLUGINS}/hello", json={"enabled": False})
    assert disabled.status_code == 200, disabled.text
    assert disabled.json()["enabled"] is False
    audit = await fetch(
        "SELECT payload::text AS payload FROM audit_log WHERE org = $1 AND action = "
        "'plugin.updated' ORDER BY id",
        owner.org_id,
    )
    assert [json.loads(a["payload"]) for a in audit] == [
        {"before": {"enabled": False}, "after": {"enabled": True}},
        {"before": {"enabled": True}, "after": {"enabled": False}},
    ]


async def test_admin_may_enable_but_tech_gets_403_and_can_still_read(client, new_client):
    owner = await signup(client)
    admin = await member_session(owner, new_client, "admin-plugins@example.org", "admin")
    tech = await member_session(owner, new_client, "tech-plugins@example.org", "tech")

    forbidden = await tech.patch(f"{PLUGINS}/hello", json={"enabled": True})
    assert forbidden.status_code == 403, forbidden.text
    assert error_code(forbidden) == "auth.forbidden"
    assert await plugin_rows(owner.org_id) == []
    assert (await tech.get(PLUGINS)).status_code == 200

    allowed = await admin.patch(f"{PLUGINS}/hello", json={"enabled": True})
    assert allowed.status_code == 200, allowed.text
    assert (await tech.get(f"{PLUGINS}/hello")).json()["enabled"] is True


async def test_config_is_validated_saved_and_kept_across_disable(client):
    owner = await signup(client)

    response = await owner.patch(
        f"{PLUGINS}/hello", json={"enabled": True, "config": {"greeting": "Salut"}}
    )
    assert response.status_code == 200, response.text
    assert response.json()["config"] == {"greeting": "Salut", "punctuation": "!"}

    await owner.patch(f"{PLUGINS}/hello", json={"enabled": False})
    state = (await owner.get(f"{PLUGINS}/hello")).json()
    assert state["enabled"] is False
    assert state["config"] == {"greeting": "Salut", "punctuation": "!"}


async def test_bad_config_is_422_with_field_errors_and_writes_nothing(client):
    owner = await signup(client)

    response = await owner.patch(
        f"{PLUGINS}/hello",
        json={"enabled": True, "config": {"greeting": "", "punctuation": "!!!!", "colour": "red"}},
    )

    assert response.status_code == 422, response.text
    assert error_code(response) == "plugin.invalid_config"
    fields = {d["field"] for d in response.json()["error"]["details"]}
    assert fields == {"greeting", "punctuation", "colour"}
    assert await plugin_rows(owner.org_id) == []
    state = (await owner.get(f"{PLUGINS}/hello")).json()
    assert state["enabled"] is False
    assert state["config"] == {"greeting": "Bienvenue", "punctuation": "!"}
    assert not await fetch(
        "SELECT 1 FROM audit_log WHERE org = $1 AND action = 'plugin.updated'", owner.org_id
    )


async def test_unknown_plugin_is_404_plugin_not_found(client):
    owner = await signup(client)

    for response in (
        await owner.get(f"{PLUGINS}/nope"),
        await owner.patch(f"{PLUGINS}/nope", json={"enabled": True}),
    ):
        assert response.status_code == 404, response.text
        assert error_code(response) == "plugin.not_found"


async def test_unknown_body_field_is_rejected(client):
    owner = await signup(client)

    response = await owner.patch(f"{PLUGINS}/hello", json={"enabled": True, "extra": 1})

    assert response.status_code == 400, response.text
    assert await plugin_rows(owner.org_id) == []


async def test_enabling_a_plugin_whose_dependency_is_disabled_is_409(client):
    owner = await signup(client)
    with installed(hello, NeedsHello()):
        listed = {p["name"]: p for p in (await owner.get(PLUGINS)).json()["items"]}
        assert listed["needs-hello"]["depends_on"] == ["hello"]

        refused = await owner.patch(f"{PLUGINS}/needs-hello", json={"enabled": True})
        assert refused.status_code == 409, refused.text
        assert error_code(refused) == "plugin.dependency_disabled"
        assert refused.json()["error"]["details"] == {"missing": ["hello"]}
        assert await plugin_rows(owner.org_id) == []

        assert (await owner.patch(f"{PLUGINS}/hello", json={"enabled": True})).status_code == 200
        accepted = await owner.patch(f"{PLUGINS}/needs-hello", json={"enabled": True})
        assert accepted.status_code == 200, accepted.text


async def test_disabling_a_dependency_of_an_enabled_plugin_is_409(client):
    owner = await signup(client)
    with installed(hello, NeedsHello()):
        await owner.patch(f"{PLUGINS}/hello", json={"enabled": True})
        await owner.patch(f"{PLUGINS}/needs-hello", json={"enabled": True})

        refused = await owner.patch(f"{PLUGINS}/hello", json={"enabled": False})
        assert refused.status_code == 409, refused.text
        assert error_code(refused) == "plugin.has_dependents"
        assert (await owner.get(f"{PLUGINS}/hello")).json()["enabled"] is True

        await owner.patch(f"{PLUGINS}/needs-hello", json={"enabled": False})
        assert (await owner.patch(f"{PLUGINS}/hello", json={"enabled": False})).status_code == 200
