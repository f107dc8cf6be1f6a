"""Dashboard: schemas of ``GET /api/v1/dashboard``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec


class DashboardMission(msgspec.Struct):
    """A mission of the next days with places still open (quota not filled by ACCEPTED)."""

    id: int
    project_id: int
    project: str
    title: str
    place: str
    #: the timezone of the mission's local times: its place's, else the org's
    timezone: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: str
    quota: Annotated[int, msgspec.Meta(description="sum of the quotas of its roles")]
    accepted: Annotated[int, msgspec.Meta(description="ACCEPTED assignments, reserves apart")]
    pending: Annotated[int, msgspec.Meta(description="INVITED assignments, reserves apart")]
    open: Annotated[
        int, msgspec.Meta(description="places not filled: per role quota - accepted, at least 0")
    ]


class DashboardAssignment(msgspec.Struct):
    """An assignment with what a line of the dashboard shows of it."""

    id: int
    mission_id: int
    mission: str
    project_id: int
    role: str
    user_id: int
    user: str
    status: str
    reserve: bool
    starts_at: dt.datetime
    ends_at: dt.datetime
    timezone: str
    place: str
    #: when the user was invited (the assignment's creation)
    invited_at: dt.datetime
    answered_at: dt.datetime | None
    #: null for a caller without ``private_data.read``
    decline_reason: str | None


class DashboardDelivery(msgspec.Struct):
    """An invitation link that could not reach its user (still waiting for an answer)."""

    invitation_id: int
    assignment: DashboardAssignment
    #: ``failed`` (the channel refused it) or ``no_channel`` (no address, no plugin channel)
    status: str
    channel: str | None
    updated_at: dt.datetime


class DashboardMissions(msgspec.Struct):
    """The first missions (at most 20) and how many there are in all."""

    total: int
    items: list[DashboardMission]


class DashboardAssignments(msgspec.Struct):
    """The first assignments (at most 20) and how many there are in all."""

    total: int
    items: list[DashboardAssignment]


class DashboardDeliveries(msgspec.Struct):
    """The first undelivered links (at most 20) and how many there are in all."""

    total: int
    items: list[DashboardDelivery]


class DashboardHours(msgspec.Struct):
    """Minutes of assignments (reserves apart) inside a week, Monday 00:00 in the org's
    timezone: ``planned`` counts INVITED and ACCEPTED, ``accepted`` ACCEPTED only."""

    starts_on: dt.date
    planned_minutes: int
    accepted_minutes: int


class DashboardConflicts(msgspec.Struct):
    """Conflicts of the window (as ``GET /api/v1/conflicts`` counts them)."""

    from_date: dt.date = msgspec.field(name="from")
    to_date: dt.date = msgspec.field(name="to")
    total: int = 0


class DashboardManager(msgspec.Struct):
    """What needs a manager: missions of the next 7 days with open places (by start),
    invitations still waiting (oldest first), declines and undelivered links of the last
    24 hours (newest first), conflicts of the next 30 days, hours of this week and the last."""

    missing_people: DashboardMissions
    pending_invitations: DashboardAssignments
    recent_declines: DashboardAssignments
    failed_deliveries: DashboardDeliveries
    conflicts: DashboardConflicts
    this_week: DashboardHours
    last_week: DashboardHours


class DashboardMine(msgspec.Struct):
    """The caller's own assignments (the users linked to their account): the next accepted
    missions (by start) and the invitations waiting for their answer (by start)."""

    next_missions: DashboardAssignments
    pending_answers: DashboardAssignments


class Dashboard(msgspec.Struct):
    """The home page in one read. ``manager`` is null for a caller who may not manage
    assignments (a tech); ``mine`` is there for everyone (empty lists without a linked user)."""

    generated_at: dt.datetime
    timezone: str
    today: dt.date
    manager: DashboardManager | None
    mine: DashboardMine
