"""Orgs and their members. Every function takes the org scope explicitly."""

from __future__ import annotations

import datetime as dt
import re
import secrets
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coulisses.audit import record, record_change
from coulisses.auth.passwords import normalize_email
from coulisses.auth.rbac import ROLE_RANK
from coulisses.auth.tokens import hash_token, new_opaque_token
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, Forbidden, NotFound
from coulisses.plugins.relay import emit
from coulisses.tenancy.schemas import MemberOut
from coulisses_sdk import Listing, ListQuery, MemberAdded, Principal

INVITE_TTL = dt.timedelta(days=7)


@dataclass
class OrgRow:
    id: int
    name: str
    slug: str
    timezone: str
    locale: str
    mfa_required_for_admins: bool = False
    swaps_require_approval: bool = True


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:60] or "org"


def check_timezone(tz: str) -> str:
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DomainError(
            "validation.timezone", f"Unknown IANA timezone {tz!r}", status=422
        ) from exc
    return tz


async def create_org(name: str, *, timezone: str = "Europe/Paris", locale: str = "fr") -> OrgRow:
    """Insert an org with a unique slug (call inside a transaction)."""
    name = name.strip()
    if not name or len(name) > 200:
        raise DomainError(
            "validation.org_name", "Org name must have 1 to 200 characters", status=422
        )
    check_timezone(timezone)
    base = slugify(name)
    slug = base
    for _ in range(20):
        if not await fetch("SELECT 1 FROM orgs WHERE slug = $1", slug):
            break
        slug = f"{base}-{secrets.token_hex(2)}"
    rows = await fetch(
        """INSERT INTO orgs (name, slug, timezone, locale) VALUES ($1, $2, $3, $4)
           RETURNING id, name, slug, timezone, locale""",
        name,
        slug,
        timezone,
        locale,
    )
    return OrgRow(**rows[0])


async def get_org(org_id: int) -> OrgRow:
    rows = await fetch(
        """SELECT id, name, slug, timezone, locale, mfa_required_for_admins,
                  swaps_require_approval
           FROM orgs WHERE id = $1""",
        org_id,
    )
    if not rows:
        raise NotFound("org.not_found", "Org not found")
    return OrgRow(**rows[0])


async def update_org(
    principal: Principal,
    *,
    name: str | None,
    timezone: str | None,
    locale: str | None,
    mfa_required_for_admins: bool | None = None,
    swaps_require_approval: bool | None = None,
) -> OrgRow:
    async with transaction():
        await fetch("SELECT 1 FROM orgs WHERE id = $1 FOR NO KEY UPDATE", principal.org_id)
        org = await get_org(principal.org_id)
        after = {
            "name": (name or org.name).strip(),
            "timezone": check_timezone(timezone) if timezone else org.timezone,
            "locale": locale or org.locale,
            "mfa_required_for_admins": (
                org.mfa_required_for_admins
                if mfa_required_for_admins is None
                else mfa_required_for_admins
            ),
            "swaps_require_approval": (
                org.swaps_require_approval
                if swaps_require_approval is None
                else swaps_require_approval
            ),
        }
        await fetch(
            """UPDATE orgs SET name = $2, timezone = $3, locale = $4, mfa_required_for_admins = $5,
                   swaps_require_approval = $6
               WHERE id = $1""",
            org.id,
            after["name"],
            after["timezone"],
            after["locale"],
            after["mfa_required_for_admins"],
            after["swaps_require_approval"],
        )
        await record_change(
            org.id, principal.account_id, "org.updated", f"org:{org.id}", asdict(org), after
        )
    return await get_org(org.id)


_MEMBER_SQL = """SELECT a.id AS account_id, a.email, a.first_name, a.last_name, m.role,
                        m.created_at AS joined_at
                 FROM org_memberships m JOIN accounts a ON a.id = m.account
                 WHERE m.org = $1"""


#: Sort keys of the members list and the SQL each orders by (docs/api.md); not the email,
#: which a tech may not read.
MEMBERS = Listing(
    sorts={
        "account_id": "a.id",
        "last_name": "lower(a.last_name)",
        "first_name": "lower(a.first_name)",
        "role": "m.role",
        "joined_at": "m.created_at",
    },
    default="last_name,first_name",
    item=MemberOut,
    key=("account_id",),
)


async def list_members(org_id: int, listing: ListQuery) -> tuple[list[dict[str, Any]], int]:
    """A page of the org's members (by name by default) and their total."""
    total = (await fetch("SELECT count(*) AS n FROM org_memberships WHERE org = $1", org_id))[0][
        "n"
    ]
    listing.check_page(total)
    rows = await fetch(
        f"{_MEMBER_SQL} ORDER BY {MEMBERS.order_by(listing)}"
        f" LIMIT {listing.page_size} OFFSET {listing.offset}",
        org_id,
    )
    return rows, total


async def get_member(org_id: int, account_id: int) -> dict[str, Any]:
    rows = await fetch(_MEMBER_SQL + " AND a.id = $2", org_id, account_id)
    if not rows:
        raise NotFound("member.not_found", "No such member in this org")
    return rows[0]


def _check_role_power(principal: Principal, role: str) -> None:
    if role not in ROLE_RANK:
        raise DomainError("validation.role", f"Unknown role {role!r}", status=422)
    if role == "owner" and principal.role != "owner":
        raise Forbidden("member.owner_only", "Only an owner can grant or take the owner role")


async def invite_member(principal: Principal, email: str, role: str) -> dict[str, Any]:
    """Add an account (created if new, then emailed a link to set its password) to the org."""
    from coulisses.tenancy.invite_mail import deliver_member_invite

    _check_role_power(principal, role)
    address = normalize_email(email)
    org = await get_org(principal.org_id)
    setup_token: str | None = None
    async with transaction():
        rows = await fetch("SELECT id FROM accounts WHERE username = $1", address)
        if rows:
            account_id = int(rows[0]["id"])
        else:
            from coulisses.auth.tables import hash_password

            created = await fetch(
                """INSERT INTO accounts (username, email, password, active)
                   VALUES ($1, $1, $2, true) RETURNING id""",
                address,
                hash_password(new_opaque_token()),
            )
            account_id = int(created[0]["id"])
            setup_token = new_opaque_token()
            await fetch(
                """INSERT INTO password_reset_tokens (account, token_hash, expires_at)
                   VALUES ($1, $2, now() + $3::interval)""",
                account_id,
                hash_token(setup_token),
                INVITE_TTL,
            )
        if await fetch(
            "SELECT 1 FROM org_memberships WHERE org = $1 AND account = $2", org.id, account_id
        ):
            raise Conflict("member.already_member", "This account is already a member of the org")
        await fetch(
            "INSERT INTO org_memberships (account, org, role) VALUES ($1, $2, $3)",
            account_id,
            org.id,
            role,
        )
        await record(
            org.id, principal.account_id, "member.added", f"account:{account_id}", {"role": role}
        )
        await emit(
            MemberAdded(
                org_id=org.id,
                actor_account_id=principal.account_id,
                account_id=account_id,
                email=address,
                role=role,
            )
        )
    await deliver_member_invite(address, org.name, role, setup_token)
    return await get_member(org.id, account_id)


async def _lock_owners(org_id: int) -> list[int]:
    rows = await fetch(
        "SELECT account FROM org_memberships WHERE org = $1 AND role = 'owner' FOR UPDATE", org_id
    )
    return [r["account"] for r in rows]


async def change_role(principal: Principal, account_id: int, role: str) -> dict[str, Any]:
    _check_role_power(principal, role)
    async with transaction():
        member = await get_member(principal.org_id, account_id)
        if member["role"] == "owner" and principal.role != "owner":
            raise Forbidden("member.owner_only", "Only an owner can change an owner's role")
        owners = await _lock_owners(principal.org_id)
        if member["role"] == "owner" and role != "owner" and owners == [account_id]:
            raise Conflict("member.last_owner", "The last owner of an org cannot be demoted")
        await fetch(
            "UPDATE org_memberships SET role = $3 WHERE org = $1 AND account = $2",
            principal.org_id,
            account_id,
            role,
        )
        await record_change(
            principal.org_id,
            principal.account_id,
            "member.role_changed",
            f"account:{account_id}",
            member,
            {"role": role},
        )
    return await get_member(principal.org_id, account_id)


async def remove_member(principal: Principal, account_id: int) -> None:
    async with transaction():
        member = await get_member(principal.org_id, account_id)
        if member["role"] == "owner" and principal.role != "owner":
            raise Forbidden("member.owner_only", "Only an owner can remove an owner")
        owners = await _lock_owners(principal.org_id)
        if member["role"] == "owner" and owners == [account_id]:
            raise Conflict("member.last_owner", "The last owner of an org cannot be removed")
        await fetch(
            "DELETE FROM org_memberships WHERE org = $1 AND account = $2",
            principal.org_id,
            account_id,
        )
        await record(
            principal.org_id, principal.account_id, "member.removed", f"account:{account_id}"
        )
