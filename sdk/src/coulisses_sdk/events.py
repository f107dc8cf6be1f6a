"""Domain events the core fires after a transaction commits.

Every event carries the org it belongs to; the host delivers it only to
plugins that org has enabled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, kw_only=True)
class DomainEvent:
    org_id: int
    actor_account_id: int | None = None
    at: dt.datetime = field(default_factory=_now)

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
    invitation_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class AssignmentAccepted(AssignmentEvent):
    """``via`` is ``link`` (signed invitation) or ``app`` (logged-in user)."""

    via: str


@dataclass(frozen=True, kw_only=True)
class AssignmentDeclined(AssignmentEvent):
    via: str
    reason: str | None = None


@dataclass(frozen=True, kw_only=True)
class AssignmentCancelled(AssignmentEvent):
    previous_status: str


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
