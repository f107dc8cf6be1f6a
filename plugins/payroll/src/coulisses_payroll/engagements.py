"""CDDU engagements of intermittents and their DPAE reminders.

An engagement: one intermittent's ACCEPTED assignments (not reserves) on one project, in
start order, as long as each starts at most ``engagement_gap_days`` org-local days after
the last day of the one before (the plugin config; 1 by default: consecutive days, a free
day in between starts a new engagement). A CDDU per engagement, a DPAE per engagement
(PAYROLL_FR.md 2).

The DPAE of an engagement: filed with URSSAF no earlier than ``dpae_window_days`` (8,
uncertain) before its first start (rule version of ``intermittent_a8`` in force on its first
day) and at the latest when work starts. A manager records it (date, URSSAF reference): the
record belongs to the person, the project and the first day, so an engagement whose first
day moves needs a new one. Status against now: ``not_yet_open``, ``to_declare``,
``overdue`` (started, nothing recorded), ``declared``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from coulisses_payroll.config import load_config
from coulisses_payroll.rules import EmploymentType, RuleHistory
from coulisses_payroll.schemas import DpaeCreate, DpaeOut, DpaeStatus, EngagementOut
from coulisses_payroll.service import check_day, org_today, resolve_profile, version_in_force
from coulisses_payroll.service import history as rule_history
from coulisses_payroll.tables import DpaeDeclaration
from coulisses_sdk import (
    AssignmentSummary,
    Principal,
    get_mission,
    get_project,
    get_user,
    iter_assignments,
    org_info,
    record_audit,
)

# The error catalog test resolves codes through PluginError's defining module.
from coulisses_sdk.web import PluginError

INTERMITTENT = "Intermittent"
#: Assignments this long before and after the window are read too, so that an engagement
#: running across one of its ends is whole (a longer chain of daily missions is cut there).
_MARGIN = dt.timedelta(days=62)
#: The longest window one read covers.
MAX_DAYS = 366


@dataclass
class _Engagement:
    user_id: int
    project_id: int
    first_start: dt.datetime
    last_end: dt.datetime
    first_day: dt.date
    last_day: dt.date
    assignments: list[AssignmentSummary] = field(default_factory=list)


def _local_day(instant: dt.datetime, zone: ZoneInfo) -> dt.date:
    return instant.astimezone(zone).date()


def _last_day(summary: AssignmentSummary, zone: ZoneInfo) -> dt.date:
    # An end at midnight belongs to the day before.
    return _local_day(summary.ends_at - dt.timedelta(microseconds=1), zone)


def group(
    summaries: list[tuple[AssignmentSummary, int]], zone: ZoneInfo, gap_days: int
) -> list[_Engagement]:
    """Engagements of (assignment, project id) pairs (see the module docstring)."""
    found: list[_Engagement] = []
    open_by_key: dict[tuple[int, int], _Engagement] = {}
    for summary, project_id in sorted(
        summaries, key=lambda p: (p[0].starts_at, p[0].assignment_id)
    ):
        key = (summary.user_id, project_id)
        first = _local_day(summary.starts_at, zone)
        current = open_by_key.get(key)
        if current is None or (first - current.last_day).days > gap_days:
            current = _Engagement(
                summary.user_id,
                project_id,
                summary.starts_at,
                summary.ends_at,
                first,
                _last_day(summary, zone),
            )
            open_by_key[key] = current
            found.append(current)
        current.assignments.append(summary)
        current.last_end = max(current.last_end, summary.ends_at)
        current.last_day = max(current.last_day, _last_day(summary, zone))
    return found


def _status(opens_at: dt.datetime, due_at: dt.datetime, now: dt.datetime) -> DpaeStatus:
    if now < opens_at:
        return "not_yet_open"
    return "to_declare" if now < due_at else "overdue"


async def _declarations(org_id: int) -> dict[tuple[int, int, dt.date], dict[str, Any]]:
    rows = await DpaeDeclaration.raw(
        "SELECT id, user_id, project_id, first_day, reference, declared_on "
        "FROM payroll_dpae WHERE org_id = {}",
        org_id,
    )
    return {(r["user_id"], r["project_id"], r["first_day"]): r for r in rows}


async def _zone(org_id: int) -> ZoneInfo:
    info = await org_info(org_id)
    return ZoneInfo(info.timezone if info is not None else "Europe/Paris")


async def engagements(
    org_id: int,
    first: dt.date,
    last: dt.date,
    *,
    user_id: int | None = None,
    project_id: int | None = None,
    now: dt.datetime | None = None,
) -> list[EngagementOut]:
    """The engagements of the org's intermittents that run on a day from ``first`` to
    ``last`` (org-local, both included), by first start."""
    zone = await _zone(org_id)
    history: RuleHistory = await rule_history(org_id, await resolve_profile(org_id, None))
    gap_days = (await load_config(org_id)).engagement_gap_days
    start = dt.datetime.combine(first, dt.time(), zone)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone)

    people: dict[int, str | None] = {}
    projects: dict[int, int] = {}
    pairs: list[tuple[AssignmentSummary, int]] = []
    async for summary in iter_assignments(
        org_id,
        user_id=user_id,
        statuses=("ACCEPTED",),
        starts_after=start - _MARGIN,
        starts_before=end + _MARGIN,
    ):
        if summary.reserve:
            continue
        if summary.user_id not in people:
            user = await get_user(org_id, summary.user_id)
            intermittent = user is not None and user.employment_type == INTERMITTENT
            people[summary.user_id] = user.name if user is not None and intermittent else None
        if people[summary.user_id] is None:
            continue
        if summary.mission_id not in projects:
            mission = await get_mission(org_id, summary.mission_id)
            projects[summary.mission_id] = mission.project_id if mission is not None else 0
        project = projects[summary.mission_id]
        if project_id is not None and project != project_id:
            continue
        pairs.append((summary, project))

    declared = await _declarations(org_id)
    names: dict[int, str] = {}
    moment = now or dt.datetime.now(dt.UTC)
    found = []
    for engagement in group(pairs, zone, gap_days):
        if engagement.last_end <= start or engagement.first_start >= end:
            continue
        if engagement.project_id not in names:
            project_info = await get_project(org_id, engagement.project_id)
            names[engagement.project_id] = project_info.name if project_info else ""
        window = version_in_force(history, EmploymentType.INTERMITTENT_A8, engagement.first_day)
        opens_at = engagement.first_start - dt.timedelta(days=window.dpae_window_days.value)
        record = declared.get((engagement.user_id, engagement.project_id, engagement.first_day))
        dpae = DpaeOut(
            status="declared" if record else _status(opens_at, engagement.first_start, moment),
            opens_at=opens_at,
            due_at=engagement.first_start,
            id=record["id"] if record else None,
            declared_on=record["declared_on"] if record else None,
            reference=record["reference"] if record else None,
        )
        found.append(
            EngagementOut(
                user_id=engagement.user_id,
                name=people[engagement.user_id] or "",
                project_id=engagement.project_id,
                project_name=names[engagement.project_id],
                first_day=engagement.first_day,
                last_day=engagement.last_day,
                first_start=engagement.first_start,
                last_end=engagement.last_end,
                missions=len({a.mission_id for a in engagement.assignments}),
                assignment_ids=[a.assignment_id for a in engagement.assignments],
                planned_minutes=sum(a.duration_minutes for a in engagement.assignments),
                dpae=dpae,
            )
        )
    return found


def check_window(first: dt.date, last: dt.date) -> None:
    check_day(first, "from")
    check_day(last, "to")
    if last < first or (last - first).days >= MAX_DAYS:
        raise PluginError(
            "payroll.invalid_window",
            f"to must be on or after from, at most {MAX_DAYS} days later",
            status=400,
            details={"field": "to"},
        )


async def declare(principal: Principal, data: DpaeCreate) -> EngagementOut:
    """Record the DPAE of an engagement (409 if it has one, 422 if no engagement of that
    person on that project starts that day)."""
    org_id = principal.org_id
    check_day(data.first_day, "first_day")
    check_day(data.declared_on, "declared_on")
    if await get_user(org_id, data.user) is None:
        raise PluginError("payroll.user_not_found", "No such user", status=404)
    if await get_project(org_id, data.project) is None:
        raise PluginError("payroll.project_not_found", "No such project", status=404)
    found = [
        e
        for e in await engagements(
            org_id, data.first_day, data.first_day, user_id=data.user, project_id=data.project
        )
        if e.first_day == data.first_day
    ]
    if not found:
        raise PluginError(
            "payroll.no_engagement",
            "No engagement of this person on this project starts that day",
            status=422,
            details={"field": "first_day"},
        )
    declared_on = data.declared_on or await org_today(org_id)
    async with DpaeDeclaration._meta.db.transaction():
        rows = await DpaeDeclaration.raw(
            "INSERT INTO payroll_dpae "
            "(org_id, user_id, project_id, first_day, reference, declared_on, declared_by) "
            "VALUES ({}, {}, {}, {}, {}, {}, {}) "
            "ON CONFLICT (org_id, user_id, project_id, first_day) DO NOTHING RETURNING id",
            org_id,
            data.user,
            data.project,
            data.first_day,
            data.reference.strip(),
            declared_on,
            principal.account_id,
        )
        if not rows:
            raise PluginError(
                "payroll.dpae_already_declared",
                "This engagement's DPAE is already recorded",
                status=409,
                details={"field": "first_day"},
            )
        await record_audit(
            org_id,
            "payroll",
            "dpae_declared",
            actor_account_id=principal.account_id,
            target=f"user:{data.user}",
            payload={
                "project_id": data.project,
                "first_day": data.first_day.isoformat(),
                "reference": data.reference.strip(),
                "declared_on": declared_on.isoformat(),
            },
        )
    refreshed = await engagements(
        org_id, data.first_day, data.first_day, user_id=data.user, project_id=data.project
    )
    return next(e for e in refreshed if e.first_day == data.first_day)


async def undeclare(principal: Principal, declaration_id: int) -> None:
    """Remove a DPAE record (a mistake): the engagement shows as due again."""
    org_id = principal.org_id
    async with DpaeDeclaration._meta.db.transaction():
        rows = await DpaeDeclaration.raw(
            "DELETE FROM payroll_dpae WHERE org_id = {} AND id = {} "
            "RETURNING user_id, project_id, first_day, reference",
            org_id,
            declaration_id,
        )
        if not rows:
            raise PluginError(
                "payroll.dpae_not_found",
                "No such DPAE record",
                status=404,
                details={"dpae_id": declaration_id},
            )
        row = rows[0]
        await record_audit(
            org_id,
            "payroll",
            "dpae_removed",
            actor_account_id=principal.account_id,
            target=f"user:{row['user_id']}",
            payload={
                "project_id": row["project_id"],
                "first_day": row["first_day"].isoformat(),
                "reference": row["reference"],
            },
        )
