"""The waitlist of a published role: free places are offered, in arrival order.

A place of a role is free when its quota is above the places held (non-reserve INVITED or
ACCEPTED assignments) plus the places on offer (OFFERED applications). Every path that
frees a place calls :func:`offer_free_places` with the role row locked (``reserves.promote``
calls it after the accepted reserves got their places: reserves keep priority). The first
WAITLISTED applications (lowest ``seq``) become OFFERED with a deadline of the
publication's ``offer_hours``; the publication is FULL while no place is free, OPEN again
when one is and nobody waits.

Lock order (after the reserves' one): mission -> ... -> role -> open_shifts row ->
applications. This module imports no other scheduling service (``reserves`` imports it).
"""

from __future__ import annotations

from typing import Any

from coulisses.audit import record
from coulisses.db.connection import fetch
from coulisses_sdk import DomainEvent, OpenShiftOffered

#: Applications that wait for a place or hold one on offer.
QUEUED = "status IN ('WAITLISTED', 'OFFERED')"

_HOLDS_PLACE = "status IN ('INVITED', 'ACCEPTED') AND NOT reserve"


async def lock_open_shift_of_role(role_id: int) -> dict[str, Any] | None:
    """The publication of the role, locked (after the role row); None when there is none."""
    rows = await fetch(
        """SELECT s.id, s.org, s.mission_role, s.policy, s.tag, s.offer_hours, s.status,
                  r.mission
           FROM open_shifts s JOIN mission_roles r ON r.id = s.mission_role
           WHERE s.mission_role = $1 FOR UPDATE OF s""",
        role_id,
    )
    return rows[0] if rows else None


async def free_places(role_id: int, quota: int) -> int:
    """Places neither held by an assignment nor on offer (read under the role's lock)."""
    rows = await fetch(
        f"""SELECT
              (SELECT count(*) FROM assignments WHERE mission_role = $1 AND {_HOLDS_PLACE})
              + (SELECT count(*) FROM open_shift_applications a
                 JOIN open_shifts s ON s.id = a.open_shift
                 WHERE s.mission_role = $1 AND a.status = 'OFFERED') AS n""",  # noqa: S608
        role_id,
    )
    return max(quota - int(rows[0]["n"]), 0)


async def refresh_status(shift: dict[str, Any], free: int) -> str:
    """FULL when no place is free, OPEN when one is (a CLOSED publication stays closed)."""
    if shift["status"] == "CLOSED":
        return "CLOSED"
    status = "FULL" if free <= 0 else "OPEN"
    if status != shift["status"]:
        await fetch(
            "UPDATE open_shifts SET status = $2, updated_at = now() WHERE id = $1",
            shift["id"],
            status,
        )
        await record(
            shift["org"],
            None,
            "open_shift.full" if status == "FULL" else "open_shift.reopened",
            f"open_shift:{shift['id']}",
            {"mission_role_id": shift["mission_role"]},
        )
        shift["status"] = status
    return status


async def offer_free_places(
    org_id: int, role_id: int, quota: int, *, actor_account_id: int | None
) -> list[DomainEvent]:
    """Offer the role's free places to the first waitlisted applicants (role row locked by
    the caller); refresh the publication's status. Returns the events to fire."""
    shift = await lock_open_shift_of_role(role_id)
    if shift is None or shift["status"] == "CLOSED":
        return []
    free = await free_places(role_id, quota)
    events: list[DomainEvent] = []
    if free > 0:
        offered = await fetch(
            """WITH picked AS (
                   SELECT id FROM open_shift_applications
                   WHERE open_shift = $1 AND status = 'WAITLISTED'
                   ORDER BY seq LIMIT $2 FOR UPDATE)
               UPDATE open_shift_applications a SET status = 'OFFERED', updated_at = now(),
                      offer_expires_at = now() + make_interval(hours => $3)
               FROM picked WHERE a.id = picked.id
               RETURNING a.id, a.user_id, a.offer_expires_at, a.seq""",
            shift["id"],
            free,
            shift["offer_hours"],
        )
        for row in sorted(offered, key=lambda r: r["seq"]):
            await record(
                org_id,
                actor_account_id,
                "open_shift.offered",
                f"open_shift_application:{row['id']}",
                {"user_id": row["user_id"], "expires_at": row["offer_expires_at"].isoformat()},
            )
            events.append(
                OpenShiftOffered(
                    org_id=org_id,
                    actor_account_id=actor_account_id,
                    application_id=row["id"],
                    open_shift_id=shift["id"],
                    mission_id=shift["mission"],
                    mission_role_id=role_id,
                    user_id=row["user_id"],
                    expires_at=row["offer_expires_at"],
                )
            )
        free -= len(offered)
    await refresh_status(shift, free)
    return events
