"""The pay engine: work items and a rule history in, pay lines out. Pure functions, no I/O.

How a computation goes (``docs/payroll.md`` says the same in French):

1. Work items are grouped by assignment (an assignment may come in several pieces, e.g. split
   at midnight by a timesheet); its pieces must agree on person, employment type, rate, time
   zone and departement, and must not overlap.
2. Each piece is cut into segments of real elapsed minutes that are homogeneous in local terms:
   one local date (so one rule-set version, one weekday, one holiday status) and wholly inside
   or outside the night windows. Cuts are computed in UTC minutes, so DST days have their real
   length (2027-03-28 01:00-05:00 Europe/Paris is 180 minutes, 2027-10-31 is 300).
3. The assignment's breaks are taken from its minutes that carry no premium, earliest first,
   then from the others, earliest first (a break is presumed taken in plain time).
4. Assignment lines: base (hours x hourly rate, or cachets x fee, or days x daily fee), night,
   Sunday, public holiday, 1 May premiums (hourly pay only; stacked or highest only, as the
   rule set says), minimum-call top-up, meal allowance.
5. Person-week lines: overtime tiers over the hourly minutes of each person's week, counted in
   chronological order (the minutes past 35 h are the last ones worked).

Money: every line's exact amount is a Decimal number of cents, rounded half-up to the cent on
its own (``ROUND_HALF_UP``); totals are sums of rounded lines, never rounded again. Lines group
minutes of one assignment (or person-week) by kind, rule-set version and rate, so cutting an
assignment into pieces never changes the pay.

Memory: what a computation looks up in a rule history (versions in force, segments of an
assignment's shape, its lines but for the ids, week starts) is a pure function of the frozen
history and of the items' values; it is kept with the history object for the next computation
(the latest 16 histories; a history forgets its shapes past 20,000), so a report asked again
with the same history (``service.history`` reuses it while its rows are unchanged) finds them.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, Literal, NamedTuple, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from coulisses_payroll.calendar_fr import applies_alsace_moselle, public_holiday
from coulisses_payroll.errors import PayrollError
from coulisses_payroll.rules import (
    MINUTES_PER_DAY,
    EmploymentType,
    Param,
    RuleHistory,
    RuleSet,
    RuleSetRef,
)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_DATE = date(1970, 1, 1)
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_SUNDAY = 6
ROUNDING = "half-up to the cent, per line; totals are sums of rounded lines"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _check_currency(value: str) -> str:
    if not _CURRENCY.match(value):
        raise PydanticCustomError(
            "payroll.invalid_currency",
            "a currency is an ISO 4217 code in capitals (EUR), got {value!r}",
            {"value": value},
        )
    return value


class HourlyRate(_Frozen):
    kind: Literal["hourly"] = "hourly"
    cents_per_hour: Annotated[int, Field(ge=0, le=10_000_000)]
    currency: str = "EUR"

    _currency = field_validator("currency")(_check_currency)


class CachetRate(_Frozen):
    """Annexe 10 artists: a flat, indivisible fee per cachet, whatever the hours."""

    kind: Literal["cachet"] = "cachet"
    cachets: Annotated[int, Field(ge=1, le=100)]
    fee_cents: Annotated[int, Field(ge=0, le=10_000_000)]
    currency: str = "EUR"

    _currency = field_validator("currency")(_check_currency)


class DailyFeeRate(_Frozen):
    """A flat fee per day (freelances who invoice); ``days`` in halves (0.5, 1, 1.5...)."""

    kind: Literal["daily"] = "daily"
    days: Annotated[Decimal, Field(gt=0, le=366, multiple_of=Decimal("0.5"))] = Decimal(1)
    fee_cents: Annotated[int, Field(ge=0, le=10_000_000)]
    currency: str = "EUR"

    _currency = field_validator("currency")(_check_currency)


Rate = Annotated[HourlyRate | CachetRate | DailyFeeRate, Field(discriminator="kind")]


class WorkItem(_Frozen):
    """A stretch of work of one assignment: planned times, or validated actual times."""

    assignment_id: str = Field(min_length=1)
    person_id: str = Field(min_length=1)
    start: AwareDatetime
    end: AwareDatetime
    breaks_minutes: Annotated[int, Field(ge=0)] = 0
    """Unpaid break minutes inside this item (the assignment's breaks are summed)."""
    timezone: str = "Europe/Paris"
    """IANA zone that defines local days and times (the place's, else the org's)."""
    departement: str | None = None
    """French departement of the place (``"67"``), for the Alsace-Moselle holidays."""
    employment_type: EmploymentType
    rate: Rate

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise PydanticCustomError(
                "payroll.invalid_timezone", "unknown IANA time zone {value!r}", {"value": value}
            ) from exc
        return value

    @model_validator(mode="after")
    def _well_formed(self) -> Self:
        for instant in (self.start, self.end):
            if instant.second or instant.microsecond:
                raise PydanticCustomError(
                    "payroll.not_whole_minutes",
                    "start and end are whole minutes, got {instant}",
                    {"instant": instant.isoformat()},
                )
        if self.end <= self.start:
            raise PydanticCustomError("payroll.empty_item", "a work item ends after it starts", {})
        if self.end - self.start > timedelta(days=7):
            raise PydanticCustomError(
                "payroll.item_too_long", "a work item lasts at most 7 days; split it", {}
            )
        if (
            self.rate.kind == "cachet"
            and self.employment_type is not EmploymentType.INTERMITTENT_A10
        ):
            raise PydanticCustomError(
                "payroll.cachet_not_artist",
                "cachets pay annexe 10 artists only, not {employment_type}",
                {"employment_type": str(self.employment_type)},
            )
        return self


class TrustedItem(NamedTuple):
    """A work item built by a caller that guarantees what :class:`WorkItem` checks (whole
    minutes, ``start < end`` at most 7 days apart, a known time zone, cachets for annexe 10
    only), e.g. the monthly report from its reads: the same fields, not validated again.
    A plain tuple: a report builds thousands of them."""

    assignment_id: str
    person_id: str
    start: datetime
    end: datetime
    employment_type: EmploymentType
    rate: HourlyRate | CachetRate | DailyFeeRate
    breaks_minutes: int = 0
    timezone: str = "Europe/Paris"
    departement: str | None = None


class LineKind(StrEnum):
    BASE = "base"
    NIGHT = "night"
    SUNDAY = "sunday"
    HOLIDAY = "holiday"
    MAY_1 = "may_1"
    MINIMUM_CALL = "minimum_call"
    MEAL = "meal"
    OVERTIME = "overtime"


_KIND_ORDER = {kind: index for index, kind in enumerate(LineKind)}
#: When premiums do not stack, ties between equal percentages go to the first of these.
_PREMIUM_PRIORITY = (LineKind.MAY_1, LineKind.HOLIDAY, LineKind.SUNDAY, LineKind.NIGHT)
_PREMIUM_PARAM = {
    LineKind.NIGHT: "night_premium_pct",
    LineKind.SUNDAY: "sunday_premium_pct",
    LineKind.HOLIDAY: "holiday_premium_pct",
    LineKind.MAY_1: "may_1_premium_pct",
}


class Period(_Frozen):
    """A stretch of real time that a line counts (contiguous stretches are merged)."""

    start: datetime
    """UTC."""
    end: datetime
    minutes: int
    """Real elapsed minutes (DST-aware)."""
    timezone: str
    local_start: datetime
    """``start`` in ``timezone``, for display."""
    local_end: datetime


def _period(start: int, end: int, zone: ZoneInfo) -> Period:
    utc_start, utc_end = _from_minute(start), _from_minute(end)
    return Period(
        start=utc_start,
        end=utc_end,
        minutes=end - start,
        timezone=str(zone),
        local_start=utc_start.astimezone(zone),
        local_end=utc_end.astimezone(zone),
    )


class Explanation(_Frozen):
    """The numbers behind a line, for the "how this was computed" panel."""

    formula: str
    values: dict[str, str]
    """Every input of the formula, by name (decimals as strings, exact)."""
    exact_cents: Decimal
    rounding: str = ROUNDING
    periods: tuple[Period, ...] = ()
    sources: dict[str, str] = Field(default_factory=dict)
    """Rule parameter -> its source, suffixed with ``(uncertain)`` where flagged."""


@dataclass(frozen=True, slots=True, eq=False, kw_only=True)
class PayLine:
    """One pay line. Built from trusted engine values (no validation); its explanation is
    computed on first read, so a report that only sums lines never builds one."""

    kind: LineKind
    person_id: str
    assignment_id: str | None
    """None for person-week lines (overtime)."""
    week_start: date | None = None
    """Local date the week starts, for person-week lines."""
    tier: int | None = None
    """Overtime tier number (1 = first tier)."""
    shares: tuple[tuple[str, int], ...] = ()
    """For person-week lines: how many of the line's minutes each assignment worked
    (assignment id, minutes), by assignment id; what a report needs to share the line out
    between projects. Empty for an assignment's lines."""
    minutes: int
    unit: Literal["hour", "cachet", "day", "meal"]
    quantity: Decimal
    """Hours (minutes / 60, 4 decimals, for display), cachets, days or meals."""
    rate_cents: int
    """Per hour, per cachet, per day or per meal."""
    premium_pct: Decimal | None = None
    amount_cents: int
    currency: str
    rule_set: RuleSetRef
    explain: Callable[[], Explanation] = field(repr=False)
    """Builds :attr:`explanation` (called once, on first read)."""
    _explanation: Explanation | None = field(default=None, init=False, repr=False)

    @property
    def explanation(self) -> Explanation:
        """The numbers behind the line (the drill-down's "how it was computed")."""
        found = self._explanation
        if found is None:
            found = self.explain()
            object.__setattr__(self, "_explanation", found)
        return found

    def _key(self) -> tuple[Any, ...]:
        return (
            self.kind,
            self.person_id,
            self.assignment_id,
            self.week_start,
            self.tier,
            self.shares,
            self.minutes,
            self.unit,
            self.quantity,
            self.rate_cents,
            self.premium_pct,
            self.amount_cents,
            self.currency,
            self.rule_set,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PayLine):
            return NotImplemented
        return self._key() == other._key() and self.explanation == other.explanation

    def __hash__(self) -> int:
        return hash(self._key())


@dataclass(frozen=True, slots=True)
class PayResult:
    lines: tuple[PayLine, ...]
    totals: dict[str, int]
    """Sum of the rounded line amounts, by currency."""

    def person_totals(self) -> dict[tuple[str, str], int]:
        """(person_id, currency) -> sum of that person's rounded lines."""
        found: dict[tuple[str, str], int] = defaultdict(int)
        for line in self.lines:
            found[(line.person_id, line.currency)] += line.amount_cents
        return dict(found)


def round_cents(exact: Decimal) -> int:
    """Half-up to the cent (amounts are never negative).

    >>> round_cents(Decimal("3237.5")), round_cents(Decimal("3237.49"))
    (3238, 3237)
    """
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --- Time: UTC minutes and local segments ------------------------------------------------------


def _to_minute(instant: datetime) -> int:
    return int((instant - _EPOCH).total_seconds()) // 60


def _from_minute(minute: int) -> datetime:
    return _EPOCH + timedelta(minutes=minute)


def _offset(zone: ZoneInfo, minute: int) -> int:
    """UTC offset in minutes at a UTC minute."""
    offset = _from_minute(minute).astimezone(zone).utcoffset()
    assert offset is not None
    return int(offset.total_seconds()) // 60


def _offset_stretches(start: int, end: int, zone: ZoneInfo) -> list[tuple[int, int, int]]:
    """``[start, end)`` cut where the zone's UTC offset changes: ``(start, end, offset)``.

    Offsets change months apart, so a 12 h chunk holds at most one change, found by bisection.
    """
    stretches: list[tuple[int, int, int]] = []
    chunk_start = start
    while chunk_start < end:
        chunk_end = min(chunk_start + 720, end)
        first, last = _offset(zone, chunk_start), _offset(zone, chunk_end - 1)
        if first == last:
            stretches.append((chunk_start, chunk_end, first))
        else:
            low, high = chunk_start, chunk_end - 1  # offset(low) == first, offset(high) == last
            while high - low > 1:
                middle = (low + high) // 2
                if _offset(zone, middle) == first:
                    low = middle
                else:
                    high = middle
            stretches.append((chunk_start, high, first))
            stretches.append((high, chunk_end, last))
        chunk_start = chunk_end
    merged: list[tuple[int, int, int]] = []
    for stretch in stretches:
        if merged and merged[-1][2] == stretch[2] and merged[-1][1] == stretch[0]:
            merged[-1] = (merged[-1][0], stretch[1], stretch[2])
        else:
            merged.append(stretch)
    return merged


@dataclass(frozen=True)
class _Segment:
    """Real minutes ``[start, end)`` (UTC epoch minutes) of one assignment, homogeneous locally."""

    start: int
    end: int
    local_date: date
    local_minute: int
    """Local minute of the day the segment starts at."""
    zone: ZoneInfo
    version: RuleSet
    premiums: frozenset[LineKind]
    """Premium kinds due for these minutes (before stacking), with a non-zero percentage."""

    @property
    def minutes(self) -> int:
        return self.end - self.start


def _local_segments(
    start: int, end: int, zone: ZoneInfo, edges: Callable[[date], Iterable[int]]
) -> list[tuple[int, int, date, int]]:
    """``[start, end)`` cut at local midnights and at ``edges(local date)`` minutes of the day."""
    found: list[tuple[int, int, date, int]] = []
    for stretch_start, stretch_end, offset in _offset_stretches(start, end, zone):
        wall_start, wall_end = stretch_start + offset, stretch_end + offset
        cuts = {wall_start, wall_end}
        for day_number in range(
            wall_start // MINUTES_PER_DAY, (wall_end - 1) // MINUTES_PER_DAY + 1
        ):
            day_start = day_number * MINUTES_PER_DAY
            local_day = _EPOCH_DATE + timedelta(days=day_number)
            for edge in (0, *edges(local_day)):
                if wall_start < day_start + edge < wall_end:
                    cuts.add(day_start + edge)
        ordered = sorted(cuts)
        for wall_a, wall_b in itertools.pairwise(ordered):
            day_number, minute = divmod(wall_a, MINUTES_PER_DAY)
            found.append(
                (wall_a - offset, wall_b - offset, _EPOCH_DATE + timedelta(days=day_number), minute)
            )
    return found


def _in_windows(version: RuleSet, minute: int) -> bool:
    return any(
        low <= minute < high
        for window in version.night_windows.value
        for low, high in window.day_intervals()
    )


def _holiday_kind(version: RuleSet, day: date, departement: str | None) -> LineKind | None:
    holiday = public_holiday(
        day, alsace_moselle=applies_alsace_moselle(version.alsace_moselle.value, departement)
    )
    if holiday is None:
        return None
    if holiday.key == "may_1":
        return LineKind.MAY_1
    if holiday.key == "whit_monday" and version.whit_monday_solidarity.value:
        return None
    return LineKind.HOLIDAY


def _premium_pct(version: RuleSet, kind: LineKind) -> Param[Decimal]:
    param: Param[Decimal] = getattr(version, _PREMIUM_PARAM[kind])
    return param


def _classify(
    version: RuleSet, day: date, minute: int, departement: str | None
) -> frozenset[LineKind]:
    kinds: set[LineKind] = set()
    if _in_windows(version, minute):
        kinds.add(LineKind.NIGHT)
    if day.weekday() == _SUNDAY:
        kinds.add(LineKind.SUNDAY)
    holiday = _holiday_kind(version, day, departement)
    if holiday is not None:
        kinds.add(holiday)
    return frozenset(kind for kind in kinds if _premium_pct(version, kind).value > 0)


# --- Lookups of one computation ---------------------------------------------------------------


class _Rules:
    """The rule history's lookups, remembered for one computation: the version in force on a
    date, its night edges, a segment's premium kinds, a version's reference. Versions are
    keyed by identity (the history holds them for the whole computation)."""

    __slots__ = (
        "_edges",
        "_kinds",
        "_meals",
        "_refs",
        "_versions",
        "_zones",
        "flats",
        "history",
        "hourly",
        "shapes",
        "weeks",
    )

    def __init__(self, history: RuleHistory) -> None:
        self.history = history
        self._versions: dict[tuple[EmploymentType, date], RuleSet] = {}
        self._edges: dict[int, tuple[int, ...]] = {}
        self._kinds: dict[tuple[int, date, int, str | None], frozenset[LineKind]] = {}
        self._refs: dict[int, RuleSetRef] = {}
        self._meals: dict[EmploymentType, bool] = {}
        self._zones: dict[str, ZoneInfo] = {}
        #: An assignment's segments by (intervals, breaks, zone, departement, employment type).
        self.shapes: dict[tuple[Any, ...], _Shape] = {}
        #: An hourly assignment's lines by (its shape's segments, rate): the same for every
        #: assignment of that shape and rate but for the person and assignment ids.
        self.hourly: dict[tuple[int, int, str], list[PayLine]] = {}
        #: A flat-rate assignment's line by (its shape's segments, rate), the same way.
        self.flats: dict[tuple[Any, ...], PayLine] = {}
        #: The local date a week starts, by (employment type, a date of the week).
        self.weeks: dict[tuple[EmploymentType, date], date] = {}

    def forget_shapes(self) -> None:
        """Drop the remembered shapes and lines (together: lines are keyed by the identity
        of their shape's segments), and the weeks."""
        self.shapes.clear()
        self.hourly.clear()
        self.flats.clear()
        self.weeks.clear()

    def zone(self, name: str) -> ZoneInfo:
        found = self._zones.get(name)
        if found is None:
            found = self._zones[name] = ZoneInfo(name)
        return found

    def version(self, employment_type: EmploymentType, day: date) -> RuleSet:
        key = (employment_type, day)
        found = self._versions.get(key)
        if found is None:
            found = self._versions[key] = self.history.in_force(employment_type, day)
        return found

    def edges(self, version: RuleSet) -> tuple[int, ...]:
        """Minutes of the day where the version's night windows start or end."""
        found = self._edges.get(id(version))
        if found is None:
            found = self._edges[id(version)] = tuple(
                edge % MINUTES_PER_DAY
                for window in version.night_windows.value
                for edge in (window.start_minute, window.end_minute)
            )
        return found

    def kinds(
        self, version: RuleSet, day: date, minute: int, departement: str | None
    ) -> frozenset[LineKind]:
        key = (id(version), day, minute, departement)
        found = self._kinds.get(key)
        if found is None:
            found = self._kinds[key] = _classify(version, day, minute, departement)
        return found

    def ref(self, version: RuleSet) -> RuleSetRef:
        found = self._refs.get(id(version))
        if found is None:
            found = self._refs[id(version)] = version.ref()
        return found

    def pays_meals(self, employment_type: EmploymentType) -> bool:
        """Whether any version for ``employment_type`` pays a meal allowance."""
        found = self._meals.get(employment_type)
        if found is None:
            found = self._meals[employment_type] = any(
                version.meal_allowance_cents.value > 0
                for version in self.history.versions
                if version.employment_type == employment_type
            )
        return found


# --- Assignments -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Assignment:
    """One assignment of a computation (never changed once built)."""

    assignment_id: str
    person_id: str
    employment_type: EmploymentType
    rate: HourlyRate | CachetRate | DailyFeeRate
    zone: ZoneInfo
    departement: str | None
    pieces: tuple[tuple[int, int], ...]
    """Merged elapsed intervals (UTC minutes), in order."""
    breaks: int
    segments: tuple[_Segment, ...]
    """Net (after breaks) segments, in order."""
    first_version: RuleSet


def _group(items: Sequence[WorkItem | TrustedItem]) -> dict[str, list[WorkItem | TrustedItem]]:
    groups: dict[str, list[WorkItem | TrustedItem]] = defaultdict(list)
    for item in items:
        groups[item.assignment_id].append(item)
    for assignment_id, pieces in groups.items():
        first = pieces[0]
        for piece in pieces[1:]:
            for name in ("person_id", "employment_type", "rate", "timezone", "departement"):
                if getattr(piece, name) != getattr(first, name):
                    raise PayrollError(
                        "payroll.inconsistent_assignment",
                        f"the pieces of assignment {assignment_id} disagree on {name}",
                    )
    return groups


def _merge(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _take_breaks(segments: list[_Segment], breaks: int) -> list[_Segment]:
    """Remove ``breaks`` minutes: plain minutes first, earliest first; then the others."""
    remaining = breaks
    result = list(segments)
    for want_plain in (True, False):
        for index, segment in enumerate(result):
            if remaining == 0:
                break
            if (not segment.premiums) != want_plain or segment.minutes == 0:
                continue
            taken = min(remaining, segment.minutes)
            result[index] = replace(
                segment, start=segment.start + taken, local_minute=segment.local_minute + taken
            )
            remaining -= taken
    return [segment for segment in result if segment.minutes > 0]


def _build(assignment_id: str, pieces: list[WorkItem | TrustedItem], rules: _Rules) -> _Assignment:
    first = pieces[0]
    zone = rules.zone(first.timezone)
    if len(pieces) == 1:
        start, end = _to_minute(first.start), _to_minute(first.end)
        intervals = [(start, end)]
        breaks = first.breaks_minutes
        elapsed = end - start
    else:
        intervals = sorted((_to_minute(p.start), _to_minute(p.end)) for p in pieces)
        for (_, previous_end), (start, _) in itertools.pairwise(intervals):
            if start < previous_end:
                raise PayrollError(
                    "payroll.overlapping_pieces", f"pieces of assignment {assignment_id} overlap"
                )
        breaks = sum(p.breaks_minutes for p in pieces)
        elapsed = sum(end - start for start, end in intervals)
    if breaks >= elapsed:
        raise PayrollError(
            "payroll.breaks_exceed",
            f"assignment {assignment_id} has {breaks} break minutes for {elapsed} minutes",
        )

    key = (tuple(intervals), breaks, first.timezone, first.departement, first.employment_type)
    shape = rules.shapes.get(key)
    if shape is None:
        shape = rules.shapes[key] = _shape(intervals, breaks, zone, first, rules)
    segments, merged, first_version = shape
    return _Assignment(
        assignment_id=assignment_id,
        person_id=first.person_id,
        employment_type=first.employment_type,
        rate=first.rate,
        zone=zone,
        departement=first.departement,
        pieces=merged,
        breaks=breaks,
        segments=segments,
        first_version=first_version,
    )


_Shape = tuple[tuple[_Segment, ...], tuple[tuple[int, int], ...], RuleSet]


def _shape(
    intervals: list[tuple[int, int]],
    breaks: int,
    zone: ZoneInfo,
    first: WorkItem | TrustedItem,
    rules: _Rules,
) -> _Shape:
    """An assignment's net segments and merged pieces: they depend only on its times,
    breaks, zone, departement and employment type (assignments of one mission share them)."""
    employment_type = first.employment_type
    departement = first.departement

    def edges(day: date) -> tuple[int, ...]:
        return rules.edges(rules.version(employment_type, day))

    segments: list[_Segment] = []
    for start, end in intervals:
        for seg_start, seg_end, day, minute in _local_segments(start, end, zone, edges):
            in_force = rules.version(employment_type, day)
            segments.append(
                _Segment(
                    seg_start,
                    seg_end,
                    day,
                    minute,
                    zone,
                    in_force,
                    rules.kinds(in_force, day, minute, departement),
                )
            )
    # The first version is the first segment's before breaks are taken.
    return tuple(_take_breaks(segments, breaks)), tuple(_merge(intervals)), segments[0].version


# --- Lines -------------------------------------------------------------------------------------


def _periods(segments: Iterable[_Segment]) -> tuple[Period, ...]:
    runs: list[tuple[int, int, ZoneInfo]] = []
    for segment in sorted(segments, key=lambda segment: segment.start):
        if runs and segment.start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], segment.end), runs[-1][2])
        else:
            runs.append((segment.start, segment.end, segment.zone))
    return tuple(_period(start, end, zone) for start, end, zone in runs)


def _source(param: Param[Any]) -> str:
    return param.source + (" (uncertain)" if param.uncertain else "")


@lru_cache(maxsize=8192)
def _hours(minutes: int) -> Decimal:
    """Hours for display (4 decimals); amounts are computed from the minutes, never from this."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def _hourly_line(
    kind: LineKind,
    assignment: _Assignment,
    rate: HourlyRate,
    version: RuleSet,
    segments: list[_Segment],
    pct: Param[Decimal] | None,
    rules: _Rules,
    *,
    minutes: int | None = None,
    sources: dict[str, str] | None = None,
) -> PayLine:
    counted = sum(segment.minutes for segment in segments) if minutes is None else minutes
    exact = Decimal(counted) * rate.cents_per_hour / 60
    if pct is not None:
        exact = exact * pct.value / 100

    def explain() -> Explanation:
        values = {"minutes": str(counted), "rate_cents_per_hour": str(rate.cents_per_hour)}
        formula = "minutes / 60 x rate_cents_per_hour"
        all_sources = dict(sources or {})
        if pct is not None:
            values["premium_pct"] = str(pct.value)
            formula += " x premium_pct / 100"
            all_sources[_PREMIUM_PARAM[kind]] = _source(pct)
        values["exact_cents"] = str(exact)
        return Explanation(
            formula=formula,
            values=values,
            exact_cents=exact,
            periods=_periods(segments),
            sources=all_sources,
        )

    return PayLine(
        kind=kind,
        person_id=assignment.person_id,
        assignment_id=assignment.assignment_id,
        minutes=counted,
        unit="hour",
        quantity=_hours(counted),
        rate_cents=rate.cents_per_hour,
        premium_pct=None if pct is None else pct.value,
        amount_cents=round_cents(exact),
        currency=rate.currency,
        rule_set=rules.ref(version),
        explain=explain,
    )


def _by_version(segments: Iterable[_Segment]) -> dict[date, list[_Segment]]:
    groups: dict[date, list[_Segment]] = defaultdict(list)
    for segment in segments:
        groups[segment.version.effective_from].append(segment)
    return groups


def _applied_premiums(segment: _Segment) -> frozenset[LineKind]:
    if segment.version.premiums_stack.value or len(segment.premiums) <= 1:
        return segment.premiums
    best = max(
        segment.premiums,
        key=lambda kind: (
            _premium_pct(segment.version, kind).value,
            -_PREMIUM_PRIORITY.index(kind),
        ),
    )
    return frozenset({best})


def _hourly_lines(assignment: _Assignment, rate: HourlyRate, rules: _Rules) -> list[PayLine]:
    lines: list[PayLine] = []
    for segments in _by_version(assignment.segments).values():
        lines.append(
            _hourly_line(
                LineKind.BASE, assignment, rate, segments[0].version, segments, None, rules
            )
        )
    premium_groups: dict[tuple[LineKind, date], list[_Segment]] = defaultdict(list)
    for segment in assignment.segments:
        if not segment.premiums:
            continue
        for kind in _applied_premiums(segment):
            premium_groups[(kind, segment.version.effective_from)].append(segment)
    for (kind, _), segments in premium_groups.items():
        version = segments[0].version
        stacking = {"premiums_stack": _source(version.premiums_stack)}
        lines.append(
            _hourly_line(
                kind,
                assignment,
                rate,
                version,
                segments,
                _premium_pct(version, kind),
                rules,
                sources=stacking,
            )
        )
    version = assignment.first_version
    minimum = version.minimum_call_minutes.value
    worked = sum(segment.minutes for segment in assignment.segments)
    if worked < minimum:
        lines.append(
            _hourly_line(
                LineKind.MINIMUM_CALL,
                assignment,
                rate,
                version,
                [],
                None,
                rules,
                minutes=minimum - worked,
                sources={"minimum_call_minutes": _source(version.minimum_call_minutes)},
            )
        )
    return lines


def _flat_line(assignment: _Assignment, rate: CachetRate | DailyFeeRate, rules: _Rules) -> PayLine:
    version = assignment.first_version
    worked = sum(segment.minutes for segment in assignment.segments)
    unit: Literal["cachet", "day"]
    if isinstance(rate, CachetRate):
        quantity, unit = Decimal(rate.cachets), "cachet"
    else:
        quantity, unit = rate.days, "day"
    exact = quantity * rate.fee_cents

    def explain() -> Explanation:
        if isinstance(rate, CachetRate):
            formula = "cachets x fee_cents"
            values = {"cachets": str(rate.cachets), "fee_cents": str(rate.fee_cents)}
            values["hours_for_unemployment_insurance"] = str(
                rate.cachets * version.cachet_hours.value
            )
            sources = {"cachet_hours": _source(version.cachet_hours)}
        else:
            formula = "days x fee_cents"
            values = {"days": str(rate.days), "fee_cents": str(rate.fee_cents)}
            sources = {}
        values["exact_cents"] = str(exact)
        values["worked_minutes"] = str(worked)
        return Explanation(
            formula=formula,
            values=values,
            exact_cents=exact,
            periods=_periods(assignment.segments),
            sources=sources,
        )

    return PayLine(
        kind=LineKind.BASE,
        person_id=assignment.person_id,
        assignment_id=assignment.assignment_id,
        minutes=worked,
        unit=unit,
        quantity=quantity,
        rate_cents=rate.fee_cents,
        amount_cents=round_cents(exact),
        currency=rate.currency,
        rule_set=rules.ref(version),
        explain=explain,
    )


def _local_instant(day: date, minute: int, zone: ZoneInfo) -> int:
    hour, minute_of_hour = divmod(minute, 60)
    naive = datetime(day.year, day.month, day.day) + timedelta(hours=hour, minutes=minute_of_hour)
    return _to_minute(naive.replace(tzinfo=zone))


def _meal_explainer(
    version: RuleSet, windows: list[tuple[int, int]], zone: ZoneInfo, exact: Decimal
) -> Callable[[], Explanation]:
    def explain() -> Explanation:
        amount = version.meal_allowance_cents.value
        return Explanation(
            formula="meals x meal_allowance_cents",
            values={
                "meals": str(len(windows)),
                "meal_allowance_cents": str(amount),
                "meal_windows": ", ".join(w.label() for w in version.meal_windows.value),
                "exact_cents": str(exact),
            },
            exact_cents=exact,
            periods=tuple(_period(a, b, zone) for a, b in windows),
            sources={
                "meal_allowance_cents": _source(version.meal_allowance_cents),
                "meal_windows": _source(version.meal_windows),
            },
        )

    return explain


def _meal_lines(assignment: _Assignment, rules: _Rules) -> list[PayLine]:
    """One allowance per meal window (per local date) that the assignment's time spans."""
    if not rules.pays_meals(assignment.employment_type):
        # No version pays one: every day would be skipped (the days between the first and
        # the last have a version in force, since the first one has).
        return []
    first_day = _from_minute(assignment.pieces[0][0]).astimezone(assignment.zone).date()
    last_day = _from_minute(assignment.pieces[-1][1]).astimezone(assignment.zone).date()
    meals: dict[date, list[tuple[int, int]]] = defaultdict(list)
    versions: dict[date, RuleSet] = {}
    day = first_day
    while day <= last_day:
        version = rules.version(assignment.employment_type, day)
        if version.meal_allowance_cents.value > 0:
            for window in version.meal_windows.value:
                start = _local_instant(day, window.start_minute, assignment.zone)
                end = _local_instant(day, window.end_minute, assignment.zone)
                if any(a <= start and end <= b for a, b in assignment.pieces):
                    meals[version.effective_from].append((start, end))
                    versions[version.effective_from] = version
        day += timedelta(days=1)
    lines: list[PayLine] = []
    for effective_from, windows in meals.items():
        version = versions[effective_from]
        amount = version.meal_allowance_cents.value
        exact = Decimal(len(windows) * amount)
        lines.append(
            PayLine(
                kind=LineKind.MEAL,
                person_id=assignment.person_id,
                assignment_id=assignment.assignment_id,
                minutes=0,
                unit="meal",
                quantity=Decimal(len(windows)),
                rate_cents=amount,
                amount_cents=round_cents(exact),
                currency=assignment.rate.currency,
                rule_set=rules.ref(version),
                explain=_meal_explainer(version, windows, assignment.zone, exact),
            )
        )
    return lines


# --- Weeks and overtime ------------------------------------------------------------------------


def _week_start(rules: _Rules, employment_type: EmploymentType, day: date) -> date:
    """Latest date <= ``day`` that starts a week under the version in force on that date."""
    earliest = min(
        (v for v in rules.history.versions if v.employment_type == employment_type),
        key=lambda v: v.effective_from,
    )
    # Always ends: a version in force for 7 days or more (the earliest one, before its own
    # date, counts as in force forever) holds its own week-start weekday.
    candidate = day
    while True:
        in_force = (
            earliest
            if candidate < earliest.effective_from
            else rules.version(employment_type, candidate)
        )
        if candidate.weekday() == in_force.week_start_day.value:
            return candidate
        candidate -= timedelta(days=1)


def _overtime_explainer(
    version: RuleSet,
    index: int,
    cents: int,
    minutes: int,
    week: date,
    counted: int,
    exact: Decimal,
    parts: list[tuple[int, _Segment, str]],
) -> Callable[[], Explanation]:
    def explain() -> Explanation:
        tier = version.overtime_tiers.value[index]
        return Explanation(
            formula="minutes / 60 x rate_cents_per_hour x premium_pct / 100",
            values={
                "minutes": str(minutes),
                "rate_cents_per_hour": str(cents),
                "premium_pct": str(tier.premium_pct),
                "above_minutes": str(tier.above_minutes),
                "week_start": week.isoformat(),
                "week_minutes": str(counted),
                "exact_cents": str(exact),
            },
            exact_cents=exact,
            periods=_periods(part for _, part, _ in parts),
            sources={
                "overtime_tiers": _source(version.overtime_tiers),
                "week_start_day": _source(version.week_start_day),
            },
        )

    return explain


def _overtime_lines(assignments: Sequence[_Assignment], rules: _Rules) -> list[PayLine]:
    weeks: dict[tuple[str, date], list[tuple[_Segment, _Assignment]]] = defaultdict(list)
    #: Per person-week: its minutes, and the lowest first tier of its versions (None: none).
    counts: dict[tuple[str, date], list[Any]] = {}
    week_of = rules.weeks
    floors: dict[int, int | None] = {}
    for assignment in assignments:
        if not isinstance(assignment.rate, HourlyRate):
            continue
        for segment in assignment.segments:
            memo = (assignment.employment_type, segment.local_date)
            week = week_of.get(memo)
            if week is None:
                week = week_of[memo] = _week_start(rules, *memo)
            person_week = (assignment.person_id, week)
            weeks[person_week].append((segment, assignment))
            version = segment.version
            floor = floors.get(id(version), -1)
            if floor == -1:
                tiers = version.overtime_tiers.value
                floor = floors[id(version)] = tiers[0].above_minutes if tiers else None
            count = counts.get(person_week)
            if count is None:
                counts[person_week] = [segment.end - segment.start, floor]
            else:
                count[0] += segment.end - segment.start
                if floor is not None and (count[1] is None or floor < count[1]):
                    count[1] = floor
    lines: list[PayLine] = []
    for (person_id, week), worked in sorted(weeks.items()):
        # A week whose minutes stay under every first tier of its versions earns nothing
        # (every tier of a version starts at or above its first).
        minutes, floor = counts[(person_id, week)]
        if floor is None or minutes <= floor:
            continue
        worked.sort(key=lambda pair: (pair[0].start, pair[1].assignment_id))
        groups: dict[tuple[int, date, int, str], list[tuple[int, _Segment, str]]] = defaultdict(
            list
        )
        counted = 0
        for segment, assignment in worked:
            tiers = segment.version.overtime_tiers.value
            low, high = counted, counted + segment.minutes
            for index, tier in enumerate(tiers):
                ceiling = tiers[index + 1].above_minutes if index + 1 < len(tiers) else None
                start = max(low, tier.above_minutes)
                end = high if ceiling is None else min(high, ceiling)
                if end > start:
                    rate = assignment.rate
                    assert isinstance(rate, HourlyRate)
                    key = (
                        index,
                        segment.version.effective_from,
                        rate.cents_per_hour,
                        rate.currency,
                    )
                    part = replace(segment, start=segment.start + start - low)
                    part = replace(part, end=part.start + end - start)
                    groups[key].append((end - start, part, assignment.assignment_id))
            counted = high
        for (index, _, cents, currency), parts in groups.items():
            version = parts[0][1].version
            tier = version.overtime_tiers.value[index]
            minutes = sum(m for m, _, _ in parts)
            shares: dict[str, int] = defaultdict(int)
            for part_minutes, _, assignment_id in parts:
                shares[assignment_id] += part_minutes
            exact = Decimal(minutes) * cents / 60 * tier.premium_pct / 100
            lines.append(
                PayLine(
                    kind=LineKind.OVERTIME,
                    person_id=person_id,
                    assignment_id=None,
                    week_start=week,
                    tier=index + 1,
                    shares=tuple(sorted(shares.items())),
                    minutes=minutes,
                    unit="hour",
                    quantity=_hours(minutes),
                    rate_cents=cents,
                    premium_pct=tier.premium_pct,
                    amount_cents=round_cents(exact),
                    currency=currency,
                    rule_set=rules.ref(version),
                    explain=_overtime_explainer(
                        version, index, cents, minutes, week, counted, exact, parts
                    ),
                )
            )
    return lines


# --- Entry point -------------------------------------------------------------------------------


def _sort_key(line: PayLine) -> tuple[str, str, int, date, int, int, str]:
    return (
        line.person_id,
        line.assignment_id or "",
        _KIND_ORDER[line.kind],
        line.rule_set.effective_from,
        line.tier or 0,
        line.rate_cents,
        line.currency,
    )


#: The lookups of the latest rule histories computed with, by identity (each kept with its
#: history, so that an id is never reused while remembered): a report asked again with the
#: same history object (see ``service.history``) finds its shapes and lines computed.
_REMEMBERED: dict[int, tuple[RuleHistory, _Rules]] = {}
_HISTORIES_KEPT = 16
#: Shapes one history remembers at most (then they are all forgotten, lines with them).
_SHAPES_KEPT = 20_000


def _rules_for(history: RuleHistory) -> _Rules:
    """The lookups of ``history``: remembered from an earlier computation with the same
    history object, else new. Everything they remember is a pure function of the
    history (frozen) and of the times, zone, departement, employment type and rate."""
    found = _REMEMBERED.get(id(history))
    if found is not None and found[0] is history:
        rules = found[1]
        if len(rules.shapes) > _SHAPES_KEPT:
            rules.forget_shapes()
        return rules
    rules = _Rules(history)
    _REMEMBERED[id(history)] = (history, rules)
    while len(_REMEMBERED) > _HISTORIES_KEPT:
        del _REMEMBERED[next(iter(_REMEMBERED))]
    return rules


#: The slot setters of PayLine, for :func:`_moved` (a frozen dataclass's ``__init__`` sets
#: each field through ``object.__setattr__``, three times slower than the slot itself).
_PAYLINE_SLOT = {name: PayLine.__dict__[name].__set__ for name in PayLine.__slots__}


def _moved(
    line: PayLine,
    person_id: str,
    assignment_id: str | None,
    _new: Callable[[type[PayLine]], PayLine] = object.__new__,
    _kind: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["kind"],
    _person: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["person_id"],
    _assignment: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["assignment_id"],
    _week: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["week_start"],
    _tier: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["tier"],
    _shares: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["shares"],
    _minutes: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["minutes"],
    _unit: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["unit"],
    _quantity: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["quantity"],
    _rate: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["rate_cents"],
    _premium: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["premium_pct"],
    _amount: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["amount_cents"],
    _currency: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["currency"],
    _rule_set: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["rule_set"],
    _explain: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["explain"],
    _explanation: Callable[[PayLine, Any], None] = _PAYLINE_SLOT["_explanation"],
) -> PayLine:
    """``line`` for another person and assignment: ``dataclasses.replace`` written slot by
    slot (a report moves a remembered line once per assignment; see ``compute_pay``).
    ``test_moved_line_is_replace`` keeps it equal to ``dataclasses.replace``."""
    new = _new(PayLine)
    _kind(new, line.kind)
    _person(new, person_id)
    _assignment(new, assignment_id)
    _week(new, line.week_start)
    _tier(new, line.tier)
    _shares(new, line.shares)
    _minutes(new, line.minutes)
    _unit(new, line.unit)
    _quantity(new, line.quantity)
    _rate(new, line.rate_cents)
    _premium(new, line.premium_pct)
    _amount(new, line.amount_cents)
    _currency(new, line.currency)
    _rule_set(new, line.rule_set)
    _explain(new, line.explain)
    _explanation(new, None)
    return new


@dataclass(frozen=True, slots=True)
class PaySums:
    """What :func:`compute_sums` gives: the lines of each assignment and of each person-week,
    for a caller that only adds them up (a report's totals).

    An assignment's hourly and flat lines are shared by every assignment of the same shape
    (times, breaks, zone, departement, employment type) and rate: their ``person_id`` and
    ``assignment_id`` may be another assignment's. Their kind, minutes, quantity, amount and
    currency are this assignment's; :func:`compute_pay` gives each line its own ids."""

    by_assignment: dict[str, list[PayLine]]
    """Assignment id -> its lines (hourly or flat, then meals), in order; the lists may be
    shared between assignments and remembered for later computations: read only."""
    weeks: list[PayLine]
    """The person-week lines (overtime), with their own ids and shares."""


def _compute(
    items: Sequence[WorkItem | TrustedItem], history: RuleHistory
) -> tuple[list[_Assignment], dict[str, list[PayLine]], dict[str, list[PayLine]], list[PayLine]]:
    """The assignments of ``items``, each one's shared lines (see :class:`PaySums`), each
    one's own meal lines, and the person-week lines."""
    rules = _rules_for(history)
    assignments = [
        _build(assignment_id, pieces, rules) for assignment_id, pieces in _group(items).items()
    ]
    shared: dict[str, list[PayLine]] = {}
    meals: dict[str, list[PayLine]] = {}
    # An assignment's hourly lines depend on its segments (shared by the assignments of the
    # same shape) and its rate only: computed once for all of them.
    hourly, flats = rules.hourly, rules.flats
    for assignment in assignments:
        rate = assignment.rate
        if isinstance(rate, HourlyRate):
            key = (id(assignment.segments), rate.cents_per_hour, rate.currency)
            done = hourly.get(key)
            if done is None:
                done = hourly[key] = _hourly_lines(assignment, rate, rules)
        else:
            # A flat line depends on the segments, the first version and the rate only.
            flat_key: tuple[Any, ...]
            if isinstance(rate, CachetRate):
                flat_key = (id(assignment.segments), "cachet", rate.cachets, rate.fee_cents)
            else:
                flat_key = (id(assignment.segments), "daily", rate.days, rate.fee_cents)
            found = flats.get((*flat_key, rate.currency))
            if found is None:
                found = flats[(*flat_key, rate.currency)] = _flat_line(assignment, rate, rules)
            done = [found]
        shared[assignment.assignment_id] = done
        own = _meal_lines(assignment, rules)
        if own:
            meals[assignment.assignment_id] = own
    return assignments, shared, meals, _overtime_lines(assignments, rules)


def compute_sums(items: Sequence[WorkItem | TrustedItem], history: RuleHistory) -> PaySums:
    """:func:`compute_pay`'s lines without a copy per assignment nor their sorting: the
    same amounts, minutes and quantities, for a caller that only adds them up (see
    :class:`PaySums`). Raises as :func:`compute_pay` does."""
    _, shared, meals, weeks = _compute(items, history)
    by_assignment = {
        assignment_id: [*lines, *meals[assignment_id]] if assignment_id in meals else lines
        for assignment_id, lines in shared.items()
    }
    return PaySums(by_assignment=by_assignment, weeks=weeks)


def compute_pay(items: Sequence[WorkItem | TrustedItem], history: RuleHistory) -> PayResult:
    """Pay lines for ``items`` under ``history``: per assignment, then per person-week.

    Raises :class:`PayrollError` for inconsistent input (overlapping pieces of one assignment,
    more breaks than time, a date with no rule set in force...).
    """
    assignments, shared, meals, weeks = _compute(items, history)
    lines: list[PayLine] = []
    for assignment in assignments:
        person_id, assignment_id = assignment.person_id, assignment.assignment_id
        # Shared lines get this assignment's ids (see PaySums).
        lines.extend(_moved(line, person_id, assignment_id) for line in shared[assignment_id])
        lines.extend(meals.get(assignment_id, ()))
    lines.extend(weeks)
    lines.sort(key=_sort_key)
    totals: dict[str, int] = defaultdict(int)
    for line in lines:
        totals[line.currency] += line.amount_cents
    return PayResult(lines=tuple(lines), totals=dict(sorted(totals.items())))


__all__ = [
    "ROUNDING",
    "CachetRate",
    "DailyFeeRate",
    "Explanation",
    "HourlyRate",
    "LineKind",
    "PayLine",
    "PayResult",
    "PaySums",
    "Period",
    "Rate",
    "TrustedItem",
    "WorkItem",
    "compute_pay",
    "compute_sums",
    "round_cents",
]
