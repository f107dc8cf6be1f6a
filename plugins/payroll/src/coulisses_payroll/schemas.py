"""Request and response bodies of the plugin's routes (written by hand, never table rows)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from pydantic import BaseModel, ConfigDict, Field

from coulisses_payroll.rules import EmploymentType, Profile
from coulisses_sdk import Page


class PayrollRuleVersionCreate(BaseModel):
    """A new version: the version in force at ``effective_from`` with ``params`` changed.

    ``params`` maps a parameter name of a rule set (``night_premium_pct``...) to its whole
    new value ``{"value": ..., "source": ..., "uncertain": false}``; parameters not named
    are copied from the version in force. ``effective_from`` must come after every existing
    version of that employment type (versions are only appended).
    """

    model_config = ConfigDict(extra="forbid")

    profile: Profile | None = None
    """Default: the profile of the org's plugin config."""
    employment_type: EmploymentType
    effective_from: dt.date
    label: str = Field(default="", max_length=200)
    params: dict[str, Any] = Field(default_factory=dict)


class PayrollRuleVersionOut(BaseModel):
    id: int
    profile: Profile
    employment_type: EmploymentType
    effective_from: dt.date
    label: str
    #: True for the version of its employment type in force today (org's local date).
    in_force: bool
    #: The whole rule set: every parameter with its value, source and uncertainty.
    params: dict[str, Any]
    created_at: dt.datetime


class PayrollRulesOut(BaseModel):
    profile: Profile
    #: By employment type, then effective date.
    versions: list[PayrollRuleVersionOut]


class PayrollMonthlyReportRow(msgspec.Struct, kw_only=True):
    """One person's month, in one currency (the currency of their rates)."""

    user_id: int
    name: str
    #: The user's employment type in the core (CDI, CDD, Intermittent, Freelance).
    employment_type: str
    currency: str
    #: Minutes of INVITED and ACCEPTED assignments inside the month.
    planned_minutes: int
    #: Minutes of ACCEPTED assignments inside the month.
    confirmed_minutes: int
    #: ACCEPTED assignments inside the month that have no rate (not in the amounts).
    missing_rate: int
    base_cents: int
    night_cents: int
    sunday_cents: int
    holiday_cents: int
    may_1_cents: int
    minimum_call_cents: int
    meal_cents: int
    overtime_cents: int
    gross_cents: int


class PayrollMonthlyTotal(msgspec.Struct, kw_only=True):
    """The totals row of a currency (every person of the filter, not only the page)."""

    currency: str
    planned_minutes: int
    confirmed_minutes: int
    missing_rate: int
    base_cents: int
    night_cents: int
    sunday_cents: int
    holiday_cents: int
    may_1_cents: int
    minimum_call_cents: int
    meal_cents: int
    overtime_cents: int
    gross_cents: int


class PayrollMonthlyReportPage(Page[PayrollMonthlyReportRow]):
    items: list[PayrollMonthlyReportRow]
    #: ``YYYY-MM``
    month: str = ""
    #: The org's IANA timezone: the month's boundaries.
    timezone: str = ""
    totals: list[PayrollMonthlyTotal] = msgspec.field(default_factory=list)


class PayrollLineOut(msgspec.Struct, kw_only=True):
    """One pay line of the engine, with how it was computed."""

    kind: str
    assignment_id: int | None
    week_start: dt.date | None
    tier: int | None
    minutes: int
    unit: str
    #: Decimal as a string (hours with 4 decimals, cachets, days, meals).
    quantity: str
    rate_cents: int
    premium_pct: str | None
    amount_cents: int
    currency: str
    #: profile, employment_type, effective_from, label of the rule version used.
    rule_set: dict[str, Any]
    #: formula, values, exact_cents, rounding, periods, sources.
    explanation: dict[str, Any]


class PayrollPersonMonthOut(msgspec.Struct, kw_only=True):
    user_id: int
    name: str
    month: str
    timezone: str
    planned_minutes: int
    confirmed_minutes: int
    missing_rate: int
    #: Sum of the rounded lines, by currency.
    totals: dict[str, int]
    lines: list[PayrollLineOut]
