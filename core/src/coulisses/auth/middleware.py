"""Authenticates every routed request (Bearer header or access cookie) and checks CSRF.

Sets ``scope["auth"]`` (an :class:`AuthInfo` or None) and ``scope["user"]`` (the
SDK ``Principal`` when the account is a member of its active org, else None).
The role is read from the database on each request, so a demotion or removal
takes effect at once rather than when the access token expires; the same query
checks that the token's session (its refresh family, claim ``sid``) is still
open, so a logout or a password change/reset ends its access tokens at once.

An ``Authorization: Bearer ck_...`` header is an org API key instead
(:func:`coulisses.apikeys.service.authenticate`): ``scope["user"]`` is then a
``KeyPrincipal`` and ``scope["auth"]`` stays None (no session: the /auth routes
refuse it). A Bearer request carries no cookie session, hence no CSRF check.

The CSRF token of a cookie session is derived from the session id (see
``tokens.csrf_token``): a token of another session, even of the same account, is
refused. Without a valid access token (expired), the refresh cookie's family
names the session.
"""

from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass
from typing import Any

from litestar.connection import ASGIConnection
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Receive, Scope, Send

from coulisses.apikeys.service import authenticate as authenticate_key
from coulisses.apikeys.service import looks_like_key
from coulisses.auth.tokens import check_csrf_token, decode_access_token, hash_token
from coulisses.db.connection import fetch
from coulisses.errors import Forbidden
from coulisses_sdk import Principal

ACCESS_COOKIE = "cc_access"
REFRESH_COOKIE = "cc_refresh"
CSRF_COOKIE = "cc_csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
#: ``opt`` key of the routes a session limited to MFA enrolment may still call.
MFA_ENROLMENT_OK = "mfa_enrolment_ok"


@dataclass(frozen=True)
class AuthInfo:
    account_id: int
    email: str
    is_superuser: bool
    org_id: int | None
    role: str | None
    #: The session (refresh family) of the access token.
    session_id: uuid.UUID | None = None
    #: The org's users linked to this account (their own data is never hidden from
    #: them: coulisses.privacy).
    user_ids: tuple[int, ...] = ()
    #: The org requires MFA of this role and the account has none: the session reaches
    #: only the routes marked ``MFA_ENROLMENT_OK`` (coulisses.auth.mfa).
    mfa_enrolment_required: bool = False


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


async def resolve(account_id: int, org_id: int | None, session_id: uuid.UUID) -> AuthInfo | None:
    """The account, its role and its users in ``org_id``, if it is active and the session
    still open (one statement: every request runs it)."""
    rows = await fetch(
        """SELECT a.id, a.email, a.superuser, m.role,
                  ARRAY(SELECT u.id FROM users u
                        WHERE u.org = m.org AND u.account = a.id) AS user_ids,
                  (m.role IN ('owner', 'admin') AND o.mfa_required_for_admins
                   AND NOT EXISTS (SELECT 1 FROM mfa_totp t
                                   WHERE t.account = a.id AND t.confirmed_at IS NOT NULL))
                  AS mfa_pending
           FROM accounts a
           LEFT JOIN org_memberships m ON m.account = a.id AND m.org = $2
           LEFT JOIN orgs o ON o.id = m.org
           WHERE a.id = $1 AND a.active
             AND EXISTS (SELECT 1 FROM refresh_tokens r
                         WHERE r.family = $3 AND r.account = a.id AND NOT r.revoked)""",
        account_id,
        org_id,
        session_id,
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
        session_id=session_id,
        user_ids=tuple(row["user_ids"]) if role else (),
        mfa_enrolment_required=bool(row["mfa_pending"]),
    )


async def _refresh_family(refresh_token: str) -> uuid.UUID | None:
    rows = await fetch(
        "SELECT family FROM refresh_tokens WHERE token_hash = $1", hash_token(refresh_token)
    )
    return rows[0]["family"] if rows else None


async def check_csrf(scope: Scope, cookies: dict[str, str], session_id: uuid.UUID | None) -> None:
    """The X-CSRF-Token header must be the token of this request's session.

    ``session_id`` comes from a valid access token, else from the refresh cookie's
    family. With neither, the request carries no session to protect and the plain
    double-submit check (header equal to the cookie) applies.
    """
    sent = _header(scope, CSRF_HEADER.encode())
    refresh = cookies.get(REFRESH_COOKIE)
    if session_id is None and refresh:
        session_id = await _refresh_family(refresh)
    if session_id is not None:
        ok = bool(sent) and check_csrf_token(session_id, str(sent))
    else:
        expected = cookies.get(CSRF_COOKIE)
        ok = bool(expected and sent and hmac.compare_digest(expected.encode(), sent.encode()))
    if not ok:
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
        from_cookie = not (bearer and bearer.lower().startswith("bearer "))
        token = cookies.get(ACCESS_COOKIE) if from_cookie or not bearer else bearer[7:].strip()
        if not from_cookie and token and looks_like_key(token):
            scope["user"] = await authenticate_key(
                token, method=scope.get("method"), path=scope.get("path")
            )
            await app(scope, receive, send)
            return
        claims = decode_access_token(token) if token else None
        if from_cookie:
            uses_cookies = ACCESS_COOKIE in cookies or REFRESH_COOKIE in cookies
            exempt = bool(handler and handler.opt.get("csrf_exempt"))
            if uses_cookies and scope.get("method") not in SAFE_METHODS and not exempt:
                await check_csrf(scope, cookies, claims["sid"] if claims else None)
        info = await resolve(claims["sub"], claims["org"], claims["sid"]) if claims else None
        if info is not None:
            if (
                info.mfa_enrolment_required
                and str(scope.get("path", "")).startswith("/api/")
                and not (handler is not None and handler.opt.get(MFA_ENROLMENT_OK))
            ):
                raise Forbidden(
                    "auth.mfa_enrolment_required",
                    "Your org requires two-step sign-in for its owners and admins: turn it on"
                    " in your account's security settings first",
                )
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
