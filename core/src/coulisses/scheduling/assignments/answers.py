"""Answers to an invitation: the INVITED -> ACCEPTED | DECLINED move, by signed link
or in the app, with the locks, the quota check, the reserves (see ``reserves.py``),
the audit entry and the events."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coulisses.audit import before_after, record
from coulisses.db.connection import fetch
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.scheduling.assignments.reserves import lock_role, promote
from coulisses.scheduling.common import (
    overlap_as_conflict,
)
from coulisses_sdk import (
    AssignmentAccepted,
    AssignmentDeclined,
    DomainEvent,
)

#: status -> statuses it may move to; anything else is 409 assignment.invalid_transition.
TRANSITIONS: dict[str, frozenset[str]] = {
    "INVITED": frozenset({"ACCEPTED", "DECLINED", "CANCELLED"}),
    "ACCEPTED": frozenset({"CANCELLED"}),
    "DECLINED": frozenset(),
    "CANCELLED": frozenset(),
}


def check_transition(current: str, target: str) -> None:
    if target not in TRANSITIONS[current]:
        raise Conflict(
            "assignment.invalid_transition",
            f"An assignment {current} cannot become {target}",
            details={"from": current, "to": target},
        )


@dataclass
class Answer:
    """An answer to an invitation, by signed link (``via="link"``) or in the app."""

    target: str
    via: str
    actor_account_id: int | None = None
    reason: str | None = None
    events: list[DomainEvent] = field(default_factory=list)


async def lock_assignment(org_id: int, assignment_id: int) -> dict[str, Any]:
    # Invitations first, then the assignment, then the role: every path takes the
    # locks in this order, so two answers cannot deadlock.
    await fetch(
        "SELECT 1 FROM invitations WHERE assignment = $1 ORDER BY id FOR UPDATE", assignment_id
    )
    rows = await fetch(
        """SELECT a.id, a.status, a.reserve, a.mission, a.mission_role, a.user_id, u.account
           FROM assignments a JOIN users u ON u.id = a.user_id
           WHERE a.org = $1 AND a.id = $2 FOR UPDATE OF a""",
        org_id,
        assignment_id,
    )
    if not rows:
        raise NotFound("assignment.not_found", "Assignment not found")
    return rows[0]


async def apply_answer(org_id: int, assignment_id: int, answer: Answer) -> None:
    """Move an INVITED assignment to ACCEPTED or DECLINED (call inside a transaction).

    A non-reserve that declines frees a place: the caller must have locked the
    mission first (``reserves.lock_mission_of_*``), as the first accepted reserve is
    promoted here. A reserve that accepts gets its rank, and the place if one is free.
    """
    current = await lock_assignment(org_id, assignment_id)
    check_transition(current["status"], answer.target)
    role_id = current["mission_role"]
    reserve = bool(current["reserve"])
    quota: int | None = None
    if answer.target == "ACCEPTED":
        quota = await lock_role(role_id)
        if not reserve:
            accepted = await fetch(
                """SELECT count(*) AS n FROM assignments
                   WHERE mission_role = $1 AND status = 'ACCEPTED' AND NOT reserve""",
                role_id,
            )
            if accepted[0]["n"] >= quota:
                raise Conflict(
                    "assignment.quota_full",
                    "Every place of this role is already taken",
                    details={"quota": quota},
                )
    elif not reserve:
        quota = await lock_role(role_id)  # a place frees up
    with overlap_as_conflict():
        # The rank is drawn with the role locked: ranks follow the commit order.
        await fetch(
            """UPDATE assignments SET status = $2, decline_reason = $3, answered_at = now(),
                      updated_at = now(),
                      reserve_rank = CASE WHEN $4 THEN nextval('assignments_reserve_rank_seq')
                                     ELSE reserve_rank END
               WHERE id = $1""",
            assignment_id,
            answer.target,
            answer.reason,
            reserve and answer.target == "ACCEPTED",
        )
    await fetch(
        """UPDATE invitations SET answer = $2, answered_at = now(), reason = $3
           WHERE assignment = $1 AND answer IS NULL AND revoked_at IS NULL""",
        assignment_id,
        answer.target,
        answer.reason,
    )
    verb = "accepted" if answer.target == "ACCEPTED" else "declined"
    payload: dict[str, Any] = {"via": answer.via, "user_id": current["user_id"]}
    if answer.reason:
        payload["reason"] = answer.reason
    if reserve:
        payload["reserve"] = True
    payload.update(before_after(current, {"status": answer.target}))
    await record(
        org_id,
        answer.actor_account_id,
        f"assignment.{verb}",
        f"assignment:{assignment_id}",
        payload,
    )
    common: dict[str, Any] = {
        "org_id": org_id,
        "actor_account_id": answer.actor_account_id,
        "assignment_id": assignment_id,
        "mission_id": current["mission"],
        "mission_role_id": role_id,
        "user_id": current["user_id"],
        "via": answer.via,
    }
    if answer.target == "ACCEPTED":
        answer.events.append(AssignmentAccepted(**common, reserve=reserve))
        if reserve and quota is not None:
            answer.events.extend(
                await promote(
                    org_id,
                    role_id,
                    quota,
                    cause="accepted",
                    actor_account_id=answer.actor_account_id,
                )
            )
    else:
        answer.events.append(AssignmentDeclined(**common, reason=answer.reason))
        if quota is not None:
            answer.events.extend(
                await promote(
                    org_id,
                    role_id,
                    quota,
                    cause="declined",
                    actor_account_id=answer.actor_account_id,
                    freed_assignment_id=assignment_id,
                )
            )


def check_reason(reason: str | None) -> str | None:
    if reason is None:
        return None
    reason = reason.strip()
    if len(reason) > 1000:
        raise DomainError(
            "assignment.invalid_reason", "A reason has at most 1000 characters", status=422
        )
    return reason or None
