"""Bodies of /api/v1/orgs/current."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec

from coulisses.auth.schemas import Strict
from coulisses.web.openapi import rule
from coulisses_sdk import Page

#: validated by the service (422 ``validation.role``); documented as the closed list.
Role = Annotated[str, rule(enum=["owner", "admin", "manager", "tech"])]


class OrgOut(msgspec.Struct):
    id: int
    name: str
    slug: str
    timezone: str
    locale: str
    mfa_required_for_admins: Annotated[
        bool,
        msgspec.Meta(
            description="Owners and admins must use a second factor (TOTP): without one,"
            " their session only reaches the enrolment routes (docs/api.md)."
        ),
    ] = False
    swaps_require_approval: Annotated[
        bool,
        msgspec.Meta(
            description="A swap or handover between crew waits for a manager's approval"
            " once the colleague accepted (docs/scheduling.md)."
        ),
    ] = True


class OrgUpdate(Strict):
    name: Annotated[str, rule(min_length=1, max_length=200)] | None = None
    timezone: (
        Annotated[str, rule(min_length=1, max_length=64, description="IANA timezone")] | None
    ) = None
    locale: Annotated[str, rule(min_length=2, max_length=16)] | None = None
    mfa_required_for_admins: bool | None = None
    swaps_require_approval: bool | None = None


class MemberOut(msgspec.Struct):
    account_id: int
    email: Annotated[
        str | None,
        msgspec.Meta(
            description="Private: null for a caller without private_data.read, except"
            " on their own membership."
        ),
    ]
    first_name: str | None
    last_name: str | None
    role: str
    joined_at: dt.datetime


class MemberInvite(Strict):
    email: Annotated[str, rule(max_length=320, format="email")]
    role: Role


class MemberUpdate(Strict):
    role: Role


class MemberPage(Page[MemberOut]):
    """The list envelope of members."""

    items: list[MemberOut]
