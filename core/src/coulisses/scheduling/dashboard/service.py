"""The home dashboard: what needs the caller, in one read of a few org-scoped statements.

A manager (``assignments.manage``) gets the missions of the next 7 days with open places,
the invitations still waiting (oldest first), the declines and the undelivered links of the
last 24 hours, the number of conflicts of the next 30 days and the hours planned this week
and last week. Everyone gets their own next missions and the invitations waiting for their
answer (the users linked to their account). Every statement starts from the org (indexes of
m0015 and m0016), lists stop at :data:`LIMIT` rows and carry their exact total.

Weeks start on Monday 00:00 and days at 00:00 in the org's timezone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from coulisses.auth.rbac import can
from coulisses.db.connection import fetch_records, transaction
from coulisses.errors import NotFound
from coulisses.scheduling.conflicts import service as conflicts
from coulisses.scheduling.dashboard.schemas import (
    Dashboard,
    DashboardAssignment,
    DashboardAssignments,
    DashboardConflicts,
    DashboardDeliveries,
    DashboardDelivery,
    DashboardHours,
    DashboardManager,
    DashboardMine,
    DashboardMission,
    DashboardMissions,
)
from coulisses_sdk import Principal

#: Most rows of each list (the totals count them all).
LIMIT = 20
#: Missions with open places are looked for this many days ahead.
AHEAD = dt.timedelta(days=7)
#: Declines and undelivered links of this last period.
RECENT = dt.timedelta(hours=24)
#: Days of the conflicts counted, from today (today and the next 30 days, as the conflicts
#: page opens without a current project).
CONFLICT_DAYS = 30

_CONTEXT_SQL = """SELECT o.timezone,
       set_config('plan_cache_mode', 'force_custom_plan', true) AS plan_mode
FROM orgs o WHERE o.id = $1"""

_MISSING_SQL = """SELECT m.id, m.project, p.name AS project_name, m.title,
       coalesce(pl.name, '') AS place, coalesce(pl.timezone, $4) AS timezone,
       m.starts_at, m.ends_at, m.status, r.quota, r.accepted, r.pending, r.open,
       count(*) OVER () AS total
FROM missions m
JOIN projects p ON p.org = m.org AND p.id = m.project
LEFT JOIN places pl ON pl.org = m.org AND pl.id = m.place_id
CROSS JOIN LATERAL (
    SELECT coalesce(sum(mr.quota), 0)::int AS quota,
           coalesce(sum(least(c.accepted, mr.quota)), 0)::int AS accepted,
           coalesce(sum(c.pending), 0)::int AS pending,
           coalesce(sum(greatest(mr.quota - c.accepted, 0)), 0)::int AS open
    FROM mission_roles mr
    CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE a.status = 'ACCEPTED')::int AS accepted,
               count(*) FILTER (WHERE a.status = 'INVITED')::int AS pending
        FROM assignments a
        WHERE a.org = $1 AND a.mission = m.id AND a.mission_role = mr.id AND NOT a.reserve
    ) c
    WHERE mr.org = $1 AND mr.mission = m.id
) r
WHERE m.org = $1 AND m.starts_at >= $2 AND m.starts_at < $3
  AND p.status <> 'ARCHIVED' AND r.open > 0
ORDER BY m.starts_at, m.id
LIMIT $5"""

# One assignment line: its mission, role, user and place.
_ASSIGNMENT_COLUMNS = """a.id, a.mission AS mission_id, m.title AS mission, m.project AS project_id,
       mr.name AS role, a.user_id, u.first_name || ' ' || u.last_name AS user_name,
       a.status, a.reserve, m.starts_at, m.ends_at,
       coalesce(pl.timezone, $2) AS timezone, coalesce(pl.name, '') AS place,
       a.created_at AS invited_at, a.answered_at, a.decline_reason,
       count(*) OVER () AS total"""

_ASSIGNMENT_JOINS = """FROM assignments a
JOIN missions m ON m.org = a.org AND m.id = a.mission
JOIN mission_roles mr ON mr.org = a.org AND mr.id = a.mission_role
JOIN users u ON u.org = a.org AND u.id = a.user_id
LEFT JOIN places pl ON pl.org = m.org AND pl.id = m.place_id"""

# $1 org, $2 org timezone, $3 now, $4 limit
_PENDING_SQL = f"""SELECT {_ASSIGNMENT_COLUMNS}
{_ASSIGNMENT_JOINS}
WHERE a.org = $1 AND a.status = 'INVITED' AND a.ends_at > $3
ORDER BY a.created_at, a.id
LIMIT $4"""

# $1 org, $2 org timezone, $3 since, $4 limit
_DECLINES_SQL = f"""SELECT {_ASSIGNMENT_COLUMNS}
{_ASSIGNMENT_JOINS}
WHERE a.org = $1 AND a.status = 'DECLINED' AND a.answered_at >= $3
ORDER BY a.answered_at DESC, a.id DESC
LIMIT $4"""

# The last invitation of each assignment still waiting, when its link did not arrive.
# $1 org, $2 org timezone, $3 since, $4 limit
_DELIVERIES_SQL = f"""SELECT i.id AS invitation_id, i.delivery_status, i.delivery_channel,
       i.delivery_updated_at, {_ASSIGNMENT_COLUMNS}
FROM invitations i
JOIN LATERAL (SELECT max(j.id) AS id FROM invitations j
              WHERE j.org = i.org AND j.assignment = i.assignment) last ON last.id = i.id
JOIN assignments a ON a.org = i.org AND a.id = i.assignment
JOIN missions m ON m.org = a.org AND m.id = a.mission
JOIN mission_roles mr ON mr.org = a.org AND mr.id = a.mission_role
JOIN users u ON u.org = a.org AND u.id = a.user_id
LEFT JOIN places pl ON pl.org = m.org AND pl.id = m.place_id
WHERE i.org = $1 AND i.delivery_status IN ('failed', 'no_channel')
  AND i.delivery_updated_at >= $3 AND i.revoked_at IS NULL AND a.status = 'INVITED'
ORDER BY i.delivery_updated_at DESC, i.id DESC
LIMIT $4"""  # noqa: S608

# Minutes of assignments (reserves apart) inside each week, clipped to it (least and
# greatest skip NULLs: a week without assignments must not count its own length).
_HOURS_SQL = """SELECT w.idx,
       coalesce(sum(floor(extract(epoch FROM least(a.ends_at, w.hi)
                                        - greatest(a.starts_at, w.lo)) / 60))
                FILTER (WHERE a.id IS NOT NULL), 0)::int AS planned,
       coalesce(sum(floor(extract(epoch FROM least(a.ends_at, w.hi)
                                        - greatest(a.starts_at, w.lo)) / 60))
                FILTER (WHERE a.status = 'ACCEPTED'), 0)::int AS accepted
FROM (VALUES (0, $2::timestamptz, $3::timestamptz), (1, $3, $4::timestamptz)) w(idx, lo, hi)
LEFT JOIN missions m
    ON m.org = $1 AND tstzrange(m.starts_at, m.ends_at) && tstzrange(w.lo, w.hi)
LEFT JOIN assignments a
    ON a.org = $1 AND a.mission = m.id AND NOT a.reserve
   AND a.status IN ('INVITED', 'ACCEPTED')
GROUP BY w.idx ORDER BY w.idx"""

# $1 org, $2 org timezone, $3 now, $4 limit, $5 account
_MINE_SQL = f"""SELECT {_ASSIGNMENT_COLUMNS}
{_ASSIGNMENT_JOINS}
WHERE a.org = $1 AND a.status = $6 AND a.ends_at > $3
  AND a.user_id IN (SELECT x.id FROM users x WHERE x.org = $1 AND x.account = $5)
ORDER BY a.starts_at, a.id
LIMIT $4"""  # noqa: S608


def _midnight(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=tz).astimezone(dt.UTC)


def _assignment(row: Any) -> DashboardAssignment:
    """A line of a list; ``decline_reason`` is private (coulisses.privacy redacts it)."""
    return DashboardAssignment(
        id=row["id"],
        mission_id=row["mission_id"],
        mission=row["mission"],
        project_id=row["project_id"],
        role=row["role"],
        user_id=row["user_id"],
        user=row["user_name"],
        status=row["status"],
        reserve=row["reserve"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        timezone=row["timezone"],
        place=row["place"],
        invited_at=row["invited_at"],
        answered_at=row["answered_at"],
        decline_reason=row["decline_reason"],
    )


def _assignments(rows: list[Any]) -> DashboardAssignments:
    return DashboardAssignments(
        total=rows[0]["total"] if rows else 0, items=[_assignment(r) for r in rows]
    )


def _total(rows: list[Any]) -> int:
    return int(rows[0]["total"]) if rows else 0


async def _manager(org_id: int, tz: ZoneInfo, now: dt.datetime, today: dt.date) -> DashboardManager:
    zone = tz.key
    missing = await fetch_records(_MISSING_SQL, org_id, now, now + AHEAD, zone, LIMIT)
    pending = await fetch_records(_PENDING_SQL, org_id, zone, now, LIMIT)
    declines = await fetch_records(_DECLINES_SQL, org_id, zone, now - RECENT, LIMIT)
    deliveries = await fetch_records(_DELIVERIES_SQL, org_id, zone, now - RECENT, LIMIT)
    monday = today - dt.timedelta(days=today.weekday())
    last_monday = monday - dt.timedelta(days=7)
    next_monday = monday + dt.timedelta(days=7)
    weeks = await fetch_records(
        _HOURS_SQL,
        org_id,
        _midnight(last_monday, tz),
        _midnight(monday, tz),
        _midnight(next_monday, tz),
    )
    last, this = weeks[0], weeks[1]
    conflict_to = today + dt.timedelta(days=CONFLICT_DAYS)
    conflict_total = await conflicts.count(
        org_id, _midnight(today, tz), _midnight(conflict_to + dt.timedelta(days=1), tz)
    )
    return DashboardManager(
        missing_people=DashboardMissions(
            total=_total(missing),
            items=[
                DashboardMission(
                    id=r["id"],
                    project_id=r["project"],
                    project=r["project_name"],
                    title=r["title"],
                    place=r["place"],
                    timezone=r["timezone"],
                    starts_at=r["starts_at"],
                    ends_at=r["ends_at"],
                    status=r["status"],
                    quota=r["quota"],
                    accepted=r["accepted"],
                    pending=r["pending"],
                    open=r["open"],
                )
                for r in missing
            ],
        ),
        pending_invitations=_assignments(pending),
        recent_declines=_assignments(declines),
        failed_deliveries=DashboardDeliveries(
            total=_total(deliveries),
            items=[
                DashboardDelivery(
                    invitation_id=r["invitation_id"],
                    assignment=_assignment(r),
                    status=r["delivery_status"],
                    channel=r["delivery_channel"],
                    updated_at=r["delivery_updated_at"],
                )
                for r in deliveries
            ],
        ),
        conflicts=DashboardConflicts(from_date=today, to_date=conflict_to, total=conflict_total),
        this_week=DashboardHours(monday, this["planned"], this["accepted"]),
        last_week=DashboardHours(last_monday, last["planned"], last["accepted"]),
    )


async def dashboard(principal: Principal, now: dt.datetime | None = None) -> Dashboard:
    """The caller's dashboard at ``now`` (the current instant by default)."""
    now = now or dt.datetime.now(dt.UTC)
    async with transaction():
        context = await fetch_records(_CONTEXT_SQL, principal.org_id)
        if not context:
            raise NotFound("org.not_found", "Org not found")
        tz = ZoneInfo(context[0]["timezone"])
        today = now.astimezone(tz).date()
        zone = tz.key
        mine_args = (principal.org_id, zone, now, LIMIT, principal.account_id)
        next_missions = await fetch_records(_MINE_SQL, *mine_args, "ACCEPTED")
        pending_answers = await fetch_records(_MINE_SQL, *mine_args, "INVITED")
        manager = None
        if can(principal, "assignments.manage"):
            manager = await _manager(principal.org_id, tz, now, today)
    return Dashboard(
        generated_at=now,
        timezone=zone,
        today=today,
        manager=manager,
        mine=DashboardMine(
            next_missions=_assignments(next_missions),
            pending_answers=_assignments(pending_answers),
        ),
    )
