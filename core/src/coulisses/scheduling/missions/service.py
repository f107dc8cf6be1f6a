"""Missions (time slots of a project) and their mission roles; bulk creation from a pattern
(slots in local wall-clock time, each with its own day offset, title, place and roles),
duplication to other days; a mission starts within its project's dates."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import msgspec

from coulisses.audit import before_after, record, record_change, record_many
from coulisses.db.connection import SqlParams, fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.scheduling.assignments.reserves import promote
from coulisses.scheduling.common import (
    MAX_YEAR,
    MIN_YEAR,
    check_filter,
    clean_names,
    emit_events,
    json_value,
    local_instant,
    mission_timezone,
    overlap_as_conflict,
    require_aware,
)
from coulisses.scheduling.missions.schemas import (
    BulkMissionsCreate,
    MissionBatch,
    MissionCreate,
    MissionDuplicate,
    MissionOut,
    MissionRoleIn,
    MissionRoleUpdate,
    MissionUpdate,
    TimeSlot,
)
from coulisses.scheduling.places import service as places
from coulisses.scheduling.projects.service import ensure_open, get_project
from coulisses_sdk import DomainEvent, Listing, ListQuery, MissionChanged, Principal

MAX_DURATION = dt.timedelta(hours=24)
MAX_BULK = 5000
MAX_RANGE_DAYS = 366
#: Most missions one batch action takes.
MAX_BATCH = 1000
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")

_SELECT = """SELECT m.id, m.project AS project_id, m.title, m.place_id,
       COALESCE(pl.name, '') AS place, COALESCE(pl.timezone, o.timezone) AS timezone,
       m.notes, m.starts_at,
       m.ends_at, floor(extract(epoch FROM m.ends_at - m.starts_at) / 60)::int AS duration_minutes,
       m.allow_long, m.status, m.created_at, m.updated_at, m.external_id,
       COALESCE((
           SELECT json_agg(json_build_object(
                      'id', r.id, 'name', r.name, 'quota', r.quota,
                      'required_skills', r.required_skills,
                      'pending', c.pending, 'accepted', c.accepted, 'declined', c.declined,
                      'open', greatest(r.quota - c.accepted, 0), 'reserves', c.reserves)
                      ORDER BY r.id)
           FROM mission_roles r
           CROSS JOIN LATERAL (
               SELECT count(*) FILTER (WHERE a.status = 'INVITED' AND NOT a.reserve) AS pending,
                      count(*) FILTER (WHERE a.status = 'ACCEPTED' AND NOT a.reserve) AS accepted,
                      count(*) FILTER (WHERE a.status = 'DECLINED') AS declined,
                      count(*) FILTER (WHERE a.status IN ('INVITED', 'ACCEPTED') AND a.reserve)
                          AS reserves
               FROM assignments a WHERE a.mission_role = r.id) c
           WHERE r.mission = m.id), '[]') AS roles
FROM missions m JOIN orgs o ON o.id = m.org LEFT JOIN places pl ON pl.id = m.place_id"""


@dataclass(frozen=True, slots=True)
class NewMission:
    """One mission to insert; ``roles`` indexes the role lists given to :func:`_insert`."""

    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place_id: int | None
    roles: int = 0
    #: the timezone its local times were read in (its place's, else the org's)
    tz: ZoneInfo | None = None


@dataclass(frozen=True, slots=True)
class PlaceClock:
    """A place of missions (None: no place) and the timezone of their local times."""

    place_id: int | None
    tz: ZoneInfo


def _row(row: dict[str, Any]) -> dict[str, Any]:
    row["roles"] = json_value(row["roles"])
    tz = ZoneInfo(row["timezone"])
    row["local_starts_at"] = row["starts_at"].astimezone(tz)
    row["local_ends_at"] = row["ends_at"].astimezone(tz)
    return row


def _place_choice(place_id: int | None, place: str | None, path: str = "") -> None:
    if place_id is not None and place and place.strip():
        raise DomainError(
            "mission.place_conflict",
            "Give place_id or place (a place name), not both",
            details={"fields": [f"{path}place_id", f"{path}place"]},
            status=422,
        )


async def _resolve_place(
    principal: Principal, place_id: int | None, place: str, field: str = "place"
) -> PlaceClock:
    """The place of a command's missions (by id, or by name: see
    :func:`places.place_named`) and their timezone; call inside the command's transaction:
    the place stays as read until commit."""
    if place_id is None:
        place_id = await places.place_named(principal, place, field=field)
    return PlaceClock(place_id, await mission_timezone(principal.org_id, place_id, lock=True))


def _text(
    value: str, field: str, limit: int = 200, *, required: bool = True, path: str | None = None
) -> str:
    """``path`` names the field in the body when it is not ``field`` (``slots[2].title``)."""
    value = value.strip()
    if (required and not value) or len(value) > limit:
        low = 1 if required else 0
        raise DomainError(
            f"mission.invalid_{field}",
            f"{path or field} needs {low} to {limit} characters",
            details={"field": path or field},
            status=422,
        )
    return value


def check_times(starts_at: dt.datetime, ends_at: dt.datetime, allow_long: bool) -> None:
    require_aware(starts_at, "starts_at")
    require_aware(ends_at, "ends_at")
    if ends_at <= starts_at:
        raise DomainError("mission.invalid_times", "A mission must end after it starts", status=422)
    if ends_at - starts_at > MAX_DURATION and not allow_long:
        raise DomainError(
            "mission.too_long",
            "A mission longer than 24 h needs allow_long: true",
            details={"hours": (ends_at - starts_at).total_seconds() / 3600},
            status=422,
        )


def check_roles(roles: list[MissionRoleIn], path: str | None = "roles") -> list[dict[str, Any]]:
    """Validated roles (name, quota, required_skills). Errors name the field: under
    ``path`` (``slots[2].roles[0].quota``), or plainly (``quota``) for a single role body."""

    def field(i: int, name: str) -> str:
        return f"{path}[{i}].{name}" if path else name

    out: list[dict[str, Any]] = []
    for i, role in enumerate(roles):
        name = _role_name(role.name, field(i, "name"))
        if any(r["name"] == name for r in out):
            raise DomainError(
                "mission_role.duplicate_name",
                f"Role {name!r} is listed twice",
                details={"field": field(i, "name")},
                status=422,
            )
        out.append(
            {
                "name": name,
                "quota": _quota(role.quota, field(i, "quota")),
                "required_skills": clean_names(role.required_skills, "skill"),
            }
        )
    return out


def _role_name(name: str, path: str = "name") -> str:
    name = name.strip()
    if not name or len(name) > 100:
        raise DomainError(
            "mission_role.invalid_name",
            "A role name has 1 to 100 characters",
            details={"field": path},
            status=422,
        )
    return name


def _quota(quota: int, path: str = "quota") -> int:
    if quota < 0 or quota > 10_000:
        raise DomainError(
            "mission_role.invalid_quota",
            "A quota is between 0 and 10000",
            details={"field": path},
            status=422,
        )
    return quota


async def _insert(
    org_id: int,
    project_id: int,
    rows: list[NewMission],
    *,
    notes: str,
    allow_long: bool,
    status: str,
    roles: list[list[dict[str, Any]]],
    template: tuple[int, int] | None = None,
) -> list[int]:
    """Insert many missions and their roles in three set-based statements, whatever their
    number: ids from the sequence, missions from arrays (``unnest``), then every mission
    joined to its role list (``roles[row.roles]``) from one JSON document. ``template``:
    the mission template id and version they come from."""
    ids = [
        int(r["id"])
        for r in await fetch(
            "SELECT nextval(pg_get_serial_sequence('missions', 'id')) AS id "
            "FROM generate_series(1, $1)",
            len(rows),
        )
    ]
    await fetch(
        """INSERT INTO missions (id, org, project, title, place_id, notes, starts_at, ends_at,
                                 allow_long, status, template_id, template_version)
           SELECT u.id, $1, $2, u.title, u.place_id, $3, u.starts_at, u.ends_at, $4, $5, $11, $12
           FROM unnest($6::int[], $7::text[], $8::int[], $9::timestamptz[], $10::timestamptz[])
                AS u(id, title, place_id, starts_at, ends_at)""",
        org_id,
        project_id,
        notes,
        allow_long,
        status,
        ids,
        [r.title for r in rows],
        [r.place_id for r in rows],
        [r.starts_at for r in rows],
        [r.ends_at for r in rows],
        template[0] if template else None,
        template[1] if template else None,
    )
    used = {r.roles for r in rows}
    role_rows = [
        {**role, "roles": key, "position": position}
        for key, listed in enumerate(roles)
        if key in used
        for position, role in enumerate(listed)
    ]
    if role_rows:
        await fetch(
            """INSERT INTO mission_roles (org, mission, name, quota, required_skills)
               SELECT $1, m.id, r.name, r.quota, r.required_skills
               FROM unnest($2::int[], $3::int[]) AS m(id, roles)
               JOIN jsonb_to_recordset($4::jsonb)
                    AS r(roles int, position int, name text, quota int, required_skills text[])
                 ON r.roles = m.roles
               ORDER BY m.id, r.position""",
            org_id,
            ids,
            [r.roles for r in rows],
            json.dumps(role_rows),
        )
    return ids


async def insert_missions(
    org_id: int,
    project_id: int,
    rows: list[NewMission],
    *,
    notes: str,
    roles: list[list[dict[str, Any]]],
) -> list[int]:
    """Draft missions of one project inserted set-based inside the caller's transaction
    (rows checked by the caller with :func:`expand_pattern`): the path of imports."""
    return await _insert(
        org_id, project_id, rows, notes=notes, allow_long=False, status="DRAFT", roles=roles
    )


async def _open_project(org_id: int, project_id: int) -> dict[str, Any]:
    """The project, not archived; FOR KEY SHARE keeps its dates fixed until we commit.

    (update_project takes FOR UPDATE, which waits for this lock, so it sees our missions.)
    """
    await fetch(
        "SELECT 1 FROM projects WHERE org = $1 AND id = $2 FOR KEY SHARE", org_id, project_id
    )
    project = await get_project(org_id, project_id)
    ensure_open(project)
    return project


def check_inside_project(project: dict[str, Any], tz: ZoneInfo, starts: list[dt.datetime]) -> None:
    """A mission belongs to the local day it starts: that day is within the project's dates.

    Its end may run past midnight (the last evening's show ends the next night).
    A project without dates (or without one bound) takes any day on that side.
    """
    first, last = project["starts_on"], project["ends_on"]
    if first is None and last is None:
        return
    days = {s.astimezone(tz).date() for s in starts}
    outside = sorted(d for d in days if (first and d < first) or (last and d > last))
    if outside:
        raise DomainError(
            "mission.outside_project",
            "A mission must start within its project's dates",
            details={
                "days": [d.isoformat() for d in outside[:20]],
                "starts_on": first.isoformat() if first else None,
                "ends_on": last.isoformat() if last else None,
            },
            status=422,
        )


def check_rows_inside_project(
    project: dict[str, Any], rows: list[NewMission], default: ZoneInfo
) -> None:
    """:func:`check_inside_project` for missions on several clocks (their places')."""
    by_zone: dict[ZoneInfo, list[dt.datetime]] = {}
    for row in rows:
        by_zone.setdefault(row.tz or default, []).append(row.starts_at)
    for tz, starts in by_zone.items():
        check_inside_project(project, tz, starts)


async def get_mission(org_id: int, mission_id: int) -> dict[str, Any]:
    rows = await fetch(_SELECT + " WHERE m.org = $1 AND m.id = $2", org_id, mission_id)
    if not rows:
        raise NotFound("mission.not_found", "Mission not found")
    return _row(rows[0])


async def _lock_mission(org_id: int, mission_id: int) -> dict[str, Any]:
    rows = await fetch(
        """SELECT id, project, title, place_id, notes, starts_at, ends_at, allow_long, status
           FROM missions WHERE org = $1 AND id = $2 FOR UPDATE""",
        org_id,
        mission_id,
    )
    if not rows:
        raise NotFound("mission.not_found", "Mission not found")
    return rows[0]


async def get_missions(org_id: int, ids: list[int]) -> list[dict[str, Any]]:
    rows = await fetch(
        _SELECT + " WHERE m.org = $1 AND m.id = ANY($2::int[]) ORDER BY m.starts_at, m.id",
        org_id,
        ids,
    )
    return [_row(r) for r in rows]


def _changed(principal: Principal, mission_id: int, project_id: int, change: str) -> MissionChanged:
    return MissionChanged(
        org_id=principal.org_id,
        actor_account_id=principal.account_id,
        mission_id=mission_id,
        project_id=project_id,
        change=change,
    )


async def create_mission(principal: Principal, data: MissionCreate) -> dict[str, Any]:
    title = _text(data.title, "title")
    _place_choice(data.place_id, data.place)
    check_times(data.starts_at, data.ends_at, data.allow_long)
    roles = check_roles(data.roles)
    async with transaction():
        project = await _open_project(principal.org_id, data.project_id)
        clock = await _resolve_place(principal, data.place_id, data.place)
        check_inside_project(project, clock.tz, [data.starts_at])
        [mission_id] = await _insert(
            principal.org_id,
            project["id"],
            [NewMission(title, data.starts_at, data.ends_at, clock.place_id)],
            notes=data.notes,
            allow_long=data.allow_long,
            status="DRAFT",
            roles=[roles],
        )
        await record(
            principal.org_id, principal.account_id, "mission.created", f"mission:{mission_id}"
        )
        await emit_events([_changed(principal, mission_id, project["id"], "created")])
    return await get_mission(principal.org_id, mission_id)


def _slot(slot: TimeSlot, index: int) -> tuple[dt.time, dt.time]:
    """Start and end wall-clock times; an end not after the start needs ``ends_next_day``."""
    parsed: list[dt.time] = []
    for name, value in (("start", slot.start), ("end", slot.end)):
        match = _HHMM.match(value)
        if not match:
            raise DomainError(
                "mission.invalid_slot",
                f"Time {value[:20]!r} is not HH:MM (00:00 to 23:59)",
                details={"field": f"slots[{index}].{name}"},
                status=422,
            )
        parsed.append(dt.time(int(match[1]), int(match[2])))
    start, end = parsed
    if end <= start and not slot.ends_next_day:
        raise DomainError(
            "mission.ends_before_start",
            f"Slot {slot.start}-{slot.end} ends before it starts: if it crosses midnight,"
            " say so with ends_next_day: true",
            details={"field": f"slots[{index}].end", "start": slot.start, "end": slot.end},
            status=422,
        )
    return start, end


def _days(data: BulkMissionsCreate) -> list[dt.date]:
    return pattern_days(data.days, data.date_from, data.date_to, data.weekdays)


def pattern_days(
    listed: list[dt.date] | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    weekdays_in: list[int] | None = None,
    *,
    names: tuple[str, str] = ("date_from", "date_to"),
) -> list[dt.date]:
    """Listed days (sorted, distinct), or the days of a range (optionally some weekdays only).

    Days lie in the years MIN_YEAR..MAX_YEAR (a slot may end days later: 9999-12-31 + 1
    would overflow)."""
    start, end = names
    if listed is not None and (date_from or date_to):
        raise DomainError(
            "mission.invalid_pattern", f"Give either days or {start}/{end}, not both", status=422
        )
    for field, days_given in (("days", listed or []), (start, [date_from]), (end, [date_to])):
        far = [d for d in days_given if d and not MIN_YEAR <= d.year <= MAX_YEAR]
        if far:
            raise DomainError(
                "mission.invalid_pattern",
                f"Days go from {MIN_YEAR} to {MAX_YEAR}, not {far[0].isoformat()}",
                details={"field": field},
                status=422,
            )
    if listed is not None:
        return sorted(set(listed))
    if not date_from or not date_to:
        raise DomainError(
            "mission.invalid_pattern", f"Give days, or both {start} and {end}", status=422
        )
    if date_to < date_from:
        raise DomainError(
            "mission.invalid_pattern", f"{end} must be on or after {start}", status=422
        )
    span = (date_to - date_from).days + 1
    if span > MAX_RANGE_DAYS:
        raise DomainError(
            "mission.invalid_pattern", f"A range covers at most {MAX_RANGE_DAYS} days", status=422
        )
    weekdays = set(weekdays_in) if weekdays_in is not None else set(range(7))
    if not weekdays <= set(range(7)):
        raise DomainError(
            "mission.invalid_pattern", "weekdays go from 0 (Monday) to 6 (Sunday)", status=422
        )
    days = (date_from + dt.timedelta(days=i) for i in range(span))
    return [d for d in days if d.weekday() in weekdays]


@dataclass(frozen=True, slots=True)
class _Slot:
    index: int
    start: dt.time
    end: dt.time
    title: str
    clock: PlaceClock
    roles: int
    day_offset: int
    end_days: int
    fold: int


async def slot_places(
    principal: Principal, data: BulkMissionsCreate
) -> tuple[PlaceClock, dict[int, PlaceClock]]:
    """The call's place and clock, and those of the slots with their own place (by index);
    each distinct place is read once. Call inside the command's transaction."""
    _place_choice(data.place_id, data.place)
    for i, slot in enumerate(data.slots):
        _place_choice(slot.place_id, slot.place, f"slots[{i}].")
    call = await _resolve_place(principal, data.place_id, data.place)
    known: dict[tuple[str, Any], PlaceClock] = {}
    own: dict[int, PlaceClock] = {}
    for i, slot in enumerate(data.slots):
        if slot.place_id is None and slot.place is None:
            continue
        key: tuple[str, Any] = (
            ("id", slot.place_id)
            if slot.place_id is not None
            else ("name", (slot.place or "").strip().lower())
        )
        if key not in known:
            known[key] = await _resolve_place(
                principal, slot.place_id, slot.place or "", field=f"slots[{i}].place"
            )
        own[i] = known[key]
    return call, own


def _slots(
    data: BulkMissionsCreate,
    call: PlaceClock,
    roles: list[list[dict[str, Any]]],
    own_places: dict[int, PlaceClock],
) -> list[_Slot]:
    """Validated slots; a slot's own roles are appended to ``roles`` (its index kept)."""
    title = _text(data.title, "title")
    out: list[_Slot] = []
    for i, slot in enumerate(data.slots):
        start, end = _slot(slot, i)
        own_roles = 0
        if slot.roles is not None:
            roles.append(check_roles(slot.roles, f"slots[{i}].roles"))
            own_roles = len(roles) - 1
        out.append(
            _Slot(
                index=i,
                start=start,
                end=end,
                title=_text(slot.title, "title", path=f"slots[{i}].title") if slot.title else title,
                clock=own_places.get(i, call),
                roles=own_roles,
                day_offset=slot.day_offset,
                end_days=slot.day_offset + (1 if slot.ends_next_day else 0),
                fold=slot.fold,
            )
        )
    return out


def expand_pattern(
    data: BulkMissionsCreate,
    call: PlaceClock,
    roles: list[list[dict[str, Any]]] | None = None,
    own_places: dict[int, PlaceClock] | None = None,
) -> list[NewMission]:
    """Days x slots -> missions; local wall-clock times on each slot's clock (its own
    place's, else the call's ``call``; see :func:`local_instant`).

    ``roles`` starts with the call's roles (index 0); each slot with its own roles
    appends them and its missions point at them.
    """
    if roles is None:
        roles = [check_roles(data.roles)]
    if not data.slots:
        raise DomainError("mission.invalid_pattern", "Give at least one time slot", status=422)
    slots = _slots(data, call, roles, own_places or {})
    days = _days(data)
    if not days:
        raise DomainError("mission.invalid_pattern", "The pattern creates no mission", status=422)
    if len(days) * len(slots) > MAX_BULK:
        raise DomainError(
            "mission.bulk_too_large",
            f"One bulk creation makes at most {MAX_BULK} missions",
            details={"requested": len(days) * len(slots)},
            status=422,
        )
    out: list[NewMission] = []
    for day in days:
        for slot in slots:
            tz = slot.clock.tz
            starts_at = local_instant(
                day + dt.timedelta(days=slot.day_offset),
                slot.start,
                tz,
                fold=slot.fold,
                field=f"slots[{slot.index}].start",
            )
            ends_at = local_instant(
                day + dt.timedelta(days=slot.end_days),
                slot.end,
                tz,
                fold=slot.fold,
                field=f"slots[{slot.index}].end",
            )
            check_times(starts_at, ends_at, data.allow_long)
            out.append(
                NewMission(slot.title, starts_at, ends_at, slot.clock.place_id, slot.roles, tz)
            )
    return out


def check_pattern(data: BulkMissionsCreate) -> None:
    """The checks of a pattern that need no day nor place: its title, each slot's times,
    title and roles, the shared roles (the errors :func:`bulk_create` would answer).
    Mission templates are checked with it when saved."""
    roles = [check_roles(data.roles)]
    if not data.slots:
        raise DomainError("mission.invalid_pattern", "Give at least one time slot", status=422)
    _slots(data, PlaceClock(None, ZoneInfo("UTC")), roles, {})


async def open_project(org_id: int, project_id: int) -> dict[str, Any]:
    """The project missions are added to, not archived, its dates locked until commit
    (call inside the command's transaction)."""
    return await _open_project(org_id, project_id)


async def insert_pattern(
    principal: Principal,
    project: dict[str, Any],
    data: BulkMissionsCreate,
    *,
    template: tuple[int, int] | None = None,
) -> list[int]:
    """The missions of one pattern, inserted inside the caller's transaction (the project
    from :func:`open_project`): the one path of :func:`bulk_create` and of applying a
    mission template. Returns their ids; records nothing, emits nothing."""
    roles = [check_roles(data.roles)]
    call, own_places = await slot_places(principal, data)
    rows = expand_pattern(data, call, roles, own_places)
    check_rows_inside_project(project, rows, call.tz)
    return await _insert(
        principal.org_id,
        project["id"],
        rows,
        notes=data.notes,
        allow_long=data.allow_long,
        status="PUBLISHED" if data.publish else "DRAFT",
        roles=roles,
        template=template,
    )


def created_events(principal: Principal, project_id: int, ids: list[int]) -> list[DomainEvent]:
    """The MissionChanged events of new missions."""
    return [_changed(principal, i, project_id, "created") for i in ids]


async def bulk_create(
    principal: Principal, project_id: int, data: BulkMissionsCreate
) -> list[dict[str, Any]]:
    """All the missions of the pattern, or none (one transaction)."""
    check_roles(data.roles)
    async with transaction():
        project = await _open_project(principal.org_id, project_id)
        ids = await insert_pattern(principal, project, data)
        await record(
            principal.org_id,
            principal.account_id,
            "mission.bulk_created",
            f"project:{project_id}",
            {"count": len(ids), "first_id": ids[0], "last_id": ids[-1]},
        )
        await emit_events(created_events(principal, project_id, ids))
    return await get_missions(principal.org_id, ids)


async def duplicate_mission(
    principal: Principal, mission_id: int, data: MissionDuplicate
) -> list[dict[str, Any]]:
    """Copies of a mission (title, place, notes, roles; never its assignments), all or nothing.

    Each copy keeps the source's local wall-clock times in its timezone (its place's,
    else the org's), so 19:00-01:00 stays 19:00-01:00 on the other side of a DST
    change (its UTC length then differs by an hour). A copy whose local time the clocks
    skip is a 422 ``mission.nonexistent_local_time``; one they repeat takes ``fold``.
    """
    async with transaction():
        source = await get_mission(principal.org_id, mission_id)
        project = await _open_project(principal.org_id, source["project_id"])
        tz = await mission_timezone(principal.org_id, source["place_id"], lock=True)
        local_start = source["starts_at"].astimezone(tz)
        local_end = source["ends_at"].astimezone(tz)
        days = pattern_days(data.days, data.date_from, data.date_to, names=("from", "to"))
        if data.days is None:
            # A range means "every other day": the source already covers its own day.
            days = [d for d in days if d != local_start.date()]
        if not days:
            raise DomainError(
                "mission.invalid_pattern", "The duplication creates no mission", status=422
            )
        if len(days) > MAX_RANGE_DAYS:
            raise DomainError(
                "mission.bulk_too_large",
                f"One duplication makes at most {MAX_RANGE_DAYS} missions",
                details={"requested": len(days)},
                status=422,
            )
        extra_days = dt.timedelta(days=(local_end.date() - local_start.date()).days)
        rows: list[NewMission] = []
        for day in days:
            starts_at = local_instant(
                day, local_start.time(), tz, fold=data.fold, field="starts_at"
            )
            ends_at = local_instant(
                day + extra_days, local_end.time(), tz, fold=data.fold, field="ends_at"
            )
            check_times(starts_at, ends_at, source["allow_long"])
            rows.append(NewMission(source["title"], starts_at, ends_at, source["place_id"]))
        check_inside_project(project, tz, [r.starts_at for r in rows])
        roles = [
            {"name": r["name"], "quota": r["quota"], "required_skills": r["required_skills"]}
            for r in source["roles"]
        ]
        ids = await _insert(
            principal.org_id,
            project["id"],
            rows,
            notes=source["notes"],
            allow_long=source["allow_long"],
            status="PUBLISHED" if data.publish else "DRAFT",
            roles=[roles],
        )
        await record(
            principal.org_id,
            principal.account_id,
            "mission.duplicated",
            f"mission:{mission_id}",
            {"count": len(ids), "first_id": ids[0], "last_id": ids[-1]},
        )
        await emit_events([_changed(principal, i, project["id"], "created") for i in ids])
    return await get_missions(principal.org_id, ids)


#: Sort keys of the missions list and the SQL each orders by (docs/api.md).
MISSIONS = Listing(
    sorts={
        "id": "m.id",
        "starts_at": "m.starts_at",
        "ends_at": "m.ends_at",
        "title": "lower(m.title)",
        "status": "m.status",
        "project_id": "m.project",
        "place": "lower(pl.name)",
        "created_at": "m.created_at",
        "updated_at": "m.updated_at",
    },
    default="starts_at",
    item=MissionOut,
)


async def search_missions(
    org_id: int,
    listing: ListQuery,
    *,
    starts_from: dt.datetime | None = None,
    ends_to: dt.datetime | None = None,
    project_id: int | None = None,
    status: str | None = None,
    role: str | None = None,
    place: str | None = None,
    place_id: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Missions overlapping [from, to), filtered; ordered by start by default. ``place``
    keeps the missions whose place's name contains the text; ``place_id`` those of one
    place. A ``project_id`` or ``place_id`` that is not the org's is a 404 like every
    filter."""
    where = ["m.org = $1"]
    arg = SqlParams(org_id)

    if starts_from is not None:
        where.append(f"m.ends_at > {arg(require_aware(starts_from, 'from'))}")
    if ends_to is not None:
        where.append(f"m.starts_at < {arg(require_aware(ends_to, 'to'))}")
    if starts_from is not None and ends_to is not None and ends_to <= starts_from:
        raise DomainError("mission.invalid_window", "to must be after from", status=400)
    if project_id is not None:
        await check_filter("projects", org_id, project_id, "project")
        where.append(f"m.project = {arg(project_id)}")
    if status:
        where.append(f"m.status = {arg(status)}")
    if role:
        ref = arg(role.strip())
        where.append(
            "EXISTS (SELECT 1 FROM mission_roles r"  # noqa: S608 - only a $n placeholder is added
            f" WHERE r.mission = m.id AND lower(r.name) = lower({ref}))"
        )
    if place:
        pattern = "%" + re.sub(r"([%_\\])", r"\\\1", place.strip()) + "%"
        where.append(
            "m.place_id IN (SELECT pl.id FROM places pl"  # noqa: S608 - only a $n placeholder
            f" WHERE pl.org = $1 AND pl.name ILIKE {arg(pattern)})"
        )
    if place_id is not None:
        await check_filter("places", org_id, place_id, "place_id")
        where.append(f"m.place_id = {arg(place_id)}")
    clause = " AND ".join(where)
    count_sql = f"SELECT count(*) AS n FROM missions m WHERE {clause}"  # noqa: S608
    total = (await fetch(count_sql, *arg.values))[0]["n"]
    listing.check_page(total)
    rows = await fetch(
        f"{_SELECT} WHERE {clause} ORDER BY {MISSIONS.order_by(listing)} "
        f"LIMIT {arg(listing.page_size)} OFFSET {arg(listing.offset)}",
        *arg.values,
    )
    return [_row(r) for r in rows], total


async def update_mission(
    principal: Principal, mission_id: int, data: MissionUpdate
) -> dict[str, Any]:
    """Edit a mission; new times are copied onto its assignments (the overlap rule sees them)."""
    changes: dict[str, Any] = {}
    if data.title is not msgspec.UNSET:
        changes["title"] = _text(data.title, "title")
    place_id_in = None if data.place_id is msgspec.UNSET else data.place_id
    place_in = "" if data.place is msgspec.UNSET else data.place
    _place_choice(place_id_in, place_in)
    place_given = data.place_id is not msgspec.UNSET or data.place is not msgspec.UNSET
    if data.notes is not msgspec.UNSET:
        changes["notes"] = data.notes
    async with transaction():
        # Project before mission, the order a project deletion locks them in (no deadlock).
        owner = await fetch(
            "SELECT project FROM missions WHERE org = $1 AND id = $2", principal.org_id, mission_id
        )
        if not owner:
            raise NotFound("mission.not_found", "Mission not found")
        project = await _open_project(principal.org_id, owner[0]["project"])
        current = await _lock_mission(principal.org_id, mission_id)
        starts_at = current["starts_at"] if data.starts_at is msgspec.UNSET else data.starts_at
        ends_at = current["ends_at"] if data.ends_at is msgspec.UNSET else data.ends_at
        allow_long = current["allow_long"] if data.allow_long is msgspec.UNSET else data.allow_long
        check_times(starts_at, ends_at, allow_long)
        times_changed = (starts_at, ends_at) != (current["starts_at"], current["ends_at"])
        place_id = current["place_id"]
        if place_given:
            place_id = (
                place_id_in
                if place_id_in is not None
                else await places.place_named(principal, place_in)
            )
        # The mission's day is the local day of its place: a new place may move it.
        if starts_at != current["starts_at"] or place_id != current["place_id"]:
            tz = await mission_timezone(principal.org_id, place_id, lock=True)
            check_inside_project(project, tz, [starts_at])
        if place_id != current["place_id"]:
            changes["place_id"] = place_id
        if times_changed or allow_long != current["allow_long"]:
            changes.update(starts_at=starts_at, ends_at=ends_at, allow_long=allow_long)
        if not changes:
            return await get_mission(principal.org_id, mission_id)
        sets = ", ".join(f"{col} = ${i + 3}" for i, col in enumerate(changes))
        await fetch(
            f"UPDATE missions SET {sets}, updated_at = now() WHERE org = $1 AND id = $2",  # noqa: S608
            principal.org_id,
            mission_id,
            *changes.values(),
        )
        if times_changed:
            with overlap_as_conflict():
                await fetch(
                    """UPDATE assignments SET starts_at = $2, ends_at = $3, updated_at = now()
                       WHERE mission = $1""",
                    mission_id,
                    starts_at,
                    ends_at,
                )
        await record_change(
            principal.org_id,
            principal.account_id,
            "mission.updated",
            f"mission:{mission_id}",
            current,
            changes,
        )
        await emit_events([_changed(principal, mission_id, current["project"], "updated")])
    return await get_mission(principal.org_id, mission_id)


async def set_published(principal: Principal, mission_id: int, published: bool) -> dict[str, Any]:
    target = "PUBLISHED" if published else "DRAFT"
    events: list[DomainEvent] = []
    async with transaction():
        current = await _lock_mission(principal.org_id, mission_id)
        ensure_open(await get_project(principal.org_id, current["project"]))
        if current["status"] != target:
            await fetch(
                "UPDATE missions SET status = $2, updated_at = now() WHERE id = $1",
                mission_id,
                target,
            )
            change = "published" if published else "unpublished"
            await record_change(
                principal.org_id,
                principal.account_id,
                f"mission.{change}",
                f"mission:{mission_id}",
                current,
                {"status": target},
            )
            events.append(_changed(principal, mission_id, current["project"], change))
        await emit_events(events)
    return await get_mission(principal.org_id, mission_id)


async def _has_active(column: str, value: int) -> bool:
    return bool(
        await fetch(
            f"SELECT 1 FROM assignments WHERE {column} = $1 "  # noqa: S608
            "AND status IN ('INVITED', 'ACCEPTED') LIMIT 1",
            value,
        )
    )


async def delete_mission(principal: Principal, mission_id: int) -> None:
    async with transaction():
        current = await _lock_mission(principal.org_id, mission_id)
        ensure_open(await get_project(principal.org_id, current["project"]))
        if await _has_active("mission", mission_id):
            raise Conflict(
                "mission.has_active_assignments",
                "Cancel the invited or accepted assignments of this mission first",
            )
        await fetch("DELETE FROM missions WHERE id = $1", mission_id)
        await record(
            principal.org_id, principal.account_id, "mission.deleted", f"mission:{mission_id}"
        )
        await emit_events([_changed(principal, mission_id, current["project"], "deleted")])


async def batch(principal: Principal, data: MissionBatch) -> tuple[list[int], list[dict[str, Any]]]:
    """Publish, unpublish or delete many missions of the org in one transaction, all or nothing.

    Any unknown (or another org's) id is a 404 ``mission.not_found`` (details:
    ``mission_ids``); a mission of an archived project a 409 ``project.archived``;
    ``delete`` with invited or accepted assignments a 409
    ``mission.has_active_assignments`` (details: ``mission_ids``). Each changed
    mission is audit-logged and emits the MissionChanged event of the single route
    after commit. Returns the changed ids and the missions after the action (none
    for ``delete``).
    """
    ids = list(dict.fromkeys(data.mission_ids))
    if not ids:
        raise DomainError("mission.batch_empty", "Give at least one mission id", status=422)
    if len(ids) > MAX_BATCH:
        raise DomainError(
            "mission.batch_too_large",
            f"One batch takes at most {MAX_BATCH} missions",
            details={"requested": len(ids), "max": MAX_BATCH},
            status=422,
        )
    org_id = principal.org_id
    events: list[DomainEvent] = []
    async with transaction():
        owners = await fetch(
            "SELECT id, project FROM missions WHERE org = $1 AND id = ANY($2::int[])", org_id, ids
        )
        _require_all(ids, owners)
        # Projects before missions, the order a project deletion locks them in (no deadlock).
        project_ids = sorted({int(r["project"]) for r in owners})
        projects_rows = await fetch(
            """SELECT id, status FROM projects WHERE org = $1 AND id = ANY($2::int[])
               ORDER BY id FOR KEY SHARE""",
            org_id,
            project_ids,
        )
        for project in projects_rows:
            ensure_open(project)
        locked = await fetch(
            """SELECT id, project, status FROM missions
               WHERE org = $1 AND id = ANY($2::int[]) ORDER BY id FOR UPDATE""",
            org_id,
            ids,
        )
        _require_all(ids, locked)
        project_of = {int(r["id"]): int(r["project"]) for r in locked}
        if data.action == "delete":
            busy = await fetch(
                """SELECT DISTINCT mission FROM assignments
                   WHERE mission = ANY($1::int[]) AND status IN ('INVITED', 'ACCEPTED')
                   ORDER BY mission""",
                ids,
            )
            if busy:
                raise Conflict(
                    "mission.has_active_assignments",
                    "Cancel the invited or accepted assignments of these missions first",
                    details={"mission_ids": [int(r["mission"]) for r in busy]},
                )
            changed = ids
            await fetch("DELETE FROM missions WHERE org = $1 AND id = ANY($2::int[])", org_id, ids)
            change = "deleted"
            payload: dict[str, Any] = {"batch": True}
        else:
            target = "PUBLISHED" if data.action == "publish" else "DRAFT"
            stale = {int(r["id"]) for r in locked if r["status"] != target}
            changed = [i for i in ids if i in stale]
            if changed:
                await fetch(
                    """UPDATE missions SET status = $2, updated_at = now()
                       WHERE id = ANY($1::int[])""",
                    changed,
                    target,
                )
            change = "published" if data.action == "publish" else "unpublished"
            # Two statuses only: every changed mission went from the other one to the target.
            other = "DRAFT" if target == "PUBLISHED" else "PUBLISHED"
            payload = {"batch": True, **before_after({"status": other}, {"status": target})}
        await record_many(
            org_id,
            principal.account_id,
            f"mission.{change}",
            [f"mission:{i}" for i in changed],
            payload,
        )
        events = [_changed(principal, i, project_of[i], change) for i in changed]
        await emit_events(events)
    if data.action == "delete":
        return changed, []
    return changed, await get_missions(org_id, ids)


def _require_all(ids: list[int], rows: list[dict[str, Any]]) -> None:
    missing = sorted(set(ids) - {int(r["id"]) for r in rows})
    if missing:
        raise DomainError(
            "mission.not_found",
            "Mission not found",
            details={"mission_ids": missing[:100]},
            status=404,
        )


# -- mission roles -------------------------------------------------------------------


async def add_role(principal: Principal, mission_id: int, data: MissionRoleIn) -> dict[str, Any]:
    roles_json = json.dumps(check_roles([data], path=None))
    async with transaction():
        current = await _lock_mission(principal.org_id, mission_id)
        ensure_open(await get_project(principal.org_id, current["project"]))
        try:
            await fetch(
                """INSERT INTO mission_roles (org, mission, name, quota, required_skills)
                   SELECT $1, $2, r.name, r.quota, r.required_skills
                   FROM jsonb_to_recordset($3::jsonb)
                        AS r(name text, quota int, required_skills text[])""",
                principal.org_id,
                mission_id,
                roles_json,
            )
        except asyncpg.exceptions.UniqueViolationError as exc:
            raise Conflict(
                "mission_role.duplicate_name", "This mission already has a role with that name"
            ) from exc
        await record(
            principal.org_id,
            principal.account_id,
            "mission.role_added",
            f"mission:{mission_id}",
            {"role": data.name.strip()},
        )
        await emit_events([_changed(principal, mission_id, current["project"], "updated")])
    return await get_mission(principal.org_id, mission_id)


async def _lock_role(org_id: int, mission_id: int, role_id: int) -> dict[str, Any]:
    rows = await fetch(
        """SELECT r.id, r.name, r.quota, r.required_skills, m.project FROM mission_roles r
           JOIN missions m ON m.id = r.mission
           WHERE r.org = $1 AND r.mission = $2 AND r.id = $3 FOR UPDATE OF r""",
        org_id,
        mission_id,
        role_id,
    )
    if not rows:
        raise NotFound("mission_role.not_found", "Mission role not found")
    return rows[0]


async def update_role(
    principal: Principal, mission_id: int, role_id: int, data: MissionRoleUpdate
) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if data.name is not msgspec.UNSET:
        changes["name"] = _role_name(data.name)
    if data.quota is not msgspec.UNSET:
        changes["quota"] = _quota(data.quota)
    if data.required_skills is not msgspec.UNSET:
        changes["required_skills"] = clean_names(data.required_skills, "skill")
    promoted: list[DomainEvent] = []
    async with transaction():
        # The mission first: a raised quota promotes reserves (lock order in
        # assignments/reserves.py).
        await fetch(
            "SELECT 1 FROM missions WHERE org = $1 AND id = $2 FOR SHARE",
            principal.org_id,
            mission_id,
        )
        role = await _lock_role(principal.org_id, mission_id, role_id)
        ensure_open(await get_project(principal.org_id, role["project"]))
        if "quota" in changes:
            accepted = (
                await fetch(
                    """SELECT count(*) AS n FROM assignments
                       WHERE mission_role = $1 AND status = 'ACCEPTED' AND NOT reserve""",
                    role_id,
                )
            )[0]["n"]
            if changes["quota"] < accepted:
                raise Conflict(
                    "mission_role.quota_below_accepted",
                    f"{accepted} assignments are already accepted on this role",
                    details={"accepted": accepted},
                )
        if changes:
            sets = ", ".join(f"{col} = ${i + 2}" for i, col in enumerate(changes))
            try:
                await fetch(
                    f"UPDATE mission_roles SET {sets} WHERE id = $1",  # noqa: S608
                    role_id,
                    *changes.values(),
                )
            except asyncpg.exceptions.UniqueViolationError as exc:
                raise Conflict(
                    "mission_role.duplicate_name", "This mission already has a role with that name"
                ) from exc
            await record_change(
                principal.org_id,
                principal.account_id,
                "mission.role_updated",
                f"mission_role:{role_id}",
                role,
                changes,
                {"mission_id": mission_id},
            )
        if changes.get("quota", 0) > role["quota"]:
            promoted += await promote(
                principal.org_id,
                role_id,
                changes["quota"],
                cause="quota",
                actor_account_id=principal.account_id,
            )
        if changes:
            await emit_events(
                [_changed(principal, mission_id, role["project"], "updated"), *promoted]
            )
    return await get_mission(principal.org_id, mission_id)


async def delete_role(principal: Principal, mission_id: int, role_id: int) -> dict[str, Any]:
    async with transaction():
        role = await _lock_role(principal.org_id, mission_id, role_id)
        ensure_open(await get_project(principal.org_id, role["project"]))
        if await _has_active("mission_role", role_id):
            raise Conflict(
                "mission_role.has_active_assignments",
                "Cancel the invited or accepted assignments of this role first",
            )
        await fetch("DELETE FROM mission_roles WHERE id = $1", role_id)
        await record(
            principal.org_id,
            principal.account_id,
            "mission.role_deleted",
            f"mission_role:{role_id}",
            {"role": role["name"]},
        )
        await emit_events([_changed(principal, mission_id, role["project"], "updated")])
    return await get_mission(principal.org_id, mission_id)
