"""The log of every message sent (or tried): channel, template, recipient, status, attempts.

Statuses: ``queued`` (a job will send it), ``deferred`` (waiting for the end
of quiet hours), ``retrying`` (an attempt failed, another is scheduled),
``sent``, ``failed`` (refused, or every attempt failed: ``last_error`` says
why) and ``throttled`` (over a rate limit, never sent). Bodies are not
stored: they may hold signed links.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from coulisses_notifications.schemas import SentMessageOut
from coulisses_notifications.tables import SentMessage
from coulisses_sdk import Listing, ListQuery

STATUSES = ("queued", "deferred", "retrying", "sent", "failed", "throttled")
_FIELDS = (
    SentMessage.id,
    SentMessage.uid,
    SentMessage.channel,
    SentMessage.template,
    SentMessage.recipient,
    SentMessage.recipient_account_id,
    SentMessage.recipient_user_id,
    SentMessage.subject,
    SentMessage.status,
    SentMessage.attempts,
    SentMessage.last_error,
    SentMessage.scheduled_for,
    SentMessage.created_at,
    SentMessage.updated_at,
    SentMessage.sent_at,
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


async def record(
    org_id: int,
    *,
    channel: str,
    template: str,
    recipient: str,
    account_id: int | None = None,
    user_id: int | None = None,
    subject: str = "",
    status: str = "queued",
    scheduled_for: dt.datetime | None = None,
    dedup_key: str | None = None,
    error: str | None = None,
) -> str | None:
    """Insert a message; its uid, or None when ``dedup_key`` was already used on ``channel``."""
    uid = secrets.token_hex(12)
    now = _now()
    rows = await SentMessage.raw(
        """INSERT INTO notifications_sent_messages
               (uid, org_id, channel, template, recipient, recipient_account_id,
                recipient_user_id, subject, status, scheduled_for, dedup_key, last_error,
                created_at, updated_at, sent_at)
           VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})
           ON CONFLICT (org_id, channel, dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING
           RETURNING uid""",
        uid,
        org_id,
        channel,
        template,
        recipient[:255],
        account_id,
        user_id,
        subject[:300],
        status,
        scheduled_for,
        dedup_key,
        error,
        now,
        now,
        now if status == "sent" else None,
    )
    return uid if rows else None


async def get(org_id: int, uid: str) -> dict[str, Any] | None:
    return await (
        SentMessage.select(*_FIELDS)
        .where((SentMessage.org_id == org_id) & (SentMessage.uid == uid))
        .first()
    )


async def mark(
    org_id: int,
    uid: str,
    *,
    status: str,
    attempts: int,
    error: str | None = None,
) -> None:
    now = _now()
    values: dict[Any, Any] = {
        SentMessage.status: status,
        SentMessage.attempts: attempts,
        SentMessage.updated_at: now,
    }
    if error is not None:
        values[SentMessage.last_error] = error[:2000]
    if status == "sent":
        values[SentMessage.sent_at] = now
    await SentMessage.update(values).where(
        (SentMessage.org_id == org_id) & (SentMessage.uid == uid)
    )


#: Sort keys of the sent-messages log (the SDK's list parameters), newest first by default.
LOG = Listing(
    sorts={
        "id": SentMessage.id,
        "created_at": SentMessage.created_at,
        "updated_at": SentMessage.updated_at,
        "sent_at": SentMessage.sent_at,
        "status": SentMessage.status,
        "channel": SentMessage.channel,
        "template": SentMessage.template,
    },
    default="-id",
    item=SentMessageOut,
)


async def page(
    org_id: int,
    listing: ListQuery,
    *,
    recipient: str | None = None,
    channel: str | None = None,
    status: str | None = None,
    template: str | None = None,
) -> tuple[list[dict[str, Any]], int]:
    where: Any = SentMessage.org_id == org_id
    if recipient:
        where &= SentMessage.recipient.ilike(f"%{recipient}%")
    if channel:
        where &= SentMessage.channel == channel
    if status:
        where &= SentMessage.status == status
    if template:
        where &= SentMessage.template == template
    total = int(await SentMessage.count().where(where))
    listing.check_page(total)
    select = (
        SentMessage.select(*_FIELDS).where(where).limit(listing.page_size).offset(listing.offset)
    )
    return list(await LOG.order(select, listing)), total
