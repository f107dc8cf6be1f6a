"""Bodies of /api/v1/absence-types and of an absence's overlapping missions (never table rows)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
from msgspec import UNSET, UnsetType

from coulisses.auth.schemas import Strict
from coulisses.scheduling.conflicts.schemas import SuggestionOut
from coulisses.web.openapi import rule
from coulisses_sdk import Page

Code = Annotated[
    str,
    msgspec.Meta(max_length=40, description="lowercase letters, digits and _; never changes"),
    rule(pattern=r"^[a-z][a-z0-9_]*$"),
]
Label = Annotated[str, msgspec.Meta(max_length=100), rule(min_length=1)]
Color = Annotated[
    str, msgspec.Meta(max_length=7, description="#rrggbb"), rule(pattern=r"^#[0-9a-fA-F]{6}$")
]


class AbsenceTypeCreate(Strict):
    code: Code
    label: Label
    color: Color = "#6b7280"
    #: false: a tech's request of this type is APPROVED at once (a declared sick leave)
    requires_approval: bool = True


class AbsenceTypeUpdate(Strict):
    """The code never changes; ``active: false`` hides the type from new requests."""

    label: Label | UnsetType = UNSET
    color: Color | UnsetType = UNSET
    requires_approval: bool | UnsetType = UNSET
    active: bool | UnsetType = UNSET


class AbsenceTypeOut(msgspec.Struct):
    id: int
    code: str
    label: str
    color: str
    requires_approval: bool
    active: bool
    #: how many availability windows carry it (a used type cannot be deleted)
    windows: int
    created_at: dt.datetime
    updated_at: dt.datetime


class AbsenceTypePage(Page[AbsenceTypeOut]):
    """The list envelope of absence types."""

    items: list[AbsenceTypeOut]


class AbsenceOverlapOut(msgspec.Struct):
    """An ACCEPTED assignment of the absent user that meets the absence, with the ranked
    replacements the conflict report would suggest for it."""

    assignment_id: int
    mission_id: int
    mission_title: str
    mission_role_id: int
    role_name: str
    project_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    #: IANA timezone of the mission's local times (its place's, else the org's)
    timezone: str
    suggestions: list[SuggestionOut]


class AbsenceOverlapsOut(msgspec.Struct):
    """What approving the window would leave uncovered; nothing is cancelled by approving."""

    window_id: int
    user_id: int
    assignments: list[AbsenceOverlapOut]
