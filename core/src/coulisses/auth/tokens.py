"""Access JWTs, opaque token generation and hashing."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

import jwt

from coulisses.settings import get_settings

ALGORITHM = "HS256"


def new_opaque_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_access_token(account_id: int, org_id: int | None) -> str:
    settings = get_settings()
    now = dt.datetime.now(dt.UTC)
    claims: dict[str, Any] = {
        "sub": str(account_id),
        "org": org_id,
        "iat": now,
        "exp": now + dt.timedelta(seconds=settings.access_ttl_seconds),
        "typ": "access",
    }
    return jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM)


def decode_access_token(token: str) -> dict[str, Any] | None:
    """Claims of a valid, unexpired access token (``sub`` as an int), else None."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token, get_settings().secret_key, algorithms=[ALGORITHM], options={"require": ["exp"]}
        )
    except jwt.PyJWTError:
        return None
    if claims.get("typ") != "access":
        return None
    try:
        # Typed here so that a well-signed but odd token can never reach SQL.
        account_id = int(claims["sub"])
        org_id = claims.get("org")
        if org_id is not None and (isinstance(org_id, bool) or not isinstance(org_id, int)):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    if not 0 < account_id < 2**31 or (org_id is not None and not 0 < org_id < 2**31):
        return None
    return {**claims, "sub": account_id, "org": org_id}
