"""Accounts and sessions: signup, login, refresh rotation, logout, org switch, passwords.

Refresh tokens rotate on every use; presenting a token that was already rotated
is treated as theft and revokes its whole family (every session of that login).
A family is one session: its id is the access tokens' ``sid`` and the seed of
its CSRF token, so revoking the family ends them at once.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from asyncpg.exceptions import UniqueViolationError

from coulisses.audit import record
from coulisses.auth.passwords import check_password, normalize_email
from coulisses.auth.tables import _DUMMY_HASH, hash_password, verify_password
from coulisses.auth.tokens import csrf_token, hash_token, issue_access_token, new_opaque_token
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, TooManyRequests, Unauthorized
from coulisses.plugins.relay import emit_all
from coulisses.ratelimit import get_limiter
from coulisses.settings import get_settings
from coulisses.tenancy.service import create_org
from coulisses_sdk import MemberAdded, OrgCreated

logger = logging.getLogger(__name__)


@dataclass
class Session:
    account_id: int
    org_id: int | None
    access_token: str
    refresh_token: str
    csrf_token: str
    #: The cookie value of a device trusted at this sign-in (MFA), if any.
    trusted_device: str | None = None


@dataclass
class MfaChallenge:
    """A right password for an account with MFA on: the second step still to pass."""

    challenge: str
    expires_in: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


async def _hash(password: str) -> str:
    # argon2 takes tens of milliseconds of CPU: off the event loop, or every
    # login would stall all the other requests of the process.
    return await asyncio.to_thread(hash_password, password)


async def _verify(stored: str, password: str) -> bool:
    return await asyncio.to_thread(verify_password, stored, password)


def _login_address(email: str) -> str | None:
    """The address as stored at signup, or None when it cannot be an account's."""
    try:
        return normalize_email(email)
    except DomainError:
        return None


def _login_key(email: str, address: str | None) -> str:
    """Rate-limit key of an account: the normalized address, so variants share it."""
    return f"login:acct:{address or email.strip().lower()}"


async def _check_account_attempts(key: str) -> None:
    """Count one attempt on the account (atomically) and refuse past the limit.

    Counting before checking, rather than after a failure, means parallel
    guesses cannot all slip through before the first failure is recorded.
    """
    settings = get_settings()
    if await get_limiter().hit(key, settings.login_window_seconds) > settings.login_max_attempts:
        raise TooManyRequests(
            "auth.rate_limited", "Too many login attempts; wait a few minutes and try again"
        )


async def _first_org(account_id: int) -> int | None:
    rows = await fetch(
        "SELECT org FROM org_memberships WHERE account = $1 ORDER BY created_at, id LIMIT 1",
        account_id,
    )
    return rows[0]["org"] if rows else None


async def _new_session(
    account_id: int, org_id: int | None, family: uuid.UUID | None = None
) -> Session:
    refresh = new_opaque_token()
    family = family or uuid.uuid4()
    await fetch(
        """INSERT INTO refresh_tokens (account, family, token_hash, org_id, expires_at)
           VALUES ($1, $2, $3, $4, $5)""",
        account_id,
        family,
        hash_token(refresh),
        org_id,
        _now() + dt.timedelta(seconds=get_settings().refresh_ttl_seconds),
    )
    return Session(
        account_id=account_id,
        org_id=org_id,
        access_token=issue_access_token(account_id, org_id, family),
        refresh_token=refresh,
        csrf_token=csrf_token(family),
    )


async def create_account(
    email: str, password: str, first_name: str = "", last_name: str = "", *, superuser: bool = False
) -> int:
    """Insert an account (inside the caller's transaction); ``auth.email_taken`` if it exists."""
    email = normalize_email(email)
    check_password(password)
    try:
        rows = await fetch(
            """INSERT INTO accounts (username, email, password, first_name, last_name,
                                     active, admin, superuser)
               VALUES ($1, $1, $2, $3, $4, true, $5, $5) RETURNING id""",
            email,
            await _hash(password),
            first_name,
            last_name,
            superuser,
        )
    except UniqueViolationError as exc:
        raise Conflict("auth.email_taken", "An account already uses this email") from exc
    return int(rows[0]["id"])


async def signup(
    email: str,
    password: str,
    org_name: str,
    first_name: str = "",
    last_name: str = "",
    *,
    ip: str = "",
    user_agent: str = "",
) -> Session:
    """Create an org and its owner account, and open a session in that org (its device is
    the account's first known one)."""
    from coulisses.auth.devices import note_device

    async with transaction():
        account_id = await create_account(email, password, first_name, last_name)
        org = await create_org(org_name)
        await fetch(
            "INSERT INTO org_memberships (account, org, role) VALUES ($1, $2, 'owner')",
            account_id,
            org.id,
        )
        await record(org.id, account_id, "org.created", f"org:{org.id}", {"slug": org.slug})
        session = await _new_session(account_id, org.id)
        await note_device(account_id, ip, user_agent, alert=False)
        await emit_all(
            [
                OrgCreated(
                    org_id=org.id, actor_account_id=account_id, name=org.name, slug=org.slug
                ),
                MemberAdded(
                    org_id=org.id,
                    actor_account_id=account_id,
                    account_id=account_id,
                    email=normalize_email(email),
                    role="owner",
                ),
            ]
        )
    return session


async def check_credentials(
    email: str, password: str, ip: str, *, superuser_only: bool = False
) -> int:
    """The one login check of the API and of /admin; returns the account id.

    Applies the per-IP limit and the per-account limit (the account lockout) with
    the same keys and counters wherever the login comes from, verifies the password
    at the same cost whether or not the account exists, and refuses inactive
    accounts. ``superuser_only`` (the /admin back office) refuses every other
    account with exactly the answer of a wrong password, counted as a failure.
    """
    settings = get_settings()
    limiter = get_limiter()
    ip_key = f"login:ip:{ip}"
    window = settings.login_window_seconds
    # The IP limit counts failures only (an office behind one address logs in
    # many people); the account limit counts attempts and is reset on success.
    if await limiter.count(ip_key, window) >= settings.login_ip_max_attempts:
        raise TooManyRequests(
            "auth.rate_limited", "Too many login attempts; wait a few minutes and try again"
        )
    address = _login_address(email)
    account_key = _login_key(email, address)
    await _check_account_attempts(account_key)
    rows = (
        await fetch(
            "SELECT id, password, active, superuser FROM accounts WHERE username = $1", address
        )
        if address
        else []
    )
    ok = False
    if rows:
        ok = await _verify(rows[0]["password"], password) and rows[0]["active"]
        ok = ok and (rows[0]["superuser"] or not superuser_only)
    else:
        await _verify(_DUMMY_HASH, password)  # same cost whether or not the account exists
    if not ok:
        await limiter.hit(ip_key, window)
        raise Unauthorized("auth.invalid_credentials", "Wrong email or password")
    await limiter.reset(account_key)
    return int(rows[0]["id"])


async def login(
    email: str, password: str, ip: str, user_agent: str = "", trusted_device: str | None = None
) -> Session | MfaChallenge:
    """A session for the right password, or, when the account has MFA on and this browser
    is not one of its trusted devices, a challenge for :func:`login_mfa`. A sign-in from a
    new device is emailed to the account (``coulisses.auth.devices``)."""
    from coulisses.auth import mfa

    account_id = await check_credentials(email, password, ip)
    if (
        await mfa.is_enabled(account_id)
        and await mfa.trusted_device_id(account_id, trusted_device) is None
    ):
        await record(None, account_id, "auth.mfa_challenged", f"account:{account_id}")
        return MfaChallenge(
            challenge=await mfa.new_challenge(account_id), expires_in=mfa.CHALLENGE_TTL_SECONDS
        )
    return await _open_login_session(account_id, ip, user_agent)


async def _open_login_session(
    account_id: int, ip: str, user_agent: str, *, trust: bool = False
) -> Session:
    from coulisses.auth import mfa
    from coulisses.auth.devices import note_device

    async with transaction():
        await fetch("UPDATE accounts SET last_login = now() WHERE id = $1", account_id)
        session = await _new_session(account_id, await _first_org(account_id))
        await note_device(account_id, ip, user_agent)
        if trust:
            session.trusted_device = await mfa.trust_device(account_id, user_agent)
    return session


async def login_mfa(
    challenge: str, code: str, ip: str, user_agent: str = "", *, trust_device: bool = False
) -> Session:
    """The login's second step: a TOTP or recovery code against the first step's challenge;
    ``trust_device`` remembers this browser for 30 days."""
    from coulisses.auth import mfa

    account_id = await mfa.account_of_challenge(challenge)
    try:
        method = await mfa.check_code(account_id, code)
    except DomainError as refused:
        await record(
            None, account_id, "auth.mfa_failed", f"account:{account_id}", {"code": refused.code}
        )
        raise
    await record(None, account_id, "auth.mfa_passed", f"account:{account_id}", {"method": method})
    return await _open_login_session(account_id, ip, user_agent, trust=trust_device)


async def refresh(token: str) -> Session:
    now = _now()
    async with transaction():
        rows = await fetch(
            """SELECT r.id, r.account, r.family, r.org_id, r.expires_at, r.rotated_at, r.revoked,
                      a.active
               FROM refresh_tokens r JOIN accounts a ON a.id = r.account
               WHERE r.token_hash = $1 FOR UPDATE OF r""",
            hash_token(token),
        )
        if not rows:
            raise Unauthorized("auth.invalid_refresh", "Unknown refresh token")
        row = rows[0]
        if row["rotated_at"] is not None:
            await fetch("UPDATE refresh_tokens SET revoked = true WHERE family = $1", row["family"])
            await record(None, row["account"], "auth.refresh_reused", f"family:{row['family']}")
            reused = True
        else:
            reused = False
        if not reused:
            if row["revoked"] or not row["active"]:
                raise Unauthorized("auth.invalid_refresh", "This session was revoked")
            if row["expires_at"] <= now:
                raise Unauthorized("auth.refresh_expired", "This session has expired")
            await fetch("UPDATE refresh_tokens SET rotated_at = $2 WHERE id = $1", row["id"], now)
            org_id = row["org_id"]
            if org_id is not None and not await fetch(
                "SELECT 1 FROM org_memberships WHERE account = $1 AND org = $2",
                row["account"],
                org_id,
            ):
                org_id = await _first_org(row["account"])
            session = await _new_session(row["account"], org_id, row["family"])
    if reused:
        # Raised after commit so the family revocation is kept.
        raise Unauthorized(
            "auth.refresh_reused",
            "This refresh token was already used; all its sessions are revoked",
        )
    return session


async def logout(refresh_token: str | None, session_id: uuid.UUID | None = None) -> None:
    """End the session of ``refresh_token`` and the caller's (``session_id``): every
    refresh token of the family is revoked and its access tokens stop working at once."""
    if refresh_token:
        await fetch(
            """UPDATE refresh_tokens SET revoked = true
               WHERE family = (SELECT family FROM refresh_tokens WHERE token_hash = $1)""",
            hash_token(refresh_token),
        )
    if session_id is not None:
        await fetch("UPDATE refresh_tokens SET revoked = true WHERE family = $1", session_id)


async def switch_org(account_id: int, org_id: int, refresh_token: str | None) -> Session:
    if not await fetch(
        "SELECT 1 FROM org_memberships WHERE account = $1 AND org = $2", account_id, org_id
    ):
        raise DomainError("org.not_found", "No such org among yours", status=404)
    family: uuid.UUID | None = None
    async with transaction():
        if refresh_token:
            rows = await fetch(
                """UPDATE refresh_tokens SET rotated_at = now()
                   WHERE token_hash = $1 AND account = $2 AND rotated_at IS NULL AND NOT revoked
                   RETURNING family""",
                hash_token(refresh_token),
                account_id,
            )
            family = rows[0]["family"] if rows else None
        session = await _new_session(account_id, org_id, family)
    return session


async def _end_credentials(account_id: int) -> None:
    """After a password change or reset: every session, every device trusted for the second
    step and every pending reset link dies."""
    from coulisses.auth.mfa import revoke_all_devices

    await fetch("UPDATE refresh_tokens SET revoked = true WHERE account = $1", account_id)
    await revoke_all_devices(account_id)
    await fetch(
        "UPDATE password_reset_tokens SET used_at = now() WHERE account = $1 AND used_at IS NULL",
        account_id,
    )


async def verify_current_password(account_id: int, password: str) -> None:
    """The account's password, for a sensitive change of a signed-in account (counted on
    the account's login limit: a stolen session must not become a password oracle)."""
    rows = await fetch("SELECT username, password FROM accounts WHERE id = $1", account_id)
    if not rows:
        raise Unauthorized("auth.unauthenticated", "Authentication required")
    account_key = _login_key(rows[0]["username"], rows[0]["username"])
    await _check_account_attempts(account_key)
    if not await _verify(rows[0]["password"], password):
        raise DomainError("auth.invalid_credentials", "Current password is wrong", status=400)
    await get_limiter().reset(account_key)


async def disable_mfa(account_id: int, password: str, code: str) -> None:
    """Turn two-step sign-in off: the password, then a current code (coulisses.auth.mfa)."""
    from coulisses.auth import mfa

    if not await mfa.is_enabled(account_id):
        raise Conflict("auth.mfa_not_enabled", "Two-step sign-in is off")
    await verify_current_password(account_id, password)
    await mfa.disable(account_id, code)


async def change_password(
    account_id: int, current: str, new: str, org_id: int | None = None
) -> Session:
    """Replace the password, end every other session; the new session stays in ``org_id``."""
    await verify_current_password(account_id, current)
    check_password(new)
    new_hash = await _hash(new)
    async with transaction():
        await fetch("UPDATE accounts SET password = $2 WHERE id = $1", account_id, new_hash)
        await _end_credentials(account_id)
        await record(None, account_id, "auth.password_changed", f"account:{account_id}")
        if org_id is None or not await fetch(
            "SELECT 1 FROM org_memberships WHERE account = $1 AND org = $2", account_id, org_id
        ):
            org_id = await _first_org(account_id)
        session = await _new_session(account_id, org_id)
    return session


async def request_password_reset(email: str, ip: str) -> None:
    """Email a single-use reset link if the account exists; the answer never tells."""
    from coulisses.auth.reset_mail import deliver_reset

    settings = get_settings()
    address = normalize_email(email)
    limiter = get_limiter()
    if (
        await limiter.hit(f"reset:{address}", 3600) > 5
        or await limiter.hit(f"reset-ip:{ip}", 3600) > 30
    ):
        raise TooManyRequests("auth.rate_limited", "Too many reset requests; try again later")
    rows = await fetch("SELECT id FROM accounts WHERE username = $1 AND active", address)
    if not rows:
        return
    token = new_opaque_token()
    async with transaction():
        await fetch(
            """INSERT INTO password_reset_tokens (account, token_hash, expires_at)
               VALUES ($1, $2, $3)""",
            rows[0]["id"],
            hash_token(token),
            _now() + dt.timedelta(seconds=settings.reset_ttl_seconds),
        )
        await record(None, rows[0]["id"], "auth.password_reset_requested")
    await deliver_reset(address, token)


async def confirm_password_reset(token: str, new_password: str) -> None:
    check_password(new_password)
    new_hash = await _hash(new_password)
    async with transaction():
        rows = await fetch(
            """UPDATE password_reset_tokens SET used_at = now()
               WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
               RETURNING account""",
            hash_token(token),
        )
        if not rows:
            raise DomainError(
                "auth.invalid_reset_token",
                "This reset link is invalid, used or expired",
                status=400,
            )
        account_id = rows[0]["account"]
        await fetch("UPDATE accounts SET password = $2 WHERE id = $1", account_id, new_hash)
        await _end_credentials(account_id)
        await record(None, account_id, "auth.password_reset")


async def me(account_id: int, org_id: int | None) -> dict[str, Any]:
    account = (
        await fetch(
            "SELECT id, email, first_name, last_name, superuser FROM accounts WHERE id = $1",
            account_id,
        )
    )[0]
    orgs = await fetch(
        """SELECT o.id, o.name, o.slug, o.timezone, o.locale, m.role
           FROM org_memberships m JOIN orgs o ON o.id = m.org
           WHERE m.account = $1 ORDER BY o.name""",
        account_id,
    )
    from coulisses.auth import mfa

    return {
        "account": account,
        "orgs": orgs,
        "active_org_id": org_id,
        "mfa_enabled": await mfa.is_enabled(account_id),
        "mfa_enrolment_required": await mfa.enrolment_required(account_id, org_id),
    }
