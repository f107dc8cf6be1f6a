"""Bodies of /api/v1/swaps (never table rows)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from coulisses.auth.schemas import Strict
from coulisses.web.openapi import rule
from coulisses_sdk import Page

SwapKind = Literal["handover", "swap"]
SwapStatus = Literal[
    "proposed",
    "accepted_by_colleague",
    "approved",
    "applied",
    "declined",
    "rejected",
    "cancelled",
    "expired",
]
Comment = Annotated[str, msgspec.Meta(examples=["Je suis malade ce soir-la"]), rule(max_length=500)]


class SwapCreate(Strict):
    """``handover``: give ``assignment_id`` to ``target_user_id`` (null: to anyone
    eligible, the first who accepts takes it). ``swap``: exchange it for the named
    colleague's ACCEPTED ``target_assignment_id``."""

    assignment_id: Annotated[int, msgspec.Meta(examples=[42])]
    kind: Annotated[SwapKind, msgspec.Meta(examples=["handover"])] = "handover"
    target_user_id: Annotated[int | None, msgspec.Meta(examples=[7])] = None
    target_assignment_id: Annotated[int | None, msgspec.Meta(examples=[None])] = None
    comment: Comment | None = None


class SwapDecision(Strict):
    """A manager's rejection, or a colleague's refusal, with an optional comment."""

    comment: Comment | None = None


class SwapSideOut(msgspec.Struct):
    """One assignment of a swap, as it was proposed."""

    assignment_id: int
    mission_id: int
    mission_title: str
    mission_role_id: int
    role_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime


class SwapOut(msgspec.Struct):
    id: int
    kind: SwapKind
    status: SwapStatus
    #: the proposer's assignment (cancelled once applied)
    offered: SwapSideOut
    #: the colleague's assignment of a ``swap`` (null for a handover)
    wanted: SwapSideOut | None
    proposer_user_id: int
    proposer_name: str
    #: the named colleague; null: open to anyone eligible
    target_user_id: int | None
    target_name: str | None
    #: who accepted (the named colleague, or the first eligible taker)
    colleague_user_id: int | None
    colleague_name: str | None
    comment: str | None
    requires_approval: bool
    accepted_at: dt.datetime | None
    decided_at: dt.datetime | None
    decision_comment: str | None
    applied_at: dt.datetime | None
    closed_at: dt.datetime | None
    #: the assignments the application created (the colleague's; the proposer's for a swap)
    new_assignment_id: int | None
    new_target_assignment_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime
    #: in ``/swaps/mine``: the caller's side (``proposer``, ``colleague`` or ``open``);
    #: null in the managers' list
    side: Literal["proposer", "colleague", "open"] | None = None
    #: an open proposal the caller could take now (skills, no conflict); null otherwise
    eligible: bool | None = None


class SwapPage(Page[SwapOut]):
    """The list envelope of swaps."""

    items: list[SwapOut]
