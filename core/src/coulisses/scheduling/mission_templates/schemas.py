"""Mission templates: schemas. A template's slots and roles are the ones of
``missions:bulk_create`` (:class:`TimeSlot`, :class:`MissionRoleIn`)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
from litestar.openapi.spec import Example
from msgspec import UNSET, UnsetType

from coulisses.auth.schemas import Strict
from coulisses.scheduling.common import RowId, Title
from coulisses.scheduling.missions.schemas import MissionRoleIn, TimeSlot
from coulisses.web.openapi import rule
from coulisses_sdk import Page

#: Most slots one template holds, most places one application covers.
MAX_SLOTS = 50
MAX_PLACES = 50

Description = Annotated[str, rule(max_length=2000)]
TemplateName = Annotated[Title, msgspec.Meta(examples=["Journee plateau"])]
Slots = Annotated[
    list[TimeSlot],
    msgspec.Meta(
        description="the slots of one pattern day, as in missions:bulk_create; a template's"
        " slots name no place (the places are chosen when it is applied)"
    ),
    rule(min_items=1, max_items=MAX_SLOTS),
]
SharedRoles = Annotated[
    list[MissionRoleIn], msgspec.Meta(description="roles of every slot without its own")
]
MissionTitle = Annotated[
    Title, msgspec.Meta(description="title of the missions of slots without their own")
]


class MissionTemplateCreate(Strict):
    """A named pattern of missions: the slots of one day (each with its day offset, its
    next-day end, its title and roles) and the roles they share."""

    name: TemplateName
    title: MissionTitle
    slots: Slots
    description: Description = ""
    roles: SharedRoles = []


class MissionTemplateUpdate(Strict):
    """Changed fields only; any change makes a new version (the previous ones stay
    readable under ``/versions``)."""

    name: TemplateName | UnsetType = UNSET
    title: MissionTitle | UnsetType = UNSET
    slots: Slots | UnsetType = UNSET
    description: Description | UnsetType = UNSET
    roles: SharedRoles | UnsetType = UNSET


class MissionTemplateOut(msgspec.Struct):
    """A template as its current version says."""

    id: int
    name: str
    description: str
    #: its current version (1 at creation, one more at each change)
    version: int
    title: str
    slots: list[TimeSlot]
    roles: list[MissionRoleIn]
    created_at: dt.datetime
    updated_at: dt.datetime


class MissionTemplateVersionOut(msgspec.Struct):
    """One version of a template, as it was saved."""

    version: int
    name: str
    description: str
    title: str
    slots: list[TimeSlot]
    roles: list[MissionRoleIn]
    #: the account that saved it (null once that account is deleted)
    created_by: int | None
    created_at: dt.datetime


class MissionTemplateApply(Strict):
    """Missions from a template: every day from ``from`` to ``to`` (inclusive, only the
    ``weekdays`` given: 0 Monday ... 6 Sunday) x its slots, once per place of
    ``place_ids`` (each place's timezone is the clock of its missions; none: missions
    without a place, on the org's clock). All or none, through missions:bulk_create."""

    project_id: RowId
    date_from: dt.date = msgspec.field(name="from")
    date_to: dt.date = msgspec.field(name="to")
    weekdays: Annotated[list[int], rule(max_items=7)] | None = None
    place_ids: Annotated[list[RowId], rule(max_items=MAX_PLACES)] = []
    version: Annotated[
        RowId | None, msgspec.Meta(description="a past version; null: the current one")
    ] = None
    publish: bool = False
    notes: Annotated[str, rule(max_length=2000)] = ""


class MissionTemplateApplied(msgspec.Struct):
    template_id: int
    #: the version the missions were made from
    version: int
    created: int
    #: the new missions, by place then start
    mission_ids: list[int]


class MissionTemplatePage(Page[MissionTemplateOut]):
    """The list envelope of mission templates."""

    items: list[MissionTemplateOut]


class MissionTemplateVersionPage(Page[MissionTemplateVersionOut]):
    """The list envelope of a template's versions."""

    items: list[MissionTemplateVersionOut]


#: The OpenAPI example of a template: a day of a stage, the get-out the next night.
STAGE_DAY_EXAMPLE = Example(
    summary="A stage day: build-up, show to 01:00, 01:00 get-out the day after",
    value={
        "name": "Journee plateau",
        "description": "Montage, exploitation, demontage de nuit",
        "title": "Plateau",
        "slots": [
            {
                "start": "08:00",
                "end": "13:00",
                "title": "Montage",
                "roles": [
                    {"name": "machiniste", "quota": 4},
                    {"name": "cariste", "quota": 1, "required_skills": ["caces"]},
                ],
            },
            {
                "start": "19:00",
                "end": "01:00",
                "ends_next_day": True,
                "title": "Exploitation",
                "roles": [{"name": "regisseur son", "quota": 1, "required_skills": ["son"]}],
            },
            {"start": "01:00", "end": "04:00", "day_offset": 1, "title": "Demontage"},
        ],
        "roles": [{"name": "machiniste", "quota": 2}],
    },
)

APPLY_EXAMPLE = Example(
    summary="Ten days on two stages: 60 missions in one call",
    value={
        "project_id": 12,
        "from": "2027-07-10",
        "to": "2027-07-19",
        "place_ids": [3, 4],
        "publish": True,
    },
)
