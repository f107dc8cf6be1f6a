"""Domain events the core records with each change.

Every event carries the org it belongs to; the host delivers it only to
plugins that org has enabled. An event is written in the same transaction as
the change that produced it, then handed to each plugin's handler by a worker,
after commit: at least once, retried with backoff while the handler raises,
dead-lettered after a number of attempts (``coulisses events failed``). A
handler may therefore see an event more than once: ``event_id`` is the same
at every attempt, use it as an idempotency key.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import ClassVar


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, kw_only=True)
class DomainEvent:
    """``event_id`` identifies this event: the same for every delivery attempt and
    every plugin (an idempotency key); ``at`` is when the change happened.

    ``version`` is the version of the event's payload: it goes up when a field is
    removed, renamed or changes meaning or type (adding an optional field does not),
    so a webhook receiver can tell which shape it gets. The catalog of events is
    ``docs/plugins/evenements.md`` (``coulisses events catalog``).
    """

    version: ClassVar[int] = 1

    org_id: int
    actor_account_id: int | None = None
    at: dt.datetime = field(default_factory=_now)
    event_id: str = field(default_factory=_new_id)

    @property
    def kind(self) -> str:
        return type(self).__name__


@dataclass(frozen=True, kw_only=True)
class OrgCreated(DomainEvent):
    name: str
    slug: str


@dataclass(frozen=True, kw_only=True)
class MemberAdded(DomainEvent):
    account_id: int
    email: str
    role: str


@dataclass(frozen=True, kw_only=True)
class MissionChanged(DomainEvent):
    """``change`` is one of created, updated, published, unpublished, deleted."""

    mission_id: int
    project_id: int
    change: str


@dataclass(frozen=True, kw_only=True)
class AssignmentEvent(DomainEvent):
    """Fields shared by every assignment event."""

    assignment_id: int
    mission_id: int
    mission_role_id: int
    user_id: int


@dataclass(frozen=True, kw_only=True)
class AssignmentInvited(AssignmentEvent):
    """``reserve`` is True for an invitee beyond the role's quota (a reserve)."""

    invitation_id: int | None = None
    reserve: bool = False


@dataclass(frozen=True, kw_only=True)
class AssignmentAccepted(AssignmentEvent):
    """``via`` is ``link`` (signed invitation), ``app`` (logged-in user) or ``swap`` (the
    assignment was created by an applied swap, for the colleague who took it). ``reserve`` is
    True when a reserve accepted: they confirmed they are available, without a place yet
    (an ``AssignmentPromoted`` follows, in the same batch, when a place was free)."""

    via: str
    reserve: bool = False


@dataclass(frozen=True, kw_only=True)
class AssignmentDeclined(AssignmentEvent):
    via: str
    reason: str | None = None


@dataclass(frozen=True, kw_only=True)
class AssignmentCancelled(AssignmentEvent):
    """``reason`` is ``swapped`` when the assignment changed hands through a swap
    (``SwapChanged``): an ``AssignmentAccepted`` with ``via="swap"`` for the receiver
    follows in the same batch. None for a manager's cancellation."""

    previous_status: str
    reason: str | None = None


@dataclass(frozen=True, kw_only=True)
class AssignmentPromoted(AssignmentEvent):
    """A reserve who had accepted now holds a place of the role (the assignment stays
    ACCEPTED and is no longer a reserve).

    ``cause`` says what freed the place: ``declined`` or ``cancelled`` (the assignment
    ``freed_assignment_id`` let it go), ``quota`` (a manager raised the role's quota) or
    ``accepted`` (the reserve accepted while a place was free).
    """

    cause: str
    freed_assignment_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class SwapChanged(DomainEvent):
    """A step of a swap between crew (a proposal to hand over or exchange an ACCEPTED
    assignment, docs/scheduling.md "Echanges et cessions").

    ``step`` is ``proposed``, ``accepted`` (by the colleague), ``approved`` or
    ``rejected`` (by a manager), ``applied`` (the assignments changed hands: fired
    after ``accepted`` or ``approved`` in the same batch, followed by the assignments'
    ``AssignmentCancelled`` and ``AssignmentAccepted``), ``declined`` (by the named
    colleague), ``cancelled`` (by the proposer) or ``expired`` (the mission started
    before the proposal was settled; no actor). ``swap_kind`` is ``handover``
    (``assignment_id`` goes to the colleague) or ``swap`` (it is exchanged for
    ``target_assignment_id``). ``target_user_id`` is the named colleague, None for a
    handover open to anyone eligible; ``colleague_user_id`` who accepted (None before).
    ``requires_approval``: a manager must approve once the colleague accepted.
    """

    swap_id: int
    swap_kind: str
    step: str
    assignment_id: int
    proposer_user_id: int
    target_assignment_id: int | None = None
    target_user_id: int | None = None
    colleague_user_id: int | None = None
    requires_approval: bool = False


@dataclass(frozen=True, kw_only=True)
class CertificationsExpiring(DomainEvent):
    """The daily check of ``day`` (the org's local date) found certifications to renew.

    A certification is a user's skill with a ``valid_until`` (last valid day,
    inclusive). ``expiring`` counts those whose ``valid_until`` falls from ``day``
    to ``day + within_days``; ``expired_assigned`` those already expired whose user
    is still on an upcoming active assignment of a role requiring the skill. Fired
    at most once per org and day, only when one of the counts is not zero. It names
    nobody (domain events also reach every member's live stream): read the list
    with :func:`coulisses_sdk.host.expiring_certifications`.
    """

    day: dt.date
    within_days: int
    expiring: int
    expired_assigned: int


@dataclass(frozen=True, kw_only=True)
class AvailabilityRequestAnswered(DomainEvent):
    """A person answered an availability request through their link (again, maybe:
    each answer replaces the previous one, and the availability windows it made).

    ``answers`` counts the days (or day slots) answered; 0 when the person withdrew
    every answer. It names nobody and carries no link: read the answers with the
    manager's API (``GET /api/v1/availability-requests/{request_id}``).
    """

    request_id: int
    user_id: int
    answers: int


@dataclass(frozen=True, kw_only=True)
class AvailabilityChanged(DomainEvent):
    """A person's availability window (an absence, a leave, a time they are available)
    was asked for, recorded, decided or deleted.

    ``step`` is ``requested`` (the person asked: a manager must decide), ``recorded``
    (created or changed already APPROVED: by a manager, or a type that needs no
    approval such as a declared sick leave), ``approved``, ``refused`` or ``deleted``.
    ``window_kind`` is ``unavailable`` (absences) or ``available``; ``status`` the window's
    status after the change (``REQUESTED``, ``APPROVED``, ``REFUSED``; the last one
    for ``deleted``). ``starts_at`` / ``ends_at`` are None for a recurring window
    (``recurring``). ``absence_type_id`` says why (maladie is health data): private,
    hidden from colleagues on the live stream; read the types with
    ``GET /api/v1/absence-types``.
    """

    window_id: int
    user_id: int
    step: str
    window_kind: str
    status: str
    recurring: bool = False
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    absence_type_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class InvitationDeliveryFailed(DomainEvent):
    """An invitation link did not reach its user.

    ``delivery_status`` is ``failed`` (every attempt failed: ``error`` says the last
    reason) or ``no_channel`` (no address, no linked channel). ``inviter_account_id``
    is the manager who invited (None when that account is gone): tell them.
    """

    invitation_id: int
    assignment_id: int
    mission_id: int
    user_id: int
    delivery_status: str
    channel: str | None = None
    error: str | None = None
    inviter_account_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class OpenShiftEvent(DomainEvent):
    """Fields shared by every open-shift event: the application ``application_id`` of the
    user ``user_id`` to the open places of the mission role ``mission_role_id``
    (publication ``open_shift_id``)."""

    application_id: int
    open_shift_id: int
    mission_id: int
    mission_role_id: int
    user_id: int


@dataclass(frozen=True, kw_only=True)
class OpenShiftApplicationAccepted(OpenShiftEvent):
    """The user holds a place: ``assignment_id`` is their ACCEPTED assignment. ``via`` is
    ``first_come`` (a free place under that policy), ``manager`` (a manager picked them)
    or ``offer`` (they accepted a place offered from the waitlist)."""

    assignment_id: int
    via: str


@dataclass(frozen=True, kw_only=True)
class OpenShiftApplicationRejected(OpenShiftEvent):
    """A manager rejected the application (policy ``manager_picks``)."""


@dataclass(frozen=True, kw_only=True)
class OpenShiftWaitlisted(OpenShiftEvent):
    """The role was full: the user is on its waitlist, ``position`` (1: offered first)."""

    position: int


@dataclass(frozen=True, kw_only=True)
class OpenShiftOffered(OpenShiftEvent):
    """A place freed up and is offered to the first on the waitlist: they accept or decline
    before ``expires_at``; then the place goes to the next one."""

    expires_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class OpenShiftOfferExpired(OpenShiftEvent):
    """The user did not answer the offered place before its deadline (the next on the
    waitlist gets the offer, in the same batch)."""
