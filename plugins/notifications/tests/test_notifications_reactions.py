"""The other things that happen: cancellation, mission changes, reminders, password reset."""

from __future__ import annotations

import datetime as dt

from notifications_support import (
    invitation_link,
    invite,
    make_mission,
    make_user,
    sent_messages,
    text_of,
)

from coulisses_notifications import jobs
from coulisses_sdk.testing import run_jobs

NO_QUIET = {"quiet_start": "00:00", "quiet_end": "00:00"}


async def _invited(org, smtp_sink, **mission):
    user = await make_user(org)
    created = await make_mission(org, **mission)
    assignment = await invite(org, created, user)
    await run_jobs()
    await run_jobs()
    return user, created, assignment


async def test_cancelled_assignment_is_announced_with_an_unsubscribe_link(
    org, enable_plugin, smtp_sink
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    user, _, assignment = await _invited(org, smtp_sink)
    response = await org.post(f"/api/v1/assignments/{assignment['id']}/cancel")
    assert response.status_code == 200, response.text
    await run_jobs()
    await run_jobs()

    _, cancel_mail = smtp_sink.to(user["email"])
    assert "annul" in str(cancel_mail["Subject"])
    assert "/api/v1/notifications/unsubscribe?token=" in text_of(cancel_mail)
    assert cancel_mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


async def test_mission_time_change_is_announced_with_before_and_after_but_a_title_is_not(
    org, enable_plugin, smtp_sink
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    user, mission, _ = await _invited(org, smtp_sink)

    response = await org.patch(f"/api/v1/missions/{mission['id']}", json={"title": "Nouveau titre"})
    assert response.status_code == 200, response.text
    await run_jobs()
    assert len(smtp_sink.to(user["email"])) == 1  # only the invitation

    response = await org.patch(
        f"/api/v1/missions/{mission['id']}",
        json={"starts_at": "2027-07-10T20:00:00+02:00", "place": "Cloitre"},
    )
    assert response.status_code == 200, response.text
    await run_jobs()
    await run_jobs()
    changed = smtp_sink.to(user["email"])[-1]
    text = text_of(changed)
    assert "sam. 10/07/2027 19:00 - dim. 11/07/2027 01:00 (avant)" in text
    assert "sam. 10/07/2027 20:00 - dim. 11/07/2027 01:00 (maintenant)" in text
    assert "Cour d'honneur (avant) -> Cloitre (maintenant)" in text

    await run_jobs()  # the same change is not announced twice
    assert len(smtp_sink.to(user["email"])) == 2


async def test_reminders_before_expiry_and_before_the_mission_go_once(
    org, enable_plugin, smtp_sink, coulisses_client
):
    await enable_plugin(
        org,
        "notifications",
        config={
            **NO_QUIET,
            "reminder_before_expiry_hours": 24 * 14,
            "reminder_before_mission_hours": 24,
        },
    )
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(hours=20)
    window = {"starts_at": soon.isoformat(), "ends_at": (soon + dt.timedelta(hours=3)).isoformat()}
    pending_user, _, _ = await _invited(org, smtp_sink)
    accepted_user, _, _ = await _invited(org, smtp_sink, **window)
    invitation_id, token = invitation_link(smtp_sink.to(accepted_user["email"])[0])
    await coulisses_client.post(
        f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
    )
    await run_jobs()

    await jobs.send_reminders({}, org_id=org.org_id)
    await jobs.send_reminders({}, org_id=org.org_id)  # the cron runs again: nothing new
    await run_jobs()
    await run_jobs()

    [expiry] = [m for m in smtp_sink.to(pending_user["email"]) if "attendue" in str(m["Subject"])]
    assert "expire le" in text_of(expiry)
    reminders = [m for m in smtp_sink.to(accepted_user["email"]) if "Rappel" in text_of(m)]
    assert len(reminders) == 1
    templates = sorted(m["template"] for m in await sent_messages(org, channel="email"))
    assert templates.count("reminder_expiry") == 1
    assert templates.count("reminder_mission") == 1


async def test_password_reset_is_delivered_by_the_plugin_when_an_org_enabled_it(
    org, enable_plugin, smtp_sink, coulisses_client, coulisses_mail
):
    await enable_plugin(org, "notifications", config=_quiet_all_day())
    response = await coulisses_client.post("/api/v1/auth/password-reset", json={"email": org.email})
    assert response.status_code in (200, 202, 204), response.text
    await run_jobs()
    await run_jobs()

    [email] = smtp_sink.to(org.email)  # urgent: quiet hours do not hold it
    assert "mot de passe" in str(email["Subject"])
    assert "/reset-password?token=" in text_of(email)
    assert "List-Unsubscribe" not in email
    assert coulisses_mail.to(org.email) == []  # the core did not send its own
    [logged] = await sent_messages(org)
    assert logged["template"] == "password_reset"


def _quiet_all_day() -> dict[str, str]:
    now = dt.datetime.now()
    return {
        "quiet_start": (now - dt.timedelta(hours=2)).strftime("%H:%M"),
        "quiet_end": (now + dt.timedelta(hours=4)).strftime("%H:%M"),
    }


async def test_availability_request_and_reminder_reach_the_person_in_their_language(
    org, enable_plugin, smtp_sink, coulisses_mail
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    user = await make_user(org)
    deadline = dt.datetime(2030, 1, 15, 17, 0, tzinfo=dt.UTC)
    response = await org.post(
        "/api/v1/availability-requests",
        json={
            "title": "Festival 2030",
            "starts_on": "2030-01-20",
            "ends_on": "2030-01-22",
            "user_ids": [user["id"]],
            "deadline": deadline.isoformat(),
            "message": "Merci de repondre vite",
        },
    )
    assert response.status_code == 201, response.text
    request_id = response.json()["id"]
    await run_jobs()
    await run_jobs()

    [first] = smtp_sink.to(user["email"])
    assert "disponibilit" in str(first["Subject"])
    assert "Festival 2030" in str(first["Subject"])
    body = text_of(first)
    assert "/availability-answers/" in body
    assert "token=" in body
    assert "20/01/2030" in body
    assert "22/01/2030" in body
    assert "15/01/2030 18:00" in body  # the deadline on the request's clock (Paris)
    assert "Merci de repondre vite" in body
    assert "List-Unsubscribe" not in first  # transactional
    assert coulisses_mail.to(user["email"]) == []  # the core did not send its own

    response = await org.post(f"/api/v1/availability-requests/{request_id}/remind")
    assert response.status_code == 200, response.text
    await run_jobs()
    await run_jobs()
    _, reminder = smtp_sink.to(user["email"])
    assert str(reminder["Subject"]).startswith("Rappel")
    assert "rappel" in text_of(reminder).lower()
    logged = sorted(m["template"] for m in await sent_messages(org, channel="email"))
    assert logged.count("availability_request") == 2
    for message in await sent_messages(org):
        assert "token=" not in str(message)  # the log keeps no link
