"""Projects: schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
from msgspec import UNSET, UnsetType

from coulisses.auth.schemas import Strict
from coulisses.scheduling.common import ProjectStatus, RowId, Title
from coulisses.web.openapi import rule
from coulisses_sdk import Page


class ProjectCreate(Strict):
    name: Title
    description: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    #: account ids of org members with role manager or above
    managers: Annotated[list[RowId], rule(max_items=50)] = []


class ProjectUpdate(Strict):
    name: Title | UnsetType = UNSET
    description: str | UnsetType = UNSET
    status: ProjectStatus | UnsetType = UNSET
    starts_on: dt.date | UnsetType | None = UNSET
    ends_on: dt.date | UnsetType | None = UNSET
    #: replaces the whole list
    managers: Annotated[list[RowId], rule(max_items=50)] | UnsetType = UNSET


class ProjectOut(msgspec.Struct):
    id: int
    name: str
    description: str
    status: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    mission_count: int
    managers: list[int]
    #: sum of the quotas of the project's mission roles, and their ACCEPTED assignments
    quota_total: int
    accepted: int
    #: accepted / quota_total (0 to 1), null when the project has no quota yet
    fill_rate: float | None
    created_at: dt.datetime
    updated_at: dt.datetime


class ProjectPage(Page[ProjectOut]):
    """The list envelope of projects."""

    items: list[ProjectOut]
