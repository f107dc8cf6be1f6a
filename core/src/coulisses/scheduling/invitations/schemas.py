"""Invitations: schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from coulisses.auth.schemas import Strict
from coulisses.scheduling.common import Reason


class AnswerIn(Strict):
    reason: Reason | None = None


class DeliveryOut(msgspec.Struct):
    """What became of the link: ``queued`` (not sent yet, or handed to a plugin:
    ``channel`` is ``plugin``), ``sent``, ``failed`` (``error`` is the last reason,
    after every attempt) or ``no_channel`` (no address and no linked channel)."""

    status: Literal["queued", "sent", "failed", "no_channel"]
    channel: str | None
    error: Annotated[
        str | None,
        msgspec.Meta(
            description="Private (it may quote an address): null for a caller without"
            " private_data.read, except on their own invitations."
        ),
    ]
    attempts: int
    updated_at: dt.datetime


class InvitationOut(msgspec.Struct):
    id: int
    assignment_id: int
    #: the invited user (whose data this is)
    user_id: int
    expires_at: dt.datetime
    revoked_at: dt.datetime | None
    answer: str | None
    answered_at: dt.datetime | None
    delivery: DeliveryOut


Reserve = Annotated[
    bool,
    msgspec.Meta(
        description=(
            "On the reserve list: invited beyond the role's quota. Accepting confirms"
            " availability; the place comes when one frees up (first accepted, first promoted)."
        )
    ),
]
ReservePosition = Annotated[
    int | None,
    msgspec.Meta(
        description="For a reserve who accepted, its rank in the queue (1 is next); else null",
        examples=[2],
    ),
]


class PublicAnswerOut(msgspec.Struct):
    """What the public accept/decline page shows (no ids of other people)."""

    invitation_id: int
    assignment_status: str
    answer: str
    answered_at: dt.datetime | None
    mission_title: str
    place: str
    role_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    org_name: str
    timezone: str
    replayed: bool
    reserve: Reserve = False
    reserve_position: ReservePosition = None


class PublicInvitationOut(msgspec.Struct):
    """The public page before an answer: the mission and the state of the link."""

    invitation_id: int
    assignment_status: str
    answer: str | None
    answered_at: dt.datetime | None
    mission_title: str
    place: str
    role_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    org_name: str
    timezone: str
    expires_at: dt.datetime
    expired: bool
    revoked: bool
    reserve: Reserve = False
    reserve_position: ReservePosition = None
