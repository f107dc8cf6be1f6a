"""Places: schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
from msgspec import UNSET, UnsetType

from coulisses.auth.schemas import Strict
from coulisses.scheduling.common import Title
from coulisses.web.openapi import rule
from coulisses_sdk import Page

#: Checked by the service against the IANA database (422 ``place.invalid_timezone``).
Timezone = Annotated[
    str,
    msgspec.Meta(
        description="IANA timezone of the place's local times", examples=["America/Montreal"]
    ),
    rule(min_length=1, max_length=64),
]
Address = Annotated[
    str, msgspec.Meta(examples=["1248 avenue Bernard, Montreal"]), rule(max_length=500)
]
Latitude = Annotated[
    float, msgspec.Meta(description="degrees north, with longitude"), rule(minimum=-90, maximum=90)
]
Longitude = Annotated[
    float,
    msgspec.Meta(description="degrees east, with latitude"),
    rule(minimum=-180, maximum=180),
]
Notes = Annotated[str, rule(max_length=2000)]


class PlaceCreate(Strict):
    """A place; ``timezone`` defaults to the org's. Coordinates go together (both or none)."""

    name: Annotated[Title, msgspec.Meta(examples=["Theatre Outremont"])]
    timezone: Timezone | None = None
    address: Address = ""
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    notes: Notes = ""


class PlaceUpdate(Strict):
    """Changed fields only. A new timezone keeps the missions' instants (UTC) and changes
    the local times they show; ``null`` coordinates remove them (both together)."""

    name: Title | UnsetType = UNSET
    timezone: Timezone | UnsetType = UNSET
    address: Address | UnsetType = UNSET
    latitude: Latitude | UnsetType | None = UNSET
    longitude: Longitude | UnsetType | None = UNSET
    notes: Notes | UnsetType = UNSET


class PlaceOut(msgspec.Struct):
    id: int
    name: str
    address: str
    timezone: str
    latitude: float | None
    longitude: float | None
    notes: str
    #: missions referencing the place (a place is deleted only when none does)
    mission_count: int
    created_at: dt.datetime
    updated_at: dt.datetime


class PlacePage(Page[PlaceOut]):
    """The list envelope of places."""

    items: list[PlaceOut]
