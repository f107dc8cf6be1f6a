"""Bodies of /api/v1/conflicts: the report, the rules, the resolve shortcut (never table rows)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from coulisses.auth.schemas import Strict
from coulisses.web.openapi import rule

#: a row id as a body may carry it (a larger number is a 400, not a database error)
RowId = Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]

ConflictKind = Literal[
    "overlap",
    "max_hours_day",
    "max_hours_week",
    "min_rest",
    "unavailable",
    "missing_skill",
    "skill_expired",
]


class ConflictUserOut(msgspec.Struct):
    id: int
    first_name: str
    last_name: str
    employment_type: str


class ConflictAssignmentOut(msgspec.Struct):
    """An assignment involved in a conflict, with its status (INVITED or ACCEPTED)."""

    id: Annotated[
        int | None,
        msgspec.Meta(description="null for a proposed assignment (POST /assignments/check)"),
    ]
    mission_id: int
    mission_role_id: int
    project_id: int
    status: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    #: IANA timezone of the mission's local times (its place's, else the org's)
    timezone: str


class IntervalOut(msgspec.Struct):
    starts_at: dt.datetime
    ends_at: dt.datetime


class ExpiredSkillOut(msgspec.Struct):
    """A required skill whose certification ends before the mission does."""

    name: str
    #: last valid day (inclusive)
    valid_until: dt.date


class SuggestionOut(msgspec.Struct):
    """A replacement for the target assignment; ``skill_score`` sums the user's levels in the
    role's required skills, ``week_hours`` are their hours that ISO week before the change."""

    user_id: int
    first_name: str
    last_name: str
    employment_type: str
    skill_score: int
    week_hours: float


class AbsenceTypeRef(msgspec.Struct):
    """The absence type (conges, maladie...) of an approved unavailability window."""

    id: int
    code: str
    label: str
    color: str


class ConflictOut(msgspec.Struct):
    """One broken rule. ``confirmed`` is true when every assignment involved is ACCEPTED;
    ``target_assignment_id`` is the one to replace (the latest of the conflict)."""

    kind: ConflictKind
    user: ConflictUserOut
    confirmed: bool
    assignments: list[ConflictAssignmentOut]
    target_assignment_id: Annotated[
        int | None,
        msgspec.Meta(description="null when it is a proposed assignment (POST /assignments/check)"),
    ]
    message: str
    #: max_hours_day: the local day; max_hours_week: the ISO week (2027-W28)
    day: dt.date | None = None
    week: str | None = None
    #: hours worked (day, week), rest taken (min_rest) or time shared (overlap)
    hours: float | None = None
    limit_hours: float | None = None
    missing_skills: list[str] = []
    #: skill_expired: each required skill whose valid_until is earlier than the local day
    #: (org timezone) of the mission's last instant
    expired_skills: list[ExpiredSkillOut] = []
    unavailable: list[IntervalOut] = []
    #: unavailable: the absence types of the windows it meets (none for untyped ones)
    absence_types: list[AbsenceTypeRef] = []
    suggestions: list[SuggestionOut] = []


class ConflictCounts(msgspec.Struct):
    overlap: int
    max_hours_day: int
    max_hours_week: int
    min_rest: int
    unavailable: int
    missing_skill: int
    skill_expired: int


class ConflictReport(msgspec.Struct):
    """``items`` holds the first conflicts by start time (at most 500); ``total`` and
    ``counts`` count them all."""

    window_start: dt.datetime
    window_end: dt.datetime
    timezone: str
    total: int
    truncated: bool
    counts: ConflictCounts
    items: list[ConflictOut]


class RuleLimits(Strict):
    """Limits in hours; null inherits (employment type -> org -> built-in default)."""

    max_hours_day: Annotated[float, rule(minimum=1 / 60, maximum=24)] | None = None
    max_hours_week: Annotated[float, rule(minimum=1 / 60, maximum=168)] | None = None
    min_rest_hours: Annotated[float, rule(minimum=0, maximum=168)] | None = None


class EmploymentTypeRules(Strict):
    CDI: RuleLimits | None = None
    CDD: RuleLimits | None = None
    Intermittent: RuleLimits | None = None
    Freelance: RuleLimits | None = None


class ConflictRulesIn(Strict):
    """The whole configuration of an org: what is left out inherits."""

    org: RuleLimits = msgspec.field(default_factory=RuleLimits)
    employment_types: EmploymentTypeRules = msgspec.field(default_factory=EmploymentTypeRules)


class EffectiveLimits(msgspec.Struct):
    max_hours_day: float
    max_hours_week: float
    min_rest_hours: float


class EffectiveRules(msgspec.Struct):
    CDI: EffectiveLimits
    CDD: EffectiveLimits
    Intermittent: EffectiveLimits
    Freelance: EffectiveLimits


class ConflictRulesOut(msgspec.Struct):
    """Built-in ``defaults``, what the org set, and the ``effective`` limits per employment type."""

    defaults: EffectiveLimits
    org: RuleLimits
    employment_types: EmploymentTypeRules
    effective: EffectiveRules


class ConflictResolveIn(Strict):
    assignment_id: RowId
    replacement_user_id: RowId


class InvitationProposal(Strict):
    """Invitations as ``POST /assignments/bulk_create`` would make them."""

    mission_role_ids: Annotated[list[RowId], rule(min_items=1, max_items=500)]
    user_ids: Annotated[list[RowId], rule(min_items=1, max_items=500)]


class MoveProposal(Strict):
    """A mission moved to other times, as ``PATCH /missions/{id}`` would do it."""

    mission_id: RowId
    starts_at: dt.datetime
    ends_at: dt.datetime


class ConflictCheckIn(Strict):
    """Exactly one of ``invite`` and ``move``."""

    invite: InvitationProposal | None = None
    move: MoveProposal | None = None


class ConflictCheckOut(msgspec.Struct):
    """The conflicts the change would create (not those that exist already); nothing is
    written. A proposed assignment has a null id."""

    conflicts: list[ConflictOut]
