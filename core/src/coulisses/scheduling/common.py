"""Helpers shared by the scheduling services: paging, org timezone, local wall-clock times,
database error mapping."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

import asyncpg
import msgspec

from coulisses.db.connection import fetch
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.plugins.relay import emit_all
from coulisses.web.openapi import rule
from coulisses_sdk import DomainEvent

#: Tables a list filter may name, with the 404 code of an id that is not the org's.
FilterTable = Literal["users", "projects", "missions", "places", "mission_roles", "rates"]
_FILTER_CODES: dict[str, tuple[str, str]] = {
    "users": ("user.not_found", "User not found"),
    "projects": ("project.not_found", "Project not found"),
    "missions": ("mission.not_found", "Mission not found"),
    "places": ("place.not_found", "Place not found"),
    "mission_roles": ("mission_role.not_found", "Mission role not found"),
    "rates": ("rate.not_found", "Rate not found"),
}


async def check_filter(table: FilterTable, org_id: int, row_id: int | None, field: str) -> None:
    """A list filter naming a row (``?user=``, ``?project=``...) answers like ``GET
    /<noun>/<id>``: an unknown id, or another org's, is a 404 ``<noun>.not_found``
    (details: ``field``), never an empty list."""
    if row_id is None:
        return
    sql = f"SELECT 1 FROM {table} WHERE org = $1 AND id = $2"  # noqa: S608 - table from a Literal
    if not await fetch(sql, org_id, row_id):
        code, message = _FILTER_CODES[table]
        raise DomainError(code, message, details={"field": field}, status=404)


def json_value(value: Any) -> Any:
    """asyncpg hands jsonb/json back as text (no codec is registered)."""
    return json.loads(value) if isinstance(value, str) else value


async def org_timezone(org_id: int) -> ZoneInfo:
    rows = await fetch("SELECT timezone FROM orgs WHERE id = $1", org_id)
    return ZoneInfo(rows[0]["timezone"] if rows else "Europe/Paris")


async def mission_timezone(org_id: int, place_id: int | None, *, lock: bool = False) -> ZoneInfo:
    """The timezone of a mission's local times: its place's, the org's without a place.

    Resolve it once per command and pass it to the local-time helpers. An unknown
    place, or another org's, is a 404 ``place.not_found``. ``lock`` (inside the
    command's transaction) takes FOR KEY SHARE on the place: it cannot be deleted,
    nor its timezone changed, until the command commits.
    """
    if place_id is None:
        return await org_timezone(org_id)
    lock_clause = " FOR KEY SHARE" if lock else ""
    rows = await fetch(
        f"SELECT timezone FROM places WHERE org = $1 AND id = $2{lock_clause}",  # noqa: S608
        org_id,
        place_id,
    )
    if not rows:
        raise NotFound("place.not_found", "Place not found")
    return ZoneInfo(rows[0]["timezone"])


def require_aware(value: dt.datetime, field: str) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise DomainError(
            "validation.naive_datetime",
            f"{field} needs a UTC offset (e.g. 2027-07-01T20:00:00+02:00)",
            details={"field": field},
            status=422,
        )
    return value


def local_instant(
    day: dt.date,
    time: dt.time,
    tz: ZoneInfo,
    *,
    fold: int = 0,
    field: str = "start",
) -> dt.datetime:
    """The UTC instant of the local wall-clock ``day`` ``time`` in ``tz``: the one place
    where a local date and time become an instant.

    The caller passes the timezone (the org's, or a mission's place's): this helper reads
    nothing. Across a DST change:

    - a local time that does not exist (02:30 on the spring-forward day in Europe/Paris)
      is a 422 ``mission.nonexistent_local_time`` (details: ``field``, ``date``, ``time``,
      ``timezone``), never moved silently to 03:30;
    - a local time that happens twice (02:30 on the fall-back day) is resolved by ``fold``:
      0 the first occurrence (summer time, the default), 1 the second one.
    """
    local = dt.datetime.combine(day, time, tzinfo=tz).replace(fold=fold)
    instant = local.astimezone(dt.UTC)
    # zoneinfo maps a nonexistent wall time to an instant whose wall time differs.
    if instant.astimezone(tz).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise DomainError(
            "mission.nonexistent_local_time",
            f"{day.isoformat()} {time.strftime('%H:%M')} does not exist in {tz.key}"
            " (the clocks skip that hour): pick another time",
            details={
                "field": field,
                "date": day.isoformat(),
                "time": time.strftime("%H:%M"),
                "timezone": tz.key,
            },
            status=422,
        )
    return instant


#: Years a window bound may fall in (far ones would overflow datetime arithmetic).
MIN_YEAR, MAX_YEAR = 1900, 2999
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Window:
    """[starts, ends) in UTC, with the org timezone it was read in."""

    starts: dt.datetime
    ends: dt.datetime
    tz: ZoneInfo


def _invalid_date(field: str, value: str) -> DomainError:
    return DomainError(
        "validation.invalid_date",
        f"{field} must be an ISO 8601 date (2027-07-01) or date-time with an offset"
        f" (2027-07-01T00:00:00+02:00), not {value[:40]!r}",
        details={"field": field},
        status=422,
    )


def parse_bound(value: str, field: str, tz: ZoneInfo, *, is_end: bool = False) -> dt.datetime:
    """One window bound, in UTC: an ISO date-time with an offset (taken as is), or an ISO
    date: local midnight in ``tz`` starting that day, or ending it when ``is_end`` (a date
    ``to`` includes its whole day)."""
    text = value.strip()
    try:
        if _DATE.match(text):
            day = dt.date.fromisoformat(text)
            if not MIN_YEAR <= day.year <= MAX_YEAR:
                raise ValueError(day.year)
            day += dt.timedelta(days=1 if is_end else 0)
            return dt.datetime.combine(day, dt.time(), tzinfo=tz).astimezone(dt.UTC)
        instant = dt.datetime.fromisoformat(text)
        if not MIN_YEAR <= instant.year <= MAX_YEAR:
            raise ValueError(instant.year)
    except ValueError as exc:
        raise _invalid_date(field, value) from exc
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise DomainError(
            "validation.naive_datetime",
            f"{field} needs a UTC offset (e.g. 2027-07-01T00:00:00+02:00) or must be a date",
            details={"field": field},
            status=422,
        )
    return instant.astimezone(dt.UTC)


def parse_window(from_text: str, to_text: str, tz: ZoneInfo, *, max_days: int) -> Window:
    """The ``from``/``to`` query window of a listing (planning, conflicts, availability).

    A date is a local day in the org timezone (``to`` includes its day), a date-time
    carries an offset (``to`` excluded). Errors, all 422: ``validation.invalid_date``,
    ``validation.naive_datetime``, ``validation.invalid_window`` (``to`` not after
    ``from``), ``validation.window_too_long`` (more than ``max_days`` days of the org's
    wall clock, so that a window across a DST change keeps its length in days).
    """
    starts = parse_bound(from_text, "from", tz)
    ends = parse_bound(to_text, "to", tz, is_end=True)
    if ends <= starts:
        raise DomainError(
            "validation.invalid_window",
            "to must be after from",
            details={"from": starts.isoformat(), "to": ends.isoformat()},
            status=422,
        )

    def wall(instant: dt.datetime) -> dt.datetime:
        return instant.astimezone(tz).replace(tzinfo=None)

    if wall(ends) - wall(starts) > dt.timedelta(days=max_days):
        raise DomainError(
            "validation.window_too_long",
            f"This window covers at most {max_days} days",
            details={"max_days": max_days},
            status=422,
        )
    return Window(starts, ends, tz)


@contextlib.contextmanager
def overlap_as_conflict() -> Iterator[None]:
    """Turn the double-booking constraint (SQLSTATE 23P01) into 409 assignment.overlap.

    Wrap only a statement writing assignments' times or statuses. Two transactions that
    write overlapping rows at once each wait for the other's exclusion check; PostgreSQL
    aborts one with a deadlock (40P01) and the other commits: for the aborted one, too,
    the answer is "overlaps an accepted assignment" (50 concurrent accepts of overlapping
    missions must give one 200 and 49 409s, never a 500)."""
    try:
        yield
    except (
        asyncpg.exceptions.ExclusionViolationError,
        asyncpg.exceptions.DeadlockDetectedError,
    ) as exc:
        raise Conflict(
            "assignment.overlap",
            "This user already has an accepted assignment that overlaps these times",
        ) from exc


def clean_names(values: list[str], field: str, *, lower: bool = True) -> list[str]:
    """Trimmed, de-duplicated (order kept) names; empty or too long names are a 422."""
    seen: list[str] = []
    for raw in values:
        value = raw.strip().lower() if lower else raw.strip()
        if not value or len(value) > 100:
            raise DomainError(
                f"validation.{field}", f"Each {field} needs 1 to 100 characters", status=422
            )
        if value not in seen:
            seen.append(value)
    return seen


async def emit_events(events: Sequence[DomainEvent]) -> None:
    """Record events in the current transaction, for the org's plugins (delivered after
    commit by a worker) and its live stream."""
    if events:
        await emit_all(list(events))


EmploymentType = Literal["CDI", "CDD", "Intermittent", "Freelance"]


ProjectStatus = Literal["DRAFT", "ACTIVE", "ARCHIVED"]


MissionStatus = Literal["DRAFT", "PUBLISHED"]


MissionBatchAction = Literal["publish", "unpublish", "delete"]


#: a row id as a body may carry it (a larger number is a 400, not a database error)
RowId = Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]


AssignmentStatus = Literal["INVITED", "ACCEPTED", "DECLINED", "CANCELLED"]


# Bounds the services check with their own 422 codes (docs/api.md), documented here
# so that generated clients and fuzzers build valid bodies.
PersonName = Annotated[str, rule(min_length=1, max_length=100)]


Label100 = Annotated[str, rule(min_length=1, max_length=100)]


Title = Annotated[str, rule(min_length=1, max_length=200)]


Place = Annotated[str, rule(max_length=200)]


HourMinute = Annotated[str, rule(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


SkillLevel = Annotated[int, rule(minimum=1, maximum=5)]


#: Which occurrence of an ambiguous local time (the hour the clocks go back) is meant.
Fold = Annotated[
    int,
    msgspec.Meta(
        ge=0,
        le=1,
        description="for a local time that happens twice (the night the clocks go back):"
        " 0 = its first occurrence (summer time, the default), 1 = its second one."
        " Ignored for any other time",
        examples=[0],
    ),
]


Quota = Annotated[int, rule(minimum=0, maximum=10_000)]


Reason = Annotated[str, rule(max_length=1000)]


#: known keys only (``nir``, ``conges_spectacles``, ``siret``), each optional; an
#: unknown key is a 422 ``user.unknown_legal_id`` from the service, not a 400.
LegalIds = dict[str, str | None]
