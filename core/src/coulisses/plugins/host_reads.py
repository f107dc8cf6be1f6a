"""The reads the core offers plugins through the SDK host, each scoped to one org.

They return the SDK's frozen views (``coulisses_sdk.context``), never table
rows, so the schema can change without breaking plugins. List reads page by keyset:
their cursor is an opaque token naming the read and the sort key of the last row
given (see :func:`encode_cursor`).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from coulisses.db.connection import SqlParams, fetch, fetch_records, transaction
from coulisses.errors import DomainError, NotFound
from coulisses.scheduling.certifications.service import expiring_all
from coulisses.scheduling.common import json_value
from coulisses.scheduling.rates.service import Rate, resolve_rate
from coulisses_sdk import (
    AssignmentContext,
    AssignmentSummary,
    CertificationAlert,
    Contact,
    OrgInfo,
)
from coulisses_sdk.context import (
    AssignmentInfo,
    CursorPage,
    MissionInfo,
    MissionRoleInfo,
    PlaceInfo,
    ProjectInfo,
    RateInfo,
    UserInfo,
    UserSkill,
    WorkRow,
)
from coulisses_sdk.host import check_limit

#: Real elapsed minutes, floored: the figure missions, assignments and the planning show.
_MINUTES = "floor(extract(epoch FROM {table}.ends_at - {table}.starts_at) / 60)::int"

MANAGER_ROLES = ("manager", "admin", "owner")


def _name(first: str | None, last: str | None, fallback: str) -> str:
    return " ".join(p for p in (first, last) if p) or fallback


async def org_info(org_id: int) -> OrgInfo | None:
    rows = await fetch("SELECT id, name, timezone, locale FROM orgs WHERE id = $1", org_id)
    if not rows:
        return None
    r = rows[0]
    return OrgInfo(org_id=r["id"], name=r["name"], timezone=r["timezone"], locale=r["locale"])


def _contact(row: dict[str, Any]) -> Contact:
    return Contact(
        account_id=row["id"],
        email=row["email"],
        name=_name(row["first_name"], row["last_name"], row["email"]),
        role=row["role"],
    )


async def member_contacts(org_id: int, roles: Sequence[str]) -> list[Contact]:
    rows = await fetch(
        """SELECT a.id, a.email, a.first_name, a.last_name, m.role
           FROM org_memberships m JOIN accounts a ON a.id = m.account
           WHERE m.org = $1 AND m.role = ANY($2::text[]) AND a.active
           ORDER BY a.id""",
        org_id,
        list(roles),
    )
    return [_contact(r) for r in rows]


async def project_managers(org_id: int, project_id: int) -> list[Contact]:
    """The project's managers (``project_managers``) who still are manager or above.

    A project without named managers falls back to the members (manager and
    up) who invited crew on it, then to the org's admins and owners.
    """
    named = await fetch(
        """SELECT a.id, a.email, a.first_name, a.last_name, m.role
           FROM project_managers pm
           JOIN org_memberships m ON m.account = pm.account AND m.org = pm.org
           JOIN accounts a ON a.id = m.account
           WHERE pm.org = $1 AND pm.project = $2 AND m.role = ANY($3::text[]) AND a.active
           ORDER BY a.id""",
        org_id,
        project_id,
        list(MANAGER_ROLES),
    )
    if named:
        return [_contact(r) for r in named]
    inviters = await fetch(
        """SELECT DISTINCT a.id, a.email, a.first_name, a.last_name, m.role
           FROM assignments s JOIN missions mi ON mi.id = s.mission
           JOIN org_memberships m ON m.account = s.created_by AND m.org = s.org
           JOIN accounts a ON a.id = m.account
           WHERE s.org = $1 AND mi.project = $2 AND m.role = ANY($3::text[]) AND a.active
           ORDER BY a.id""",
        org_id,
        project_id,
        list(MANAGER_ROLES),
    )
    if inviters:
        return [_contact(r) for r in inviters]
    return await member_contacts(org_id, ("admin", "owner"))


_OPEN_INVITATION = """LEFT JOIN LATERAL (
    SELECT i.id, i.expires_at FROM invitations i
    WHERE i.assignment = s.id AND i.revoked_at IS NULL AND i.answer IS NULL
    ORDER BY i.id DESC LIMIT 1) inv ON true"""


async def assignment_context(org_id: int, assignment_id: int) -> AssignmentContext | None:
    rows = await fetch(
        f"""SELECT s.id, s.status, s.reserve, s.user_id, u.first_name, u.last_name, u.email,
                  u.account, mi.id AS mission_id, mi.title, pl.name AS place,
                  COALESCE(pl.timezone, o.timezone) AS mission_timezone,
                  mi.starts_at, mi.ends_at,
                  r.name AS role_name, p.id AS project_id, p.name AS project_name,
                  o.id AS org_id, o.name AS org_name, o.timezone, o.locale,
                  inv.id AS invitation_id, inv.expires_at
           FROM assignments s JOIN users u ON u.id = s.user_id
           JOIN missions mi ON mi.id = s.mission JOIN mission_roles r ON r.id = s.mission_role
           JOIN projects p ON p.id = mi.project JOIN orgs o ON o.id = s.org
           LEFT JOIN places pl ON pl.id = mi.place_id
           {_OPEN_INVITATION}
           WHERE s.org = $1 AND s.id = $2""",  # noqa: S608 - constant fragment
        org_id,
        assignment_id,
    )
    if not rows:
        return None
    r = rows[0]
    org = OrgInfo(
        org_id=r["org_id"], name=r["org_name"], timezone=r["timezone"], locale=r["locale"]
    )
    return AssignmentContext(
        org=org,
        assignment_id=r["id"],
        status=r["status"],
        user_id=r["user_id"],
        user_first_name=r["first_name"],
        user_name=_name(r["first_name"], r["last_name"], r["first_name"]),
        user_email=r["email"],
        user_account_id=r["account"],
        locale=r["locale"],
        mission_id=r["mission_id"],
        mission_title=r["title"],
        place=r["place"] or "",
        timezone=r["mission_timezone"],
        starts_at=r["starts_at"],
        ends_at=r["ends_at"],
        role_name=r["role_name"],
        project_id=r["project_id"],
        project_name=r["project_name"],
        managers=tuple(await project_managers(org_id, r["project_id"])),
        invitation_id=r["invitation_id"],
        invitation_expires_at=r["expires_at"],
        reserve=r["reserve"],
    )


async def list_assignments(
    org_id: int,
    *,
    user_id: int | None,
    mission_id: int | None,
    statuses: Sequence[str],
    starts_after: dt.datetime | None,
    starts_before: dt.datetime | None,
    invitation_expires_before: dt.datetime | None,
    limit: int,
) -> list[AssignmentSummary]:
    page = await list_assignments_page(
        org_id,
        user_id=user_id,
        mission_id=mission_id,
        statuses=statuses,
        starts_after=starts_after,
        starts_before=starts_before,
        invitation_expires_before=invitation_expires_before,
        limit=limit,
        cursor=None,
    )
    return list(page.items)


async def list_assignments_page(
    org_id: int,
    *,
    user_id: int | None,
    mission_id: int | None,
    statuses: Sequence[str],
    starts_after: dt.datetime | None,
    starts_before: dt.datetime | None,
    invitation_expires_before: dt.datetime | None,
    limit: int,
    cursor: str | None,
) -> CursorPage[AssignmentSummary]:
    check_limit(limit)
    where = ["s.org = $1", "s.status = ANY($2::text[])"]
    arg = SqlParams(org_id, list(statuses))

    if user_id is not None:
        where.append(f"s.user_id = {arg(user_id)}")
    if mission_id is not None:
        where.append(f"s.mission = {arg(mission_id)}")
    if starts_after is not None:
        where.append(f"s.starts_at >= {arg(starts_after)}")
    if starts_before is not None:
        where.append(f"s.starts_at < {arg(starts_before)}")
    if invitation_expires_before is not None:
        where.append(f"inv.expires_at < {arg(invitation_expires_before)}")
    if cursor is not None:
        after_starts, after_id = _time_key(decode_cursor("assignments", cursor))
        where.append(f"(s.starts_at, s.id) > ({arg(after_starts)}, {arg(after_id)})")
    # The assignment's times are its mission's (copied under the mission's lock), so
    # ordering by them orders by mission start, on the (org, starts_at) index.
    rows = await fetch(
        f"""SELECT s.id, s.status, s.reserve, s.user_id, mi.id AS mission_id, mi.title,
                   pl.name AS place,
                   COALESCE(pl.timezone, o.timezone) AS mission_timezone,
                   r.name AS role_name, s.starts_at, s.ends_at,
                   {_MINUTES.format(table="s")} AS duration_minutes,
                   inv.id AS invitation_id, inv.expires_at
            FROM assignments s JOIN missions mi ON mi.id = s.mission
            JOIN mission_roles r ON r.id = s.mission_role JOIN orgs o ON o.id = s.org
            LEFT JOIN places pl ON pl.id = mi.place_id
            {_OPEN_INVITATION}
            WHERE {" AND ".join(where)}
            ORDER BY s.starts_at, s.id LIMIT {arg(limit + 1)}""",  # noqa: S608
        *arg.values,
    )
    items = [
        AssignmentSummary(
            assignment_id=r["id"],
            status=r["status"],
            user_id=r["user_id"],
            mission_id=r["mission_id"],
            mission_title=r["title"],
            place=r["place"] or "",
            timezone=r["mission_timezone"],
            role_name=r["role_name"],
            starts_at=r["starts_at"],
            ends_at=r["ends_at"],
            invitation_id=r["invitation_id"],
            invitation_expires_at=r["expires_at"],
            reserve=r["reserve"],
            duration_minutes=r["duration_minutes"],
        )
        for r in rows[:limit]
    ]
    next_cursor = None
    if len(rows) > limit:
        last = items[-1]
        next_cursor = encode_cursor("assignments", last.starts_at.isoformat(), last.assignment_id)
    return CursorPage(items=tuple(items), next_cursor=next_cursor)


# -- cursors ------------------------------------------------------------------------


def encode_cursor(read: str, *key: Any) -> str:
    """An opaque cursor: the read it belongs to and the sort key of the last row given.

    Not signed: it only says where to resume a read the plugin may make anyway (every
    read is scoped to the org it names), so a forged cursor reveals nothing.
    """
    raw = json.dumps([read, *key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(read: str, cursor: str) -> list[Any]:
    """The sort key a cursor of ``read`` carries; ``ValueError`` for anything else."""
    try:
        if not isinstance(cursor, str) or len(cursor) > 500:
            raise ValueError
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        value = None
    if not isinstance(value, list) or len(value) < 2 or value[0] != read:
        raise ValueError(f"cursor: not a cursor of the {read} read")
    return value[1:]


def _id_key(key: list[Any]) -> int:
    if len(key) != 1 or type(key[0]) is not int:
        raise ValueError("cursor: malformed")
    return int(key[0])


def _time_key(key: list[Any]) -> tuple[dt.datetime, int]:
    if len(key) != 2 or not isinstance(key[0], str) or type(key[1]) is not int:
        raise ValueError("cursor: malformed")
    try:
        starts = dt.datetime.fromisoformat(key[0])
    except ValueError as exc:
        raise ValueError("cursor: malformed") from exc
    if starts.tzinfo is None:
        raise ValueError("cursor: malformed")
    return starts, int(key[1])


async def _id_page(
    read: str, sql: str, arg: SqlParams, where: list[str], limit: int, cursor: str | None
) -> list[dict[str, Any]]:
    """Rows of an id-ordered read: ``sql`` has ``{where}`` and ``{limit}`` slots."""
    check_limit(limit)
    if cursor is not None:
        where.append(f"id > {arg(_id_key(decode_cursor(read, cursor)))}")
    return await fetch(
        sql.format(where=" AND ".join(where), limit=arg(limit + 1)),
        *arg.values,
    )


def _page_by_id(read: str, items: list[Any], limit: int, key: str) -> CursorPage[Any]:
    if len(items) > limit:
        items = items[:limit]
        return CursorPage(
            items=tuple(items), next_cursor=encode_cursor(read, getattr(items[-1], key))
        )
    return CursorPage(items=tuple(items), next_cursor=None)


# -- assignments, missions, roles ----------------------------------------------------

_ASSIGNMENT_SQL = f"""SELECT s.id, s.mission, s.mission_role, r.name AS role_name, s.user_id,
       s.status, s.starts_at, s.ends_at, {_MINUTES.format(table="s")} AS duration_minutes,
       s.reserve, s.answered_at, s.created_at, s.updated_at,
       inv.id AS invitation_id, inv.expires_at
FROM assignments s JOIN mission_roles r ON r.id = s.mission_role
{_OPEN_INVITATION}
WHERE s.org = $1 AND s.id = $2"""  # noqa: S608 - constant fragments


async def get_assignment(org_id: int, assignment_id: int) -> AssignmentInfo | None:
    rows = await fetch(_ASSIGNMENT_SQL, org_id, assignment_id)
    if not rows:
        return None
    r = rows[0]
    return AssignmentInfo(
        assignment_id=r["id"],
        mission_id=r["mission"],
        role_id=r["mission_role"],
        role_name=r["role_name"],
        user_id=r["user_id"],
        status=r["status"],
        starts_at=r["starts_at"],
        ends_at=r["ends_at"],
        duration_minutes=r["duration_minutes"],
        reserve=r["reserve"],
        answered_at=r["answered_at"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        invitation_id=r["invitation_id"],
        invitation_expires_at=r["expires_at"],
    )


_MISSION_SELECT = f"""SELECT m.id, m.project, m.title, m.status, m.place_id,
       COALESCE(pl.name, '') AS place, COALESCE(pl.timezone, o.timezone) AS timezone,
       m.starts_at, m.ends_at, {_MINUTES.format(table="m")} AS duration_minutes,
       m.allow_long, m.created_at, m.updated_at
FROM missions m JOIN orgs o ON o.id = m.org LEFT JOIN places pl ON pl.id = m.place_id"""  # noqa: S608


def _mission(r: dict[str, Any]) -> MissionInfo:
    return MissionInfo(
        mission_id=r["id"],
        project_id=r["project"],
        title=r["title"],
        status=r["status"],
        place_id=r["place_id"],
        place=r["place"],
        timezone=r["timezone"],
        starts_at=r["starts_at"],
        ends_at=r["ends_at"],
        duration_minutes=r["duration_minutes"],
        allow_long=r["allow_long"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
    )


async def get_mission(org_id: int, mission_id: int) -> MissionInfo | None:
    rows = await fetch(f"{_MISSION_SELECT} WHERE m.org = $1 AND m.id = $2", org_id, mission_id)
    return _mission(rows[0]) if rows else None


async def get_missions(org_id: int, mission_ids: Sequence[int]) -> dict[int, MissionInfo]:
    rows = await fetch(
        f"{_MISSION_SELECT} WHERE m.org = $1 AND m.id = ANY($2::int[])", org_id, list(mission_ids)
    )
    return {r["id"]: _mission(r) for r in rows}


async def list_missions(
    org_id: int,
    *,
    starts_from: dt.datetime,
    starts_before: dt.datetime,
    project_id: int | None,
    place_id: int | None,
    limit: int,
    cursor: str | None,
) -> CursorPage[MissionInfo]:
    check_limit(limit)
    if starts_from.tzinfo is None or starts_before.tzinfo is None:
        raise ValueError("starts_from and starts_before must be timezone-aware")
    arg = SqlParams(org_id, starts_from, starts_before)
    where = ["m.org = $1", "m.starts_at >= $2", "m.starts_at < $3"]
    if project_id is not None:
        where.append(f"m.project = {arg(project_id)}")
    if place_id is not None:
        where.append(f"m.place_id = {arg(place_id)}")
    if cursor is not None:
        after_starts, after_id = _time_key(decode_cursor("missions", cursor))
        where.append(f"(m.starts_at, m.id) > ({arg(after_starts)}, {arg(after_id)})")
    rows = await fetch(
        f"""{_MISSION_SELECT} WHERE {" AND ".join(where)}
            ORDER BY m.starts_at, m.id LIMIT {arg(limit + 1)}""",
        *arg.values,
    )
    items = [_mission(r) for r in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        next_cursor = encode_cursor(
            "missions", items[-1].starts_at.isoformat(), items[-1].mission_id
        )
    return CursorPage(items=tuple(items), next_cursor=next_cursor)


async def mission_roles(org_id: int, mission_id: int) -> list[MissionRoleInfo]:
    rows = await fetch(
        """SELECT r.id, r.mission, r.name, r.quota, r.required_skills, c.*
           FROM mission_roles r
           CROSS JOIN LATERAL (
               SELECT count(*) FILTER (WHERE a.status = 'INVITED' AND NOT a.reserve) AS pending,
                      count(*) FILTER (WHERE a.status = 'ACCEPTED' AND NOT a.reserve)
                          AS accepted,
                      count(*) FILTER (WHERE a.status = 'DECLINED') AS declined,
                      count(*) FILTER (WHERE a.status IN ('INVITED', 'ACCEPTED') AND a.reserve)
                          AS reserves
               FROM assignments a WHERE a.mission_role = r.id) c
           WHERE r.org = $1 AND r.mission = $2
           ORDER BY r.id""",
        org_id,
        mission_id,
    )
    return [
        MissionRoleInfo(
            role_id=r["id"],
            mission_id=r["mission"],
            name=r["name"],
            quota=r["quota"],
            required_skills=tuple(r["required_skills"] or ()),
            pending=r["pending"],
            accepted=r["accepted"],
            declined=r["declined"],
            reserves=r["reserves"],
            open=max(r["quota"] - r["accepted"], 0),
        )
        for r in rows
    ]


# -- users, projects, places ------------------------------------------------------------

_USER_SQL = """SELECT id, first_name, last_name, email, phone, employment_type, account,
       skills, tags, created_at, updated_at FROM users"""


def _skills(value: Any) -> tuple[UserSkill, ...]:
    items = json.loads(value) if isinstance(value, str) else (value or [])
    return tuple(
        UserSkill(
            name=str(s["name"]),
            level=int(s.get("level", 1)),
            valid_until=dt.date.fromisoformat(s["valid_until"]) if s.get("valid_until") else None,
        )
        for s in items
    )


def _user(r: dict[str, Any]) -> UserInfo:
    return UserInfo(
        user_id=r["id"],
        first_name=r["first_name"],
        last_name=r["last_name"],
        name=_name(r["first_name"], r["last_name"], r["first_name"]),
        email=r["email"],
        phone=r["phone"],
        employment_type=r["employment_type"],
        account_id=r["account"],
        skills=_skills(r["skills"]),
        tags=tuple(r["tags"] or ()),
        created_at=r["created_at"],
        updated_at=r["updated_at"],
    )


async def get_user(org_id: int, user_id: int) -> UserInfo | None:
    rows = await fetch(f"{_USER_SQL} WHERE org = $1 AND id = $2", org_id, user_id)
    return _user(rows[0]) if rows else None


async def get_users(org_id: int, user_ids: Sequence[int]) -> dict[int, UserInfo]:
    rows = await fetch(
        f"{_USER_SQL} WHERE org = $1 AND id = ANY($2::int[])", org_id, list(user_ids)
    )
    return {r["id"]: _user(r) for r in rows}


async def legal_ids(org_id: int, user_ids: Sequence[int]) -> dict[int, dict[str, str]]:
    rows = await fetch(
        """SELECT id, legal_ids FROM users WHERE org = $1 AND id = ANY($2::int[])
               AND erased_at IS NULL AND legal_ids <> '{}'::jsonb""",
        org_id,
        list(user_ids),
    )
    return {r["id"]: dict(json_value(r["legal_ids"])) for r in rows}


async def list_users(org_id: int, *, limit: int, cursor: str | None) -> CursorPage[UserInfo]:
    rows = await _id_page(
        "users",
        _USER_SQL + " WHERE {where} ORDER BY id LIMIT {limit}",
        SqlParams(org_id),
        ["org = $1"],
        limit,
        cursor,
    )
    return _page_by_id("users", [_user(r) for r in rows], limit, "user_id")


_PROJECT_SQL = """SELECT id, name, description, status, starts_on, ends_on, created_at,
       updated_at FROM projects"""


def _project(r: dict[str, Any]) -> ProjectInfo:
    return ProjectInfo(
        project_id=r["id"],
        name=r["name"],
        description=r["description"],
        status=r["status"],
        starts_on=r["starts_on"],
        ends_on=r["ends_on"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
    )


async def get_project(org_id: int, project_id: int) -> ProjectInfo | None:
    rows = await fetch(f"{_PROJECT_SQL} WHERE org = $1 AND id = $2", org_id, project_id)
    return _project(rows[0]) if rows else None


async def list_projects(
    org_id: int, *, statuses: Sequence[str] | None, limit: int, cursor: str | None
) -> CursorPage[ProjectInfo]:
    arg = SqlParams(org_id)
    where = ["org = $1"]
    if statuses is not None:
        where.append(f"status = ANY({arg(list(statuses))}::text[])")
    rows = await _id_page(
        "projects",
        _PROJECT_SQL + " WHERE {where} ORDER BY id LIMIT {limit}",
        arg,
        where,
        limit,
        cursor,
    )
    return _page_by_id("projects", [_project(r) for r in rows], limit, "project_id")


_PLACE_SQL = """SELECT id, name, address, timezone, latitude, longitude, created_at, updated_at
FROM places"""


def _place(r: dict[str, Any]) -> PlaceInfo:
    return PlaceInfo(
        place_id=r["id"],
        name=r["name"],
        address=r["address"],
        timezone=r["timezone"],
        latitude=r["latitude"],
        longitude=r["longitude"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
    )


async def get_place(org_id: int, place_id: int) -> PlaceInfo | None:
    rows = await fetch(f"{_PLACE_SQL} WHERE org = $1 AND id = $2", org_id, place_id)
    return _place(rows[0]) if rows else None


async def list_places(org_id: int, *, limit: int, cursor: str | None) -> CursorPage[PlaceInfo]:
    rows = await _id_page(
        "places",
        _PLACE_SQL + " WHERE {where} ORDER BY id LIMIT {limit}",
        SqlParams(org_id),
        ["org = $1"],
        limit,
        cursor,
    )
    return _page_by_id("places", [_place(r) for r in rows], limit, "place_id")


# -- rates --------------------------------------------------------------------------------


def _rate(rate: Rate) -> RateInfo:
    return RateInfo(
        rate_id=rate.id,
        kind=rate.kind,
        amount_cents=rate.amount_cents,
        currency=rate.currency,
        target=rate.target,
        user_id=rate.user_id,
        role_name=rate.role_name,
        mission_id=rate.mission_id,
        label=rate.label,
    )


async def effective_rate(
    org_id: int, *, user_id: int | None, role_name: str | None, mission_id: int | None
) -> RateInfo | None:
    """The core's :func:`resolve_rate`; a user or mission of another org is ``None``."""
    try:
        rate = await resolve_rate(org_id, user_id, mission_id, role_name)
    except NotFound:
        return None
    return _rate(rate) if rate is not None else None


async def assignment_rate(org_id: int, assignment_id: int) -> RateInfo | None:
    rows = await fetch(
        """SELECT s.user_id, s.mission, r.name FROM assignments s
           JOIN mission_roles r ON r.id = s.mission_role
           WHERE s.org = $1 AND s.id = $2""",
        org_id,
        assignment_id,
    )
    if not rows:
        return None
    r = rows[0]
    return await effective_rate(
        org_id, user_id=r["user_id"], role_name=r["name"], mission_id=r["mission"]
    )


def _rate_columns(alias: str) -> str:
    return ", ".join(
        f"{alias}.{column} AS {alias}_{column}"
        for column in (
            "id",
            "kind",
            "amount_cents",
            "currency",
            "user_id",
            "role_name",
            "mission_id",
            "label",
        )
    )


#: :func:`resolve_rate` for many assignments at once: a rate has exactly one target (a
#: check constraint) and one rate per target (unique indexes), so the three levels are
#: three outer joins and the precedence a choice between them.
_ASSIGNMENT_RATES_SQL = f"""SELECT s.id, {_rate_columns("rm")}, {_rate_columns("ru")},
       {_rate_columns("rr")}
FROM assignments s JOIN mission_roles r ON r.id = s.mission_role
LEFT JOIN rates rm ON rm.org = s.org AND rm.mission_id = s.mission
LEFT JOIN rates ru ON ru.org = s.org AND ru.user_id = s.user_id
LEFT JOIN rates rr ON rr.org = s.org AND rr.role_name IS NOT NULL
    AND lower(rr.role_name) = lower(btrim(r.name, E' \t\n\r\f\v'))
WHERE s.org = $1 AND s.id = ANY($2::int[])"""  # noqa: S608 - constant fragments


def _joined_rate(row: dict[str, Any]) -> RateInfo | None:
    for alias, target in (("rm", "mission"), ("ru", "user"), ("rr", "role")):
        if row[f"{alias}_id"] is not None:
            return RateInfo(
                rate_id=row[f"{alias}_id"],
                kind=row[f"{alias}_kind"],
                amount_cents=row[f"{alias}_amount_cents"],
                currency=row[f"{alias}_currency"],
                target=target,
                user_id=row[f"{alias}_user_id"],
                role_name=row[f"{alias}_role_name"],
                mission_id=row[f"{alias}_mission_id"],
                label=row[f"{alias}_label"],
            )
    return None


async def assignment_rates(
    org_id: int, assignment_ids: Sequence[int]
) -> dict[int, RateInfo | None]:
    """:func:`assignment_rate` of many assignments in one query (same precedence)."""
    rows = await fetch(_ASSIGNMENT_RATES_SQL, org_id, list(assignment_ids))
    return {r["id"]: _joined_rate(r) for r in rows}


#: For the rest of the current transaction (as the planning's context read does).
_CUSTOM_PLANS_SQL = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true)"

#: The assignments of the span with their mission's project and place and their role's
#: name as the rates compare it: three tables. Users, zones and rates are looked up once
#: per distinct id below, not joined per row (joined, they made the query three times
#: slower to plan, run and decode).
_WORK_ROWS_SQL = """SELECT s.id, s.status, s.reserve, s.user_id, s.mission, mi.project,
       mi.place_id, s.starts_at, s.ends_at, lower(btrim(r.name, E' \\t\\n\\r\\f\\v'))
FROM assignments s JOIN missions mi ON mi.id = s.mission AND mi.org = s.org
JOIN mission_roles r ON r.id = s.mission_role AND r.org = s.org
WHERE s.org = $1 AND s.status = ANY($2::text[]) AND s.starts_at >= $3 AND s.starts_at < $4
    AND ($5::int IS NULL OR s.user_id = $5)
ORDER BY s.starts_at, s.id"""

_WORK_USERS_SQL = """SELECT id, first_name, last_name, employment_type FROM users
WHERE org = $1 AND id = ANY($2::int[])"""

#: The org's zone (``id`` NULL) and its places' zones.
_WORK_ZONES_SQL = """SELECT NULL::int AS id, timezone FROM orgs WHERE id = $1
UNION ALL SELECT id, timezone FROM places WHERE org = $1 AND id = ANY($2::int[])"""

#: The rates of these missions and users, and the org's role-name rates (few: one per
#: name), each through its index; a role rate's key is its name as :func:`resolve_rate`
#: compares it.
_WORK_RATES_SQL = """SELECT 'mission' AS level, mission_id AS target, NULL::text AS role_key,
       kind, amount_cents, currency FROM rates WHERE org = $1 AND mission_id = ANY($2::int[])
UNION ALL
SELECT 'user', user_id, NULL, kind, amount_cents, currency FROM rates
WHERE org = $1 AND user_id = ANY($3::int[])
UNION ALL
SELECT 'role', NULL, lower(role_name), kind, amount_cents, currency FROM rates
WHERE org = $1 AND role_name IS NOT NULL"""


async def work_rows(
    org_id: int,
    *,
    starts_after: dt.datetime,
    starts_before: dt.datetime,
    statuses: Sequence[str],
    user_id: int | None,
) -> list[WorkRow]:
    """The SDK's :func:`coulisses_sdk.host.work_rows`: the assignments in one query, then
    their users, zones and rates in three (one per kind of lookup, whatever the number of
    rows), put together as :class:`WorkRow` tuples.

    In a transaction that asks for custom plans (as the planning does): after five runs
    of the cached statement PostgreSQL may switch to a generic plan, which cannot see how
    many rows the span holds (it guessed 1 instead of 3,600 and joined in nested loops)."""
    async with transaction():
        await fetch_records(_CUSTOM_PLANS_SQL)
        records = await fetch_records(
            _WORK_ROWS_SQL, org_id, list(statuses), starts_after, starts_before, user_id
        )
        if not records:
            return []
        user_ids = list({r[3] for r in records})
        users = {
            r[0]: (_name(r[1], r[2], r[1]), r[3])
            for r in await fetch_records(_WORK_USERS_SQL, org_id, user_ids)
        }
        place_ids = list({r[6] for r in records if r[6] is not None})
        zones = {r[0]: r[1] for r in await fetch_records(_WORK_ZONES_SQL, org_id, place_ids)}
        by_level: dict[str, dict[Any, tuple[str, int, str]]] = {"mission": {}, "user": {}}
        by_level["role"] = {}
        for level, target, role_key, kind, cents, currency in await fetch_records(
            _WORK_RATES_SQL, org_id, list({r[4] for r in records}), user_ids
        ):
            by_level[level][role_key if level == "role" else target] = (kind, cents, currency)
    org_zone = zones[None]
    none = (None, None, None)
    zone_of, user_of = zones.get, users.get
    mission_rate, user_rate = by_level["mission"].get, by_level["user"].get
    role_rate = by_level["role"].get
    new = tuple.__new__  # WorkRow(...) without its keyword-checking __new__
    out = []
    for assignment_id, status, reserve, user, mission, project, place, start, end, role in records:
        person = user_of(user)
        if person is None:  # not this org's user (as an inner join would drop it)
            continue
        rate = mission_rate(mission) or user_rate(user) or role_rate(role) or none
        zone = zone_of(place, org_zone) if place is not None else org_zone
        row = (assignment_id, status, reserve, user, *person, mission, project, zone, start, end)
        out.append(new(WorkRow, row + rate))
    return out


async def account_user_id(org_id: int, account_id: int) -> int | None:
    rows = await fetch(
        "SELECT id FROM users WHERE org = $1 AND account = $2 ORDER BY id LIMIT 1",
        org_id,
        account_id,
    )
    return int(rows[0]["id"]) if rows else None


async def expiring_certifications(
    org_id: int, *, within_days: int, limit: int
) -> list[CertificationAlert]:
    """The certifications to renew (see ``scheduling.certifications.service.expiring``);
    a ``within_days`` outside 0 to 365 is a ``ValueError`` (a plugin bug, not a 422)."""
    try:
        rows = await expiring_all(org_id, within_days=within_days, limit=limit)
    except DomainError as exc:
        raise ValueError(exc.message) from exc
    return [
        CertificationAlert(
            user_id=r["user_id"],
            user_name=_name(r["first_name"], r["last_name"], r["first_name"]),
            skill=r["skill"],
            level=r["level"],
            valid_until=r["valid_until"],
            reference=r["reference"],
            status=r["status"],
            days_left=r["days_left"],
            affected_assignments=r["affected_assignments"],
            next_affected_starts_at=r["next_affected_starts_at"],
        )
        for r in rows
    ]
