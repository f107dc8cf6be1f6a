"""The planning: everything a calendar shows for a window, in six small reads.

``GET /api/v1/planning`` is the hottest read of the product (every calendar
view, every live refresh). One transaction reads the org context, then the
missions overlapping the window (GiST index ``missions_org_window``), the names
of their projects and places (once each: the ``projects`` and ``places`` lookup
tables), their roles (by org and mission id), every assignment of those missions
(by org and mission id), from which the role counts are made and the filters pick
the ones shown, and the users those reference (by org and id). Rows become the
response structs directly (no dict per row) and msgspec encodes them; the columns
read are only those shown, and nothing is repeated (an assignment's times are its
mission's; local times are the client's to derive from ``starts_at`` and the
timezone), so there is no per-row conversion either. Figures for a month of a
200-user org: ``python3 dev.py bench``.

Statements are prepared and cached per connection, and after five runs
PostgreSQL may switch to a generic plan, which cannot see how selective the
window is (it guessed 1 mission instead of 800 and took seconds): the
transaction asks for custom plans. A custom plan sees the 800 ids of a month,
and without the org first it preferred reading every org's roles and
assignments; with it, custom and generic plans alike stay index scans of the
org's own rows, whatever other orgs hold (checked by EXPLAIN in
``tests/integration/scheduling/perf/test_org_scoped_plans.py``).

Times are UTC, as in every other route; ``timezone`` is the org's, for display,
the window and the missions without a place; a mission at a place uses the
place's (``places``). ``group_by=place`` adds the missions' ids per place (an
index over ``missions``, so nothing is repeated).
A filter narrows what is shown, never the counts: a role's ``pending`` (INVITED),
``accepted``, ``declined`` and ``open`` (quota - accepted, at least 0) count every
assignment of the role, reserves apart (in ``reserves`` while INVITED or ACCEPTED, in
``declined`` once they decline). Each user shown carries ``planned_minutes`` (INVITED and
ACCEPTED) and ``accepted_minutes``: the part of their assignments (not reserves) on the
missions of the response that falls inside the window (real elapsed time, so DST nights
count what they last), whatever the ``status`` filter shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from coulisses.db.connection import fetch_records, transaction
from coulisses.errors import DomainError, NotFound
from coulisses.scheduling.assignments.tables import ASSIGNMENT_STATUSES
from coulisses.scheduling.common import Window, parse_window
from coulisses.scheduling.planning.schemas import (
    Planning,
    PlanningAssignment,
    PlanningMission,
    PlanningPlace,
    PlanningPlaceGroup,
    PlanningProject,
    PlanningRole,
    PlanningUser,
)

#: Longest window, in days of the org's wall clock (a quarter, for the list view).
MAX_WINDOW_DAYS = 93


def parse_statuses(values: list[str] | None) -> list[str] | None:
    """``status=INVITED&status=ACCEPTED`` or ``status=INVITED,ACCEPTED``; None keeps all."""
    if not values:
        return None
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            status = part.strip().upper()
            if not status:
                continue
            if status not in ASSIGNMENT_STATUSES:
                raise DomainError(
                    "validation.invalid_status",
                    f"Unknown assignment status {part.strip()[:40]!r}",
                    details={"allowed": list(ASSIGNMENT_STATUSES)},
                    status=422,
                )
            if status not in out:
                out.append(status)
    return out or None


_CONTEXT_SQL = """SELECT o.timezone,
       set_config('plan_cache_mode', 'force_custom_plan', true) AS plan_mode,
       $2::int IS NULL OR EXISTS (SELECT 1 FROM projects p WHERE p.org = o.id AND p.id = $2)
           AS project_found,
       $3::int IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.org = o.id AND u.id = $3)
           AS user_found
FROM orgs o WHERE o.id = $1"""

# Real elapsed minutes, floored, as missions and assignments compute them; the second
# figure is the part inside the window, for the per-person totals. Project and place names
# are read once each (``_LOOKUPS_SQL``), not once per mission.
_MISSIONS_SQL = """SELECT m.id, m.project, m.title, m.place_id, m.starts_at, m.ends_at,
       floor(extract(epoch FROM m.ends_at - m.starts_at) / 60)::int AS duration_minutes,
       m.status,
       floor(extract(epoch FROM least(m.ends_at, $3::timestamptz)
                                - greatest(m.starts_at, $2::timestamptz)) / 60)::int
           AS inside_minutes
FROM missions m
WHERE {where}
ORDER BY m.starts_at, m.id"""

# The lookup tables: the projects, then the places, of the missions (a few rows).
_LOOKUPS_SQL = """SELECT false AS is_place, p.id, p.name, NULL::text AS timezone
FROM projects p WHERE p.org = $1 AND p.id = ANY($2::int[])
UNION ALL
SELECT true, pl.id, pl.name, pl.timezone
FROM places pl WHERE pl.org = $1 AND pl.id = ANY($3::int[])"""

# The id lists are read with the org first (indexes of m0015): a plan must never look at
# other orgs' rows, whatever they hold (tests/integration/scheduling/perf/).
_ROLES_SQL = """SELECT r.mission, r.id, r.name, r.quota, r.required_skills
FROM mission_roles r WHERE r.org = $1 AND r.mission = ANY($2::int[]) ORDER BY r.id"""

# Every assignment of the missions' roles (all statuses): the role counts come from them,
# then the filters pick the ones shown. Their times are the mission's (copied, kept equal:
# the response does not repeat them), so they start between the first and the last start
# of the missions: that range of ``assignments_org_starts`` reads only the window's rows,
# in the order wanted (by mission id alone, a 13,000-row month of a large org was a scan of
# every assignment of the table, 40 % slower).
_ASSIGNMENTS_SQL = """SELECT a.id, a.mission, a.mission_role, a.user_id, a.status,
       a.decline_reason,
       CASE WHEN a.status = 'INVITED' THEN (
           SELECT i.delivery_status FROM invitations i WHERE i.assignment = a.id
           ORDER BY i.id DESC LIMIT 1) END AS delivery_status,
       a.reserve, a.reserve_rank
FROM assignments a WHERE a.org = $1 AND a.mission = ANY($2::int[])
    AND a.starts_at >= $3 AND a.starts_at <= $4
ORDER BY a.starts_at, a.id"""

_USERS_SQL = """SELECT id, first_name, last_name, employment_type FROM users
WHERE org = $1 AND id = ANY($2::int[]) ORDER BY last_name, first_name, id"""


def _missions_query(
    org_id: int,
    window: Window,
    project_id: int | None,
    user_id: int | None,
    statuses: list[str] | None,
) -> tuple[str, list[Any]]:
    """Filters are added only when given (no ``$n IS NULL OR ...``): each variant gets
    its own plan, which uses the indexes."""
    args: list[Any] = [org_id, window.starts, window.ends]
    where = [
        "m.org = $1",
        "int4range(m.org, m.org, '[]') && int4range($1, $1, '[]')",
        "tstzrange(m.starts_at, m.ends_at) && tstzrange($2, $3)",
    ]
    if project_id is not None:
        args.append(project_id)
        where.append(f"m.project = ${len(args)}")
    if user_id is not None:
        # A person's calendar: only the missions where they have a shown assignment.
        args.append(user_id)
        mine = f"x.org = $1 AND x.user_id = ${len(args)}"
        if statuses:
            args.append(statuses)
            mine += f" AND x.status = ANY(${len(args)}::text[])"
        where.append(f"m.id IN (SELECT x.mission FROM assignments x WHERE {mine})")  # noqa: S608
    return _MISSIONS_SQL.format(where=" AND ".join(where)), args


async def planning(
    org_id: int,
    from_text: str,
    to_text: str,
    *,
    project_id: int | None = None,
    user_id: int | None = None,
    statuses: list[str] | None = None,
    group_by: str | None = None,
    nobody: bool = False,
) -> Planning:
    """The planning of the window. Unknown (or another org's) project and user ids are a
    404, like on every route. ``group_by="place"`` adds the missions' ids per place.
    ``nobody``: the window without any mission (``mine`` for an account with no user in
    the org), its parameters checked all the same."""
    async with transaction():
        context = await fetch_records(_CONTEXT_SQL, org_id, project_id, user_id)
        if not context:
            raise NotFound("org.not_found", "Org not found")
        if not context[0]["project_found"]:
            raise NotFound("project.not_found", "Project not found")
        if not context[0]["user_found"]:
            raise NotFound("user.not_found", "User not found")
        timezone = context[0]["timezone"]
        window = parse_window(from_text, to_text, ZoneInfo(timezone), max_days=MAX_WINDOW_DAYS)
        if nobody:
            empty: list[PlanningPlaceGroup] | None = [] if group_by == "place" else None
            return Planning(window.starts, window.ends, timezone, {}, {}, [], [], [], empty)

        sql, args = _missions_query(org_id, window, project_id, user_id, statuses)
        missions: dict[int, PlanningMission] = {}
        inside: dict[int, int] = {}
        for row in await fetch_records(sql, *args):
            mission_id, project, title, place_id, starts, ends, minutes, status, part = row
            missions[mission_id] = PlanningMission(
                mission_id, project, title, place_id, starts, ends, minutes, status, []
            )
            inside[mission_id] = part
        projects: dict[int, PlanningProject] = {}
        places: dict[int, PlanningPlace] = {}
        if missions:
            project_ids = list({m.project_id for m in missions.values()})
            place_ids = list({m.place_id for m in missions.values() if m.place_id is not None})
            for is_place, key, name, zone in await fetch_records(
                _LOOKUPS_SQL, org_id, project_ids, place_ids
            ):
                if is_place:
                    places[key] = PlanningPlace(name, zone or timezone)
                else:
                    projects[key] = PlanningProject(name)
        roles: dict[int, PlanningRole] = {}
        if missions:
            for row in await fetch_records(_ROLES_SQL, org_id, list(missions)):
                role = PlanningRole(row[1], row[2], row[3], row[4], 0, 0, 0, 0)
                missions[row[0]].roles.append(role)
                roles[role.id] = role

        shown: list[PlanningAssignment] = []
        planned: dict[int, int] = {}
        accepted: dict[int, int] = {}
        if roles:
            wanted = set(statuses) if statuses else None
            # role id -> (rank, shown assignment or None) of its accepted reserves
            queues: dict[int, list[tuple[int, PlanningAssignment | None]]] = {}
            first = min(m.starts_at for m in missions.values())
            last = max(m.starts_at for m in missions.values())
            for row in await fetch_records(_ASSIGNMENTS_SQL, org_id, list(missions), first, last):
                a_id, m_id, r_id, u_id, status, reason, delivery, reserve, rank = row
                if reserve and status in ("INVITED", "ACCEPTED"):
                    roles[r_id].reserves += 1
                elif status == "ACCEPTED":
                    roles[r_id].accepted += 1
                    accepted[u_id] = accepted.get(u_id, 0) + inside[m_id]
                    planned[u_id] = planned.get(u_id, 0) + inside[m_id]
                elif status == "INVITED":
                    roles[r_id].pending += 1
                    planned[u_id] = planned.get(u_id, 0) + inside[m_id]
                elif status == "DECLINED":
                    roles[r_id].declined += 1
                item: PlanningAssignment | None = None
                if (wanted is None or status in wanted) and (user_id is None or u_id == user_id):
                    item = PlanningAssignment(
                        a_id, m_id, r_id, u_id, status, reason, delivery, reserve
                    )
                    shown.append(item)
                if reserve and status == "ACCEPTED":
                    queues.setdefault(r_id, []).append((rank, item))
            for role in roles.values():
                role.open = max(role.quota - role.accepted, 0)
            for queue in queues.values():
                queue.sort(key=lambda entry: entry[0])
                for position, (_, item) in enumerate(queue, start=1):
                    if item is not None:
                        item.reserve_position = position

        people: list[PlanningUser] = []
        if shown:
            user_ids = sorted({a.user_id for a in shown})
            people = [
                PlanningUser(
                    u_id, first, last, employment, planned.get(u_id, 0), accepted.get(u_id, 0)
                )
                for u_id, first, last, employment in await fetch_records(
                    _USERS_SQL, org_id, user_ids
                )
            ]
    groups = by_place(missions.values(), places) if group_by == "place" else None
    return Planning(
        window.starts,
        window.ends,
        timezone,
        projects,
        places,
        list(missions.values()),
        shown,
        people,
        groups,
    )


def by_place(
    missions: Iterable[PlanningMission], places: dict[int, PlanningPlace]
) -> list[PlanningPlaceGroup]:
    """The missions' ids per place (in their order), by place name without case, then id;
    the missions without a place last."""
    groups: dict[int | None, PlanningPlaceGroup] = {}
    for mission in missions:
        group = groups.get(mission.place_id)
        if group is None:
            group = groups[mission.place_id] = PlanningPlaceGroup(mission.place_id, [])
        group.mission_ids.append(mission.id)
    return sorted(
        groups.values(),
        key=lambda g: (
            g.place_id is None,
            places[g.place_id].name.lower() if g.place_id is not None else "",
            g.place_id or 0,
        ),
    )
