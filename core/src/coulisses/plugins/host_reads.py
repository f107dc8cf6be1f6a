"""The reads the core offers plugins through the SDK host, each scoped to one org.

They return the SDK's frozen views (``coulisses_sdk.context``), never table
rows, so the schema can change without breaking plugins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from coulisses.db.connection import SqlParams, fetch
from coulisses.errors import DomainError
from coulisses.scheduling.certifications.service import expiring_all
from coulisses_sdk import (
    AssignmentContext,
    AssignmentSummary,
    CertificationAlert,
    Contact,
    OrgInfo,
)

MANAGER_ROLES = ("manager", "admin", "owner")


def _name(first: str | None, last: str | None, fallback: str) -> str:
    return " ".join(p for p in (first, last) if p) or fallback


async def org_info(org_id: int) -> OrgInfo | None:
    rows = await fetch("SELECT id, name, timezone, locale FROM orgs WHERE id = $1", org_id)
    if not rows:
        return None
    r = rows[0]
    return OrgInfo(org_id=r["id"], name=r["name"], timezone=r["timezone"], locale=r["locale"])


def _contact(row: dict[str, Any]) -> Contact:
    return Contact(
        account_id=row["id"],
        email=row["email"],
        name=_name(row["first_name"], row["last_name"], row["email"]),
        role=row["role"],
    )


async def member_contacts(org_id: int, roles: Sequence[str]) -> list[Contact]:
    rows = await fetch(
        """SELECT a.id, a.email, a.first_name, a.last_name, m.role
           FROM org_memberships m JOIN accounts a ON a.id = m.account
           WHERE m.org = $1 AND m.role = ANY($2::text[]) AND a.active
           ORDER BY a.id""",
        org_id,
        list(roles),
    )
    return [_contact(r) for r in rows]


async def project_managers(org_id: int, project_id: int) -> list[Contact]:
    """The project's managers (``project_managers``) who still are manager or above.

    A project without named managers falls back to the members (manager and
    up) who invited crew on it, then to the org's admins and owners.
    """
    named = await fetch(
        """SELECT a.id, a.email, a.first_name, a.last_name, m.role
           FROM project_managers pm
           JOIN org_memberships m ON m.account = pm.account AND m.org = pm.org
           JOIN accounts a ON a.id = m.account
           WHERE pm.org = $1 AND pm.project = $2 AND m.role = ANY($3::text[]) AND a.active
           ORDER BY a.id""",
        org_id,
        project_id,
        list(MANAGER_ROLES),
    )
    if named:
        return [_contact(r) for r in named]
    inviters = await fetch(
        """SELECT DISTINCT a.id, a.email, a.first_name, a.last_name, m.role
           FROM assignments s JOIN missions mi ON mi.id = s.mission
           JOIN org_memberships m ON m.account = s.created_by AND m.org = s.org
           JOIN accounts a ON a.id = m.account
           WHERE s.org = $1 AND mi.project = $2 AND m.role = ANY($3::text[]) AND a.active
           ORDER BY a.id""",
        org_id,
        project_id,
        list(MANAGER_ROLES),
    )
    if inviters:
        return [_contact(r) for r in inviters]
    return await member_contacts(org_id, ("admin", "owner"))


_OPEN_INVITATION = """LEFT JOIN LATERAL (
    SELECT i.id, i.expires_at FROM invitations i
    WHERE i.assignment = s.id AND i.revoked_at IS NULL AND i.answer IS NULL
    ORDER BY i.id DESC LIMIT 1) inv ON true"""


async def assignment_context(org_id: int, assignment_id: int) -> AssignmentContext | None:
    rows = await fetch(
        f"""SELECT s.id, s.status, s.reserve, s.user_id, u.first_name, u.last_name, u.email,
                  u.account, mi.id AS mission_id, mi.title, pl.name AS place,
                  COALESCE(pl.timezone, o.timezone) AS mission_timezone,
                  mi.starts_at, mi.ends_at,
                  r.name AS role_name, p.id AS project_id, p.name AS project_name,
                  o.id AS org_id, o.name AS org_name, o.timezone, o.locale,
                  inv.id AS invitation_id, inv.expires_at
           FROM assignments s JOIN users u ON u.id = s.user_id
           JOIN missions mi ON mi.id = s.mission JOIN mission_roles r ON r.id = s.mission_role
           JOIN projects p ON p.id = mi.project JOIN orgs o ON o.id = s.org
           LEFT JOIN places pl ON pl.id = mi.place_id
           {_OPEN_INVITATION}
           WHERE s.org = $1 AND s.id = $2""",  # noqa: S608 - constant fragment
        org_id,
        assignment_id,
    )
    if not rows:
        return None
    r = rows[0]
    org = OrgInfo(
        org_id=r["org_id"], name=r["org_name"], timezone=r["timezone"], locale=r["locale"]
    )
    return AssignmentContext(
        org=org,
        assignment_id=r["id"],
        status=r["status"],
        user_id=r["user_id"],
        user_first_name=r["first_name"],
        user_name=_name(r["first_name"], r["last_name"], r["first_name"]),
        user_email=r["email"],
        user_account_id=r["account"],
        locale=r["locale"],
        mission_id=r["mission_id"],
        mission_title=r["title"],
        place=r["place"] or "",
        timezone=r["mission_timezone"],
        starts_at=r["starts_at"],
        ends_at=r["ends_at"],
        role_name=r["role_name"],
        project_id=r["project_id"],
        project_name=r["project_name"],
        managers=tuple(await project_managers(org_id, r["project_id"])),
        invitation_id=r["invitation_id"],
        invitation_expires_at=r["expires_at"],
        reserve=r["reserve"],
    )


async def list_assignments(
    org_id: int,
    *,
    user_id: int | None,
    mission_id: int | None,
    statuses: Sequence[str],
    starts_after: dt.datetime | None,
    starts_before: dt.datetime | None,
    invitation_expires_before: dt.datetime | None,
    limit: int,
) -> list[AssignmentSummary]:
    where = ["s.org = $1", "s.status = ANY($2::text[])"]
    arg = SqlParams(org_id, list(statuses))

    if user_id is not None:
        where.append(f"s.user_id = {arg(user_id)}")
    if mission_id is not None:
        where.append(f"s.mission = {arg(mission_id)}")
    if starts_after is not None:
        where.append(f"mi.starts_at >= {arg(starts_after)}")
    if starts_before is not None:
        where.append(f"mi.starts_at < {arg(starts_before)}")
    if invitation_expires_before is not None:
        where.append(f"inv.expires_at < {arg(invitation_expires_before)}")
    rows = await fetch(
        f"""SELECT s.id, s.status, s.reserve, s.user_id, mi.id AS mission_id, mi.title,
                   pl.name AS place,
                   COALESCE(pl.timezone, o.timezone) AS mission_timezone,
                   r.name AS role_name, mi.starts_at, mi.ends_at,
                   inv.id AS invitation_id, inv.expires_at
            FROM assignments s JOIN missions mi ON mi.id = s.mission
            JOIN mission_roles r ON r.id = s.mission_role JOIN orgs o ON o.id = s.org
            LEFT JOIN places pl ON pl.id = mi.place_id
            {_OPEN_INVITATION}
            WHERE {" AND ".join(where)}
            ORDER BY mi.starts_at, s.id LIMIT {arg(max(1, min(limit, 1000)))}""",  # noqa: S608
        *arg.values,
    )
    return [
        AssignmentSummary(
            assignment_id=r["id"],
            status=r["status"],
            user_id=r["user_id"],
            mission_id=r["mission_id"],
            mission_title=r["title"],
            place=r["place"] or "",
            timezone=r["mission_timezone"],
            role_name=r["role_name"],
            starts_at=r["starts_at"],
            ends_at=r["ends_at"],
            invitation_id=r["invitation_id"],
            invitation_expires_at=r["expires_at"],
            reserve=r["reserve"],
        )
        for r in rows
    ]


async def account_user_id(org_id: int, account_id: int) -> int | None:
    rows = await fetch(
        "SELECT id FROM users WHERE org = $1 AND account = $2 ORDER BY id LIMIT 1",
        org_id,
        account_id,
    )
    return int(rows[0]["id"]) if rows else None


async def expiring_certifications(
    org_id: int, *, within_days: int, limit: int
) -> list[CertificationAlert]:
    """The certifications to renew (see ``scheduling.certifications.service.expiring``);
    a ``within_days`` outside 0 to 365 is a ``ValueError`` (a plugin bug, not a 422)."""
    try:
        rows = await expiring_all(org_id, within_days=within_days, limit=limit)
    except DomainError as exc:
        raise ValueError(exc.message) from exc
    return [
        CertificationAlert(
            user_id=r["user_id"],
            user_name=_name(r["first_name"], r["last_name"], r["first_name"]),
            skill=r["skill"],
            level=r["level"],
            valid_until=r["valid_until"],
            reference=r["reference"],
            status=r["status"],
            days_left=r["days_left"],
            affected_assignments=r["affected_assignments"],
            next_affected_starts_at=r["next_affected_starts_at"],
        )
        for r in rows
    ]
