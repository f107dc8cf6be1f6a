"""Projects: DRAFT -> ACTIVE -> ARCHIVED (and back to ACTIVE), with dates and their missions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from coulisses.audit import record
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.scheduling.common import PageRequest, PageResult, check_page
from coulisses.scheduling.schemas import ProjectCreate, ProjectUpdate
from coulisses_sdk import Principal

#: status -> statuses it may move to. An ACTIVE project never goes back to DRAFT:
#: its missions may already have been answered.
TRANSITIONS: dict[str, frozenset[str]] = {
    "DRAFT": frozenset({"ACTIVE", "ARCHIVED"}),
    "ACTIVE": frozenset({"ARCHIVED"}),
    "ARCHIVED": frozenset({"ACTIVE"}),
}

_SELECT = """SELECT p.id, p.name, p.description, p.status, p.starts_on, p.ends_on,
                    p.created_at, p.updated_at,
                    (SELECT count(*) FROM missions m WHERE m.project = p.id) AS mission_count
             FROM projects p"""


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


async def list_projects(org_id: int, paging: PageRequest, status: str | None) -> PageResult:
    where = "WHERE p.org = $1"
    args: list[Any] = [org_id]
    if status:
        where += " AND p.status = $2"
        args.append(status)
    total = (await fetch(f"SELECT count(*) AS n FROM projects p {where}", *args))[0]["n"]  # noqa: S608
    check_page(paging, total)
    rows = await fetch(
        f"{_SELECT} {where} ORDER BY p.starts_on NULLS LAST, p.id "
        f"LIMIT {paging.page_size} OFFSET {paging.offset}",
        *args,
    )
    return PageResult(rows, paging.page, paging.page_size, total)


async def create_project(principal: Principal, data: ProjectCreate) -> dict[str, Any]:
    name = _name(data.name)
    _dates(data.starts_on, data.ends_on)
    async with transaction():
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
        _dates(
            changes.get("starts_on", project["starts_on"]),
            changes.get("ends_on", project["ends_on"]),
        )
        if data.status is not msgspec.UNSET and data.status != project["status"]:
            check_transition(project["status"], data.status)
            changes["status"] = data.status
        elif project["status"] == "ARCHIVED" and changes:
            ensure_open(project)
        if changes:
            sets = ", ".join(f"{col} = ${i + 3}" for i, col in enumerate(changes))
            await fetch(
                f"UPDATE projects SET {sets}, updated_at = now() WHERE org = $1 AND id = $2",  # noqa: S608
                principal.org_id,
                project_id,
                *changes.values(),
            )
            payload: dict[str, Any] = {"fields": sorted(changes)}
            if "status" in changes:
                payload.update({"from": project["status"], "to": changes["status"]})
            await record(
                principal.org_id,
                principal.account_id,
                "project.updated",
                f"project:{project_id}",
                payload,
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
