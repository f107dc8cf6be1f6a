"""GET /api/v1/events: live domain events over SSE, per org, with Last-Event-ID replay."""

from __future__ import annotations

import asyncio
import json

import httpx

from tests.helpers import signup


async def _next_event(lines, kind: str) -> dict:
    event: dict = {}
    async for line in lines:
        if line.startswith("id:"):
            event["id"] = line[3:].strip()
        elif line.startswith("event:"):
            event["event"] = line[6:].strip()
        elif line.startswith("data:"):
            event["data"] = json.loads(line[5:].strip())
        elif line == "" and "event" in event:
            if event["event"] == kind:
                return event
            event = {}
    raise AssertionError("stream ended")


async def test_member_added_reaches_the_org_stream_and_not_another_org(
    client, new_client, live_server
):
    a = await signup(client)
    b = await signup(new_client())
    headers_a = {"Authorization": f"Bearer {a.client.cookies.get('cc_access')}"}
    headers_b = {"Authorization": f"Bearer {b.client.cookies.get('cc_access')}"}
    async with (
        httpx.AsyncClient(base_url=live_server, timeout=10) as http,
        http.stream("GET", "/api/v1/events", headers=headers_a) as stream_a,
        http.stream("GET", "/api/v1/events", headers=headers_b) as stream_b,
    ):
        assert stream_a.status_code == 200
        assert stream_a.headers["content-type"].startswith("text/event-stream")
        lines_a = stream_a.aiter_lines()
        lines_b = stream_b.aiter_lines()
        await a.post(
            "/api/v1/orgs/current/members", json={"email": "live@example.org", "role": "tech"}
        )
        event = await asyncio.wait_for(_next_event(lines_a, "MemberAdded"), 5)
        assert event["data"]["email"] == "live@example.org"
        assert event["data"]["org_id"] == a.org_id
        try:
            await asyncio.wait_for(_next_event(lines_b, "MemberAdded"), 0.5)
            raise AssertionError("org B received org A's event")
        except TimeoutError:
            pass


async def test_reconnect_with_last_event_id_replays_missed_events(client, live_server):
    a = await signup(client)
    headers = {"Authorization": f"Bearer {a.client.cookies.get('cc_access')}"}
    async with httpx.AsyncClient(base_url=live_server, timeout=10) as http:
        async with http.stream("GET", "/api/v1/events", headers=headers) as stream:
            lines = stream.aiter_lines()
            await a.post(
                "/api/v1/orgs/current/members", json={"email": "first@example.org", "role": "tech"}
            )
            first = await asyncio.wait_for(_next_event(lines, "MemberAdded"), 5)
        # disconnected: this one is missed
        await a.post(
            "/api/v1/orgs/current/members", json={"email": "missed@example.org", "role": "tech"}
        )
        async with http.stream(
            "GET", "/api/v1/events", headers={**headers, "Last-Event-ID": first["id"]}
        ) as stream:
            replayed = await asyncio.wait_for(_next_event(stream.aiter_lines(), "MemberAdded"), 5)
            assert replayed["data"]["email"] == "missed@example.org"


async def test_events_stream_requires_a_session(client):
    response = await client.get("/api/v1/events")
    assert response.status_code == 401
