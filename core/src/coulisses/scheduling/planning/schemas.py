"""Response body of /api/v1/planning.

A month holds thousands of these structs: ``gc=False`` keeps them out of the
cyclic garbage collector (they hold no reference cycles), so a response does not
trigger full collections that would stall the process (measured: p95 115 -> 25 ms).
"""

from __future__ import annotations

import datetime as dt

import msgspec


class PlanningRole(msgspec.Struct, gc=False):
    """A mission role; ``accepted`` is the number of places filled, out of ``quota``."""

    id: int
    name: str
    quota: int
    required_skills: list[str]
    invited: int
    accepted: int


class PlanningMission(msgspec.Struct, gc=False):
    id: int
    project_id: int
    project_name: str
    title: str
    place_id: int | None
    #: the place's name, empty without a place
    place: str
    #: IANA timezone of the mission's local times: its place's, else the org's
    timezone: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    #: ``starts_at``/``ends_at`` with the offset of ``timezone`` (the place's local time)
    local_starts_at: dt.datetime
    local_ends_at: dt.datetime
    status: str
    published: bool
    roles: list[PlanningRole]


class PlanningAssignment(msgspec.Struct, gc=False):
    id: int
    mission_id: int
    mission_role_id: int
    user_id: int
    status: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    decline_reason: str | None
    #: For an INVITED assignment, what became of its link (queued, sent, failed,
    #: no_channel); None for the other statuses.
    delivery_status: str | None = None


class PlanningUser(msgspec.Struct, gc=False):
    id: int
    first_name: str
    last_name: str
    employment_type: str


class PlanningPlaceGroup(msgspec.Struct, gc=False):
    """The missions of the window at one place (``place_id`` null: those without a place,
    in the org's timezone), in the order of ``missions``."""

    place_id: int | None
    place: str
    timezone: str
    mission_ids: list[int]


class Planning(msgspec.Struct):
    """The missions overlapping [from, to), the assignments shown (filtered by user and
    status), and every user those assignments reference. Times are UTC; ``timezone`` is
    the org's (the window's, for display); each mission gives its own (its place's).
    ``groups``: with ``group_by=place``, the missions per place, by place name, the
    missions without a place last; null otherwise."""

    from_: dt.datetime = msgspec.field(name="from")
    to: dt.datetime
    timezone: str
    missions: list[PlanningMission]
    assignments: list[PlanningAssignment]
    users: list[PlanningUser]
    groups: list[PlanningPlaceGroup] | None = None
