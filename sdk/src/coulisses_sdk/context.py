"""Read-only views the host hands to plugins, and the deliveries it asks them to make.

Views (``OrgInfo``, ``Contact``, ``AssignmentContext``, ``AssignmentSummary``,
``AnswerResult``, and the resource views ``MissionInfo``, ``MissionRoleInfo``,
``AssignmentInfo``, ``UserInfo``, ``ProjectInfo``, ``PlaceInfo``, ``RateInfo``, with
``CursorPage``, one page of a list read, and ``WorkRow``, one compact row of a bulk
read) are what the host read functions of :mod:`coulisses_sdk.host` return.
Deliveries (``InvitationDelivery``, ``PasswordResetDelivery``,
``AvailabilityRequestDelivery``) are what the ``deliver_*`` hooks receive: unlike
domain events they carry signed URLs, so they are never published on the live stream
nor stored by the core.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class OrgInfo:
    org_id: int
    name: str
    #: IANA timezone used for display, day boundaries and quiet hours.
    timezone: str
    #: Default language of the org (``fr``, ``en``...).
    locale: str


@dataclass(frozen=True, kw_only=True)
class Contact:
    """A member of an org (an account) a plugin may write to."""

    account_id: int
    email: str
    name: str
    role: str


@dataclass(frozen=True, kw_only=True)
class AssignmentContext:
    """Everything a message about one assignment needs, read in one go."""

    org: OrgInfo
    assignment_id: int
    status: str
    user_id: int
    user_first_name: str
    user_name: str
    user_email: str | None
    #: The account linked to the user (``None`` for people who never log in).
    user_account_id: int | None
    #: The recipient's language (the core has no per-user language: the org's).
    locale: str
    mission_id: int
    mission_title: str
    #: The name of the mission's place ("" without a place).
    place: str
    #: IANA timezone of the mission's local times: its place's, else the org's
    #: (``org.timezone``). Show ``starts_at``/``ends_at`` in it, labelled with
    #: :func:`coulisses_sdk.zone_label` when it differs from the org's.
    timezone: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    role_name: str
    project_id: int
    project_name: str
    #: Who manages the project: its named managers; for a project without any,
    #: the members (manager and up) who invited crew on it, else the admins and owners.
    managers: tuple[Contact, ...]
    #: The latest invitation that was not revoked, if any.
    invitation_id: int | None = None
    invitation_expires_at: dt.datetime | None = None
    #: On the reserve list of the role (beyond its quota, no place until promoted).
    reserve: bool = False


@dataclass(frozen=True, kw_only=True)
class AssignmentSummary:
    """One line of :func:`coulisses_sdk.host.list_assignments`."""

    assignment_id: int
    status: str
    user_id: int
    mission_id: int
    mission_title: str
    place: str
    #: IANA timezone of the mission's local times (its place's, else the org's).
    timezone: str
    role_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    invitation_id: int | None = None
    invitation_expires_at: dt.datetime | None = None
    #: On the reserve list of the role (an ACCEPTED reserve does not work yet).
    reserve: bool = False
    #: Real elapsed minutes from ``starts_at`` to ``ends_at``, floored (DST-aware), as the
    #: core computes them.
    duration_minutes: int = 0


class WorkRow(NamedTuple):
    """One assignment of :func:`coulisses_sdk.host.work_rows`, with what a pay report needs
    of its user, mission and rate, as a plain tuple (a report of thousands of assignments
    builds no object per row; read the fields by name or unpack the tuple).

    The rate is :func:`coulisses_sdk.host.assignment_rate`'s (mission > user > role
    name); its three fields are ``None`` together when no level has one.
    """

    assignment_id: int
    #: ``INVITED``, ``ACCEPTED``... (the filter's statuses only)
    status: str
    #: On the reserve list of the role (an ACCEPTED reserve does not work yet).
    reserve: bool
    user_id: int
    #: The user's first and last name together (``UserInfo.name``).
    user_name: str
    #: ``CDI``, ``CDD``, ``Intermittent`` or ``Freelance`` (``UserInfo.employment_type``)
    employment_type: str
    mission_id: int
    #: The mission's project.
    project_id: int
    #: IANA timezone of the mission's local times (its place's, else the org's).
    timezone: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    #: ``hourly``, ``cachet`` or ``per_mission`` (``RateInfo.kind``), ``None``: no rate
    rate_kind: str | None
    rate_amount_cents: int | None
    #: ISO 4217 code of the rate
    rate_currency: str | None


@dataclass(frozen=True, kw_only=True)
class CursorPage(Generic[T]):
    """One page of a list read of :mod:`coulisses_sdk.host` (``list_missions``...).

    ``next_cursor`` is ``None`` on the last page; otherwise pass it as ``cursor`` to the
    same read, with the same filters, for the next page. Pages are keyset pages: rows
    added or removed before the cursor between two calls neither repeat nor hide the
    rows after it. (Not :class:`coulisses_sdk.Page`, the envelope of the HTTP lists.)
    """

    items: tuple[T, ...]
    next_cursor: str | None = None


@dataclass(frozen=True, kw_only=True)
class MissionInfo:
    """A mission (:func:`coulisses_sdk.host.get_mission`, ``list_missions``)."""

    mission_id: int
    project_id: int
    title: str
    #: ``DRAFT`` or ``PUBLISHED``
    status: str
    place_id: int | None
    #: The name of the mission's place ("" without a place).
    place: str
    #: IANA timezone of the mission's local times: its place's, else the org's.
    timezone: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    #: Real elapsed minutes from ``starts_at`` to ``ends_at``, floored (a night across a
    #: DST change is 60 minutes shorter or longer than its wall-clock times say), the
    #: figure of ``GET /api/v1/missions/{id}``.
    duration_minutes: int
    #: Longer than the usual 24 hours was allowed for this mission.
    allow_long: bool
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class MissionRoleInfo:
    """A role of a mission and how it is staffed (:func:`coulisses_sdk.host.mission_roles`)."""

    role_id: int
    mission_id: int
    name: str
    quota: int
    required_skills: tuple[str, ...]
    #: INVITED, not on the reserve list
    pending: int
    #: ACCEPTED, not on the reserve list (they hold the places)
    accepted: int
    declined: int
    #: INVITED or ACCEPTED on the reserve list
    reserves: int
    #: Places left: ``quota - accepted``, never below 0.
    open: int


@dataclass(frozen=True, kw_only=True)
class AssignmentInfo:
    """One assignment (:func:`coulisses_sdk.host.get_assignment`)."""

    assignment_id: int
    mission_id: int
    role_id: int
    role_name: str
    user_id: int
    #: ``INVITED``, ``ACCEPTED``, ``DECLINED`` or ``CANCELLED``
    status: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    #: Real elapsed minutes of its mission, floored (DST-aware), as the core computes them.
    duration_minutes: int
    #: On the reserve list of the role (beyond its quota, no place until promoted).
    reserve: bool
    answered_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    #: The latest open invitation (not answered, not revoked), if any.
    invitation_id: int | None = None
    invitation_expires_at: dt.datetime | None = None


@dataclass(frozen=True, kw_only=True)
class UserSkill:
    """A skill of a user; with ``valid_until`` it is a certification that expires."""

    name: str
    level: int
    valid_until: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class UserInfo:
    """A user: a schedulable person of the org, its crew profile
    (:func:`coulisses_sdk.host.get_user`, ``list_users``).

    The profile's private notes, legal ids, documents and rate profile are not
    read by plugins; the pay that applies comes from :func:`coulisses_sdk.host.effective_rate`.
    """

    user_id: int
    first_name: str
    last_name: str
    #: First and last name together.
    name: str
    email: str | None
    phone: str | None
    #: ``CDI``, ``CDD``, ``Intermittent`` or ``Freelance``
    employment_type: str
    #: The account linked to the user (``None`` for people who never log in).
    account_id: int | None
    skills: tuple[UserSkill, ...]
    tags: tuple[str, ...]
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class ProjectInfo:
    """A project (:func:`coulisses_sdk.host.get_project`, ``list_projects``)."""

    project_id: int
    name: str
    description: str
    #: ``DRAFT``, ``ACTIVE`` or ``ARCHIVED``
    status: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class PlaceInfo:
    """A place where missions happen (:func:`coulisses_sdk.host.get_place`, ``list_places``)."""

    place_id: int
    name: str
    address: str
    #: IANA timezone of the local times of the missions held there.
    timezone: str
    latitude: float | None
    longitude: float | None
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class RateInfo:
    """The rate that applies (:func:`coulisses_sdk.host.effective_rate`, ``assignment_rate``).

    ``target`` says which level of the core's precedence it came from: ``mission``
    (a negotiated price for that mission) beats ``user`` (their personal contract),
    which beats ``role`` (the org-wide rate of the mission role's name).
    """

    rate_id: int
    #: ``hourly``, ``cachet`` (daily flat fee) or ``per_mission``
    kind: str
    amount_cents: int
    #: ISO 4217 code
    currency: str
    #: ``mission``, ``user`` or ``role``
    target: str
    user_id: int | None
    role_name: str | None
    mission_id: int | None
    label: str


@dataclass(frozen=True, kw_only=True)
class CertificationAlert:
    """One line of :func:`coulisses_sdk.host.expiring_certifications`: a certification
    (a skill with a ``valid_until``) that expires soon or has expired.

    ``status`` is ``expiring`` (``valid_until`` is today or later; ``days_left`` is
    0 on its last valid day) or ``expired`` (``days_left`` is negative).
    ``affected_assignments`` counts the user's upcoming active assignments (INVITED or
    ACCEPTED) on a role requiring the skill that end after the certification does
    (the conflicts check flags them ``skill_expired``); ``next_affected_starts_at``
    is the start of the first of them.
    """

    user_id: int
    user_name: str
    skill: str
    level: int
    valid_until: dt.date
    #: the certificate number or diploma id, if recorded
    reference: str | None
    status: str
    days_left: int
    affected_assignments: int = 0
    next_affected_starts_at: dt.datetime | None = None


@dataclass(frozen=True, kw_only=True)
class AnswerResult:
    """What :func:`coulisses_sdk.host.answer_invitation` did.

    ``ok`` is False with the core's stable error ``code`` when the answer was
    refused (``invitation.not_found``, ``invitation.expired``,
    ``invitation.revoked``, ``invitation.already_answered``,
    ``assignment.quota_full``, ``assignment.overlap``...). ``replayed`` is True
    when the invitation already had this very answer (nothing changed).
    ``reserve`` is True when the assignment is still on the reserve list (an
    accepting reserve waits for a place; it may have been given one at once).
    """

    ok: bool
    code: str = ""
    assignment_id: int | None = None
    assignment_status: str | None = None
    replayed: bool = False
    reserve: bool = False


@dataclass(frozen=True, kw_only=True)
class InvitationDelivery:
    """An invitation link to bring to its user (hook ``deliver_invitation``).

    The URLs embed the link's secret token: send them to the recipient only,
    never store or log them.
    """

    org_id: int
    assignment_id: int
    invitation_id: int
    mission_id: int
    user_id: int
    recipient_name: str
    email: str | None
    locale: str
    #: The account linked to the user, if any.
    account_id: int | None
    #: The public page showing the mission and both answers.
    answer_url: str
    accept_url: str
    decline_url: str
    expires_at: dt.datetime
    #: True when a manager sent the invitation again (a new link replaced the old one).
    resent: bool = False
    actor_account_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class PasswordResetDelivery:
    """A password reset link (hook ``deliver_password_reset``).

    ``org_id`` is one org of the account that enabled the plugin (the one whose
    sender settings apply). ``reset_url`` is single-use and secret.
    """

    org_id: int
    account_id: int
    email: str
    locale: str
    reset_url: str
    expires_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class AvailabilityRequestDelivery:
    """A manager's request for availability to bring to one person asked (hook
    ``deliver_availability_request``): the first message, or a reminder (``reminder``)
    to someone who has not answered yet.

    ``answer_url`` opens the public page where the person answers day by day without an
    account: it embeds a secret token, send it to the recipient only, never store or
    log it. ``deadline`` is the answer deadline (aware); ``timezone`` the request's
    clock, in which its days and the deadline are shown. ``email`` may be None (a
    person reachable only on another channel); ``account_id`` is the account linked
    to the person, if any.
    """

    org_id: int
    request_id: int
    recipient_id: int
    user_id: int
    account_id: int | None
    recipient_name: str
    email: str | None
    locale: str
    title: str
    message: str | None
    starts_on: dt.date
    ends_on: dt.date
    deadline: dt.datetime
    timezone: str
    answer_url: str
    reminder: bool = False
