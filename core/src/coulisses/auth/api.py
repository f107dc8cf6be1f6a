"""/api/v1/auth: thin controller over coulisses.auth.service."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.params import Body
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from coulisses.auth import service
from coulisses.auth.middleware import ACCESS_COOKIE, CSRF_COOKIE, REFRESH_COOKIE, AuthInfo
from coulisses.auth.schemas import (
    LoginIn,
    MeOut,
    PasswordChangeIn,
    ResetConfirmIn,
    ResetRequestIn,
    SessionOut,
    SignupIn,
    SwitchOrgIn,
    me_out,
)
from coulisses.errors import Unauthorized
from coulisses.settings import get_settings
from coulisses.web.openapi import RATE_LIMITED, errors

REFRESH_PATH = "/api/v1/auth"


def _cookies(session: service.Session) -> list[Cookie]:
    settings = get_settings()
    secure = not settings.is_dev
    return [
        Cookie(
            key=ACCESS_COOKIE,
            value=session.access_token,
            httponly=True,
            samesite="lax",
            secure=secure,
            path="/",
            max_age=settings.access_ttl_seconds,
        ),
        Cookie(
            key=REFRESH_COOKIE,
            value=session.refresh_token,
            httponly=True,
            samesite="lax",
            secure=secure,
            path=REFRESH_PATH,
            max_age=settings.refresh_ttl_seconds,
        ),
        Cookie(
            key=CSRF_COOKIE,
            value=session.csrf_token,
            httponly=False,
            samesite="lax",
            secure=secure,
            path="/",
            max_age=settings.refresh_ttl_seconds,
        ),
    ]


def _clear_cookies() -> list[Cookie]:
    return [
        Cookie(key=ACCESS_COOKIE, value="", path="/", max_age=0, expires=0),
        Cookie(key=REFRESH_COOKIE, value="", path=REFRESH_PATH, max_age=0, expires=0),
        Cookie(key=CSRF_COOKIE, value="", path="/", max_age=0, expires=0),
    ]


def session_response(session: service.Session, status: int = HTTP_200_OK) -> Response[SessionOut]:
    body = SessionOut(
        account_id=session.account_id,
        org_id=session.org_id,
        access_token=session.access_token,
        csrf_token=session.csrf_token,
    )
    return Response(body, status_code=status, cookies=_cookies(session))


def _client_ip(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


def _refresh_token(request: Request[Any, Any, Any]) -> str | None:
    """The refresh token: the cookie in browsers, the X-Refresh-Token header otherwise."""
    return request.cookies.get(REFRESH_COOKIE) or request.headers.get("x-refresh-token")


def _auth(request: Request[Any, Any, Any]) -> AuthInfo:
    info = request.scope.get("auth")
    if not isinstance(info, AuthInfo):
        raise Unauthorized("auth.unauthenticated", "Authentication required")
    return info


class AuthController(Controller):
    path = "/api/v1/auth"
    tags = ["auth"]

    @post(
        "/signup",
        operation_id="Signup",
        responses=errors(409),
        status_code=201,
        opt={"csrf_exempt": True},
    )
    async def signup(
        self, request: Request[Any, Any, Any], data: Annotated[SignupIn, Body()]
    ) -> Response[SessionOut]:
        session = await service.signup(
            data.email,
            data.password,
            data.org_name,
            data.first_name,
            data.last_name,
            ip=_client_ip(request),
            user_agent=request.headers.get("user-agent", ""),
        )
        return session_response(session, 201)

    @post(
        "/login",
        operation_id="Login",
        responses=errors(401),
        status_code=200,
        opt={"csrf_exempt": True, RATE_LIMITED: True},
    )
    async def login(
        self, request: Request[Any, Any, Any], data: Annotated[LoginIn, Body()]
    ) -> Response[SessionOut]:
        session = await service.login(
            data.email,
            data.password,
            _client_ip(request),
            request.headers.get("user-agent", ""),
        )
        return session_response(session)

    @post("/refresh", operation_id="RefreshSession", responses=errors(401), status_code=200)
    async def refresh(self, request: Request[Any, Any, Any]) -> Response[SessionOut]:
        token = _refresh_token(request)
        if not token:
            raise Unauthorized("auth.invalid_refresh", "No refresh token")
        return session_response(await service.refresh(token))

    @post("/logout", operation_id="Logout", status_code=204)
    async def logout(self, request: Request[Any, Any, Any]) -> Response[None]:
        info = request.scope.get("auth")
        session_id = info.session_id if isinstance(info, AuthInfo) else None
        await service.logout(_refresh_token(request), session_id)
        return Response(None, status_code=HTTP_204_NO_CONTENT, cookies=_clear_cookies())

    @get("/me", operation_id="GetMe", responses=errors(401))
    async def me(self, request: Request[Any, Any, Any]) -> MeOut:
        info = _auth(request)
        return me_out(await service.me(info.account_id, info.org_id), info.role)

    @post("/switch-org", operation_id="SwitchOrg", responses=errors(401, 404), status_code=200)
    async def switch_org(
        self, request: Request[Any, Any, Any], data: Annotated[SwitchOrgIn, Body()]
    ) -> Response[SessionOut]:
        info = _auth(request)
        session = await service.switch_org(info.account_id, data.org_id, _refresh_token(request))
        return session_response(session)

    @post(
        "/password",
        operation_id="ChangePassword",
        responses=errors(401),
        status_code=200,
        opt={RATE_LIMITED: True},
    )
    async def change_password(
        self, request: Request[Any, Any, Any], data: Annotated[PasswordChangeIn, Body()]
    ) -> Response[SessionOut]:
        info = _auth(request)
        session = await service.change_password(
            info.account_id, data.current_password, data.new_password, info.org_id
        )
        return session_response(session)

    @post(
        "/password-reset",
        operation_id="RequestPasswordReset",
        status_code=HTTP_202_ACCEPTED,
        opt={"csrf_exempt": True, RATE_LIMITED: True},
    )
    async def reset_request(
        self, request: Request[Any, Any, Any], data: Annotated[ResetRequestIn, Body()]
    ) -> dict[str, str]:
        await service.request_password_reset(data.email, _client_ip(request))
        return {"status": "sent_if_account_exists"}

    @post(
        "/password-reset/confirm",
        operation_id="ConfirmPasswordReset",
        status_code=200,
        opt={"csrf_exempt": True},
    )
    async def reset_confirm(self, data: Annotated[ResetConfirmIn, Body()]) -> dict[str, str]:
        await service.confirm_password_reset(data.token, data.new_password)
        return {"status": "password_changed"}
