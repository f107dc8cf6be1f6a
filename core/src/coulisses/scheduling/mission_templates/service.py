"""Mission templates: an org's saved patterns of missions, versioned, applied to a date
range and places in one call.

A template's content (default mission title, slots, shared roles) has the shape of a
``missions:bulk_create`` body and is checked by the same code when saved
(:func:`coulisses.scheduling.missions.service.check_pattern`), so a saved template
never fails for a reason its own content holds. Applying it builds one bulk-create
pattern per place and inserts them all through
:func:`coulisses.scheduling.missions.service.insert_pattern`, in one transaction: every
mission or none.

Every change writes a new version row (the whole content) and bumps the template's
``version``; versions are never rewritten, and the missions created from one record it.
A name is unique in the org (without case) among templates not archived. Deleting a
template archives it: it leaves every route (404), frees its name, and keeps its rows
for the missions that reference it.
"""

from __future__ import annotations

import json
from typing import Any

import asyncpg
import msgspec

from coulisses.audit import record, record_change
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.scheduling.common import emit_events, json_value
from coulisses.scheduling.mission_templates.schemas import (
    MissionTemplateApply,
    MissionTemplateCreate,
    MissionTemplateOut,
    MissionTemplateUpdate,
    MissionTemplateVersionOut,
)
from coulisses.scheduling.missions import service as missions
from coulisses.scheduling.missions.schemas import BulkMissionsCreate, MissionRoleIn, TimeSlot
from coulisses_sdk import Listing, ListQuery, Principal

NAME_LIMIT = 200
DESCRIPTION_LIMIT = 2000

_SELECT = """SELECT t.id, t.name, t.description, t.version, v.title, v.slots, v.roles,
       t.created_at, t.updated_at
FROM mission_templates t
JOIN mission_template_versions v ON v.org = t.org AND v.template = t.id AND v.version = t.version"""

_VERSION_SELECT = """SELECT v.version, v.name, v.description, v.title, v.slots, v.roles,
       v.created_by, v.created_at
FROM mission_template_versions v"""


def _row(row: dict[str, Any]) -> dict[str, Any]:
    row["slots"] = json_value(row["slots"])
    row["roles"] = json_value(row["roles"])
    return row


def _not_found() -> NotFound:
    return NotFound("mission_template.not_found", "Mission template not found")


def _name(value: str) -> str:
    name = value.strip()
    if not name or len(name) > NAME_LIMIT:
        raise DomainError(
            "mission_template.invalid_name",
            f"A template name has 1 to {NAME_LIMIT} characters",
            details={"field": "name"},
            status=422,
        )
    return name


def _description(value: str) -> str:
    text = value.strip()
    if len(text) > DESCRIPTION_LIMIT:
        raise DomainError(
            "mission_template.invalid_description",
            f"A template description has at most {DESCRIPTION_LIMIT} characters",
            details={"field": "description"},
            status=422,
        )
    return text


def _name_taken(name: str) -> Conflict:
    return Conflict(
        "mission_template.name_taken",
        f"This org already has a mission template named {name!r}",
        details={"field": "name"},
    )


def _content(title: str, slots: list[TimeSlot], roles: list[MissionRoleIn]) -> dict[str, Any]:
    """The stored content, checked as ``missions:bulk_create`` would check it (the same
    codes and fields: ``slots[1].end``, ``slots[0].roles[2].quota``...)."""
    for i, slot in enumerate(slots):
        if slot.place_id is not None or slot.place is not None:
            raise DomainError(
                "mission_template.slot_has_place",
                "A template's slots name no place: places are chosen when it is applied",
                details={"field": f"slots[{i}].place_id"},
                status=422,
            )
    pattern = BulkMissionsCreate(title=title, slots=slots, roles=roles)
    missions.check_pattern(pattern)
    return {
        "title": title.strip(),
        "slots": [
            {
                **msgspec.to_builtins(slot),
                "title": slot.title.strip() if slot.title else None,
                "roles": missions.check_roles(slot.roles, f"slots[{i}].roles")
                if slot.roles is not None
                else None,
            }
            for i, slot in enumerate(slots)
        ],
        "roles": missions.check_roles(roles),
    }


async def _check_name_free(org_id: int, name: str, template_id: int | None = None) -> None:
    if await fetch(
        """SELECT 1 FROM mission_templates WHERE org = $1 AND lower(name) = lower($2)
           AND archived_at IS NULL AND id IS DISTINCT FROM $3""",
        org_id,
        name,
        template_id,
    ):
        raise _name_taken(name)


async def get_template(org_id: int, template_id: int) -> dict[str, Any]:
    rows = await fetch(
        _SELECT + " WHERE t.org = $1 AND t.id = $2 AND t.archived_at IS NULL",
        org_id,
        template_id,
    )
    if not rows:
        raise _not_found()
    return _row(rows[0])


async def _lock(org_id: int, template_id: int) -> dict[str, Any]:
    rows = await fetch(
        """SELECT id FROM mission_templates WHERE org = $1 AND id = $2 AND archived_at IS NULL
           FOR UPDATE""",
        org_id,
        template_id,
    )
    if not rows:
        raise _not_found()
    return await get_template(org_id, template_id)


async def _write_version(
    principal: Principal, template_id: int, version: int, name: str, description: str,
    content: dict[str, Any],
) -> None:  # fmt: skip
    await fetch(
        """INSERT INTO mission_template_versions
               (org, template, version, name, description, title, slots, roles, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)""",
        principal.org_id,
        template_id,
        version,
        name,
        description,
        content["title"],
        json.dumps(content["slots"]),
        json.dumps(content["roles"]),
        principal.account_id,
    )


#: Sort keys of the mission templates list and the SQL each orders by (docs/api.md).
TEMPLATES = Listing(
    sorts={
        "id": "t.id",
        "name": "lower(t.name)",
        "version": "t.version",
        "created_at": "t.created_at",
        "updated_at": "t.updated_at",
    },
    default="name",
    item=MissionTemplateOut,
)

#: Sort keys of a template's versions.
VERSIONS = Listing(
    sorts={"version": "v.version", "created_at": "v.created_at"},
    default="-version",
    item=MissionTemplateVersionOut,
    key=("version",),
)


async def list_templates(
    org_id: int, listing: ListQuery, query: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    """The org's templates not archived (by name by default); ``query`` keeps those whose
    name contains it."""
    where = "WHERE t.org = $1 AND t.archived_at IS NULL"
    args: list[Any] = [org_id]
    text = (query or "").strip()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where += " AND t.name ILIKE $2"
        args.append(pattern)
    total = (await fetch(f"SELECT count(*) AS n FROM mission_templates t {where}", *args))[0]["n"]  # noqa: S608
    listing.check_page(total)
    rows = await fetch(
        f"{_SELECT} {where} ORDER BY {TEMPLATES.order_by(listing)} "
        f"LIMIT {listing.page_size} OFFSET {listing.offset}",
        *args,
    )
    return [_row(r) for r in rows], total


async def list_versions(
    org_id: int, template_id: int, listing: ListQuery
) -> tuple[list[dict[str, Any]], int]:
    """Every version of a template, the latest first by default."""
    await get_template(org_id, template_id)
    total = (
        await fetch(
            "SELECT count(*) AS n FROM mission_template_versions WHERE org = $1 AND template = $2",
            org_id,
            template_id,
        )
    )[0]["n"]
    listing.check_page(total)
    rows = await fetch(
        f"{_VERSION_SELECT} WHERE v.org = $1 AND v.template = $2 "
        f"ORDER BY {VERSIONS.order_by(listing)} LIMIT {listing.page_size} OFFSET {listing.offset}",
        org_id,
        template_id,
    )
    return [_row(r) for r in rows], total


async def create_template(principal: Principal, data: MissionTemplateCreate) -> dict[str, Any]:
    name = _name(data.name)
    description = _description(data.description)
    content = _content(data.title, data.slots, data.roles)
    async with transaction():
        await _check_name_free(principal.org_id, name)
        try:
            rows = await fetch(
                """INSERT INTO mission_templates (org, name, description) VALUES ($1, $2, $3)
                   RETURNING id""",
                principal.org_id,
                name,
                description,
            )
        except asyncpg.exceptions.UniqueViolationError as exc:
            raise _name_taken(name) from exc  # a concurrent creation won
        template_id = int(rows[0]["id"])
        await _write_version(principal, template_id, 1, name, description, content)
        await record(
            principal.org_id,
            principal.account_id,
            "mission_template.created",
            f"mission_template:{template_id}",
            {"name": name, "version": 1, "slots": len(content["slots"])},
        )
    return await get_template(principal.org_id, template_id)


async def update_template(
    principal: Principal, template_id: int, data: MissionTemplateUpdate
) -> dict[str, Any]:
    """A new version holding the current content with the changes; nothing changed, no
    version."""
    changes: dict[str, Any] = {}
    if data.name is not msgspec.UNSET:
        changes["name"] = _name(data.name)
    if data.description is not msgspec.UNSET:
        changes["description"] = _description(data.description)
    async with transaction():
        current = await _lock(principal.org_id, template_id)
        title = current["title"] if data.title is msgspec.UNSET else data.title
        slots = (
            msgspec.convert(current["slots"], list[TimeSlot])
            if data.slots is msgspec.UNSET
            else data.slots
        )
        roles = (
            msgspec.convert(current["roles"], list[MissionRoleIn])
            if data.roles is msgspec.UNSET
            else data.roles
        )
        content = _content(title, slots, roles)
        changes.update(content)
        changes = {k: v for k, v in changes.items() if v != current[k]}
        if not changes:
            return current
        if "name" in changes:
            await _check_name_free(principal.org_id, changes["name"], template_id)
        version = current["version"] + 1
        name = changes.get("name", current["name"])
        description = changes.get("description", current["description"])
        try:
            await fetch(
                """UPDATE mission_templates SET name = $3, description = $4, version = $5,
                          updated_at = now()
                   WHERE org = $1 AND id = $2""",
                principal.org_id,
                template_id,
                name,
                description,
                version,
            )
        except asyncpg.exceptions.UniqueViolationError as exc:
            raise _name_taken(name) from exc
        await _write_version(principal, template_id, version, name, description, content)
        await record_change(
            principal.org_id,
            principal.account_id,
            "mission_template.updated",
            f"mission_template:{template_id}",
            current,
            changes,
            {"version": version},
        )
    return await get_template(principal.org_id, template_id)


async def archive_template(principal: Principal, template_id: int) -> None:
    async with transaction():
        current = await _lock(principal.org_id, template_id)
        await fetch(
            """UPDATE mission_templates SET archived_at = now(), updated_at = now()
               WHERE org = $1 AND id = $2""",
            principal.org_id,
            template_id,
        )
        await record(
            principal.org_id,
            principal.account_id,
            "mission_template.archived",
            f"mission_template:{template_id}",
            {"name": current["name"], "version": current["version"]},
        )


async def _version(org_id: int, template_id: int, version: int) -> dict[str, Any]:
    rows = await fetch(
        _VERSION_SELECT + " WHERE v.org = $1 AND v.template = $2 AND v.version = $3",
        org_id,
        template_id,
        version,
    )
    if not rows:
        raise DomainError(
            "mission_template.version_not_found",
            f"This mission template has no version {version}",
            details={"field": "version", "version": version},
            status=404,
        )
    return _row(rows[0])


async def apply_template(
    principal: Principal, template_id: int, data: MissionTemplateApply
) -> tuple[int, list[int]]:
    """Missions from a template version (the current one by default): days x slots, once
    per place, in one transaction through the bulk creation's own code. Its errors are
    the bulk creation's (``mission.nonexistent_local_time``, ``mission.outside_project``,
    ``mission.invalid_pattern``, ``mission.bulk_too_large`` over all places together,
    ``project.not_found``, ``project.archived``, ``place.not_found``...). Returns the
    version used and the new missions' ids."""
    place_ids: list[int | None] = list(dict.fromkeys(data.place_ids)) or [None]
    days = missions.pattern_days(
        None, data.date_from, data.date_to, data.weekdays, names=("from", "to")
    )
    if not days:
        raise DomainError(
            "mission.invalid_pattern", "The days chosen create no mission", status=422
        )
    async with transaction():
        # A share lock: the template may be applied by several at once, not edited meanwhile.
        locked = await fetch(
            """SELECT version FROM mission_templates
               WHERE org = $1 AND id = $2 AND archived_at IS NULL FOR SHARE""",
            principal.org_id,
            template_id,
        )
        if not locked:
            raise _not_found()
        version_no = data.version if data.version is not None else int(locked[0]["version"])
        version = await _version(principal.org_id, template_id, version_no)
        slots = msgspec.convert(version["slots"], list[TimeSlot])
        requested = len(days) * len(slots) * len(place_ids)
        if requested > missions.MAX_BULK:
            raise DomainError(
                "mission.bulk_too_large",
                f"One bulk creation makes at most {missions.MAX_BULK} missions",
                details={"requested": requested},
                status=422,
            )
        project = await missions.open_project(principal.org_id, data.project_id)
        roles = msgspec.convert(version["roles"], list[MissionRoleIn])
        ids: list[int] = []
        for place_id in place_ids:
            pattern = BulkMissionsCreate(
                title=version["title"],
                slots=slots,
                date_from=data.date_from,
                date_to=data.date_to,
                weekdays=data.weekdays,
                place_id=place_id,
                notes=data.notes,
                publish=data.publish,
                roles=roles,
            )
            ids += await missions.insert_pattern(
                principal, project, pattern, template=(template_id, version_no)
            )
        await record(
            principal.org_id,
            principal.account_id,
            "mission_template.applied",
            f"mission_template:{template_id}",
            {
                "version": version_no,
                "project_id": project["id"],
                "place_ids": [p for p in place_ids if p is not None],
                "from": data.date_from,
                "to": data.date_to,
                "count": len(ids),
                "first_id": ids[0],
                "last_id": ids[-1],
            },
        )
        await emit_events(missions.created_events(principal, project["id"], ids))
    return version_no, ids
