"""Authenticates every routed request (Bearer header or access cookie) and checks CSRF.

Sets ``scope["auth"]`` (an :class:`AuthInfo` or None) and ``scope["user"]`` (the
SDK ``Principal`` when the account is a member of its active org, else None).
The role is read from the database on each request, so a demotion or removal
takes effect at once rather than when the access token expires.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any

from litestar.connection import ASGIConnection
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Receive, Scope, Send

from coulisses.auth.tokens import decode_access_token
from coulisses.db.connection import fetch
from coulisses.errors import Forbidden
from coulisses_sdk import Principal

ACCESS_COOKIE = "cc_access"
REFRESH_COOKIE = "cc_refresh"
CSRF_COOKIE = "cc_csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@dataclass(frozen=True)
class AuthInfo:
    account_id: int
    email: str
    is_superuser: bool
    org_id: int | None
    role: str | None


def _cookies(scope: Scope) -> dict[str, str]:
    # Litestar's own parser, cached on the connection: the handlers read the very
    # same jar, and one foreign cookie the stdlib SimpleCookie rejects (a JSON
    # value, a space) does not hide ours.
    return ASGIConnection[Any, Any, Any, Any](scope).cookies


def _header(scope: Scope, wanted: bytes) -> str | None:
    for name, value in scope.get("headers", []):
        if name == wanted:
            return str(value.decode("latin-1"))
    return None


async def resolve(account_id: int, org_id: int | None) -> AuthInfo | None:
    rows = await fetch(
        """SELECT a.id, a.email, a.superuser, m.role
           FROM accounts a
           LEFT JOIN org_memberships m ON m.account = a.id AND m.org = $2
           WHERE a.id = $1 AND a.active""",
        account_id,
        org_id,
    )
    if not rows:
        return None
    row = rows[0]
    role = row["role"]
    return AuthInfo(
        account_id=row["id"],
        email=row["email"],
        is_superuser=row["superuser"],
        org_id=org_id if role else None,
        role=role,
    )


def check_csrf(scope: Scope, cookies: dict[str, str]) -> None:
    expected = cookies.get(CSRF_COOKIE)
    sent = _header(scope, CSRF_HEADER.encode())
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        raise Forbidden("auth.csrf", "Missing or wrong CSRF token (send the X-CSRF-Token header)")


def auth_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        scope["auth"] = None
        scope["user"] = None
        handler: Any = scope.get("route_handler")
        if handler is not None and handler.opt.get("skip_auth"):
            await app(scope, receive, send)  # health probes: no session, no database work
            return
        bearer = _header(scope, b"authorization")
        cookies = _cookies(scope)
        token: str | None = None
        if bearer and bearer.lower().startswith("bearer "):
            token = bearer[7:].strip()
        else:
            token = cookies.get(ACCESS_COOKIE)
            uses_cookies = ACCESS_COOKIE in cookies or REFRESH_COOKIE in cookies
            exempt = bool(handler and handler.opt.get("csrf_exempt"))
            if uses_cookies and scope.get("method") not in SAFE_METHODS and not exempt:
                check_csrf(scope, cookies)
        if token:
            claims = decode_access_token(token)
            if claims is not None:
                info = await resolve(claims["sub"], claims["org"])
                if info is not None:
                    scope["auth"] = info
                    if info.org_id is not None and info.role is not None:
                        scope["user"] = Principal(
                            account_id=info.account_id,
                            email=info.email,
                            org_id=info.org_id,
                            role=info.role,
                            is_superuser=info.is_superuser,
                        )
        await app(scope, receive, send)

    return middleware
