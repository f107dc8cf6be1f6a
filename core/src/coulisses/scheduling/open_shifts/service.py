"""Open shifts: a manager publishes a mission role's open places; eligible crew apply.

Policy ``first_come``: an application takes a free place at once (an ACCEPTED
assignment); ``manager_picks``: it waits (PENDING) until a manager accepts or rejects
it. When no place is free (held places plus places on offer reach the quota) the
application joins the waitlist (WAITLISTED, arrival order = ``seq``); a freed place is
offered to the first one (``waitlist.py``), who accepts or declines before the deadline;
:func:`expire_offers` (cron) passes an expired offer to the next one.

Eligible: linked user of the caller's account, carrying the publication's tag (403
``open_shift.restricted``), and inviting them would create no conflict (skills valid at
the mission's date, no overlap, rest, hours, unavailability: 409
``open_shift.ineligible`` with the conflict kinds).

Every command takes the locks in the order of ``reserves.py``: mission (FOR SHARE) ->
role (FOR UPDATE) -> publication -> applications; 50 concurrent applicants on one
role are thus serialised on the role row, and the places cannot be over-given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg

from coulisses.audit import record
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, Forbidden, NotFound
from coulisses.scheduling.assignments.reserves import lock_role
from coulisses.scheduling.availability import service as availability
from coulisses.scheduling.common import check_filter, emit_events, overlap_as_conflict
from coulisses.scheduling.conflicts import service as conflicts
from coulisses.scheduling.open_shifts.schemas import ApplicationOut, OpenShiftForMe, OpenShiftOut
from coulisses.scheduling.open_shifts.waitlist import (
    QUEUED,
    free_places,
    lock_open_shift_of_role,
    offer_free_places,
    refresh_status,
)
from coulisses_sdk import (
    AssignmentAccepted,
    DomainEvent,
    Listing,
    ListQuery,
    OpenShiftApplicationAccepted,
    OpenShiftApplicationRejected,
    OpenShiftOfferExpired,
    OpenShiftWaitlisted,
    Principal,
)

ACTIVE = ("PENDING", "WAITLISTED", "OFFERED")
MAX_OFFER_HOURS = 336

#: Weights of the matching score (0-100) of :func:`list_for_me`; docs/scheduling.md.
WEIGHTS = {"skills": 30, "availability": 20, "hours": 20, "reliability": 30}
#: Weekly hours at which the "hours this week" part of the score reaches 0.
FULL_WEEK_HOURS = 35.0

_SHIFT = """SELECT s.id, s.org, s.mission_role AS mission_role_id, s.policy, s.tag,
       s.offer_hours, s.status, s.created_at, s.updated_at, r.name AS role_name, r.quota,
       r.required_skills, m.id AS mission_id, m.title AS mission_title, m.starts_at,
       m.ends_at, pl.name AS place_name,
       (SELECT count(*) FROM assignments a WHERE a.mission_role = r.id
          AND a.status IN ('INVITED', 'ACCEPTED') AND NOT a.reserve)::int AS taken,
       (SELECT count(*) FROM open_shift_applications q WHERE q.open_shift = s.id
          AND q.status = 'OFFERED')::int AS offered,
       (SELECT count(*) FROM open_shift_applications q WHERE q.open_shift = s.id
          AND q.status = 'WAITLISTED')::int AS waitlisted
FROM open_shifts s JOIN mission_roles r ON r.id = s.mission_role
JOIN missions m ON m.id = r.mission LEFT JOIN places pl ON pl.id = m.place_id"""

#: Sort keys of the manager's list of publications (docs/api.md).
OPEN_SHIFTS = Listing(
    sorts={
        "id": "s.id",
        "starts_at": "m.starts_at",
        "status": "s.status",
        "role_name": "r.name",
        "created_at": "s.created_at",
    },
    default="starts_at",
    item=OpenShiftOut,
)

#: Sort keys of the caller's applications.
APPLICATIONS = Listing(
    sorts={
        "id": "a.id",
        "status": "a.status",
        "starts_at": "m.starts_at",
        "created_at": "a.created_at",
        "offer_expires_at": "a.offer_expires_at",
    },
    default="-created_at",
    item=ApplicationOut,
)

#: Sort keys of the open places for me (sorted in memory: the score is computed).
FOR_ME = Listing(
    sorts={"id": "id", "score": "score", "starts_at": "starts_at", "free": "free"},
    default="-score",
    item=OpenShiftForMe,
)

_APPLICATION = """SELECT a.id, a.open_shift AS open_shift_id, a.user_id, a.status, a.seq,
       a.offer_expires_at, a.assignment AS assignment_id, a.created_at, a.updated_at,
       u.first_name, u.last_name, s.mission_role AS mission_role_id, r.mission AS mission_id,
       r.name AS role_name, m.title AS mission_title, m.starts_at, m.ends_at,
       CASE WHEN a.status = 'WAITLISTED' THEN (
           SELECT count(*) FROM open_shift_applications w
           WHERE w.open_shift = a.open_shift AND w.status = 'WAITLISTED' AND w.seq <= a.seq
       )::int END AS position
FROM open_shift_applications a JOIN users u ON u.id = a.user_id
JOIN open_shifts s ON s.id = a.open_shift JOIN mission_roles r ON r.id = s.mission_role
JOIN missions m ON m.id = r.mission"""


def _shift_row(row: dict[str, Any]) -> dict[str, Any]:
    row["free"] = max(row["quota"] - row["taken"] - row["offered"], 0)
    row["required_skills"] = list(row["required_skills"] or [])
    return row


async def get_open_shift(org_id: int, open_shift_id: int) -> dict[str, Any]:
    rows = await fetch(_SHIFT + " WHERE s.org = $1 AND s.id = $2", org_id, open_shift_id)
    if not rows:
        raise NotFound("open_shift.not_found", "Open shift not found")
    row = _shift_row(rows[0])
    row["applications"] = await fetch(
        _APPLICATION + " WHERE a.open_shift = $1 ORDER BY a.seq", open_shift_id
    )
    return row


async def list_open_shifts(
    org_id: int, listing: ListQuery, mission_id: int | None = None
) -> tuple[list[dict[str, Any]], int]:
    """The org's publications (of one mission's roles with ``mission_id``), each with every
    application (managers)."""
    await check_filter("missions", org_id, mission_id, "mission")
    where = "s.org = $1" + ("" if mission_id is None else " AND m.id = $2")
    args: list[Any] = [org_id] if mission_id is None else [org_id, mission_id]
    total = (
        await fetch(
            f"""SELECT count(*)::int AS n FROM open_shifts s
                JOIN mission_roles r ON r.id = s.mission_role JOIN missions m ON m.id = r.mission
                WHERE {where}""",  # noqa: S608
            *args,
        )
    )[0]["n"]
    listing.check_page(total)
    n = len(args)
    rows = await fetch(
        f"{_SHIFT} WHERE {where} ORDER BY {OPEN_SHIFTS.order_by(listing)}"
        f" LIMIT ${n + 1} OFFSET ${n + 2}",
        *args,
        listing.page_size,
        listing.offset,
    )
    out = []
    for row in rows:
        row = _shift_row(row)
        row["applications"] = await fetch(
            _APPLICATION + " WHERE a.open_shift = $1 ORDER BY a.seq", row["id"]
        )
        out.append(row)
    return out, total


def _check_policy(policy: str) -> str:
    if policy not in ("first_come", "manager_picks"):
        raise DomainError(
            "open_shift.invalid_policy",
            "The policy is first_come or manager_picks",
            details={"policy": policy},
            status=422,
        )
    return policy


async def _lock_mission_and_role(org_id: int, role_id: int) -> dict[str, Any]:
    """Lock the role's mission (FOR SHARE) then the role; the role with its project status."""
    found = await fetch(
        """SELECT r.id, r.mission, r.quota, r.name, p.status AS project_status, m.ends_at
           FROM mission_roles r JOIN missions m ON m.id = r.mission
           JOIN projects p ON p.id = m.project WHERE r.org = $1 AND r.id = $2""",
        org_id,
        role_id,
    )
    if not found:
        raise NotFound("mission_role.not_found", "Unknown mission role")
    await fetch("SELECT 1 FROM missions WHERE id = $1 FOR SHARE", found[0]["mission"])
    quota = await lock_role(role_id)
    return {**found[0], "quota": quota}


async def publish(
    principal: Principal,
    role_id: int,
    policy: str,
    tag: str | None,
    offer_hours: int,
) -> dict[str, Any]:
    """Publish (or re-publish with new settings) the open places of a role."""
    _check_policy(policy)
    if not 1 <= offer_hours <= MAX_OFFER_HOURS:
        raise DomainError(
            "open_shift.invalid_offer_hours",
            f"An offer lasts 1 to {MAX_OFFER_HOURS} hours",
            details={"offer_hours": offer_hours, "max": MAX_OFFER_HOURS},
            status=422,
        )
    tag = (tag or "").strip().lower() or None
    if tag is not None and len(tag) > 100:
        raise DomainError("open_shift.invalid_tag", "A tag has at most 100 characters", status=422)
    async with transaction():
        role = await _lock_mission_and_role(principal.org_id, role_id)
        if role["project_status"] == "ARCHIVED":
            raise Conflict("project.archived", "This project is archived: restore it first")
        if role["ends_at"] <= dt.datetime.now(dt.UTC):
            raise Conflict("open_shift.mission_past", "This mission is over")
        rows = await fetch(
            """INSERT INTO open_shifts (org, mission_role, policy, tag, offer_hours, created_by)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (mission_role) DO UPDATE SET policy = EXCLUDED.policy,
                   tag = EXCLUDED.tag, offer_hours = EXCLUDED.offer_hours,
                   status = CASE WHEN open_shifts.status = 'CLOSED' THEN 'OPEN'
                                 ELSE open_shifts.status END,
                   updated_at = now()
               RETURNING id""",
            principal.org_id,
            role_id,
            policy,
            tag,
            offer_hours,
            principal.account_id,
        )
        shift_id = rows[0]["id"]
        await record(
            principal.org_id,
            principal.account_id,
            "open_shift.published",
            f"open_shift:{shift_id}",
            {"mission_role_id": role_id, "policy": policy, "tag": tag, "offer_hours": offer_hours},
        )
        shift = await lock_open_shift_of_role(role_id)
        assert shift is not None
        await refresh_status(shift, await free_places(role_id, role["quota"]))
    return await get_open_shift(principal.org_id, shift_id)


async def _role_of_shift(org_id: int, open_shift_id: int) -> int:
    rows = await fetch(
        "SELECT mission_role FROM open_shifts WHERE org = $1 AND id = $2", org_id, open_shift_id
    )
    if not rows:
        raise NotFound("open_shift.not_found", "Open shift not found")
    return int(rows[0]["mission_role"])


async def close(principal: Principal, open_shift_id: int) -> dict[str, Any]:
    """Unpublish: nobody may apply any more; waiting applications and offers are CLOSED."""
    role_id = await _role_of_shift(principal.org_id, open_shift_id)
    async with transaction():
        await _lock_mission_and_role(principal.org_id, role_id)
        shift = await lock_open_shift_of_role(role_id)
        assert shift is not None
        if shift["status"] != "CLOSED":
            await fetch(
                "UPDATE open_shifts SET status = 'CLOSED', updated_at = now() WHERE id = $1",
                open_shift_id,
            )
            await fetch(
                f"""UPDATE open_shift_applications SET status = 'CLOSED', offer_expires_at = NULL,
                       updated_at = now() WHERE open_shift = $1 AND status IN {ACTIVE}""",  # noqa: S608
                open_shift_id,
            )
            await record(
                principal.org_id,
                principal.account_id,
                "open_shift.closed",
                f"open_shift:{open_shift_id}",
                {"mission_role_id": role_id},
            )
    return await get_open_shift(principal.org_id, open_shift_id)


async def _my_user(principal: Principal) -> dict[str, Any]:
    rows = await fetch(
        "SELECT id, tags FROM users WHERE org = $1 AND account = $2 ORDER BY id LIMIT 1",
        principal.org_id,
        principal.account_id,
    )
    if not rows:
        raise Forbidden("open_shift.no_user", "Your account is not linked to a person of this org")
    return rows[0]


async def _check_eligible(org_id: int, shift: dict[str, Any], user: dict[str, Any]) -> None:
    """403 open_shift.restricted (tag) or 409 open_shift.ineligible (conflicts)."""
    tags = [t.lower() for t in user["tags"] or []]
    if shift["tag"] and shift["tag"] not in tags:
        raise Forbidden(
            "open_shift.restricted",
            "These open places are kept for another group",
            details={"tag": shift["tag"]},
        )
    found = await conflicts.check_invitations(org_id, [(shift["mission_role_id"], user["id"])])
    if found:
        raise Conflict(
            "open_shift.ineligible",
            "You cannot take this place: " + "; ".join(c.message for c in found),
            details={"kinds": sorted({c.kind for c in found})},
        )


async def _accepted_assignment(
    org_id: int, actor_account_id: int, role: dict[str, Any], user_id: int
) -> tuple[int, list[DomainEvent]]:
    """Insert the user's ACCEPTED assignment on the role (locked by the caller)."""
    try:
        with overlap_as_conflict():
            rows = await fetch(
                """INSERT INTO assignments (org, mission, mission_role, user_id, starts_at,
                       ends_at, created_by, status, answered_at)
                   SELECT $1, r.mission, r.id, $3, m.starts_at, m.ends_at, $4, 'ACCEPTED', now()
                   FROM mission_roles r JOIN missions m ON m.id = r.mission WHERE r.id = $2
                   RETURNING id, mission""",
                org_id,
                role["id"],
                user_id,
                actor_account_id,
            )
    except asyncpg.exceptions.UniqueViolationError as exc:
        raise Conflict(
            "open_shift.already_assigned", "You already have an assignment on this mission"
        ) from exc
    assignment_id = int(rows[0]["id"])
    await record(
        org_id,
        actor_account_id,
        "assignment.accepted",
        f"assignment:{assignment_id}",
        {"via": "open_shift", "user_id": user_id, "mission_role_id": role["id"]},
    )
    event = AssignmentAccepted(
        org_id=org_id,
        actor_account_id=actor_account_id,
        assignment_id=assignment_id,
        mission_id=rows[0]["mission"],
        mission_role_id=role["id"],
        user_id=user_id,
        via="app",
    )
    return assignment_id, [event]


def _common(shift: dict[str, Any], app: dict[str, Any], actor: int | None) -> dict[str, Any]:
    return {
        "org_id": shift["org"],
        "actor_account_id": actor,
        "application_id": app["id"],
        "open_shift_id": shift["id"],
        "mission_id": shift["mission"],
        "mission_role_id": shift["mission_role"],
        "user_id": app["user_id"],
    }


async def _give_place(
    principal: Principal,
    shift: dict[str, Any],
    role: dict[str, Any],
    app: dict[str, Any],
    via: str,
) -> list[DomainEvent]:
    assignment_id, events = await _accepted_assignment(
        principal.org_id, principal.account_id, role, app["user_id"]
    )
    await fetch(
        """UPDATE open_shift_applications SET status = 'ACCEPTED', assignment = $2,
               offer_expires_at = NULL, updated_at = now() WHERE id = $1""",
        app["id"],
        assignment_id,
    )
    await record(
        principal.org_id,
        principal.account_id,
        "open_shift.accepted",
        f"open_shift_application:{app['id']}",
        {"user_id": app["user_id"], "via": via, "assignment_id": assignment_id},
    )
    events.append(
        OpenShiftApplicationAccepted(
            **_common(shift, app, principal.account_id), assignment_id=assignment_id, via=via
        )
    )
    await refresh_status(shift, await free_places(role["id"], role["quota"]))
    return events


async def apply(principal: Principal, open_shift_id: int) -> dict[str, Any]:
    """Apply to a publication: a place (first_come), PENDING (manager_picks) or WAITLISTED."""
    before = await get_open_shift(principal.org_id, open_shift_id)  # another org's: 404 first
    user = await _my_user(principal)
    if before["status"] == "CLOSED":
        raise Conflict("open_shift.closed", "These places are no longer open")
    await _check_eligible(principal.org_id, before, user)
    async with transaction():
        role = await _lock_mission_and_role(principal.org_id, before["mission_role_id"])
        shift = await lock_open_shift_of_role(role["id"])
        assert shift is not None
        if shift["status"] == "CLOSED":
            raise Conflict("open_shift.closed", "These places are no longer open")
        free = await free_places(role["id"], role["quota"])
        queued = await fetch(
            f"SELECT count(*)::int AS n FROM open_shift_applications WHERE open_shift = $1 AND {QUEUED}",  # noqa: S608, E501
            shift["id"],
        )
        if free > 0 and queued[0]["n"] == 0:
            status = "ACCEPTED" if shift["policy"] == "first_come" else "PENDING"
        else:
            status = "WAITLISTED"
        try:
            # clock_timestamp(): the arrival time, taken under the role's lock like seq.
            rows = await fetch(
                """INSERT INTO open_shift_applications (org, open_shift, user_id, status,
                       created_at, updated_at)
                   VALUES ($1, $2, $3, $4, clock_timestamp(), clock_timestamp())
                   RETURNING id, user_id""",
                principal.org_id,
                shift["id"],
                user["id"],
                "PENDING" if status == "ACCEPTED" else status,
            )
        except asyncpg.exceptions.UniqueViolationError as exc:
            raise Conflict(
                "open_shift.already_applied", "You have already applied to these places"
            ) from exc
        app = rows[0]
        await record(
            principal.org_id,
            principal.account_id,
            "open_shift.applied",
            f"open_shift_application:{app['id']}",
            {"user_id": user["id"], "open_shift_id": shift["id"], "status": status},
        )
        events: list[DomainEvent] = []
        if status == "ACCEPTED":
            events = await _give_place(principal, shift, role, app, "first_come")
        elif status == "WAITLISTED":
            position = await fetch(
                """SELECT count(*)::int AS n FROM open_shift_applications
                   WHERE open_shift = $1 AND status = 'WAITLISTED'""",
                shift["id"],
            )
            events.append(
                OpenShiftWaitlisted(
                    **_common(shift, app, principal.account_id), position=position[0]["n"]
                )
            )
            await refresh_status(shift, free)
        await emit_events(events)
    return await get_application(principal.org_id, int(app["id"]))


async def get_application(org_id: int, application_id: int) -> dict[str, Any]:
    rows = await fetch(_APPLICATION + " WHERE a.org = $1 AND a.id = $2", org_id, application_id)
    if not rows:
        raise NotFound("open_shift.application_not_found", "Application not found")
    return rows[0]


async def _lock_application(
    principal: Principal, application_id: int, *, own: bool
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Lock mission, role, publication then the application: (role, shift, application)."""
    rows = await fetch(
        """SELECT s.mission_role, u.account FROM open_shift_applications a
           JOIN open_shifts s ON s.id = a.open_shift JOIN users u ON u.id = a.user_id
           WHERE a.org = $1 AND a.id = $2""",
        principal.org_id,
        application_id,
    )
    if not rows:
        raise NotFound("open_shift.application_not_found", "Application not found")
    if own and rows[0]["account"] != principal.account_id:
        raise Forbidden("open_shift.not_applicant", "Only the applicant can do this")
    role = await _lock_mission_and_role(principal.org_id, rows[0]["mission_role"])
    shift = await lock_open_shift_of_role(role["id"])
    assert shift is not None
    app = (
        await fetch(
            """SELECT id, user_id, status, offer_expires_at FROM open_shift_applications
               WHERE id = $1 FOR UPDATE""",
            application_id,
        )
    )[0]
    return role, shift, app


def _expect(app: dict[str, Any], *statuses: str) -> None:
    if app["status"] not in statuses:
        raise Conflict(
            "open_shift.invalid_transition",
            f"A {app['status']} application cannot do this",
            details={"status": app["status"], "expected": list(statuses)},
        )


async def _end(
    principal: Principal, application_id: int, *, own: bool, target: str, allowed: tuple[str, ...]
) -> dict[str, Any]:
    """Move an application to a final status without a place (withdrawn, declined,
    rejected); a place on offer goes to the next one."""
    async with transaction():
        role, shift, app = await _lock_application(principal, application_id, own=own)
        _expect(app, *allowed)
        await fetch(
            """UPDATE open_shift_applications SET status = $2, offer_expires_at = NULL,
                   updated_at = now() WHERE id = $1""",
            application_id,
            target,
        )
        await record(
            principal.org_id,
            principal.account_id,
            f"open_shift.{target.lower()}",
            f"open_shift_application:{application_id}",
            {"user_id": app["user_id"], "previous_status": app["status"]},
        )
        events: list[DomainEvent] = []
        if target == "REJECTED":
            events.append(OpenShiftApplicationRejected(**_common(shift, app, principal.account_id)))
        events.extend(
            await offer_free_places(
                principal.org_id, role["id"], role["quota"], actor_account_id=principal.account_id
            )
        )
        await emit_events(events)
    return await get_application(principal.org_id, application_id)


async def withdraw(principal: Principal, application_id: int) -> dict[str, Any]:
    return await _end(principal, application_id, own=True, target="WITHDRAWN", allowed=ACTIVE)


async def decline_offer(principal: Principal, application_id: int) -> dict[str, Any]:
    return await _end(principal, application_id, own=True, target="DECLINED", allowed=("OFFERED",))


async def reject(principal: Principal, application_id: int) -> dict[str, Any]:
    return await _end(
        principal, application_id, own=False, target="REJECTED", allowed=("PENDING", "WAITLISTED")
    )


async def _take(principal: Principal, application_id: int, *, own: bool) -> dict[str, Any]:
    """The applicant accepts their offer (``own``) or a manager picks an applicant."""
    first = await get_application(principal.org_id, application_id)
    shift_row = await get_open_shift(principal.org_id, first["open_shift_id"])
    user = (await fetch("SELECT id, tags FROM users WHERE id = $1", first["user_id"]))[0]
    if own:
        _expect(first, "OFFERED")
    await _check_eligible(principal.org_id, shift_row, user)
    async with transaction():
        role, shift, app = await _lock_application(principal, application_id, own=own)
        if own:
            _expect(app, "OFFERED")
            if app["offer_expires_at"] <= dt.datetime.now(dt.UTC):
                raise Conflict(
                    "open_shift.offer_expired",
                    "The deadline of this offer has passed",
                    details={"expired_at": app["offer_expires_at"].isoformat()},
                )
            # The offered place is this one: count it as free for its holder.
            free = await free_places(role["id"], role["quota"]) + 1
            via = "offer"
        else:
            _expect(app, "PENDING", "WAITLISTED")
            free = await free_places(role["id"], role["quota"])
            via = "manager"
        if free <= 0:
            raise Conflict(
                "open_shift.full",
                "Every place of this role is taken",
                details={"quota": role["quota"]},
            )
        events = await _give_place(principal, shift, role, app, via)
        await emit_events(events)
    return await get_application(principal.org_id, application_id)


async def accept_offer(principal: Principal, application_id: int) -> dict[str, Any]:
    return await _take(principal, application_id, own=True)


async def pick(principal: Principal, application_id: int) -> dict[str, Any]:
    return await _take(principal, application_id, own=False)


async def my_applications(
    principal: Principal, listing: ListQuery
) -> tuple[list[dict[str, Any]], int]:
    """The caller's applications (those of the users linked to their account)."""
    where = "a.org = $1 AND u.account = $2"
    total = (
        await fetch(
            f"""SELECT count(*)::int AS n FROM open_shift_applications a
                JOIN users u ON u.id = a.user_id WHERE {where}""",  # noqa: S608
            principal.org_id,
            principal.account_id,
        )
    )[0]["n"]
    listing.check_page(total)
    rows = await fetch(
        f"{_APPLICATION} WHERE {where} ORDER BY {APPLICATIONS.order_by(listing)}"
        " LIMIT $3 OFFSET $4",
        principal.org_id,
        principal.account_id,
        listing.page_size,
        listing.offset,
    )
    return rows, total


def covers(spans: list[dict[str, Any]], start: dt.datetime, end: dt.datetime) -> bool:
    """Whether ``spans`` (``starts_at``/``ends_at``), joined where they touch or overlap,
    cover [start, end]: two daily windows meeting at midnight cover a night shift."""
    reach = start
    for span in sorted(spans, key=lambda s: s["starts_at"]):
        if span["starts_at"] > reach:
            break
        reach = max(reach, span["ends_at"])
        if reach >= end:
            return True
    return reach >= end


async def _score_parts(
    org_id: int, user_id: int, shift: dict[str, Any], info: conflicts.UserInfo | None
) -> dict[str, float]:
    required = shift["required_skills"]
    if required and info is not None:
        skills = min(conflicts.skill_score(required, info.skills) / (3 * len(required)), 1.0)
    else:
        skills = 0.5
    # Approved availability, one-off or recurring (each occurrence), covering the shift.
    spans = await availability.occurrences(
        org_id,
        shift["starts_at"],
        shift["ends_at"],
        user_ids=[user_id],
        kind="available",
        statuses=("APPROVED",),
    )
    available = covers(spans, shift["starts_at"], shift["ends_at"])
    week = await fetch(
        """SELECT COALESCE(sum(extract(epoch FROM ends_at - starts_at)), 0)::float AS s
           FROM assignments WHERE org = $1 AND user_id = $2 AND status = 'ACCEPTED'
           AND starts_at >= date_trunc('week', $3::timestamptz)
           AND starts_at < date_trunc('week', $3::timestamptz) + interval '7 days'""",
        org_id,
        user_id,
        shift["starts_at"],
    )
    past = await fetch(
        """SELECT count(*) FILTER (WHERE status = 'ACCEPTED')::int AS ok,
                  count(*) FILTER (WHERE status IN ('DECLINED', 'CANCELLED'))::int AS ko
           FROM assignments WHERE org = $1 AND user_id = $2""",
        org_id,
        user_id,
    )
    ok, ko = past[0]["ok"], past[0]["ko"]
    return {
        "skills": skills,
        "availability": 1.0 if available else 0.0,
        "hours": max(1.0 - week[0]["s"] / 3600 / FULL_WEEK_HOURS, 0.0),
        "reliability": ok / (ok + ko) if ok + ko else 0.5,
    }


async def list_for_me(principal: Principal) -> list[dict[str, Any]]:
    """The publications the caller may apply to (or has applied to), best match first.

    Upcoming, not CLOSED, the tag held, and no conflict; each with the caller's active
    application if any and a matching score (:data:`WEIGHTS`). Empty for an account
    linked to no person of the org. At most the 200 soonest publications are scored.
    """
    try:
        user = await _my_user(principal)
    except Forbidden:
        return []
    rows = await fetch(
        _SHIFT + " WHERE s.org = $1 AND s.status <> 'CLOSED' AND m.ends_at > now()"
        " ORDER BY m.starts_at LIMIT 200",
        principal.org_id,
    )
    mine = {
        r["open_shift_id"]: r
        for r in await fetch(
            _APPLICATION + f" WHERE a.org = $1 AND a.user_id = $2 AND a.status IN {ACTIVE}",
            principal.org_id,
            user["id"],
        )
    }
    info = (await conflicts.load_users(principal.org_id, [user["id"]])).get(user["id"])
    out = []
    for row in rows:
        row = _shift_row(row)
        application = mine.get(row["id"])
        if application is None:
            try:
                await _check_eligible(principal.org_id, row, user)
            except DomainError:
                continue
        parts = await _score_parts(principal.org_id, user["id"], row, info)
        row["score"] = round(sum(WEIGHTS[k] * v for k, v in parts.items()))
        row["score_parts"] = {k: round(v, 2) for k, v in parts.items()}
        row["my_application"] = application
        out.append(row)
    return out


async def expire_offers(now: dt.datetime | None = None) -> int:
    """Offers past their deadline become EXPIRED; each place goes to the next one."""
    now = now or dt.datetime.now(dt.UTC)
    due = await fetch(
        """SELECT a.id, a.org, s.mission_role FROM open_shift_applications a
           JOIN open_shifts s ON s.id = a.open_shift
           WHERE a.status = 'OFFERED' AND a.offer_expires_at <= $1 ORDER BY a.id""",
        now,
    )
    done = 0
    for row in due:
        async with transaction():
            role = await _lock_mission_and_role(row["org"], row["mission_role"])
            shift = await lock_open_shift_of_role(role["id"])
            assert shift is not None
            app = await fetch(
                """SELECT id, user_id, status, offer_expires_at FROM open_shift_applications
                   WHERE id = $1 FOR UPDATE""",
                row["id"],
            )
            if app[0]["status"] != "OFFERED" or app[0]["offer_expires_at"] > now:
                continue
            await fetch(
                """UPDATE open_shift_applications SET status = 'EXPIRED',
                       offer_expires_at = NULL, updated_at = now() WHERE id = $1""",
                row["id"],
            )
            await record(
                row["org"],
                None,
                "open_shift.expired",
                f"open_shift_application:{row['id']}",
                {"user_id": app[0]["user_id"]},
            )
            events: list[DomainEvent] = [OpenShiftOfferExpired(**_common(shift, app[0], None))]
            events.extend(
                await offer_free_places(
                    row["org"], role["id"], role["quota"], actor_account_id=None
                )
            )
            await emit_events(events)
            done += 1
    return done


async def expire_offers_cron(ctx: dict[str, Any]) -> int:
    """SAQ cron (every 5 minutes): pass expired offers to the next on the waitlist."""
    return await expire_offers()
