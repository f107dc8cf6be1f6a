"""Request and response bodies of /api/v1/rates (never table rows)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from msgspec import UNSET, UnsetType

from coulisses.auth.schemas import Strict
from coulisses.web.openapi import rule
from coulisses_sdk import Page

RateKind = Literal["hourly", "cachet", "per_mission"]
RateTarget = Literal["mission", "user", "role"]

#: A row id (int4); bounds checked at decoding.
Id = Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]
#: Bounds checked at decoding; the rules (amount, currency, names) by the service.
Cents = Annotated[
    int,
    msgspec.Meta(description="amount in integer cents (minor units)"),
    rule(minimum=0, maximum=1_000_000_000),
]
Currency = Annotated[
    str,
    msgspec.Meta(max_length=8, description="ISO 4217 code, e.g. EUR"),
    rule(pattern="^[A-Z]{3}$"),
]
RoleName = Annotated[str, msgspec.Meta(max_length=200), rule(min_length=1, max_length=100)]
Label = Annotated[str, msgspec.Meta(max_length=400), rule(max_length=200)]


class RateCreate(Strict):
    """Attach the rate to exactly one of ``user_id``, ``role_name`` or ``mission_id``."""

    kind: RateKind
    amount_cents: Cents
    currency: Currency = "EUR"
    user_id: Id | None = None
    role_name: RoleName | None = None
    mission_id: Id | None = None
    label: Label = ""


class RateUpdate(Strict):
    """What a rate is attached to does not change: delete it and create another."""

    kind: RateKind | UnsetType = UNSET
    amount_cents: Cents | UnsetType = UNSET
    currency: Currency | UnsetType = UNSET
    label: Label | UnsetType = UNSET


class RateOut(msgspec.Struct):
    id: int
    kind: str
    amount_cents: int
    currency: str
    target: str
    user_id: int | None
    role_name: str | None
    mission_id: int | None
    label: str
    created_at: dt.datetime
    updated_at: dt.datetime


class RateResolution(msgspec.Struct):
    """The rate that applies (``null`` when none does) and the level it was found at."""

    rate: RateOut | None
    source: RateTarget | None


class RatePage(Page[RateOut]):
    """The list envelope of rates."""

    items: list[RateOut]
