"""Access JWTs, signed payloads, session-bound CSRF tokens, opaque token generation and hashing.

Keys come from the settings: ``secret_key`` signs, every key of
``verification_keys`` (current first, then ``COULISSES_OLD_SECRET_KEYS``) still
verifies, so a rotation logs nobody out and breaks no link while the old key
stays listed. A JWT names its key in the ``kid`` header (a fingerprint, not the
key); a signed payload is checked against each key in turn.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
import uuid
from typing import Any

import jwt

from coulisses.settings import get_settings

ALGORITHM = "HS256"
CSRF_PURPOSE = "auth.csrf"


def new_opaque_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def key_id(key: str) -> str:
    """Public fingerprint of a key, carried as the JWT ``kid`` (reveals nothing of the key)."""
    return hashlib.sha256(b"coulisses-kid:" + key.encode()).hexdigest()[:16]


def _keys_by_id() -> dict[str, str]:
    return {key_id(k): k for k in reversed(get_settings().verification_keys)}


def issue_access_token(account_id: int, org_id: int | None, session_id: uuid.UUID) -> str:
    """A short-lived JWT; ``sid`` is the refresh family, so ending the session ends it."""
    settings = get_settings()
    now = dt.datetime.now(dt.UTC)
    claims: dict[str, Any] = {
        "sub": str(account_id),
        "org": org_id,
        "sid": str(session_id),
        "iat": now,
        "exp": now + dt.timedelta(seconds=settings.access_ttl_seconds),
        "typ": "access",
    }
    return jwt.encode(
        claims,
        settings.secret_key,
        algorithm=ALGORITHM,
        headers={"kid": key_id(settings.secret_key)},
    )


def decode_access_token(token: str) -> dict[str, Any] | None:
    """Claims of a valid, unexpired access token (``sub`` int, ``sid`` UUID), else None."""
    try:
        kid = jwt.get_unverified_header(token).get("kid")
        key = _keys_by_id().get(kid) if isinstance(kid, str) else None
        if key is None:
            return None
        claims: dict[str, Any] = jwt.decode(
            token, key, algorithms=[ALGORITHM], options={"require": ["exp", "sid"]}
        )
    except jwt.PyJWTError:
        return None
    if claims.get("typ") != "access":
        return None
    try:
        # Typed here so that a well-signed but odd token can never reach SQL.
        account_id = int(claims["sub"])
        session_id = uuid.UUID(str(claims["sid"]))
        org_id = claims.get("org")
        if org_id is not None and (isinstance(org_id, bool) or not isinstance(org_id, int)):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    if not 0 < account_id < 2**31 or (org_id is not None and not 0 < org_id < 2**31):
        return None
    return {**claims, "sub": account_id, "org": org_id, "sid": session_id}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(key: str, purpose: str, body: str) -> str:
    # ``purpose:body`` always holds a colon, a JWT signing input never does: the two
    # uses of one key cannot be confused.
    return _b64(hmac.new(key.encode(), f"{purpose}:{body}".encode(), hashlib.sha256).digest())


def sign(purpose: str, payload: dict[str, Any]) -> str:
    """``payload`` (JSON values) signed for ``purpose`` with the current key: ``body.mac``."""
    if not purpose or ":" in purpose:
        raise ValueError("purpose must be a non-empty string without ':'")
    body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())
    return f"{body}.{_mac(get_settings().secret_key, purpose, body)}"


def unsign(purpose: str, token: str) -> dict[str, Any] | None:
    """The payload of a token :func:`sign` made for ``purpose`` with any listed key, else None."""
    if not purpose or ":" in purpose or not isinstance(token, str):
        return None
    body, _, mac = token.partition(".")
    if not body or not mac:
        return None
    if not any(
        hmac.compare_digest(mac.encode(), _mac(k, purpose, body).encode())
        for k in get_settings().verification_keys
    ):
        return None
    try:
        payload = json.loads(_unb64(body))
    except (ValueError, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) else None


def csrf_token(session_id: uuid.UUID, key: str | None = None) -> str:
    """The CSRF token of a session: stable across refresh rotations, useless in another."""
    return _mac(key or get_settings().secret_key, CSRF_PURPOSE, str(session_id))


def check_csrf_token(session_id: uuid.UUID, sent: str) -> bool:
    """Whether ``sent`` is the CSRF token of ``session_id`` under any listed key."""
    return any(
        hmac.compare_digest(sent.encode(), csrf_token(session_id, k).encode())
        for k in get_settings().verification_keys
    )
