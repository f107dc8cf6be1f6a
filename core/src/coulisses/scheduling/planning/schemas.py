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
    """A mission role and the state of its places; each count says what it counts.
    Reserves (beyond the quota) hold no place: they count in ``reserves`` only (and in
    ``declined`` once they decline)."""

    id: int
    name: str
    quota: int
    required_skills: list[str]
    pending: Annotated[
        int, msgspec.Meta(description="INVITED (not reserves): asked, still waiting")
    ]
    accepted: Annotated[int, msgspec.Meta(description="ACCEPTED (not reserves): places filled")]
    declined: Annotated[int, msgspec.Meta(description="DECLINED answers")]
    open: Annotated[
        int, msgspec.Meta(description="places not filled yet: quota - accepted, never below 0")
    ]
    reserves: Annotated[
        int,
        msgspec.Meta(
            description="reserves INVITED or ACCEPTED: beyond the quota, waiting for a place"
        ),
    ] = 0


_DURATION = msgspec.Meta(
    description="real elapsed minutes from starts_at to ends_at (DST-aware: 01:00-05:00"
    " Europe/Paris is 180 on 2027-03-28, 300 on 2027-10-31)",
    examples=[360],
)


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
    duration_minutes: Annotated[int, _DURATION]
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
    duration_minutes: Annotated[int, _DURATION]
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
    #: On the reserve list of its role (beyond the quota: no place held yet).
    reserve: bool = False
    #: For an ACCEPTED reserve, its rank in the role's queue (1 is promoted first).
    reserve_position: int | None = None


class PlanningUser(msgspec.Struct, gc=False):
    """A person the shown assignments reference, with their minutes in the window."""

    id: int
    first_name: str
    last_name: str
    employment_type: str
    planned_minutes: Annotated[
        int,
        msgspec.Meta(
            description="minutes of their INVITED and ACCEPTED assignments that fall inside"
            " the window (a mission across a window bound counts its part inside), on the"
            " missions of the response; reserves (no place held) do not count",
            examples=[2280],
        ),
    ] = 0
    accepted_minutes: Annotated[
        int,
        msgspec.Meta(
            description="the same, ACCEPTED assignments only (not reserves)", examples=[1800]
        ),
    ] = 0


class PlanningPlaceGroup(msgspec.Struct, gc=False):
    """The missions of the window at one place (``place_id`` null: those without a place,
    in the org's timezone), in the order of ``missions``."""

    place_id: int | None
    place: str
    timezone: str
    mission_ids: list[int]


class Planning(msgspec.Struct):
    """The missions overlapping [from, to), the assignments shown (filtered by user and
    status), and every user those assignments reference with their minutes in the window.
    Times are UTC; ``timezone`` is the org's (the window's, for display); each mission
    gives its own (its place's). ``groups``: with ``group_by=place``, the missions per
    place, by place name, the missions without a place last; null otherwise."""

    from_: dt.datetime = msgspec.field(name="from")
    to: dt.datetime
    timezone: str
    missions: list[PlanningMission]
    assignments: list[PlanningAssignment]
    users: list[PlanningUser]
    groups: list[PlanningPlaceGroup] | None = None
