"""Assignments: schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec

from coulisses.auth.schemas import Strict
from coulisses.scheduling.common import RowId
from coulisses.scheduling.conflicts.schemas import ConflictOut
from coulisses.scheduling.invitations.schemas import InvitationOut
from coulisses.web.openapi import rule


class AssignmentCreate(Strict):
    mission_role_id: RowId
    user_id: RowId


class AssignmentsBulkCreate(Strict):
    """Invite every user of ``user_ids`` on every role of ``mission_role_ids``; all or nothing."""

    mission_role_ids: Annotated[list[RowId], rule(min_items=1, max_items=500)]
    user_ids: Annotated[list[RowId], rule(min_items=1, max_items=500)]


class AssignmentOut(msgspec.Struct):
    id: int
    mission_id: int
    mission_role_id: int
    role_name: str
    user_id: int
    status: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    duration_minutes: Annotated[
        int,
        msgspec.Meta(description="real elapsed minutes of its mission (DST-aware)", examples=[360]),
    ]
    decline_reason: Annotated[
        str | None,
        msgspec.Meta(
            description="Private: null for a caller without private_data.read, except on"
            " their own assignments."
        ),
    ]
    answered_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    invitation: InvitationOut | None = None


class AssignmentPage(msgspec.Struct):
    items: list[AssignmentOut]
    page: int
    page_size: int
    total: int


class AssignmentInvitedOut(AssignmentOut):
    """A new assignment and the conflicts it creates for its user: warnings, not refusals."""

    warnings: list[ConflictOut] = []


class AssignmentsBulkOut(msgspec.Struct):
    created: int
    items: list[AssignmentOut]
    #: the conflicts the new assignments create (each names the assignments involved)
    warnings: list[ConflictOut] = []
