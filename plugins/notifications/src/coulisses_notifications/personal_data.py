"""The notifications plugin's part of the GDPR export and erasure (docs/rgpd.md,
docs/notifications.md).

What it keeps about a person: their preferences, their Telegram link, their in-app
notifications (when the person has an account), and every message sent to them
(address, subject, delivery). Export: all of it, without the Telegram code hash.
Erasure: all of it is deleted, and the person's name is replaced in the titles and
bodies of colleagues' notifications and in the subjects of messages sent to others
(the hook runs before the core pseudonymises the person, so the host still names them);
colleagues' notifications about the person lose their body, which may quote them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from coulisses_notifications.tables import Notification, Preference, SentMessage, TelegramLink
from coulisses_sdk import host

#: What replaces the person's name in what others received.
ERASED = "[efface]"


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if isinstance(value, dt.datetime | dt.date):
            out[key] = value.isoformat()
        elif isinstance(value, str) and key in {"channels", "data"}:
            out[key] = json.loads(value)
        else:
            out[key] = value
    return out


async def _who(org_id: int, user_id: int) -> tuple[int | None, str | None]:
    """The person's account (if any) and full name, as the host reads them now."""
    info = await host.get_user(org_id, user_id)
    if info is None:
        return None, None
    return info.account_id, info.name


def _mine(
    table: Any, org_id: int, user_id: int, account_id: int | None, user_col: Any, acc_col: Any
) -> Any:
    where = user_col == user_id
    if account_id is not None and acc_col is not None:
        where = where | (acc_col == account_id)
    return (table.org_id == org_id) & where


async def export(org_id: int, user_id: int) -> dict[str, list[dict[str, Any]]]:
    account_id, _ = await _who(org_id, user_id)
    preferences = await Preference.select().where(
        _mine(Preference, org_id, user_id, account_id, Preference.user_id, Preference.account_id)
    )
    links = await TelegramLink.select(
        *[c for c in TelegramLink._meta.columns if c._meta.name != "code_hash"]
    ).where(
        _mine(
            TelegramLink, org_id, user_id, account_id, TelegramLink.user_id, TelegramLink.account_id
        )
    )
    sent = (
        await SentMessage.select()
        .where(
            _mine(
                SentMessage,
                org_id,
                user_id,
                account_id,
                SentMessage.recipient_user_id,
                SentMessage.recipient_account_id,
            )
        )
        .order_by(SentMessage.id)
    )
    inbox: list[dict[str, Any]] = []
    if account_id is not None:
        inbox = (
            await Notification.select()
            .where((Notification.org_id == org_id) & (Notification.account_id == account_id))
            .order_by(Notification.id)
        )
    return {
        "preferences": [_plain(r) for r in preferences],
        "telegram_links": [_plain(r) for r in links],
        "sent_messages": [_plain(r) for r in sent],
        "notifications": [_plain(r) for r in inbox],
    }


async def _replace_name(org_id: int, name: str) -> int:
    """The name in colleagues' notifications and in subjects sent to others."""
    pattern = re.compile(re.escape(name), re.IGNORECASE)
    like = f"%{name}%"
    changed = 0
    rows = await Notification.raw(
        """SELECT id, title, body, data::text AS data FROM notifications_notifications
           WHERE org_id = {} AND (title ILIKE {} OR body ILIKE {} OR data::text ILIKE {})""",
        org_id,
        like,
        like,
        like,
    )
    for row in rows:
        await Notification.update(
            {
                Notification.title: pattern.sub(ERASED, row["title"]),
                Notification.body: pattern.sub(ERASED, row["body"]),
                Notification.data: pattern.sub(ERASED, row["data"]),
            }
        ).where(Notification.id == row["id"])
        changed += 1
    subjects = await SentMessage.select(SentMessage.id, SentMessage.subject).where(
        (SentMessage.org_id == org_id) & SentMessage.subject.ilike(like)
    )
    for row in subjects:
        await SentMessage.update({SentMessage.subject: pattern.sub(ERASED, row["subject"])}).where(
            SentMessage.id == row["id"]
        )
        changed += 1
    return changed


async def erase(org_id: int, user_id: int) -> dict[str, int]:
    account_id, name = await _who(org_id, user_id)
    # Colleagues' notifications about the person: the body may quote what they wrote
    # (a decline reason); the title (name replaced below) says what happened.
    about = await Notification.raw(
        """UPDATE notifications_notifications SET body = ''
           WHERE org_id = {} AND data->>'user_id' = {} AND body <> '' RETURNING id""",
        org_id,
        str(user_id),
    )
    counts = {"notifications_about": len(about)}
    for label, table, user_col, acc_col in (
        ("preferences", Preference, Preference.user_id, Preference.account_id),
        ("telegram_links", TelegramLink, TelegramLink.user_id, TelegramLink.account_id),
        (
            "sent_messages",
            SentMessage,
            SentMessage.recipient_user_id,
            SentMessage.recipient_account_id,
        ),
    ):
        gone = (
            await table.delete()
            .where(_mine(table, org_id, user_id, account_id, user_col, acc_col))
            .returning(table.id)
        )
        counts[label] = len(gone)
    counts["notifications"] = 0
    if account_id is not None:
        gone = (
            await Notification.delete()
            .where((Notification.org_id == org_id) & (Notification.account_id == account_id))
            .returning(Notification.id)
        )
        counts["notifications"] = len(gone)
    counts["names_replaced"] = await _replace_name(org_id, name) if name and len(name) >= 3 else 0
    return counts
