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
from coulisses_sdk import Page

ReserveFlag = Annotated[
    bool,
    msgspec.Meta(
        description=(
            "Beyond the role's quota, invite as a reserve instead of refusing (409"
            " assignment.quota_would_exceed). Free places are filled first, in the order"
            " given; a reserve is promoted when a place frees up, in the order reserves"
            " accepted."
        ),
        examples=[True],
    ),
]


class AssignmentCreate(Strict):
    mission_role_id: RowId
    user_id: RowId
    reserve: ReserveFlag = False


class AssignmentsBulkCreate(Strict):
    """Invite every user of ``user_ids`` on every role of ``mission_role_ids``; all or nothing.

    Each role's free places go to its users in the order of ``user_ids``; beyond them,
    the whole request is refused unless ``reserve`` is true (then the others are reserves).
    """

    mission_role_ids: Annotated[list[RowId], rule(min_items=1, max_items=500)]
    user_ids: Annotated[list[RowId], rule(min_items=1, max_items=500)]
    reserve: ReserveFlag = False


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
    #: On the reserve list: beyond the role's quota, holds no place until promoted.
    reserve: Annotated[
        bool,
        msgspec.Meta(
            description="On the reserve list (beyond the role's quota, no place held yet)"
        ),
    ] = False
    #: For an ACCEPTED reserve, its place in the queue (1: promoted first); else null.
    reserve_position: Annotated[
        int | None,
        msgspec.Meta(
            description=(
                "For a reserve who accepted, its rank in the role's queue (1 is promoted"
                " first); null otherwise"
            ),
            examples=[1],
        ),
    ] = None
    #: When a reserve was given a place (it stays set once promoted).
    promoted_at: dt.datetime | None = None


class AssignmentInvitedOut(AssignmentOut):
    """A new assignment and the conflicts it creates for its user: warnings, not refusals."""

    warnings: list[ConflictOut] = []


class AssignmentsBulkOut(msgspec.Struct):
    created: int
    items: list[AssignmentOut]
    #: the conflicts the new assignments create (each names the assignments involved)
    warnings: list[ConflictOut] = []


class AssignmentPage(Page[AssignmentOut]):
    """The list envelope of assignments."""

    items: list[AssignmentOut]
