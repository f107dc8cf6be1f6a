"""Concurrent answers of one signed link: each reads the state after the row lock, so a
replay answers the current state (never a stale INVITED)."""

from __future__ import annotations

import asyncio

from coulisses.settings import get_settings
from tests.integration.scheduling.invitations.test_invitations import _setup


async def test_two_simultaneous_accepts_both_see_the_accepted_assignment(
    client, new_client, mail_sink
):
    _, _, invitation_id, token = await _setup_link(client, mail_sink)
    url = f"/api/v1/invitations/{invitation_id}/accept"
    phones = [new_client(f"10.60.0.{i}") for i in (1, 2)]
    answers = await asyncio.gather(*(p.post(url, params={"token": token}) for p in phones))
    assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
    bodies = [a.json() for a in answers]
    assert [b["assignment_status"] for b in bodies] == ["ACCEPTED", "ACCEPTED"]
    assert sorted(b["replayed"] for b in bodies) == [False, True]


async def test_twenty_concurrent_replays_return_identical_bodies(
    client, new_client, mail_sink, monkeypatch
):
    monkeypatch.setattr(get_settings(), "invitation_max_attempts", 100)
    _, _, invitation_id, token = await _setup_link(client, mail_sink)
    url = f"/api/v1/invitations/{invitation_id}/accept"
    first = await new_client("10.61.0.1").post(url, params={"token": token})
    assert first.status_code == 200, first.text
    phones = [new_client(f"10.61.1.{i}") for i in range(20)]
    replays = await asyncio.gather(*(p.post(url, params={"token": token}) for p in phones))
    assert {r.status_code for r in replays} == {200}
    bodies = [r.json() for r in replays]
    assert all(b == bodies[0] for b in bodies)
    assert bodies[0]["assignment_status"] == "ACCEPTED"
    assert bodies[0]["replayed"] is True


async def _setup_link(client, mail_sink):
    org, _, _, assignment, invitation_id, token = await _setup(client, mail_sink)
    return org, assignment, invitation_id, token
