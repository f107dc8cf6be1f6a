"""Missions: schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
from litestar.openapi.spec import Example
from msgspec import UNSET, UnsetType

from coulisses.auth.schemas import Strict
from coulisses.scheduling.common import (
    Fold,
    HourMinute,
    Label100,
    MissionBatchAction,
    Place,
    Quota,
    RowId,
    Title,
)
from coulisses.web.openapi import rule
from coulisses_sdk import Page


class MissionRoleIn(Strict):
    name: Label100
    quota: Quota
    required_skills: list[str] = []


class MissionRoleUpdate(Strict):
    name: Label100 | UnsetType = UNSET
    quota: Quota | UnsetType = UNSET
    required_skills: list[str] | UnsetType = UNSET


class MissionRoleOut(msgspec.Struct):
    """A mission role and what its assignments say, each count named for what it counts.
    Reserves (beyond the quota) hold no place: they count in ``reserves`` only (and in
    ``declined`` once they decline)."""

    id: int
    name: str
    quota: int
    required_skills: list[str]
    pending: Annotated[
        int, msgspec.Meta(description="INVITED (not reserves): asked, still waiting")
    ]
    accepted: Annotated[int, msgspec.Meta(description="ACCEPTED (not reserves): places filled")]
    declined: Annotated[int, msgspec.Meta(description="DECLINED answers")]
    open: Annotated[
        int, msgspec.Meta(description="places not filled yet: quota - accepted, never below 0")
    ]
    reserves: Annotated[
        int,
        msgspec.Meta(
            description="reserves INVITED or ACCEPTED: beyond the quota, waiting for a place"
        ),
    ] = 0


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
    duration_minutes: Annotated[
        int,
        msgspec.Meta(
            description="real elapsed minutes from starts_at to ends_at (a night across a"
            " DST change is 60 minutes shorter or longer than its wall-clock times say)",
            examples=[360],
        ),
    ]
    allow_long: bool
    status: str
    roles: list[MissionRoleOut]
    created_at: dt.datetime
    updated_at: dt.datetime
    #: the mission's id in the org's own files (set by imports), else null
    external_id: str | None = None


#: Most days a slot may start after its pattern day.
MAX_DAY_OFFSET = 7

SlotStart = Annotated[
    HourMinute,
    msgspec.Meta(description="local start time HH:MM on the pattern day (+ day_offset)"),
]
SlotEnd = Annotated[
    HourMinute,
    msgspec.Meta(
        description="local end time HH:MM, on the start's day, or on the next one with"
        " ends_next_day"
    ),
]


class TimeSlot(Strict):
    """One slot of the pattern, in local wall-clock time: the timezone of its place (its
    own, else the call's), the org's without a place.

    The slot starts ``day_offset`` days after each pattern day, at ``start``; it ends at
    ``end`` the same day, or the next day when ``ends_next_day`` is true. An end before
    (or equal to) the start without ``ends_next_day`` is a 422 ``mission.ends_before_start``
    (a typo 13:00 -> 03:00 is not silently a 14 h mission). A local time the clocks skip
    is a 422 ``mission.nonexistent_local_time``; one they repeat takes ``fold``.
    ``title``, ``place_id`` (or ``place``, a name) and ``roles`` replace the call's for
    this slot's missions.
    """

    start: SlotStart
    end: SlotEnd
    title: Title | None = None
    ends_next_day: Annotated[
        bool,
        msgspec.Meta(description="the end is on the day after the start (crosses midnight)"),
    ] = False
    day_offset: Annotated[
        int,
        msgspec.Meta(
            ge=0,
            le=MAX_DAY_OFFSET,
            description="the slot starts this many days after the pattern day"
            " (1: the 01:00 get-out after a show night)",
            examples=[1],
        ),
    ] = 0
    fold: Fold = 0
    place_id: Annotated[
        PlaceId | None,
        msgspec.Meta(description="this slot's place; null: place or the call's place"),
    ] = None
    place: Annotated[
        Place | None,
        msgspec.Meta(
            description="deprecated, give place_id: this slot's place by name; null: the"
            " call's place"
        ),
    ] = None
    roles: Annotated[
        list[MissionRoleIn] | None,
        msgspec.Meta(description="this slot's roles; null: the call's roles"),
    ] = None


class BulkMissionsCreate(Strict):
    """Missions for ``days`` (or every day from ``date_from`` to ``date_to``) x ``slots``,
    all or none. Each slot may start days later, cross midnight, and have its own title,
    place and roles: one call holds a whole festival (stages x days x build-up, show,
    next-day get-out)."""

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
    roles: Annotated[
        list[MissionRoleIn], msgspec.Meta(description="roles of every slot without its own")
    ] = []


def _stage(stage: str) -> list[dict[str, object]]:
    return [
        {"start": "08:00", "end": "13:00", "title": f"Montage {stage}", "place": stage,
         "roles": [{"name": "machiniste", "quota": 4},
                   {"name": "cariste", "quota": 1, "required_skills": ["caces"]}]},
        {"start": "19:00", "end": "01:00", "ends_next_day": True,
         "title": f"Exploitation {stage}", "place": stage,
         "roles": [{"name": "regisseur son", "quota": 1, "required_skills": ["son"]}]},
        {"start": "01:00", "end": "04:00", "day_offset": 1, "title": f"Demontage {stage}",
         "place": stage},
    ]  # fmt: skip


#: The OpenAPI example of ``missions:bulk_create``: a whole festival in one call.
FESTIVAL_EXAMPLE = Example(
    summary="3 stages x 10 days x (build-up, show to 01:00, 01:00 get-out the day after)",
    value={
        "title": "Festival",
        "date_from": "2027-07-10",
        "date_to": "2027-07-19",
        "slots": [slot for stage in ("Cour", "Cloitre", "Chapiteau") for slot in _stage(stage)],
        "roles": [{"name": "machiniste", "quota": 3}, {"name": "accroche", "quota": 1}],
        "publish": True,
    },
)


class MissionDuplicate(Strict):
    """Copies on ``days``, or on every day from ``from`` to ``to`` (the source's day skipped)."""

    days: list[dt.date] | None = None
    date_from: dt.date | None = msgspec.field(default=None, name="from")
    date_to: dt.date | None = msgspec.field(default=None, name="to")
    publish: bool = False
    fold: Fold = 0


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


class MissionPage(Page[MissionOut]):
    """The list envelope of missions."""

    items: list[MissionOut]
