"""Projects: DRAFT -> ACTIVE -> ARCHIVED (and back to ACTIVE), with dates, managers, their
missions and how full those are (fill rate)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from coulisses.audit import record, record_change
from coulisses.auth.rbac import ROLE_RANK
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.scheduling.projects.schemas import ProjectCreate, ProjectOut, ProjectUpdate
from coulisses_sdk import Listing, ListQuery, Principal

#: status -> statuses it may move to. An ACTIVE project never goes back to DRAFT:
#: its missions may already have been answered.
TRANSITIONS: dict[str, frozenset[str]] = {
    "DRAFT": frozenset({"ACTIVE", "ARCHIVED"}),
    "ACTIVE": frozenset({"ARCHIVED"}),
    "ARCHIVED": frozenset({"ACTIVE"}),
}

MAX_MANAGERS = 50

# Managers who left the org are not shown (their row goes when the project is saved again).
_SELECT = """SELECT p.id, p.name, p.description, p.status, p.starts_on, p.ends_on,
                    p.created_at, p.updated_at,
                    (SELECT count(*) FROM missions m WHERE m.project = p.id) AS mission_count,
                    COALESCE((SELECT array_agg(pm.account ORDER BY pm.account)
                              FROM project_managers pm
                              JOIN org_memberships om
                                ON om.org = pm.org AND om.account = pm.account
                              WHERE pm.project = p.id), '{}') AS managers,
                    f.quota_total, f.accepted,
                    CASE WHEN f.quota_total > 0
                         THEN round(f.accepted::numeric / f.quota_total, 4)::float8
                    END AS fill_rate
             FROM projects p
             CROSS JOIN LATERAL (
                 SELECT (SELECT COALESCE(sum(r.quota), 0) FROM mission_roles r
                         JOIN missions m ON m.id = r.mission
                         WHERE m.project = p.id)::int AS quota_total,
                        (SELECT count(*) FROM assignments a
                         JOIN missions m ON m.id = a.mission
                         WHERE m.project = p.id AND a.status = 'ACCEPTED'
                           AND NOT a.reserve)::int AS accepted
             ) f"""


def _name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 200:
        raise DomainError(
            "project.invalid_name", "A project name has 1 to 200 characters", status=422
        )
    return name


def _dates(starts_on: dt.date | None, ends_on: dt.date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise DomainError(
            "project.invalid_dates", "ends_on must be on or after starts_on", status=422
        )


async def check_managers(org_id: int, account_ids: list[int]) -> list[int]:
    """Distinct account ids of members of the org whose role is manager or above."""
    ids = sorted(set(account_ids))
    if len(ids) > MAX_MANAGERS:
        raise DomainError(
            "project.too_many_managers",
            f"A project has at most {MAX_MANAGERS} managers",
            status=422,
        )
    if not ids:
        return ids
    rows = await fetch(
        "SELECT account, role FROM org_memberships WHERE org = $1 AND account = ANY($2::int[])",
        org_id,
        ids,
    )
    missing = sorted(set(ids) - {r["account"] for r in rows})
    if missing:
        # Same answer for an unknown account and for one of another org: nothing leaks.
        raise DomainError(
            "project.manager_not_found",
            "Unknown account: a manager must be a member of this org",
            details={"account_ids": missing},
            status=404,
        )
    too_low = sorted(r["account"] for r in rows if ROLE_RANK[r["role"]] < ROLE_RANK["manager"])
    if too_low:
        raise DomainError(
            "project.manager_role",
            "A project manager needs the role manager, admin or owner",
            details={"account_ids": too_low},
            status=422,
        )
    return ids


async def _set_managers(org_id: int, project_id: int, account_ids: list[int]) -> None:
    await fetch("DELETE FROM project_managers WHERE project = $1", project_id)
    if account_ids:
        await fetch(
            """INSERT INTO project_managers (org, project, account)
               SELECT $1, $2, unnest($3::int[])""",
            org_id,
            project_id,
            account_ids,
        )


async def _check_missions_inside(
    org_id: int, project_id: int, starts_on: dt.date | None, ends_on: dt.date | None
) -> None:
    """New dates must still hold every mission (by its local start day in its place's
    timezone, the org's without a place, as missions/service.py rules)."""
    rows = await fetch(
        """SELECT count(*) AS n FROM missions m JOIN orgs o ON o.id = m.org
           LEFT JOIN places pl ON pl.id = m.place_id
           CROSS JOIN LATERAL (SELECT (m.starts_at AT TIME ZONE
                                       COALESCE(pl.timezone, o.timezone))::date AS day) d
           WHERE m.org = $1 AND m.project = $2
             AND (($3::date IS NOT NULL AND d.day < $3)
               OR ($4::date IS NOT NULL AND d.day > $4))""",
        org_id,
        project_id,
        starts_on,
        ends_on,
    )
    if rows[0]["n"]:
        raise Conflict(
            "project.missions_outside_dates",
            f"{rows[0]['n']} missions of this project start outside these dates",
            details={"missions": rows[0]["n"]},
        )


async def get_project(org_id: int, project_id: int, *, lock: bool = False) -> dict[str, Any]:
    if lock:
        await fetch(
            "SELECT 1 FROM projects WHERE org = $1 AND id = $2 FOR UPDATE", org_id, project_id
        )
    rows = await fetch(_SELECT + " WHERE p.org = $1 AND p.id = $2", org_id, project_id)
    if not rows:
        raise NotFound("project.not_found", "Project not found")
    return rows[0]


def ensure_open(project: dict[str, Any]) -> None:
    """Missions and assignments of an archived project are read-only."""
    if project["status"] == "ARCHIVED":
        raise Conflict("project.archived", "This project is archived: restore it first")


#: Sort keys of the projects list and the SQL each orders by (docs/api.md).
PROJECTS = Listing(
    sorts={
        "id": "p.id",
        "name": "lower(p.name)",
        "status": "p.status",
        "starts_on": "p.starts_on",
        "ends_on": "p.ends_on",
        "created_at": "p.created_at",
        "updated_at": "p.updated_at",
    },
    default="starts_on",
    item=ProjectOut,
)


async def list_projects(
    org_id: int, listing: ListQuery, status: str | None
) -> tuple[list[dict[str, Any]], int]:
    where = "WHERE p.org = $1"
    args: list[Any] = [org_id]
    if status:
        where += " AND p.status = $2"
        args.append(status)
    total = (await fetch(f"SELECT count(*) AS n FROM projects p {where}", *args))[0]["n"]  # noqa: S608
    listing.check_page(total)
    rows = await fetch(
        f"{_SELECT} {where} ORDER BY {PROJECTS.order_by(listing)} "
        f"LIMIT {listing.page_size} OFFSET {listing.offset}",
        *args,
    )
    return rows, total


async def create_project(principal: Principal, data: ProjectCreate) -> dict[str, Any]:
    name = _name(data.name)
    _dates(data.starts_on, data.ends_on)
    async with transaction():
        managers = await check_managers(principal.org_id, data.managers)
        rows = await fetch(
            """INSERT INTO projects (org, name, description, starts_on, ends_on)
               VALUES ($1, $2, $3, $4, $5) RETURNING id""",
            principal.org_id,
            name,
            data.description,
            data.starts_on,
            data.ends_on,
        )
        project_id = int(rows[0]["id"])
        await _set_managers(principal.org_id, project_id, managers)
        await record(
            principal.org_id, principal.account_id, "project.created", f"project:{project_id}"
        )
    return await get_project(principal.org_id, project_id)


def check_transition(current: str, target: str) -> None:
    if target not in TRANSITIONS[current]:
        raise Conflict(
            "project.invalid_transition",
            f"A {current} project cannot become {target}",
            details={"from": current, "to": target},
        )


async def update_project(
    principal: Principal, project_id: int, data: ProjectUpdate
) -> dict[str, Any]:
    async with transaction():
        project = await get_project(principal.org_id, project_id, lock=True)
        changes: dict[str, Any] = {}
        if data.name is not msgspec.UNSET:
            changes["name"] = _name(data.name)
        if data.description is not msgspec.UNSET:
            changes["description"] = data.description
        if data.starts_on is not msgspec.UNSET:
            changes["starts_on"] = data.starts_on
        if data.ends_on is not msgspec.UNSET:
            changes["ends_on"] = data.ends_on
        starts_on = changes.get("starts_on", project["starts_on"])
        ends_on = changes.get("ends_on", project["ends_on"])
        _dates(starts_on, ends_on)
        if (starts_on, ends_on) != (project["starts_on"], project["ends_on"]):
            await _check_missions_inside(principal.org_id, project_id, starts_on, ends_on)
        managers: list[int] | None = None
        if data.managers is not msgspec.UNSET:
            managers = await check_managers(principal.org_id, data.managers)
        if data.status is not msgspec.UNSET and data.status != project["status"]:
            check_transition(project["status"], data.status)
            changes["status"] = data.status
        elif project["status"] == "ARCHIVED" and (changes or managers is not None):
            ensure_open(project)
        if managers is not None and managers != project["managers"]:
            await _set_managers(principal.org_id, project_id, managers)
            changes["managers"] = managers
        if changes:
            columns = [col for col in changes if col != "managers"]
            sets = "".join(f"{col} = ${i + 3}, " for i, col in enumerate(columns))
            await fetch(
                f"UPDATE projects SET {sets}updated_at = now() WHERE org = $1 AND id = $2",  # noqa: S608
                principal.org_id,
                project_id,
                *(changes[col] for col in columns),
            )
            await record_change(
                principal.org_id,
                principal.account_id,
                "project.updated",
                f"project:{project_id}",
                project,
                changes,
            )
    return await get_project(principal.org_id, project_id)


async def archive_project(principal: Principal, project_id: int) -> dict[str, Any]:
    return await update_project(principal, project_id, ProjectUpdate(status="ARCHIVED"))


async def delete_project(principal: Principal, project_id: int) -> None:
    async with transaction():
        await get_project(principal.org_id, project_id, lock=True)
        if await fetch(
            """SELECT 1 FROM assignments a JOIN missions m ON m.id = a.mission
               WHERE m.project = $1 AND a.status IN ('INVITED', 'ACCEPTED') LIMIT 1""",
            project_id,
        ):
            raise Conflict(
                "project.has_active_assignments",
                "Cancel the invited or accepted assignments of this project first (or archive it)",
            )
        await fetch("DELETE FROM projects WHERE org = $1 AND id = $2", principal.org_id, project_id)
        await record(
            principal.org_id, principal.account_id, "project.deleted", f"project:{project_id}"
        )
