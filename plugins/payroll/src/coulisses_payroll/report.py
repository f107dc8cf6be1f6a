"""The monthly report: hours and gross pay per person for one month of an org.

What a month holds (``docs/payroll.md`` says the same in French):

- The month's boundaries are midnight in the timezone of each mission (its place's, else
  the org's): a mission in Montreal on 31 July 22:00 local time is July's, even though it
  is already 1 August in Paris. An assignment crossing a boundary counts only its minutes
  inside the month (it is split there, to the minute).
- Planned minutes: INVITED and ACCEPTED assignments; confirmed minutes: ACCEPTED ones.
  Reserves (invitees past a role's quota) are left out: they do not work yet.
- Gross pay: the engine (:func:`coulisses_payroll.engine.compute_pay`) on the ACCEPTED
  assignments, with the org's rule history and each assignment's rate from the core's rate
  profiles (mission > user > role). The times paid are the validated actual times of the
  assignment's timesheet line, minus its breaks, when it has one; else the planned times
  (``sources`` says which, per assignment). Hourly rates pay the minutes inside the
  month; flat rates (the core's ``cachet`` and ``per_mission``) are paid once, in the month
  the work starts, and ignore breaks. An assignment without a rate counts in
  ``missing_rate``.
- Actual minutes: the validated actual minutes inside the month, minus breaks. A line's
  breaks that cross a month boundary are shared in proportion to the minutes on each
  side (the earlier month rounds down).
- Premium hours: the minutes of the night, Sunday, holiday (1 May included) and overtime
  lines, so minutes that earn no premium (a 0 % rule, or a premium that does not stack)
  are not counted. Cachets: the cachets of the cachet lines.
- By project: an assignment's lines go to its mission's project; an overtime line (a
  person's week) is shared out between the projects in proportion to the minutes each
  worked in it (cents by largest remainders, so the shares sum to the line). With the
  ``project`` filter, the people who worked on it are computed whole (their overtime
  counts every hour of their week) and only the project's share is reported.
- Overtime is counted on the weeks' minutes that fall inside the month (a week straddling
  two months is cut there: a known limit).

The core's employment types map to the engine's: CDI -> cdi, CDD -> cdd, Freelance ->
freelance, Intermittent -> intermittent_a10 when the rate is a cachet (one cachet per
assignment), else intermittent_a8. Places carry no departement yet, so the Alsace-Moselle
holidays apply only through the ``always`` setting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from coulisses_payroll.engine import (
    CachetRate,
    DailyFeeRate,
    HourlyRate,
    LineKind,
    PayLine,
    PaySums,
    Rate,
    TrustedItem,
    compute_pay,
    compute_sums,
)
from coulisses_payroll.errors import PayrollError
from coulisses_payroll.rules import EmploymentType, RuleHistory
from coulisses_payroll.service import history as rule_history
from coulisses_payroll.service import resolve_profile, validation_details
from coulisses_payroll.timesheets import Actual, validated_actuals
from coulisses_sdk import (
    WorkRow,
    org_info,
    read_snapshot,
    work_rows,
)

# The error catalog test resolves codes through PluginError's defining module.
from coulisses_sdk.web import PluginError

PLANNED = ("INVITED", "ACCEPTED")
DEFAULT_CURRENCY = "EUR"
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
#: Assignments that start up to a week before the month are read; a longer mission
#: (``allow_long``) that started earlier is missed (docs/payroll.md, known limits).
_LOOK_BACK = dt.timedelta(days=7)
_PIECE = dt.timedelta(days=7)
#: Most a place's midnight can be from the org's (UTC-12 to UTC+14).
_ZONE_SLACK = dt.timedelta(hours=26)
_EMPLOYMENT = {
    "CDI": EmploymentType.CDI,
    "CDD": EmploymentType.CDD,
    "Freelance": EmploymentType.FREELANCE,
    "Intermittent": EmploymentType.INTERMITTENT_A8,
}
KINDS = tuple(LineKind)


@dataclass(frozen=True)
class Month:
    label: str
    timezone: str
    start: dt.datetime
    end: dt.datetime


def parse_month(text: str, timezone: str) -> Month:
    match = _MONTH.match(text.strip())
    if match is None:
        raise PluginError(
            "payroll.invalid_month",
            f"month is a year and a month, YYYY-MM (2027-07), got {text!r}",
            status=400,
            details={"field": "month"},
        )
    year, month = int(match.group(1)), int(match.group(2))
    if not 2000 <= year <= 2100:
        raise PluginError(
            "payroll.invalid_month",
            f"month must be between 2000-01 and 2100-12, got {text!r}",
            status=400,
            details={"field": "month"},
        )
    zone = ZoneInfo(timezone)
    start = dt.datetime(year, month, 1, tzinfo=zone)
    end = dt.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return Month(
        label=f"{year:04d}-{month:02d}",
        timezone=timezone,
        start=start.astimezone(dt.UTC),
        end=end.astimezone(dt.UTC),
    )


#: The premium kinds whose minutes a report shows as hours (1 May counts as a holiday).
HOURS_OF = {
    LineKind.NIGHT: "night",
    LineKind.SUNDAY: "sunday",
    LineKind.HOLIDAY: "holiday",
    LineKind.MAY_1: "holiday",
    LineKind.OVERTIME: "overtime",
}
HOUR_KINDS = ("night", "sunday", "holiday", "overtime")


@dataclass
class Figures:
    """What a person (or a project, or a total) adds up in a month, in one currency."""

    planned_minutes: int = 0
    confirmed_minutes: int = 0
    actual_minutes: int = 0
    missing_rate: int = 0
    cachets: int = 0
    cents: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    #: Minutes paid with a night, Sunday, holiday (1 May included) or overtime premium.
    premium_minutes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(HOUR_KINDS, 0))

    @property
    def gross_cents(self) -> int:
        return sum(self.cents.values())

    def add(self, other: Figures) -> None:
        self.planned_minutes += other.planned_minutes
        self.confirmed_minutes += other.confirmed_minutes
        self.actual_minutes += other.actual_minutes
        self.missing_rate += other.missing_rate
        self.cachets += other.cachets
        for kind, cents in other.cents.items():
            self.cents[kind] += cents
        for kind, minutes in other.premium_minutes.items():
            self.premium_minutes[kind] += minutes


@dataclass
class PersonMonth(Figures):
    user_id: int = 0
    name: str = ""
    employment_type: str = ""
    currency: str = DEFAULT_CURRENCY
    lines: list[PayLine] = field(default_factory=list)
    #: project id -> this person's figures on that project (they sum to the person's).
    projects: dict[int, Figures] = field(default_factory=dict)

    def project(self, project_id: int) -> Figures:
        found = self.projects.get(project_id)
        if found is None:
            found = self.projects[project_id] = Figures()
        return found


@dataclass
class ProjectMonth(Figures):
    project_id: int = 0
    currency: str = DEFAULT_CURRENCY


class TimeSource(NamedTuple):
    """Which times an assignment was paid with: ``actual`` (its validated timesheet line)
    or ``planned`` (the mission's), and the breaks taken in this month."""

    source: str
    start: dt.datetime
    end: dt.datetime
    break_minutes: int = 0


@dataclass
class MonthReport:
    month: Month
    people: list[PersonMonth]
    #: assignment id -> the times its pay lines used
    sources: dict[int, TimeSource] = field(default_factory=dict)
    #: assignment id -> its project
    project_of: dict[int, int] = field(default_factory=dict)

    def by_project(self) -> list[ProjectMonth]:
        """Per project and currency: the sums of every person's figures on it."""
        found: dict[tuple[int, str], ProjectMonth] = {}
        for person in self.people:
            for project_id, figures in person.projects.items():
                key = (project_id, person.currency)
                if key not in found:
                    found[key] = ProjectMonth(project_id=project_id, currency=person.currency)
                found[key].add(figures)
        return [found[key] for key in sorted(found)]


def _minute(instant: dt.datetime) -> dt.datetime:
    if instant.tzinfo is dt.UTC and not instant.second and not instant.microsecond:
        return instant  # already a whole UTC minute (what the database gives)
    return instant.astimezone(dt.UTC).replace(second=0, microsecond=0)


Span = tuple[dt.datetime, dt.datetime]


def _inside(span: Span, month: Month) -> Span | None:
    start, end = max(span[0], month.start), min(span[1], month.end)
    return (start, end) if end > start else None


def _break_share(actual: Actual, inside: Span, month: Month) -> int:
    """The breaks of ``actual`` taken inside the month (in proportion; see the docstring)."""
    total = _minutes((actual.start, actual.end))
    here = _minutes(inside)
    if here >= total:
        return actual.break_minutes
    if actual.start >= month.start:
        share = actual.break_minutes * here // total
    else:
        share = actual.break_minutes - actual.break_minutes * (total - here) // total
    # The engine wants paid minutes left in every piece of work.
    return max(0, min(share, here - 1))


def _minutes(span: tuple[dt.datetime, dt.datetime]) -> int:
    return int((span[1] - span[0]).total_seconds()) // 60


def _pieces(start: dt.datetime, end: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
    """Whole-minute pieces of at most 7 days (the engine's item limit)."""
    start, end = _minute(start), _minute(end)
    if end - start <= _PIECE:
        return [(start, end)] if start < end else []
    pieces = []
    while start < end:
        stop = min(start + _PIECE, end)
        pieces.append((start, stop))
        start = stop
    return pieces


@dataclass(frozen=True, slots=True)
class _CoreRate:
    """The core's rate of an assignment (its ``WorkRow``'s rate fields)."""

    kind: str
    amount_cents: int
    currency: str


def _rate_of(row: WorkRow, memo: dict[tuple[str, int, str], _CoreRate]) -> _CoreRate | None:
    """The row's rate (one object per distinct rate of a report, through ``memo``)."""
    kind, cents, currency = row.rate_kind, row.rate_amount_cents, row.rate_currency
    if kind is None or cents is None or currency is None:
        return None
    found = memo.get((kind, cents, currency))
    if found is None:
        found = memo[(kind, cents, currency)] = _CoreRate(kind, cents, currency)
    return found


def _engine_rate(rate: _CoreRate, cachet: bool, memo: dict[tuple[str, int, str], Rate]) -> Rate:
    """The engine's rate for a core rate (validated once per distinct rate of a report;
    a rate past the engine's bounds raises ``ValidationError``)."""
    shape = "hourly" if rate.kind == "hourly" else "cachet" if cachet else "daily"
    key = (shape, rate.amount_cents, rate.currency)
    found = memo.get(key)
    if found is None:
        if shape == "hourly":
            found = HourlyRate(cents_per_hour=rate.amount_cents, currency=rate.currency)
        elif cachet:
            found = CachetRate(cachets=1, fee_cents=rate.amount_cents, currency=rate.currency)
        else:
            found = DailyFeeRate(
                days=Decimal(1), fee_cents=rate.amount_cents, currency=rate.currency
            )
        memo[key] = found
    return found


def _items(
    summary: WorkRow,
    work: Span,
    inside: Span | None,
    breaks: int,
    month: Month,
    core_type: str,
    rate: _CoreRate,
    rates: dict[tuple[str, int, str], Rate] | None = None,
) -> list[TrustedItem]:
    """The engine's items for the work of ``summary`` inside the month (``work``: the
    actual or planned span, ``inside``: its part inside the month, ``_inside(work,
    month)``; ``breaks``: the minutes to take from it in this month).

    They are :class:`TrustedItem`: whole minutes (:func:`_pieces`), each piece non-empty
    and at most 7 days long, a zone the month was already computed in, cachets only for
    annexe 10; the rates are validated (once each, through ``rates``)."""
    memo = {} if rates is None else rates
    employment = _EMPLOYMENT.get(core_type, EmploymentType.CDD)
    assignment_id, person_id, zone = (
        str(summary.assignment_id),
        str(summary.user_id),
        summary.timezone,
    )
    if rate.kind == "hourly":
        if inside is None:
            return []
        hourly = _engine_rate(rate, False, memo)
        # The breaks go on the first piece (the engine sums them per assignment).
        return [
            TrustedItem(
                assignment_id,
                person_id,
                start,
                end,
                employment,
                hourly,
                breaks if i == 0 else 0,
                zone,
            )
            for i, (start, end) in enumerate(_pieces(*inside))
        ]
    # Flat rates: paid once, in the month the work starts.
    if not month.start <= work[0] < month.end:
        return []
    cachet = rate.kind == "cachet" and employment is EmploymentType.INTERMITTENT_A8
    if cachet:
        employment = EmploymentType.INTERMITTENT_A10
    flat = _engine_rate(rate, cachet, memo)
    start, end = _pieces(*work)[0]
    return [TrustedItem(assignment_id, person_id, start, end, employment, flat, 0, zone)]


def parse_employment_type(text: str | None) -> str | None:
    """The core's employment type a report is filtered on (``CDI``, ``CDD``,
    ``Intermittent``, ``Freelance``), else a 400 ``payroll.invalid_employment_type``."""
    if text is None:
        return None
    if text not in _EMPLOYMENT:
        raise PluginError(
            "payroll.invalid_employment_type",
            f"employment_type is one of {', '.join(_EMPLOYMENT)}, got {text!r}",
            status=400,
            details={"field": "employment_type", "allowed": list(_EMPLOYMENT)},
        )
    return text


def in_zone(month: Month, timezone: str) -> Month:
    """The same month, its boundaries at midnight in ``timezone`` (a mission's place's)."""
    if timezone == month.timezone:
        return month
    return parse_month(month.label, timezone)


def shares_out(amount: int, weights: dict[int, int]) -> dict[int, int]:
    """``amount`` cents shared out in proportion to ``weights`` (largest remainders, ties to
    the smallest key), so that the shares sum to ``amount`` exactly.

    >>> shares_out(100, {1: 1, 2: 2})
    {1: 33, 2: 67}
    """
    total = sum(weights.values())
    if total <= 0:
        first = min(weights)
        return {key: (amount if key == first else 0) for key in weights}
    shares = {key: amount * weight // total for key, weight in weights.items()}
    left = amount - sum(shares.values())
    by_remainder = sorted(weights, key=lambda key: (-(amount * weights[key] % total), key))
    for key in by_remainder[:left]:
        shares[key] += 1
    return shares


async def monthly(
    org_id: int,
    month_text: str,
    *,
    user_id: int | None = None,
    project_id: int | None = None,
    employment_type: str | None = None,
    forecast: bool = False,
    lines: bool = True,
) -> MonthReport:
    """Every person's month (or one person's, one employment type's, or the people who
    worked on one project, with their figures on it); see the module docstring.

    ``forecast``: pay the INVITED assignments too, as if accepted (a project's forecast).
    ``lines``: keep each person's pay lines (``PersonMonth.lines``) and the times each
    assignment was paid with (``sources``); without them only the figures are computed,
    the same ones, faster (the totals table).
    """
    info = await org_info(org_id)
    timezone = info.timezone if info is not None else "Europe/Paris"
    month = parse_month(month_text, timezone)
    history: RuleHistory = await rule_history(org_id, await resolve_profile(org_id, None))
    paid = PLANNED if forecast else ("ACCEPTED",)

    # The reads below see one snapshot, on the read replica when the platform has one
    # that has caught up (the rule history above may seed rows: written before it).
    async with read_snapshot():
        # Places may be in other zones than the org's: read a day more on each side, then keep
        # what falls in each mission's own month. One bulk read: each assignment with its
        # user, project, zone and rate, as a tuple.
        found = [
            row
            for row in await work_rows(
                org_id,
                user_id=user_id,
                statuses=PLANNED,
                starts_after=month.start - _LOOK_BACK - _ZONE_SLACK,
                starts_before=month.end + _ZONE_SLACK,
            )
            if not row.reserve
        ]
        project_of = {row.assignment_id: row.project_id for row in found}
        if project_id is not None:
            # The people who worked on the project: their whole month is computed (overtime
            # counts every hour of their week), then only the project's share is kept.
            on_project = {row.user_id for row in found if row.project_id == project_id}
            found = [row for row in found if row.user_id in on_project]
        if employment_type is not None:
            found = [row for row in found if row.employment_type == employment_type]
        actuals = await validated_actuals(
            org_id, (row.assignment_id for row in found if row.status == "ACCEPTED")
        )

    people: dict[tuple[int, str], PersonMonth] = {}
    items: list[TrustedItem] = []
    engine_rates: dict[tuple[str, int, str], Rate] = {}
    core_rates: dict[tuple[str, int, str], _CoreRate] = {}
    sources: dict[int, TimeSource] = {}
    local_months: dict[str, Month] = {}

    for summary in found:
        # What the assignment works inside its own month (its zone's); nothing there: left out.
        local = local_months.get(summary.timezone)
        if local is None:
            local = local_months[summary.timezone] = in_zone(month, summary.timezone)
        planned: Span = (summary.starts_at, summary.ends_at)
        planned_span = _inside(planned, local)
        actual = actuals.get(summary.assignment_id) if summary.status == "ACCEPTED" else None
        if actual is None:
            work, work_span = planned, planned_span
        else:
            work = (actual.start, actual.end)
            work_span = _inside(work, local)
        if planned_span is None and work_span is None and not local.start <= work[0] < local.end:
            continue
        breaks = _break_share(actual, work_span, local) if actual and work_span else 0
        name, core_type = summary.user_name, summary.employment_type
        is_paid = summary.status in paid
        rate = _rate_of(summary, core_rates) if is_paid else None
        currency = rate.currency if rate is not None else DEFAULT_CURRENCY
        try:
            new_items = (
                _items(summary, work, work_span, breaks, local, core_type, rate, engine_rates)
                if rate is not None
                else []
            )
        except ValidationError as exc:
            # Core data the engine cannot take (a rate past its bounds...): say which.
            raise PluginError(
                "payroll.invalid_work_item",
                f"Assignment {summary.assignment_id} cannot be paid by the engine",
                status=422,
                details={
                    "assignment_id": summary.assignment_id,
                    "errors": validation_details(exc),
                },
            ) from None
        if planned_span is None and work_span is None and not new_items:
            continue
        person = people.get((summary.user_id, currency))
        if person is None:
            person = people[(summary.user_id, currency)] = PersonMonth(
                user_id=summary.user_id, name=name, employment_type=core_type, currency=currency
            )
        figures = person.project(summary.project_id)
        minutes = _minutes(planned_span) if planned_span is not None else 0
        figures.planned_minutes += minutes
        if summary.status == "ACCEPTED":
            figures.confirmed_minutes += minutes
            if actual is not None and work_span is not None:
                figures.actual_minutes += _minutes(work_span) - breaks
        if is_paid and rate is None and (planned_span is not None or work_span is not None):
            figures.missing_rate += 1
        if is_paid and lines:
            sources[summary.assignment_id] = TimeSource(
                "actual" if actual else "planned",
                work[0],
                work[1],
                breaks if rate is not None and rate.kind == "hourly" else 0,
            )
        items.extend(new_items)

    try:
        if lines:
            for line in compute_pay(items, history).lines:
                person = people[(int(line.person_id), line.currency)]
                person.lines.append(line)
                _count(person, line, project_of)
        else:
            user_of = {row.assignment_id: row.user_id for row in found}
            _add_sums(people, compute_sums(items, history), user_of, project_of)
    except PayrollError as exc:
        raise PluginError(exc.code, exc.message, status=422) from None

    ordered = sorted(people.values(), key=lambda p: (p.name, p.user_id, p.currency))
    if project_id is None:
        ordered = [person_totals(p) for p in ordered]
    else:
        ordered = [_only(p, project_id, project_of) for p in ordered if project_id in p.projects]
        kept = {a for a, p in project_of.items() if p == project_id}
        sources = {a: t for a, t in sources.items() if a in kept}
    return MonthReport(month=month, people=ordered, sources=sources, project_of=project_of)


def _add_sums(
    people: dict[tuple[int, str], PersonMonth],
    sums: PaySums,
    user_of: dict[int, int],
    project_of: dict[int, int],
) -> None:
    """Add the lines of ``sums`` to the figures of their people and projects (an
    assignment's lines may carry another assignment's ids: its key is what counts)."""
    for assignment_id, shared in sums.by_assignment.items():
        number = int(assignment_id)
        user_id, project_id = user_of[number], project_of.get(number, 0)
        for line in shared:
            _add_line(people[(user_id, line.currency)].project(project_id), line)
    for line in sums.weeks:
        _count(people[(int(line.person_id), line.currency)], line, project_of)


def _add_line(figures: Figures, line: PayLine) -> None:
    """Add an assignment's ``line`` to the figures of its project."""
    figures.cents[line.kind] += line.amount_cents
    hours_kind = HOURS_OF.get(line.kind)
    if hours_kind is not None:
        figures.premium_minutes[hours_kind] += line.minutes
    if line.unit == "cachet":
        figures.cachets += int(line.quantity)


def _count(person: PersonMonth, line: PayLine, project_of: dict[int, int]) -> None:
    """Add ``line`` to its project's figures (a person-week line: shared out by minutes)."""
    hours_kind = HOURS_OF.get(line.kind)
    if line.assignment_id is not None:
        _add_line(person.project(project_of.get(int(line.assignment_id), 0)), line)
        return
    weights: dict[int, int] = defaultdict(int)
    for assignment_id, minutes in line.shares:
        weights[project_of.get(int(assignment_id), 0)] += minutes
    if not weights:
        weights[0] = line.minutes
    cents = shares_out(line.amount_cents, weights)
    for project_id, weight in weights.items():
        figures = person.project(project_id)
        figures.cents[line.kind] += cents[project_id]
        if hours_kind is not None:
            figures.premium_minutes[hours_kind] += weight


def _only(person: PersonMonth, project_id: int, project_of: dict[int, int]) -> PersonMonth:
    """``person`` with the figures and lines of one project only (person-week lines that
    the project had a share in stay whole)."""
    kept = PersonMonth(
        user_id=person.user_id,
        name=person.name,
        employment_type=person.employment_type,
        currency=person.currency,
        projects={project_id: person.projects[project_id]},
    )
    kept.add(person.projects[project_id])
    kept.lines = [
        line
        for line in person.lines
        if (
            line.assignment_id is not None and project_of.get(int(line.assignment_id)) == project_id
        )
        or any(project_of.get(int(a)) == project_id for a, _ in line.shares)
    ]
    return kept


def person_totals(person: PersonMonth) -> PersonMonth:
    """``person`` with its figures summed over its projects."""
    for figures in person.projects.values():
        person.add(figures)
    return person


def totals(people: list[PersonMonth]) -> dict[str, PersonMonth]:
    """Per currency: the sums of every person's figures."""
    found: dict[str, PersonMonth] = {}
    for person in people:
        total = found.get(person.currency)
        if total is None:
            total = found[person.currency] = PersonMonth(currency=person.currency)
        total.add(person)
    return dict(sorted(found.items()))


def by_kind(figures: Figures) -> dict[str, int]:
    """The amount of each line kind (``base_cents``...) and the premium minutes
    (``night_minutes``...), the cachets, as the API's fields."""
    counted: dict[str, int] = {f"{kind.value}_cents": figures.cents[kind] for kind in KINDS}
    for kind in HOUR_KINDS:
        counted[f"{kind}_minutes"] = figures.premium_minutes[kind]
    counted["cachets"] = figures.cachets
    return counted
