"""Routes under /api/v1/notifications/: the inbox, preferences, the sent-messages log,
Telegram linking and webhook, and the public unsubscribe page.

Session routes are gated by the host (404 for an org that has not enabled the
plugin); the two public ones (``unsubscribe``, ``telegram/webhook``)
authenticate the request themselves (signature, secret header) and check the
org's enablement.
"""

from __future__ import annotations

import hmac
import logging
from typing import Annotated, Any

from litestar import Controller, MediaType, Request, Response, delete, get, post, put
from litestar.exceptions import (
    NotAuthorizedException,
    NotFoundException,
    ValidationException,
)
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Body, FromPath, FromQuery, QueryParameter

from coulisses_notifications import center, messages, preferences, rendering, signing
from coulisses_notifications.config import get_settings
from coulisses_notifications.i18n import Translator
from coulisses_notifications.kinds import CHANNELS, CONFIGURABLE, KINDS
from coulisses_notifications.reactions import load_config
from coulisses_notifications.schemas import (
    NotificationOut,
    NotificationPage,
    PreferencesOut,
    PreferencesUpdate,
    ReadAllOut,
    SentMessageOut,
    SentMessagePage,
    TelegramCodeOut,
    TelegramStatusOut,
)
from coulisses_notifications.telegram import bot, links
from coulisses_notifications.telegram.poller import SECRET_HEADER
from coulisses_sdk import (
    ListParams,
    Principal,
    account_user_id,
    current_principal,
    is_enabled,
    org_info,
    public_route_opt,
    require_role,
)

logger = logging.getLogger(__name__)

PLUGIN = "notifications"


class InboxController(Controller):
    """The caller's in-app notifications in the active org."""

    path = "/"

    @get(
        "/",
        operation_id="NotificationsList",
        dependencies={"listing": center.INBOX.dependency()},
    )
    async def list_notifications(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        unread: FromQuery[bool] = False,
        before_id: Annotated[
            int | None, QueryParameter(description="only the notifications older than this id")
        ] = None,
    ) -> NotificationPage:
        """Newest first by default; ``unread=true`` keeps unread ones; ``unread`` in the
        answer counts all the caller's unread notifications."""
        p = current_principal(request)
        items, total, count = await center.inbox(
            p.org_id, p.account_id, listing, unread_only=unread, before_id=before_id
        )
        return NotificationPage(
            items=[NotificationOut(**i) for i in items],
            page=listing.page,
            page_size=listing.page_size,
            total=total,
            unread=count,
        )

    @post("/{notification_id:int}/read", operation_id="NotificationsMarkRead", status_code=200)
    async def mark_read(
        self, request: Request[Any, Any, Any], notification_id: FromPath[int]
    ) -> NotificationOut:
        p = current_principal(request)
        item = await center.mark_read(p.org_id, p.account_id, notification_id)
        if item is None:
            raise NotFoundException()
        return NotificationOut(**item)

    @post("/read_all", operation_id="NotificationsMarkAllRead", status_code=200)
    async def mark_all_read(self, request: Request[Any, Any, Any]) -> ReadAllOut:
        p = current_principal(request)
        return ReadAllOut(marked=await center.mark_all_read(p.org_id, p.account_id))


async def _preferences_out(p: Principal) -> PreferencesOut:
    prefs = await preferences.load(p.org_id, account_id=p.account_id, user_id=None)
    org = await org_info(p.org_id)
    config = await load_config(p.org_id)
    start, end = prefs.quiet_hours(config.quiet_start, config.quiet_end)
    return PreferencesOut(
        locale=prefs.locale,
        quiet_start=start,
        quiet_end=end,
        quiet_hours_from_org=prefs.quiet_start is None,
        channels=prefs.channels,
        kinds=list(CONFIGURABLE),
        available_channels=list(CHANNELS),
        timezone=org.timezone if org else "Europe/Paris",
    )


class PreferencesController(Controller):
    """The caller's own choices: channels per kind, language, quiet hours."""

    path = "/preferences"

    @get("/", operation_id="NotificationsGetPreferences")
    async def get_preferences(self, request: Request[Any, Any, Any]) -> PreferencesOut:
        return await _preferences_out(current_principal(request))

    @put("/", operation_id="NotificationsUpdatePreferences")
    async def update_preferences(
        self, request: Request[Any, Any, Any], data: Annotated[PreferencesUpdate, Body()]
    ) -> PreferencesOut:
        p = current_principal(request)
        prefs = await preferences.load(p.org_id, account_id=p.account_id, user_id=None)
        sent = data.model_fields_set
        if "locale" in sent:
            prefs.locale = data.locale
        if {"quiet_start", "quiet_end"} & sent:
            if (data.quiet_start is None) != (data.quiet_end is None):
                raise ValidationException(
                    "Send both quiet_start and quiet_end (or both null)",
                    extra=[{"key": "quiet_end", "message": "both bounds or none"}],
                )
            prefs.quiet_start, prefs.quiet_end = data.quiet_start, data.quiet_end
        if data.channels is not None:
            unknown = sorted(set(data.channels) - set(CONFIGURABLE))
            if unknown:
                raise ValidationException(
                    f"Unknown notification kinds: {', '.join(unknown)}",
                    extra=[{"key": "channels", "message": f"known: {', '.join(CONFIGURABLE)}"}],
                )
            for kind, channels in data.channels.items():
                prefs.channels[kind] = [c for c in CHANNELS if c in channels]
        await preferences.save(p.org_id, account_id=p.account_id, user_id=None, prefs=prefs)
        return await _preferences_out(p)


class MessagesController(Controller):
    """What was sent to whom (managers and up)."""

    path = "/messages"
    guards = [require_role("manager")]

    @get(
        "/",
        operation_id="NotificationsListMessages",
        dependencies={"listing": messages.LOG.dependency()},
    )
    async def list_messages(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        recipient: FromQuery[str | None] = None,
        channel: FromQuery[str | None] = None,
        status: FromQuery[str | None] = None,
        template: FromQuery[str | None] = None,
    ) -> SentMessagePage:
        """Newest first by default; ``recipient`` matches part of the address (or
        ``chat:<id>``)."""
        p = current_principal(request)
        items, total = await messages.page(
            p.org_id,
            listing,
            recipient=recipient,
            channel=channel,
            status=status,
            template=template,
        )
        return listing.page_of(SentMessagePage, [SentMessageOut(**i) for i in items], total)


class TelegramController(Controller):
    """Link the caller's Telegram chat; the webhook the Bot API calls."""

    path = "/telegram"

    @get("/status", operation_id="NotificationsTelegramStatus")
    async def status(self, request: Request[Any, Any, Any]) -> TelegramStatusOut:
        p = current_principal(request)
        settings = get_settings()
        user_id = await account_user_id(p.org_id, p.account_id)
        state = await links.status(p.org_id, user_id=user_id, account_id=p.account_id)
        return TelegramStatusOut(
            bot_configured=settings.telegram_configured,
            bot_username=settings.telegram_bot_username,
            **state,
        )

    @post("/link_code", operation_id="NotificationsCreateTelegramLinkCode", status_code=201)
    async def link_code(self, request: Request[Any, Any, Any]) -> TelegramCodeOut:
        """A one-time code linking a Telegram chat to the caller (and their user in the org)."""
        p = current_principal(request)
        settings = get_settings()
        if not settings.telegram_configured:
            raise NotFoundException("No Telegram bot is configured")
        user_id = await account_user_id(p.org_id, p.account_id)
        code = await links.new_code(p.org_id, user_id=user_id, account_id=p.account_id)
        username = settings.telegram_bot_username
        return TelegramCodeOut(
            code=code,
            url=f"https://t.me/{username}?start={code}" if username else None,
            bot_username=username,
            expires_in_hours=settings.telegram_code_ttl_hours,
        )

    @delete("/link", operation_id="NotificationsUnlinkTelegram", status_code=204)
    async def unlink(self, request: Request[Any, Any, Any]) -> None:
        p = current_principal(request)
        user_id = await account_user_id(p.org_id, p.account_id)
        await links.unlink(p.org_id, user_id=user_id, account_id=p.account_id)

    @post(
        "/webhook",
        operation_id="NotificationsTelegramWebhook",
        # Reads the JSON body itself (no ``data``): its error statuses are declared; the
        # host documents every error status with its one error schema.
        responses={
            401: ResponseSpec(None, description="Wrong webhook secret"),
            413: ResponseSpec(None, description="Body too large"),
            415: ResponseSpec(None, description="Body is not JSON"),
        },
        opt=public_route_opt(),
        status_code=200,
    )
    async def webhook(self, request: Request[Any, Any, Any]) -> dict[str, Any]:
        """Called by Telegram (webhook mode) or by the polling relay; public, secret header."""
        settings = get_settings()
        secret = settings.telegram_webhook_secret
        if not settings.telegram_configured or not secret:
            raise NotFoundException()
        sent = request.headers.get(SECRET_HEADER.lower(), "")
        if not hmac.compare_digest(sent.encode(), secret.encode()):
            raise NotAuthorizedException("Wrong webhook secret")
        update = await request.json()
        if not isinstance(update, dict):
            return {}
        return await bot.handle_update(update) or {}


async def _unsubscribe_target(token: str) -> tuple[dict[str, Any], Translator] | None:
    payload = signing.verify(token)
    if payload is None or payload.get("k") not in KINDS:
        return None
    org_id = payload.get("o")
    if not isinstance(org_id, int) or not await is_enabled(org_id, PLUGIN):
        return None
    org = await org_info(org_id)
    prefs = await preferences.load(org_id, account_id=payload.get("a"), user_id=payload.get("u"))
    locale = prefs.locale or (org.locale if org else None)
    return payload, Translator(locale, org.timezone if org else "UTC")


def _page(t: Translator, state: str, kind: str = "", action: str = "") -> Response[str]:
    html = (
        rendering.environment()
        .get_template("pages/unsubscribe.html.j2")
        .render(t=t, state=state, kind_label=t(f"kind.{kind}") if kind else "", action=action)
    )
    return Response(
        html,
        media_type=MediaType.HTML,
        status_code=404 if state == "invalid" else 200,
        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
    )


class UnsubscribeController(Controller):
    """The link of every non-transactional email (public, signed; no session needed)."""

    path = "/unsubscribe"

    @get(
        "/",
        operation_id="NotificationsUnsubscribePage",
        opt=public_route_opt(),
        include_in_schema=False,
    )
    async def page(self, token: FromQuery[str]) -> Response[str]:
        """A confirmation page (mail scanners open links: a GET changes nothing)."""
        target = await _unsubscribe_target(token)
        if target is None:
            return _page(Translator(None), "invalid")
        payload, t = target
        action = f"{get_settings().public_url}/api/v1/notifications/unsubscribe?token={token}"
        return _page(t, "confirm", payload["k"], action)

    @post(
        "/",
        operation_id="NotificationsUnsubscribe",
        opt=public_route_opt(),
        status_code=200,
        include_in_schema=False,
    )
    async def unsubscribe(self, token: FromQuery[str]) -> Response[str]:
        """Apply it (also the RFC 8058 one-click POST of mail clients)."""
        target = await _unsubscribe_target(token)
        if target is None:
            return _page(Translator(None), "invalid")
        payload, t = target
        await preferences.unsubscribe(
            payload["o"], account_id=payload.get("a"), user_id=payload.get("u"), kind=payload["k"]
        )
        return _page(t, "done", payload["k"])


CONTROLLERS = [
    InboxController,
    PreferencesController,
    MessagesController,
    TelegramController,
    UnsubscribeController,
]
