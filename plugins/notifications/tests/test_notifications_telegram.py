"""The Telegram bot end to end, against a local server speaking the Bot API: the same
client code as production, long polling relayed to the app's webhook route."""

from __future__ import annotations

import re

import pytest
from notifications_support import (
    invitation_link,
    invite,
    make_mission,
    make_user,
    sent_messages,
    text_of,
)

from coulisses_notifications.telegram import poller
from coulisses_notifications.telegram.client import TelegramClient
from coulisses_sdk.testing import run_jobs

NO_QUIET = {"quiet_start": "00:00", "quiet_end": "00:00"}
CHAT = 4242


@pytest.fixture
async def bot(telegram, coulisses_client):
    """A polling relay: ``await bot.poll()`` hands pending updates to the app, runs its replies."""

    class Relay:
        def __init__(self) -> None:
            self.client = TelegramClient.from_settings()
            self.forward = poller.http_forwarder(coulisses_client, "hook-secret")
            self.offset: int | None = None

        async def poll(self) -> None:
            self.offset = await poller.poll_once(self.client, self.forward, self.offset, wait=0)

    relay = Relay()
    yield relay
    await relay.client.aclose()


async def _link_crew(org, telegram, bot, smtp_sink, chat=CHAT):
    """Invite a new user; they link Telegram with the code of their invitation email."""
    user = await make_user(org)
    mission = await make_mission(org)
    assignment = await invite(org, mission, user)
    await run_jobs()
    await run_jobs()
    [email] = smtp_sink.to(user["email"])
    code = re.search(r"start=([A-Z0-9]+)", text_of(email)).group(1)
    telegram.user_says(chat, f"/start {code}")
    await bot.poll()
    return user, mission, assignment, email


async def test_invitation_on_telegram_accepted_with_the_inline_button_tells_the_manager(
    org, enable_plugin, telegram, bot, smtp_sink
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    user, _, _, _ = await _link_crew(org, telegram, bot, smtp_sink)
    assert "maintenant li" in telegram.to(CHAT)[-1]["text"]  # "liee a <org>"

    second = await make_mission(
        org,
        title="Demontage",
        starts_at="2027-07-12T01:00:00+02:00",
        ends_at="2027-07-12T04:00:00+02:00",
    )
    assignment = await invite(org, second, user)
    await run_jobs()
    await run_jobs()
    message = telegram.to(CHAT)[-1]
    assert "Demontage" in message["text"]
    accept, decline = message["reply_markup"]["inline_keyboard"][0]
    assert accept["text"] == "Accepter"
    assert decline["text"] == "Refuser"

    telegram.user_clicks(CHAT, accept["callback_data"])
    await bot.poll()
    assert telegram.callback_answers[-1]["text"].startswith("Accept")
    state = (await org.get(f"/api/v1/assignments/{assignment['id']}")).json()
    assert state["status"] == "ACCEPTED"

    await run_jobs()
    await run_jobs()
    [answer] = [m for m in smtp_sink.to(org.email) if "Demontage" in str(m["Subject"])]
    assert "Telegram" in text_of(answer)  # "Reponse via : Telegram"
    inbox = (await org.get("/api/v1/notifications", params={"unread": True})).json()
    assert [i["kind"] for i in inbox["items"]] == ["answer_received"]
    log = await sent_messages(org, channel="telegram")
    assert {m["template"] for m in log} == {"invitation"}
    assert all(m["status"] == "sent" for m in log)

    telegram.user_clicks(CHAT, accept["callback_data"])  # the same button again
    await bot.poll()
    assert telegram.callback_answers[-1]["text"].startswith("D")  # "Deja repondu"


async def test_commands_my_missions_then_decline_with_a_reason_and_english_alias(
    org, enable_plugin, telegram, bot, smtp_sink
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    user, _, assignment, email = await _link_crew(org, telegram, bot, smtp_sink)
    invitation_id, _ = invitation_link(email)

    telegram.user_says(CHAT, "Mes missions")
    await bot.poll()
    listing = telegram.to(CHAT)[-1]["text"]
    assert "Exploitation Cour" in listing
    assert f"accepter {invitation_id}" in listing

    telegram.user_says(CHAT, f"d\u00e9cliner {invitation_id} deja pris ce soir-la")
    await bot.poll()
    assert telegram.to(CHAT)[-1]["text"].startswith("Refus")
    state = (await org.get(f"/api/v1/assignments/{assignment['id']}")).json()
    assert state["status"] == "DECLINED"
    assert state["decline_reason"] == "deja pris ce soir-la"
    await run_jobs()
    await run_jobs()
    [answer] = smtp_sink.to(org.email)
    assert "deja pris ce soir-la" in text_of(answer)

    other = await invite(org, await make_mission(org, title="Balance"), user)
    await run_jobs()
    code = other["invitation"]["id"]
    telegram.user_says(CHAT, f"accept {code}")
    await bot.poll()
    assert telegram.to(CHAT)[-1]["text"] == "Accept\u00e9e : Balance."

    telegram.user_says(CHAT, f"accept {code + 1000}")  # not theirs: looks missing
    await bot.poll()
    assert "Aucune invitation" in telegram.to(CHAT)[-1]["text"]


async def test_unlinked_chat_bad_code_and_disabled_org_get_nothing(
    org, enable_plugin, telegram, bot, smtp_sink
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    telegram.user_says(777, "mes missions")
    telegram.user_says(777, "/start NOPE")
    await bot.poll()
    assert "pas encore li" in telegram.to(777)[0]["text"]
    assert "inconnu" in telegram.to(777)[1]["text"]

    await _link_crew(org, telegram, bot, smtp_sink)
    await org.disable("notifications")
    telegram.user_says(CHAT, "mes missions")
    await bot.poll()
    assert "pas encore li" in telegram.to(CHAT)[-1]["text"]  # the org's link is dormant


async def test_member_links_telegram_from_the_app_and_receives_answers_there(
    org, enable_plugin, telegram, bot, smtp_sink, coulisses_client
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    response = await org.post("/api/v1/notifications/telegram/link_code")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["url"] == f"https://t.me/coulisses_test_bot?start={body['code']}"
    telegram.user_says(9001, f"/start {body['code']}", username="regie")
    await bot.poll()
    status = (await org.get("/api/v1/notifications/telegram/status")).json()
    assert status["linked"] is True
    assert status["username"] == "regie"

    user = await make_user(org)
    await invite(org, await make_mission(org), user)
    await run_jobs()
    await run_jobs()
    invitation_id, token = invitation_link(smtp_sink.to(user["email"])[0])
    response = await coulisses_client.post(
        f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
    )
    assert response.status_code == 200, response.text
    await run_jobs()
    await run_jobs()
    assert "Lea Martin a accept\u00e9" in telegram.to(9001)[-1]["text"]

    response = await org.delete("/api/v1/notifications/telegram/link")
    assert response.status_code == 204
    assert (await org.get("/api/v1/notifications/telegram/status")).json()["linked"] is False


async def test_webhook_needs_the_secret_and_answers_with_the_bot_api_call(
    org, enable_plugin, telegram, coulisses_client
):
    await enable_plugin(org, "notifications")
    update = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "chat": {"id": 55},
            "text": "aide",
            "from": {"id": 55, "language_code": "en"},
        },
    }
    path = "/api/v1/notifications/telegram/webhook"
    assert (await coulisses_client.post(path, json=update)).status_code == 401
    response = await coulisses_client.post(
        path, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "hook-secret"}
    )
    assert response.status_code == 200
    reply = response.json()
    assert reply["method"] == "sendMessage"
    assert reply["chat_id"] == 55
    assert "not linked" in reply["text"]

    async with TelegramClient.from_settings() as client:
        assert await client.set_webhook("https://crew.example.org" + path, "hook-secret")
    assert telegram.webhook["secret_token"] == "hook-secret"


async def test_webhook_is_404_without_a_configured_bot(coulisses_client):
    response = await coulisses_client.post(
        "/api/v1/notifications/telegram/webhook", json={"update_id": 1}
    )
    assert response.status_code == 404


async def test_blocked_bot_is_recorded_as_failed_without_retrying(
    org, enable_plugin, telegram, bot, smtp_sink
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    user, _, _, _ = await _link_crew(org, telegram, bot, smtp_sink)
    telegram.blocked.add(CHAT)
    await invite(org, await make_mission(org, title="Balance"), user)
    await run_jobs()
    await run_jobs()
    [failed] = await sent_messages(org, channel="telegram", status="failed")
    assert failed["attempts"] == 1
    assert "403" in failed["last_error"]
