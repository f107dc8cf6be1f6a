"""Reading the audit log of an org: filters, pages, and a cursor over (created_at, id),
newest first by default.

Entries written in one transaction share their timestamp (``now()`` is the transaction's
start), so the cursor carries the id too: the next page starts strictly after the last
(created_at, id) pair seen, and no entry is skipped or repeated across pages. It also
carries the page number, so a cursor read answers the same envelope as a paged one.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Any

from coulisses.audit.schemas import AuditActor, AuditEntry, AuditPage
from coulisses.db.connection import SqlParams, fetch
from coulisses.errors import DomainError
from coulisses.scheduling.common import json_value, org_timezone, parse_bound
from coulisses_sdk import Listing, ListQuery

#: Sort keys of the audit log. A cursor continues in the order it was read with: by
#: (created_at, id) or by id alone, one direction for both.
ENTRIES = Listing(
    sorts={"id": "l.id", "created_at": "l.at"},
    default="-created_at",
    item=AuditEntry,
    cursor=True,
)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MAX_ID = 2**63 - 1


def encode_cursor(created_at: dt.datetime, entry_id: int, page: int) -> str:
    """The position after an entry, and the number of the page that follows it."""
    micros = (created_at - _EPOCH) // dt.timedelta(microseconds=1)
    raw = json.dumps([micros, entry_id, page], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _bad_cursor() -> DomainError:
    return DomainError(
        "audit.invalid_cursor",
        "cursor is not one this route returned (pass next_cursor as it came)",
        details={"field": "cursor"},
        status=400,
    )


def decode_cursor(cursor: str) -> tuple[dt.datetime, int, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        micros, entry_id, page = json.loads(raw)
        if any(type(v) is not int for v in (micros, entry_id, page)):
            raise ValueError(cursor)
        if not 1 <= entry_id <= _MAX_ID or not 2 <= page <= _MAX_ID:
            raise ValueError(cursor)
        created_at = _EPOCH + dt.timedelta(microseconds=micros)
    except (binascii.Error, ValueError, TypeError, OverflowError) as exc:
        raise _bad_cursor() from exc
    return created_at, entry_id, page


def _check_sort(listing: ListQuery) -> None:
    """A cursor needs one direction for created_at and id (a row comparison)."""
    if len({desc for _, desc in listing.sort}) > 1:
        raise DomainError(
            "request.invalid_sort",
            "the audit log sorts created_at and id in one direction",
            details={"field": "sort", "allowed": ENTRIES.sort_keys},
            status=400,
        )


def _after(listing: ListQuery, arg: SqlParams, created_at: dt.datetime, entry_id: int) -> str:
    """The SQL condition "after this position" in the listing's order."""
    first, desc = listing.sort[0]
    op = "<" if desc else ">"
    if first == "id":
        return f"l.id {op} {arg(entry_id)}"
    return f"(l.at, l.id) {op} ({arg(created_at)}, {arg(entry_id)})"


async def _check_actor(org_id: int, account_id: int) -> None:
    """An actor filter names a member of the org, or an account that acted in it and left;
    anything else (another org's account, no account) is a 404 like any other route."""
    rows = await fetch(
        """SELECT EXISTS (SELECT 1 FROM org_memberships WHERE org = $1 AND account = $2)
               OR EXISTS (SELECT 1 FROM audit_log WHERE org = $1 AND actor = $2) AS known""",
        org_id,
        account_id,
    )
    if not rows[0]["known"]:
        raise DomainError(
            "audit.actor_not_found",
            "No member of this org has that account id",
            details={"field": "actor"},
            status=404,
        )


def _entry(row: dict[str, Any]) -> AuditEntry:
    actor = None
    if row["actor"] is not None and row["email"] is not None:
        name = " ".join(p for p in (row["first_name"], row["last_name"]) if p)
        actor = AuditActor(id=row["actor"], email=row["email"], display_name=name or row["email"])
    payload = json_value(row["payload"])
    return AuditEntry(
        id=row["id"],
        action=row["action"],
        target=row["target"],
        actor=actor,
        payload=payload if isinstance(payload, dict) else {"value": payload},
        created_at=row["at"],
    )


async def list_entries(
    org_id: int,
    listing: ListQuery,
    *,
    actor: int | None = None,
    action: str | None = None,
    target: str | None = None,
    starts_from: str | None = None,
    ends_to: str | None = None,
) -> AuditPage:
    """One page of the org's entries, newest first by default: page ``listing.page``, or
    the one after ``listing.cursor``.

    ``action`` ending with a dot is a prefix (``mission.`` matches ``mission.updated``),
    otherwise exact. ``from``/``to`` follow the window rule of docs/api.md (a date is a
    day of the org's timezone, ``to`` includes it; a date-time carries an offset, ``to``
    excluded), without a maximum length.
    """
    _check_sort(listing)
    position = decode_cursor(listing.cursor) if listing.cursor is not None else None
    where = ["l.org = $1"]
    arg = SqlParams(org_id)
    if starts_from is not None or ends_to is not None:
        tz = await org_timezone(org_id)
        starts = parse_bound(starts_from, "from", tz) if starts_from is not None else None
        ends = parse_bound(ends_to, "to", tz, is_end=True) if ends_to is not None else None
        if starts is not None and ends is not None and ends <= starts:
            raise DomainError(
                "validation.invalid_window",
                "to must be after from",
                details={"field": "to", "from": starts.isoformat(), "to": ends.isoformat()},
                status=422,
            )
        if starts is not None:
            where.append(f"l.at >= {arg(starts)}")
        if ends is not None:
            where.append(f"l.at < {arg(ends)}")
    if actor is not None:
        await _check_actor(org_id, actor)
        where.append(f"l.actor = {arg(actor)}")
    if action:
        if action.endswith("."):
            where.append(f"starts_with(l.action, {arg(action)})")
        else:
            where.append(f"l.action = {arg(action)}")
    if target:
        where.append(f"l.target = {arg(target)}")
    filters = " AND ".join(where)
    count_sql = f"SELECT count(*) AS n FROM audit_log l WHERE {filters}"  # noqa: S608
    total = (await fetch(count_sql, *arg.values))[0]["n"]
    page, offset = listing.page, listing.offset
    if position is not None:
        where.append(_after(listing, arg, position[0], position[1]))
        page, offset = position[2], 0
    else:
        listing.check_page(total)
    size = listing.page_size
    rows = await fetch(
        f"""SELECT l.id, l.action, l.target, l.payload::text AS payload, l.at, l.actor,
                   a.email, a.first_name, a.last_name
            FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor
            WHERE {" AND ".join(where)}
            ORDER BY {ENTRIES.order_by(listing)}
            LIMIT {arg(size + 1)} OFFSET {arg(offset)}""",  # noqa: S608 - only $n placeholders
        *arg.values,
    )
    items = [_entry(r) for r in rows[:size]]
    more = len(rows) > size
    next_cursor = encode_cursor(items[-1].created_at, items[-1].id, page + 1) if more else None
    return AuditPage(items=items, page=page, page_size=size, total=total, next_cursor=next_cursor)
