"""Swaps and handovers of ACCEPTED assignments between crew (docs/scheduling.md).

A tech proposes to hand over their ACCEPTED assignment to a named colleague or to
anyone eligible (``handover``), or to exchange it for a named colleague's ACCEPTED
assignment (``swap``). The colleague (for an open handover: the first eligible member
who accepts) accepts; when the org requires it (``orgs.swaps_require_approval``) a
manager approves; then the change is applied. Statuses::

    proposed -> accepted_by_colleague -> approved -> applied
             \\-> declined (named colleague)   \\-> rejected (manager)
    proposed | accepted_by_colleague -> cancelled (proposer) | expired (mission started)

Conflicts and skills (:mod:`coulisses.scheduling.conflicts`) are checked at proposal
(named colleague), at acceptance and at approval: the receivers of each assignment
must have the role's skills, valid at the date, and no new conflict once the
assignments they give away are gone (409 ``swap.conflict``, ``kinds`` in details).

Applying is one transaction: the missions (FOR SHARE), then each assignment (its
invitations, then its row, in id order), then the roles, as every assignment path
locks them (``assignments/reserves.py``). The given assignments become CANCELLED (the
audit entry says ``reason: swapped``) and the receivers get new ACCEPTED ones on the
same roles: the role's count of places is the same before and after the commit, and
no reader ever sees both or neither holder. The swap row keeps every step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import asyncpg

from coulisses.audit import record
from coulisses.db.connection import SqlParams, fetch, transaction
from coulisses.errors import Conflict, DomainError, Forbidden, NotFound
from coulisses.scheduling.assignments.answers import lock_assignment
from coulisses.scheduling.assignments.reserves import lock_role
from coulisses.scheduling.common import emit_events, overlap_as_conflict
from coulisses.scheduling.conflicts import service as conflicts
from coulisses.scheduling.conflicts.schemas import ConflictOut
from coulisses.scheduling.swaps.schemas import SwapCreate, SwapOut, SwapSideOut
from coulisses_sdk import (
    AssignmentAccepted,
    AssignmentCancelled,
    DomainEvent,
    Listing,
    ListQuery,
    Principal,
    SwapChanged,
)

#: Statuses of a proposal still waiting for someone.
OPEN = ("proposed", "accepted_by_colleague")
MAX_COMMENT = 500

_SIDE = """{p}.id AS {p}_assignment_id, {p}.mission AS {p}_mission_id, {p}m.title AS {p}_title,
    {p}.mission_role AS {p}_role_id, {p}r.name AS {p}_role_name,
    {p}.starts_at AS {p}_starts_at, {p}.ends_at AS {p}_ends_at"""

_SELECT = f"""SELECT s.id, s.kind, s.status, s.proposer_user_id, s.target_user_id,
    s.colleague_user_id, s.message AS comment, s.requires_approval, s.accepted_at,
    s.decided_at, s.decision_reason AS decision_comment, s.applied_at, s.closed_at,
    s.new_assignment_id, s.new_target_assignment_id, s.created_at, s.updated_at,
    s.starts_at AS swap_starts_at,
    {_SIDE.format(p="oa")}, {_SIDE.format(p="wa")},
    pu.first_name || ' ' || pu.last_name AS proposer_name,
    tu.first_name || ' ' || tu.last_name AS target_name,
    cu.first_name || ' ' || cu.last_name AS colleague_name
FROM swaps s
JOIN assignments oa ON oa.id = s.assignment_id
JOIN missions oam ON oam.id = oa.mission
JOIN mission_roles oar ON oar.id = oa.mission_role
LEFT JOIN assignments wa ON wa.id = s.target_assignment_id
LEFT JOIN missions wam ON wam.id = wa.mission
LEFT JOIN mission_roles war ON war.id = wa.mission_role
JOIN users pu ON pu.id = s.proposer_user_id
LEFT JOIN users tu ON tu.id = s.target_user_id
LEFT JOIN users cu ON cu.id = s.colleague_user_id"""  # noqa: S608 - constant fragments

#: Sort keys of the swap lists (docs/api.md).
SWAPS = Listing(
    sorts={
        "id": "s.id",
        "starts_at": "s.starts_at",
        "created_at": "s.created_at",
        "updated_at": "s.updated_at",
        "status": "s.status",
    },
    default="starts_at",
    item=SwapOut,
)


def _side(row: dict[str, Any], p: str) -> SwapSideOut | None:
    if row[f"{p}_assignment_id"] is None:
        return None
    return SwapSideOut(
        assignment_id=row[f"{p}_assignment_id"],
        mission_id=row[f"{p}_mission_id"],
        mission_title=row[f"{p}_title"],
        mission_role_id=row[f"{p}_role_id"],
        role_name=row[f"{p}_role_name"],
        starts_at=row[f"{p}_starts_at"],
        ends_at=row[f"{p}_ends_at"],
    )


def swap_out(
    row: dict[str, Any], *, side: str | None = None, eligible: bool | None = None
) -> SwapOut:
    offered = _side(row, "oa")
    assert offered is not None  # the proposer's assignment always exists
    return SwapOut(
        id=row["id"],
        kind=row["kind"],
        status=row["status"],
        offered=offered,
        wanted=_side(row, "wa"),
        proposer_user_id=row["proposer_user_id"],
        proposer_name=row["proposer_name"],
        target_user_id=row["target_user_id"],
        target_name=row["target_name"],
        colleague_user_id=row["colleague_user_id"],
        colleague_name=row["colleague_name"],
        comment=row["comment"],
        requires_approval=row["requires_approval"],
        accepted_at=row["accepted_at"],
        decided_at=row["decided_at"],
        decision_comment=row["decision_comment"],
        applied_at=row["applied_at"],
        closed_at=row["closed_at"],
        new_assignment_id=row["new_assignment_id"],
        new_target_assignment_id=row["new_target_assignment_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        side=side,  # type: ignore[arg-type]
        eligible=eligible,
    )


def _comment(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if len(text) > MAX_COMMENT:
        raise DomainError(
            "swap.comment_too_long",
            f"A comment has {MAX_COMMENT} characters at most",
            details={"max": MAX_COMMENT},
            status=422,
        )
    return text or None


async def get_swap(org_id: int, swap_id: int) -> dict[str, Any]:
    rows = await fetch(_SELECT + " WHERE s.org = $1 AND s.id = $2", org_id, swap_id)
    if not rows:
        raise NotFound("swap.not_found", "Swap not found")
    return rows[0]


async def my_user_id(principal: Principal) -> int:
    """The user of the org linked to the caller's account (who proposes or accepts)."""
    rows = await fetch(
        "SELECT id FROM users WHERE org = $1 AND account = $2 ORDER BY id LIMIT 1",
        principal.org_id,
        principal.account_id,
    )
    if not rows:
        raise Forbidden(
            "swap.no_user", "Your account is not linked to a person of this org: nothing to swap"
        )
    return int(rows[0]["id"])


async def expire_due(org_id: int | None = None) -> int:
    """Open proposals whose mission has started are ``expired`` (own transaction), each
    announced (``SwapChanged``, step ``expired``) to the people it concerns. ``org_id``
    None: every org (the cron). Two runs at once expire each proposal once (the second
    UPDATE waits on the row and then no longer matches it)."""
    async with transaction():
        rows = await fetch(
            """UPDATE swaps SET status = 'expired', closed_at = now(), updated_at = now()
               WHERE ($1::int IS NULL OR org = $1)
                 AND status IN ('proposed', 'accepted_by_colleague') AND starts_at <= now()
               RETURNING id, org, kind, assignment_id, target_assignment_id,
                         proposer_user_id, target_user_id, colleague_user_id,
                         requires_approval""",
            org_id,
        )
        for row in rows:
            await record(row["org"], None, "swap.expired", f"swap:{row['id']}", {})
        await emit_events(
            [
                SwapChanged(
                    org_id=row["org"],
                    swap_id=row["id"],
                    swap_kind=row["kind"],
                    step="expired",
                    assignment_id=row["assignment_id"],
                    target_assignment_id=row["target_assignment_id"],
                    proposer_user_id=row["proposer_user_id"],
                    target_user_id=row["target_user_id"],
                    colleague_user_id=row["colleague_user_id"],
                    requires_approval=row["requires_approval"],
                )
                for row in rows
            ]
        )
    return len(rows)


async def expire_cron(ctx: dict[str, Any]) -> int:
    """Every few minutes: proposals still open when their mission starts expire, and
    their people hear of it, even if nobody opens the swaps pages."""
    return await expire_due()


# -- checks ------------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """Assignment ``assignment_id`` goes to ``to_user_id``."""

    assignment_id: int
    to_user_id: int


def _key(c: conflicts.Conflict) -> tuple[Any, ...]:
    return (c.kind, c.user_id, tuple(sorted(s.id for s in c.spans)), c.day, c.week)


async def conflicts_of(org_id: int, moves: list[Move]) -> list[ConflictOut]:
    """The conflicts the moves would create for the receivers: the assignments moved are
    gone from their givers and added to their receivers (skills, expiry, overlap, rest,
    hours, unavailability). Writes nothing."""
    ids = [m.assignment_id for m in moves]
    rows = {
        r["id"]: r
        for r in await fetch(
            """SELECT a.id, a.mission, a.mission_role, a.starts_at, a.ends_at, a.user_id,
                      r.required_skills, m.project, COALESCE(pl.timezone, '') AS zone
               FROM assignments a JOIN mission_roles r ON r.id = a.mission_role
               JOIN missions m ON m.id = a.mission LEFT JOIN places pl ON pl.id = m.place_id
               WHERE a.org = $1 AND a.id = ANY($2::int[])""",
            org_id,
            ids,
        )
    }
    receivers = sorted({m.to_user_id for m in moves})
    already = await fetch(
        """SELECT mission, user_id FROM assignments
           WHERE org = $1 AND status IN ('INVITED', 'ACCEPTED') AND NOT (id = ANY($2::int[]))
             AND user_id = ANY($3::int[]) AND mission = ANY($4::int[])""",
        org_id,
        ids,
        receivers,
        [r["mission"] for r in rows.values()],
    )
    taken = {(r["mission"], r["user_id"]) for r in already}
    for move in moves:
        if (rows[move.assignment_id]["mission"], move.to_user_id) in taken:
            raise Conflict(
                "swap.already_on_mission",
                "The colleague is already invited to or working on this mission",
                details={
                    "mission_id": rows[move.assignment_id]["mission"],
                    "user_id": move.to_user_id,
                },
            )
    proposed = [
        conflicts.Span(
            -n,
            move.to_user_id,
            conflicts.epoch(rows[move.assignment_id]["starts_at"]),
            conflicts.epoch(rows[move.assignment_id]["ends_at"]),
            "ACCEPTED",
            rows[move.assignment_id]["mission"],
            rows[move.assignment_id]["mission_role"],
            rows[move.assignment_id]["project"],
            tuple(rows[move.assignment_id]["required_skills"] or ()),
            rows[move.assignment_id]["zone"],
        )
        for n, move in enumerate(moves, start=1)
    ]
    lo = min(r["starts_at"] for r in rows.values()) - conflicts.MARGIN
    hi = max(r["ends_at"] for r in rows.values()) + conflicts.MARGIN
    users = await conflicts.load_users(org_id, receivers)
    before = await conflicts.load_spans(org_id, lo, hi, receivers)
    context = await conflicts.load_context(org_id, receivers, lo, hi)
    gone = set(ids)
    after = [s for s in before if s.id not in gone] + proposed
    lo_s, hi_s = conflicts.epoch(lo), conflicts.epoch(hi)
    with conflicts.gc_paused():
        existing = {
            _key(c)
            for c in conflicts.analyse(context, users, before, lo_s, hi_s).conflicts(receivers)
        }
        new = {s.id for s in proposed}
        found = [
            c
            for c in conflicts.analyse(context, users, after, lo_s, hi_s).conflicts(receivers)
            if any(s.id in new for s in c.spans) and _key(c) not in existing
        ]
    return [conflicts.conflict_out(c, users, context.tz, context.absence_types) for c in found]


async def check_moves(org_id: int, moves: list[Move]) -> None:
    """409 ``swap.conflict`` (``kinds``: the conflict kinds, comma separated) when the
    moves would create a conflict or miss a skill."""
    found = await conflicts_of(org_id, moves)
    if found:
        kinds = sorted({c.kind for c in found})
        raise Conflict(
            "swap.conflict",
            "The exchange would create conflicts: " + ", ".join(kinds),
            details={
                "kinds": ", ".join(kinds),
                "conflicts": [
                    {"kind": c.kind, "user_id": c.user.id, "message": c.message} for c in found
                ],
            },
        )


def _moves(swap: dict[str, Any], colleague_user_id: int) -> list[Move]:
    moves = [Move(swap["assignment_id"], colleague_user_id)]
    if swap["kind"] == "swap":
        moves.append(Move(swap["target_assignment_id"], swap["proposer_user_id"]))
    return moves


async def _assignment(org_id: int, assignment_id: int) -> dict[str, Any]:
    rows = await fetch(
        """SELECT id, user_id, status, reserve, mission, mission_role, starts_at
           FROM assignments WHERE org = $1 AND id = $2""",
        org_id,
        assignment_id,
    )
    if not rows:
        raise NotFound("assignment.not_found", "Assignment not found")
    return rows[0]


def _check_swappable(row: dict[str, Any], code: str) -> None:
    if row["status"] != "ACCEPTED" or row["reserve"]:
        raise Conflict(
            code,
            "Only an accepted assignment holding a place can be handed over or swapped",
            details={"assignment_id": row["id"], "status": row["status"]},
        )
    if row["starts_at"] <= dt.datetime.now(dt.UTC):
        raise Conflict(
            "swap.mission_started",
            "The mission has started: it can no longer be swapped",
            details={"assignment_id": row["id"]},
        )


def _event(principal: Principal, swap: dict[str, Any], step: str) -> SwapChanged:
    return SwapChanged(
        org_id=principal.org_id,
        actor_account_id=principal.account_id,
        swap_id=swap["id"],
        swap_kind=swap["kind"],
        step=step,
        assignment_id=swap["assignment_id"],
        target_assignment_id=swap["target_assignment_id"],
        proposer_user_id=swap["proposer_user_id"],
        target_user_id=swap["target_user_id"],
        colleague_user_id=swap["colleague_user_id"],
        requires_approval=swap["requires_approval"],
    )


# -- commands ----------------------------------------------------------------------


async def propose(principal: Principal, data: SwapCreate) -> dict[str, Any]:
    comment = _comment(data.comment)
    me = await my_user_id(principal)
    async with transaction():
        offered = await _assignment(principal.org_id, data.assignment_id)
        if offered["user_id"] != me:
            raise Forbidden("swap.not_yours", "Only the assigned person can offer this assignment")
        _check_swappable(offered, "swap.not_accepted")
        if data.target_user_id is not None:
            await _check_target(principal.org_id, data.target_user_id, me)
        starts_at = offered["starts_at"]
        if data.kind == "swap":
            if data.target_user_id is None or data.target_assignment_id is None:
                raise DomainError(
                    "swap.target_required",
                    "A swap names the colleague and the assignment of theirs you want",
                    status=422,
                )
            wanted = await _assignment(principal.org_id, data.target_assignment_id)
            if wanted["user_id"] != data.target_user_id:
                raise DomainError(
                    "swap.target_assignment_mismatch",
                    "The assignment wanted is not the colleague's",
                    details={"target_assignment_id": data.target_assignment_id},
                    status=422,
                )
            _check_swappable(wanted, "swap.target_not_accepted")
            starts_at = min(starts_at, wanted["starts_at"])
        elif data.target_assignment_id is not None:
            raise DomainError(
                "swap.target_assignment_unexpected",
                "A handover gives your assignment: it takes none in return",
                status=422,
            )
        if data.target_user_id is not None:
            moves = [Move(data.assignment_id, data.target_user_id)]
            if data.kind == "swap" and data.target_assignment_id is not None:
                moves.append(Move(data.target_assignment_id, me))
            await check_moves(principal.org_id, moves)
        policy = await fetch(
            "SELECT swaps_require_approval FROM orgs WHERE id = $1", principal.org_id
        )
        try:
            created = await fetch(
                """INSERT INTO swaps (org, kind, assignment_id, proposer_user_id, target_user_id,
                       target_assignment_id, message, requires_approval, starts_at, proposed_by)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                   RETURNING id, kind, assignment_id, target_assignment_id, proposer_user_id,
                             target_user_id, colleague_user_id, requires_approval""",
                principal.org_id,
                data.kind,
                data.assignment_id,
                me,
                data.target_user_id,
                data.target_assignment_id,
                comment,
                bool(policy[0]["swaps_require_approval"]),
                starts_at,
                principal.account_id,
            )
        except asyncpg.exceptions.UniqueViolationError as exc:
            raise Conflict(
                "swap.already_open",
                "This assignment is already offered: cancel that proposal first",
                details={"assignment_id": data.assignment_id},
            ) from exc
        swap = created[0]
        await record(
            principal.org_id,
            principal.account_id,
            "swap.proposed",
            f"swap:{swap['id']}",
            {
                "kind": data.kind,
                "assignment_id": data.assignment_id,
                "target_user_id": data.target_user_id,
                "target_assignment_id": data.target_assignment_id,
            },
        )
        await emit_events([_event(principal, swap, "proposed")])
    return await get_swap(principal.org_id, int(swap["id"]))


async def _check_target(org_id: int, user_id: int, me: int) -> None:
    rows = await fetch("SELECT account FROM users WHERE org = $1 AND id = $2", org_id, user_id)
    if not rows:
        raise NotFound("user.not_found", "User not found")
    if user_id == me:
        raise DomainError("swap.same_user", "You cannot swap with yourself", status=422)
    if rows[0]["account"] is None:
        raise DomainError(
            "swap.target_no_account",
            "This colleague does not log in: they cannot accept in the app",
            details={"user_id": user_id},
            status=422,
        )


async def _lock(org_id: int, swap_id: int) -> dict[str, Any]:
    rows = await fetch(
        """SELECT id, kind, status, assignment_id, target_assignment_id, proposer_user_id,
                  target_user_id, colleague_user_id, requires_approval
           FROM swaps WHERE org = $1 AND id = $2 FOR UPDATE""",
        org_id,
        swap_id,
    )
    if not rows:
        raise NotFound("swap.not_found", "Swap not found")
    return rows[0]


def _expect(swap: dict[str, Any], *statuses: str) -> None:
    if swap["status"] not in statuses:
        raise Conflict(
            "swap.not_open",
            f"This proposal is {swap['status']}: nothing to do",
            details={"status": swap["status"]},
        )


async def accept(principal: Principal, swap_id: int) -> dict[str, Any]:
    """The named colleague, or for an open handover the first eligible member, accepts.
    Without the org's approval policy the exchange is applied at once."""
    await expire_due(principal.org_id)
    async with transaction():
        swap = await _lock(principal.org_id, swap_id)  # another org's: 404 before anything
        me = await my_user_id(principal)
        _expect(swap, "proposed")
        if swap["proposer_user_id"] == me:
            raise Forbidden("swap.own_proposal", "You cannot accept your own proposal")
        if swap["target_user_id"] is not None and swap["target_user_id"] != me:
            raise Forbidden("swap.not_target", "This proposal is addressed to another colleague")
        await check_moves(principal.org_id, _moves(swap, me))
        await fetch(
            """UPDATE swaps SET status = 'accepted_by_colleague', colleague_user_id = $2,
                   accepted_by = $3, accepted_at = now(), updated_at = now()
               WHERE id = $1""",
            swap_id,
            me,
            principal.account_id,
        )
        swap = {**swap, "colleague_user_id": me, "status": "accepted_by_colleague"}
        await record(
            principal.org_id,
            principal.account_id,
            "swap.accepted",
            f"swap:{swap_id}",
            {"colleague_user_id": me},
        )
        events: list[DomainEvent] = [_event(principal, swap, "accepted")]
        if not swap["requires_approval"]:
            moved = await _apply(principal, swap)
            events += [_event(principal, swap, "applied"), *moved]
        await emit_events(events)
    return await get_swap(principal.org_id, swap_id)


async def approve(principal: Principal, swap_id: int) -> dict[str, Any]:
    """A manager approves an accepted proposal: checked again, then applied."""
    await expire_due(principal.org_id)
    async with transaction():
        swap = await _lock(principal.org_id, swap_id)
        _expect(swap, "accepted_by_colleague")
        await check_moves(principal.org_id, _moves(swap, swap["colleague_user_id"]))
        await fetch(
            """UPDATE swaps SET status = 'approved', decided_by = $2, decided_at = now(),
                   updated_at = now() WHERE id = $1""",
            swap_id,
            principal.account_id,
        )
        await record(principal.org_id, principal.account_id, "swap.approved", f"swap:{swap_id}", {})
        moved = await _apply(principal, swap)
        await emit_events(
            [_event(principal, swap, "approved"), _event(principal, swap, "applied"), *moved]
        )
    return await get_swap(principal.org_id, swap_id)


async def _close(
    principal: Principal,
    swap_id: int,
    *,
    expect: tuple[str, ...],
    status: str,
    comment: str | None = None,
    who: str | None = None,
) -> dict[str, Any]:
    """Move a proposal to a final status without applying it."""
    await expire_due(principal.org_id)
    async with transaction():
        swap = await _lock(principal.org_id, swap_id)  # another org's: 404 before anything
        me = await my_user_id(principal) if who else None
        if who == "proposer" and swap["proposer_user_id"] != me:
            raise Forbidden("swap.not_proposer", "Only the proposer can cancel this proposal")
        if who == "target":
            if swap["target_user_id"] is None:
                raise Conflict(
                    "swap.open_to_all", "An open proposal is not declined: leave it to others"
                )
            if swap["target_user_id"] != me:
                raise Forbidden(
                    "swap.not_target", "This proposal is addressed to another colleague"
                )
        _expect(swap, *expect)
        decided = status == "rejected"
        await fetch(
            """UPDATE swaps SET status = $2, closed_at = now(), updated_at = now(),
                   decision_reason = COALESCE($3, decision_reason),
                   decided_by = CASE WHEN $4 THEN $5 ELSE decided_by END,
                   decided_at = CASE WHEN $4 THEN now() ELSE decided_at END
               WHERE id = $1""",
            swap_id,
            status,
            comment,
            decided,
            principal.account_id,
        )
        await record(
            principal.org_id,
            principal.account_id,
            f"swap.{status}",
            f"swap:{swap_id}",
            {"previous_status": swap["status"]},
        )
        await emit_events([_event(principal, swap, status)])
    return await get_swap(principal.org_id, swap_id)


async def cancel(principal: Principal, swap_id: int) -> dict[str, Any]:
    return await _close(principal, swap_id, expect=OPEN, status="cancelled", who="proposer")


async def decline(principal: Principal, swap_id: int, comment: str | None) -> dict[str, Any]:
    return await _close(
        principal,
        swap_id,
        expect=("proposed",),
        status="declined",
        comment=_comment(comment),
        who="target",
    )


async def reject(principal: Principal, swap_id: int, comment: str | None) -> dict[str, Any]:
    return await _close(
        principal,
        swap_id,
        expect=("accepted_by_colleague",),
        status="rejected",
        comment=_comment(comment),
    )


async def _apply(principal: Principal, swap: dict[str, Any]) -> list[DomainEvent]:
    """Apply an accepted (and approved when required) proposal, inside the caller's
    transaction, with the swap row locked. See the module docstring for the locks.

    Returns the assignment events to emit after the swap's own: each given assignment
    ``AssignmentCancelled`` (``reason="swapped"``), each new one ``AssignmentAccepted``
    (``via="swap"``), so that plugins and webhook receivers that follow assignments see
    the change of hands like any other."""
    moves = _moves(swap, swap["colleague_user_id"])
    ids = sorted(m.assignment_id for m in moves)
    await fetch(
        """SELECT 1 FROM missions WHERE id IN (
               SELECT mission FROM assignments WHERE org = $1 AND id = ANY($2::int[]))
           ORDER BY id FOR SHARE""",
        principal.org_id,
        ids,
    )
    current: dict[int, dict[str, Any]] = {}
    for assignment_id in ids:
        row = await lock_assignment(principal.org_id, assignment_id)
        if row["status"] != "ACCEPTED" or row["reserve"]:
            raise Conflict(
                "swap.stale",
                "An assignment of this proposal changed since it was made: cancel it",
                details={"assignment_id": assignment_id, "status": row["status"]},
            )
        current[assignment_id] = row
    for role_id in sorted({r["mission_role"] for r in current.values()}):
        await lock_role(role_id)
    await fetch(
        """UPDATE assignments SET status = 'CANCELLED', updated_at = now()
           WHERE id = ANY($1::int[])""",
        ids,
    )
    created: dict[int, int] = {}
    for move in moves:
        with overlap_as_conflict():
            try:
                rows = await fetch(
                    """INSERT INTO assignments (org, mission, mission_role, user_id, status,
                           starts_at, ends_at, created_by, answered_at, reserve)
                       SELECT org, mission, mission_role, $3, 'ACCEPTED',
                              starts_at, ends_at, $2, now(), false
                       FROM assignments WHERE org = $1 AND id = $4
                       RETURNING id""",
                    principal.org_id,
                    principal.account_id,
                    move.to_user_id,
                    move.assignment_id,
                )
            except asyncpg.exceptions.UniqueViolationError as exc:
                raise Conflict(
                    "swap.already_on_mission",
                    "The colleague is already invited to or working on this mission",
                    details={
                        "mission_id": current[move.assignment_id]["mission"],
                        "user_id": move.to_user_id,
                    },
                ) from exc
        created[move.assignment_id] = int(rows[0]["id"])
        await record(
            principal.org_id,
            principal.account_id,
            "assignment.cancelled",
            f"assignment:{move.assignment_id}",
            {
                "user_id": current[move.assignment_id]["user_id"],
                "reason": "swapped",
                "swap_id": swap["id"],
                "replaced_by_assignment_id": created[move.assignment_id],
                "before": {"status": "ACCEPTED"},
                "after": {"status": "CANCELLED"},
            },
        )
    events: list[DomainEvent] = []
    for move in moves:
        given = current[move.assignment_id]
        common = {
            "org_id": principal.org_id,
            "actor_account_id": principal.account_id,
            "mission_id": given["mission"],
            "mission_role_id": given["mission_role"],
        }
        events.append(
            AssignmentCancelled(
                **common,
                assignment_id=move.assignment_id,
                user_id=given["user_id"],
                previous_status="ACCEPTED",
                reason="swapped",
            )
        )
        events.append(
            AssignmentAccepted(
                **common,
                assignment_id=created[move.assignment_id],
                user_id=move.to_user_id,
                via="swap",
            )
        )
    await fetch(
        """UPDATE swaps SET status = 'applied', applied_at = now(), closed_at = now(),
               updated_at = now(), new_assignment_id = $2, new_target_assignment_id = $3
           WHERE id = $1""",
        swap["id"],
        created[swap["assignment_id"]],
        created.get(swap["target_assignment_id"]) if swap["target_assignment_id"] else None,
    )
    await record(
        principal.org_id,
        principal.account_id,
        "swap.applied",
        f"swap:{swap['id']}",
        {
            "cancelled_assignment_ids": ids,
            "new_assignment_ids": sorted(created.values()),
        },
    )
    return events


# -- reads -------------------------------------------------------------------------


async def list_swaps(
    org_id: int, listing: ListQuery, *, status: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Every proposal of the org (managers), optionally by status."""
    await expire_due(org_id)
    arg = SqlParams(org_id)
    where = "s.org = $1" + (f" AND s.status = {arg(status)}" if status else "")
    total = (
        await fetch(f"SELECT count(*) AS n FROM swaps s WHERE {where}", *arg.values)  # noqa: S608
    )[0]["n"]
    listing.check_page(total)
    rows = await fetch(
        f"{_SELECT} WHERE {where} ORDER BY {SWAPS.order_by(listing)}"
        f" LIMIT {arg(listing.page_size)} OFFSET {arg(listing.offset)}",
        *arg.values,
    )
    return rows, total


async def list_mine(
    principal: Principal, listing: ListQuery, *, status: str | None = None
) -> tuple[list[SwapOut], int]:
    """The caller's proposals, those addressed to them or taken by them, and the open
    handovers of colleagues (``eligible``: the caller could take it now). Empty for an
    account linked to no person of the org."""
    await expire_due(principal.org_id)
    linked = await fetch(
        "SELECT id FROM users WHERE org = $1 AND account = $2 ORDER BY id LIMIT 1",
        principal.org_id,
        principal.account_id,
    )
    if not linked:
        # A member who is nobody's person (an office manager) has nothing to swap.
        listing.check_page(0)
        return [], 0
    me = int(linked[0]["id"])
    arg = SqlParams(principal.org_id)
    ref = arg(me)
    where = (
        f"s.org = $1 AND (s.proposer_user_id = {ref} OR s.target_user_id = {ref}"
        f" OR s.colleague_user_id = {ref}"
        f" OR (s.target_user_id IS NULL AND s.status = 'proposed'))"
    )
    if status:
        where += f" AND s.status = {arg(status)}"
    total = (
        await fetch(f"SELECT count(*) AS n FROM swaps s WHERE {where}", *arg.values)  # noqa: S608
    )[0]["n"]
    listing.check_page(total)
    rows = await fetch(
        f"{_SELECT} WHERE {where} ORDER BY {SWAPS.order_by(listing)}"
        f" LIMIT {arg(listing.page_size)} OFFSET {arg(listing.offset)}",
        *arg.values,
    )
    items = []
    for row in rows:
        if row["proposer_user_id"] == me:
            items.append(swap_out(row, side="proposer"))
        elif row["target_user_id"] == me or row["colleague_user_id"] == me:
            items.append(swap_out(row, side="colleague"))
        else:
            items.append(swap_out(row, side="open", eligible=await _eligible(principal, row, me)))
    return items, total


async def _eligible(principal: Principal, row: dict[str, Any], me: int) -> bool:
    try:
        await check_moves(principal.org_id, [Move(row["oa_assignment_id"], me)])
    except Conflict:
        return False
    return True
