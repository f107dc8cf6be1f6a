"""Invitations: the signed, expiring, revocable links that answer an assignment without a session.

A link carries the invitation id and a random token; only the token's SHA-256
is stored, so a database leak does not leak usable links. The purpose column
scopes a token to answering one assignment. Answers are idempotent: replaying
the answer an invitation already has returns the same result and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass
from typing import Any

from coulisses.audit import record
from coulisses.auth.tokens import hash_token, new_opaque_token
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.jobs.queue import get_runtime
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


def link_url(invitation_id: int, token: str) -> str:
    """The page the crew member opens; it posts to /api/v1/invitations/{id}/accept|decline."""
    return f"{get_settings().public_url}/invitations/{invitation_id}?token={token}"


async def issue_invitations(org_id: int, assignment_ids: list[int]) -> dict[int, Link]:
    """One fresh invitation per assignment (inside the caller's transaction)."""
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
    return {
        r["assignment"]: Link(r["id"], r["assignment"], by_assignment[r["assignment"]])
        for r in rows
    }


async def deliver(links: dict[int, Link]) -> None:
    """Email each link to its user (after commit); users without an address get nothing."""
    if not links:
        return
    rows = await fetch(
        """SELECT a.id, u.email, u.first_name, m.title, m.place, m.starts_at, r.name AS role,
                  o.name AS org_name, o.timezone
           FROM assignments a JOIN users u ON u.id = a.user_id
           JOIN missions m ON m.id = a.mission JOIN mission_roles r ON r.id = a.mission_role
           JOIN orgs o ON o.id = a.org
           WHERE a.id = ANY($1::int[]) AND u.email IS NOT NULL""",
        list(links),
    )
    runtime = get_runtime()
    for row in rows:
        from zoneinfo import ZoneInfo

        link = links[row["id"]]
        when = row["starts_at"].astimezone(ZoneInfo(row["timezone"])).strftime("%d/%m/%Y %H:%M")
        text = (
            f"Bonjour {row['first_name']},\n\n"
            f"{row['org_name']} vous propose la mission {row['title']} ({row['role']}) "
            f"le {when}{' a ' + row['place'] if row['place'] else ''}.\n\n"
            f"Repondre (accepter ou refuser) : {link_url(link.invitation_id, link.token)}\n"
        )
        await runtime.enqueue(
            "core.send_email",
            to=row["email"],
            subject=f"{row['org_name']} : mission {row['title']}",
            text=text,
        )


_PUBLIC_SQL = """SELECT i.id, i.org, i.assignment, i.purpose, i.token_hash, i.expires_at,
       i.revoked_at, i.answer, i.answered_at, a.status AS assignment_status, m.title,
       m.place, r.name AS role_name, a.starts_at, a.ends_at
FROM invitations i JOIN assignments a ON a.id = i.assignment
JOIN missions m ON m.id = a.mission JOIN mission_roles r ON r.id = a.mission_role
WHERE i.id = $1"""


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
        "replayed": replayed,
    }


async def _verified(invitation_id: int, token: str, *, lock: bool) -> dict[str, Any]:
    """The invitation if ``token`` is its token; a wrong token looks like a missing invitation."""
    rows = await fetch(_PUBLIC_SQL + (" FOR UPDATE OF i" if lock else ""), invitation_id)
    if (
        not rows
        or rows[0]["purpose"] != PURPOSE
        or not hmac.compare_digest(rows[0]["token_hash"], hash_token(token))
    ):
        raise NotFound("invitation.not_found", "Invitation not found")
    return rows[0]


async def answer_by_token(
    invitation_id: int, token: str, accept: bool, reason: str | None = None
) -> dict[str, Any]:
    """Public answer through a signed link: idempotent, audited, fires an event once."""
    from coulisses.scheduling.assignments import Answer, apply_answer, check_reason
    from coulisses.scheduling.common import emit_events

    target = "ACCEPTED" if accept else "DECLINED"
    reason = None if accept else check_reason(reason)
    events: list[DomainEvent] = []
    async with transaction():
        row = await _verified(invitation_id, token, lock=True)
        if row["revoked_at"] is not None:
            raise Gone("invitation.revoked", "This invitation was withdrawn")
        if row["answer"] is not None:
            if row["answer"] == target:
                return _public(row, replayed=True)
            raise Conflict(
                "invitation.already_answered",
                f"This invitation was already answered ({row['answer']})",
                details={"answer": row["answer"]},
            )
        if row["expires_at"] <= dt.datetime.now(dt.UTC):
            raise Gone("invitation.expired", "This invitation has expired")
        answer = Answer(target=target, via="link", reason=reason)
        await apply_answer(row["org"], row["assignment"], answer)
        events = answer.events
        row = await _verified(invitation_id, token, lock=False)
    await emit_events(events)
    return _public(row, replayed=False)


_MANAGER_SQL = """SELECT i.id, i.assignment, i.expires_at, i.revoked_at, i.answer, i.answered_at,
       a.status AS assignment_status
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
    keys = ("id", "expires_at", "revoked_at", "answer", "answered_at")
    return {k: row[k] for k in keys}


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
    await deliver(links)
    return await get_invitation(principal.org_id, link.invitation_id)
