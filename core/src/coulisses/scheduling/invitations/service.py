"""Invitations: the signed, expiring, revocable links that answer an assignment without a session.

A link carries the invitation id and a random token; only the token's SHA-256
is stored, so a database leak does not leak usable links. The purpose column
scopes a token to answering one assignment. Answers are idempotent: replaying
the answer an invitation already has returns the same result and changes nothing.
The public answer routes are rate limited per client IP and per invitation.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass
from typing import Any

from coulisses.audit import record
from coulisses.auth.tokens import hash_token, new_opaque_token
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound, TooManyRequests
from coulisses.ratelimit import get_limiter
from coulisses.scheduling.assignments.answers import Answer, apply_answer, check_reason
from coulisses.scheduling.assignments.reserves import POSITION_SQL, lock_mission_of_invitation
from coulisses.scheduling.common import emit_events
from coulisses.settings import get_settings
from coulisses_sdk import DomainEvent, Principal

INVITATION_TTL = dt.timedelta(days=14)
PURPOSE = "assignment.answer"


@dataclass(frozen=True)
class Link:
    invitation_id: int
    assignment_id: int
    token: str


class Gone(DomainError):
    status_code = 410


async def issue_invitations(org_id: int, assignment_ids: list[int]) -> dict[int, Link]:
    """One fresh invitation per assignment (inside the caller's transaction), its delivery
    staged in the same transaction (see ``coulisses.scheduling.invitations.delivery``)."""
    from coulisses.scheduling.invitations.delivery import stage_delivery

    tokens = [new_opaque_token() for _ in assignment_ids]
    rows = await fetch(
        """INSERT INTO invitations (org, assignment, purpose, token_hash, expires_at)
           SELECT $1, u.assignment, $2, u.token_hash, now() + $3::interval
           FROM unnest($4::int[], $5::text[]) AS u(assignment, token_hash)
           RETURNING id, assignment""",
        org_id,
        PURPOSE,
        INVITATION_TTL,
        assignment_ids,
        [hash_token(t) for t in tokens],
    )
    by_assignment = dict(zip(assignment_ids, tokens, strict=True))
    links = {
        r["assignment"]: Link(r["id"], r["assignment"], by_assignment[r["assignment"]])
        for r in rows
    }
    await stage_delivery(org_id, [(link.invitation_id, link.token) for link in links.values()])
    return links


# ``timezone``: the one of the mission's local times (its place's, else the org's).
_PUBLIC_SQL = f"""SELECT i.id, i.org, i.assignment, i.purpose, i.token_hash, i.expires_at,
       i.revoked_at, i.answer, i.answered_at, a.status AS assignment_status, m.title,
       COALESCE(pl.name, '') AS place, r.name AS role_name, a.starts_at, a.ends_at,
       o.name AS org_name, COALESCE(pl.timezone, o.timezone) AS timezone, a.reserve,
       {POSITION_SQL} AS reserve_position
FROM invitations i JOIN assignments a ON a.id = i.assignment
JOIN missions m ON m.id = a.mission JOIN mission_roles r ON r.id = a.mission_role
JOIN orgs o ON o.id = i.org LEFT JOIN places pl ON pl.id = m.place_id
WHERE i.id = $1"""  # noqa: S608 - constant fragment


_LOCK_SQL = """SELECT org, assignment, purpose, token_hash, expires_at, revoked_at, answer
FROM invitations WHERE id = $1 FOR UPDATE"""


def _public(row: dict[str, Any], replayed: bool) -> dict[str, Any]:
    return {
        "invitation_id": row["id"],
        "assignment_status": row["assignment_status"],
        "answer": row["answer"],
        "answered_at": row["answered_at"],
        "mission_title": row["title"],
        "place": row["place"],
        "role_name": row["role_name"],
        "starts_at": row["starts_at"],
        "ends_at": row["ends_at"],
        "org_name": row["org_name"],
        "timezone": row["timezone"],
        "reserve": row["reserve"],
        "reserve_position": row["reserve_position"],
        "replayed": replayed,
    }


async def public_view(invitation_id: int, token: str, *, client_ip: str) -> dict[str, Any]:
    """What the public page shows before answering: the mission, and whether the link
    still works (an expired or revoked link is shown, not hidden, so the page can say so)."""
    await check_answer_rate(invitation_id, token, client_ip)
    row = await _verified(invitation_id, token)
    now = dt.datetime.now(dt.UTC)
    return {
        **_public(row, replayed=False),
        "expires_at": row["expires_at"],
        "expired": row["expires_at"] <= now,
        "revoked": row["revoked_at"] is not None,
    }


def _not_found() -> NotFound:
    return NotFound("invitation.not_found", "Invitation not found")


def _is_link_of(row: dict[str, Any] | None, token: str) -> bool:
    return bool(
        row
        and row["purpose"] == PURPOSE
        and hmac.compare_digest(row["token_hash"], hash_token(token))
    )


async def _token_matches(invitation_id: int, token: str) -> bool:
    rows = await fetch("SELECT purpose, token_hash FROM invitations WHERE id = $1", invitation_id)
    return _is_link_of(rows[0] if rows else None, token)


async def _verified(invitation_id: int, token: str) -> dict[str, Any]:
    """The invitation if ``token`` is its token; a wrong token looks like a missing invitation."""
    rows = await fetch(_PUBLIC_SQL, invitation_id)
    if not _is_link_of(rows[0] if rows else None, token):
        raise _not_found()
    return rows[0]


def _rate_limited() -> TooManyRequests:
    return TooManyRequests(
        "invitation.rate_limited", "Too many answers from here; try again in a few minutes"
    )


async def check_answer_rate(invitation_id: int, token: str, client_ip: str) -> None:
    """The public answer policy (docs/scheduling.md), checked before anything is written;
    a refusal is a 429 ``invitation.rate_limited``.

    - Wrong tokens (and unknown ids) are limited strictly per client IP: past
      ``COULISSES_INVITATION_BAD_TOKEN_MAX`` in the window, that IP is refused even with
      a valid link. This is what stops a scan.
    - Valid links are limited per invitation (``COULISSES_INVITATION_MAX``: a replay
      loop) and, far higher, per IP (``COULISSES_INVITATION_IP_MAX``), so a whole crew
      answering behind one venue Wi-Fi is never refused.

    The token is checked first (one read by primary key), so that the limiter is asked
    once: one Redis round trip counts the attempt and reads the address's wrong tokens.
    """
    settings = get_settings()
    limiter = get_limiter()
    window = settings.invitation_window_seconds
    bad_key = f"invitation:bad:{client_ip}"
    if not await _token_matches(invitation_id, token):
        wrong = await limiter.tally(window, hit=[bad_key])
        if wrong[bad_key] > settings.invitation_bad_token_max:
            raise _rate_limited()
        raise _not_found()
    ip_key, id_key = f"invitation:ip:{client_ip}", f"invitation:id:{invitation_id}"
    counts = await limiter.tally(window, hit=[ip_key, id_key], peek=[bad_key])
    if (
        counts[bad_key] >= settings.invitation_bad_token_max
        or counts[ip_key] > settings.invitation_ip_max_attempts
        or counts[id_key] > settings.invitation_max_attempts
    ):
        raise _rate_limited()


async def answer_by_token(
    invitation_id: int,
    token: str,
    accept: bool,
    reason: str | None = None,
    *,
    client_ip: str | None = None,
) -> dict[str, Any]:
    """Public answer through a signed link: idempotent, audited, fires an event once.

    ``client_ip`` (the public routes always pass it) turns on the rate limits. A
    replay answers the current state: concurrent answers of one link queue on the
    invitation's row lock, and each reads the assignment only once it holds it.
    """

    if client_ip is not None:
        await check_answer_rate(invitation_id, token, client_ip)
    target = "ACCEPTED" if accept else "DECLINED"
    reason = None if accept else check_reason(reason)
    events: list[DomainEvent] = []
    async with transaction():
        if not accept:  # a decline may promote a reserve: the mission is locked first
            await lock_mission_of_invitation(invitation_id)
        # The lock returns the newest version of the invitation's row (what the answer
        # that held the lock before us committed); what the page shows is read by a
        # statement started after the lock, which sees the assignment as it is now.
        locked = await fetch(_LOCK_SQL, invitation_id)
        invitation = locked[0] if locked else None
        if invitation is None or not _is_link_of(invitation, token):
            raise _not_found()
        if invitation["revoked_at"] is not None:
            raise Gone("invitation.revoked", "This invitation was withdrawn")
        if invitation["answer"] is not None:
            if invitation["answer"] == target:
                return _public(await _verified(invitation_id, token), replayed=True)
            raise Conflict(
                "invitation.already_answered",
                f"This invitation was already answered ({invitation['answer']})",
                details={"answer": invitation["answer"]},
            )
        if invitation["expires_at"] <= dt.datetime.now(dt.UTC):
            raise Gone("invitation.expired", "This invitation has expired")
        answer = Answer(target=target, via="link", reason=reason)
        await apply_answer(invitation["org"], invitation["assignment"], answer)
        events = answer.events
        row = await _verified(invitation_id, token)
        await emit_events(events)
    return _public(row, replayed=False)


_MANAGER_SQL = """SELECT i.id, i.assignment, i.expires_at, i.revoked_at, i.answer, i.answered_at,
       i.delivery_status, i.delivery_channel, i.delivery_error, i.delivery_attempts,
       i.delivery_updated_at, a.status AS assignment_status, a.user_id
FROM invitations i JOIN assignments a ON a.id = i.assignment
WHERE i.org = $1 AND i.id = $2"""


async def _manager_view(org_id: int, invitation_id: int, *, lock: bool) -> dict[str, Any]:
    rows = await fetch(
        _MANAGER_SQL + (" FOR UPDATE OF i" if lock else ""),
        org_id,
        invitation_id,
    )
    if not rows:
        raise NotFound("invitation.not_found", "Invitation not found")
    return rows[0]


def _out(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "expires_at", "revoked_at", "answer", "answered_at", "user_id")
    delivery = ("status", "channel", "error", "attempts", "updated_at")
    return {
        **{k: row[k] for k in keys},
        "assignment_id": row["assignment"],
        "delivery": {k: row[f"delivery_{k}"] for k in delivery},
    }


async def get_invitation(org_id: int, invitation_id: int) -> dict[str, Any]:
    return _out(await _manager_view(org_id, invitation_id, lock=False))


async def revoke(principal: Principal, invitation_id: int) -> dict[str, Any]:
    """Withdraw an unanswered link (revoking twice changes nothing)."""
    async with transaction():
        row = await _manager_view(principal.org_id, invitation_id, lock=True)
        if row["answer"] is not None:
            raise Conflict(
                "invitation.already_answered", "An answered invitation cannot be revoked"
            )
        if row["revoked_at"] is None:
            await fetch("UPDATE invitations SET revoked_at = now() WHERE id = $1", invitation_id)
            await record(
                principal.org_id,
                principal.account_id,
                "invitation.revoked",
                f"invitation:{invitation_id}",
            )
    return await get_invitation(principal.org_id, invitation_id)


async def resend(principal: Principal, invitation_id: int) -> dict[str, Any]:
    """Revoke the link and email a new one (new token, fresh expiry) for the same assignment."""
    async with transaction():
        row = await _manager_view(principal.org_id, invitation_id, lock=True)
        if row["answer"] is not None or row["assignment_status"] != "INVITED":
            raise Conflict(
                "invitation.already_answered",
                "Only an invitation still waiting for an answer can be sent again",
                details={"assignment_status": row["assignment_status"]},
            )
        await fetch(
            """UPDATE invitations SET revoked_at = now()
               WHERE assignment = $1 AND revoked_at IS NULL AND answer IS NULL""",
            row["assignment"],
        )
        links = await issue_invitations(principal.org_id, [row["assignment"]])
        link = links[row["assignment"]]
        await record(
            principal.org_id,
            principal.account_id,
            "invitation.resent",
            f"invitation:{invitation_id}",
            {"new_invitation_id": link.invitation_id},
        )
    return await get_invitation(principal.org_id, link.invitation_id)


async def answer_for_user(
    org_id: int,
    invitation_id: int,
    *,
    user_id: int,
    accept: bool,
    via: str,
    reason: str | None = None,
) -> dict[str, Any]:
    """Answer for the invitation's own user, met on a channel a plugin authenticated.

    Same rules as the signed link (revoked, expired, idempotent replay, quota,
    overlap), audited with ``via``; an invitation of another user or org looks missing.
    """

    target = "ACCEPTED" if accept else "DECLINED"
    reason = None if accept else check_reason(reason)
    events: list[DomainEvent] = []
    sql = _PUBLIC_SQL + " AND i.org = $2 AND a.user_id = $3"
    async with transaction():
        if not accept:  # a decline may promote a reserve: the mission is locked first
            await lock_mission_of_invitation(invitation_id)
        await fetch("SELECT 1 FROM invitations WHERE id = $1 FOR UPDATE", invitation_id)
        rows = await fetch(sql, invitation_id, org_id, user_id)
        if not rows or rows[0]["purpose"] != PURPOSE:
            raise NotFound("invitation.not_found", "Invitation not found")
        row = rows[0]
        if row["revoked_at"] is not None:
            raise Gone("invitation.revoked", "This invitation was withdrawn")
        if row["answer"] is not None:
            if row["answer"] == target:
                return {**_public(row, replayed=True), "assignment_id": row["assignment"]}
            raise Conflict(
                "invitation.already_answered",
                f"This invitation was already answered ({row['answer']})",
                details={"answer": row["answer"]},
            )
        if row["expires_at"] <= dt.datetime.now(dt.UTC):
            raise Gone("invitation.expired", "This invitation has expired")
        answer = Answer(target=target, via=via, reason=reason)
        await apply_answer(org_id, row["assignment"], answer)
        events = answer.events
        row = (await fetch(sql, invitation_id, org_id, user_id))[0]
        await emit_events(events)
    return {**_public(row, replayed=False), "assignment_id": row["assignment"]}
