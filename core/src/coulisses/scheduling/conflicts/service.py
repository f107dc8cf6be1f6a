"""Conflicts of active assignments: the rules, their configuration, loading and suggestions.

A conflict is found over the active assignments (INVITED and ACCEPTED) of a user:

- ``overlap``: two of them share some time;
- ``max_hours_day`` / ``max_hours_week``: the hours of a local day or of an
  ISO week go over the limit; an assignment crossing midnight counts on each
  day (and week) it covers, for the time it covers it. Days are those of the
  mission's place (its timezone, the org's without a place): a tour date in
  Montreal counts on its Montreal calendar day, whatever the office's clock;
- ``min_rest``: the rest between an assignment and the latest end before it
  is shorter than the minimum;
- ``unavailable``: it meets an approved unavailability window;
- ``missing_skill``: the user lacks a required skill of the mission role;
- ``skill_expired``: the user has a required skill, but its certification expires
  before the mission ends (``valid_until`` earlier than the local day, in the
  timezone of the mission's place (the org's without a place), of the mission's
  last instant).

Limits default to :data:`DEFAULT_LIMITS`; an org overrides them, and each
employment_type overrides the org (table ``conflict_rules``).

The first half of this module is pure (epoch seconds in, plain objects out)
so that the rules can be property-tested; the second half loads what they
need from PostgreSQL in a few queries (the window plus margins for rest and
weeks) and shapes the answer. Everything is computed in Python: a sort and a
pass per user, not a query per assignment. docs/conflicts.md says the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any
from zoneinfo import ZoneInfo

from coulisses.audit import record_change
from coulisses.db.connection import fetch, fetch_records, transaction
from coulisses.errors import Conflict as ConflictError
from coulisses.errors import DomainError, NotFound
from coulisses.scheduling.assignments import service as assignments
from coulisses.scheduling.availability.service import unavailability
from coulisses.scheduling.common import org_timezone, parse_window
from coulisses.scheduling.conflicts.schemas import (
    AbsenceTypeRef,
    ConflictAssignmentOut,
    ConflictCheckIn,
    ConflictCounts,
    ConflictOut,
    ConflictReport,
    ConflictRulesIn,
    ConflictUserOut,
    ExpiredSkillOut,
    IntervalOut,
    RuleLimits,
    SuggestionOut,
)
from coulisses.scheduling.missions.service import check_times
from coulisses.scheduling.users.tables import EMPLOYMENT_TYPES
from coulisses_sdk import Principal

UTC = dt.UTC
HOUR = 3600
KINDS = (
    "overlap",
    "max_hours_day",
    "max_hours_week",
    "min_rest",
    "unavailable",
    "missing_skill",
    "skill_expired",
)
#: Longest window of one report (two months: a month plus its edges).
MAX_WINDOW_DAYS = 62
#: How far around the window assignments are read: a whole ISO week on each side,
#: and the longest configurable rest (7 days), plus a day for DST and rounding.
MARGIN = dt.timedelta(days=8)
MAX_SUGGESTIONS = 5
#: A report lists at most this many conflicts (the earliest); ``total`` counts them all.
MAX_CONFLICTS = 500
#: Bounds of a configured limit, in minutes (the table's CHECKs say the same).
LIMIT_BOUNDS = {"day": (1, 24 * 60), "week": (1, 7 * 24 * 60), "rest": (0, 7 * 24 * 60)}


@dataclass(frozen=True)
class Limits:
    """Limits of one user, in seconds."""

    day: int
    week: int
    rest: int


DEFAULT_LIMITS = Limits(day=10 * HOUR, week=48 * HOUR, rest=11 * HOUR)


# -- pure model ------------------------------------------------------------------


@dataclass(slots=True)
class Span:
    """An active assignment as the rules see it; ``start``/``end`` are epoch seconds (UTC)."""

    id: int
    user_id: int
    start: int
    end: int
    status: str = "ACCEPTED"
    mission_id: int = 0
    mission_role_id: int = 0
    project_id: int = 0
    required_skills: tuple[str, ...] = ()
    #: IANA timezone of the mission's days (its place's); "" for the grid's own (the org's)
    zone: str = ""


@dataclass(slots=True)
class UserInfo:
    id: int
    first_name: str
    last_name: str
    employment_type: str
    skills: dict[str, int] = field(default_factory=dict)
    #: last valid day of the skills that expire (certifications); others never do
    valid_until: dict[str, dt.date] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(slots=True)
class Suggestion:
    user_id: int
    skill_score: int
    week_seconds: int


@dataclass(slots=True)
class Conflict:
    """One broken rule. ``target`` is the assignment a replacement would take over: the
    latest one of the conflict (the one that broke the rule when it was added)."""

    kind: str
    user_id: int
    spans: tuple[Span, ...]
    target: Span
    #: start of the earliest span: the order of a report
    first: int
    day: dt.date | None = None
    week: str | None = None
    seconds: int | None = None
    limit: int | None = None
    missing_skills: tuple[str, ...] = ()
    #: skill_expired: (skill, last valid day) of each required skill that expires too soon
    expired_skills: tuple[tuple[str, dt.date], ...] = ()
    unavailable: tuple[tuple[int, int], ...] = ()
    #: unavailable: the absence types (ids) of the approved windows the assignment meets
    absence_type_ids: tuple[int, ...] = ()
    suggestions: Sequence[Suggestion] = ()


def _order(span: Span) -> tuple[int, int, int]:
    return (span.start, span.end, span.id)


def epoch(value: dt.datetime) -> int:
    return int(value.timestamp())


def instant(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, UTC)


class DayGrid:
    """The local days of a timezone from ``first`` to ``last`` as epoch-second bounds.

    Day ``i`` is ``[bounds[i], bounds[i + 1])``: 23 or 25 hours long on DST days.
    A local midnight that does not exist (a DST gap at midnight) starts the day
    at the end of the gap; an ambiguous one takes its first instant.

    The same dates have bounds in other timezones too (:meth:`bounds_of`): day ``i``
    is the calendar date ``days[i]`` wherever the work happens, so the hours of a
    Montreal date and of a Paris date with the same number add up on that date.
    """

    def __init__(self, tz: ZoneInfo, first: dt.date, last: dt.date) -> None:
        if last < first:
            raise ValueError("last before first")
        count = (last - first).days + 1
        self.tz = tz
        self.days = [first + dt.timedelta(days=i) for i in range(count)]
        self.bounds = self._bounds(tz)
        self._zones: dict[str, list[int]] = {"": self.bounds, str(tz.key): self.bounds}
        keys: dict[tuple[int, int], int] = {}
        self.week_of: list[int] = []
        for day in self.days:
            iso = day.isocalendar()
            self.week_of.append(keys.setdefault((iso.year, iso.week), len(keys)))
        self.weeks = [f"{year}-W{week:02d}" for year, week in keys]

    def _bounds(self, tz: ZoneInfo) -> list[int]:
        last = self.days[-1] + dt.timedelta(days=1)
        return [epoch(dt.datetime.combine(d, dt.time(), tzinfo=tz)) for d in (*self.days, last)]

    def bounds_of(self, zone: str) -> list[int]:
        """The days' bounds in the timezone ``zone`` ("" for the grid's own)."""
        found = self._zones.get(zone)
        if found is None:
            found = self._zones[zone] = self._bounds(ZoneInfo(zone))
        return found

    @classmethod
    def covering(cls, tz: ZoneInfo, start: int, end: int) -> DayGrid:
        """A grid whose days cover [start, end) in any timezone (two spare days on each
        side: two clocks differ by at most 26 hours)."""
        first = instant(start).astimezone(tz).date() - dt.timedelta(days=2)
        last = instant(end).astimezone(tz).date() + dt.timedelta(days=2)
        return cls(tz, first, last)

    def split(self, start: int, end: int, zone: str = "") -> list[tuple[int, int]]:
        """(day index, seconds) of the part of [start, end) in each local day it meets, the
        days being those of ``zone`` (the grid's own by default)."""
        bounds = self.bounds_of(zone)
        if start < bounds[0] or end > bounds[-1]:
            raise ValueError("interval outside the grid")
        i = bisect_right(bounds, start) - 1
        out: list[tuple[int, int]] = []
        while bounds[i] < end:
            piece = min(end, bounds[i + 1]) - max(start, bounds[i])
            if piece > 0:
                out.append((i, piece))
            i += 1
        return out

    def days_meeting(self, start: int, end: int) -> range:
        """Indexes of the days that share some time with [start, end)."""
        first = max(0, bisect_right(self.bounds, start) - 1)
        last = min(len(self.days), bisect_left(self.bounds, end))
        return range(first, last)


def overlaps(spans: Sequence[Span], *, presorted: bool = False) -> list[tuple[Span, Span]]:
    """Every pair of spans sharing some time, once, as (earlier, later) in (start, end, id).

    ``presorted``: the spans already are in (start, end, id) order.
    """
    out: list[tuple[Span, Span]] = []
    running: list[Span] = []
    for span in spans if presorted else sorted(spans, key=_order):
        running = [r for r in running if r.end > span.start]
        out.extend((r, span) for r in running)
        running.append(span)
    return out


def rest_gap(a: Span, b: Span) -> int | None:
    """Seconds between two spans that do not overlap (None when they do); symmetric."""
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return None


def rest_violations(
    spans: Sequence[Span], min_rest: int, *, presorted: bool = False
) -> list[tuple[Span, Span, int]]:
    """(previous, next, gap) where the rest before ``next`` is shorter than ``min_rest``.

    The rest before a span is measured from the latest end among the spans that
    start before it; when that end is after its start the two overlap, which is
    an ``overlap`` conflict, not a rest one. Back-to-back spans (gap 0) count.
    """
    out: list[tuple[Span, Span, int]] = []
    previous: Span | None = None
    for span in spans if presorted else sorted(spans, key=_order):
        if previous is not None:
            gap = span.start - previous.end
            if 0 <= gap < min_rest:
                out.append((previous, span, gap))
        if previous is None or span.end > previous.end:
            previous = span
    return out


def meets(intervals: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The intervals (sorted, not overlapping) that share some time with [start, end)."""
    i = bisect_right(intervals, (start, start))
    if i > 0 and intervals[i - 1][1] > start:
        i -= 1
    out = []
    while i < len(intervals) and intervals[i][0] < end:
        if intervals[i][1] > start:
            out.append(intervals[i])
        i += 1
    return out


def missing_skills(required: Iterable[str], skills: Mapping[str, int]) -> tuple[str, ...]:
    return tuple(s for s in required if s not in skills)


class Expiry:
    """When certifications stop covering a mission, on the mission's clock (``zone``, its
    place's timezone; "" for ``tz``, the org's).

    A certification valid until day D (inclusive) covers a mission whose last
    instant falls on D or before, in local time: it expires for the mission when
    D is earlier than the local day of ``end - 1 s``. Equivalently, when the
    mission ends after the first instant of D + 1 (``ends``), which is what is
    compared (epoch seconds, no date arithmetic per assignment). A mission ending
    at midnight exactly ends on the day before.
    """

    __slots__ = ("_ends", "tz")

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self._ends: dict[tuple[dt.date, str], int] = {}

    def ends(self, day: dt.date, zone: str = "") -> int:
        """The first instant (epoch seconds) that a certification valid until ``day``
        no longer covers, on the clock of ``zone``."""
        found = self._ends.get((day, zone))
        if found is None:
            tz = ZoneInfo(zone) if zone else self.tz
            after = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=tz)
            found = self._ends[(day, zone)] = epoch(after)
        return found

    def expired(
        self, required: Iterable[str], valid_until: Mapping[str, dt.date], end: int, zone: str = ""
    ) -> tuple[tuple[str, dt.date], ...]:
        """(skill, last valid day) of each required skill whose certification ends
        before ``end``."""
        if not valid_until:
            return ()
        return tuple(
            (s, valid_until[s])
            for s in required
            if s in valid_until and self.ends(valid_until[s], zone) < end
        )


def skill_score(required: Iterable[str], skills: Mapping[str, int]) -> int:
    """How well a user matches a role: the sum of their levels in its required skills."""
    return sum(skills.get(s, 0) for s in required)


class UserLoad:
    """The active assignments of one user, indexed for the rules and for suggestions."""

    __slots__ = ("day_spans", "days", "max_ends", "spans", "starts", "weeks")

    def __init__(self, spans: Iterable[Span], grid: DayGrid) -> None:
        self.spans = sorted(spans, key=_order)
        self.starts = [s.start for s in self.spans]
        #: max_ends[i]: the latest end of spans[0..i]
        self.max_ends = list(itertools.accumulate((s.end for s in self.spans), max))
        self.days: dict[int, int] = {}
        self.weeks: dict[int, int] = {}
        self.day_spans: dict[int, list[Span]] = {}
        week_of, days, weeks = grid.week_of, self.days, self.weeks
        for span in self.spans:
            bounds = grid.bounds_of(span.zone)
            i = bisect_right(bounds, span.start) - 1
            if i >= 0 and span.end <= bounds[i + 1]:
                pieces = [(i, span.end - span.start)]  # within one day: most assignments
            else:
                pieces = grid.split(span.start, span.end, span.zone)
            for day, seconds in pieces:
                days[day] = days.get(day, 0) + seconds
                week = week_of[day]
                weeks[week] = weeks.get(week, 0) + seconds
                self.day_spans.setdefault(day, []).append(span)

    def is_free(self, start: int, end: int, rest: int) -> bool:
        """No span overlaps [start, end) and the rest before and after is at least ``rest``."""
        j = bisect_left(self.starts, end)
        if j and self.max_ends[j - 1] > start - rest:
            return False
        return j == len(self.starts) or self.starts[j] - end >= rest


def _hours_text(seconds: int) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d}"


def _when(tz: ZoneInfo, span: Span) -> str:
    """The span in its place's local time, the timezone named when it is not ``tz``."""
    zone = ZoneInfo(span.zone) if span.zone and span.zone != tz.key else tz
    start = instant(span.start).astimezone(zone)
    end = instant(span.end).astimezone(zone)
    tail = end.strftime("%H:%M") if end.date() == start.date() else end.strftime("%Y-%m-%d %H:%M")
    label = f" ({span.zone})" if zone is not tz else ""
    return f"{start:%Y-%m-%d %H:%M}-{tail}{label}"


def describe(conflict: Conflict, name: str, tz: ZoneInfo) -> str:
    """The human sentence of a conflict (built only for the conflicts that are shown)."""
    kind, spans, seconds = conflict.kind, conflict.spans, conflict.seconds or 0
    if kind == "overlap":
        return (
            f"{name} has two active assignments at the same time: {_when(tz, spans[0])} and"
            f" {_when(tz, spans[1])} (overlap of {_hours_text(seconds)})"
        )
    if kind == "min_rest":
        return (
            f"{name} rests {_hours_text(seconds)} between {_when(tz, spans[0])} and"
            f" {_when(tz, spans[1])}, less than the minimum of {_hours_text(conflict.limit or 0)}"
        )
    if kind == "max_hours_day":
        return (
            f"{name} works {_hours_text(seconds)} on {conflict.day}, over the daily limit of"
            f" {_hours_text(conflict.limit or 0)}"
        )
    if kind == "max_hours_week":
        return (
            f"{name} works {_hours_text(seconds)} in week {conflict.week}, over the weekly limit"
            f" of {_hours_text(conflict.limit or 0)}"
        )
    if kind == "unavailable":
        return f"{name} is unavailable during {_when(tz, spans[0])} (approved unavailability)"
    if kind == "skill_expired":
        expired = ", ".join(f"{s} (valid until {day})" for s, day in conflict.expired_skills)
        return f"{name}'s certification(s) {expired} expire before the end of {_when(tz, spans[0])}"
    return (
        f"{name} lacks the skill(s) {', '.join(conflict.missing_skills)} required for"
        f" {_when(tz, spans[0])}"
    )


def user_conflicts(
    user: UserInfo,
    load: UserLoad,
    limits: Limits,
    grid: DayGrid,
    unavailable: Sequence[tuple[int, int]] = (),
    expiry: Expiry | None = None,
) -> list[Conflict]:
    """Every rule broken by the active assignments of one user, in a stable order."""
    out: list[Conflict] = []
    uid = user.id
    for a, b in overlaps(load.spans, presorted=True):
        shared = min(a.end, b.end) - max(a.start, b.start)
        out.append(Conflict("overlap", uid, (a, b), b, a.start, seconds=shared))
    for a, b, gap in rest_violations(load.spans, limits.rest, presorted=True):
        out.append(Conflict("min_rest", uid, (a, b), b, a.start, seconds=gap, limit=limits.rest))
    for day, total in load.days.items():
        if total > limits.day:
            spans = tuple(load.day_spans[day])  # in (start, end, id) order
            out.append(
                Conflict(
                    "max_hours_day",
                    uid,
                    spans,
                    spans[-1],
                    spans[0].start,
                    day=grid.days[day],
                    seconds=total,
                    limit=limits.day,
                )
            )
    for week, total in load.weeks.items():
        if total > limits.week:
            seen: dict[int, Span] = {}
            for day in sorted(load.day_spans):
                if grid.week_of[day] == week:
                    for span in load.day_spans[day]:
                        seen.setdefault(span.id, span)
            spans = tuple(sorted(seen.values(), key=_order))
            out.append(
                Conflict(
                    "max_hours_week",
                    uid,
                    spans,
                    spans[-1],
                    spans[0].start,
                    week=grid.weeks[week],
                    seconds=total,
                    limit=limits.week,
                )
            )
    skills = user.skills
    lacking: dict[tuple[str, ...], tuple[str, ...]] = {}  # roles mostly share skill sets
    for span in load.spans:
        if unavailable:
            hits = meets(unavailable, span.start, span.end)
            if hits:
                out.append(
                    Conflict("unavailable", uid, (span,), span, span.start, unavailable=tuple(hits))
                )
        required = span.required_skills
        if required:
            missing = lacking.get(required)
            if missing is None:
                missing = lacking[required] = missing_skills(required, skills)
            if missing:
                out.append(
                    Conflict(
                        "missing_skill", uid, (span,), span, span.start, missing_skills=missing
                    )
                )
            if user.valid_until:
                expired = (expiry or Expiry(grid.tz)).expired(
                    required, user.valid_until, span.end, span.zone
                )
                if expired:
                    out.append(
                        Conflict(
                            "skill_expired", uid, (span,), span, span.start, expired_skills=expired
                        )
                    )
    return out


@dataclass(slots=True)
class _Group:
    score: int
    limits: Limits
    #: (hours that week in seconds, user id), ascending
    members: list[tuple[int, int]]


class Suggester:
    """Ranks replacement users for an assignment.

    A candidate has every required skill, none of them expiring before the
    assignment ends (see :class:`Expiry`), is not unavailable, and, with the
    assignment added, overlaps nothing and stays within their daily and weekly
    limits and rest. Ranked by skill score (highest first), then by their hours
    that week (fewest first), then by id. Candidates are grouped by score and
    employment type (one limit per group) and sorted by weekly hours, so a scan
    stops at the first member whose week is already too full.
    """

    def __init__(
        self,
        users: Mapping[int, UserInfo],
        loads: Mapping[int, UserLoad],
        limits_of: Mapping[str, Limits],
        grid: DayGrid,
        unavailable: Mapping[int, Sequence[tuple[int, int]]],
    ) -> None:
        self.users = users
        self.loads = loads
        self.limits_of = limits_of
        self.grid = grid
        self.unavailable = unavailable
        self.expiry = Expiry(grid.tz)
        self._empty = UserLoad((), grid)
        self._groups: dict[tuple[tuple[str, ...], int], list[_Group]] = {}
        self._cache: dict[tuple[int, int, tuple[str, ...], str], list[Suggestion]] = {}

    def _limits(self, user: UserInfo) -> Limits:
        return self.limits_of.get(user.employment_type, DEFAULT_LIMITS)

    def _groups_for(self, skills: tuple[str, ...], week: int) -> list[_Group]:
        key = (skills, week)
        found = self._groups.get(key)
        if found is None:
            by_key: dict[tuple[int, str], _Group] = {}
            for user in self.users.values():
                if missing_skills(skills, user.skills):
                    continue
                score = skill_score(skills, user.skills)
                group = by_key.setdefault(
                    (score, user.employment_type), _Group(score, self._limits(user), [])
                )
                load = self.loads.get(user.id, self._empty)
                group.members.append((load.weeks.get(week, 0), user.id))
            for group in by_key.values():
                group.members.sort()
            found = sorted(by_key.values(), key=lambda g: -g.score)
            self._groups[key] = found
        return found

    def _fits(
        self,
        user_id: int,
        target: Span,
        skills: tuple[str, ...],
        pieces: list[tuple[int, int]],
        limits: Limits,
    ) -> bool:
        start, end = target.start, target.end
        valid_until = self.users[user_id].valid_until
        if skills and self.expiry.expired(skills, valid_until, end, target.zone):
            return False
        if meets(self.unavailable.get(user_id, ()), start, end):
            return False
        load = self.loads.get(user_id, self._empty)
        if not load.is_free(start, end, limits.rest):
            return False
        added: dict[int, int] = {}
        for day, seconds in pieces:
            if load.days.get(day, 0) + seconds > limits.day:
                return False
            week = self.grid.week_of[day]
            added[week] = added.get(week, 0) + seconds
        return all(load.weeks.get(w, 0) + s <= limits.week for w, s in added.items())

    def suggest(self, target: Span, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
        skills = tuple(sorted(set(target.required_skills)))
        key = (target.start, target.end, skills, target.zone)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        pieces = self.grid.split(target.start, target.end, target.zone)
        first_week = self.grid.week_of[pieces[0][0]]
        first_week_add = sum(s for d, s in pieces if self.grid.week_of[d] == first_week)
        groups = self._groups_for(skills, first_week)
        out: list[Suggestion] = []
        i = 0
        while i < len(groups) and len(out) < limit:
            score = groups[i].score
            tier: list[tuple[int, int]] = []
            while i < len(groups) and groups[i].score == score:
                group = groups[i]
                found = 0
                for week_seconds, user_id in group.members:
                    if week_seconds + first_week_add > group.limits.week:
                        break  # sorted: every later member is fuller
                    if self._fits(user_id, target, skills, pieces, group.limits):
                        tier.append((week_seconds, user_id))
                        found += 1
                        if found == limit:
                            break
                i += 1
            tier.sort()
            out.extend(Suggestion(uid, score, week) for week, uid in tier[: limit - len(out)])
        self._cache[key] = out
        return out


# -- rules configuration (pure) -----------------------------------------------------

#: (max_day_minutes, max_week_minutes, min_rest_minutes); None inherits.
RuleRow = tuple[int | None, int | None, int | None]


def resolve_limits(rows: Mapping[str | None, RuleRow]) -> dict[str, Limits]:
    """Limits of each employment_type: its own row, else the org row (key None), else default."""
    org = rows.get(None, (None, None, None))
    defaults = (DEFAULT_LIMITS.day, DEFAULT_LIMITS.week, DEFAULT_LIMITS.rest)
    out: dict[str, Limits] = {}
    for kind in EMPLOYMENT_TYPES:
        own = rows.get(kind, (None, None, None))
        values: list[int] = []
        for mine, org_value, default in zip(own, org, defaults, strict=True):
            minutes = mine if mine is not None else org_value
            values.append(default if minutes is None else minutes * 60)
        out[kind] = Limits(*values)
    return out


# -- loading -----------------------------------------------------------------------


_SPANS_WHERE = """a.org = $1 AND a.status IN ('INVITED', 'ACCEPTED')
  AND a.starts_at < $3 AND a.ends_at > $2"""
_SPANS_COLUMNS = """a.id, a.user_id,
       floor(extract(epoch FROM a.starts_at))::bigint, floor(extract(epoch FROM a.ends_at))::bigint,
       a.status, a.mission, a.mission_role"""
#: Assignments overlapping [$2, $3): those starting at most a day before $2 (any mission
#: of 24 h or less), read on (org, starts_at), plus the longer ones (``allow_long``)
#: still running at $2, read on a partial index of m0007. Plain column bounds let the
#: planner estimate the row count and join by hashing; the joins carry the org, so a hash
#: join reads the org's missions and roles (by index), never every org's. The long ones
#: are few but estimated many: their mission and role come by primary key, row by row,
#: so no estimate can turn them into a scan of other orgs' rows.
_SPANS_SQL = f"""SELECT {_SPANS_COLUMNS}, m.project, r.required_skills,
       COALESCE(pl.timezone, '')
FROM assignments a
JOIN missions m ON m.org = a.org AND m.id = a.mission
JOIN mission_roles r ON r.org = a.org AND r.id = a.mission_role
LEFT JOIN places pl ON pl.org = a.org AND pl.id = m.place_id
WHERE {_SPANS_WHERE} AND a.starts_at >= $2 - interval '24 hours' {{users}}
UNION ALL
SELECT {_SPANS_COLUMNS},
       (SELECT m.project FROM missions m WHERE m.id = a.mission),
       (SELECT r.required_skills FROM mission_roles r WHERE r.id = a.mission_role),
       COALESCE((SELECT pl.timezone FROM missions m JOIN places pl ON pl.id = m.place_id
                 WHERE m.id = a.mission), '')
FROM assignments a
WHERE {_SPANS_WHERE} AND a.starts_at < $2 - interval '24 hours'
    AND a.ends_at - a.starts_at > interval '24 hours' {{users}}"""  # noqa: S608


async def load_spans(
    org_id: int, start: dt.datetime, end: dt.datetime, user_ids: list[int] | None = None
) -> list[Span]:
    """Active assignments of the org (or of ``user_ids``) overlapping [start, end)."""
    if user_ids is None:
        rows = await fetch_records(_SPANS_SQL.format(users=""), org_id, start, end)
    else:
        rows = await fetch_records(
            _SPANS_SQL.format(users="AND a.user_id = ANY($4::int[])"),
            org_id,
            start,
            end,
            user_ids,
        )
    with gc_paused():
        # Columns in the order of Span's fields.
        return [
            Span(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], tuple(r[8]), r[9]) for r in rows
        ]


async def load_users(org_id: int, user_ids: list[int] | None = None) -> dict[int, UserInfo]:
    sql = "SELECT id, first_name, last_name, employment_type, skills FROM users WHERE org = $1"
    rows = (
        await fetch(sql, org_id)
        if user_ids is None
        else await fetch(sql + " AND id = ANY($2::int[])", org_id, user_ids)
    )
    out: dict[int, UserInfo] = {}
    for r in rows:
        raw = json.loads(r["skills"]) if isinstance(r["skills"], str) else r["skills"]
        skills = {str(s["name"]): int(s.get("level", 1)) for s in raw or []}
        valid_until = {
            str(s["name"]): dt.date.fromisoformat(s["valid_until"])
            for s in raw or []
            if s.get("valid_until")
        }
        out[r["id"]] = UserInfo(
            r["id"], r["first_name"], r["last_name"], r["employment_type"], skills, valid_until
        )
    return out


async def _rule_rows(org_id: int) -> dict[str | None, RuleRow]:
    rows = await fetch(
        """SELECT employment_type, max_day_minutes, max_week_minutes, min_rest_minutes
           FROM conflict_rules WHERE org = $1""",
        org_id,
    )
    return {
        r["employment_type"]: (r["max_day_minutes"], r["max_week_minutes"], r["min_rest_minutes"])
        for r in rows
    }


async def load_limits(org_id: int) -> dict[str, Limits]:
    return resolve_limits(await _rule_rows(org_id))


async def _unavailability(
    org_id: int, user_ids: list[int], start: dt.datetime, end: dt.datetime
) -> tuple[dict[int, list[tuple[int, int]]], dict[int, list[tuple[int, int, int]]]]:
    found, typed = await unavailability(org_id, user_ids, start, end)
    return (
        {uid: [(epoch(a), epoch(b)) for a, b in spans] for uid, spans in found.items() if spans},
        {uid: [(epoch(a), epoch(b), t) for a, b, t in spans] for uid, spans in typed.items()},
    )


def absence_types_met(
    typed: Sequence[tuple[int, int, int]], start: int, end: int
) -> tuple[int, ...]:
    """Ids of the absence types whose occurrences share some time with [start, end), sorted."""
    return tuple(sorted({t for a, b, t in typed if a < end and b > start}))


async def absence_type_refs(org_id: int) -> dict[int, AbsenceTypeRef]:
    rows = await fetch("SELECT id, code, label, color FROM absence_types WHERE org = $1", org_id)
    return {r["id"]: AbsenceTypeRef(r["id"], r["code"], r["label"], r["color"]) for r in rows}


@dataclass
class Analysis:
    """Everything the rules need for a set of users over a span of time."""

    grid: DayGrid
    users: dict[int, UserInfo]
    loads: dict[int, UserLoad]
    limits: dict[str, Limits]
    unavailable: dict[int, list[tuple[int, int]]]
    #: (start, end, absence type id) of the typed approved unavailability of each user
    absences: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict)

    def limits_for(self, user: UserInfo) -> Limits:
        return self.limits.get(user.employment_type, DEFAULT_LIMITS)

    def conflicts(self, user_ids: Iterable[int] | None = None) -> list[Conflict]:
        """Conflicts of the users (all by default), by first start, then user id (stable)."""
        out: list[Conflict] = []
        expiry = Expiry(self.grid.tz)
        for user_id in sorted(self.loads if user_ids is None else user_ids):
            load = self.loads.get(user_id)
            user = self.users.get(user_id)
            if load is None or user is None:
                continue
            out.extend(
                user_conflicts(
                    user,
                    load,
                    self.limits_for(user),
                    self.grid,
                    self.unavailable.get(user_id, ()),
                    expiry,
                )
            )
        for conflict in out:
            typed = self.absences.get(conflict.user_id)
            if conflict.kind == "unavailable" and typed:
                target = conflict.target
                conflict.absence_type_ids = absence_types_met(typed, target.start, target.end)
        out.sort(key=attrgetter("first"))
        return out


@dataclass
class Context:
    """What the rules read besides the assignments: timezone, limits, unavailability."""

    tz: ZoneInfo
    limits: dict[str, Limits]
    unavailable: dict[int, list[tuple[int, int]]]
    absences: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict)
    #: the org's absence types by id, to name them in a report
    absence_types: dict[int, AbsenceTypeRef] = field(default_factory=dict)


async def load_context(
    org_id: int, user_ids: list[int], start: dt.datetime, end: dt.datetime
) -> Context:
    unavailable, absences = await _unavailability(org_id, user_ids, start, end)
    return Context(
        await org_timezone(org_id),
        await load_limits(org_id),
        unavailable,
        absences,
        await absence_type_refs(org_id) if absences else {},
    )


def analyse(
    context: Context, users: dict[int, UserInfo], spans: list[Span], lo: int, hi: int
) -> Analysis:
    """Index the spans per user on a day grid covering them and [lo, hi)."""
    if spans:
        lo = min(lo, min(s.start for s in spans))
        hi = max(hi, max(s.end for s in spans))
    grid = DayGrid.covering(context.tz, lo, hi)
    by_user: dict[int, list[Span]] = {}
    for span in spans:
        by_user.setdefault(span.user_id, []).append(span)
    loads = {uid: UserLoad(items, grid) for uid, items in by_user.items()}
    return Analysis(grid, users, loads, context.limits, context.unavailable, context.absences)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during a synchronous computation.

    Building tens of thousands of small objects triggers collections that each
    walk every live object: that tripled the time of a month report. Nothing
    here creates reference cycles, and no other coroutine runs inside (no
    await), so deferring collection to the end is safe.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Window:
    """Which conflicts belong to [lo, hi): those with an assignment meeting it, and for a
    day or week limit, those whose local day or ISO week meets it."""

    def __init__(self, grid: DayGrid, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi
        indexes = grid.days_meeting(lo, hi)
        self.days = {grid.days[i] for i in indexes}
        self.weeks = {grid.weeks[grid.week_of[i]] for i in indexes}

    def holds(self, conflict: Conflict) -> bool:
        if conflict.day is not None:
            return conflict.day in self.days
        if conflict.week is not None:
            return conflict.week in self.weeks
        lo, hi = self.lo, self.hi
        # A loop rather than any(): this runs for every conflict of the month.
        for span in conflict.spans:  # noqa: SIM110
            if span.start < hi and span.end > lo:
                return True
        return False


async def _check_filters(org_id: int, user_id: int | None, project_id: int | None) -> None:
    if user_id is not None and not await fetch(
        "SELECT 1 FROM users WHERE org = $1 AND id = $2", org_id, user_id
    ):
        raise NotFound("user.not_found", "User not found")
    if project_id is not None and not await fetch(
        "SELECT 1 FROM projects WHERE org = $1 AND id = $2", org_id, project_id
    ):
        raise NotFound("project.not_found", "Project not found")


async def report(
    org_id: int,
    start: dt.datetime,
    end: dt.datetime,
    *,
    user_id: int | None = None,
    project_id: int | None = None,
) -> ConflictReport:
    """Conflicts of the window [start, end) with ranked replacement suggestions.

    A conflict belongs to the window when one of its assignments meets it (for
    a day or week limit: when that day or ISO week meets it). ``project_id``
    keeps the conflicts involving one of its assignments, ``user_id`` those of
    one user. Rules look past the window edges (see MARGIN).
    """
    await _check_filters(org_id, user_id, project_id)
    outer_start, outer_end = start - MARGIN, end + MARGIN
    users = await load_users(org_id)
    spans = await load_spans(org_id, outer_start, outer_end)
    context = await load_context(org_id, list(users), outer_start, outer_end)
    with gc_paused():
        analysis = analyse(context, users, spans, epoch(outer_start), epoch(outer_end))
        window = Window(analysis.grid, epoch(start), epoch(end))
        found = [
            c
            for c in analysis.conflicts([user_id] if user_id is not None else None)
            if window.holds(c)
            and (project_id is None or any(s.project_id == project_id for s in c.spans))
        ]
        kept = found[:MAX_CONFLICTS]
        suggester = Suggester(
            users, analysis.loads, analysis.limits, analysis.grid, analysis.unavailable
        )
        for conflict in kept:
            conflict.suggestions = suggester.suggest(conflict.target)
        counts = dict.fromkeys(KINDS, 0)
        for conflict in found:
            counts[conflict.kind] += 1
        return ConflictReport(
            window_start=start,
            window_end=end,
            timezone=context.tz.key,
            total=len(found),
            truncated=len(found) > len(kept),
            counts=ConflictCounts(**counts),
            items=[conflict_out(c, users, context.tz, context.absence_types) for c in kept],
        )


async def count(org_id: int, start: dt.datetime, end: dt.datetime) -> int:
    """How many conflicts :func:`report` finds in [start, end), without its suggestions
    (the dashboard's figure)."""
    outer_start, outer_end = start - MARGIN, end + MARGIN
    users = await load_users(org_id)
    spans = await load_spans(org_id, outer_start, outer_end)
    context = await load_context(org_id, list(users), outer_start, outer_end)
    with gc_paused():
        analysis = analyse(context, users, spans, epoch(outer_start), epoch(outer_end))
        window = Window(analysis.grid, epoch(start), epoch(end))
        return sum(1 for c in analysis.conflicts() if window.holds(c))


async def report_between(
    org_id: int,
    window_from: str,
    window_to: str,
    *,
    user_id: int | None = None,
    project_id: int | None = None,
) -> ConflictReport:
    """:func:`report` for the bounds as the query string gives them (see
    :func:`coulisses.scheduling.common.parse_window`)."""
    tz = await org_timezone(org_id)
    window = parse_window(window_from, window_to, tz, max_days=MAX_WINDOW_DAYS)
    return await report(org_id, window.starts, window.ends, user_id=user_id, project_id=project_id)


async def warnings_for(org_id: int, assignment_ids: list[int]) -> list[ConflictOut]:
    """The conflicts that involve these (new) assignments, without suggestions."""
    if not assignment_ids:
        return []
    rows = await fetch(
        """SELECT array_agg(DISTINCT user_id) AS users, min(starts_at) AS lo, max(ends_at) AS hi
           FROM assignments WHERE org = $1 AND id = ANY($2::int[])
           AND status IN ('INVITED', 'ACCEPTED')""",
        org_id,
        assignment_ids,
    )
    if not rows or rows[0]["users"] is None:
        return []
    user_ids = sorted(rows[0]["users"])
    outer_start, outer_end = rows[0]["lo"] - MARGIN, rows[0]["hi"] + MARGIN
    users = await load_users(org_id, user_ids)
    spans = await load_spans(org_id, outer_start, outer_end, user_ids)
    context = await load_context(org_id, user_ids, outer_start, outer_end)
    analysis = analyse(context, users, spans, epoch(outer_start), epoch(outer_end))
    wanted = set(assignment_ids)
    found = [c for c in analysis.conflicts(user_ids) if any(s.id in wanted for s in c.spans)]
    return [conflict_out(c, users, context.tz, context.absence_types) for c in found]


def _hours(seconds: int | None) -> float | None:
    return None if seconds is None else round(seconds / HOUR, 2)


def _row_id(span: Span) -> int | None:
    """The assignment's id; None for a proposed one (a dry-run check gives those ids < 0)."""
    return span.id if span.id > 0 else None


def suggestion_out(suggestion: Suggestion, users: Mapping[int, UserInfo]) -> SuggestionOut:
    user = users[suggestion.user_id]
    return SuggestionOut(
        suggestion.user_id,
        user.first_name,
        user.last_name,
        user.employment_type,
        suggestion.skill_score,
        round(suggestion.week_seconds / HOUR, 2),
    )


def conflict_out(
    conflict: Conflict,
    users: Mapping[int, UserInfo],
    tz: ZoneInfo,
    absence_types: Mapping[int, AbsenceTypeRef] | None = None,
) -> ConflictOut:
    user = users[conflict.user_id]
    types = absence_types or {}
    return ConflictOut(
        kind=conflict.kind,  # type: ignore[arg-type]
        user=ConflictUserOut(user.id, user.first_name, user.last_name, user.employment_type),
        confirmed=all(s.status == "ACCEPTED" for s in conflict.spans),
        assignments=[
            ConflictAssignmentOut(
                _row_id(s),
                s.mission_id,
                s.mission_role_id,
                s.project_id,
                s.status,
                instant(s.start),
                instant(s.end),
                s.zone or str(tz.key),
            )
            for s in conflict.spans
        ],
        target_assignment_id=_row_id(conflict.target),
        message=describe(conflict, user.name, tz),
        day=conflict.day,
        week=conflict.week,
        hours=_hours(conflict.seconds),
        limit_hours=_hours(conflict.limit),
        missing_skills=list(conflict.missing_skills),
        expired_skills=[ExpiredSkillOut(name, day) for name, day in conflict.expired_skills],
        unavailable=[IntervalOut(instant(a), instant(b)) for a, b in conflict.unavailable],
        absence_types=[types[t] for t in conflict.absence_type_ids if t in types],
        suggestions=[suggestion_out(s, users) for s in conflict.suggestions],
    )


# -- dry-run checks: what a command would create, nothing written --------------------


def _conflict_key(conflict: Conflict) -> tuple[Any, ...]:
    ids = tuple(sorted(s.id for s in conflict.spans))
    return (conflict.kind, conflict.user_id, ids, conflict.day, conflict.week)


async def _conflicts_created(
    org_id: int,
    user_ids: list[int],
    lo: dt.datetime,
    hi: dt.datetime,
    *,
    proposed: Sequence[Span] = (),
    moved: Mapping[int, tuple[int, int]] | None = None,
) -> list[ConflictOut]:
    """The conflicts of ``user_ids`` that exist once ``proposed`` spans are added and the
    ``moved`` assignments take their new (start, end), and did not exist before: those
    the change would create (a longer overlap or a fuller week is a new conflict too)."""
    moved = moved or {}
    outer_start, outer_end = lo - MARGIN, hi + MARGIN
    users = await load_users(org_id, user_ids)
    before = await load_spans(org_id, outer_start, outer_end, user_ids)
    context = await load_context(org_id, user_ids, outer_start, outer_end)
    after = [
        replace(s, start=moved[s.id][0], end=moved[s.id][1]) if s.id in moved else s for s in before
    ]
    after.extend(proposed)
    lo_s, hi_s = epoch(outer_start), epoch(outer_end)
    with gc_paused():
        existing = {
            _conflict_key(c)
            for c in analyse(context, users, before, lo_s, hi_s).conflicts(user_ids)
        }
        changed = {s.id for s in proposed} | set(moved)
        found = [
            c
            for c in analyse(context, users, after, lo_s, hi_s).conflicts(user_ids)
            if any(s.id in changed for s in c.spans) and _conflict_key(c) not in existing
        ]
    return [conflict_out(c, users, context.tz, context.absence_types) for c in found]


async def check(org_id: int, data: ConflictCheckIn) -> list[ConflictOut]:
    """Dry run of exactly one proposal: invitations or a mission's move."""
    if data.invite is not None and data.move is None:
        invite = data.invite
        return await check_invitations(
            org_id, [(r, u) for r in invite.mission_role_ids for u in invite.user_ids]
        )
    if data.move is not None and data.invite is None:
        move = data.move
        return await check_move(org_id, move.mission_id, move.starts_at, move.ends_at)
    raise DomainError("assignment.check_invalid", "Give exactly one of invite and move", status=422)


async def check_invitations(org_id: int, pairs: list[tuple[int, int]]) -> list[ConflictOut]:
    """The conflicts that inviting each (mission_role_id, user_id) pair would create.

    Refuses what :func:`assignments.invite` refuses before any rule (an unknown role or
    user: 404; a user twice on one mission, or already active on it: 409
    ``assignment.duplicate``); the quota is left to the command (it may take reserves).
    Writes nothing: the proposed assignments have no id (null in the answer).
    """
    if not pairs:
        raise DomainError("assignment.empty", "Nothing to assign", status=422)
    if len(pairs) > assignments.MAX_BULK:
        raise DomainError(
            "assignment.bulk_too_large",
            f"At most {assignments.MAX_BULK} assignments at once",
            status=422,
        )
    role_ids = sorted({p[0] for p in pairs})
    user_ids = sorted({p[1] for p in pairs})
    roles = {
        r["id"]: r
        for r in await fetch(
            """SELECT r.id, r.mission, r.required_skills, m.project, m.starts_at, m.ends_at,
                      COALESCE(pl.timezone, '') AS zone
               FROM mission_roles r JOIN missions m ON m.id = r.mission
               LEFT JOIN places pl ON pl.id = m.place_id
               WHERE r.org = $1 AND r.id = ANY($2::int[])""",
            org_id,
            role_ids,
        )
    }
    missing_roles = sorted(set(role_ids) - set(roles))
    if missing_roles:
        raise DomainError(
            "mission_role.not_found",
            "Unknown mission role",
            details={"mission_role_ids": missing_roles},
            status=404,
        )
    known = await fetch(
        "SELECT id FROM users WHERE org = $1 AND id = ANY($2::int[])", org_id, user_ids
    )
    missing_users = sorted(set(user_ids) - {u["id"] for u in known})
    if missing_users:
        raise DomainError(
            "user.not_found", "Unknown user", details={"user_ids": missing_users}, status=404
        )
    taken = {
        (r["mission"], r["user_id"])
        for r in await fetch(
            """SELECT mission, user_id FROM assignments
               WHERE org = $1 AND status IN ('INVITED', 'ACCEPTED')
               AND user_id = ANY($2::int[]) AND mission = ANY($3::int[])""",
            org_id,
            user_ids,
            sorted({r["mission"] for r in roles.values()}),
        )
    }
    proposed: list[Span] = []
    for index, (role_id, user_id) in enumerate(pairs, start=1):
        role = roles[role_id]
        key = (role["mission"], user_id)
        if key in taken:
            raise ConflictError(
                "assignment.duplicate",
                "This user already has an invited or accepted assignment on this mission",
                details={"mission_id": role["mission"], "user_id": user_id},
            )
        taken.add(key)
        proposed.append(
            Span(
                -index,
                user_id,
                epoch(role["starts_at"]),
                epoch(role["ends_at"]),
                "INVITED",
                role["mission"],
                role_id,
                role["project"],
                tuple(role["required_skills"] or ()),
                role["zone"],
            )
        )
    lo = min(r["starts_at"] for r in roles.values())
    hi = max(r["ends_at"] for r in roles.values())
    return await _conflicts_created(org_id, user_ids, lo, hi, proposed=proposed)


async def check_move(
    org_id: int, mission_id: int, starts_at: dt.datetime, ends_at: dt.datetime
) -> list[ConflictOut]:
    """The conflicts that moving a mission to [starts_at, ends_at) would create for the users
    of its active assignments (they follow their mission). Writes nothing."""
    found = await fetch(
        "SELECT starts_at, ends_at, allow_long FROM missions WHERE org = $1 AND id = $2",
        org_id,
        mission_id,
    )
    if not found:
        raise NotFound("mission.not_found", "Mission not found")
    mission = found[0]
    check_times(starts_at, ends_at, mission["allow_long"])
    rows = await fetch(
        """SELECT id, user_id FROM assignments
           WHERE org = $1 AND mission = $2 AND status IN ('INVITED', 'ACCEPTED')""",
        org_id,
        mission_id,
    )
    if not rows:
        return []
    new = (epoch(starts_at), epoch(ends_at))
    return await _conflicts_created(
        org_id,
        sorted({r["user_id"] for r in rows}),
        min(starts_at, mission["starts_at"]),
        max(ends_at, mission["ends_at"]),
        moved={r["id"]: new for r in rows},
    )


# -- rules API ---------------------------------------------------------------------


def _limits_hours(limits: Limits) -> dict[str, float]:
    return {
        "max_hours_day": limits.day / HOUR,
        "max_hours_week": limits.week / HOUR,
        "min_rest_hours": limits.rest / HOUR,
    }


def _row_hours(row: RuleRow | None) -> dict[str, float | None] | None:
    if row is None:
        return None
    day, week, rest = row
    return {
        "max_hours_day": None if day is None else day / 60,
        "max_hours_week": None if week is None else week / 60,
        "min_rest_hours": None if rest is None else rest / 60,
    }


async def get_rules(org_id: int) -> dict[str, Any]:
    rows = await _rule_rows(org_id)
    return {
        "defaults": _limits_hours(DEFAULT_LIMITS),
        "org": _row_hours(rows.get(None)) or _row_hours((None, None, None)),
        "employment_types": {kind: _row_hours(rows.get(kind)) for kind in EMPLOYMENT_TYPES},
        "effective": {kind: _limits_hours(v) for kind, v in resolve_limits(rows).items()},
    }


def _minutes(value: float | None, name: str, bound: str, scope: str) -> int | None:
    if value is None:
        return None
    low, high = LIMIT_BOUNDS[bound]
    # Compared as hours first: 1e308 hours would overflow the rounding to minutes.
    minutes = round(value * 60) if low - 1 <= value * 60 <= high + 1 else -1
    if not low <= minutes <= high:
        raise DomainError(
            "conflict_rules.invalid_limit",
            f"{name} goes from {low / 60:g} to {high / 60:g} hours",
            details={"scope": scope, "field": name},
            status=422,
        )
    return minutes


def rule_row(limits: RuleLimits, scope: str) -> RuleRow:
    return (
        _minutes(limits.max_hours_day, "max_hours_day", "day", scope),
        _minutes(limits.max_hours_week, "max_hours_week", "week", scope),
        _minutes(limits.min_rest_hours, "min_rest_hours", "rest", scope),
    )


async def set_rules(principal: Principal, data: ConflictRulesIn) -> dict[str, Any]:
    """Replace the org's rules (a limit left out or null inherits)."""
    rows: dict[str | None, RuleRow] = {None: rule_row(data.org, "org")}
    for kind in EMPLOYMENT_TYPES:
        limits = getattr(data.employment_types, kind)
        if limits is not None:
            rows[kind] = rule_row(limits, kind)
    kept = {k: v for k, v in rows.items() if any(x is not None for x in v)}
    async with transaction():
        # One change of the org's rules at a time, so that ``before`` is what this one replaces.
        await fetch("SELECT 1 FROM orgs WHERE id = $1 FOR NO KEY UPDATE", principal.org_id)
        previous = await _rule_rows(principal.org_id)
        await fetch("DELETE FROM conflict_rules WHERE org = $1", principal.org_id)
        if kept:
            await fetch(
                """INSERT INTO conflict_rules
                       (org, employment_type, max_day_minutes, max_week_minutes, min_rest_minutes)
                   SELECT $1, u.kind, u.day, u.week, u.rest
                   FROM unnest($2::text[], $3::int[], $4::int[], $5::int[])
                       AS u(kind, day, week, rest)""",
                principal.org_id,
                list(kept),
                [v[0] for v in kept.values()],
                [v[1] for v in kept.values()],
                [v[2] for v in kept.values()],
            )
        scopes = list(dict.fromkeys([*previous, *kept]))
        await record_change(
            principal.org_id,
            principal.account_id,
            "conflict_rules.updated",
            "conflict_rules",
            {k or "org": _row_hours(previous.get(k)) for k in scopes},
            {k or "org": _row_hours(kept.get(k)) for k in scopes},
        )
    return await get_rules(principal.org_id)


# -- commands that answer with warnings ------------------------------------------------


async def invite_with_warnings(
    principal: Principal, pairs: list[tuple[int, int]], *, reserve: bool = False
) -> tuple[list[dict[str, Any]], list[ConflictOut]]:
    """Invite (see :func:`assignments.invite`), then list the conflicts the new assignments
    create: a warning, never a refusal."""
    rows = await assignments.invite(principal, pairs, reserve=reserve)
    return rows, await warnings_for(principal.org_id, [int(r["id"]) for r in rows])


async def resolve(
    principal: Principal, assignment_id: int, replacement_user_id: int
) -> tuple[dict[str, Any], list[ConflictOut]]:
    """Replace the user of a conflicting assignment (see :func:`assignments.replace`)."""
    row = await assignments.replace(principal, assignment_id, replacement_user_id)
    return row, await warnings_for(principal.org_id, [int(row["id"])])
