"""Assignments: a user on a mission role, INVITED -> ACCEPTED | DECLINED | CANCELLED.

Two rules hold in the database so that concurrent requests cannot break them:
at most one active (INVITED or ACCEPTED) assignment per (mission, user) (a
partial unique index), and no two ACCEPTED assignments of one user that overlap
in time (a GiST exclusion constraint on copies of the mission's times). The
quota of a role is checked with the role row locked, so invitations and accepts
on one role are serialised; beyond the quota an invitee is a reserve
(``reserves.py``).
"""

from __future__ import annotations

from typing import Any

import asyncpg

from coulisses.audit import before_after, record
from coulisses.db.connection import SqlParams, fetch, transaction
from coulisses.errors import Conflict, DomainError, Forbidden, NotFound
from coulisses.scheduling.assignments.answers import (
    Answer,
    apply_answer,
    check_reason,
    check_transition,
    lock_assignment,
)
from coulisses.scheduling.assignments.reserves import (
    POSITION_SQL,
    lock_mission_of_assignment,
    lock_role,
    places_taken,
    promote,
)
from coulisses.scheduling.assignments.schemas import AssignmentOut
from coulisses.scheduling.common import (
    check_filter,
    emit_events,
    json_value,
)
from coulisses.scheduling.invitations.service import Link, issue_invitations
from coulisses_sdk import (
    AssignmentCancelled,
    AssignmentInvited,
    DomainEvent,
    Listing,
    ListQuery,
    Principal,
)

MAX_BULK = 500
ACTIVE = ("INVITED", "ACCEPTED")


_SELECT = f"""SELECT a.id, a.mission AS mission_id, a.mission_role AS mission_role_id,
       r.name AS role_name, a.user_id, a.status, a.starts_at, a.ends_at,
       floor(extract(epoch FROM a.ends_at - a.starts_at) / 60)::int AS duration_minutes,
       a.decline_reason,
       a.answered_at, a.created_at, a.updated_at, a.reserve, a.promoted_at,
       {POSITION_SQL} AS reserve_position,
       (SELECT json_build_object('id', i.id, 'assignment_id', a.id, 'user_id', a.user_id,
                                 'expires_at', i.expires_at,
                                 'revoked_at', i.revoked_at, 'answer', i.answer,
                                 'answered_at', i.answered_at,
                                 'delivery', json_build_object(
                                     'status', i.delivery_status,
                                     'channel', i.delivery_channel,
                                     'error', i.delivery_error,
                                     'attempts', i.delivery_attempts,
                                     'updated_at', i.delivery_updated_at))
        FROM invitations i WHERE i.assignment = a.id ORDER BY i.id DESC LIMIT 1) AS invitation
FROM assignments a JOIN mission_roles r ON r.id = a.mission_role"""  # noqa: S608


def _row(row: dict[str, Any]) -> dict[str, Any]:
    row["invitation"] = json_value(row["invitation"])
    return row


async def get_assignment(org_id: int, assignment_id: int) -> dict[str, Any]:
    rows = await fetch(_SELECT + " WHERE a.org = $1 AND a.id = $2", org_id, assignment_id)
    if not rows:
        raise NotFound("assignment.not_found", "Assignment not found")
    return _row(rows[0])


async def get_assignments(org_id: int, ids: list[int]) -> list[dict[str, Any]]:
    rows = await fetch(
        _SELECT + " WHERE a.org = $1 AND a.id = ANY($2::int[]) ORDER BY a.id", org_id, ids
    )
    return [_row(r) for r in rows]


#: Sort keys of the assignments list and the SQL each orders by (docs/api.md).
ASSIGNMENTS = Listing(
    sorts={
        "id": "a.id",
        "starts_at": "a.starts_at",
        "ends_at": "a.ends_at",
        "status": "a.status",
        "mission_id": "a.mission",
        "user_id": "a.user_id",
        "answered_at": "a.answered_at",
        "created_at": "a.created_at",
        "updated_at": "a.updated_at",
    },
    default="starts_at",
    item=AssignmentOut,
)


async def list_assignments(
    org_id: int,
    listing: ListQuery,
    *,
    mission_id: int | None = None,
    user_id: int | None = None,
    project_id: int | None = None,
    status: str | None = None,
    account_id: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """``account_id`` keeps the assignments of the users linked to that account ("mine").
    A mission, user or project filter that is not the org's is a 404 like every filter."""
    await check_filter("missions", org_id, mission_id, "mission")
    await check_filter("users", org_id, user_id, "user")
    await check_filter("projects", org_id, project_id, "project")
    where = ["a.org = $1"]
    arg = SqlParams(org_id)

    if mission_id is not None:
        where.append(f"a.mission = {arg(mission_id)}")
    if user_id is not None:
        where.append(f"a.user_id = {arg(user_id)}")
    if project_id is not None:
        ref = arg(project_id)
        mine = f"SELECT id FROM missions WHERE org = $1 AND project = {ref}"  # noqa: S608
        where.append(f"a.mission IN ({mine})")
    if status:
        where.append(f"a.status = {arg(status)}")
    if account_id is not None:
        ref = arg(account_id)
        mine = f"SELECT id FROM users WHERE org = $1 AND account = {ref}"  # noqa: S608
        where.append(f"a.user_id IN ({mine})")
    clause = " AND ".join(where)
    total = (
        await fetch(f"SELECT count(*) AS n FROM assignments a WHERE {clause}", *arg.values)  # noqa: S608
    )[0]["n"]
    listing.check_page(total)
    rows = await fetch(
        f"{_SELECT} WHERE {clause} ORDER BY {ASSIGNMENTS.order_by(listing)} "
        f"LIMIT {arg(listing.page_size)} OFFSET {arg(listing.offset)}",
        *arg.values,
    )
    return [_row(r) for r in rows], total


async def invite(
    principal: Principal, pairs: list[tuple[int, int]], *, reserve: bool = False
) -> list[dict[str, Any]]:
    """Create INVITED assignments for (mission_role_id, user_id) pairs, all or nothing.

    Each role's free places go to its pairs in the order given; the pairs beyond
    are reserves when ``reserve``, else nothing is written (409
    ``assignment.quota_would_exceed``). Each gets an invitation (emailed to users
    who have an address) after commit.
    """
    if not pairs:
        raise DomainError("assignment.empty", "Nothing to assign", status=422)
    if len(pairs) > MAX_BULK:
        raise DomainError(
            "assignment.bulk_too_large", f"At most {MAX_BULK} assignments at once", status=422
        )
    async with transaction():
        created, links = await _insert_invited(principal, pairs, reserve=reserve)
        await _announce_invited(principal, created, links)
    return await get_assignments(principal.org_id, [int(r["id"]) for r in created])


def _place_or_reserve(
    pairs: list[tuple[int, int]],
    roles: dict[int, dict[str, Any]],
    taken: dict[int, int],
    reserve: bool,
) -> list[bool]:
    """Whether each pair is a reserve: each role's free places go to its first pairs.
    Without ``reserve``, a pair beyond the quota refuses the whole request."""
    free = {role_id: max(role["quota"] - taken[role_id], 0) for role_id, role in roles.items()}
    flags: list[bool] = []
    over: list[int] = []
    for role_id, _ in pairs:
        if free[role_id] > 0:
            free[role_id] -= 1
            flags.append(False)
        else:
            flags.append(True)
            if role_id not in over:
                over.append(role_id)
    if over and not reserve:
        first = roles[over[0]]
        raise Conflict(
            "assignment.quota_would_exceed",
            f"The role {first['name']!r} has {first['quota']} places and"
            f" {taken[over[0]]} are already held: invite as a reserve (reserve: true)",
            details={
                "role": first["name"],
                "mission_role_id": over[0],
                "quota": first["quota"],
                "taken": taken[over[0]],
                "requested": sum(1 for role_id, _ in pairs if role_id == over[0]),
                "mission_role_ids": sorted(over),
            },
        )
    return flags


async def _insert_invited(
    principal: Principal, pairs: list[tuple[int, int]], *, reserve: bool = False
) -> tuple[list[dict[str, Any]], dict[int, Link]]:
    """The writes of :func:`invite` (inside the caller's transaction)."""
    role_ids = sorted({p[0] for p in pairs})
    user_ids = sorted({p[1] for p in pairs})
    # Missions first (FOR SHARE: a concurrent change of the mission's times waits for
    # us, so the copied starts_at/ends_at cannot go stale), then the roles (FOR UPDATE:
    # concurrent invitations on a role count its places one after the other).
    await fetch(
        """SELECT 1 FROM missions WHERE id IN (
               SELECT mission FROM mission_roles WHERE org = $1 AND id = ANY($2::int[]))
           ORDER BY id FOR SHARE""",
        principal.org_id,
        role_ids,
    )
    found = await fetch(
        """SELECT r.id, r.name, r.quota, p.status AS project_status FROM mission_roles r
           JOIN missions m ON m.id = r.mission JOIN projects p ON p.id = m.project
           WHERE r.org = $1 AND r.id = ANY($2::int[]) ORDER BY r.id FOR UPDATE OF r""",
        principal.org_id,
        role_ids,
    )
    roles = {r["id"]: r for r in found}
    missing_roles = sorted(set(role_ids) - set(roles))
    if missing_roles:
        raise DomainError(
            "mission_role.not_found",
            "Unknown mission role",
            details={"mission_role_ids": missing_roles},
            status=404,
        )
    if any(r["project_status"] == "ARCHIVED" for r in found):
        raise Conflict("project.archived", "This project is archived: restore it first")
    users = await fetch(
        "SELECT id FROM users WHERE org = $1 AND id = ANY($2::int[])",
        principal.org_id,
        user_ids,
    )
    missing_users = sorted(set(user_ids) - {u["id"] for u in users})
    if missing_users:
        raise DomainError(
            "user.not_found",
            "Unknown user",
            details={"user_ids": missing_users},
            status=404,
        )
    reserves = _place_or_reserve(pairs, roles, await places_taken(role_ids), reserve)
    try:
        created = await fetch(
            """INSERT INTO assignments
                   (org, mission, mission_role, user_id, starts_at, ends_at, created_by, reserve)
               SELECT $1, r.mission, r.id, u.user_id, m.starts_at, m.ends_at, $2, u.reserve
               FROM unnest($3::int[], $4::int[], $5::bool[])
                    WITH ORDINALITY AS u(role_id, user_id, reserve, ord)
               JOIN mission_roles r ON r.id = u.role_id
               JOIN missions m ON m.id = r.mission
               ORDER BY u.ord
               RETURNING id, mission, mission_role, user_id, reserve""",
            principal.org_id,
            principal.account_id,
            [p[0] for p in pairs],
            [p[1] for p in pairs],
            reserves,
        )
    except asyncpg.exceptions.UniqueViolationError as exc:
        raise Conflict(
            "assignment.duplicate",
            "This user already has an invited or accepted assignment on this mission",
        ) from exc
    links = await issue_invitations(principal.org_id, [int(r["id"]) for r in created])
    for row in created:
        payload = {"user_id": row["user_id"], "mission_role_id": row["mission_role"]}
        if row["reserve"]:
            payload["reserve"] = True
        await record(
            principal.org_id,
            principal.account_id,
            "assignment.invited",
            f"assignment:{row['id']}",
            payload,
        )
    return created, links


async def _announce_invited(
    principal: Principal, created: list[dict[str, Any]], links: dict[int, Link]
) -> None:
    """Record the invitations' events, in the transaction that created them (the links'
    delivery was staged with them)."""
    await emit_events(
        [
            AssignmentInvited(
                org_id=principal.org_id,
                actor_account_id=principal.account_id,
                assignment_id=row["id"],
                mission_id=row["mission"],
                mission_role_id=row["mission_role"],
                user_id=row["user_id"],
                invitation_id=links[row["id"]].invitation_id,
                reserve=row["reserve"],
            )
            for row in created
        ]
    )


async def answer_own(
    principal: Principal, assignment_id: int, accept: bool, reason: str | None = None
) -> dict[str, Any]:
    """The logged-in user linked to the assignee answers in the app."""
    answer = Answer(
        target="ACCEPTED" if accept else "DECLINED",
        via="app",
        actor_account_id=principal.account_id,
        reason=None if accept else check_reason(reason),
    )
    async with transaction():
        if not accept:
            await lock_mission_of_assignment(principal.org_id, assignment_id)
        current = await lock_assignment(principal.org_id, assignment_id)
        if current["account"] != principal.account_id:
            raise Forbidden(
                "assignment.not_assignee", "Only the assigned user can answer this assignment"
            )
        await apply_answer(principal.org_id, assignment_id, answer)
        await emit_events(answer.events)
    return await get_assignment(principal.org_id, assignment_id)


async def cancel(principal: Principal, assignment_id: int) -> dict[str, Any]:
    """Cancel an active assignment; the place it held goes to the first accepted reserve."""
    async with transaction():
        await lock_mission_of_assignment(principal.org_id, assignment_id)
        current = await lock_assignment(principal.org_id, assignment_id)
        events = await _cancel_locked(principal, current, promote_reserves=True)
        await emit_events(events)
    return await get_assignment(principal.org_id, assignment_id)


async def _cancel_locked(
    principal: Principal, current: dict[str, Any], *, promote_reserves: bool
) -> list[DomainEvent]:
    """Cancel an assignment locked by :func:`lock_assignment` (its mission locked before);
    returns the events to fire after commit. ``promote_reserves``: the place it held (if
    it held one) goes to the first accepted reserve."""
    check_transition(current["status"], "CANCELLED")
    frees = promote_reserves and not current["reserve"]
    quota = await lock_role(current["mission_role"]) if frees else None
    await fetch(
        "UPDATE assignments SET status = 'CANCELLED', updated_at = now() WHERE id = $1",
        current["id"],
    )
    await fetch(
        """UPDATE invitations SET revoked_at = now()
           WHERE assignment = $1 AND answer IS NULL AND revoked_at IS NULL""",
        current["id"],
    )
    payload: dict[str, Any] = {
        "user_id": current["user_id"],
        **before_after(current, {"status": "CANCELLED"}),
    }
    if current["reserve"]:
        payload["reserve"] = True
    await record(
        principal.org_id,
        principal.account_id,
        "assignment.cancelled",
        f"assignment:{current['id']}",
        payload,
    )
    events: list[DomainEvent] = [
        AssignmentCancelled(
            org_id=principal.org_id,
            actor_account_id=principal.account_id,
            assignment_id=current["id"],
            mission_id=current["mission"],
            mission_role_id=current["mission_role"],
            user_id=current["user_id"],
            previous_status=current["status"],
        )
    ]
    if quota is not None:
        events.extend(
            await promote(
                principal.org_id,
                current["mission_role"],
                quota,
                cause="cancelled",
                actor_account_id=principal.account_id,
                freed_assignment_id=current["id"],
            )
        )
    return events


async def replace(
    principal: Principal, assignment_id: int, replacement_user_id: int
) -> dict[str, Any]:
    """Cancel an active assignment and invite another user on the same mission role.

    One transaction: either both happen or neither. The mission is locked first
    (as a change of its times does) so this cannot deadlock with such a change.
    The replacement takes the place of the one replaced (no reserve is promoted);
    replacing a reserve invites a reserve.
    """
    async with transaction():
        found = await fetch(
            "SELECT mission FROM assignments WHERE org = $1 AND id = $2",
            principal.org_id,
            assignment_id,
        )
        if not found:
            raise NotFound("assignment.not_found", "Assignment not found")
        await fetch("SELECT 1 FROM missions WHERE id = $1 FOR SHARE", found[0]["mission"])
        current = await lock_assignment(principal.org_id, assignment_id)
        if current["status"] not in ACTIVE:
            raise Conflict(
                "assignment.not_active",
                f"A {current['status']} assignment has nothing to replace",
                details={"status": current["status"]},
            )
        if current["user_id"] == replacement_user_id:
            raise Conflict("assignment.same_user", "The replacement is the user already assigned")
        cancelled = await _cancel_locked(principal, current, promote_reserves=False)
        created, links = await _insert_invited(
            principal,
            [(current["mission_role"], replacement_user_id)],
            reserve=bool(current["reserve"]),
        )
        await emit_events(cancelled)
        await _announce_invited(principal, created, links)
    return await get_assignment(principal.org_id, int(created[0]["id"]))
