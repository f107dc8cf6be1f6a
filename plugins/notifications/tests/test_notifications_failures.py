"""When delivery goes wrong: refused, unreachable relay (retries with backoff), rate limits.
Nothing is lost: every attempt is in the sent-messages log, in-app notifications stay."""

from __future__ import annotations

from notifications_support import (
    free_port,
    invitation_link,
    invite,
    make_mission,
    make_user,
    sent_messages,
)

from coulisses_notifications.config import override_settings
from coulisses_sdk.testing import run_deferred_jobs, run_jobs

NO_QUIET = {"quiet_start": "00:00", "quiet_end": "00:00"}


async def test_refused_recipient_is_recorded_failed_at_once(org, enable_plugin, smtp_sink):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    smtp_sink.mode = "reject"
    user = await make_user(org)
    await invite(org, await make_mission(org), user)
    await run_jobs()
    await run_jobs()

    [message] = await sent_messages(org)
    assert message["status"] == "failed"
    assert message["attempts"] == 1  # a 5xx refusal is not retried
    assert "550" in message["last_error"]
    assert smtp_sink.attempts == 1


async def test_unreachable_relay_is_retried_with_backoff_then_recorded_failed(
    org, enable_plugin, smtp_sink, coulisses_client
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    user = await make_user(org)
    await invite(org, await make_mission(org), user)
    await run_jobs()
    await run_jobs()
    invitation_id, token = invitation_link(smtp_sink.to(user["email"])[0])

    # Nothing listens on that port; retries wait (the test lets time pass itself).
    with override_settings(smtp_port=free_port(), retry_delay=3600.0, retry_max_delay=7200.0):
        response = await coulisses_client.post(
            f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
        )
        assert response.status_code == 200
        await run_jobs()
        await run_jobs()
        [email] = await sent_messages(org, template="answer_received", channel="email")
        assert email["status"] == "retrying"
        assert email["attempts"] == 1
        await run_deferred_jobs()
        [email] = await sent_messages(org, template="answer_received", channel="email")
        assert (email["status"], email["attempts"]) == ("retrying", 2)
        await run_deferred_jobs()

    [email] = await sent_messages(org, template="answer_received", channel="email")
    assert email["status"] == "failed"
    assert email["attempts"] == 3  # NOTIFICATIONS_SEND_ATTEMPTS in these tests
    assert "SMTPConnect" in email["last_error"]
    # The answer itself is not lost: the manager's notification center has it.
    [item] = (await org.get("/api/v1/notifications")).json()["items"]
    assert item["kind"] == "answer_received"


async def test_temporary_refusal_is_retried_until_the_relay_accepts(org, enable_plugin, smtp_sink):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    smtp_sink.mode = "tempfail"
    user = await make_user(org)
    with override_settings(retry_delay=3600.0, retry_max_delay=7200.0):
        await invite(org, await make_mission(org), user)
        await run_jobs()
        await run_jobs()
        [message] = await sent_messages(org)
        assert message["status"] == "retrying"
        assert message["attempts"] == 1
        assert "451" in message["last_error"]

        smtp_sink.mode = "accept"
        await run_deferred_jobs()

    [message] = await sent_messages(org)
    assert message["status"] == "sent"
    assert message["attempts"] == 2
    assert len(smtp_sink.to(user["email"])) == 1


async def test_invitations_are_rate_limited_per_recipient(org, enable_plugin, smtp_sink):
    await enable_plugin(
        org, "notifications", config={**NO_QUIET, "invitations_per_recipient_per_day": 1}
    )
    user = await make_user(org)
    assignment = await invite(org, await make_mission(org), user)
    await run_jobs()  # a link revoked before its delivery ran is never sent
    response = await org.post(f"/api/v1/invitations/{assignment['invitation']['id']}/resend")
    assert response.status_code == 200, response.text
    await run_jobs()

    assert len(smtp_sink.to(user["email"])) == 1
    statuses = sorted(m["status"] for m in await sent_messages(org))
    assert statuses == ["sent", "throttled"]


async def test_invitations_are_rate_limited_per_org(org, enable_plugin, smtp_sink):
    await enable_plugin(
        org, "notifications", config={**NO_QUIET, "invitations_per_org_per_hour": 2}
    )
    mission = await make_mission(org)
    users = [await make_user(org) for _ in range(3)]
    response = await org.post(
        "/api/v1/assignments/bulk_create",
        json={
            "mission_role_ids": [mission["roles"][0]["id"]],
            "user_ids": [u["id"] for u in users],
            "reserve": True,  # 2 places: the third is a reserve (invited all the same)
        },
    )
    assert response.status_code == 201, response.text
    await run_jobs()
    await run_jobs()

    assert len(smtp_sink.messages) == 2
    [throttled] = await sent_messages(org, status="throttled")
    assert "per org" in throttled["last_error"]


async def test_an_invitation_that_reaches_nobody_tells_the_inviting_manager_in_the_app(
    org, enable_plugin, smtp_sink
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    nobody = await org.post(
        "/api/v1/users",
        json={"first_name": "Sans", "last_name": "Adresse", "employment_type": "Freelance"},
    )
    assert nobody.status_code == 201, nobody.text
    assignment = await invite(org, await make_mission(org), nobody.json())
    await run_jobs()

    fetched = (await org.get(f"/api/v1/assignments/{assignment['id']}")).json()
    assert fetched["invitation"]["delivery"]["status"] == "no_channel"
    inbox = (await org.get("/api/v1/notifications")).json()
    [notice] = [n for n in inbox["items"] if n["kind"] == "delivery_failed"]
    assert "Sans Adresse" in notice["title"]
    assert notice["data"]["assignment_id"] == assignment["id"]
