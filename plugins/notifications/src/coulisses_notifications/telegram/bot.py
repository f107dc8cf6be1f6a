"""The bot's side of the conversation: one Telegram update in, at most one Bot API call out.

``handle_update`` returns the reply as a Bot API method call
(``{"method": "sendMessage", ...}``): the webhook answers it in its HTTP
response (Telegram then runs it) and the long-polling relay runs it itself,
so both modes share this code. Commands, French first then English:
``/start <code>`` (link this chat), ``mes missions`` / ``my missions``,
``accepter <code>`` / ``accept <code>``, ``decliner <code> [motif]`` /
``decline <code> [reason]``, and the inline buttons (``acc:<code>`` /
``dec:<code>``). The code of an invitation is its number: answering needs the
chat to be linked to the invited user, so a code alone is worth nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from typing import Any

from coulisses_notifications import preferences
from coulisses_notifications.i18n import Translator, normalize
from coulisses_notifications.telegram import links
from coulisses_sdk import host

logger = logging.getLogger(__name__)

PLUGIN = "notifications"
VIA = "telegram"
ACCEPT_PREFIX = "acc:"
DECLINE_PREFIX = "dec:"

_MISSIONS = {"mes missions", "missions", "my missions", "/missions", "/mesmissions"}
_ACCEPT = {"accepter", "accept", "/accept", "/accepter", "oui", "yes"}
_DECLINE = {"decliner", "decline", "/decline", "/decliner", "refuser", "/refuser", "non", "no"}


def _plain(text: str) -> str:
    """Lower case without accents, so "Decliner" and its accented spelling both match."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip().lower()


def _send(chat_id: int, text: str) -> dict[str, Any]:
    return {"method": "sendMessage", "chat_id": chat_id, "text": text}


def answer_buttons(t: Translator, invitation_id: int) -> list[list[tuple[str, str]]]:
    return [
        [
            (t("invitation.accept"), f"{ACCEPT_PREFIX}{invitation_id}"),
            (t("invitation.decline"), f"{DECLINE_PREFIX}{invitation_id}"),
        ]
    ]


async def _enabled_links(chat_id: int) -> list[dict[str, Any]]:
    return [
        row for row in await links.of_chat(chat_id) if await host.is_enabled(row["org_id"], PLUGIN)
    ]


async def _translator(links_: list[dict[str, Any]], language: str | None) -> Translator:
    """The linked person's chosen language, else Telegram's, else the org's."""
    if links_:
        row = links_[0]
        org = await host.org_info(row["org_id"])
        prefs = await preferences.load(
            row["org_id"], account_id=row["account_id"], user_id=row["user_id"]
        )
        locale = prefs.locale or (normalize(language) if language else None)
        return Translator(locale or (org.locale if org else None), org.timezone if org else "UTC")
    return Translator(language)


async def handle_update(update: dict[str, Any]) -> dict[str, Any] | None:
    """React to one update; never raises (a failure is logged and answered with nothing)."""
    try:
        if "callback_query" in update:
            return await _on_callback(update["callback_query"])
        message = update.get("message")
        if message and isinstance(message.get("text"), str):
            return await _on_message(message)
    except Exception:
        logger.exception("telegram update %s failed", update.get("update_id"))
    return None


async def _on_message(message: dict[str, Any]) -> dict[str, Any] | None:
    chat_id = int(message["chat"]["id"])
    sender = message.get("from") or {}
    text = message["text"].strip()
    words = text.split()
    if not words:
        return None
    command = _plain(words[0])
    if command == "/start":
        return await _start(chat_id, words[1] if len(words) > 1 else "", sender)
    linked = await _enabled_links(chat_id)
    t = await _translator(linked, sender.get("language_code"))
    if not linked:
        return _send(chat_id, t("telegram.not_linked"))
    plain = _plain(text)
    if plain in _MISSIONS:
        return _send(chat_id, await _missions(linked, t))
    if command in _ACCEPT | _DECLINE and len(words) >= 2:
        reason = " ".join(words[2:]) or None
        accept = command in _ACCEPT
        code = words[1].lstrip("#")
        return _send(chat_id, await _answer(linked, t, code, accept, reason))
    return _send(chat_id, t("telegram.help"))


async def _start(chat_id: int, code: str, sender: dict[str, Any]) -> dict[str, Any]:
    row = await links.pending(code) if code else None
    if row is None or not await host.is_enabled(row["org_id"], PLUGIN):
        linked = await _enabled_links(chat_id)
        t = await _translator(linked, sender.get("language_code"))
        return _send(chat_id, t("telegram.bad_code") if code else t("telegram.help"))
    await links.redeem(row["id"], chat_id, sender.get("username"))
    t = await _translator([row], sender.get("language_code"))
    org = await host.org_info(row["org_id"])
    return _send(chat_id, t("telegram.linked", org=org.name if org else ""))


async def _missions(linked: list[dict[str, Any]], t: Translator) -> str:
    lines: list[str] = []
    now = dt.datetime.now(dt.UTC)
    for row in linked:
        if row["user_id"] is None:
            continue
        for item in await host.list_assignments(
            row["org_id"], user_id=row["user_id"], starts_after=now, limit=10
        ):
            lines.append(
                t(
                    "telegram.mission_line",
                    when=t.datetime(item.starts_at),
                    title=item.mission_title,
                    role=item.role_name,
                    status=t("status.RESERVE" if item.reserve else f"status.{item.status}"),
                )
            )
            if item.status == "INVITED" and item.invitation_id is not None:
                lines.append(t("telegram.mission_code", code=item.invitation_id))
    if not lines:
        return t("telegram.no_missions")
    return "\n".join([t("telegram.missions_title"), *lines])


async def _answer(
    linked: list[dict[str, Any]], t: Translator, code: str, accept: bool, reason: str | None
) -> str:
    if not re.fullmatch(r"\d{1,12}", code):
        return t("telegram.error.invitation.not_found")
    invitation_id = int(code)
    error = "invitation.not_found"
    for row in linked:
        if row["user_id"] is None:
            continue
        result = await host.answer_invitation(
            row["org_id"],
            invitation_id,
            user_id=row["user_id"],
            accept=accept,
            via=VIA,
            reason=reason,
        )
        if not result.ok:
            error = result.code
            if result.code == "invitation.not_found":
                continue  # maybe an invitation of the chat's other org
            break
        title = ""
        if result.assignment_id is not None:
            context = await host.assignment_context(row["org_id"], result.assignment_id)
            title = context.mission_title if context else ""
        if result.replayed:
            return t("telegram.replayed", title=title)
        if accept and result.reserve:
            return t("telegram.accepted_reserve", title=title)
        return t("telegram.accepted" if accept else "telegram.declined", title=title)
    key = f"telegram.error.{error}"
    message = t(key)
    return message if message != key else t("telegram.error.default")


async def _on_callback(query: dict[str, Any]) -> dict[str, Any] | None:
    data = str(query.get("data") or "")
    message = query.get("message") or {}
    chat = message.get("chat") or {}
    sender = query.get("from") or {}
    chat_id = int(chat.get("id") or sender.get("id") or 0)
    reply: dict[str, Any] = {"method": "answerCallbackQuery", "callback_query_id": query["id"]}
    if not chat_id or not data.startswith((ACCEPT_PREFIX, DECLINE_PREFIX)):
        return reply
    linked = await _enabled_links(chat_id)
    t = await _translator(linked, sender.get("language_code"))
    if not linked:
        return {**reply, "text": t("telegram.not_linked"), "show_alert": True}
    accept = data.startswith(ACCEPT_PREFIX)
    code = data.split(":", 1)[1]
    text = await _answer(linked, t, code, accept, None)
    return {**reply, "text": text, "show_alert": True}
