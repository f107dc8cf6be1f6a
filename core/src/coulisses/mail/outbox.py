"""The dev outbox: what the local sink (``coulisses.mail.sink``) received, per org.

Dev only (``settings.is_dev``): API integrators and the e2e suite read emailed
links here instead of parsing .eml files. An org sees the messages sent to its
users' emails and to its members' account emails, newest first.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path

from coulisses.db.connection import fetch
from coulisses.mail.sink import links_in, text_of
from coulisses.settings import get_settings


@dataclasses.dataclass(frozen=True)
class OutboxMessage:
    #: the sink's file name: its arrival time in nanoseconds (text: beyond 2**53)
    id: str
    to: str
    subject: str
    received_at: dt.datetime
    links: list[str]


def outbox_folder() -> Path:
    """Where ``coulisses serve``/``demo`` (dev) and the e2e server run the sink."""
    return get_settings().data_dir / "mail"


async def org_addresses(org_id: int) -> set[str]:
    rows = await fetch(
        """SELECT lower(email) AS email FROM users WHERE org = $1 AND email IS NOT NULL
           UNION
           SELECT lower(a.email) FROM org_memberships m JOIN accounts a ON a.id = m.account
           WHERE m.org = $1""",
        org_id,
    )
    return {str(row["email"]) for row in rows}


def read_outbox(folder: Path, addresses: set[str]) -> list[OutboxMessage]:
    """The messages of ``folder`` with a recipient in ``addresses``, newest first (a dev
    folder: the list is paged in memory by the route)."""
    if not folder.is_dir():
        return []
    found: list[OutboxMessage] = []
    # The sink names each file by its arrival time in nanoseconds.
    names = sorted(
        (p for p in folder.glob("*.eml") if p.stem.isdigit()), key=lambda p: -int(p.stem)
    )
    for path in names:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:  # removed meanwhile
            continue
        message = message_from_bytes(raw, policy=policy.default)
        assert isinstance(message, EmailMessage)
        to = str(message["To"] or "")
        if not {addr.lower() for _, addr in getaddresses([to])} & addresses:
            continue
        received = dt.datetime.fromtimestamp(int(path.stem) / 1e9, tz=dt.UTC)
        found.append(
            OutboxMessage(
                path.stem, to, str(message["Subject"] or ""), received, links_in(text_of(message))
            )
        )
    return found


async def list_dev_outbox(org_id: int) -> list[OutboxMessage]:
    addresses = await org_addresses(org_id)
    return await asyncio.to_thread(read_outbox, outbox_folder(), addresses)
