"""Org API keys: creation, listing, revocation, and authenticating a request by its key.

A key is ``ck_`` followed by 43 characters of ``secrets.token_urlsafe(32)`` (256 random
bits). Only its SHA-256 is stored (a slow hash adds nothing to a random 256-bit
secret), with its first characters as a non-secret prefix for display. The clear key is
returned once, by :func:`create_key`, and never logged, audited or echoed in an error.

Each key acts through an account of its own (inactive, no password, member of no org):
the audit log shows what the key did under its name, and the key never borrows the
rights or the "own" data of the person who created it.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import uuid
from typing import Any

from coulisses.apikeys.refusals import audit_refusal
from coulisses.audit import record
from coulisses.auth.rbac import KEY_ROLE, SCOPES, KeyPrincipal
from coulisses.auth.tokens import hash_token
from coulisses.db.connection import fetch, transaction
from coulisses.errors import DomainError, NotFound, TooManyRequests, Unauthorized
from coulisses.ratelimit import get_limiter
from coulisses.settings import get_settings
from coulisses_sdk import Listing, ListQuery, Principal

logger = logging.getLogger(__name__)

KEY_PREFIX = "ck_"
#: Characters of the key kept for display: ``ck_`` and four random ones.
DISPLAY_CHARS = len(KEY_PREFIX) + 4
#: ``last_used_at`` is written at most once per this delay (one UPDATE per key per minute).
LAST_USED_PRECISION = dt.timedelta(minutes=1)
#: Domain of the keys' own accounts (``.invalid`` never receives mail).
KEY_ACCOUNT_DOMAIN = "api-keys.invalid"


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def looks_like_key(token: str) -> bool:
    return token.startswith(KEY_PREFIX)


def _invalid_scope(message: str, scope: Any = None) -> DomainError:
    details: dict[str, Any] = {"field": "scopes", "allowed": list(SCOPES)}
    if scope is not None:
        details["scope"] = scope
    return DomainError("api_key.invalid_scope", message, details=details, status=422)


def check_scopes(scopes: list[str]) -> list[str]:
    """The scopes, sorted and without repeats; 422 ``api_key.invalid_scope`` otherwise."""
    if not scopes:
        raise _invalid_scope("Give the key at least one scope")
    for scope in scopes:
        if scope not in SCOPES:
            raise _invalid_scope(f"Unknown scope {scope!r}", scope)
    return sorted(set(scopes))


def check_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= 100:
        raise DomainError(
            "api_key.invalid_name",
            "The name must have 1 to 100 characters",
            details={"field": "name"},
            status=422,
        )
    return name


def check_expiry(expires_at: dt.datetime | None) -> dt.datetime | None:
    if expires_at is None:
        return None
    if expires_at.tzinfo is None or expires_at.utcoffset() is None:
        raise DomainError(
            "api_key.invalid_expiry",
            "expires_at needs a UTC offset",
            details={"field": "expires_at"},
            status=422,
        )
    if expires_at <= dt.datetime.now(dt.UTC):
        raise DomainError(
            "api_key.invalid_expiry",
            "expires_at must be in the future",
            details={"field": "expires_at"},
            status=422,
        )
    return expires_at


_KEY_SQL = """SELECT k.id, k.name, k.prefix, k.scopes, k.created_at, k.expires_at,
                     k.last_used_at, k.revoked_at, k.created_by,
                     a.email AS creator_email, a.first_name AS creator_first_name,
                     a.last_name AS creator_last_name
              FROM api_keys k LEFT JOIN accounts a ON a.id = k.created_by
              WHERE k.org = $1"""


def _out(row: dict[str, Any]) -> dict[str, Any]:
    from coulisses.apikeys.schemas import ApiKeyCreator

    creator = None
    if row["created_by"] is not None:
        name = " ".join(p for p in (row["creator_first_name"], row["creator_last_name"]) if p)
        creator = ApiKeyCreator(
            account_id=row["created_by"],
            email=row["creator_email"],
            display_name=name or row["creator_email"],
        )
    return {
        "id": row["id"],
        "name": row["name"],
        "prefix": row["prefix"],
        "scopes": list(row["scopes"]),
        "created_by": creator,
        "created_at": row["created_at"],
        "expires_at": row["expires_at"],
        "last_used_at": row["last_used_at"],
        "revoked_at": row["revoked_at"],
    }


def _listing() -> Listing:
    from coulisses.apikeys.schemas import ApiKeyOut

    return Listing(
        sorts={"id": "k.id", "name": "lower(k.name)", "created_at": "k.created_at"},
        default="-created_at",
        item=ApiKeyOut,
        key=("id",),
    )


#: Sort keys of the API keys list (docs/api.md); newest first by default.
KEYS = _listing()


async def list_keys(org_id: int, listing: ListQuery) -> tuple[list[dict[str, Any]], int]:
    """A page of the org's keys (revoked ones included) and their total."""
    total = (await fetch("SELECT count(*) AS n FROM api_keys WHERE org = $1", org_id))[0]["n"]
    listing.check_page(total)
    rows = await fetch(
        f"{_KEY_SQL} ORDER BY {KEYS.order_by(listing)}"
        f" LIMIT {listing.page_size} OFFSET {listing.offset}",
        org_id,
    )
    return [_out(r) for r in rows], total


async def get_key(org_id: int, key_id: int) -> dict[str, Any]:
    rows = await fetch(f"{_KEY_SQL} AND k.id = $2", org_id, key_id)
    if not rows:
        raise NotFound("api_key.not_found", "No such API key in this org")
    return _out(rows[0])


async def create_key(
    principal: Principal, name: str, scopes: list[str], expires_at: dt.datetime | None
) -> tuple[dict[str, Any], str]:
    """Create a key; returns it and its clear value (the only time it exists outside the
    caller's hands)."""
    name = check_name(name)
    scopes = check_scopes(scopes)
    expires_at = check_expiry(expires_at)
    key = new_key()
    address = f"key-{uuid.uuid4().hex}@{KEY_ACCOUNT_DOMAIN}"
    async with transaction():
        # "!" is no argon2 hash: no password ever matches it, and the account is inactive.
        account = await fetch(
            """INSERT INTO accounts (username, email, password, first_name, last_name, active)
               VALUES ($1, $1, '!', 'API key', $2, false) RETURNING id""",
            address,
            name,
        )
        rows = await fetch(
            """INSERT INTO api_keys (org, account, name, prefix, key_hash, scopes, created_by,
                                     expires_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id""",
            principal.org_id,
            account[0]["id"],
            name,
            key[:DISPLAY_CHARS],
            hash_token(key),
            scopes,
            principal.account_id,
            expires_at,
        )
        key_id = int(rows[0]["id"])
        await record(
            principal.org_id,
            principal.account_id,
            "api_key.created",
            f"api_key:{key_id}",
            {
                "name": name,
                "prefix": key[:DISPLAY_CHARS],
                "scopes": scopes,
                "expires_at": expires_at,
            },
        )
    return await get_key(principal.org_id, key_id), key


async def revoke_key(principal: Principal, key_id: int) -> None:
    """Revoke a key of the org at once (its next request is a 401); revoking a revoked key
    changes nothing."""
    async with transaction():
        rows = await fetch(
            "SELECT name, revoked_at FROM api_keys WHERE org = $1 AND id = $2 FOR UPDATE",
            principal.org_id,
            key_id,
        )
        if not rows:
            raise NotFound("api_key.not_found", "No such API key in this org")
        if rows[0]["revoked_at"] is not None:
            return
        await fetch(
            "UPDATE api_keys SET revoked_at = now(), revoked_by = $2 WHERE id = $1",
            key_id,
            principal.account_id,
        )
        await record(
            principal.org_id,
            principal.account_id,
            "api_key.revoked",
            f"api_key:{key_id}",
            {"name": rows[0]["name"]},
        )


async def _check_rate(key_id: int, org_id: int, **request: Any) -> None:
    settings = get_settings()
    window = settings.api_key_window_seconds
    count = await get_limiter().hit(f"api_key:{key_id}", window)
    if count > settings.api_key_max_requests:
        if count == settings.api_key_max_requests + 1:
            # The first refusal of a window is audited, not each one: a client looping
            # past its limit must not flood the audit log.
            await audit_refusal(org_id, key_id, "api_key.rate_limited", **request)
        raise TooManyRequests(
            "api_key.rate_limited",
            f"Too many requests with this API key; at most {settings.api_key_max_requests}"
            f" per {window} s",
            retry_after=window,
        )


async def authenticate(key: str, **request: Any) -> KeyPrincipal:
    """The principal of a request carrying ``Authorization: Bearer ck_...``.

    401 ``api_key.invalid`` (unknown), ``api_key.revoked``, ``api_key.expired``; 429
    ``api_key.rate_limited`` past the key's limit. Refusals of a known key are audited.
    """
    rows = await fetch(
        """SELECT k.id, k.org, k.account, k.scopes, k.expires_at, k.revoked_at,
                  k.last_used_at, a.email, now() AS now
           FROM api_keys k JOIN accounts a ON a.id = k.account
           WHERE k.key_hash = $1""",
        hash_token(key),
    )
    if not rows:
        raise Unauthorized("api_key.invalid", "Unknown API key")
    row = rows[0]
    if row["revoked_at"] is not None:
        await audit_refusal(row["org"], row["id"], "api_key.revoked", **request)
        raise Unauthorized("api_key.revoked", "This API key was revoked")
    if row["expires_at"] is not None and row["expires_at"] <= row["now"]:
        await audit_refusal(row["org"], row["id"], "api_key.expired", **request)
        raise Unauthorized("api_key.expired", "This API key has expired")
    await _check_rate(row["id"], row["org"], **request)
    last = row["last_used_at"]
    if last is None or row["now"] - last >= LAST_USED_PRECISION:
        await fetch(
            """UPDATE api_keys SET last_used_at = now() WHERE id = $1
               AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""",
            row["id"],
        )
    return KeyPrincipal(
        account_id=row["account"],
        email=row["email"],
        org_id=row["org"],
        role=KEY_ROLE,
        api_key_id=row["id"],
        scopes=frozenset(row["scopes"]),
    )
