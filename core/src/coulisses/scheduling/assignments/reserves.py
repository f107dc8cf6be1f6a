"""Reserves: invitees beyond a role's quota, promoted in the order they accepted.

The places of a role are held by its active non-reserve assignments (INVITED or
ACCEPTED). An invitation beyond the quota is refused (409
``assignment.quota_would_exceed``) unless it asks for a reserve. A reserve may
accept (status ACCEPTED, still ``reserve``: available, without a place; the
no-overlap constraint holds them to it) or decline. Accepting draws
``reserve_rank`` from a sequence while the role row is locked, so ranks follow
the order in which the accepts committed.

Whenever a place frees up (a non-reserve declines or is cancelled, the quota is
raised, a reserve accepts while a place is free) the accepted reserves with the
lowest ranks are promoted in the same transaction, under the role's lock: two
frees never promote the same reserve twice, and after every commit either the
role is full or no accepted reserve is waiting.

Lock order (every path): mission (FOR SHARE) -> invitations -> assignment -> role
-> promoted reserves. A path that may promote takes the mission first: a change
of the mission's times (mission FOR UPDATE, then all its assignments) then
waits for it instead of holding a reserve's row while waiting for ours.
"""

from __future__ import annotations

from typing import Any

from coulisses.audit import record
from coulisses.db.connection import fetch
from coulisses.scheduling.open_shifts.waitlist import offer_free_places
from coulisses_sdk import AssignmentPromoted, DomainEvent

#: An active assignment that holds a place of its role.
HOLDS_PLACE = "status IN ('INVITED', 'ACCEPTED') AND NOT reserve"

#: ``reserve_position`` of the assignment aliased ``a``: 1 for the next to be promoted,
#: NULL for an assignment that is not an accepted reserve.
POSITION_SQL = """CASE WHEN a.reserve AND a.status = 'ACCEPTED' THEN (
    SELECT count(*) FROM assignments q
    WHERE q.mission_role = a.mission_role AND q.reserve AND q.status = 'ACCEPTED'
      AND q.reserve_rank <= a.reserve_rank)::int END"""


async def lock_mission_of_assignment(org_id: int, assignment_id: int) -> None:
    """First lock of a path that may promote (see the module docstring)."""
    await fetch(
        """SELECT 1 FROM missions WHERE id = (
               SELECT mission FROM assignments WHERE org = $1 AND id = $2) FOR SHARE""",
        org_id,
        assignment_id,
    )


async def lock_mission_of_invitation(invitation_id: int) -> None:
    """First lock of an answer by link that may promote (a decline)."""
    await fetch(
        """SELECT 1 FROM missions WHERE id = (
               SELECT a.mission FROM invitations i JOIN assignments a ON a.id = i.assignment
               WHERE i.id = $1) FOR SHARE""",
        invitation_id,
    )


async def lock_role(role_id: int) -> int:
    """Lock the role row (after the assignment's, never before); its quota."""
    rows = await fetch("SELECT quota FROM mission_roles WHERE id = $1 FOR UPDATE", role_id)
    return int(rows[0]["quota"])


async def places_taken(role_ids: list[int]) -> dict[int, int]:
    """Places held on each role (read with the roles locked, or it may be stale): by its
    assignments, and by the open-shift offers still waiting for an answer (a place offered
    to the waitlist is kept for that person until the offer ends)."""
    rows = await fetch(
        f"""SELECT r.id AS mission_role,
                   (SELECT count(*) FROM assignments
                    WHERE mission_role = r.id AND {HOLDS_PLACE})::int
                   + (SELECT count(*) FROM open_shift_applications o
                      JOIN open_shifts s ON s.id = o.open_shift
                      WHERE s.mission_role = r.id AND o.status = 'OFFERED')::int AS n
            FROM unnest($1::int[]) AS r(id)""",  # noqa: S608 - constant fragment
        role_ids,
    )
    taken = dict.fromkeys(role_ids, 0)
    taken.update({r["mission_role"]: r["n"] for r in rows})
    return taken


# The accepted reserves of the role that fit in the free places, lowest rank first.
# A reserve locked by a concurrent cancel is re-checked once that commits (no longer
# ACCEPTED: skipped), hence the caller's loop.
_PROMOTE_SQL = f"""WITH free AS (
    SELECT GREATEST($2 - count(*), 0) AS n FROM assignments
    WHERE mission_role = $1 AND {HOLDS_PLACE}
), picked AS (
    SELECT id FROM assignments
    WHERE mission_role = $1 AND reserve AND status = 'ACCEPTED'
    ORDER BY reserve_rank LIMIT (SELECT n FROM free) FOR UPDATE
)
UPDATE assignments a SET reserve = false, promoted_at = now(), updated_at = now()
FROM picked WHERE a.id = picked.id AND a.reserve AND a.status = 'ACCEPTED'
RETURNING a.id, a.mission, a.user_id, a.reserve_rank"""  # noqa: S608 - constant fragment


async def promote(
    org_id: int,
    role_id: int,
    quota: int,
    *,
    cause: str,
    actor_account_id: int | None,
    freed_assignment_id: int | None = None,
) -> list[DomainEvent]:
    """Give the free places of the role to its accepted reserves, first rank first; the
    places still free then go on offer to the role's waitlist (``open_shifts/waitlist.py``).

    Call inside the transaction, with the role locked by :func:`lock_role` (and, when
    another assignment than the caller's may be promoted, the mission locked first).
    Returns the events to fire after commit.
    """
    events: list[DomainEvent] = []
    while True:
        rows = sorted(await fetch(_PROMOTE_SQL, role_id, quota), key=lambda r: r["reserve_rank"])
        if not rows:
            events.extend(
                await offer_free_places(org_id, role_id, quota, actor_account_id=actor_account_id)
            )
            return events
        for row in rows:
            await _record(org_id, actor_account_id, row, cause, freed_assignment_id)
            events.append(
                AssignmentPromoted(
                    org_id=org_id,
                    actor_account_id=actor_account_id,
                    assignment_id=row["id"],
                    mission_id=row["mission"],
                    mission_role_id=role_id,
                    user_id=row["user_id"],
                    cause=cause,
                    freed_assignment_id=freed_assignment_id,
                )
            )


async def _record(
    org_id: int,
    actor_account_id: int | None,
    row: dict[str, Any],
    cause: str,
    freed_assignment_id: int | None,
) -> None:
    payload: dict[str, Any] = {"user_id": row["user_id"], "cause": cause}
    if freed_assignment_id is not None:
        payload["freed_assignment_id"] = freed_assignment_id
    await record(
        org_id, actor_account_id, "assignment.promoted", f"assignment:{row['id']}", payload
    )
