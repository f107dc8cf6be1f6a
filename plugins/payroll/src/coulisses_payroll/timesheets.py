"""Timesheets: planned vs actual times of each ACCEPTED assignment, and their validation.

What holds (``docs/payroll.md``, "Feuilles de temps", says the same in French):

- One line per ACCEPTED assignment (not a reserve), made the first time it is read or
  written. The planned times are the mission's, read through the SDK each time (never
  stored); the line stores the actual times (both or neither), the break minutes, a comment
  and its status: ``draft``, ``submitted`` (its own user entered them) or ``validated``.
- Rules on the values (422 ``payroll.timesheet_invalid_times``): whole minutes, end after
  start, at most 24 h, starting within 24 h of the planned start; the breaks must be shorter
  than the span they are taken from (the actual one, else the planned one)
  (422 ``payroll.timesheet_invalid_break``).
- A tech edits only their own lines (403 ``payroll.own_lines_only``); a manager any. A
  validated line is locked (409 ``payroll.timesheet_locked``): only a manager's correction,
  with a reason, changes it, and it stays validated (validated again by the corrector).
- Validating a line without actual times confirms the planned ones: they are copied into
  the line, so a validated line always holds the times pay uses. A bulk validation (a day
  and/or a project, or a list of ids) is all or nothing.
- Every change appends a row to ``payroll_timesheet_events`` (before/after, reason) and an
  entry to the org's audit log (``payroll.timesheet_*``), in the transaction of the change.

Errors are :class:`PluginError` with stable ``payroll.*`` codes; nothing is written when one
is raised.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from msgspec import UNSET

from coulisses_payroll.config import NAME
from coulisses_payroll.schemas import (
    TimesheetBulkResult,
    TimesheetBulkValidate,
    TimesheetCorrection,
    TimesheetEventOut,
    TimesheetLineOut,
    TimesheetUpdate,
)
from coulisses_payroll.tables import TimesheetEvent, TimesheetLine
from coulisses_sdk import (
    MissionInfo,
    Principal,
    get_assignment,
    get_mission,
    get_project,
    get_user,
    iter_assignments,
    iter_missions,
    org_info,
    record_audit,
)

# The error catalog test resolves codes through PluginError's defining module.
from coulisses_sdk.web import PluginError

DRAFT, SUBMITTED, VALIDATED = "draft", "submitted", "validated"
STATUSES = (DRAFT, SUBMITTED, VALIDATED)
#: The longest actual span of one line.
MAX_SPAN = dt.timedelta(hours=24)
#: How far the actual start may be from the planned start (a wrong day is a typo).
MAX_SHIFT = dt.timedelta(hours=24)
#: The most lines one bulk validation takes.
MAX_BULK = 1000
#: The fields of a line a change may touch (and the history records).
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
VALUE_FIELDS = ("actual_start", "actual_end", "break_minutes", "comment")


@dataclass(frozen=True)
class Planned:
    """An ACCEPTED assignment with its mission's times, as the core says now."""

    assignment_id: int
    user_id: int
    mission_id: int
    project_id: int
    mission_title: str
    role_name: str
    place: str
    timezone: str
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class Actual:
    """The validated actual times of a line, for pay."""

    start: dt.datetime
    end: dt.datetime
    break_minutes: int


@dataclass
class _Names:
    """Reads of one request, each done once."""

    org_id: int
    missions: dict[int, MissionInfo | None] = field(default_factory=dict)
    users: dict[int, str] = field(default_factory=dict)
    projects: dict[int, str] = field(default_factory=dict)

    async def mission(self, mission_id: int) -> MissionInfo | None:
        if mission_id not in self.missions:
            self.missions[mission_id] = await get_mission(self.org_id, mission_id)
        return self.missions[mission_id]

    async def user(self, user_id: int) -> str:
        if user_id not in self.users:
            user = await get_user(self.org_id, user_id)
            self.users[user_id] = user.name if user is not None else ""
        return self.users[user_id]

    async def project(self, project_id: int) -> str:
        if project_id not in self.projects:
            project = await get_project(self.org_id, project_id)
            self.projects[project_id] = project.name if project is not None else ""
        return self.projects[project_id]


def not_found(assignment_id: int) -> PluginError:
    return PluginError(
        "payroll.timesheet_not_found",
        "No timesheet line for this assignment: it is not an ACCEPTED assignment of this org",
        status=404,
        details={"assignment_id": assignment_id},
    )


def _own_lines_only() -> PluginError:
    return PluginError(
        "payroll.own_lines_only", "A tech sees and edits only their own lines", status=403
    )


def _locked(assignment_id: int) -> PluginError:
    return PluginError(
        "payroll.timesheet_locked",
        "The line is validated: only a manager's correction (with a reason) changes it",
        status=409,
        details={"assignment_id": assignment_id},
    )


def _invalid_times(rule: str, message: str, name: str = "actual_end") -> PluginError:
    return PluginError(
        "payroll.timesheet_invalid_times",
        message,
        status=422,
        details={"field": name, "rule": rule},
    )


async def org_zone(org_id: int) -> ZoneInfo:
    info = await org_info(org_id)
    return ZoneInfo(info.timezone if info is not None else "Europe/Paris")


def day_window(first: dt.date, last: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """From midnight of ``first`` to midnight after ``last``, org-local, in UTC."""
    start = dt.datetime.combine(first, dt.time(), tzinfo=zone)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def _planned_of(assignment_id: int, user_id: int, role_name: str, mission: MissionInfo) -> Planned:
    return Planned(
        assignment_id=assignment_id,
        user_id=user_id,
        mission_id=mission.mission_id,
        project_id=mission.project_id,
        mission_title=mission.title,
        role_name=role_name,
        place=mission.place,
        timezone=mission.timezone,
        start=mission.starts_at,
        end=mission.ends_at,
    )


async def planned(org_id: int, assignment_id: int, names: _Names | None = None) -> Planned:
    """The assignment's planned times, or 404 if it is not an ACCEPTED one of the org."""
    info = await get_assignment(org_id, assignment_id)
    if info is None or info.status != "ACCEPTED" or info.reserve:
        raise not_found(assignment_id)
    names = names or _Names(org_id)
    mission = await names.mission(info.mission_id)
    if mission is None:
        raise not_found(assignment_id)
    return _planned_of(assignment_id, info.user_id, info.role_name, mission)


async def planned_in_window(
    org_id: int,
    start: dt.datetime,
    end: dt.datetime,
    *,
    user_id: int | None = None,
    project_id: int | None = None,
    names: _Names | None = None,
) -> list[Planned]:
    """The ACCEPTED assignments (no reserves) whose mission starts in ``[start, end)``."""
    names = names or _Names(org_id)
    found: list[Planned] = []
    async for summary in iter_assignments(
        org_id, user_id=user_id, statuses=("ACCEPTED",), starts_after=start, starts_before=end
    ):
        if summary.reserve:
            continue
        mission = await names.mission(summary.mission_id)
        if mission is None or (project_id is not None and mission.project_id != project_id):
            continue
        found.append(
            _planned_of(summary.assignment_id, summary.user_id, summary.role_name, mission)
        )
    return found


_SELECT = (
    "SELECT * FROM payroll_timesheet_lines WHERE org_id = {} AND assignment_id = ANY({}) "
    "ORDER BY id"
)
_SELECT_FOR_UPDATE = _SELECT + " FOR UPDATE"

# --- Rows ----------------------------------------------------------------------------------


async def _ensure(org_id: int, lines: Sequence[Planned]) -> None:
    """Make the missing lines (two first reads at once make one: the unique key)."""
    if not lines:
        return
    await TimesheetLine.raw(
        "INSERT INTO payroll_timesheet_lines (org_id, assignment_id, user_id, mission_id) "
        "SELECT {}, a, u, m FROM unnest({}::integer[], {}::integer[], {}::integer[]) AS t(a, u, m) "
        "ON CONFLICT (org_id, assignment_id) DO NOTHING",
        org_id,
        [p.assignment_id for p in lines],
        [p.user_id for p in lines],
        [p.mission_id for p in lines],
    )


async def _rows(org_id: int, assignment_ids: Iterable[int], *, lock: bool) -> list[dict[str, Any]]:
    ids = sorted(set(assignment_ids))
    if not ids:
        return []
    sql = _SELECT_FOR_UPDATE if lock else _SELECT
    rows: list[dict[str, Any]] = await TimesheetLine.raw(sql, org_id, ids)
    return rows


def _json(values: dict[str, Any]) -> str:
    def plain(value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.astimezone(dt.UTC).isoformat()
        return value

    return json.dumps({k: plain(v) for k, v in values.items()})


def _changes(row: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    before = {k: row[k] for k, v in new.items() if row[k] != v}
    return before, {k: new[k] for k in before}


async def _write(
    org_id: int,
    actor: int,
    row: dict[str, Any],
    new: dict[str, Any],
    action: str,
    reason: str | None = None,
    *,
    audit: bool = True,
) -> dict[str, Any]:
    """Update the row with ``new`` and record the change; the caller holds the transaction."""
    before, after = _changes(row, new)
    now = dt.datetime.now(dt.UTC)
    values = {**new, "updated_by": actor, "updated_at": now}
    await TimesheetLine.update({getattr(TimesheetLine, k): v for k, v in values.items()}).where(
        TimesheetLine.id == row["id"]
    )
    await TimesheetEvent.raw(
        "INSERT INTO payroll_timesheet_events "
        "(org_id, line_id, assignment_id, actor, at, action, before, after, reason) "
        "VALUES ({}, {}, {}, {}, {}, {}, {}::jsonb, {}::jsonb, {})",
        org_id,
        row["id"],
        row["assignment_id"],
        actor,
        now,
        action,
        _json(before),
        _json(after),
        reason,
    )
    if audit:
        payload: dict[str, Any] = {"before": before, "after": after}
        if reason is not None:
            payload["reason"] = reason
        await record_audit(
            org_id,
            NAME,
            f"timesheet_{action}",
            actor_account_id=actor,
            target=f"assignment:{row['assignment_id']}",
            payload=payload,
        )
    return {**row, **values}


# --- Rules ---------------------------------------------------------------------------------


def check_values(values: dict[str, Any], line: Planned) -> None:
    """The rules of the module docstring on a line's would-be values."""
    start, end = values["actual_start"], values["actual_end"]
    if (start is None) != (end is None):
        missing = "actual_start" if start is None else "actual_end"
        raise _invalid_times(
            "both_or_neither", "actual_start and actual_end go together", name=missing
        )
    if start is not None and end is not None:
        for name, instant in (("actual_start", start), ("actual_end", end)):
            if instant.second or instant.microsecond:
                raise _invalid_times("whole_minutes", f"{name} is a whole minute", name=name)
        if end <= start:
            raise _invalid_times("end_after_start", "actual_end must come after actual_start")
        if end - start > MAX_SPAN:
            raise _invalid_times("at_most_24_hours", "an actual span lasts at most 24 hours")
        if abs(start - line.start) > MAX_SHIFT:
            raise _invalid_times(
                "near_planned",
                "actual_start must be within 24 hours of the planned start",
                name="actual_start",
            )
        span = end - start
    else:
        span = line.end - line.start
    if values["break_minutes"] * 60 >= span.total_seconds():
        raise PluginError(
            "payroll.timesheet_invalid_break",
            "The breaks must be shorter than the span they are taken from",
            status=422,
            details={"field": "break_minutes", "assignment_id": line.assignment_id},
        )


def _values(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in VALUE_FIELDS}


def _merged(row: dict[str, Any], data: TimesheetUpdate | TimesheetCorrection) -> dict[str, Any]:
    values = _values(row)
    for name in VALUE_FIELDS:
        given = getattr(data, name)
        if given is not UNSET:
            values[name] = given.astimezone(dt.UTC) if isinstance(given, dt.datetime) else given
    return values


def _minute(instant: dt.datetime) -> dt.datetime:
    return instant.astimezone(dt.UTC).replace(second=0, microsecond=0)


def _validated(row: dict[str, Any], line: Planned, actor: int) -> dict[str, Any]:
    """The values of ``row`` once validated (the planned times if none were entered)."""
    values = _values(row)
    if values["actual_start"] is None:
        values["actual_start"], values["actual_end"] = _minute(line.start), _minute(line.end)
    check_values(values, line)
    return {
        **values,
        "status": VALIDATED,
        "validated_by": actor,
        "validated_at": dt.datetime.now(dt.UTC),
    }


# --- Output --------------------------------------------------------------------------------


def _span_minutes(start: dt.datetime, end: dt.datetime) -> int:
    return int((end - start).total_seconds()) // 60


async def _out(
    row: dict[str, Any], line: Planned, names: _Names, *, editable: bool
) -> TimesheetLineOut:
    start, end = row["actual_start"], row["actual_end"]
    actual = (
        _span_minutes(start, end) - row["break_minutes"]
        if start is not None and end is not None
        else None
    )
    return TimesheetLineOut(
        id=row["id"],
        assignment_id=line.assignment_id,
        user_id=line.user_id,
        user_name=await names.user(line.user_id),
        mission_id=line.mission_id,
        mission_title=line.mission_title,
        project_id=line.project_id,
        project_name=await names.project(line.project_id),
        role_name=line.role_name,
        place=line.place,
        timezone=line.timezone,
        planned_start=line.start,
        planned_end=line.end,
        planned_minutes=_span_minutes(line.start, line.end),
        actual_start=start,
        actual_end=end,
        break_minutes=row["break_minutes"],
        actual_minutes=actual,
        comment=row["comment"],
        status=row["status"],
        validated_by=row["validated_by"],
        validated_at=row["validated_at"],
        updated_by=row["updated_by"],
        updated_at=row["updated_at"],
        editable=editable,
    )


@dataclass(frozen=True)
class Caller:
    """Who calls: the principal and the user linked to their account (if any)."""

    principal: Principal
    own_user_id: int | None

    @property
    def is_manager(self) -> bool:
        return self.principal.role != "tech"

    def may_edit(self, user_id: int, status: str) -> bool:
        return status != VALIDATED and (self.is_manager or user_id == self.own_user_id)


# --- Commands and reads ----------------------------------------------------------------------


async def list_lines(
    caller: Caller,
    first: dt.date,
    last: dt.date,
    *,
    user_id: int | None = None,
    project_id: int | None = None,
    status: str | None = None,
) -> list[TimesheetLineOut]:
    """The lines of the missions starting between ``first`` and ``last`` (org-local days),
    planned start first; ``user_id`` is already the caller's own for a tech."""
    org_id = caller.principal.org_id
    names = _Names(org_id)
    start, end = day_window(first, last, await org_zone(org_id))
    found = await planned_in_window(
        org_id, start, end, user_id=user_id, project_id=project_id, names=names
    )
    await _ensure(org_id, found)
    rows = {
        r["assignment_id"]: r
        for r in await _rows(org_id, (p.assignment_id for p in found), lock=False)
    }
    lines = []
    for line in found:
        row = rows[line.assignment_id]
        if status is not None and row["status"] != status:
            continue
        editable = caller.may_edit(line.user_id, row["status"])
        lines.append(await _out(row, line, names, editable=editable))
    return lines


async def _one(caller: Caller, assignment_id: int) -> tuple[Planned, _Names]:
    names = _Names(caller.principal.org_id)
    line = await planned(caller.principal.org_id, assignment_id, names)
    if not caller.is_manager and line.user_id != caller.own_user_id:
        raise _own_lines_only()
    return line, names


async def get_line(caller: Caller, assignment_id: int) -> TimesheetLineOut:
    line, names = await _one(caller, assignment_id)
    org_id = caller.principal.org_id
    await _ensure(org_id, [line])
    [row] = await _rows(org_id, [assignment_id], lock=False)
    return await _out(row, line, names, editable=caller.may_edit(line.user_id, row["status"]))


async def update_line(
    caller: Caller, assignment_id: int, data: TimesheetUpdate
) -> TimesheetLineOut:
    """Change a line that is not validated (its own user, or a manager)."""
    line, names = await _one(caller, assignment_id)
    org_id, actor = caller.principal.org_id, caller.principal.account_id
    async with TimesheetLine._meta.db.transaction():
        await _ensure(org_id, [line])
        [row] = await _rows(org_id, [assignment_id], lock=True)
        if row["status"] == VALIDATED:
            raise _locked(assignment_id)
        new = _merged(row, data)
        check_values(new, line)
        action = "updated"
        if line.user_id == caller.own_user_id and row["status"] == DRAFT:
            # Its own user entered the times: the manager sees the line as submitted.
            new["status"], action = SUBMITTED, "submitted"
        if _changes(row, new)[0]:
            row = await _write(org_id, actor, row, new, action)
    return await _out(row, line, names, editable=caller.may_edit(line.user_id, row["status"]))


async def validate_line(caller: Caller, assignment_id: int) -> TimesheetLineOut:
    line, names = await _one(caller, assignment_id)
    org_id, actor = caller.principal.org_id, caller.principal.account_id
    async with TimesheetLine._meta.db.transaction():
        await _ensure(org_id, [line])
        [row] = await _rows(org_id, [assignment_id], lock=True)
        if row["status"] == VALIDATED:
            raise _locked(assignment_id)
        row = await _write(org_id, actor, row, _validated(row, line, actor), "validated")
    return await _out(row, line, names, editable=False)


async def bulk_validate(caller: Caller, data: TimesheetBulkValidate) -> TimesheetBulkResult:
    """Validate a selection, all or nothing; lines validated already are counted, untouched."""
    org_id, actor = caller.principal.org_id, caller.principal.account_id
    names = _Names(org_id)
    if data.assignment_ids is not None:
        if data.day is not None or data.project is not None:
            raise PluginError(
                "payroll.bulk_selection",
                "Select lines by day and/or project, or by assignment_ids, not both",
                status=422,
                details={"field": "assignment_ids"},
            )
        selected = [await planned(org_id, a, names) for a in sorted(set(data.assignment_ids))]
    elif data.day is None and data.project is None:
        raise PluginError(
            "payroll.bulk_selection",
            "Select lines by day and/or project, or by assignment_ids",
            status=422,
            details={"field": "day"},
        )
    else:
        if data.project is not None and await get_project(org_id, data.project) is None:
            raise PluginError("payroll.project_not_found", "No such project", status=404)
        if data.day is not None:
            start, end = day_window(data.day, data.day, await org_zone(org_id))
            selected = await planned_in_window(
                org_id, start, end, project_id=data.project, names=names
            )
        else:
            assert data.project is not None
            selected = await _project_lines(org_id, data.project, names)
    if len(selected) > MAX_BULK:
        raise PluginError(
            "payroll.bulk_too_large",
            f"At most {MAX_BULK} lines at once: select a day or a project",
            status=422,
            details={"field": "day"},
        )
    by_id = {p.assignment_id: p for p in selected}
    validated = already = 0
    async with TimesheetLine._meta.db.transaction():
        await _ensure(org_id, selected)
        for row in await _rows(org_id, by_id, lock=True):
            if row["status"] == VALIDATED:
                already += 1
                continue
            line = by_id[row["assignment_id"]]
            await _write(org_id, actor, row, _validated(row, line, actor), "validated", audit=False)
            validated += 1
        if validated:
            await record_audit(
                org_id,
                NAME,
                "timesheets_bulk_validated",
                actor_account_id=actor,
                payload={
                    "count": validated,
                    "day": data.day.isoformat() if data.day is not None else None,
                    "project_id": data.project,
                    "assignment_ids": sorted(by_id),
                },
            )
    return TimesheetBulkResult(validated=validated, already_validated=already)


async def _project_lines(org_id: int, project_id: int, names: _Names) -> list[Planned]:
    """The lines of a project's missions that started by the end of today (org-local): a
    bulk validation by project without a day never validates work still to come."""
    zone = await org_zone(org_id)
    today = dt.datetime.now(zone).date()
    _, end = day_window(today, today, zone)
    found: list[Planned] = []
    async for mission in iter_missions(
        org_id, starts_from=_EPOCH, starts_before=end, project_id=project_id
    ):
        names.missions[mission.mission_id] = mission
        async for summary in iter_assignments(
            org_id, mission_id=mission.mission_id, statuses=("ACCEPTED",)
        ):
            if not summary.reserve:
                found.append(
                    _planned_of(summary.assignment_id, summary.user_id, summary.role_name, mission)
                )
    return found


async def correct_line(
    caller: Caller, assignment_id: int, data: TimesheetCorrection
) -> TimesheetLineOut:
    """A manager changes a validated line, with a reason; it stays validated (by them)."""
    reason = data.reason.strip()
    if not reason:
        raise PluginError(
            "payroll.timesheet_reason_required",
            "A correction says why (reason)",
            status=422,
            details={"field": "reason"},
        )
    line, names = await _one(caller, assignment_id)
    org_id, actor = caller.principal.org_id, caller.principal.account_id
    async with TimesheetLine._meta.db.transaction():
        await _ensure(org_id, [line])
        [row] = await _rows(org_id, [assignment_id], lock=True)
        if row["status"] != VALIDATED:
            raise PluginError(
                "payroll.timesheet_not_validated",
                "Only a validated line is corrected: change this one with PATCH",
                status=409,
                details={"assignment_id": assignment_id},
            )
        new = _merged(row, data)
        check_values(new, line)
        new.update(validated_by=actor, validated_at=dt.datetime.now(dt.UTC))
        row = await _write(org_id, actor, row, new, "corrected", reason)
    return await _out(row, line, names, editable=False)


async def history(caller: Caller, assignment_id: int) -> list[TimesheetEventOut]:
    """Every change of the line, oldest first."""
    await _one(caller, assignment_id)
    rows = await (
        TimesheetEvent.select()
        .where(
            (TimesheetEvent.org_id == caller.principal.org_id)
            & (TimesheetEvent.assignment_id == assignment_id)
        )
        .order_by(TimesheetEvent.id)
    )

    def obj(value: Any) -> dict[str, Any]:
        loaded = json.loads(value) if isinstance(value, str) else value
        return dict(loaded or {})

    return [
        TimesheetEventOut(
            id=r["id"],
            action=r["action"],
            actor=r["actor"],
            at=r["at"],
            before=obj(r["before"]),
            after=obj(r["after"]),
            reason=r["reason"],
        )
        for r in rows
    ]


async def validated_actuals(org_id: int, assignment_ids: Iterable[int]) -> dict[int, Actual]:
    """The validated actual times of these assignments' lines, for pay (no line: none)."""
    ids = sorted(set(assignment_ids))
    if not ids:
        return {}
    rows = await TimesheetLine.raw(
        "SELECT assignment_id, actual_start, actual_end, break_minutes "
        "FROM payroll_timesheet_lines WHERE org_id = {} AND assignment_id = ANY({}) "
        "AND status = 'validated' AND actual_start IS NOT NULL",
        org_id,
        ids,
    )
    return {
        r["assignment_id"]: Actual(r["actual_start"], r["actual_end"], r["break_minutes"])
        for r in rows
    }
