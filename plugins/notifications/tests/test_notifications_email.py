"""End to end over email: the real app, the real queue, an SMTP sink."""

from __future__ import annotations

from notifications_support import (
    html_of,
    invitation_link,
    invite,
    make_mission,
    make_user,
    run_until,
    sent_messages,
    text_of,
)

from coulisses_sdk.testing import run_jobs

#: Tests run at any hour: no quiet hours unless a test sets them.
NO_QUIET = {"quiet_start": "00:00", "quiet_end": "00:00"}


async def test_invitation_email_link_accept_then_manager_gets_email_and_in_app(
    org, enable_plugin, coulisses_client, smtp_sink
):
    await enable_plugin(org, "notifications", config={"reply_to": "regie@example.org", **NO_QUIET})
    user = await make_user(org)
    mission = await make_mission(org)
    await invite(org, mission, user)
    await run_jobs()
    await run_jobs()

    [email] = smtp_sink.to(user["email"])
    assert "Exploitation Cour" in str(email["Subject"])
    assert email["Reply-To"] == "regie@example.org"
    assert "List-Unsubscribe" not in email  # an invitation is transactional
    text = text_of(email)
    assert "Bonjour Lea" in text
    assert "Cour d'honneur" in text
    assert "Accepter" in html_of(email)
    invitation_id, token = invitation_link(email, "accept")

    response = await coulisses_client.post(
        f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
    )
    assert response.status_code == 200, response.text
    assert response.json()["assignment_status"] == "ACCEPTED"
    await run_jobs()
    await run_jobs()

    [answer] = smtp_sink.to(org.email)
    assert "a accept" in str(answer["Subject"])  # "Lea Martin a accepte ..." in French
    assert "Lea Martin" in text_of(answer)
    assert "List-Unsubscribe" in answer  # not transactional: one-click unsubscribe
    inbox = (await org.get("/api/v1/notifications")).json()
    assert inbox["unread"] == 1
    [item] = inbox["items"]
    assert item["kind"] == "answer_received"
    assert item["data"]["answer"] == "accepted"

    log = await sent_messages(org)
    assert {(m["template"], m["channel"], m["status"]) for m in log} == {
        ("invitation", "email", "sent"),
        ("answer_received", "email", "sent"),
        ("answer_received", "in_app", "sent"),
    }


async def test_org_that_did_not_enable_the_plugin_gets_the_core_mail_and_no_plugin_message(
    make_org, enable_plugin, smtp_sink
):
    on = await make_org("Avec notifications")
    off = await make_org("Sans notifications")
    await enable_plugin(on, "notifications", config=NO_QUIET)
    for org in (on, off):
        user = await make_user(org, email=f"crew-{org.org_id}@example.org")
        await invite(org, await make_mission(org), user)
    await run_jobs()
    await run_jobs()

    assert len(smtp_sink.to(f"crew-{on.org_id}@example.org")) == 1
    assert smtp_sink.to(f"crew-{off.org_id}@example.org") == []  # the core mailed it instead
    assert (await off.get("/api/v1/notifications/messages")).status_code == 404
    assert len(await sent_messages(on)) == 1


async def test_english_recipient_gets_english_email(org, enable_plugin, smtp_sink):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    response = await org.patch("/api/v1/orgs/current", json={"locale": "en"})
    assert response.status_code == 200, response.text
    user = await make_user(org)
    await invite(org, await make_mission(org, starts_at="2027-07-10T19:00:00+02:00"), user)
    await run_until(lambda: _has_mail(smtp_sink, user["email"]))

    [email] = smtp_sink.to(user["email"])
    assert "you are invited" in str(email["Subject"])
    assert "Hello Lea" in text_of(email)
    assert "Sat 2027-07-10 19:00" in text_of(email)


async def _has_mail(sink, address: str) -> bool:
    return bool(sink.to(address))
