"""Response body of /api/v1/planning.

A month holds thousands of these structs: ``gc=False`` keeps them out of the
cyclic garbage collector (they hold no reference cycles), so a response does not
trigger full collections that would stall the process (measured: p95 115 -> 25 ms).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

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
    place: str
    starts_at: dt.datetime
    ends_at: dt.datetime
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
    decline_reason: Annotated[
        str | None,
        msgspec.Meta(
            description="Private: null for a caller without private_data.read, except on"
            " their own assignments."
        ),
    ]
    #: For an INVITED assignment, what became of its link (queued, sent, failed,
    #: no_channel); None for the other statuses.
    delivery_status: str | None = None


class PlanningUser(msgspec.Struct, gc=False):
    id: int
    first_name: str
    last_name: str
    employment_type: str


class Planning(msgspec.Struct):
    """The missions overlapping [from, to), the assignments shown (filtered by user and
    status), and every user those assignments reference. Times are UTC; ``timezone`` is
    the org's, for display."""

    from_: dt.datetime = msgspec.field(name="from")
    to: dt.datetime
    timezone: str
    missions: list[PlanningMission]
    assignments: list[PlanningAssignment]
    users: list[PlanningUser]
