"""The hello example end to end: member_added hook per enabled org, stamped jobs, kept data."""

from __future__ import annotations

from coulisses.db.connection import fetch
from coulisses_sdk.testing import event_deliveries, run_events
from tests.conftest import run_jobs
from tests.helpers import signup
from tests.integration.plugins.support import MEMBERS, PLUGINS

GREETINGS = "/api/v1/hello/greetings"


async def greetings_of(org_id: int) -> list[dict]:
    return await fetch(
        "SELECT email, message, delivered FROM hello_greetings WHERE org_id = $1 ORDER BY id",
        org_id,
    )


async def test_member_added_greets_only_in_orgs_that_enabled_hello(client, new_client):
    org_a = await signup(client, "Org A")
    org_b = await signup(new_client(), "Org B")
    await org_a.patch(f"{PLUGINS}/hello", json={"enabled": True})

    assert (await org_a.post(MEMBERS, json={"email": "a@example.org", "role": "tech"})).is_success
    assert (await org_b.post(MEMBERS, json={"email": "b@example.org", "role": "tech"})).is_success
    # The request recorded the event; a worker hands it to hello after commit.
    assert await greetings_of(org_a.org_id) == []
    await run_events()

    assert await greetings_of(org_a.org_id) == [
        {"email": "a@example.org", "message": "Bienvenue a@example.org!", "delivered": 0}
    ]
    assert await greetings_of(org_b.org_id) == []


async def test_greeting_uses_the_org_config_and_the_job_marks_it_delivered(client):
    owner = await signup(client)
    await owner.patch(
        f"{PLUGINS}/hello",
        json={"enabled": True, "config": {"greeting": "Salut", "punctuation": " :)"}},
    )

    await owner.post(MEMBERS, json={"email": "regie@example.org", "role": "manager"})
    await run_jobs()

    assert (await owner.get(GREETINGS, params={"fields": "email,message,delivered"})).json()[
        "items"
    ] == [{"email": "regie@example.org", "message": "Salut regie@example.org :)", "delivered": 1}]


async def test_job_queued_before_the_org_disabled_hello_does_nothing(client):
    owner = await signup(client)
    await owner.patch(f"{PLUGINS}/hello", json={"enabled": True})
    await owner.post(MEMBERS, json={"email": "late@example.org", "role": "tech"})
    await run_events()

    await owner.patch(f"{PLUGINS}/hello", json={"enabled": False})
    await run_jobs()

    assert await greetings_of(owner.org_id) == [
        {"email": "late@example.org", "message": "Bienvenue late@example.org!", "delivered": 0}
    ]


async def test_disabling_keeps_the_data_and_re_enabling_shows_it_again(client):
    owner = await signup(client)
    await owner.patch(f"{PLUGINS}/hello", json={"enabled": True})
    await owner.post(MEMBERS, json={"email": "kept@example.org", "role": "tech"})
    await run_jobs()

    await owner.patch(f"{PLUGINS}/hello", json={"enabled": False})
    assert (await owner.get(GREETINGS)).status_code == 404
    assert len(await greetings_of(owner.org_id)) == 1
    await owner.post(MEMBERS, json={"email": "unseen@example.org", "role": "tech"})

    await owner.patch(f"{PLUGINS}/hello", json={"enabled": True})
    response = await owner.get(GREETINGS, params={"fields": "email,message,delivered"})
    assert response.status_code == 200
    assert response.json()["items"] == [
        {"email": "kept@example.org", "message": "Bienvenue kept@example.org!", "delivered": 1}
    ]


async def test_event_recorded_before_the_org_disabled_hello_is_skipped(client):
    owner = await signup(client)
    await owner.patch(f"{PLUGINS}/hello", json={"enabled": True})
    await owner.post(MEMBERS, json={"email": "gone@example.org", "role": "tech"})
    await owner.patch(f"{PLUGINS}/hello", json={"enabled": False})

    await run_jobs()

    assert await greetings_of(owner.org_id) == []
    [delivery] = [d for d in await event_deliveries("hello") if d["org_id"] == owner.org_id]
    assert (delivery["kind"], delivery["status"], delivery["attempts"]) == (
        "MemberAdded",
        "skipped",
        1,
    )
