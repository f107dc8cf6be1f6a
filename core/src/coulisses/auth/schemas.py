"""Request and response bodies of /api/v1/auth."""

from __future__ import annotations

from typing import Any

import msgspec


class Strict(msgspec.Struct, forbid_unknown_fields=True):
    """Base of every request body: unknown fields are a 400."""


class SignupIn(Strict):
    email: str
    password: str
    org_name: str
    first_name: str = ""
    last_name: str = ""


class LoginIn(Strict):
    email: str
    password: str


class SwitchOrgIn(Strict):
    org_id: int


class PasswordChangeIn(Strict):
    current_password: str
    new_password: str


class ResetRequestIn(Strict):
    email: str


class ResetConfirmIn(Strict):
    token: str
    new_password: str


class SessionOut(msgspec.Struct):
    account_id: int
    org_id: int | None
    access_token: str
    csrf_token: str
    token_type: str = "Bearer"


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
    )
