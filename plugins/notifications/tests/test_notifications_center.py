"""The in-app center (list, unread, read, pushed live), preferences, the sent-messages log,
the unsubscribe link, and the plugin's silence where it is not enabled."""

from __future__ import annotations

import re

from notifications_support import (
    invitation_link,
    invite,
    make_mission,
    make_user,
    sent_messages,
    text_of,
)

from coulisses_sdk.testing import event_stream, http_client, next_event, run_jobs

NO_QUIET = {"quiet_start": "00:00", "quiet_end": "00:00"}


async def _answered(org, smtp_sink, client, *, accept: bool = True):
    """A user invited by the owner answers through the email link."""
    user = await make_user(org)
    await invite(org, await make_mission(org), user)
    await run_jobs()
    await run_jobs()
    invitation_id, token = invitation_link(smtp_sink.to(user["email"])[-1])
    verb = "accept" if accept else "decline"
    response = await client.post(
        f"/api/v1/invitations/{invitation_id}/{verb}", params={"token": token}
    )
    assert response.status_code == 200, response.text
    await run_jobs()
    await run_jobs()
    return user


async def test_inbox_lists_unread_and_marks_read_one_then_all(
    org, enable_plugin, smtp_sink, coulisses_client
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    await _answered(org, smtp_sink, coulisses_client)
    await _answered(org, smtp_sink, coulisses_client, accept=False)

    inbox = (await org.get("/api/v1/notifications")).json()
    assert inbox["unread"] == 2
    newest, oldest = inbox["items"]
    assert newest["data"]["answer"] == "declined"
    assert "a refus" in newest["title"]

    response = await org.post(f"/api/v1/notifications/{oldest['id']}/read")
    assert response.status_code == 200
    assert response.json()["read_at"] is not None
    unread = (await org.get("/api/v1/notifications", params={"unread": "true"})).json()
    assert [i["id"] for i in unread["items"]] == [newest["id"]]

    assert (await org.post("/api/v1/notifications/read_all")).json() == {"marked": 1}
    assert (await org.get("/api/v1/notifications")).json()["unread"] == 0
    oldest_first = await org.get(
        "/api/v1/notifications", params={"sort": "id", "fields": "id,read_at", "page_size": 1}
    )
    assert oldest_first.status_code == 200, oldest_first.text
    [item] = oldest_first.json()["items"]
    assert set(item) == {"id", "read_at"}
    assert item["id"] == oldest["id"]
    assert item["read_at"] is not None
    assert oldest_first.json()["total"] == 2
    assert (await org.post("/api/v1/notifications/999999/read")).status_code == 404


async def test_notifications_are_pushed_on_the_live_stream_to_their_recipient(
    org, enable_plugin, smtp_sink, coulisses_client, live_url
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    async with event_stream(live_url, str(org.client.cookies.get("cc_access"))) as lines:
        await _answered(org, smtp_sink, coulisses_client)
        event = (await next_event(lines, "notifications.created"))["data"]
    assert event["recipient_account_id"] == org.account_id
    assert event["kind"] == "answer_received"


async def test_preferences_choose_channels_per_kind(
    org, enable_plugin, smtp_sink, coulisses_client
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    prefs = (await org.get("/api/v1/notifications/preferences")).json()
    assert prefs["channels"]["answer_received"] == ["email", "telegram", "in_app"]
    assert prefs["timezone"] == "Europe/Paris"
    assert prefs["locale"] is None

    response = await org.put(
        "/api/v1/notifications/preferences",
        json={"channels": {"answer_received": ["in_app"]}, "locale": "en"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["channels"]["answer_received"] == ["in_app"]
    await _answered(org, smtp_sink, coulisses_client)

    assert smtp_sink.to(org.email) == []
    [item] = (await org.get("/api/v1/notifications")).json()["items"]
    assert "accepted" in item["title"]  # the owner chose English

    bad = await org.put("/api/v1/notifications/preferences", json={"channels": {"nope": []}})
    assert bad.status_code == 400
    half = await org.put("/api/v1/notifications/preferences", json={"quiet_start": "23:00"})
    assert half.status_code == 400
    wrong = await org.put(
        "/api/v1/notifications/preferences", json={"quiet_start": "25:00", "quiet_end": "08:00"}
    )
    assert wrong.status_code == 400


async def test_unsubscribe_link_stops_that_kind_of_email_only(
    org, enable_plugin, smtp_sink, coulisses_client, coulisses_app
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    await _answered(org, smtp_sink, coulisses_client)
    [answer] = smtp_sink.to(org.email)
    url = re.search(r"(https?://\S+/unsubscribe\?token=\S+)", text_of(answer)).group(1)
    assert answer["List-Unsubscribe"] == f"<{url}>"
    path = url.removeprefix("http://testserver")

    async with http_client(coulisses_app, ip="10.77.9.9") as anonymous:
        page = await anonymous.get(path)  # a mail scanner opening it changes nothing
        assert page.status_code == 200
        assert "<form" in page.text
        assert (await org.get("/api/v1/notifications/preferences")).json()["channels"][
            "answer_received"
        ] == ["email", "telegram", "in_app"]
        done = await anonymous.post(path)  # RFC 8058 one-click
        assert done.status_code == 200
        assert "<form" not in done.text
        forged = await anonymous.post(path[:-3] + "xyz")
        assert forged.status_code == 404

    channels = (await org.get("/api/v1/notifications/preferences")).json()["channels"]
    assert channels["answer_received"] == ["telegram", "in_app"]
    assert channels["reminder"] == ["email", "telegram", "in_app"]
    await _answered(org, smtp_sink, coulisses_client)
    assert len(smtp_sink.to(org.email)) == 1  # no new answer email
    assert len((await org.get("/api/v1/notifications")).json()["items"]) == 2


async def test_sent_messages_log_filters_and_is_404_until_enabled(org, enable_plugin, smtp_sink):
    assert (await org.get("/api/v1/notifications/messages")).status_code == 404
    assert (await org.get("/api/v1/notifications")).status_code == 404
    await enable_plugin(org, "notifications", config=NO_QUIET)
    users = [await make_user(org) for _ in range(2)]
    mission = await make_mission(org)
    for user in users:
        await invite(org, mission, user)
    await run_jobs()
    await run_jobs()

    everything = await sent_messages(org)
    assert len(everything) == 2
    [one] = await sent_messages(org, recipient=users[0]["email"])
    assert one["recipient"] == users[0]["email"]
    assert one["template"] == "invitation"
    assert one["recipient_user_id"] == users[0]["id"]
    assert await sent_messages(org, status="failed") == []

    await org.disable("notifications")  # data is kept, routes answer 404 again
    assert (await org.get("/api/v1/notifications/messages")).status_code == 404
    await org.enable("notifications")
    assert len(await sent_messages(org)) == 2


async def test_jobs_queued_before_the_org_disabled_the_plugin_send_nothing(
    org, enable_plugin, smtp_sink
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    user = await make_user(org)
    await invite(org, await make_mission(org), user)
    await org.disable("notifications")
    await run_jobs()
    await run_jobs()
    assert smtp_sink.messages == []


async def test_another_org_cannot_read_or_mark_a_notification(
    make_org, enable_plugin, smtp_sink, coulisses_client
):
    a = await make_org("A")
    b = await make_org("B")
    for org in (a, b):
        await enable_plugin(org, "notifications", config=NO_QUIET)
    await _answered(b, smtp_sink, coulisses_client)
    [item] = (await b.get("/api/v1/notifications")).json()["items"]

    assert (await a.post(f"/api/v1/notifications/{item['id']}/read")).status_code == 404
    assert (await a.get("/api/v1/notifications")).json() == {
        "items": [],
        "page": 1,
        "page_size": 50,
        "total": 0,
        "unread": 0,
    }
    assert (await a.post("/api/v1/notifications/read_all")).json() == {"marked": 0}
    assert (await b.get("/api/v1/notifications")).json()["unread"] == 1
    assert await sent_messages(a) == []


async def test_an_invitation_in_app_carries_its_assignment_and_no_answer_commands(
    org, enable_plugin, smtp_sink
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    user = await make_user(org, account_id=org.account_id)
    assignment = await invite(org, await make_mission(org), user)
    await run_jobs()
    await run_jobs()

    inbox = (await org.get("/api/v1/notifications")).json()
    [item] = [i for i in inbox["items"] if i["kind"] == "invitation"]
    # The app answers from these ids (Accept / Decline buttons), not from a typed command.
    assert item["data"]["assignment_id"] == assignment["id"]
    assert isinstance(item["data"]["invitation_id"], int)
    assert "Exploitation Cour" in item["body"]
    assert "accepter" not in item["body"].lower()
    assert "boutons" not in item["body"]
