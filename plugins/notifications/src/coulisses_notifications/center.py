"""The in-app notification center: one inbox per member (account) and org, pushed live."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from coulisses_notifications.schemas import NotificationOut
from coulisses_notifications.tables import Notification
from coulisses_sdk import Listing, ListQuery, host

PLUGIN = "notifications"
_FIELDS = (
    Notification.id,
    Notification.kind,
    Notification.title,
    Notification.body,
    Notification.data,
    Notification.read_at,
    Notification.created_at,
)


def _out(row: dict[str, Any]) -> dict[str, Any]:
    data = row["data"]
    return {**row, "data": json.loads(data) if isinstance(data, str) else (data or {})}


async def add(
    org_id: int, account_id: int, *, kind: str, title: str, body: str, data: dict[str, Any]
) -> dict[str, Any]:
    """Store a notification, then push it to the member's open streams (live)."""
    [row] = await Notification.insert(
        Notification(
            org_id=org_id,
            account_id=account_id,
            kind=kind,
            title=title[:300],
            body=body,
            data=json.dumps(data),
            created_at=dt.datetime.now(dt.UTC),
        )
    ).returning(*_FIELDS)
    item = _out(row)
    await host.publish_live(
        org_id,
        PLUGIN,
        "created",
        {
            "id": item["id"],
            "kind": kind,
            "title": item["title"],
            "body": body,
            "data": data,
            "created_at": item["created_at"].isoformat(),
        },
        recipient_account_id=account_id,
    )
    return item


def _mine(org_id: int, account_id: int) -> Any:
    return (Notification.org_id == org_id) & (Notification.account_id == account_id)


#: Sort keys of the inbox (the SDK's list parameters), newest first by default.
INBOX = Listing(
    sorts={
        "id": Notification.id,
        "created_at": Notification.created_at,
        "read_at": Notification.read_at,
        "kind": Notification.kind,
    },
    default="-id",
    item=NotificationOut,
)


async def inbox(
    org_id: int, account_id: int, listing: ListQuery, *, unread_only: bool, before_id: int | None
) -> tuple[list[dict[str, Any]], int, int]:
    """A page of the inbox (newest first by default), its total and the unread count."""
    where = _mine(org_id, account_id)
    if unread_only:
        where &= Notification.read_at.is_null()
    if before_id is not None:
        where &= Notification.id < before_id
    total = int(await Notification.count().where(where))
    listing.check_page(total)
    select = (
        Notification.select(*_FIELDS).where(where).limit(listing.page_size).offset(listing.offset)
    )
    rows = await INBOX.order(select, listing)
    unread = await Notification.count().where(
        _mine(org_id, account_id) & Notification.read_at.is_null()
    )
    return [_out(r) for r in rows], total, int(unread)


async def mark_read(org_id: int, account_id: int, notification_id: int) -> dict[str, Any] | None:
    """Mark one notification read (reading it twice keeps the first time)."""
    where = _mine(org_id, account_id) & (Notification.id == notification_id)
    await Notification.update({Notification.read_at: dt.datetime.now(dt.UTC)}).where(
        where & Notification.read_at.is_null()
    )
    row = await Notification.select(*_FIELDS).where(where).first()
    return _out(row) if row else None


async def mark_all_read(org_id: int, account_id: int) -> int:
    rows = (
        await Notification.update({Notification.read_at: dt.datetime.now(dt.UTC)})
        .where(_mine(org_id, account_id) & Notification.read_at.is_null())
        .returning(Notification.id)
    )
    return len(rows)
