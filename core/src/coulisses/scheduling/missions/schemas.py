"""Missions: schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
from msgspec import UNSET, UnsetType

from coulisses.auth.schemas import Strict
from coulisses.scheduling.common import (
    HourMinute,
    Label100,
    MissionBatchAction,
    Place,
    Quota,
    RowId,
    Title,
)
from coulisses.web.openapi import rule


class MissionRoleIn(Strict):
    name: Label100
    quota: Quota
    required_skills: list[str] = []


class MissionRoleUpdate(Strict):
    name: Label100 | UnsetType = UNSET
    quota: Quota | UnsetType = UNSET
    required_skills: list[str] | UnsetType = UNSET


class MissionRoleOut(msgspec.Struct):
    id: int
    name: str
    quota: int
    required_skills: list[str]
    invited: int
    accepted: int


#: ``place_id``: the mission's place (its timezone is the one of the mission's local
#: times); ``place``: the former free text, still accepted instead: the org's place of
#: that name (without case), created in the org's timezone when there is none.
PlaceId = Annotated[
    RowId, msgspec.Meta(description="the place of the mission (GET /api/v1/places)")
]
PlaceName = Annotated[
    Place,
    msgspec.Meta(
        description="deprecated, give place_id: the name of a place of the org (created"
        " in the org's timezone if none has it); empty for no place"
    ),
]


class MissionCreate(Strict):
    """``starts_at``/``ends_at`` carry an offset; the mission's day (project dates, per-day
    rules) is the local day of its place's timezone. ``place_id`` or ``place``, not both."""

    project_id: RowId
    title: Title
    starts_at: dt.datetime
    ends_at: dt.datetime
    place_id: PlaceId | None = None
    place: PlaceName = ""
    notes: str = ""
    allow_long: bool = False
    roles: list[MissionRoleIn] = []


class MissionUpdate(Strict):
    """Changed fields only; ``place_id: null`` (or ``place: ""``) removes the place. A new
    place keeps the mission's instants (its local times follow the new timezone)."""

    title: Title | UnsetType = UNSET
    place_id: PlaceId | UnsetType | None = UNSET
    place: PlaceName | UnsetType = UNSET
    notes: str | UnsetType = UNSET
    starts_at: dt.datetime | UnsetType = UNSET
    ends_at: dt.datetime | UnsetType = UNSET
    allow_long: bool | UnsetType = UNSET


class MissionOut(msgspec.Struct):
    id: int
    project_id: int
    title: str
    place_id: int | None
    #: the place's name, empty without a place
    place: str
    #: IANA timezone of the mission's local times: its place's, else the org's
    timezone: str
    notes: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    #: ``starts_at``/``ends_at`` with the offset of ``timezone`` (the place's local time)
    local_starts_at: dt.datetime
    local_ends_at: dt.datetime
    allow_long: bool
    status: str
    roles: list[MissionRoleOut]
    created_at: dt.datetime
    updated_at: dt.datetime


class MissionPage(msgspec.Struct):
    items: list[MissionOut]
    page: int
    page_size: int
    total: int


class TimeSlot(Strict):
    """``start``/``end`` as HH:MM in the place's timezone (the org's without a place); an end
    before the start is the next day."""

    start: HourMinute
    end: HourMinute
    title: Title | None = None


class BulkMissionsCreate(Strict):
    """Missions for ``days`` (or every day from ``date_from`` to ``date_to``) x ``slots``."""

    title: Title
    slots: Annotated[list[TimeSlot], rule(min_items=1)]
    days: list[dt.date] | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    weekdays: list[int] | None = None
    place_id: PlaceId | None = None
    place: PlaceName = ""
    notes: str = ""
    allow_long: bool = False
    publish: bool = False
    roles: list[MissionRoleIn] = []


class MissionDuplicate(Strict):
    """Copies on ``days``, or on every day from ``from`` to ``to`` (the source's day skipped)."""

    days: list[dt.date] | None = None
    date_from: dt.date | None = msgspec.field(default=None, name="from")
    date_to: dt.date | None = msgspec.field(default=None, name="to")
    publish: bool = False


class BulkMissionsOut(msgspec.Struct):
    created: int
    items: list[MissionOut]


class MissionBatch(Strict):
    """One action on many missions of the org, all or nothing."""

    mission_ids: Annotated[list[RowId], rule(min_items=1, max_items=1000)]
    action: MissionBatchAction


class MissionBatchOut(msgspec.Struct):
    action: str
    #: the missions the action changed (already published ones are not republished)
    changed_ids: list[int]
    #: the missions after the action, ordered by start (empty for ``delete``)
    items: list[MissionOut]
