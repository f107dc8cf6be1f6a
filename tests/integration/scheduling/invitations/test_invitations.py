"""Invitations: answer by signed link without a session, idempotent replays, expiry,
revocation, forged tokens, resend; every answer audited and fired as an event."""

from __future__ import annotations

import re

import asyncpg
import pytest

from coulisses.db.connection import database_url
from tests.conftest import run_jobs
from tests.helpers import error_code, signup
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

LINK = re.compile(r"/invitations/(\d+)\?token=([\w-]+)")


async def _link(mail_sink, email: str) -> tuple[int, str]:
    await run_jobs()
    messages = mail_sink.to(email)
    assert messages, f"no email to {email}"
    match = LINK.search(messages[-1].get_content())
    assert match
    return int(match[1]), match[2]


async def _setup(client, mail_sink, quota: int = 2):
    org = await signup(client)
    project = await make_project(org)
    mission = await make_mission(
        org, project["id"], roles=[{"name": "technicien son", "quota": quota}]
    )
    user = await make_user(org, email="crew@example.org")
    assignment = await invite(org, mission["roles"][0]["id"], user["id"])
    invitation_id, token = await _link(mail_sink, "crew@example.org")
    assert assignment["invitation"]["id"] == invitation_id
    return org, mission, user, assignment, invitation_id, token


async def _audit(org_id: int, action: str) -> list[dict]:
    conn = await asyncpg.connect(database_url())
    try:
        rows = await conn.fetch(
            "SELECT * FROM audit_log WHERE org = $1 AND action = $2", org_id, action
        )
    finally:
        await conn.close()
    return [dict(r) for r in rows]


async def test_accept_by_link_then_replay_changes_nothing(client, new_client, mail_sink):
    org, mission, _, assignment, invitation_id, token = await _setup(client, mail_sink)
    public = new_client()
    url = f"/api/v1/invitations/{invitation_id}/accept"
    first = await public.post(url, params={"token": token})
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["assignment_status"] == "ACCEPTED"
    assert body["replayed"] is False
    assert body["mission_title"] == mission["title"]
    replay = await public.post(url, params={"token": token})
    assert replay.status_code == 200
    assert {**replay.json(), "replayed": False} == body
    assert replay.json()["replayed"] is True
    assert len(await _audit(org.org_id, "assignment.accepted")) == 1
    fetched = (await org.get(f"/api/v1/assignments/{assignment['id']}")).json()
    assert fetched["status"] == "ACCEPTED"
    other_answer = await public.post(
        f"/api/v1/invitations/{invitation_id}/decline", params={"token": token}
    )
    assert other_answer.status_code == 409
    assert error_code(other_answer) == "invitation.already_answered"


async def test_decline_by_link_with_a_reason(client, new_client, mail_sink):
    org, _, _, assignment, invitation_id, token = await _setup(client, mail_sink)
    response = await new_client().post(
        f"/api/v1/invitations/{invitation_id}/decline",
        params={"token": token},
        json={"reason": "deja pris ce soir-la"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["assignment_status"] == "DECLINED"
    fetched = (await org.get(f"/api/v1/assignments/{assignment['id']}")).json()
    assert fetched["decline_reason"] == "deja pris ce soir-la"
    [entry] = await _audit(org.org_id, "assignment.declined")
    assert entry["actor"] is None
    assert "deja pris" in entry["payload"]


async def test_decline_by_link_without_a_body(client, new_client, mail_sink):
    _, _, _, _, invitation_id, token = await _setup(client, mail_sink)
    response = await new_client().post(
        f"/api/v1/invitations/{invitation_id}/decline", params={"token": token}
    )
    assert response.status_code == 200, response.text
    assert response.json()["answer"] == "DECLINED"


async def test_a_logged_in_browser_answers_by_link_without_csrf(client, mail_sink):
    org, _, _, _, invitation_id, token = await _setup(client, mail_sink)
    # org.client carries session cookies but no CSRF header: the public route is exempt.
    response = await org.client.post(
        f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
    )
    assert response.status_code == 200, response.text


async def test_expired_link_is_410(client, new_client, mail_sink):
    _, _, _, _, invitation_id, token = await _setup(client, mail_sink)
    conn = await asyncpg.connect(database_url())
    try:
        await conn.execute(
            "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1",
            invitation_id,
        )
    finally:
        await conn.close()
    response = await new_client().post(
        f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
    )
    assert response.status_code == 410
    assert error_code(response) == "invitation.expired"


async def test_revoked_link_is_410_and_resend_gives_a_new_one(client, new_client, mail_sink):
    org, _, _, assignment, invitation_id, token = await _setup(client, mail_sink)
    revoked = await org.post(f"/api/v1/invitations/{invitation_id}/revoke")
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    public = new_client()
    response = await public.post(
        f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
    )
    assert response.status_code == 410
    assert error_code(response) == "invitation.revoked"

    mail_sink.clear()
    resent = await org.post(f"/api/v1/invitations/{invitation_id}/resend")
    assert resent.status_code == 200, resent.text
    new_id, new_token = await _link(mail_sink, "crew@example.org")
    assert new_id == resent.json()["id"] != invitation_id
    assert new_token != token
    old = await public.post(f"/api/v1/invitations/{invitation_id}/accept", params={"token": token})
    assert error_code(old) == "invitation.revoked"
    ok = await public.post(f"/api/v1/invitations/{new_id}/accept", params={"token": new_token})
    assert ok.status_code == 200
    current = (await org.get(f"/api/v1/assignments/{assignment['id']}")).json()
    assert current["invitation"]["id"] == new_id
    again = await org.post(f"/api/v1/invitations/{new_id}/resend")
    assert error_code(again) == "invitation.already_answered"


async def test_cancelling_an_assignment_revokes_its_link(client, new_client, mail_sink):
    org, _, _, assignment, invitation_id, token = await _setup(client, mail_sink)
    await org.post(f"/api/v1/assignments/{assignment['id']}/cancel")
    response = await new_client().post(
        f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
    )
    assert error_code(response) == "invitation.revoked"


@pytest.mark.parametrize("forged", ["", "not-the-token", "A" * 43])
async def test_forged_token_is_404(client, new_client, mail_sink, forged):
    org, _, _, assignment, invitation_id, _ = await _setup(client, mail_sink)
    public = new_client()
    for path in (f"{invitation_id}/accept", f"{invitation_id}/decline", "999999/accept"):
        response = await public.post(f"/api/v1/invitations/{path}", params={"token": forged})
        assert response.status_code == 404, (path, response.text)
        assert error_code(response) == "invitation.not_found"
    assert (await org.get(f"/api/v1/assignments/{assignment['id']}")).json()["status"] == "INVITED"


async def test_accepting_after_the_quota_was_lowered_is_409(client, new_client, mail_sink):
    # Invitations never exceed the quota (beyond it: reserves), but a manager may lower
    # the quota below the places already held by invitations (not below the accepted).
    org, mission, _, _, invitation_id, token = await _setup(client, mail_sink, quota=2)
    second = await make_user(org, first_name="Lea", email="lea@example.org")
    await invite(org, mission["roles"][0]["id"], second["id"])
    second_id, second_token = await _link(mail_sink, "lea@example.org")
    role_url = f"/api/v1/missions/{mission['id']}/roles/{mission['roles'][0]['id']}"
    assert (await org.patch(role_url, json={"quota": 1})).status_code == 200
    public = new_client()
    ok = await public.post(f"/api/v1/invitations/{invitation_id}/accept", params={"token": token})
    assert ok.status_code == 200
    full = await public.post(
        f"/api/v1/invitations/{second_id}/accept", params={"token": second_token}
    )
    assert full.status_code == 409
    assert error_code(full) == "assignment.quota_full"
    assert full.json()["error"]["details"] == {"quota": 1}
    roles = (await org.get(f"/api/v1/missions/{mission['id']}")).json()["roles"]
    assert roles[0]["accepted"] == 1
    assert roles[0]["pending"] == 1


async def test_answers_fire_domain_events(client, new_client, mail_sink, monkeypatch):
    from coulisses.scheduling import common

    fired: list = []

    async def capture(events):
        fired.extend(events)

    monkeypatch.setattr(common, "emit_all", capture)

    async def enabled(org_id):
        return {"anything"}

    import coulisses.plugins.service as plugin_service

    monkeypatch.setattr(plugin_service, "enabled_names", enabled)
    org, _, user, assignment, invitation_id, token = await _setup(client, mail_sink)
    await new_client().post(f"/api/v1/invitations/{invitation_id}/accept", params={"token": token})
    await new_client().post(f"/api/v1/invitations/{invitation_id}/accept", params={"token": token})
    await org.post(f"/api/v1/assignments/{assignment['id']}/cancel")
    kinds = [e.kind for e in fired]
    assert kinds == [
        "MissionChanged",
        "AssignmentInvited",
        "AssignmentAccepted",
        "AssignmentCancelled",
    ]
    accepted = fired[2]
    assert (accepted.assignment_id, accepted.user_id, accepted.via) == (
        assignment["id"],
        user["id"],
        "link",
    )


async def test_public_page_shows_the_mission_before_answering_without_a_session(
    client, new_client, mail_sink
):
    org, mission, _, assignment, invitation_id, token = await _setup(client, mail_sink)
    public = new_client()
    url = f"/api/v1/invitations/{invitation_id}/public"
    view = await public.get(url, params={"token": token})
    assert view.status_code == 200, view.text
    body = view.json()
    assert body["mission_title"] == mission["title"]
    assert body["timezone"] == "Europe/Paris"
    assert body["answer"] is None
    assert body["expired"] is False
    assert body["revoked"] is False
    # looking changes nothing
    fetched = (await org.get(f"/api/v1/assignments/{assignment['id']}")).json()
    assert fetched["status"] == "INVITED"
    forged = await public.get(url, params={"token": "x" * 43})
    assert forged.status_code == 404
    assert error_code(forged) == "invitation.not_found"
