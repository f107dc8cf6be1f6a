"""Routes under /api/v1/payroll/: the org's rule versions, the monthly report, timesheets.

Rules: managers and above read, admins and owners add versions. Monthly report: managers
and above see everyone; a tech sees only their own line (the user linked to their account):
asking for someone else is 403 ``payroll.own_lines_only``. The host's gate answers 404 to an
org that has not enabled the plugin.

Timesheets (:mod:`coulisses_payroll.timesheets` holds the rules): a tech reads and edits
their own lines; managers and above read and edit every line, validate (one or in bulk),
correct a validated line with a reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from litestar import Controller, Request, Response, delete, get, patch, post, put
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Body, FromPath, FromQuery, QueryParameter

from coulisses_payroll import (
    budgets,
    cddu,
    civil_status,
    engagements,
    exports,
    identity,
    intermittents,
    report,
    service,
    timesheets,
)
from coulisses_payroll.engine import PayLine
from coulisses_payroll.rules import Profile
from coulisses_payroll.schemas import (
    AemOut,
    CivilStatusIn,
    CivilStatusOut,
    DpaeCreate,
    EngagementOut,
    EngagementPage,
    IntermittentOut,
    IntermittentPage,
    IntermittentProfileIn,
    PayrollExportCreate,
    PayrollExportOut,
    PayrollExportPage,
    PayrollIdentityIn,
    PayrollIdentityOut,
    PayrollLineOut,
    PayrollMonthlyReportPage,
    PayrollMonthlyReportRow,
    PayrollMonthlyTotal,
    PayrollPersonMonthOut,
    PayrollProjectAmount,
    PayrollProjectBudgetIn,
    PayrollProjectBudgetOut,
    PayrollProjectIdentityIn,
    PayrollProjectIdentityOut,
    PayrollProjectIdentityPage,
    PayrollProjectRecapPage,
    PayrollProjectRecapRow,
    PayrollRulesOut,
    PayrollRuleVersionCreate,
    PayrollRuleVersionOut,
    TimesheetBulkResult,
    TimesheetBulkValidate,
    TimesheetCorrection,
    TimesheetEventOut,
    TimesheetHistoryPage,
    TimesheetLineOut,
    TimesheetPage,
    TimesheetUpdate,
)
from coulisses_sdk import (
    Listing,
    ListParams,
    Principal,
    account_user_id,
    current_principal,
    get_project,
    get_user,
    require_role,
)

# The error catalog test resolves codes through PluginError's defining module.
from coulisses_sdk.web import PluginError

MONTHLY = Listing(
    sorts={
        "user_id": "user_id",
        "currency": "currency",
        "name": "name",
        "employment_type": "employment_type",
        "planned_minutes": "planned_minutes",
        "confirmed_minutes": "confirmed_minutes",
        "actual_minutes": "actual_minutes",
        "gross_cents": "gross_cents",
        "cachets": "cachets",
        "night_minutes": "night_minutes",
        "sunday_minutes": "sunday_minutes",
        "holiday_minutes": "holiday_minutes",
        "overtime_minutes": "overtime_minutes",
    },
    default="name",
    item=PayrollMonthlyReportRow,
    key=("user_id", "currency"),
)


TIMESHEETS = Listing(
    sorts={
        "id": "id",
        "planned_start": "planned_start",
        "user_name": "user_name",
        "mission_title": "mission_title",
        "status": "status",
    },
    default="planned_start",
    item=TimesheetLineOut,
)
EXPORTS = Listing(
    sorts={"id": "id", "created_at": "created_at", "month": "month", "status": "status"},
    default="-created_at",
    item=PayrollExportOut,
)
INTERMITTENTS = Listing(
    sorts={
        "missing_minutes": "missing_minutes",
        "total_minutes": "total_minutes",
        "name": "name",
        "annexe": "annexe",
        "user_id": "user_id",
    },
    default="-missing_minutes",
    item=IntermittentOut,
    key=("user_id",),
)
ENGAGEMENTS = Listing(
    sorts={
        "first_start": "first_start",
        "name": "name",
        "project_name": "project_name",
        "user_id": "user_id",
        "project_id": "project_id",
    },
    default="first_start",
    item=EngagementOut,
    key=("first_start", "user_id", "project_id"),
)
PROJECT_RECAP = Listing(
    sorts={
        "project_id": "project_id",
        "currency": "currency",
        "name": "name",
        "planned_minutes": "planned_minutes",
        "confirmed_minutes": "confirmed_minutes",
        "gross_cents": "gross_cents",
        "forecast_cents": "forecast_cents",
        "margin_cents": "margin_cents",
    },
    default="name",
    item=PayrollProjectRecapRow,
    key=("project_id", "currency"),
)
PROJECT_IDENTITIES = Listing(
    sorts={"project_id": "project_id", "numero_objet": "numero_objet"},
    default="project_id",
    item=PayrollProjectIdentityOut,
    key=("project_id",),
)
HISTORY = Listing(sorts={"id": "id", "at": "at"}, default="id", item=TimesheetEventOut)


def _org(request: Request[Any, Any, Any]) -> int:
    return current_principal(request).org_id


def _user_not_found() -> PluginError:
    return PluginError("payroll.user_not_found", "No such user", status=404)


async def _visible_user(principal: Principal, user_id: int | None) -> int | None:
    """The user filter the caller may use: a tech is always restricted to their own user."""
    if user_id is not None and await get_user(principal.org_id, user_id) is None:
        raise _user_not_found()
    if principal.role != "tech":
        return user_id
    own = await account_user_id(principal.org_id, principal.account_id)
    if user_id is not None and user_id != own:
        raise PluginError(
            "payroll.own_lines_only", "A tech sees only their own pay lines", status=403
        )
    # -1: a tech without a linked user sees nothing (no user has that id).
    return own if own is not None else -1


def _row(person: report.PersonMonth, names: dict[int, str]) -> PayrollMonthlyReportRow:
    return PayrollMonthlyReportRow(
        user_id=person.user_id,
        name=person.name,
        employment_type=person.employment_type,
        currency=person.currency,
        planned_minutes=person.planned_minutes,
        confirmed_minutes=person.confirmed_minutes,
        actual_minutes=person.actual_minutes,
        missing_rate=person.missing_rate,
        gross_cents=person.gross_cents,
        projects=[
            PayrollProjectAmount(
                project_id=project_id, name=names.get(project_id, ""), gross_cents=f.gross_cents
            )
            for project_id, f in sorted(person.projects.items())
        ],
        **report.by_kind(person),
    )


async def _project_names(org_id: int, people: list[report.PersonMonth]) -> dict[int, str]:
    """The names of the projects the people worked on (one read per project)."""
    names: dict[int, str] = {}
    for project_id in sorted({p for person in people for p in person.projects}):
        project = await get_project(org_id, project_id)
        names[project_id] = project.name if project is not None else ""
    return names


def _total(total: report.PersonMonth) -> PayrollMonthlyTotal:
    return PayrollMonthlyTotal(
        currency=total.currency,
        planned_minutes=total.planned_minutes,
        confirmed_minutes=total.confirmed_minutes,
        actual_minutes=total.actual_minutes,
        missing_rate=total.missing_rate,
        gross_cents=total.gross_cents,
        **report.by_kind(total),
    )


def _times(source: report.TimeSource) -> dict[str, Any]:
    """How the line's times were chosen, for the "how this was computed" panel."""
    if source.source == "actual":
        text = "validated actual times (timesheet)"
        if source.break_minutes:
            text += f", {source.break_minutes} break minutes taken off"
    else:
        text = "planned times of the mission (no validated timesheet line)"
    return {
        "source": source.source,
        "start": source.start.isoformat(),
        "end": source.end.isoformat(),
        "break_minutes": source.break_minutes,
        "text": text,
    }


def _line(line: PayLine, sources: dict[int, report.TimeSource]) -> PayrollLineOut:
    assignment_id = int(line.assignment_id) if line.assignment_id is not None else None
    source = sources.get(assignment_id) if assignment_id is not None else None
    explanation = line.explanation.model_dump(mode="json")
    if source is not None:
        explanation["times"] = _times(source)
    return PayrollLineOut(
        kind=line.kind.value,
        assignment_id=assignment_id,
        week_start=line.week_start,
        tier=line.tier,
        minutes=line.minutes,
        unit=line.unit,
        quantity=str(line.quantity),
        rate_cents=line.rate_cents,
        premium_pct=str(line.premium_pct) if line.premium_pct is not None else None,
        amount_cents=line.amount_cents,
        currency=line.currency,
        source=source.source if source is not None else None,
        rule_set=line.rule_set.model_dump(mode="json"),
        explanation=explanation,
    )


class RulesController(Controller):
    """The org's pay rule versions (seeded from its profile on first read)."""

    path = "/rules"

    @get("/", operation_id="PayrollGetRules", guards=[require_role("manager")])
    async def get_rules(
        self,
        request: Request[Any, Any, Any],
        profile: FromQuery[Profile | None] = None,
    ) -> PayrollRulesOut:
        """Every version of the org's rules for a profile (default: the configured one)."""
        return await service.get_rules(_org(request), profile)

    @post(
        "/",
        operation_id="PayrollAddRuleVersion",
        status_code=201,
        guards=[require_role("admin")],
        responses={
            409: ResponseSpec(
                None, description="payroll.version_not_latest, payroll.duplicate_version"
            ),
        },
    )
    async def add_version(
        self, request: Request[Any, Any, Any], data: Annotated[PayrollRuleVersionCreate, Body()]
    ) -> PayrollRuleVersionOut:
        """Add a version taking effect after the latest one of its employment type."""
        principal = current_principal(request)
        return await service.add_version(principal.org_id, principal.account_id, data)


class ReportsController(Controller):
    """Monthly hours and gross pay per person."""

    path = "/reports"
    guards = [require_role("tech")]

    @get(
        "/monthly",
        operation_id="PayrollMonthlyReport",
        dependencies={"listing": MONTHLY.dependency()},
    )
    async def monthly(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        month: FromQuery[str],
        project: FromQuery[int | None] = None,
        user: FromQuery[int | None] = None,
        employment_type: Annotated[
            str | None,
            QueryParameter(description="CDI, CDD, Intermittent or Freelance (the core's)"),
        ] = None,
    ) -> PayrollMonthlyReportPage:
        """Per person: planned and confirmed minutes, cachets, premium minutes, gross by
        line kind and by project; totals per currency. Filters combine (``project``,
        ``user``, ``employment_type``)."""
        principal = current_principal(request)
        kind = report.parse_employment_type(employment_type)
        user_id = await _visible_user(principal, user)
        if project is not None and await get_project(principal.org_id, project) is None:
            raise PluginError("payroll.project_not_found", "No such project", status=404)
        found = await report.monthly(
            principal.org_id,
            month,
            user_id=user_id,
            project_id=project,
            employment_type=kind,
            lines=False,
        )
        names = await _project_names(principal.org_id, found.people)
        rows = MONTHLY.sort_in_memory([_row(p, names) for p in found.people], listing)
        listing.check_page(len(rows))
        return listing.page_of(
            PayrollMonthlyReportPage,
            rows[listing.offset : listing.offset + listing.page_size],
            len(rows),
            month=found.month.label,
            timezone=found.month.timezone,
            totals=[_total(t) for t in report.totals(found.people).values()],
        )

    @get(
        "/projects",
        operation_id="PayrollProjectRecap",
        guards=[require_role("manager")],
        dependencies={"listing": PROJECT_RECAP.dependency()},
    )
    async def projects(
        self, request: Request[Any, Any, Any], listing: ListParams, month: FromQuery[str]
    ) -> PayrollProjectRecapPage:
        """Per project with work in the month: planned and confirmed minutes, gross pay,
        the forecast over the project's dates against its budget (margin, ``over_budget``);
        the org's totals per currency."""
        found = await budgets.recap(_org(request), month)
        rows = PROJECT_RECAP.sort_in_memory(found.items, listing)
        listing.check_page(len(rows))
        return listing.page_of(
            PayrollProjectRecapPage,
            rows[listing.offset : listing.offset + listing.page_size],
            len(rows),
            month=found.month,
            timezone=found.timezone,
            totals=found.totals,
        )

    @get("/monthly/{user_id:int}", operation_id="PayrollMonthlyPerson")
    async def person(
        self,
        request: Request[Any, Any, Any],
        user_id: FromPath[int],
        month: FromQuery[str],
        project: FromQuery[int | None] = None,
    ) -> PayrollPersonMonthOut:
        """One person's month: every pay line with how it was computed."""
        principal = current_principal(request)
        await _visible_user(principal, user_id)
        user = await get_user(principal.org_id, user_id)
        if user is None:
            raise _user_not_found()
        if project is not None and await get_project(principal.org_id, project) is None:
            raise PluginError("payroll.project_not_found", "No such project", status=404)
        found = await report.monthly(principal.org_id, month, user_id=user_id, project_id=project)
        lines = [line for p in found.people for line in p.lines]
        totals: dict[str, int] = {}
        for line in lines:
            totals[line.currency] = totals.get(line.currency, 0) + line.amount_cents
        return PayrollPersonMonthOut(
            user_id=user_id,
            name=user.name,
            month=found.month.label,
            timezone=found.month.timezone,
            planned_minutes=sum(p.planned_minutes for p in found.people),
            confirmed_minutes=sum(p.confirmed_minutes for p in found.people),
            actual_minutes=sum(p.actual_minutes for p in found.people),
            missing_rate=sum(p.missing_rate for p in found.people),
            totals=totals,
            lines=[_line(line, found.sources) for line in lines],
        )


async def _caller(request: Request[Any, Any, Any]) -> timesheets.Caller:
    principal = current_principal(request)
    return timesheets.Caller(
        principal, await account_user_id(principal.org_id, principal.account_id)
    )


class TimesheetsController(Controller):
    """Planned vs actual times of each ACCEPTED assignment, validated by a manager."""

    path = "/timesheets"
    guards = [require_role("tech")]

    @get(
        "/",
        operation_id="PayrollListTimesheets",
        dependencies={"listing": TIMESHEETS.dependency()},
    )
    async def list_lines(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        day: FromQuery[dt.date | None] = None,
        days: Annotated[int | None, QueryParameter(ge=1, le=31)] = None,
        project: FromQuery[int | None] = None,
        user: FromQuery[int | None] = None,
        status: FromQuery[Literal["draft", "submitted", "validated"] | None] = None,
    ) -> TimesheetPage:
        """The lines of the missions starting on ``day`` (org-local, default today) and the
        ``days - 1`` days before it (``days``: 1 to 31, default 1 with ``day``, else 7).
        A tech sees only their own lines."""
        caller = await _caller(request)
        principal = caller.principal
        user_id = await _visible_user(principal, user)
        if project is not None and await get_project(principal.org_id, project) is None:
            raise PluginError("payroll.project_not_found", "No such project", status=404)
        zone = await timesheets.org_zone(principal.org_id)
        last = day if day is not None else dt.datetime.now(zone).date()
        count = days if days is not None else (1 if day is not None else 7)
        first = last - dt.timedelta(days=count - 1)
        lines = await timesheets.list_lines(
            caller, first, last, user_id=user_id, project_id=project, status=status
        )
        rows = TIMESHEETS.sort_in_memory(lines, listing)
        listing.check_page(len(rows))
        return listing.page_of(
            TimesheetPage,
            rows[listing.offset : listing.offset + listing.page_size],
            len(rows),
            timezone=str(zone),
            from_day=first,
            to_day=last,
        )

    @get("/{assignment_id:int}", operation_id="PayrollGetTimesheet")
    async def get_line(
        self, request: Request[Any, Any, Any], assignment_id: FromPath[int]
    ) -> TimesheetLineOut:
        """The line of one ACCEPTED assignment (made on first read)."""
        return await timesheets.get_line(await _caller(request), assignment_id)

    @patch(
        "/{assignment_id:int}",
        operation_id="PayrollUpdateTimesheet",
        responses={409: ResponseSpec(None, description="payroll.timesheet_locked")},
    )
    async def update_line(
        self,
        request: Request[Any, Any, Any],
        assignment_id: FromPath[int],
        data: Annotated[TimesheetUpdate, Body()],
    ) -> TimesheetLineOut:
        """Enter or change actual times, breaks, comment (own line, or a manager's);
        refused once validated."""
        return await timesheets.update_line(await _caller(request), assignment_id, data)

    @post(
        "/{assignment_id:int}/validate",
        operation_id="PayrollValidateTimesheet",
        status_code=200,
        guards=[require_role("manager")],
        responses={409: ResponseSpec(None, description="payroll.timesheet_locked")},
    )
    async def validate_line(
        self, request: Request[Any, Any, Any], assignment_id: FromPath[int]
    ) -> TimesheetLineOut:
        """Validate (lock) one line; without actual times the planned ones are confirmed."""
        return await timesheets.validate_line(await _caller(request), assignment_id)

    @post(
        "/validate",
        operation_id="PayrollBulkValidateTimesheets",
        status_code=200,
        guards=[require_role("manager")],
    )
    async def bulk_validate(
        self, request: Request[Any, Any, Any], data: Annotated[TimesheetBulkValidate, Body()]
    ) -> TimesheetBulkResult:
        """Validate a day and/or a project's lines, or a list of them: all or nothing."""
        return await timesheets.bulk_validate(await _caller(request), data)

    @post(
        "/{assignment_id:int}/correct",
        operation_id="PayrollCorrectTimesheet",
        status_code=200,
        guards=[require_role("manager")],
        responses={409: ResponseSpec(None, description="payroll.timesheet_not_validated")},
    )
    async def correct_line(
        self,
        request: Request[Any, Any, Any],
        assignment_id: FromPath[int],
        data: Annotated[TimesheetCorrection, Body()],
    ) -> TimesheetLineOut:
        """Correct a validated line with a reason: it stays validated, the history keeps
        the values before and after."""
        return await timesheets.correct_line(await _caller(request), assignment_id, data)

    @get(
        "/{assignment_id:int}/history",
        operation_id="PayrollTimesheetHistory",
        dependencies={"listing": HISTORY.dependency()},
    )
    async def history(
        self, request: Request[Any, Any, Any], listing: ListParams, assignment_id: FromPath[int]
    ) -> TimesheetHistoryPage:
        """Every change of the line (who, when, before/after, reason), oldest first."""
        events = await timesheets.history(await _caller(request), assignment_id)
        return listing.window(TimesheetHistoryPage, HISTORY.sort_in_memory(events, listing))


def _export(row: dict[str, Any]) -> PayrollExportOut:
    expired = exports.expired(row)
    ready = row["status"] == "done" and not expired
    return PayrollExportOut(
        id=row["id"],
        kind=row["kind"],
        format=row["format"],
        month=row["month"],
        project_id=row["project_id"],
        user_id=row["user_id"],
        excel_fr=row["excel_fr"],
        status=row["status"],
        progress=row["progress"],
        error_code=row["error_code"],
        content_type=row["content_type"],
        filename=row["filename"],
        size=row["size"],
        created_by=row["created_by"],
        created_at=row["created_at"],
        finished_at=row["finished_at"],
        expires_at=row["expires_at"],
        expired=expired,
        download_url=f"/api/v1/payroll/exports/{row['id']}/download" if ready else None,
    )


class ExportsController(Controller):
    """Files of a month (CSV, XLSX, PDF) made by a job and kept 7 days.

    Managers and above export anything of the org; a tech only their own statement. A
    member lists and downloads their own exports, admins and owners every export of the
    org; anyone else's is a 404.
    """

    path = "/exports"
    guards = [require_role("tech")]

    @post(
        "/",
        operation_id="PayrollCreateExport",
        status_code=202,
        responses={
            403: ResponseSpec(None, description="payroll.export_forbidden"),
            422: ResponseSpec(None, description="payroll.export_format_unsupported"),
        },
    )
    async def create(
        self, request: Request[Any, Any, Any], data: Annotated[PayrollExportCreate, Body()]
    ) -> PayrollExportOut:
        """Queue an export of ``month`` (optionally one project's, one person's): 202 with
        its id and status ``queued``; poll it, then download it."""
        ask = exports.ExportAsk(
            kind=data.kind,
            format=data.format,
            month=data.month,
            project_id=data.project,
            user_id=data.user,
            excel_fr=data.excel_fr,
        )
        return _export(await exports.create(current_principal(request), ask))

    @get(
        "/",
        operation_id="PayrollListExports",
        dependencies={"listing": EXPORTS.dependency()},
    )
    async def list_exports(
        self, request: Request[Any, Any, Any], listing: ListParams
    ) -> PayrollExportPage:
        """The caller's exports, newest first (every export of the org for admins)."""
        rows = await exports.listing(current_principal(request))
        return listing.window(
            PayrollExportPage, EXPORTS.sort_in_memory([_export(r) for r in rows], listing)
        )

    @get("/{export_id:int}", operation_id="PayrollGetExport")
    async def get_export(
        self, request: Request[Any, Any, Any], export_id: FromPath[int]
    ) -> PayrollExportOut:
        """One export: its status and progress (0 to 100)."""
        return _export(await exports.visible(current_principal(request), export_id))

    @get(
        "/{export_id:int}/download",
        operation_id="PayrollDownloadExport",
        responses={
            409: ResponseSpec(None, description="payroll.export_not_ready"),
            410: ResponseSpec(None, description="payroll.export_expired"),
        },
    )
    async def download(
        self, request: Request[Any, Any, Any], export_id: FromPath[int]
    ) -> Response[bytes]:
        """The file, as an attachment."""
        row, content = await exports.download(current_principal(request), export_id)
        return Response(
            content,
            media_type=row["content_type"],
            headers={
                "Content-Disposition": f'attachment; filename="{row["filename"]}"',
                "Cache-Control": "private, no-store",
            },
        )


class IdentityController(Controller):
    """The employer's legal identity (SIRET, APE, IDCC, licences) and the projects'
    numero d'objet, printed on AEMs and contracts. Managers read, admins edit the org's,
    managers a project's."""

    path = "/"
    guards = [require_role("manager")]

    @get("/identity", operation_id="PayrollGetIdentity")
    async def get_identity(self, request: Request[Any, Any, Any]) -> PayrollIdentityOut:
        """The org's identity (empty fields until set); ``missing`` lists what an AEM or a
        contract still needs."""
        return await identity.get_identity(_org(request))

    @put(
        "/identity",
        operation_id="PayrollPutIdentity",
        guards=[require_role("admin")],
        responses={
            422: ResponseSpec(
                None,
                description="payroll.siret_format, payroll.siret_checksum, "
                "payroll.ape_format, payroll.idcc_format, payroll.licence_duplicate",
            )
        },
    )
    async def put_identity(
        self, request: Request[Any, Any, Any], data: Annotated[PayrollIdentityIn, Body()]
    ) -> PayrollIdentityOut:
        """Replace the org's identity (every field); checked and normalised first."""
        return await identity.put_identity(current_principal(request), data)

    @get(
        "/projects/identity",
        operation_id="PayrollListProjectIdentities",
        dependencies={"listing": PROJECT_IDENTITIES.dependency()},
    )
    async def list_project_identities(
        self, request: Request[Any, Any, Any], listing: ListParams
    ) -> PayrollProjectIdentityPage:
        """The projects that have a numero d'objet, by project id."""
        rows = await identity.project_identities(_org(request))
        return listing.window(
            PayrollProjectIdentityPage, PROJECT_IDENTITIES.sort_in_memory(rows, listing)
        )

    @get("/projects/{project_id:int}/identity", operation_id="PayrollGetProjectIdentity")
    async def get_project_identity(
        self, request: Request[Any, Any, Any], project_id: FromPath[int]
    ) -> PayrollProjectIdentityOut:
        """A project's numero d'objet (null until set)."""
        return await identity.get_project_identity(_org(request), project_id)

    @put(
        "/projects/{project_id:int}/identity",
        operation_id="PayrollPutProjectIdentity",
        responses={422: ResponseSpec(None, description="payroll.numero_objet_format")},
    )
    async def put_project_identity(
        self,
        request: Request[Any, Any, Any],
        project_id: FromPath[int],
        data: Annotated[PayrollProjectIdentityIn, Body()],
    ) -> PayrollProjectIdentityOut:
        """Set or clear a project's numero d'objet."""
        return await identity.put_project_identity(current_principal(request), project_id, data)

    @get("/projects/{project_id:int}/budget", operation_id="PayrollGetProjectBudget")
    async def get_project_budget(
        self, request: Request[Any, Any, Any], project_id: FromPath[int]
    ) -> PayrollProjectBudgetOut:
        """A project's budget for its crew's gross pay (null until set)."""
        return await budgets.get_budget(_org(request), project_id)

    @put("/projects/{project_id:int}/budget", operation_id="PayrollPutProjectBudget")
    async def put_project_budget(
        self,
        request: Request[Any, Any, Any],
        project_id: FromPath[int],
        data: Annotated[PayrollProjectBudgetIn, Body()],
    ) -> PayrollProjectBudgetOut:
        """Set a project's budget (cents and currency), or clear it with a null amount."""
        return await budgets.put_budget(current_principal(request), project_id, data)


class IntermittentsController(Controller):
    """The 507 h tracker: hours and cachets of each intermittent over the rolling window.

    Managers and above see everyone and edit profiles; a tech sees only their own count.
    """

    path = "/intermittents"
    guards = [require_role("tech")]

    @get(
        "/",
        operation_id="PayrollListIntermittents",
        dependencies={"listing": INTERMITTENTS.dependency()},
        responses={422: ResponseSpec(None, description="payroll.no_rule_set")},
    )
    async def list_intermittents(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        as_of: FromQuery[dt.date | None] = None,
        short: FromQuery[bool | None] = None,
    ) -> IntermittentPage:
        """Every intermittent's count on ``as_of`` (org-local, default today), the shortest
        of the threshold first; ``short=true`` keeps those who have not reached it."""
        principal = current_principal(request)
        own = await _visible_user(principal, None)
        day, counts = await intermittents.track(principal.org_id, as_of, user_id=own)
        rows = [count.out() for count in counts]
        if short is not None:
            rows = [row for row in rows if row.reached != short]
        rows = INTERMITTENTS.sort_in_memory(rows, listing)
        listing.check_page(len(rows))
        return listing.page_of(
            IntermittentPage,
            rows[listing.offset : listing.offset + listing.page_size],
            len(rows),
            as_of=day,
        )

    @get(
        "/{user_id:int}",
        operation_id="PayrollGetIntermittent",
        responses={
            422: ResponseSpec(None, description="payroll.no_rule_set, payroll.not_intermittent")
        },
    )
    async def get_intermittent(
        self,
        request: Request[Any, Any, Any],
        user_id: FromPath[int],
        as_of: FromQuery[dt.date | None] = None,
    ) -> IntermittentOut:
        """One intermittent's count with every assignment it counts."""
        principal = current_principal(request)
        await _visible_user(principal, user_id)
        return await intermittents.person(principal.org_id, user_id, as_of)

    @put(
        "/{user_id:int}",
        operation_id="PayrollPutIntermittent",
        guards=[require_role("manager")],
        responses={422: ResponseSpec(None, description="payroll.not_intermittent")},
    )
    async def put_intermittent(
        self,
        request: Request[Any, Any, Any],
        user_id: FromPath[int],
        data: Annotated[IntermittentProfileIn, Body()],
    ) -> IntermittentOut:
        """Set the annexe and the hours declared elsewhere."""
        return await intermittents.update_profile(current_principal(request), user_id, data)

    @get(
        "/{user_id:int}/civil-status",
        operation_id="PayrollGetCivilStatus",
        responses={422: ResponseSpec(None, description="payroll.not_intermittent")},
    )
    async def get_civil_status(
        self, request: Request[Any, Any, Any], user_id: FromPath[int]
    ) -> CivilStatusOut:
        """The civil status the AEM and the CDDU contract print (a tech: their own)."""
        principal = current_principal(request)
        await _visible_user(principal, user_id)
        return await civil_status.get(principal.org_id, user_id)

    @put(
        "/{user_id:int}/civil-status",
        operation_id="PayrollPutCivilStatus",
        guards=[require_role("manager")],
        responses={
            422: ResponseSpec(
                None, description="payroll.not_intermittent, payroll.invalid_birth_date"
            )
        },
    )
    async def put_civil_status(
        self,
        request: Request[Any, Any, Any],
        user_id: FromPath[int],
        data: Annotated[CivilStatusIn, Body()],
    ) -> CivilStatusOut:
        """Replace the civil status (audited by field names, never values)."""
        return await civil_status.put(current_principal(request), user_id, data)


class EngagementsController(Controller):
    """CDDU engagements of intermittents and their DPAE reminders (managers and above)."""

    path = "/"
    guards = [require_role("manager")]

    @get(
        "/engagements",
        operation_id="PayrollListEngagements",
        dependencies={"listing": ENGAGEMENTS.dependency()},
        responses={422: ResponseSpec(None, description="payroll.no_rule_set")},
    )
    async def list_engagements(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        from_day: Annotated[dt.date | None, QueryParameter(name="from")] = None,
        to_day: Annotated[dt.date | None, QueryParameter(name="to")] = None,
        project: FromQuery[int | None] = None,
        user: FromQuery[int | None] = None,
        dpae: FromQuery[Literal["not_yet_open", "to_declare", "overdue", "declared"] | None] = None,
    ) -> EngagementPage:
        """The engagements running from ``from`` to ``to`` (org-local days, default: 30
        days ago to 60 days ahead, at most 366 days), by first start; ``dpae`` keeps one
        status (``overdue``: the reminders to act on)."""
        principal = current_principal(request)
        if project is not None and await get_project(principal.org_id, project) is None:
            raise PluginError("payroll.project_not_found", "No such project", status=404)
        if user is not None and await get_user(principal.org_id, user) is None:
            raise _user_not_found()
        today = await service.org_today(principal.org_id)
        first = from_day or today - dt.timedelta(days=30)
        last = to_day or today + dt.timedelta(days=60)
        engagements.check_window(first, last)
        found = await engagements.engagements(
            principal.org_id, first, last, user_id=user, project_id=project
        )
        if dpae is not None:
            found = [e for e in found if e.dpae.status == dpae]
        rows = ENGAGEMENTS.sort_in_memory(found, listing)
        listing.check_page(len(rows))
        return listing.page_of(
            EngagementPage,
            rows[listing.offset : listing.offset + listing.page_size],
            len(rows),
            from_day=first,
            to_day=last,
        )

    @post(
        "/dpae",
        operation_id="PayrollDeclareDpae",
        status_code=201,
        responses={
            409: ResponseSpec(None, description="payroll.dpae_already_declared"),
            422: ResponseSpec(None, description="payroll.no_engagement"),
        },
    )
    async def declare_dpae(
        self, request: Request[Any, Any, Any], data: Annotated[DpaeCreate, Body()]
    ) -> EngagementOut:
        """Record that an engagement's DPAE was filed (date, URSSAF reference)."""
        return await engagements.declare(current_principal(request), data)

    @delete("/dpae/{dpae_id:int}", operation_id="PayrollRemoveDpae", status_code=204)
    async def remove_dpae(self, request: Request[Any, Any, Any], dpae_id: FromPath[int]) -> None:
        """Remove a DPAE record entered by mistake."""
        await engagements.undeclare(current_principal(request), dpae_id)


def _attachment(content: bytes, media_type: str, filename: str) -> Response[bytes]:
    return Response(
        content,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "private, no-store",
        },
    )


class CdduController(Controller):
    """CDDU contracts (PDF) of engagements, the AEM lines of a month and their Conges
    Spectacles base. Managers and above; a tech reads their own contracts only."""

    path = "/"
    guards = [require_role("tech")]

    @get(
        "/engagements/contract.pdf",
        operation_id="PayrollEngagementContract",
        media_type="application/pdf",
        responses={
            403: ResponseSpec(None, description="payroll.own_lines_only"),
            404: ResponseSpec(None, description="payroll.engagement_not_found"),
            409: ResponseSpec(None, description="payroll.contract_missing_data"),
        },
    )
    async def contract(
        self,
        request: Request[Any, Any, Any],
        user: FromQuery[int],
        project: FromQuery[int],
        first_day: FromQuery[dt.date],
    ) -> Response[bytes]:
        """The CDDU contract of the engagement of ``user`` on ``project`` starting
        ``first_day`` (org-local); 409 with ``details.missing`` while the employer's
        identity, a licence, the numero d'objet or a rate is missing."""
        principal = current_principal(request)
        await _visible_user(principal, user)
        if await get_project(principal.org_id, project) is None:
            raise PluginError("payroll.project_not_found", "No such project", status=404)
        content, filename = await cddu.contract_pdf(principal.org_id, user, project, first_day)
        return _attachment(content, cddu.PDF_TYPE, filename)

    @get(
        "/aem",
        operation_id="PayrollListAem",
        guards=[require_role("manager")],
        responses={400: ResponseSpec(None, description="payroll.invalid_month")},
    )
    async def list_aem(self, request: Request[Any, Any, Any], month: FromQuery[str]) -> AemOut:
        """The AEM lines of ``month`` (``YYYY-MM``): one per intermittent x engagement with
        work that month, with the Conges Spectacles base; ``employer_missing`` lists what
        the employer's identity still lacks for the files."""
        return await cddu.aem(_org(request), month)

    @get(
        "/aem/file",
        operation_id="PayrollAemFile",
        guards=[require_role("manager")],
        responses={
            409: ResponseSpec(None, description="payroll.aem_missing_data, payroll.aem_guso"),
        },
    )
    async def aem_file(
        self,
        request: Request[Any, Any, Any],
        month: FromQuery[str],
        format: FromQuery[Literal["csv", "pdf"]] = "csv",
        excel_fr: FromQuery[bool] = True,
    ) -> Response[bytes]:
        """The AEM lines of ``month`` as CSV (Excel FR by default) or a summary PDF."""
        org_id = _org(request)
        if format == "pdf":
            content, filename = await cddu.aem_pdf(org_id, month)
            return _attachment(content, cddu.PDF_TYPE, filename)
        content, filename = await cddu.aem_csv(org_id, month, excel_fr=excel_fr)
        return _attachment(content, cddu.CSV_TYPE, filename)


CONTROLLERS = [
    RulesController,
    ReportsController,
    TimesheetsController,
    ExportsController,
    IdentityController,
    IntermittentsController,
    EngagementsController,
    CdduController,
]
