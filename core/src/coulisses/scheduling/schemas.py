"""Request and response bodies of the scheduling routes (never table rows)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from msgspec import UNSET, UnsetType

from coulisses.auth.schemas import Strict
from coulisses.scheduling.conflicts_schemas import ConflictOut
from coulisses.web.openapi import rule

EmploymentType = Literal["CDI", "CDD", "Intermittent", "Freelance"]
ProjectStatus = Literal["DRAFT", "ACTIVE", "ARCHIVED"]
MissionStatus = Literal["DRAFT", "PUBLISHED"]
MissionBatchAction = Literal["publish", "unpublish", "delete"]
#: a row id as a body may carry it (a larger number is a 400, not a database error)
RowId = Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]
AssignmentStatus = Literal["INVITED", "ACCEPTED", "DECLINED", "CANCELLED"]

# Bounds the services check with their own 422 codes (docs/api.md), documented here
# so that generated clients and fuzzers build valid bodies.
PersonName = Annotated[str, rule(min_length=1, max_length=100)]
Label100 = Annotated[str, rule(min_length=1, max_length=100)]
Title = Annotated[str, rule(min_length=1, max_length=200)]
Place = Annotated[str, rule(max_length=200)]
HourMinute = Annotated[str, rule(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
SkillLevel = Annotated[int, rule(minimum=1, maximum=5)]
Quota = Annotated[int, rule(minimum=0, maximum=10_000)]
Reason = Annotated[str, rule(max_length=1000)]


# -- users ---------------------------------------------------------------------


class Skill(msgspec.Struct, forbid_unknown_fields=True):
    name: Label100
    level: SkillLevel = 1


#: known keys only (``nir``, ``conges_spectacles``, ``siret``), each optional; an
#: unknown key is a 422 ``user.unknown_legal_id`` from the service, not a 400.
LegalIds = dict[str, str | None]


class UserDocument(Strict):
    """Metadata of a document the org keeps elsewhere (no file is uploaded)."""

    kind: Annotated[str, rule(min_length=1, max_length=50)]
    label: Annotated[str, rule(max_length=200)] = ""
    number: Annotated[str, rule(max_length=100)] | None = None
    expires_on: dt.date | None = None
    file_name: Annotated[str, rule(max_length=255)] | None = None


class UserCreate(Strict):
    first_name: PersonName
    last_name: PersonName
    employment_type: EmploymentType
    email: Annotated[str, rule(max_length=255)] | None = None
    phone: Annotated[str, rule(max_length=40)] | None = None
    account_id: RowId | None = None
    skills: list[Skill] = []
    tags: list[str] = []
    notes: str = ""
    rate_profile: Annotated[str, rule(max_length=100)] | None = None
    legal_ids: LegalIds = {}
    documents: Annotated[list[UserDocument], rule(max_items=50)] = []


class UserUpdate(Strict):
    first_name: PersonName | UnsetType = UNSET
    last_name: PersonName | UnsetType = UNSET
    employment_type: EmploymentType | UnsetType = UNSET
    email: Annotated[str, rule(max_length=255)] | UnsetType | None = UNSET
    phone: Annotated[str, rule(max_length=40)] | UnsetType | None = UNSET
    account_id: RowId | UnsetType | None = UNSET
    skills: list[Skill] | UnsetType = UNSET
    tags: list[str] | UnsetType = UNSET
    notes: str | UnsetType = UNSET
    rate_profile: Annotated[str, rule(max_length=100)] | UnsetType | None = UNSET
    #: replaces the whole object (a key left out is removed)
    legal_ids: LegalIds | UnsetType = UNSET
    #: replaces the whole list
    documents: Annotated[list[UserDocument], rule(max_items=50)] | UnsetType = UNSET


class UserOut(msgspec.Struct):
    id: int
    first_name: str
    last_name: str
    employment_type: str
    email: str | None
    phone: str | None
    account_id: int | None
    skills: list[Skill]
    tags: list[str]
    notes: str
    rate_profile: str | None
    #: null when the caller may not see them (a tech looking at someone else)
    legal_ids: dict[str, str] | None
    documents: list[UserDocument] | None
    created_at: dt.datetime
    updated_at: dt.datetime
    rank: float | None = None


class UserPage(msgspec.Struct):
    items: list[UserOut]
    page: int
    page_size: int
    total: int


# -- projects ------------------------------------------------------------------


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


class ProjectPage(msgspec.Struct):
    items: list[ProjectOut]
    page: int
    page_size: int
    total: int


# -- missions ------------------------------------------------------------------


class MissionRoleIn(Strict):
    name: Label100
    quota: Quota
    required_skills: list[str] = []


class MissionRoleUpdate(Strict):
    name: Label100 | UnsetType = UNSET
    quota: Quota | UnsetType = UNSET
    required_skills: list[str] | UnsetType = UNSET


class MissionRoleOut(msgspec.Struct):
    id: int
    name: str
    quota: int
    required_skills: list[str]
    invited: int
    accepted: int


class MissionCreate(Strict):
    project_id: RowId
    title: Title
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: Place = ""
    notes: str = ""
    allow_long: bool = False
    roles: list[MissionRoleIn] = []


class MissionUpdate(Strict):
    title: Title | UnsetType = UNSET
    place: Place | UnsetType = UNSET
    notes: str | UnsetType = UNSET
    starts_at: dt.datetime | UnsetType = UNSET
    ends_at: dt.datetime | UnsetType = UNSET
    allow_long: bool | UnsetType = UNSET


class MissionOut(msgspec.Struct):
    id: int
    project_id: int
    title: str
    place: str
    notes: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    allow_long: bool
    status: str
    roles: list[MissionRoleOut]
    created_at: dt.datetime
    updated_at: dt.datetime


class MissionPage(msgspec.Struct):
    items: list[MissionOut]
    page: int
    page_size: int
    total: int


class TimeSlot(Strict):
    """``start``/``end`` as HH:MM in the org timezone; an end before the start is the next day."""

    start: HourMinute
    end: HourMinute
    title: Title | None = None


class BulkMissionsCreate(Strict):
    """Missions for ``days`` (or every day from ``date_from`` to ``date_to``) x ``slots``."""

    title: Title
    slots: Annotated[list[TimeSlot], rule(min_items=1)]
    days: list[dt.date] | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    weekdays: list[int] | None = None
    place: Place = ""
    notes: str = ""
    allow_long: bool = False
    publish: bool = False
    roles: list[MissionRoleIn] = []


class MissionDuplicate(Strict):
    """Copies on ``days``, or on every day from ``from`` to ``to`` (the source's day skipped)."""

    days: list[dt.date] | None = None
    date_from: dt.date | None = msgspec.field(default=None, name="from")
    date_to: dt.date | None = msgspec.field(default=None, name="to")
    publish: bool = False


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


# -- assignments and invitations -------------------------------------------------


class AssignmentCreate(Strict):
    mission_role_id: RowId
    user_id: RowId


class AssignmentsBulkCreate(Strict):
    """Invite every user of ``user_ids`` on every role of ``mission_role_ids``; all or nothing."""

    mission_role_ids: Annotated[list[RowId], rule(min_items=1, max_items=500)]
    user_ids: Annotated[list[RowId], rule(min_items=1, max_items=500)]


class AnswerIn(Strict):
    reason: Reason | None = None


class DeliveryOut(msgspec.Struct):
    """What became of the link: ``queued`` (not sent yet, or handed to a plugin:
    ``channel`` is ``plugin``), ``sent``, ``failed`` (``error`` is the last reason,
    after every attempt) or ``no_channel`` (no address and no linked channel)."""

    status: Literal["queued", "sent", "failed", "no_channel"]
    channel: str | None
    error: str | None
    attempts: int
    updated_at: dt.datetime


class InvitationOut(msgspec.Struct):
    id: int
    expires_at: dt.datetime
    revoked_at: dt.datetime | None
    answer: str | None
    answered_at: dt.datetime | None
    delivery: DeliveryOut


class AssignmentOut(msgspec.Struct):
    id: int
    mission_id: int
    mission_role_id: int
    role_name: str
    user_id: int
    status: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    decline_reason: str | None
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
