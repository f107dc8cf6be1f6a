"""Bodies of /api/v1/orgs/current."""

from __future__ import annotations

import datetime as dt

import msgspec

from coulisses.auth.schemas import Strict


class OrgOut(msgspec.Struct):
    id: int
    name: str
    slug: str
    timezone: str
    locale: str


class OrgUpdate(Strict):
    name: str | None = None
    timezone: str | None = None
    locale: str | None = None


class MemberOut(msgspec.Struct):
    account_id: int
    email: str
    first_name: str | None
    last_name: str | None
    role: str
    joined_at: dt.datetime


class MemberInvite(Strict):
    email: str
    role: str


class MemberUpdate(Strict):
    role: str
