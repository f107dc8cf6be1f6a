"""GET /api/v1/events: live domain events over SSE, per org, with Last-Event-ID replay."""

from __future__ import annotations

import httpx

from coulisses.live.bus import get_bus
from coulisses_sdk.testing import SSE_TIMEOUT, event_stream, next_event
from tests.helpers import signup


def _email(address: str):
    """Match the MemberAdded of ``address`` (the signup's own may still arrive late)."""
    return lambda data: data["email"] == address


def _token(session) -> str:
    return str(session.client.cookies.get("cc_access"))


async def test_member_added_reaches_the_org_stream_and_not_another_org(
    client, new_client, live_server
):
    a = await signup(client)
    b = await signup(new_client())
    async with (
        event_stream(live_server, _token(a)) as lines_a,
        event_stream(live_server, _token(b)) as lines_b,
    ):
        await a.post(
            "/api/v1/orgs/current/members", json={"email": "live@example.org", "role": "tech"}
        )
        event = await next_event(lines_a, "MemberAdded", _email("live@example.org"))
        assert event["data"]["org_id"] == a.org_id
        # Every MemberAdded B receives until its own (published after A's) is B's: A's
        # never reached B.
        await b.post(
            "/api/v1/orgs/current/members", json={"email": "own@example.org", "role": "tech"}
        )
        seen: list[dict] = []
        own = await next_event(
            lines_b,
            "MemberAdded",
            lambda data: bool(seen.append(data)) or data["email"] == "own@example.org",
        )
        assert {data["org_id"] for data in seen} == {b.org_id}
        assert own["data"]["org_id"] == b.org_id


async def test_an_event_published_right_after_connected_is_delivered(client, live_server):
    a = await signup(client)
    for n in range(5):  # each new stream must be subscribed before it says ': connected'
        async with event_stream(live_server, _token(a)) as lines:
            email = f"right-after-{n}@example.org"
            await a.post("/api/v1/orgs/current/members", json={"email": email, "role": "tech"})
            await next_event(lines, "MemberAdded", _email(email))


async def test_a_stream_is_subscribed_before_its_response_starts(client, live_server):
    a = await signup(client)
    headers = {"Authorization": f"Bearer {_token(a)}"}
    async with (
        httpx.AsyncClient(base_url=live_server, timeout=SSE_TIMEOUT) as http,
        http.stream("GET", "/api/v1/events", headers=headers) as stream,
    ):
        assert stream.status_code == 200
        # Published as soon as the headers arrived, before reading any line.
        await get_bus().publish(a.org_id, "Ping", {"n": 1})
        event = await next_event(stream.aiter_lines(), "Ping")
    assert event["data"] == {"n": 1}


async def test_reconnect_with_last_event_id_replays_missed_events(client, live_server):
    a = await signup(client)
    async with event_stream(live_server, _token(a)) as lines:
        await a.post(
            "/api/v1/orgs/current/members", json={"email": "first@example.org", "role": "tech"}
        )
        first = await next_event(lines, "MemberAdded", _email("first@example.org"))
    # disconnected: this one is missed
    await a.post(
        "/api/v1/orgs/current/members", json={"email": "missed@example.org", "role": "tech"}
    )
    async with event_stream(live_server, _token(a), last_event_id=first["id"]) as lines:
        replayed = await next_event(lines, "MemberAdded")
        assert replayed["data"]["email"] == "missed@example.org"


async def test_events_stream_requires_a_session(client):
    response = await client.get("/api/v1/events")
    assert response.status_code == 401
