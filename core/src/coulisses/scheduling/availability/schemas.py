"""Request and response bodies of /api/v1/availability (never table rows)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from msgspec import UNSET, UnsetType

from coulisses.auth.schemas import Strict
from coulisses.web.openapi import rule
from coulisses_sdk import Page

AvailabilityKind = Literal["available", "unavailable"]
AvailabilityStatus = Literal["REQUESTED", "APPROVED", "REFUSED"]

#: A row id (int4); bounds checked at decoding.
Id = Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]
#: Bounds checked at decoding; the rules (RRULE syntax, times) are checked by the service.
RuleText = Annotated[str, msgspec.Meta(max_length=500)]
Note = Annotated[str, msgspec.Meta(max_length=2000)]
LocalTime = Annotated[
    str,
    msgspec.Meta(max_length=8, description="local time HH:MM"),
    rule(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
]
Minutes = Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]


class AvailabilityCreate(Strict):
    """A one-off window (``starts_at``/``ends_at``) or a recurring one (``rrule``,
    ``start_date``, ``start_time``, ``duration_minutes``, in the org timezone)."""

    user_id: Id
    kind: AvailabilityKind
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    rrule: RuleText | None = None
    start_date: dt.date | None = None
    start_time: LocalTime | None = None
    duration_minutes: Minutes | None = None
    note: Note = ""
    #: an absence type of the org (``GET /absence-types``), only on an ``unavailable`` window
    absence_type_id: Id | None = None


class AvailabilityUpdate(Strict):
    """``null`` clears a field: send ``rrule: null`` with ``starts_at``/``ends_at`` to turn a
    recurring window into a one-off (and the reverse)."""

    kind: AvailabilityKind | UnsetType = UNSET
    starts_at: dt.datetime | UnsetType | None = UNSET
    ends_at: dt.datetime | UnsetType | None = UNSET
    rrule: RuleText | UnsetType | None = UNSET
    start_date: dt.date | UnsetType | None = UNSET
    start_time: LocalTime | UnsetType | None = UNSET
    duration_minutes: Minutes | UnsetType | None = UNSET
    note: Note | UnsetType = UNSET
    absence_type_id: Id | UnsetType | None = UNSET


class AvailabilityDecision(Strict):
    reason: Note | None = None


_PRIVATE = "Private: null for a caller without private_data.read, except on their own windows."


class AvailabilityOut(msgspec.Struct):
    """A window. For a recurring one, ``starts_at``/``ends_at`` span its whole series."""

    id: int
    user_id: int
    kind: str
    status: str
    recurring: bool
    starts_at: dt.datetime
    ends_at: dt.datetime
    rrule: str | None
    start_date: dt.date | None
    start_time: str | None
    duration_minutes: int | None
    note: Annotated[str | None, msgspec.Meta(description=_PRIVATE)]
    absence_type_id: Annotated[int | None, msgspec.Meta(description=_PRIVATE)]
    requested_by: int | None
    decided_by: int | None
    decided_at: dt.datetime | None
    decision_reason: Annotated[str | None, msgspec.Meta(description=_PRIVATE)]
    created_at: dt.datetime
    updated_at: dt.datetime


class AvailabilityOccurrence(msgspec.Struct):
    """One occurrence of a window, in the org timezone."""

    window_id: int
    user_id: int
    kind: str
    status: str
    recurring: bool
    starts_at: dt.datetime
    ends_at: dt.datetime
    #: the absence type (conges, maladie...) of an unavailable window; private like its note
    absence_type_id: Annotated[int | None, msgspec.Meta(description=_PRIVATE)] = None


class AvailabilityPage(Page[AvailabilityOut]):
    """The list envelope of availability windows."""

    items: list[AvailabilityOut]


class AvailabilityOccurrencePage(Page[AvailabilityOccurrence]):
    """The list envelope of availability occurrences."""

    items: list[AvailabilityOccurrence]
