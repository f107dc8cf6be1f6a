"""Request and response bodies of the plugin's routes (written by hand, never table rows)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import msgspec
from msgspec import UNSET, UnsetType
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


class PayrollProjectAmount(msgspec.Struct, kw_only=True):
    """A person's gross pay on one project in the month."""

    project_id: int
    name: str
    gross_cents: int


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
    #: Validated actual minutes (timesheets) inside the month, breaks taken off.
    actual_minutes: int
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
    #: Cachets paid (annexe 10 artists).
    cachets: int
    #: Minutes paid with a premium, by kind (1 May counts as a holiday): see docs/payroll.md.
    night_minutes: int
    sunday_minutes: int
    holiday_minutes: int
    overtime_minutes: int
    #: Gross pay by project (overtime shared out by the minutes worked on each).
    projects: list[PayrollProjectAmount]


class PayrollMonthlyTotal(msgspec.Struct, kw_only=True):
    """The totals row of a currency (every person of the filter, not only the page)."""

    currency: str
    planned_minutes: int
    confirmed_minutes: int
    actual_minutes: int
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
    #: Cachets paid (annexe 10 artists).
    cachets: int
    #: Minutes paid with a premium, by kind (1 May counts as a holiday): see docs/payroll.md.
    night_minutes: int
    sunday_minutes: int
    holiday_minutes: int
    overtime_minutes: int


class PayrollMonthlyReportPage(Page[PayrollMonthlyReportRow]):
    items: list[PayrollMonthlyReportRow]
    #: ``YYYY-MM``
    month: str = ""
    #: The org's IANA timezone: the month's boundaries.
    timezone: str = ""
    totals: list[PayrollMonthlyTotal] = msgspec.field(default_factory=list)


Currency = Annotated[str, msgspec.Meta(pattern="^[A-Z]{3}$")]


class PayrollProjectBudgetIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A project's budget for its crew's gross pay (null ``amount_cents`` clears it)."""

    amount_cents: Annotated[int, msgspec.Meta(ge=0, le=100_000_000_000)] | None
    #: ISO 4217 code in capitals.
    currency: Currency = "EUR"


class PayrollProjectBudgetOut(msgspec.Struct, kw_only=True):
    project_id: int
    amount_cents: int | None
    currency: str | None
    updated_by: int | None
    updated_at: dt.datetime | None


class PayrollProjectRecapRow(msgspec.Struct, kw_only=True):
    """One project's month in one currency, and its forecast against its budget."""

    project_id: int
    name: str
    currency: str
    #: Minutes of INVITED and ACCEPTED assignments of the project inside the month.
    planned_minutes: int
    #: Minutes of its ACCEPTED assignments inside the month.
    confirmed_minutes: int
    actual_minutes: int
    missing_rate: int
    #: Gross pay of its confirmed work in the month (the monthly report's figure).
    gross_cents: int
    #: Gross pay of its planned work (INVITED paid as if accepted) over the forecast months.
    forecast_cents: int
    #: The months the forecast covers, ``YYYY-MM``: the project's dates, else this month.
    forecast_from: str
    forecast_to: str
    #: The project's budget, when it has one in this currency.
    budget_cents: int | None
    #: ``budget_cents - forecast_cents`` (negative: over budget).
    margin_cents: int | None
    #: The forecast passes the budget.
    over_budget: bool


class PayrollProjectRecapTotal(msgspec.Struct, kw_only=True):
    """The org's month in one currency (every project)."""

    currency: str
    planned_minutes: int
    confirmed_minutes: int
    actual_minutes: int
    gross_cents: int


class PayrollProjectRecapPage(Page[PayrollProjectRecapRow]):
    items: list[PayrollProjectRecapRow]
    #: ``YYYY-MM``
    month: str = ""
    #: The org's IANA timezone (each mission's month is its place's).
    timezone: str = ""
    #: The org's month per currency (every project, not only the page).
    totals: list[PayrollProjectRecapTotal] = msgspec.field(default_factory=list)


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
    #: The times the line pays: ``actual`` (the validated timesheet line, breaks taken off)
    #: or ``planned`` (the mission's); None for person-week lines (overtime).
    source: str | None
    #: profile, employment_type, effective_from, label of the rule version used.
    rule_set: dict[str, Any]
    #: formula, values, exact_cents, rounding, periods, sources, and ``times`` (for an
    #: assignment's line): ``source``, ``start``, ``end``, ``break_minutes``, ``text``.
    explanation: dict[str, Any]


class PayrollPersonMonthOut(msgspec.Struct, kw_only=True):
    user_id: int
    name: str
    month: str
    timezone: str
    planned_minutes: int
    confirmed_minutes: int
    actual_minutes: int
    missing_rate: int
    #: Sum of the rounded lines, by currency.
    totals: dict[str, int]
    lines: list[PayrollLineOut]


# --- Timesheets -------------------------------------------------------------------------------

#: An instant with its UTC offset (a naive time is refused: whose clock would it be?).
Instant = Annotated[dt.datetime, msgspec.Meta(tz=True)]
BreakMinutes = Annotated[int, msgspec.Meta(ge=0, le=1440)]
Comment = Annotated[str, msgspec.Meta(max_length=2000)]


class TimesheetLineOut(msgspec.Struct, kw_only=True):
    """The timesheet line of one ACCEPTED assignment: planned (the mission's times, read
    now) beside actual (what was entered), with its status."""

    id: int
    assignment_id: int
    user_id: int
    user_name: str
    mission_id: int
    mission_title: str
    project_id: int
    project_name: str
    role_name: str
    place: str
    #: The mission's IANA timezone (its place's, else the org's): the clock to show.
    timezone: str
    planned_start: dt.datetime
    planned_end: dt.datetime
    planned_minutes: int
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None
    break_minutes: int
    #: Actual span minus breaks; None until the actual times are entered.
    actual_minutes: int | None
    comment: str
    #: draft, submitted (its tech entered the times) or validated (locked).
    status: str
    validated_by: int | None
    validated_at: dt.datetime | None
    updated_by: int | None
    updated_at: dt.datetime
    #: Whether the caller may change it now (PATCH): own line or manager, not validated.
    editable: bool


class TimesheetPage(Page[TimesheetLineOut]):
    items: list[TimesheetLineOut]
    #: The org's timezone: the days of the window.
    timezone: str = ""
    #: First and last org-local day of the window read (both included).
    from_day: dt.date | None = None
    to_day: dt.date | None = None


class TimesheetUpdate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """What a PATCH changes; a field left out keeps its value. ``actual_start`` and
    ``actual_end`` go together (both set, or both null to clear them)."""

    actual_start: Instant | UnsetType | None = UNSET
    actual_end: Instant | UnsetType | None = UNSET
    break_minutes: BreakMinutes | UnsetType = UNSET
    comment: Comment | UnsetType = UNSET


class TimesheetCorrection(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A manager's correction of a validated line: the new values and why (required)."""

    reason: Annotated[str, msgspec.Meta(max_length=500)]
    actual_start: Instant | UnsetType = UNSET
    actual_end: Instant | UnsetType = UNSET
    break_minutes: BreakMinutes | UnsetType = UNSET
    comment: Comment | UnsetType = UNSET


class TimesheetBulkValidate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Which lines to validate at once: a day (org-local) and/or a project, or a list of
    assignment ids (not both ways)."""

    day: dt.date | None = None
    project: int | None = None
    assignment_ids: Annotated[list[int], msgspec.Meta(max_length=1000)] | None = None


class TimesheetBulkResult(msgspec.Struct, kw_only=True):
    #: Lines this call validated.
    validated: int
    #: Lines of the selection that were validated already (left as they were).
    already_validated: int


class TimesheetEventOut(msgspec.Struct, kw_only=True):
    """One change of a line: ``updated``, ``submitted``, ``validated`` or ``corrected``."""

    id: int
    action: str
    #: Account id of who did it.
    actor: int | None
    at: dt.datetime
    #: The fields that changed, before and after.
    before: dict[str, Any]
    after: dict[str, Any]
    reason: str | None


class TimesheetHistoryPage(Page[TimesheetEventOut]):
    items: list[TimesheetEventOut]


ExportKind = Literal["monthly_totals", "payroll_office", "statement"]
ExportFormat = Literal["csv", "xlsx", "pdf"]
ExportStatus = Literal["queued", "running", "done", "failed"]


class PayrollExportCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """An export of a month: ``monthly_totals`` and ``payroll_office`` as csv or xlsx,
    ``statement`` as pdf or csv (a tech: only their own statement)."""

    kind: ExportKind
    format: ExportFormat
    #: ``YYYY-MM``
    month: Annotated[str, msgspec.Meta(max_length=20)]
    project: int | None = None
    user: int | None = None
    #: CSV for Excel FR: ``;`` and a decimal comma (else ``,`` and a decimal point).
    excel_fr: bool = True


class PayrollExportOut(msgspec.Struct, kw_only=True):
    id: int
    kind: ExportKind
    format: ExportFormat
    month: str
    project_id: int | None
    user_id: int | None
    excel_fr: bool
    status: ExportStatus
    #: 0 to 100
    progress: int
    #: Why it failed (``payroll.no_rule_set``, ``payroll.export_failed``...), else null.
    error_code: str | None
    content_type: str
    filename: str
    size: int
    created_by: int
    created_at: dt.datetime
    finished_at: dt.datetime | None
    expires_at: dt.datetime
    #: Past ``expires_at``: the file is gone (a download answers 410).
    expired: bool
    #: The download route, once done and not expired (null otherwise).
    download_url: str | None


class PayrollExportPage(Page[PayrollExportOut]):
    items: list[PayrollExportOut]


ShortText = Annotated[str, msgspec.Meta(max_length=200)]


class PayrollLicence(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A licence d'entrepreneur de spectacles: its category (1: venues, 2: producers,
    3: presenters) and the number of its receipt."""

    category: Annotated[int, msgspec.Meta(ge=1, le=3)]
    number: Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"\S")]


class PayrollIdentityIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """The employer's legal identity, replaced whole (an empty or null field clears it).
    ``siret`` (14 digits, spaces ignored, Luhn-checked), ``ape`` (``90.01Z``), ``idcc``
    (1 to 4 digits) are normalised; see ``docs/payroll.md``."""

    legal_name: ShortText = ""
    address: Annotated[str, msgspec.Meta(max_length=500)] = ""
    siret: Annotated[str, msgspec.Meta(max_length=40)] | None = None
    ape: Annotated[str, msgspec.Meta(max_length=20)] | None = None
    idcc: Annotated[str, msgspec.Meta(max_length=20)] | None = None
    licences: Annotated[list[PayrollLicence], msgspec.Meta(max_length=3)] = msgspec.field(
        default_factory=list
    )
    #: Hires through the GUSO (no AEM of its own).
    guso: bool = False


class PayrollIdentityOut(msgspec.Struct, kw_only=True):
    legal_name: str = ""
    address: str = ""
    siret: str | None = None
    #: The SIRET's first 9 digits.
    siren: str | None = None
    ape: str | None = None
    idcc: str | None = None
    licences: list[PayrollLicence] = msgspec.field(default_factory=list)
    guso: bool = False
    #: The fields an AEM or a CDDU contract needs that are still empty.
    missing: list[str] = msgspec.field(default_factory=list)
    updated_by: int | None = None
    updated_at: dt.datetime | None = None


class PayrollProjectIdentityIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    #: France Travail numero d'objet (null or empty clears it).
    numero_objet: Annotated[str, msgspec.Meta(max_length=64)] | None = None


class PayrollProjectIdentityOut(msgspec.Struct, kw_only=True):
    project_id: int
    numero_objet: str | None
    updated_by: int | None
    updated_at: dt.datetime | None


class PayrollProjectIdentityPage(Page[PayrollProjectIdentityOut]):
    items: list[PayrollProjectIdentityOut]


class IntermittentProfileIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """An intermittent's annexe and the minutes they declared worked elsewhere in the
    tracker's window (replaced whole)."""

    #: 8: technician (real hours), 10: artist (cachets count ``cachet_hours`` each).
    annexe: Literal[8, 10] = 8
    elsewhere_minutes: Annotated[int, msgspec.Meta(ge=0, le=600_000)] = 0
    #: Where the hours come from (employers, dates): for the manager who checks them.
    elsewhere_note: Annotated[str, msgspec.Meta(max_length=500)] = ""


class CivilStatusIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """An intermittent's civil status as the AEM and the CDDU contract print it (replaced
    whole; an empty text clears a field)."""

    #: Only when it differs from the current last name.
    birth_name: Annotated[str, msgspec.Meta(max_length=100)] = ""
    birth_date: dt.date | None = None
    #: Commune and department (or country), e.g. ``Lyon (69)``.
    birth_place: Annotated[str, msgspec.Meta(max_length=120)] = ""
    nationality: Annotated[str, msgspec.Meta(max_length=60)] = ""
    #: Postal address, several lines.
    address: Annotated[str, msgspec.Meta(max_length=300)] = ""


class CivilStatusOut(msgspec.Struct, kw_only=True):
    """An intermittent's civil status; ``missing`` lists what an AEM still needs
    (``birth_date``, ``birth_place``, ``address``)."""

    user_id: int
    birth_name: str
    birth_date: dt.date | None
    birth_place: str
    nationality: str
    address: str
    missing: list[str]


class IntermittentItemOut(msgspec.Struct, kw_only=True):
    """One assignment counted by the tracker."""

    assignment_id: int
    mission_id: int
    mission_title: str
    role_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    #: ``actual`` (validated timesheet minus breaks), ``planned`` or ``cachet``.
    source: Literal["actual", "planned", "cachet"]
    #: What it counts for (a cachet: ``cachet_hours`` x 60).
    minutes: int


class IntermittentOut(msgspec.Struct, kw_only=True):
    """One intermittent's count over the window ending ``as_of`` (see ``docs/payroll.md``)."""

    user_id: int
    name: str
    annexe: int
    as_of: dt.date
    #: First and last org-local day of the window (both included).
    from_day: dt.date
    to_day: dt.date
    #: Hours worked here (validated actuals, else planned), in minutes.
    worked_minutes: int
    cachets: int
    #: The cachets' hours for unemployment insurance, in minutes.
    cachet_minutes: int
    elsewhere_minutes: int
    elsewhere_note: str
    #: worked + cachets + elsewhere
    total_minutes: int
    #: ``affiliation_hours`` x 60 (507 h: 30 420)
    threshold_minutes: int
    #: What is still missing to reach the threshold (0 once reached).
    missing_minutes: int
    reached: bool
    #: Assignments counted.
    assignments: int
    profile_updated_at: dt.datetime | None
    #: The assignments counted (one person's read only; null in the list).
    counted: list[IntermittentItemOut] | None = None


class IntermittentPage(Page[IntermittentOut]):
    items: list[IntermittentOut]
    as_of: dt.date | None = None


DpaeStatus = Literal["not_yet_open", "to_declare", "overdue", "declared"]


class DpaeOut(msgspec.Struct, kw_only=True):
    """Where an engagement's DPAE stands (``now`` against its window)."""

    #: ``not_yet_open`` (before ``opens_at``), ``to_declare`` (window open), ``overdue``
    #: (work started, none recorded), ``declared``.
    status: DpaeStatus
    #: ``dpae_window_days`` before the first start: the earliest filing.
    opens_at: dt.datetime
    #: The first start: the latest filing.
    due_at: dt.datetime
    #: The record's id once declared (to undo it), else null.
    id: int | None = None
    declared_on: dt.date | None = None
    reference: str | None = None


class EngagementOut(msgspec.Struct, kw_only=True):
    """One intermittent's consecutive accepted missions on one project (a CDDU)."""

    user_id: int
    name: str
    project_id: int
    project_name: str
    #: First and last org-local day of the engagement.
    first_day: dt.date
    last_day: dt.date
    first_start: dt.datetime
    last_end: dt.datetime
    missions: int
    assignment_ids: list[int]
    planned_minutes: int
    dpae: DpaeOut


class EngagementPage(Page[EngagementOut]):
    items: list[EngagementOut]
    from_day: dt.date | None = None
    to_day: dt.date | None = None


class DpaeCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Record the DPAE of the engagement of ``user`` on ``project`` starting ``first_day``."""

    user: int
    project: int
    first_day: dt.date
    #: URSSAF's acknowledgement number, as given.
    reference: Annotated[str, msgspec.Meta(max_length=64)] = ""
    #: When it was filed (default: today, org-local).
    declared_on: dt.date | None = None


class AemRowOut(msgspec.Struct, kw_only=True):
    """One AEM line: an intermittent x a CDDU (engagement) x a pay month, with its
    Conges Spectacles base (see ``docs/payroll.md``, "AEM et Conges Spectacles")."""

    user_id: int
    name: str
    #: The employee's social security number as the org recorded it on the person
    #: (``legal_ids.nir``); null when it is missing (the AEM needs it: fill it in).
    nir: str | None = None
    #: The employee's civil status (``PUT /api/v1/payroll/intermittents/{id}/civil-status``);
    #: ``civil_missing`` lists what the AEM still needs (empty: complete).
    birth_name: str = ""
    birth_date: dt.date | None = None
    birth_place: str = ""
    nationality: str = ""
    address: str = ""
    civil_missing: list[str] = []
    project_id: int
    project_name: str
    numero_objet: str | None
    #: The role names worked on the engagement (the job on the AEM).
    job: str
    annexe: int
    #: The engagement's first and last org-local days (the contract's dates).
    contract_start: dt.date
    contract_end: dt.date
    #: True when the contract runs on past the month ("contrat en cours").
    ongoing: bool
    #: Paid hours of the month (hourly pay) and cachets of the month.
    hours_minutes: int
    cachets: int
    #: Org-local days with work starting in the month.
    days_worked: int
    gross_cents: int
    currency: str
    #: ``initiale`` (complementary and corrective AEMs are made in the AEM software).
    aem_type: str
    #: Conges Spectacles: the declarable base (gross, capped by the ceiling if one is set),
    #: the rate in force and the employer's contribution.
    cs_base_cents: int
    cs_rate_pct: str
    cs_contribution_cents: int


class AemOut(msgspec.Struct, kw_only=True):
    """The AEM lines of a month (by name, project, contract start)."""

    month: str
    employer_missing: list[str]
    rows: list[AemRowOut]
