"""From "tell this person this" to stored notifications and queued sends.

``dispatch`` applies, in order: the kind's rules (transactional, fixed
channels), the recipient's preferences (channels, language, quiet hours),
what is available (an address, a linked Telegram chat, an account for the
in-app center) and the org's config. In-app notifications are stored and
pushed at once (they make no noise); email and Telegram go through jobs,
deferred to the end of quiet hours unless the message is urgent. Every
message is logged in ``notifications_sent_messages``; a ``dedup_key`` makes
dispatching the same thing twice (a cron run, a retried job) harmless.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from coulisses_notifications import center, messages, preferences, rendering, signing
from coulisses_notifications.config import NotificationsConfig, get_settings
from coulisses_notifications.i18n import Translator
from coulisses_notifications.kinds import (
    CHANNELS,
    EMAIL,
    IN_APP,
    KINDS,
    TELEGRAM,
    TEMPLATES,
)
from coulisses_notifications.mailer import sender
from coulisses_notifications.quiet import is_urgent, quiet_until
from coulisses_notifications.telegram import links
from coulisses_notifications.telegram.bot import answer_buttons
from coulisses_notifications.telegram.client import inline_keyboard
from coulisses_sdk import OrgInfo, enqueue, report_invitation_delivery, zone_label

logger = logging.getLogger(__name__)

PLUGIN = "notifications"
SEND_EMAIL = f"{PLUGIN}.send_email"
SEND_TELEGRAM = f"{PLUGIN}.send_telegram"


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str | None
    #: The language to use when the recipient chose none (the org's).
    locale: str | None = None
    account_id: int | None = None
    user_id: int | None = None

    @property
    def key(self) -> str:
        return f"a{self.account_id}" if self.account_id is not None else f"u{self.user_id}"


@dataclass
class Outgoing:
    org: OrgInfo
    template: str
    recipient: Recipient
    #: Template values; datetimes ``starts_at``, ``ends_at``, ``expires_at``,
    #: ``old_starts_at``, ``old_ends_at`` are formatted for the recipient, on the clock
    #: of ``timezone`` (the mission's) when given, else the org's.
    values: dict[str, Any]
    #: After this instant the message is useless (mission start, link expiry).
    deadline: dt.datetime | None = None
    dedup_key: str | None = None
    #: Telegram inline accept/decline buttons for this invitation.
    answer_invitation_id: int | None = None
    #: Payload of the in-app notification (ids the web app links to).
    data: dict[str, Any] = field(default_factory=dict)


def _format(values: dict[str, Any], t: Translator) -> dict[str, Any]:
    """Dates on the mission's clock (``timezone``: its place's), labelled with the place's
    zone when that is not the org's: ``samedi 10/07/2027 20:00 (Montreal)``."""
    out = dict(values)
    label = ""
    zone = values.get("timezone")
    if zone and zone != t.tz.key:
        t = t.in_zone(zone)
        label = f" ({zone_label(zone)})"
    start, end = values.get("starts_at"), values.get("ends_at")
    if start is not None and end is not None:
        out["when"] = t.datetime(start) + label
        out["until"] = t.until(start, end)
    old_start, old_end = values.get("old_starts_at"), values.get("old_ends_at")
    if old_start is not None and old_end is not None:
        out["old_when"] = f"{t.datetime(old_start)}{label} - {t.until(old_start, old_end)}"
        out["when"] = f"{t.datetime(start)}{label} - {t.until(start, end)}" if start and end else ""
    if values.get("expires_at") is not None:
        out["expires"] = t.datetime(values["expires_at"]) + label
    for key in ("starts_on", "ends_on"):  # days (availability requests)
        if isinstance(values.get(key), dt.date):
            out[key] = t.date(values[key])
    out.setdefault("app_url", get_settings().public_url)
    return out


def _in_app_title(template: str, t: Translator, v: dict[str, Any]) -> str:
    if template == "answer_received":
        return t(
            f"answer_received.subject_{v['answer']}", user=v["user_name"], title=v["mission_title"]
        )
    if template == "certifications_expiring":
        return t(
            "certifications_expiring.summary",
            expiring=v["expiring"],
            expired=v["expired_assigned"],
            days=v["within_days"],
        )
    what = ", ".join(
        t(f"mission_changed.what_{name}") for name in ("times", "place") if v.get(f"{name}_changed")
    )
    return t(
        f"{template}.summary",
        title=v.get("mission_title", ""),
        when=v.get("when", ""),
        expires=v.get("expires", ""),
        what=what,
    )


def unsubscribe_url(org_id: int, recipient: Recipient, kind: str) -> str:
    owner = (
        {"a": recipient.account_id}
        if recipient.account_id is not None
        else {"u": recipient.user_id}
    )
    token = signing.sign({"o": org_id, "k": kind, **owner})
    return f"{get_settings().public_url}/api/v1/notifications/unsubscribe?token={token}"


async def dispatch(out: Outgoing, config: NotificationsConfig) -> dict[str, list[str]]:
    """Send ``out`` on the channels it should take; the uids of what was logged, per channel."""
    kind_name = TEMPLATES[out.template]
    kind = KINDS[kind_name]
    r = out.recipient
    settings = get_settings()
    prefs = (
        await preferences.load(out.org.org_id, account_id=r.account_id, user_id=r.user_id)
        if r.account_id is not None or r.user_id is not None
        else preferences.Prefs()
    )
    t = Translator(prefs.locale or r.locale or out.org.locale, out.org.timezone)
    values = _format({"org_name": out.org.name, "recipient_name": r.name, **out.values}, t)

    wanted = (
        set(kind.only)
        if kind.only
        else (prefs.wants(kind_name) if kind.configurable else set(CHANNELS))
    )
    chats: list[int] = []
    if TELEGRAM in wanted and config.telegram_enabled and settings.telegram_configured:
        chats = await links.chats_for(out.org.org_id, user_id=r.user_id, account_id=r.account_id)
    available = {
        EMAIL: bool(r.email) and config.email_enabled,
        TELEGRAM: bool(chats),
        IN_APP: r.account_id is not None,
    }
    chosen = {c for c in wanted if available[c]}
    if kind.transactional and not chosen & {EMAIL, TELEGRAM} and r.email:
        chosen.add(EMAIL)  # an invitation must reach its user somewhere
    # The invitation whose delivery the host tracks (the planning shows it).
    tracked = out.answer_invitation_id if out.template == "invitation" else None
    if tracked is not None and not chosen & {EMAIL, TELEGRAM}:
        await report_invitation_delivery(out.org.org_id, tracked, status="no_channel")

    now = dt.datetime.now(dt.UTC)
    defer: dt.datetime | None = None
    if not kind.always_urgent:
        start, stop = prefs.quiet_hours(config.quiet_start, config.quiet_end)
        end = quiet_until(now, out.org.timezone, start, stop)
        margin = dt.timedelta(hours=config.urgent_margin_hours)
        if end is not None and not is_urgent(end, out.deadline, margin):
            defer = end
    status = "deferred" if defer else "queued"
    dedup = f"{out.dedup_key}:{r.key}" if out.dedup_key else None
    sent: dict[str, list[str]] = {}

    if IN_APP in chosen and r.account_id is not None:
        uid = await messages.record(
            out.org.org_id,
            channel=IN_APP,
            template=out.template,
            recipient=f"account:{r.account_id}",
            account_id=r.account_id,
            user_id=r.user_id,
            subject=_in_app_title(out.template, t, values),
            status="sent",
            dedup_key=dedup,
        )
        if uid:
            await center.add(
                out.org.org_id,
                r.account_id,
                kind=out.template,
                title=_in_app_title(out.template, t, values),
                body=rendering.render_in_app(out.template, t, values),
                data=out.data,
            )
            sent[IN_APP] = [uid]

    if EMAIL in chosen and r.email:
        unsubscribe = None if kind.transactional else unsubscribe_url(out.org.org_id, r, kind_name)
        email = rendering.render_email(out.template, t, {**values, "unsubscribe_url": unsubscribe})
        uid = await messages.record(
            out.org.org_id,
            channel=EMAIL,
            template=out.template,
            recipient=r.email,
            account_id=r.account_id,
            user_id=r.user_id,
            subject=email.subject,
            status=status,
            scheduled_for=defer,
            dedup_key=dedup,
        )
        if uid:
            await enqueue(
                SEND_EMAIL,
                org_id=out.org.org_id,
                plugin=PLUGIN,
                defer_until=defer,
                retries=settings.send_attempts,
                retry_delay=settings.retry_delay,
                retry_backoff=settings.retry_max_delay,
                job_timeout=int(settings.smtp_timeout * 3) + 10,
                uid=uid,
                to=r.email,
                subject=email.subject,
                text=email.text,
                html=email.html,
                from_=sender(config.sender_name or out.org.name, config.sender_email, settings),
                reply_to=config.reply_to,
                unsubscribe_url=unsubscribe,
                invitation_id=tracked,
            )
            sent[EMAIL] = [uid]

    if TELEGRAM in chosen:
        text = rendering.render_telegram(
            out.template, t, {**values, "answer_code": out.answer_invitation_id}
        )
        markup = (
            inline_keyboard(answer_buttons(t, out.answer_invitation_id))
            if out.answer_invitation_id is not None
            else None
        )
        for chat_id in chats:
            uid = await messages.record(
                out.org.org_id,
                channel=TELEGRAM,
                template=out.template,
                recipient=f"chat:{chat_id}",
                account_id=r.account_id,
                user_id=r.user_id,
                subject=text.splitlines()[0][:300] if text else "",
                status=status,
                scheduled_for=defer,
                dedup_key=f"{dedup}:{chat_id}" if dedup else None,
            )
            if uid:
                await enqueue(
                    SEND_TELEGRAM,
                    org_id=out.org.org_id,
                    plugin=PLUGIN,
                    defer_until=defer,
                    retries=settings.send_attempts,
                    retry_delay=settings.retry_delay,
                    retry_backoff=settings.retry_max_delay,
                    job_timeout=int(settings.telegram_timeout * 2) + 10,
                    uid=uid,
                    chat_id=chat_id,
                    text=text,
                    reply_markup=markup,
                    invitation_id=tracked,
                )
                sent.setdefault(TELEGRAM, []).append(uid)
    return sent
