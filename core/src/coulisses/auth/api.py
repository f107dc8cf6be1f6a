"""/api/v1/auth: thin controller over coulisses.auth.service."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, post
from litestar.datastructures import Cookie
from litestar.params import Body, FromPath
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from coulisses.auth import mfa, service
from coulisses.auth.middleware import (
    ACCESS_COOKIE,
    CSRF_COOKIE,
    MFA_ENROLMENT_OK,
    REFRESH_COOKIE,
    AuthInfo,
)
from coulisses.auth.schemas import (
    LoginIn,
    LoginMfaIn,
    MeOut,
    MfaChallengeOut,
    MfaCodeIn,
    MfaDisableIn,
    MfaEnrolmentOut,
    MfaStatusOut,
    PasswordChangeIn,
    RecoveryCodesOut,
    ResetConfirmIn,
    ResetRequestIn,
    SessionOut,
    SignupIn,
    SwitchOrgIn,
    TrustedDeviceOut,
    TrustedDevicePage,
    me_out,
)
from coulisses.errors import Unauthorized
from coulisses.settings import get_settings
from coulisses.web.openapi import RATE_LIMITED, errors
from coulisses_sdk import ListParams

REFRESH_PATH = "/api/v1/auth"
#: The signed cookie of a browser trusted for the second step (sent to /api/v1/auth only:
#: the login reads it, the device list marks the current one).
TRUST_COOKIE = "cc_mfa_trust"
#: Routes a session limited to MFA enrolment still reaches (coulisses.auth.middleware).
ENROLMENT_OK = {MFA_ENROLMENT_OK: True}


def _cookies(session: service.Session) -> list[Cookie]:
    settings = get_settings()
    secure = not settings.is_dev
    cookies = [
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
    if session.trusted_device:
        cookies.append(
            Cookie(
                key=TRUST_COOKIE,
                value=session.trusted_device,
                httponly=True,
                samesite="lax",
                secure=secure,
                path=REFRESH_PATH,
                max_age=mfa.TRUST_DAYS * 86400,
            )
        )
    return cookies


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
        opt={"csrf_exempt": True, **ENROLMENT_OK},
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
        opt={"csrf_exempt": True, RATE_LIMITED: True, **ENROLMENT_OK},
    )
    async def login(
        self, request: Request[Any, Any, Any], data: Annotated[LoginIn, Body()]
    ) -> Response[SessionOut | MfaChallengeOut]:
        """A session, or ``status: mfa_required`` with a challenge when the account has
        MFA on and this browser is not trusted (then POST /login/mfa)."""
        result = await service.login(
            data.email,
            data.password,
            _client_ip(request),
            request.headers.get("user-agent", ""),
            trusted_device=request.cookies.get(TRUST_COOKIE),
        )
        if isinstance(result, service.MfaChallenge):
            return Response(
                MfaChallengeOut(challenge=result.challenge, expires_in=result.expires_in),
                status_code=HTTP_200_OK,
            )
        return session_response(result)  # type: ignore[return-value]

    @post(
        "/login/mfa",
        operation_id="LoginMfa",
        responses=errors(401),
        status_code=200,
        opt={"csrf_exempt": True, RATE_LIMITED: True, **ENROLMENT_OK},
    )
    async def login_mfa(
        self, request: Request[Any, Any, Any], data: Annotated[LoginMfaIn, Body()]
    ) -> Response[SessionOut]:
        """The second step: the challenge of /login and a TOTP or recovery code; 429
        ``auth.mfa_locked`` after repeated wrong codes."""
        session = await service.login_mfa(
            data.challenge,
            data.code,
            _client_ip(request),
            request.headers.get("user-agent", ""),
            trust_device=data.trust_device,
        )
        return session_response(session)

    @post(
        "/refresh",
        operation_id="RefreshSession",
        responses=errors(401),
        status_code=200,
        opt=ENROLMENT_OK,
    )
    async def refresh(self, request: Request[Any, Any, Any]) -> Response[SessionOut]:
        token = _refresh_token(request)
        if not token:
            raise Unauthorized("auth.invalid_refresh", "No refresh token")
        return session_response(await service.refresh(token))

    @post("/logout", operation_id="Logout", status_code=204, opt=ENROLMENT_OK)
    async def logout(self, request: Request[Any, Any, Any]) -> Response[None]:
        info = request.scope.get("auth")
        session_id = info.session_id if isinstance(info, AuthInfo) else None
        await service.logout(_refresh_token(request), session_id)
        return Response(None, status_code=HTTP_204_NO_CONTENT, cookies=_clear_cookies())

    @get("/me", operation_id="GetMe", responses=errors(401), opt=ENROLMENT_OK)
    async def me(self, request: Request[Any, Any, Any]) -> MeOut:
        info = _auth(request)
        return me_out(await service.me(info.account_id, info.org_id), info.role)

    @post(
        "/switch-org",
        operation_id="SwitchOrg",
        responses=errors(401, 404),
        status_code=200,
        opt=ENROLMENT_OK,
    )
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
        opt={RATE_LIMITED: True, **ENROLMENT_OK},
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
        opt={"csrf_exempt": True, RATE_LIMITED: True, **ENROLMENT_OK},
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
        opt={"csrf_exempt": True, **ENROLMENT_OK},
    )
    async def reset_confirm(self, data: Annotated[ResetConfirmIn, Body()]) -> dict[str, str]:
        await service.confirm_password_reset(data.token, data.new_password)
        return {"status": "password_changed"}


class MfaController(Controller):
    """/api/v1/auth/mfa: the signed-in account's second factor (coulisses.auth.mfa)."""

    path = "/api/v1/auth/mfa"
    tags = ["auth"]

    @get("/", operation_id="GetMfaStatus", responses=errors(401), opt=ENROLMENT_OK)
    async def get_status(self, request: Request[Any, Any, Any]) -> MfaStatusOut:
        info = _auth(request)
        state = await mfa.status(info.account_id)
        return MfaStatusOut(
            enabled=state.enabled,
            pending=state.pending,
            confirmed_at=state.confirmed_at,
            recovery_codes_left=state.recovery_codes_left,
            required=info.role in mfa.POLICY_ROLES and await _org_requires(info),
        )

    @post(
        "/enrolment",
        operation_id="StartMfaEnrolment",
        responses=errors(401, 409),
        status_code=200,
        opt=ENROLMENT_OK,
    )
    async def start(self, request: Request[Any, Any, Any]) -> MfaEnrolmentOut:
        """A new secret to scan (QR code) or type (manual key); MFA is on only once
        ConfirmMfaEnrolment gets a first valid code."""
        enrolment = await mfa.start_enrolment(_auth(request).account_id)
        return MfaEnrolmentOut(
            secret=enrolment.secret,
            otpauth_uri=enrolment.otpauth_uri,
            qr_svg_data_uri=enrolment.qr_svg_data_uri,
        )

    @post(
        "/enrolment/confirm",
        operation_id="ConfirmMfaEnrolment",
        responses=errors(401, 409),
        status_code=200,
        opt={RATE_LIMITED: True, **ENROLMENT_OK},
    )
    async def confirm(
        self, request: Request[Any, Any, Any], data: Annotated[MfaCodeIn, Body()]
    ) -> RecoveryCodesOut:
        codes = await mfa.confirm_enrolment(_auth(request).account_id, data.code)
        return RecoveryCodesOut(recovery_codes=codes)

    @post(
        "/recovery-codes",
        operation_id="RegenerateRecoveryCodes",
        responses=errors(401, 409),
        status_code=200,
        opt={RATE_LIMITED: True},
    )
    async def regenerate(
        self, request: Request[Any, Any, Any], data: Annotated[MfaCodeIn, Body()]
    ) -> RecoveryCodesOut:
        """New recovery codes against a code of the app; the old ones stop working."""
        codes = await mfa.regenerate_recovery_codes(_auth(request).account_id, data.code)
        return RecoveryCodesOut(recovery_codes=codes)

    @post(
        "/disable",
        operation_id="DisableMfa",
        responses=errors(401, 409),
        status_code=HTTP_204_NO_CONTENT,
        opt={RATE_LIMITED: True},
    )
    async def disable(
        self, request: Request[Any, Any, Any], data: Annotated[MfaDisableIn, Body()]
    ) -> None:
        """Turn MFA off: the password and a current code; trusted devices are forgotten."""
        await service.disable_mfa(_auth(request).account_id, data.password, data.code)

    @get(
        "/devices",
        operation_id="ListTrustedDevices",
        responses=errors(401),
        dependencies={"listing": mfa.DEVICES.dependency()},
    )
    async def devices(
        self, request: Request[Any, Any, Any], listing: ListParams
    ) -> TrustedDevicePage:
        """The browsers that skip the second step (``current``: this one)."""
        rows, total = await mfa.list_devices(
            _auth(request).account_id, request.cookies.get(TRUST_COOKIE), listing
        )
        return listing.page_of(TrustedDevicePage, [TrustedDeviceOut(**r) for r in rows], total)

    @delete(
        "/devices/{device_id:int}",
        operation_id="RevokeTrustedDevice",
        responses=errors(401, 404),
        status_code=HTTP_204_NO_CONTENT,
    )
    async def revoke(self, request: Request[Any, Any, Any], device_id: FromPath[int]) -> None:
        await mfa.revoke_device(_auth(request).account_id, device_id)


async def _org_requires(info: AuthInfo) -> bool:
    if info.org_id is None:
        return False
    from coulisses.tenancy.service import get_org

    return (await get_org(info.org_id)).mfa_required_for_admins
