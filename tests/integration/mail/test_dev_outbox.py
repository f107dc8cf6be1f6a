"""GET /api/v1/dev/outbox: in dev, what the local mail sink received, per org."""

from __future__ import annotations

import datetime as dt
import json

from coulisses.mail.smtp import send_email
from tests.conftest import run_jobs
from tests.helpers import error_code, signup
from tests.integration.plugins.support import member_session

OUTBOX = "/api/v1/dev/outbox"
MEMBERS = "/api/v1/orgs/current/members"


async def test_the_outbox_lists_what_the_sink_received_newest_first_with_links(client, mail_sink):
    owner = await signup(client)
    before = dt.datetime.now(dt.UTC)
    for email in ("regie@example.org", "son@example.org"):
        response = await owner.post(MEMBERS, json={"email": email, "role": "tech"})
        assert response.status_code == 201, response.text
        await run_jobs()  # one at a time: arrival order is invitation order

    response = await owner.get(OUTBOX)

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [item["to"] for item in items] == ["son@example.org", "regie@example.org"]
    newest = items[0]
    assert newest["subject"] == mail_sink.to("son@example.org")[0]["Subject"]
    assert dt.datetime.fromisoformat(newest["received_at"]) >= before
    assert len(newest["links"]) == 1
    assert newest["links"][0].startswith("http://testserver/reset-password?token=")
    assert newest["links"][0] in mail_sink.to("son@example.org")[0].get_content()


async def test_the_outbox_is_a_paged_list_newest_first(client, mail_sink):
    owner = await signup(client)
    for n in range(3):
        await owner.post(MEMBERS, json={"email": f"crew{n}@example.org", "role": "tech"})
        await run_jobs()

    default = (await owner.get(OUTBOX)).json()["items"]
    one = (await owner.get(OUTBOX, params={"page_size": 1})).json()
    oldest = (await owner.get(OUTBOX, params={"sort": "received_at"})).json()["items"]

    assert len(default) == 3
    assert [item["to"] for item in one["items"]] == ["crew2@example.org"]
    assert one["total"] == 3
    assert [item["to"] for item in oldest] == [f"crew{n}@example.org" for n in range(3)]
    for bad, code in (
        (0, "pagination.invalid"),
        (201, "pagination.invalid"),
        ("x", "request.validation"),
    ):
        response = await owner.get(OUTBOX, params={"page_size": bad})
        assert response.status_code == 400, response.text
        assert error_code(response) == code


async def test_the_outbox_shows_only_mail_to_the_org_users_and_members(
    client, new_client, mail_sink
):
    a = await signup(client)
    b = await signup(new_client())
    created = await a.post(
        "/api/v1/users",
        json={
            "first_name": "Lea",
            "last_name": "Martin",
            "employment_type": "Intermittent",
            "email": "Lea.Martin@example.org",
        },
    )
    assert created.status_code == 201, created.text
    await a.post(MEMBERS, json={"email": "a-crew@example.org", "role": "tech"})
    await b.post(MEMBERS, json={"email": "b-crew@example.org", "role": "tech"})
    await run_jobs()
    await send_email("lea.martin@example.org", "Feuille de service", "http://testserver/x")
    await send_email("stranger@example.org", "Ailleurs", "http://testserver/y")

    seen_by_a = {item["to"] for item in (await a.get(OUTBOX)).json()["items"]}
    seen_by_b = {item["to"] for item in (await b.get(OUTBOX)).json()["items"]}

    assert seen_by_a == {"a-crew@example.org", "lea.martin@example.org"}
    assert seen_by_b == {"b-crew@example.org"}


async def test_the_outbox_is_refused_to_managers_and_techs(client, new_client, mail_sink):
    owner = await signup(client)
    admin = await member_session(owner, new_client, "admin@example.org", "admin")
    manager = await member_session(owner, new_client, "manager@example.org", "manager")
    tech = await member_session(owner, new_client, "tech@example.org", "tech")

    assert (await admin.get(OUTBOX)).status_code == 200
    for session in (manager, tech):
        response = await session.get(OUTBOX)
        assert response.status_code == 403, response.text
        assert error_code(response) == "auth.forbidden"
    assert (await new_client().get(OUTBOX)).status_code == 401


async def test_the_outbox_does_not_exist_outside_dev(client, monkeypatch):
    import httpx

    from coulisses.settings import get_settings
    from coulisses.web.app import create_app

    monkeypatch.setenv("COULISSES_ENV", "prod")
    get_settings.cache_clear()
    try:
        assert not get_settings().is_dev
        app = create_app()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert get_settings().is_dev
    paths = app.openapi_schema.to_schema()["paths"]
    assert OUTBOX not in paths
    assert not any(route.path == OUTBOX for route in app.routes), (
        "the dev outbox route is mounted outside dev"
    )
    owner = await signup(client)
    bearer = {"Authorization": f"Bearer {owner.client.cookies.get('cc_access')}"}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as prod:
        response = await prod.get(OUTBOX, headers=bearer)
    assert response.status_code == 404, response.text


async def test_the_outbox_is_in_the_dev_api_spec(app):
    spec = json.loads(json.dumps(app.openapi_schema.to_schema()))  # serialisable as served
    operation = spec["paths"][OUTBOX]["get"]
    assert operation["operationId"] == "ListDevOutbox"
    assert {"200", "400", "401", "403"} <= set(operation["responses"])
