"""Availability windows of users: one-off or recurring (RFC 5545 RRULE), and their approval.

Recurrence rules are expanded on naive local datetimes in the org timezone and
only then localized, so a weekly 09:00-17:00 window stays 09:00-17:00 on the
wall clock in summer and in winter. Localization follows RFC 5545 for the DST
edges: an ambiguous local time (clocks going back) takes its first instant, and
a local time that does not exist (clocks going forward) takes the UTC offset
before the transition, so it lands after the gap.

Workflow: a tech linked to a user (``users.account``) requests windows for that
user (status REQUESTED), a manager approves or refuses them; a manager's own
windows are APPROVED at once.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr
from msgspec import UNSET

from coulisses.audit import record, record_change
from coulisses.auth.rbac import can
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, Forbidden, NotFound
from coulisses.scheduling.availability.schemas import (
    AvailabilityCreate,
    AvailabilityOccurrence,
    AvailabilityOut,
    AvailabilityUpdate,
)
from coulisses.scheduling.common import (
    check_filter,
    emit_events,
    org_timezone,
    parse_window,
    require_aware,
)
from coulisses_sdk import AvailabilityChanged, Listing, ListQuery, Principal

UTC = dt.UTC

#: A recurring series has at most this many occurrences...
MAX_OCCURRENCES = 1000
#: ...and none starting later than this after its first one.
MAX_SERIES_SPAN = dt.timedelta(days=731)
#: Years a recurring series may start in.
MIN_YEAR, MAX_YEAR = 1900, 2999
#: Longest one-off window (a season of leave) and longest single occurrence.
MAX_ONE_OFF = dt.timedelta(days=366)
MAX_DURATION_MINUTES = 7 * 24 * 60
#: Longest window (days of the org wall clock) the occurrence listing expands in one call.
MAX_QUERY_DAYS = 366

STATUSES = ("REQUESTED", "APPROVED", "REFUSED")
KINDS = ("available", "unavailable")

_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
_PARTS = {
    "FREQ",
    "UNTIL",
    "COUNT",
    "INTERVAL",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
}
_TIME_PARTS = {"BYHOUR", "BYMINUTE", "BYSECOND"}
_UNTIL = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(?::00)?$")
_RECURRING_FIELDS = ("rrule", "start_date", "start_time", "duration_minutes")
_ONE_OFF_FIELDS = ("starts_at", "ends_at")


# -- recurrence (pure) ---------------------------------------------------------


def _invalid_rule(message: str) -> DomainError:
    return DomainError("availability.invalid_rrule", message, status=422)


def _too_long() -> DomainError:
    return DomainError(
        "availability.rrule_too_long",
        f"A recurring window must end within {MAX_SERIES_SPAN.days} days of its first"
        f" occurrence and have at most {MAX_OCCURRENCES} occurrences",
        status=422,
    )


@dataclass(frozen=True)
class Recurrence:
    """A validated rule, bounded in time, with the wall-clock duration of each occurrence.

    ``rule`` runs ``shift_years`` (a multiple of 400) in the future: see
    :func:`_shift_years`. :meth:`naive_starts` moves its dates back.
    """

    text: str
    rule: rrule
    shift_years: int
    count: int | None
    duration: dt.timedelta
    tz: ZoneInfo

    def naive_starts(self, limit: int | None = None) -> Iterator[dt.datetime]:
        """Local wall-clock starts, in order; at most COUNT, ``limit`` or MAX_OCCURRENCES."""
        for shifted in itertools.islice(self.rule, limit or self.count or MAX_OCCURRENCES):
            yield shifted.replace(year=shifted.year - self.shift_years)

    def occurrences(
        self, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[tuple[dt.datetime, dt.datetime]]:
        """UTC (start, end) of the occurrences overlapping [start, end), sorted."""
        out: list[tuple[dt.datetime, dt.datetime]] = []
        for naive in self.naive_starts():
            begins, ends = localize_occurrence(naive, self.duration, self.tz)
            if end is not None and begins >= end:
                # Occurrences are whole days apart at one wall-clock time: sorted.
                break
            if start is None or ends > start:
                out.append((begins, ends))
        return out


def _shift_years(year: int) -> int:
    """How far to move a series so that dateutil stops soon after it.

    dateutil looks for a next match before it notices UNTIL, up to year 9999:
    a rule that never matches again (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) would
    scan millions of days. The Gregorian calendar, weekdays included, repeats
    every 400 years (146097 days, 20871 weeks), so running the series in the
    last such cycle before 9999 gives the same dates and bounds that scan.
    """
    return (dt.MAXYEAR - 3 - year) // 400 * 400


def localize_occurrence(
    naive_start: dt.datetime, duration: dt.timedelta, tz: ZoneInfo
) -> tuple[dt.datetime, dt.datetime]:
    """UTC bounds of an occurrence starting at a local wall-clock time.

    The end is the local wall-clock start plus ``duration`` (09:00 + 8 h ends at
    17:00 even on a DST day). Only when that end falls in or before a DST gap
    at the start (it would come before the start) is ``duration`` taken as
    elapsed time instead.
    """
    begins = naive_start.replace(tzinfo=tz).astimezone(UTC)
    ends = (naive_start + duration).replace(tzinfo=tz).astimezone(UTC)
    if ends <= begins:
        ends = begins + duration
    return begins, ends


def _parse_until(value: str, tz: ZoneInfo) -> dt.datetime:
    """UNTIL as a naive local datetime: a DATE covers its whole day, a UTC time is converted."""
    match = _UNTIL.match(value)
    if not match:
        raise _invalid_rule(f"UNTIL {value!r} is not a DATE or DATE-TIME (e.g. 20270731T235959Z)")
    year, month, day, hour, minute, second, zulu = match.groups()
    try:
        if hour is None:
            return dt.datetime(int(year), int(month), int(day), 23, 59, 59)
        until = dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
    except ValueError as exc:
        raise _invalid_rule(f"UNTIL {value!r} is not a valid date") from exc
    if zulu:
        try:
            return until.replace(tzinfo=UTC).astimezone(tz).replace(tzinfo=None)
        except OverflowError as exc:
            raise _invalid_rule(f"UNTIL {value!r} is out of range") from exc
    return until


def _split_rule(text: str) -> dict[str, str]:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if not body or not body.isascii() or any(c in body for c in "\r\n"):
        raise _invalid_rule("An RRULE is one line such as FREQ=WEEKLY;BYDAY=MO;COUNT=10")
    parts: dict[str, str] = {}
    for item in body.split(";"):
        if not item.strip():
            continue
        name, sep, value = item.partition("=")
        name, value = name.strip().upper(), value.strip().upper()
        if not sep or not name or not value:
            raise _invalid_rule(f"Malformed RRULE part {item!r} (expected NAME=VALUE)")
        if name in _TIME_PARTS:
            raise _invalid_rule(f"{name} is not supported: the time of day is start_time")
        if name not in _PARTS:
            raise _invalid_rule(f"Unknown or unsupported RRULE part {name}")
        if name in parts:
            raise _invalid_rule(f"{name} is given twice")
        parts[name] = value
    return parts


def _positive(parts: dict[str, str], name: str) -> int | None:
    if name not in parts:
        return None
    value = parts[name]
    if not value.isdigit() or int(value) < 1 or len(value) > 6:
        raise _invalid_rule(f"{name} must be a positive integer")
    return int(value)


def parse_recurrence(
    text: str,
    start_date: dt.date,
    start_time: dt.time,
    duration: dt.timedelta,
    tz: ZoneInfo,
    *,
    strict: bool = True,
) -> Recurrence:
    """Validate an RRULE (no DTSTART: it is ``start_date`` at ``start_time``, local time).

    Occurrences are the dates the rule gives from ``start_date`` on (dateutil's
    reading: ``start_date`` itself counts only if it matches the rule).

    Supported: FREQ DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, BY* date parts,
    BYSETPOS, WKST, and exactly one of COUNT or UNTIL. ``strict=False`` (reading
    stored rules) clamps a series that the current timezone pushes past the cap
    instead of refusing it.
    """
    parts = _split_rule(text)
    freq = parts.get("FREQ")
    if freq is None:
        raise _invalid_rule("FREQ is required")
    if freq not in _FREQUENCIES:
        raise _invalid_rule(f"FREQ must be one of {', '.join(sorted(_FREQUENCIES))}")
    if "COUNT" in parts and "UNTIL" in parts:
        raise _invalid_rule("COUNT and UNTIL cannot be combined (RFC 5545)")
    if "COUNT" not in parts and "UNTIL" not in parts:
        raise DomainError(
            "availability.unbounded_rrule",
            "A recurring window needs COUNT or UNTIL: it cannot repeat forever",
            status=422,
        )
    count = _positive(parts, "COUNT")
    _positive(parts, "INTERVAL")
    if strict and count is not None and count > MAX_OCCURRENCES:
        raise _too_long()
    if not MIN_YEAR <= start_date.year <= MAX_YEAR:
        raise DomainError(
            "availability.invalid_start_date",
            f"start_date must be between {MIN_YEAR} and {MAX_YEAR}",
            status=422,
        )
    dtstart = dt.datetime.combine(start_date, start_time)
    horizon = dtstart + MAX_SERIES_SPAN
    bound = horizon
    if "UNTIL" in parts:
        until = _parse_until(parts["UNTIL"], tz)
        if until < dtstart:
            raise _invalid_rule("UNTIL is before the first occurrence")
        if strict and until > horizon:
            raise _too_long()
        bound = min(until, horizon)
    # COUNT is applied while iterating; the rule itself always stops at the cap.
    shift = _shift_years(dtstart.year)
    bound = bound.replace(year=bound.year + shift)
    core = ";".join(f"{k}={v}" for k, v in parts.items() if k not in ("COUNT", "UNTIL"))
    try:
        parsed = rrulestr(
            f"{core};UNTIL={bound:%Y%m%dT%H%M%S}",
            dtstart=dtstart.replace(year=dtstart.year + shift),
        )
    except (ValueError, TypeError, OverflowError, IndexError, KeyError) as exc:
        raise _invalid_rule(f"Invalid RRULE: {exc}") from exc
    if not isinstance(parsed, rrule):
        raise _invalid_rule("Only a single RRULE is supported")
    normalized = ";".join(f"{k}={v}" for k, v in parts.items())
    return Recurrence(normalized, parsed, shift, count, duration, tz)


def series_bounds(recurrence: Recurrence) -> tuple[dt.datetime, dt.datetime]:
    """First start and last end (UTC) of a new series; refuses empty or oversized series."""
    count = recurrence.count
    naive = list(recurrence.naive_starts(count or MAX_OCCURRENCES + 1))
    if not naive:
        raise _invalid_rule("This RRULE has no occurrence")
    # The rule stops at the time cap: COUNT not reached means the series is too long.
    if len(naive) > MAX_OCCURRENCES or (count is not None and len(naive) < count):
        raise _too_long()
    first = localize_occurrence(naive[0], recurrence.duration, recurrence.tz)
    last = localize_occurrence(naive[-1], recurrence.duration, recurrence.tz)
    return first[0], last[1]


def parse_local_time(value: str) -> dt.time:
    match = _HHMM.match(value.strip())
    if not match:
        raise DomainError(
            "availability.invalid_start_time",
            "start_time is a local time HH:MM (00:00 to 23:59)",
            status=422,
        )
    return dt.time(int(match.group(1)), int(match.group(2)))


# -- windows -------------------------------------------------------------------


@dataclass(frozen=True)
class WindowSpec:
    """The validated timing of a window, as stored."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    rrule: str | None = None
    start_date: dt.date | None = None
    start_time: dt.time | None = None
    duration_minutes: int | None = None


def _invalid_window(message: str, details: Any = None) -> DomainError:
    return DomainError("availability.invalid_window", message, details=details, status=422)


def window_spec(fields: dict[str, Any], tz: ZoneInfo) -> WindowSpec:
    """Check that ``fields`` describe exactly one complete form of window, and validate it."""
    recurring = [k for k in _RECURRING_FIELDS if fields.get(k) is not None]
    one_off = [k for k in _ONE_OFF_FIELDS if fields.get(k) is not None]
    if recurring and one_off:
        raise _invalid_window(
            "Give starts_at/ends_at (one-off) or rrule, start_date, start_time and"
            " duration_minutes (recurring), not both",
            {"one_off": one_off, "recurring": recurring},
        )
    if recurring:
        missing = [k for k in _RECURRING_FIELDS if k not in recurring]
        if missing:
            raise _invalid_window(
                "A recurring window needs rrule, start_date, start_time and duration_minutes",
                {"missing": missing},
            )
        minutes = int(fields["duration_minutes"])
        if not 1 <= minutes <= MAX_DURATION_MINUTES:
            raise DomainError(
                "availability.invalid_duration",
                f"duration_minutes goes from 1 to {MAX_DURATION_MINUTES}",
                status=422,
            )
        start_time = parse_local_time(str(fields["start_time"]))
        recurrence = parse_recurrence(
            str(fields["rrule"]),
            fields["start_date"],
            start_time,
            dt.timedelta(minutes=minutes),
            tz,
        )
        first, last = series_bounds(recurrence)
        return WindowSpec(first, last, recurrence.text, fields["start_date"], start_time, minutes)
    missing = [k for k in _ONE_OFF_FIELDS if k not in one_off]
    if missing:
        raise _invalid_window(
            "A window needs starts_at and ends_at, or a recurrence", {"missing": missing}
        )
    starts_at = require_aware(fields["starts_at"], "starts_at")
    ends_at = require_aware(fields["ends_at"], "ends_at")
    if ends_at <= starts_at:
        raise DomainError(
            "availability.ends_before_starts", "A window must end after it starts", status=422
        )
    if ends_at - starts_at > MAX_ONE_OFF:
        raise DomainError(
            "availability.too_long",
            f"A one-off window lasts at most {MAX_ONE_OFF.days} days",
            status=422,
        )
    return WindowSpec(starts_at, ends_at)


_COLUMNS = """w.id, w.user_id, w.kind, w.status, w.starts_at, w.ends_at, w.rrule, w.start_date,
              w.start_time, w.duration_minutes, w.note, w.absence_type_id, w.requested_by,
              w.decided_by,
              w.decided_at, w.decision_reason, w.created_at, w.updated_at"""


def _out(row: dict[str, Any]) -> dict[str, Any]:
    row["recurring"] = row["rrule"] is not None
    start_time = row["start_time"]
    row["start_time"] = start_time.strftime("%H:%M") if start_time is not None else None
    return row


def _recurrence_of(row: dict[str, Any], tz: ZoneInfo) -> Recurrence:
    return parse_recurrence(
        row["rrule"],
        row["start_date"],
        row["start_time"],
        dt.timedelta(minutes=row["duration_minutes"]),
        tz,
        strict=False,
    )


def _note(value: str) -> str:
    return value.strip()


async def _user(org_id: int, user_id: int) -> dict[str, Any]:
    rows = await fetch("SELECT id, account FROM users WHERE org = $1 AND id = $2", org_id, user_id)
    if not rows:
        raise NotFound("user.not_found", "No such user in this org")
    return rows[0]


async def _absence_type(
    org_id: int, type_id: int | None, kind: str, *, current: int | None = None
) -> bool:
    """Check the absence type a window would carry; whether it needs a manager's approval.

    A type the window already carries stays valid when it has been deactivated since.
    """
    if type_id is None:
        return True
    if kind != "unavailable":
        raise DomainError(
            "availability.absence_type_needs_unavailable",
            "Only an unavailable window has an absence type",
            status=422,
        )
    rows = await fetch(
        "SELECT active, requires_approval FROM absence_types WHERE org = $1 AND id = $2",
        org_id,
        type_id,
    )
    if not rows:
        raise DomainError(
            "availability.unknown_absence_type",
            "No such absence type in this org",
            details={"absence_type_id": type_id},
            status=422,
        )
    if not rows[0]["active"] and type_id != current:
        raise DomainError(
            "availability.inactive_absence_type",
            "This absence type is deactivated: choose another one",
            details={"absence_type_id": type_id},
            status=422,
        )
    return bool(rows[0]["requires_approval"])


def _is_manager(principal: Principal) -> bool:
    return can(principal, "availability.approve")


async def _check_own(principal: Principal, user_id: int) -> None:
    """A tech acts only on the user linked to their own account."""
    user = await _user(principal.org_id, user_id)
    if not _is_manager(principal) and user["account"] != principal.account_id:
        raise Forbidden(
            "availability.not_own", "You can only request availability for your own user"
        )


async def _load(org_id: int, window_id: int, *, lock: bool = False) -> dict[str, Any]:
    sql = f"SELECT {_COLUMNS} FROM availability_windows w WHERE w.org = $1 AND w.id = $2"  # noqa: S608
    rows = await fetch(sql + (" FOR UPDATE" if lock else ""), org_id, window_id)
    if not rows:
        raise NotFound("availability.not_found", "No such availability window in this org")
    return rows[0]


async def _announce(principal: Principal, row: dict[str, Any], step: str) -> None:
    """``AvailabilityChanged`` for ``row`` (the window as stored after the change), in the
    caller's transaction."""
    recurring = row["rrule"] is not None
    await emit_events(
        [
            AvailabilityChanged(
                org_id=principal.org_id,
                actor_account_id=principal.account_id,
                window_id=row["id"],
                user_id=row["user_id"],
                step=step,
                window_kind=row["kind"],
                status=row["status"],
                recurring=recurring,
                starts_at=None if recurring else row["starts_at"],
                ends_at=None if recurring else row["ends_at"],
                absence_type_id=row["absence_type_id"],
            )
        ]
    )


def _step(status: str) -> str:
    """What a created or changed window means for the people around it."""
    return "requested" if status == "REQUESTED" else "recorded"


async def get_window(org_id: int, window_id: int) -> dict[str, Any]:
    return _out(await _load(org_id, window_id))


#: Sort keys of the windows list and the SQL each orders by (docs/api.md).
WINDOWS = Listing(
    sorts={
        "id": "w.id",
        "user_id": "w.user_id",
        "kind": "w.kind",
        "status": "w.status",
        "starts_at": "w.starts_at",
        "ends_at": "w.ends_at",
        "decided_at": "w.decided_at",
        "created_at": "w.created_at",
        "updated_at": "w.updated_at",
    },
    default="-created_at",
    item=AvailabilityOut,
)

#: Sort keys of the occurrences list. Occurrences are computed (RRULE expansion of the
#: windows read in SQL for a bounded window), not rows: they are sorted in memory.
OCCURRENCES = Listing(
    sorts={
        "window_id": "window_id",
        "user_id": "user_id",
        "kind": "kind",
        "status": "status",
        "starts_at": "starts_at",
        "ends_at": "ends_at",
    },
    default="starts_at",
    item=AvailabilityOccurrence,
    key=("window_id", "starts_at"),
)


async def list_windows(
    org_id: int,
    listing: ListQuery,
    *,
    user_id: int | None = None,
    status: str | None = None,
    kind: str | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Windows (not expanded), newest first by default: e.g. the requests waiting for a
    manager. A ``user_id`` that is not the org's is a 404 like every filter."""
    await check_filter("users", org_id, user_id, "user")
    where = ["w.org = $1"]
    args: list[Any] = [org_id]
    for column, value in (("user_id", user_id), ("status", status), ("kind", kind)):
        if value is not None:
            args.append(value)
            where.append(f"w.{column} = ${len(args)}")
    clause = " AND ".join(where)
    count_sql = f"SELECT count(*) AS n FROM availability_windows w WHERE {clause}"  # noqa: S608
    total = (await fetch(count_sql, *args))[0]["n"]
    listing.check_page(total)
    rows = await fetch(
        f"SELECT {_COLUMNS} FROM availability_windows w WHERE {clause}"  # noqa: S608
        f" ORDER BY {WINDOWS.order_by(listing)}"
        f" LIMIT {listing.page_size} OFFSET {listing.offset}",
        *args,
    )
    return [_out(r) for r in rows], total


async def create_window(principal: Principal, data: AvailabilityCreate) -> dict[str, Any]:
    """A manager's window is APPROVED at once; a tech's is a REQUESTED one for their own user,
    APPROVED at once too when its absence type needs no approval (a declared sick leave)."""
    await _check_own(principal, data.user_id)
    tz = await org_timezone(principal.org_id)
    spec = window_spec(
        {name: getattr(data, name) for name in (*_RECURRING_FIELDS, *_ONE_OFF_FIELDS)}, tz
    )
    needs_approval = await _absence_type(principal.org_id, data.absence_type_id, data.kind)
    manager = _is_manager(principal)
    approved = manager or not needs_approval
    async with transaction():
        rows = await fetch(
            """INSERT INTO availability_windows
                   (org, user_id, kind, status, starts_at, ends_at, rrule, start_date,
                    start_time, duration_minutes, note, requested_by, decided_by, decided_at,
                    absence_type_id)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
                       CASE WHEN $4::varchar = 'APPROVED' THEN now() END, $14)
               RETURNING id""",
            principal.org_id,
            data.user_id,
            data.kind,
            "APPROVED" if approved else "REQUESTED",
            spec.starts_at,
            spec.ends_at,
            spec.rrule,
            spec.start_date,
            spec.start_time,
            spec.duration_minutes,
            _note(data.note),
            principal.account_id,
            principal.account_id if manager else None,
            data.absence_type_id,
        )
        window_id = int(rows[0]["id"])
        await record(
            principal.org_id,
            principal.account_id,
            "availability.created",
            f"availability:{window_id}",
            {
                "user_id": data.user_id,
                "kind": data.kind,
                "recurring": spec.rrule is not None,
                "absence_type_id": data.absence_type_id,
            },
        )
        saved = await _load(principal.org_id, window_id)
        await _announce(principal, saved, _step(saved["status"]))
    return _out(saved)


async def update_window(
    principal: Principal, window_id: int, data: AvailabilityUpdate
) -> dict[str, Any]:
    """Change a window. A tech's change of their own window needs approval again."""
    tz = await org_timezone(principal.org_id)
    async with transaction():
        row = await _load(principal.org_id, window_id, lock=True)
        await _check_own(principal, row["user_id"])
        # The stored form of the window, as a client would send it, then the patch on top
        # (the span columns of a recurring window are derived, not input).
        stored = _RECURRING_FIELDS if row["rrule"] is not None else _ONE_OFF_FIELDS
        fields: dict[str, Any] = {name: _out(dict(row))[name] for name in stored}
        for name in (*_RECURRING_FIELDS, *_ONE_OFF_FIELDS):
            value = getattr(data, name)
            if value is not UNSET:
                fields[name] = value
        spec = window_spec(fields, tz)
        kind = row["kind"] if data.kind is UNSET else data.kind
        note = row["note"] if data.note is UNSET else _note(str(data.note))
        absence_type_id = (
            row["absence_type_id"] if data.absence_type_id is UNSET else data.absence_type_id
        )
        needs_approval = await _absence_type(
            principal.org_id, absence_type_id, kind, current=row["absence_type_id"]
        )
        manager = _is_manager(principal)
        status = row["status"] if manager else "REQUESTED" if needs_approval else "APPROVED"
        await fetch(
            """UPDATE availability_windows
               SET kind = $3, starts_at = $4, ends_at = $5, rrule = $6, start_date = $7,
                   start_time = $8, duration_minutes = $9, note = $10, status = $11,
                   requested_by = CASE WHEN $12 THEN requested_by ELSE $13 END,
                   decided_by = CASE WHEN $12 THEN decided_by END,
                   decided_at = CASE WHEN $12 THEN decided_at
                                     WHEN $11::varchar = 'APPROVED' THEN now() END,
                   decision_reason = CASE WHEN $12 THEN decision_reason END,
                   absence_type_id = $14,
                   updated_at = now()
               WHERE org = $1 AND id = $2""",
            principal.org_id,
            window_id,
            kind,
            spec.starts_at,
            spec.ends_at,
            spec.rrule,
            spec.start_date,
            spec.start_time,
            spec.duration_minutes,
            note,
            status,
            manager,
            principal.account_id,
            absence_type_id,
        )
        await record_change(
            principal.org_id,
            principal.account_id,
            "availability.updated",
            f"availability:{window_id}",
            row,
            {
                "kind": kind,
                "starts_at": spec.starts_at,
                "ends_at": spec.ends_at,
                "rrule": spec.rrule,
                "start_date": spec.start_date,
                "start_time": spec.start_time,
                "duration_minutes": spec.duration_minutes,
                "note": note,
                "status": status,
                "absence_type_id": absence_type_id,
            },
            {"user_id": row["user_id"]},
        )
        saved = await _load(principal.org_id, window_id)
        await _announce(principal, saved, _step(saved["status"]))
    return _out(saved)


async def delete_window(principal: Principal, window_id: int) -> None:
    async with transaction():
        row = await _load(principal.org_id, window_id, lock=True)
        await _check_own(principal, row["user_id"])
        await fetch(
            "DELETE FROM availability_windows WHERE org = $1 AND id = $2",
            principal.org_id,
            window_id,
        )
        await record(
            principal.org_id,
            principal.account_id,
            "availability.deleted",
            f"availability:{window_id}",
            {"user_id": row["user_id"], "status": row["status"]},
        )
        await _announce(principal, row, "deleted")


async def _decide(
    principal: Principal, window_id: int, status: str, reason: str | None
) -> dict[str, Any]:
    async with transaction():
        row = await _load(principal.org_id, window_id, lock=True)
        if row["status"] != "REQUESTED":
            raise Conflict(
                "availability.invalid_transition",
                f"A {row['status']} window cannot become {status}: only requests are decided",
                details={"from": row["status"], "to": status},
            )
        await fetch(
            """UPDATE availability_windows
               SET status = $3, decided_by = $4, decided_at = now(), decision_reason = $5,
                   updated_at = now()
               WHERE org = $1 AND id = $2""",
            principal.org_id,
            window_id,
            status,
            principal.account_id,
            reason.strip() if reason else None,
        )
        await record_change(
            principal.org_id,
            principal.account_id,
            f"availability.{status.lower()}",
            f"availability:{window_id}",
            row,
            {"status": status, "decision_reason": reason.strip() if reason else None},
            {"user_id": row["user_id"]},
        )
        saved = await _load(principal.org_id, window_id)
        await _announce(principal, saved, status.lower())
    return _out(saved)


async def approve_window(principal: Principal, window_id: int) -> dict[str, Any]:
    return await _decide(principal, window_id, "APPROVED", None)


async def refuse_window(
    principal: Principal, window_id: int, reason: str | None = None
) -> dict[str, Any]:
    return await _decide(principal, window_id, "REFUSED", reason)


# -- occurrences ---------------------------------------------------------------


async def occurrences(
    org_id: int,
    start: dt.datetime,
    end: dt.datetime,
    *,
    user_ids: list[int] | None = None,
    kind: str | None = None,
    statuses: tuple[str, ...] | None = None,
) -> list[dict[str, Any]]:
    """Occurrences of the org's windows overlapping [start, end), sorted by start (UTC)."""
    require_aware(start, "from")
    require_aware(end, "to")
    if end <= start:
        return []
    where = ["org = $1"]
    args: list[Any] = [org_id, start, end]
    # Recurring spans were computed in the org timezone of the time: a margin keeps
    # a series found if the org has changed timezone since; expansion is exact.
    where.append(
        """((rrule IS NULL AND starts_at < $3 AND ends_at > $2)
            OR (rrule IS NOT NULL AND starts_at < $3 + interval '2 days'
                AND ends_at > $2 - interval '2 days'))"""
    )
    if user_ids is not None:
        args.append(user_ids)
        where.append(f"user_id = ANY(${len(args)}::integer[])")
    if kind is not None:
        args.append(kind)
        where.append(f"kind = ${len(args)}")
    if statuses is not None:
        args.append(list(statuses))
        where.append(f"status = ANY(${len(args)}::text[])")
    rows = await fetch(
        "SELECT id, user_id, kind, status, starts_at, ends_at, rrule, start_date, start_time,"  # noqa: S608
        " duration_minutes, absence_type_id"
        f" FROM availability_windows WHERE {' AND '.join(where)}",
        *args,
    )
    if not rows:
        return []
    tz = await org_timezone(org_id)
    out: list[dict[str, Any]] = []
    for row in rows:
        base = {
            "window_id": row["id"],
            "user_id": row["user_id"],
            "kind": row["kind"],
            "status": row["status"],
            "recurring": row["rrule"] is not None,
            "absence_type_id": row["absence_type_id"],
        }
        if row["rrule"] is None:
            spans = [(row["starts_at"], row["ends_at"])]
        else:
            spans = _recurrence_of(row, tz).occurrences(start, end)
        for begins, ends in spans:
            out.append({**base, "starts_at": begins, "ends_at": ends})
    out.sort(key=lambda o: (o["starts_at"], o["window_id"]))
    return out


async def list_occurrences(
    org_id: int,
    from_text: str,
    to_text: str,
    *,
    user_id: int | None = None,
    kind: str | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """The calendar listing: occurrences in org local time, for one user or the whole org.

    ``from``/``to`` as the query string gives them (see
    :func:`coulisses.scheduling.common.parse_window`).
    """
    tz = await org_timezone(org_id)
    window = parse_window(from_text, to_text, tz, max_days=MAX_QUERY_DAYS)
    if user_id is not None:
        await _user(org_id, user_id)
    found = await occurrences(
        org_id,
        window.starts,
        window.ends,
        user_ids=[user_id] if user_id is not None else None,
        kind=kind,
        statuses=(status,) if status is not None else None,
    )
    if found:
        for item in found:
            item["starts_at"] = item["starts_at"].astimezone(tz)
            item["ends_at"] = item["ends_at"].astimezone(tz)
    return found


#: (start, end, absence type id) of one approved unavailability occurrence, UTC
TypedInterval = tuple[dt.datetime, dt.datetime, int]


async def unavailability(
    org_id: int, user_ids: list[int], start: dt.datetime, end: dt.datetime
) -> tuple[dict[int, list[tuple[dt.datetime, dt.datetime]]], dict[int, list[TypedInterval]]]:
    """Approved ``unavailable`` time of each user overlapping [start, end), and its typed part.

    For the conflict checks: in the first mapping every requested user is a key; its
    intervals are UTC, sorted and merged (overlapping or touching windows become one),
    and not clipped to [start, end). The second keeps, unmerged, the occurrences of the
    windows that carry an absence type (conges, maladie...), for the report to name it.
    """
    merged: dict[int, list[tuple[dt.datetime, dt.datetime]]] = {uid: [] for uid in user_ids}
    typed: dict[int, list[TypedInterval]] = {}
    if not user_ids:
        return merged, typed
    found = await occurrences(
        org_id, start, end, user_ids=user_ids, kind="unavailable", statuses=("APPROVED",)
    )
    for item in found:
        intervals = merged[item["user_id"]]
        begins, ends = item["starts_at"], item["ends_at"]
        if intervals and begins <= intervals[-1][1]:
            intervals[-1] = (intervals[-1][0], max(intervals[-1][1], ends))
        else:
            intervals.append((begins, ends))
        if item["absence_type_id"] is not None:
            typed.setdefault(item["user_id"], []).append((begins, ends, item["absence_type_id"]))
    return merged, typed


async def unavailable_intervals(
    org_id: int, user_ids: list[int], start: dt.datetime, end: dt.datetime
) -> dict[int, list[tuple[dt.datetime, dt.datetime]]]:
    """The merged part of :func:`unavailability`."""
    return (await unavailability(org_id, user_ids, start, end))[0]
