"""Request and response bodies of /api/v1/auth."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import msgspec
from litestar.openapi.spec import OpenAPIType, Schema

from coulisses.auth.rbac import ACTIONS, actions_for
from coulisses_sdk import Page


class Strict(msgspec.Struct, forbid_unknown_fields=True):
    """Base of every request body: unknown fields are a 400."""


#: Bounds checked at decoding (400 request.validation with details); the rules
#: of the domain (email syntax, password strength) are checked by the service.
Email = Annotated[str, msgspec.Meta(max_length=320)]
Password = Annotated[str, msgspec.Meta(max_length=1024)]
Name = Annotated[str, msgspec.Meta(max_length=255)]
OrgName = Annotated[str, msgspec.Meta(max_length=200)]
Token = Annotated[str, msgspec.Meta(max_length=256)]
Id = Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]


class SignupIn(Strict):
    email: Email
    password: Password
    org_name: OrgName
    first_name: Name = ""
    last_name: Name = ""


class LoginIn(Strict):
    email: Email
    password: Password


class SwitchOrgIn(Strict):
    org_id: Id


class PasswordChangeIn(Strict):
    current_password: Password
    new_password: Password


class ResetRequestIn(Strict):
    email: Email


class ResetConfirmIn(Strict):
    token: Token
    new_password: Password


class SessionOut(msgspec.Struct):
    account_id: int
    org_id: int | None
    access_token: str
    csrf_token: str
    token_type: str = "Bearer"
    #: tells a login's session from its MFA challenge (:class:`MfaChallengeOut`)
    status: Literal["session"] = "session"


class MfaChallengeOut(msgspec.Struct):
    """A right password for an account with MFA on: no session yet; send ``challenge``
    with a code to POST /api/v1/auth/login/mfa within ``expires_in`` seconds."""

    challenge: str
    expires_in: int
    status: Literal["mfa_required"] = "mfa_required"


Code = Annotated[str, msgspec.Meta(max_length=64)]


class LoginMfaIn(Strict):
    challenge: Annotated[str, msgspec.Meta(max_length=1024)]
    code: Annotated[
        str,
        msgspec.Meta(
            max_length=64,
            description="The 6 digits of the authenticator app, or one recovery code",
        ),
    ]
    trust_device: Annotated[
        bool,
        msgspec.Meta(description="Skip the second step on this browser for 30 days"),
    ] = False


class MfaCodeIn(Strict):
    code: Code


class MfaDisableIn(Strict):
    password: Password
    code: Code


class MfaStatusOut(msgspec.Struct):
    enabled: bool
    pending: Annotated[bool, msgspec.Meta(description="An enrolment waits for its first code")]
    confirmed_at: dt.datetime | None
    recovery_codes_left: int
    required: Annotated[
        bool,
        msgspec.Meta(description="The active org's policy requires MFA of this account's role"),
    ]


class MfaEnrolmentOut(msgspec.Struct):
    """Shown once: the secret as a manual key, its otpauth:// URI and that URI's QR code."""

    secret: str
    otpauth_uri: str
    qr_svg_data_uri: str


class RecoveryCodesOut(msgspec.Struct):
    """Shown once: each code opens one sign-in in place of the app's code."""

    recovery_codes: list[str]


class TrustedDeviceOut(msgspec.Struct):
    id: int
    browser: str
    created_at: dt.datetime
    last_used_at: dt.datetime
    expires_at: dt.datetime
    current: Annotated[bool, msgspec.Meta(description="The browser of this request")]


class TrustedDevicePage(Page[TrustedDeviceOut]):
    """The list envelope of trusted devices."""

    items: list[TrustedDeviceOut]


class OrgMembershipOut(msgspec.Struct):
    id: int
    name: str
    slug: str
    timezone: str
    locale: str
    role: str


class AccountOut(msgspec.Struct):
    id: int
    email: str
    first_name: str | None
    last_name: str | None
    is_superuser: bool


class MeOut(msgspec.Struct):
    account: AccountOut
    orgs: list[OrgMembershipOut]
    active_org_id: int | None
    role: str | None
    mfa_enabled: bool
    mfa_enrolment_required: Annotated[
        bool,
        msgspec.Meta(
            description="The active org requires MFA of this role and the account has none:"
            " every other route answers 403 auth.mfa_enrolment_required until it enrols."
        ),
    ]
    actions: Annotated[
        list[str],
        msgspec.Meta(
            description="What the role may do in the active org (empty without one): the"
            " actions the route guards check, so a client shows only what will be allowed"
            " (docs/rbac.md).",
            examples=[actions_for("tech")],
            # the closed list of coulisses.auth.rbac.ACTIONS (a generated client types it)
            extra_json_schema={
                "extra": {"items": Schema(type=OpenAPIType.STRING, enum=sorted(ACTIONS))}
            },
        ),
    ]


def me_out(data: dict[str, Any], role: str | None) -> MeOut:
    a = data["account"]
    return MeOut(
        account=AccountOut(
            id=a["id"],
            email=a["email"],
            first_name=a["first_name"],
            last_name=a["last_name"],
            is_superuser=a["superuser"],
        ),
        orgs=[OrgMembershipOut(**o) for o in data["orgs"]],
        active_org_id=data["active_org_id"],
        role=role,
        mfa_enabled=bool(data["mfa_enabled"]),
        mfa_enrolment_required=bool(data["mfa_enrolment_required"]),
        actions=actions_for(role),
    )
