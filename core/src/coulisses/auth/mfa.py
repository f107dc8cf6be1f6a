"""Second factor: TOTP (RFC 6238) enrolment, recovery codes, the login's second step,
trusted devices and the org policy for owners and admins.

- The secret is stored sealed (``coulisses.sealing``, purpose ``auth.mfa``); it is
  shown once, at enrolment (the otpauth:// URI, its QR code as SVG and the manual key),
  and never logged nor put in an error.
- Enrolment is pending until a first valid code confirms it; confirming gives 10
  recovery codes, shown once, stored hashed with argon2 like passwords, each single-use.
- A TOTP code is accepted within one step (30 s) either side of the server's clock, and
  only for a step later than the last accepted one: a code cannot be replayed.
- The login's second step carries a signed challenge (purpose ``auth.mfa_challenge``,
  5 minutes, bound to the account and its password hash) and counts its attempts on the
  account (``mfa:acct:<id>``, same limit and window as password attempts).
- A trusted device holds a signed cookie (purpose ``auth.mfa_trust``) naming the account
  and a random token whose hash is stored: revocable one by one, all revoked when MFA is
  turned off or the password changes or is reset.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any

import pyotp
import segno

from coulisses.audit import record
from coulisses.auth.devices import browser_of
from coulisses.auth.tables import hash_password, verify_password
from coulisses.auth.tokens import hash_token, new_opaque_token, sign, unsign
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, TooManyRequests, Unauthorized
from coulisses.ratelimit import get_limiter
from coulisses.sealing import seal, unseal
from coulisses.settings import get_settings
from coulisses_sdk import Listing, ListQuery

ISSUER = "Coulisses Crew"
SEAL_PURPOSE = "auth.mfa"
CHALLENGE_PURPOSE = "auth.mfa_challenge"
TRUST_PURPOSE = "auth.mfa_trust"
CHALLENGE_TTL_SECONDS = 300
TRUST_DAYS = 30
RECOVERY_CODES = 10
#: Roles the org policy ``mfa_required_for_admins`` applies to.
POLICY_ROLES = ("owner", "admin")
_TOTP = re.compile(r"^\d{6}$")
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # pragma: allowlist secret (no 0/o, 1/l/i)


@dataclass(frozen=True)
class Enrolment:
    secret: str
    otpauth_uri: str
    qr_svg_data_uri: str


@dataclass(frozen=True)
class Status:
    enabled: bool
    pending: bool
    confirmed_at: dt.datetime | None
    recovery_codes_left: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _attempts_key(account_id: int) -> str:
    return f"mfa:acct:{account_id}"


async def _count_attempt(account_id: int) -> None:
    """One attempt at a code for the account, refused past the login limit (atomic
    count first, as for passwords, so parallel guesses cannot slip through)."""
    settings = get_settings()
    hits = await get_limiter().hit(_attempts_key(account_id), settings.login_window_seconds)
    if hits > settings.login_max_attempts:
        await record(None, account_id, "auth.mfa_locked", f"account:{account_id}")
        raise TooManyRequests(
            "auth.mfa_locked", "Too many wrong codes; wait a few minutes and try again"
        )


def _invalid_code() -> DomainError:
    return Unauthorized("auth.mfa_invalid_code", "Wrong or expired code")


def _in_session(refused: DomainError) -> DomainError:
    """A wrong code from a signed-in account is a 400, not a 401: the session is fine (and
    a 401 would make the web client refresh it and send the code again)."""
    if refused.status_code == 401:
        refused.status_code = 400
    return refused


# -- state ----------------------------------------------------------------------------


async def _row(account_id: int) -> dict[str, Any] | None:
    rows = await fetch(
        "SELECT secret_sealed, confirmed_at, last_step FROM mfa_totp WHERE account = $1",
        account_id,
    )
    return dict(rows[0]) if rows else None


async def is_enabled(account_id: int) -> bool:
    return bool(
        await fetch(
            "SELECT 1 FROM mfa_totp WHERE account = $1 AND confirmed_at IS NOT NULL", account_id
        )
    )


async def status(account_id: int) -> Status:
    row = await _row(account_id)
    left = await fetch(
        "SELECT count(*) AS n FROM mfa_recovery_codes WHERE account = $1 AND used_at IS NULL",
        account_id,
    )
    confirmed = row["confirmed_at"] if row else None
    return Status(
        enabled=confirmed is not None,
        pending=row is not None and confirmed is None,
        confirmed_at=confirmed,
        recovery_codes_left=int(left[0]["n"]) if confirmed else 0,
    )


# -- TOTP -----------------------------------------------------------------------------


def _step(at: float | None = None) -> int:
    return int((time.time() if at is None else at) // 30)


async def _check_totp(account_id: int, sealed: str, code: str) -> bool:
    """Whether ``code`` is the TOTP of a step within one of now, later than the last
    accepted one; the step is recorded (atomically: two requests with one code cannot
    both pass)."""
    if not _TOTP.match(code):
        return False
    totp = pyotp.TOTP(unseal(sealed, SEAL_PURPOSE))
    now = _step()
    for step in (now - 1, now, now + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            rows = await fetch(
                """UPDATE mfa_totp SET last_step = $2
                   WHERE account = $1 AND (last_step IS NULL OR last_step < $2)
                   RETURNING 1""",
                account_id,
                step,
            )
            if not rows:
                raise Unauthorized(
                    "auth.mfa_code_reused", "This code was already used; wait for the next one"
                )
            return True
    return False


# -- recovery codes -------------------------------------------------------------------


def _normalize_recovery(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


async def _replace_recovery_codes(account_id: int) -> list[str]:
    """New codes (in the caller's transaction); the old ones stop working."""
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODES)]
    hashes = await asyncio.gather(
        *(asyncio.to_thread(hash_password, _normalize_recovery(c)) for c in codes)
    )
    await fetch("DELETE FROM mfa_recovery_codes WHERE account = $1", account_id)
    await fetch(
        """INSERT INTO mfa_recovery_codes (account, code_hash)
           SELECT $1, h FROM unnest($2::text[]) AS h""",
        account_id,
        list(hashes),
    )
    return codes


async def _use_recovery_code(account_id: int, code: str) -> bool:
    normalized = _normalize_recovery(code)
    if not 8 <= len(normalized) <= 16:
        return False
    rows = await fetch(
        "SELECT id, code_hash FROM mfa_recovery_codes WHERE account = $1 AND used_at IS NULL",
        account_id,
    )
    for row in rows:
        if await asyncio.to_thread(verify_password, row["code_hash"], normalized):
            used = await fetch(
                """UPDATE mfa_recovery_codes SET used_at = now()
                   WHERE id = $1 AND used_at IS NULL RETURNING 1""",
                row["id"],
            )
            return bool(used)
    return False


async def check_code(account_id: int, code: str) -> str:
    """Check a TOTP or recovery code of an account with MFA on (counted against the
    lockout); the method that matched (``totp`` or ``recovery_code``)."""
    await _count_attempt(account_id)
    row = await _row(account_id)
    if row is None or row["confirmed_at"] is None:
        raise _invalid_code()
    code = code.strip()
    if _TOTP.match(code):
        if await _check_totp(account_id, row["secret_sealed"], code):
            await get_limiter().reset(_attempts_key(account_id))
            return "totp"
    elif await _use_recovery_code(account_id, code):
        await get_limiter().reset(_attempts_key(account_id))
        return "recovery_code"
    raise _invalid_code()


# -- enrolment ------------------------------------------------------------------------


async def start_enrolment(account_id: int) -> Enrolment:
    """A new pending secret (replacing a pending one); refused when MFA is already on."""
    rows = await fetch("SELECT email FROM accounts WHERE id = $1", account_id)
    async with transaction():
        current = await fetch(
            "SELECT confirmed_at FROM mfa_totp WHERE account = $1 FOR UPDATE", account_id
        )
        if current and current[0]["confirmed_at"] is not None:
            raise Conflict("auth.mfa_already_enabled", "Two-step sign-in is already on")
        secret = pyotp.random_base32()
        await fetch(
            """INSERT INTO mfa_totp (account, secret_sealed) VALUES ($1, $2)
               ON CONFLICT (account) DO UPDATE
               SET secret_sealed = EXCLUDED.secret_sealed, last_step = NULL,
                   created_at = now()""",
            account_id,
            seal(secret, SEAL_PURPOSE),
        )
        await record(None, account_id, "auth.mfa_enrolment_started", f"account:{account_id}")
    uri = pyotp.TOTP(secret).provisioning_uri(name=rows[0]["email"], issuer_name=ISSUER)
    qr = segno.make(uri, error="m")
    return Enrolment(
        secret=secret,
        otpauth_uri=uri,
        qr_svg_data_uri=qr.svg_data_uri(scale=4, dark="#111827", light="#ffffff"),
    )


async def confirm_enrolment(account_id: int, code: str) -> list[str]:
    """Turn MFA on with a first valid code; the recovery codes, shown this once."""
    await _count_attempt(account_id)
    async with transaction():
        rows = await fetch(
            "SELECT secret_sealed, confirmed_at FROM mfa_totp WHERE account = $1 FOR UPDATE",
            account_id,
        )
        if not rows or rows[0]["confirmed_at"] is not None:
            raise Conflict("auth.mfa_not_enrolling", "No enrolment is waiting for a code")
        try:
            valid = await _check_totp(account_id, rows[0]["secret_sealed"], code.strip())
        except DomainError as refused:
            raise _in_session(refused) from None
        if not valid:
            raise DomainError("auth.mfa_invalid_code", "Wrong or expired code", status=400)
        await fetch("UPDATE mfa_totp SET confirmed_at = now() WHERE account = $1", account_id)
        codes = await _replace_recovery_codes(account_id)
        await record(None, account_id, "auth.mfa_enabled", f"account:{account_id}")
    await get_limiter().reset(_attempts_key(account_id))
    return codes


async def regenerate_recovery_codes(account_id: int, code: str) -> list[str]:
    """New recovery codes against a current TOTP code; the old ones stop working."""
    if not await is_enabled(account_id):
        raise Conflict("auth.mfa_not_enabled", "Two-step sign-in is off")
    try:
        method = await check_code(account_id, code)
    except DomainError as refused:
        raise _in_session(refused) from None
    if method != "totp":
        # a recovery code was spent: still the account owner, but ask for the app's code
        raise DomainError(
            "auth.mfa_totp_required", "Enter the code of your authenticator app", status=400
        )
    async with transaction():
        codes = await _replace_recovery_codes(account_id)
        await record(
            None, account_id, "auth.mfa_recovery_codes_regenerated", f"account:{account_id}"
        )
    return codes


async def disable(account_id: int, code: str) -> None:
    """Turn MFA off with a current code (TOTP or recovery code); the caller checked the
    password first (``coulisses.auth.service.disable_mfa``)."""
    if not await is_enabled(account_id):
        raise Conflict("auth.mfa_not_enabled", "Two-step sign-in is off")
    try:
        await check_code(account_id, code)
    except DomainError as refused:
        raise _in_session(refused) from None
    async with transaction():
        await fetch("DELETE FROM mfa_totp WHERE account = $1", account_id)
        await fetch("DELETE FROM mfa_recovery_codes WHERE account = $1", account_id)
        await revoke_all_devices(account_id)
        await record(None, account_id, "auth.mfa_disabled", f"account:{account_id}")


# -- the login's second step ----------------------------------------------------------


def _password_mark(password_hash: str) -> str:
    return hashlib.sha256(b"coulisses-mfa:" + password_hash.encode()).hexdigest()[:16]


async def new_challenge(account_id: int) -> str:
    """The signed challenge a right password earns when MFA is on (no session yet)."""
    rows = await fetch("SELECT password FROM accounts WHERE id = $1", account_id)
    return sign(
        CHALLENGE_PURPOSE,
        {
            "a": account_id,
            "exp": int(time.time()) + CHALLENGE_TTL_SECONDS,
            "pw": _password_mark(rows[0]["password"]),
            "n": secrets.token_urlsafe(8),
        },
    )


async def account_of_challenge(challenge: str) -> int:
    """The account a challenge was issued to, if it is still valid; else 401."""
    payload = unsign(CHALLENGE_PURPOSE, challenge)
    refused = Unauthorized(
        "auth.mfa_challenge_invalid", "This sign-in has expired; enter your password again"
    )
    if payload is None:
        raise refused
    account_id, expires, mark = payload.get("a"), payload.get("exp"), payload.get("pw")
    if not isinstance(account_id, int) or isinstance(account_id, bool):
        raise refused
    if not isinstance(expires, int) or expires < time.time() or not isinstance(mark, str):
        raise refused
    rows = await fetch("SELECT password, active FROM accounts WHERE id = $1", account_id)
    # a password changed (or an account closed) since the first step ends the challenge
    if not rows or not rows[0]["active"]:
        raise refused
    if not hmac.compare_digest(_password_mark(rows[0]["password"]), mark):
        raise refused
    return account_id


# -- trusted devices ------------------------------------------------------------------


async def trust_device(account_id: int, user_agent: str) -> str:
    """Remember this browser for 30 days (in the caller's transaction): its cookie value."""
    token = new_opaque_token()
    rows = await fetch(
        """INSERT INTO mfa_trusted_devices (account, token_hash, browser, expires_at)
           VALUES ($1, $2, $3, $4) RETURNING id""",
        account_id,
        hash_token(token),
        browser_of(user_agent)[:100],
        _now() + dt.timedelta(days=TRUST_DAYS),
    )
    await record(
        None,
        account_id,
        "auth.mfa_device_trusted",
        f"account:{account_id}",
        {"device": int(rows[0]["id"]), "browser": browser_of(user_agent)},
    )
    return sign(TRUST_PURPOSE, {"a": account_id, "t": token})


async def trusted_device_id(account_id: int, cookie: str | None) -> int | None:
    """The trusted device a cookie names, if it is this account's and still valid."""
    payload = unsign(TRUST_PURPOSE, cookie) if cookie else None
    if payload is None or payload.get("a") != account_id or not isinstance(payload.get("t"), str):
        return None
    rows = await fetch(
        """UPDATE mfa_trusted_devices SET last_used_at = now()
           WHERE account = $1 AND token_hash = $2 AND revoked_at IS NULL AND expires_at > now()
           RETURNING id""",
        account_id,
        hash_token(payload["t"]),
    )
    return int(rows[0]["id"]) if rows else None


def device_id_of_cookie(account_id: int, cookie: str | None) -> str | None:
    """The token hash a cookie carries for this account (to mark the current device)."""
    payload = unsign(TRUST_PURPOSE, cookie) if cookie else None
    if payload is None or payload.get("a") != account_id or not isinstance(payload.get("t"), str):
        return None
    return hash_token(payload["t"])


def _devices_listing() -> Listing:
    from coulisses.auth.schemas import TrustedDeviceOut

    return Listing(
        sorts={
            "id": "id",
            "last_used_at": "last_used_at",
            "created_at": "created_at",
            "expires_at": "expires_at",
        },
        default="-last_used_at",
        item=TrustedDeviceOut,
        key=("id",),
    )


#: Sort keys of the trusted devices list (docs/api.md); last used first by default.
DEVICES = _devices_listing()
_DEVICES_SQL = """SELECT id, browser, created_at, last_used_at, expires_at, token_hash
                   FROM mfa_trusted_devices
                   WHERE account = $1 AND revoked_at IS NULL AND expires_at > now()"""


async def list_devices(
    account_id: int, cookie: str | None, listing: ListQuery
) -> tuple[list[dict[str, Any]], int]:
    """A page of the account's valid trusted devices (``current``: this browser's)."""
    current = device_id_of_cookie(account_id, cookie)
    total = (
        await fetch(
            """SELECT count(*) AS n FROM mfa_trusted_devices
               WHERE account = $1 AND revoked_at IS NULL AND expires_at > now()""",
            account_id,
        )
    )[0]["n"]
    listing.check_page(total)
    rows = await fetch(
        f"{_DEVICES_SQL} ORDER BY {DEVICES.order_by(listing)}"
        f" LIMIT {listing.page_size} OFFSET {listing.offset}",
        account_id,
    )
    items = [
        {
            "id": r["id"],
            "browser": r["browser"],
            "created_at": r["created_at"],
            "last_used_at": r["last_used_at"],
            "expires_at": r["expires_at"],
            "current": current is not None and hmac.compare_digest(current, r["token_hash"]),
        }
        for r in rows
    ]
    return items, int(total)


async def revoke_device(account_id: int, device_id: int) -> None:
    async with transaction():
        rows = await fetch(
            """UPDATE mfa_trusted_devices SET revoked_at = now()
               WHERE id = $1 AND account = $2 AND revoked_at IS NULL RETURNING id""",
            device_id,
            account_id,
        )
        if not rows:
            raise DomainError("auth.mfa_device_not_found", "No such trusted device", status=404)
        await record(
            None,
            account_id,
            "auth.mfa_device_revoked",
            f"account:{account_id}",
            {"device": device_id},
        )


async def revoke_all_devices(account_id: int) -> None:
    """Every trusted device of the account (in the caller's transaction)."""
    await fetch(
        """UPDATE mfa_trusted_devices SET revoked_at = now()
           WHERE account = $1 AND revoked_at IS NULL""",
        account_id,
    )


# -- org policy -----------------------------------------------------------------------


async def enrolment_required(account_id: int, org_id: int | None) -> bool:
    """Whether the org's policy requires MFA of this account's role and it has none."""
    if org_id is None:
        return False
    rows = await fetch(
        """SELECT 1 FROM org_memberships m JOIN orgs o ON o.id = m.org
           WHERE m.account = $1 AND m.org = $2 AND o.mfa_required_for_admins
             AND m.role = ANY($3::text[])
             AND NOT EXISTS (SELECT 1 FROM mfa_totp t
                             WHERE t.account = m.account AND t.confirmed_at IS NOT NULL)""",
        account_id,
        org_id,
        list(POLICY_ROLES),
    )
    return bool(rows)
