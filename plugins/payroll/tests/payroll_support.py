"""Builders shared by the payroll tests: a custom rule set with explicit numbers, work items."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from coulisses_payroll.engine import HourlyRate, LineKind, PayResult, Rate, WorkItem
from coulisses_payroll.rules import (
    EmploymentType,
    Profile,
    RuleHistory,
    RuleSet,
    default_history,
)

PARIS = ZoneInfo("Europe/Paris")
TEST_SOURCE = "test value"


def param(value: Any) -> dict[str, Any]:
    return {"value": value, "source": TEST_SOURCE}


def window(start: str, end: str) -> dict[str, str]:
    return {"start": start, "end": end}


def rule_set(
    employment_type: EmploymentType = EmploymentType.CDD,
    effective_from: date = date(2024, 1, 1),
    **values: Any,
) -> RuleSet:
    """The custom profile's seed for ``employment_type``, with these parameter values.

    Defaults for the tests (unless overridden): night 00:00-07:00 +25 %, Sunday +20 %,
    holiday +100 %, 1 May +100 %, premiums stack, overtime +25 % past 35 h and +50 % past 43 h,
    no minimum call, no meal allowance.
    """
    seed = default_history(Profile.CUSTOM).in_force(employment_type, date(2024, 1, 1))
    data = seed.model_dump()
    data.update(effective_from=effective_from, label=f"test {effective_from}")
    chosen: dict[str, Any] = {
        "night_windows": [window("00:00", "07:00")],
        "night_premium_pct": "25",
        "sunday_premium_pct": "20",
        "holiday_premium_pct": "100",
        "may_1_premium_pct": "100",
        "premiums_stack": True,
        "overtime_tiers": [
            {"above_minutes": 35 * 60, "premium_pct": "25"},
            {"above_minutes": 43 * 60, "premium_pct": "50"},
        ],
        "minimum_call_minutes": 0,
        "meal_allowance_cents": 0,
        **values,
    }
    for name, value in chosen.items():
        data[name] = param(value)
    return RuleSet.model_validate(data)


def history(*versions: RuleSet) -> RuleHistory:
    return RuleHistory(versions=versions or (rule_set(),))


def item(
    start: datetime,
    end: datetime,
    *,
    assignment_id: str = "a1",
    person_id: str = "p1",
    cents_per_hour: int = 2000,
    rate: Rate | None = None,
    employment_type: EmploymentType = EmploymentType.CDD,
    breaks_minutes: int = 0,
    departement: str | None = None,
    timezone: str = "Europe/Paris",
) -> WorkItem:
    return WorkItem(
        assignment_id=assignment_id,
        person_id=person_id,
        start=start,
        end=end,
        breaks_minutes=breaks_minutes,
        timezone=timezone,
        departement=departement,
        employment_type=employment_type,
        rate=rate or HourlyRate(cents_per_hour=cents_per_hour),
    )


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def amounts(result: PayResult) -> dict[LineKind, int]:
    """Amount per line kind (summed over versions, rates and weeks)."""
    found: dict[LineKind, int] = {}
    for line in result.lines:
        found[line.kind] = found.get(line.kind, 0) + line.amount_cents
    return found


def minutes(result: PayResult) -> dict[LineKind, int]:
    found: dict[LineKind, int] = {}
    for line in result.lines:
        found[line.kind] = found.get(line.kind, 0) + line.minutes
    return found


def pct(value: str) -> Decimal:
    return Decimal(value)
