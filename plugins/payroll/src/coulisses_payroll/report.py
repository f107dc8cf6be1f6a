"""The monthly report: hours and gross pay per person for one month of an org.

What a month holds (``docs/payroll.md`` says the same in French):

- The month's boundaries are midnight in the org's timezone. An assignment crossing a
  boundary counts only its minutes inside the month (it is split there, to the minute).
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
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from coulisses_payroll.engine import (
    CachetRate,
    DailyFeeRate,
    HourlyRate,
    LineKind,
    PayLine,
    Rate,
    WorkItem,
    compute_pay,
)
from coulisses_payroll.errors import PayrollError
from coulisses_payroll.rules import EmploymentType, RuleHistory
from coulisses_payroll.service import history as rule_history
from coulisses_payroll.service import resolve_profile, validation_details
from coulisses_payroll.timesheets import Actual, validated_actuals
from coulisses_sdk import (
    AssignmentSummary,
    RateInfo,
    effective_rate,
    get_mission,
    get_user,
    iter_assignments,
    org_info,
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


@dataclass
class PersonMonth:
    user_id: int
    name: str
    employment_type: str
    currency: str
    planned_minutes: int = 0
    confirmed_minutes: int = 0
    actual_minutes: int = 0
    missing_rate: int = 0
    cents: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    lines: list[PayLine] = field(default_factory=list)

    @property
    def gross_cents(self) -> int:
        return sum(self.cents.values())


@dataclass(frozen=True)
class TimeSource:
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


def _minute(instant: dt.datetime) -> dt.datetime:
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
    pieces = []
    while start < end:
        stop = min(start + _PIECE, end)
        pieces.append((start, stop))
        start = stop
    return pieces


def _items(
    summary: AssignmentSummary,
    work: Span,
    breaks: int,
    month: Month,
    core_type: str,
    rate: RateInfo,
) -> list[WorkItem]:
    """The engine's items for the work of ``summary`` inside the month (``work``: the
    actual or planned span; ``breaks``: the minutes to take from it in this month)."""
    employment = _EMPLOYMENT.get(core_type, EmploymentType.CDD)

    def item(start: dt.datetime, end: dt.datetime, rate: Rate, breaks: int = 0) -> WorkItem:
        return WorkItem(
            assignment_id=str(summary.assignment_id),
            person_id=str(summary.user_id),
            timezone=summary.timezone,
            start=start,
            end=end,
            breaks_minutes=breaks,
            employment_type=employment,
            rate=rate,
        )

    if rate.kind == "hourly":
        span = _inside(work, month)
        if span is None:
            return []
        hourly = HourlyRate(cents_per_hour=rate.amount_cents, currency=rate.currency)
        pieces = _pieces(*span)
        # The breaks go on the first piece (the engine sums them per assignment).
        return [item(s, e, hourly, breaks if i == 0 else 0) for i, (s, e) in enumerate(pieces)]
    # Flat rates: paid once, in the month the work starts.
    if not month.start <= work[0] < month.end:
        return []
    flat: CachetRate | DailyFeeRate
    if rate.kind == "cachet" and employment is EmploymentType.INTERMITTENT_A8:
        employment = EmploymentType.INTERMITTENT_A10
        flat = CachetRate(cachets=1, fee_cents=rate.amount_cents, currency=rate.currency)
    else:
        flat = DailyFeeRate(days=Decimal(1), fee_cents=rate.amount_cents, currency=rate.currency)
    start, end = _pieces(*work)[0]
    return [item(start, end, flat)]


async def monthly(
    org_id: int,
    month_text: str,
    *,
    user_id: int | None = None,
    project_id: int | None = None,
) -> MonthReport:
    """Every person's month (or one person's, or one project's); see the module docstring."""
    info = await org_info(org_id)
    timezone = info.timezone if info is not None else "Europe/Paris"
    month = parse_month(month_text, timezone)
    history: RuleHistory = await rule_history(org_id, await resolve_profile(org_id, None))

    users: dict[int, tuple[str, str]] = {}
    projects: dict[int, int | None] = {}
    rates: dict[tuple[int, str, int], RateInfo | None] = {}
    people: dict[tuple[int, str], PersonMonth] = {}
    items: list[WorkItem] = []
    item_currency: dict[str, str] = {}

    found: list[AssignmentSummary] = []
    async for summary in iter_assignments(
        org_id,
        user_id=user_id,
        statuses=PLANNED,
        starts_after=month.start - _LOOK_BACK,
        starts_before=month.end,
    ):
        if summary.reserve:
            continue
        if project_id is not None:
            if summary.mission_id not in projects:
                mission = await get_mission(org_id, summary.mission_id)
                projects[summary.mission_id] = mission.project_id if mission else None
            if projects[summary.mission_id] != project_id:
                continue
        found.append(summary)
    actuals = await validated_actuals(
        org_id, (s.assignment_id for s in found if s.status == "ACCEPTED")
    )
    sources: dict[int, TimeSource] = {}

    for summary in found:
        planned_span = _inside((summary.starts_at, summary.ends_at), month)
        actual = actuals.get(summary.assignment_id) if summary.status == "ACCEPTED" else None
        work: Span = (actual.start, actual.end) if actual else (summary.starts_at, summary.ends_at)
        work_span = _inside(work, month)
        breaks = _break_share(actual, work_span, month) if actual and work_span else 0
        if planned_span is None and work_span is None and not month.start <= work[0] < month.end:
            continue
        if summary.user_id not in users:
            user = await get_user(org_id, summary.user_id)
            users[summary.user_id] = (user.name, user.employment_type) if user else ("", "CDD")
        name, core_type = users[summary.user_id]
        rate: RateInfo | None = None
        if summary.status == "ACCEPTED":
            key = (summary.user_id, summary.role_name, summary.mission_id)
            if key not in rates:
                rates[key] = await effective_rate(
                    org_id,
                    user_id=summary.user_id,
                    role_name=summary.role_name,
                    mission_id=summary.mission_id,
                )
            rate = rates[key]
        currency = rate.currency if rate is not None else DEFAULT_CURRENCY
        try:
            new_items = (
                _items(summary, work, breaks, month, core_type, rate) if rate is not None else []
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
                summary.user_id, name, core_type, currency
            )
        minutes = _minutes(planned_span) if planned_span is not None else 0
        person.planned_minutes += minutes
        if summary.status == "ACCEPTED":
            person.confirmed_minutes += minutes
            if actual is not None and work_span is not None:
                person.actual_minutes += _minutes(work_span) - breaks
            if rate is None and (planned_span is not None or work_span is not None):
                person.missing_rate += 1
            sources[summary.assignment_id] = TimeSource(
                "actual" if actual else "planned",
                work[0],
                work[1],
                breaks if rate is not None and rate.kind == "hourly" else 0,
            )
        items.extend(new_items)
        for item in new_items:
            item_currency[item.assignment_id] = currency

    try:
        result = compute_pay(items, history)
    except PayrollError as exc:
        raise PluginError(exc.code, exc.message, status=422) from None
    for line in result.lines:
        person = people[(int(line.person_id), line.currency)]
        person.cents[line.kind] += line.amount_cents
        person.lines.append(line)
    ordered = sorted(people.values(), key=lambda p: (p.name, p.user_id, p.currency))
    return MonthReport(month=month, people=ordered, sources=sources)


def totals(people: list[PersonMonth]) -> dict[str, PersonMonth]:
    """Per currency: the sums of every person's figures."""
    found: dict[str, PersonMonth] = {}
    for person in people:
        total = found.get(person.currency)
        if total is None:
            total = found[person.currency] = PersonMonth(0, "", "", person.currency)
        total.planned_minutes += person.planned_minutes
        total.confirmed_minutes += person.confirmed_minutes
        total.actual_minutes += person.actual_minutes
        total.missing_rate += person.missing_rate
        for kind, cents in person.cents.items():
            total.cents[kind] += cents
    return dict(sorted(found.items()))


def by_kind(person: PersonMonth) -> dict[str, int]:
    counted: dict[str, int] = defaultdict(int)
    for kind in KINDS:
        counted[f"{kind.value}_cents"] = person.cents[kind]
    return dict(counted)
