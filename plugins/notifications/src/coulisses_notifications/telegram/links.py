"""Links between a Telegram chat and a user (or member) of an org, made by one-time codes.

A code is created for one user or account, stored hashed, valid a limited
time, and spent by ``/start <code>``. A chat may be linked in several orgs
(a freelance working for two companies); each org sees only its own links.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from coulisses_notifications.config import get_settings
from coulisses_notifications.tables import TelegramLink

# No 0/O/1/I/L: codes are typed by hand on a phone.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def _owner(user_id: int | None, account_id: int | None) -> Any:
    if user_id is not None and account_id is not None:
        return (TelegramLink.user_id == user_id) | (TelegramLink.account_id == account_id)
    if user_id is not None:
        return TelegramLink.user_id == user_id
    if account_id is not None:
        return TelegramLink.account_id == account_id
    raise ValueError("a link belongs to a user or an account")


async def new_code(org_id: int, *, user_id: int | None, account_id: int | None) -> str:
    """A fresh code for this person (their previous unused code stops working)."""
    code = "".join(secrets.choice(_ALPHABET) for _ in range(10))
    now = dt.datetime.now(dt.UTC)
    await TelegramLink.delete().where(
        (TelegramLink.org_id == org_id)
        & _owner(user_id, account_id)
        & TelegramLink.chat_id.is_null()
    )
    await TelegramLink.insert(
        TelegramLink(
            org_id=org_id,
            user_id=user_id,
            account_id=account_id,
            code_hash=_hash(code),
            code_expires_at=now + dt.timedelta(hours=get_settings().telegram_code_ttl_hours),
            created_at=now,
        )
    )
    return code


async def pending(code: str) -> dict[str, Any] | None:
    """The link a valid, unused code would make."""
    return await (
        TelegramLink.select()
        .where(
            (TelegramLink.code_hash == _hash(code))
            & TelegramLink.chat_id.is_null()
            & (TelegramLink.code_expires_at > dt.datetime.now(dt.UTC))
        )
        .first()
    )


async def redeem(link_id: int, chat_id: int, username: str | None) -> None:
    """Spend the code: the chat replaces any chat this person had linked in this org."""
    row = await TelegramLink.select().where(TelegramLink.id == link_id).first()
    if row is None:
        return
    await TelegramLink.delete().where(
        (TelegramLink.org_id == row["org_id"])
        & _owner(row["user_id"], row["account_id"])
        & (TelegramLink.id != link_id)
    )
    await TelegramLink.update(
        {
            TelegramLink.chat_id: chat_id,
            TelegramLink.telegram_username: (username or "")[:100] or None,
            TelegramLink.linked_at: dt.datetime.now(dt.UTC),
            TelegramLink.code_hash: None,
            TelegramLink.code_expires_at: None,
        }
    ).where(TelegramLink.id == link_id)


async def chats_for(org_id: int, *, user_id: int | None, account_id: int | None) -> list[int]:
    if user_id is None and account_id is None:
        return []
    rows = await TelegramLink.select(TelegramLink.chat_id).where(
        (TelegramLink.org_id == org_id)
        & _owner(user_id, account_id)
        & TelegramLink.chat_id.is_not_null()
    )
    return sorted({int(r["chat_id"]) for r in rows})


async def of_chat(chat_id: int) -> list[dict[str, Any]]:
    """Every org link of a chat (oldest first)."""
    return list(
        await TelegramLink.select().where(TelegramLink.chat_id == chat_id).order_by(TelegramLink.id)
    )


async def status(org_id: int, *, user_id: int | None, account_id: int) -> dict[str, Any]:
    rows = await TelegramLink.select(TelegramLink.telegram_username, TelegramLink.linked_at).where(
        (TelegramLink.org_id == org_id)
        & _owner(user_id, account_id)
        & TelegramLink.chat_id.is_not_null()
    )
    return {
        "linked": bool(rows),
        "username": rows[0]["telegram_username"] if rows else None,
        "linked_at": rows[0]["linked_at"] if rows else None,
    }


async def unlink(org_id: int, *, user_id: int | None, account_id: int) -> int:
    rows = (
        await TelegramLink.delete()
        .where((TelegramLink.org_id == org_id) & _owner(user_id, account_id))
        .returning(TelegramLink.id)
    )
    return len(rows)
