"""Response body of /api/v1/planning.

A month holds thousands of these structs: ``gc=False`` keeps them out of the
cyclic garbage collector (they hold no reference cycles), so a response does not
trigger full collections that would stall the process (measured: p95 115 -> 25 ms).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
from litestar.openapi.spec import Example


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
    """A mission of the window. Its project's name is in ``Planning.projects``, its place's
    name and timezone in ``Planning.places`` (keyed by ``place_id``); without a place its
    local times are in the org's timezone (``Planning.timezone``). Local times and
    ``published`` (``status == "PUBLISHED"``) are left to the client to derive."""

    id: int
    project_id: int
    title: str
    place_id: int | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    duration_minutes: Annotated[int, _DURATION]
    status: str
    roles: list[PlanningRole]


class PlanningAssignment(msgspec.Struct, gc=False):
    """An assignment shown. Its times and duration are its mission's (``mission_id``, always
    in ``missions``): an assignment has no times of its own."""

    id: int
    mission_id: int
    mission_role_id: int
    user_id: int
    status: str
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


class PlanningProject(msgspec.Struct, gc=False):
    """A project of the window's missions (lookup table ``Planning.projects``)."""

    name: str


class PlanningPlace(msgspec.Struct, gc=False):
    """A place of the window's missions (lookup table ``Planning.places``)."""

    name: str
    timezone: Annotated[str, msgspec.Meta(description="IANA timezone of its missions' local times")]


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
    in the org's timezone), in the order of ``missions``; the place's name and timezone
    are in ``Planning.places``."""

    place_id: int | None
    mission_ids: list[int]


#: The OpenAPI example of ``GET /api/v1/planning``: a Montreal tour date seen from Paris.
PLANNING_EXAMPLE = Example(
    summary="one mission at a place in another timezone, one declined invitation",
    value={
        "from": "2027-06-30T22:00:00Z",
        "to": "2027-07-31T22:00:00Z",
        "timezone": "Europe/Paris",
        "projects": {"12": {"name": "Festival 2027"}},
        "places": {"7": {"name": "Theatre Outremont", "timezone": "America/Montreal"}},
        "missions": [
            {
                "id": 501,
                "project_id": 12,
                "title": "Exploitation",
                "place_id": 7,
                "starts_at": "2027-07-11T00:00:00Z",
                "ends_at": "2027-07-11T04:00:00Z",
                "duration_minutes": 240,
                "status": "PUBLISHED",
                "roles": [
                    {
                        "id": 900,
                        "name": "regisseur son",
                        "quota": 1,
                        "required_skills": ["son"],
                        "pending": 0,
                        "accepted": 0,
                        "declined": 1,
                        "open": 1,
                        "reserves": 0,
                    }
                ],
            }
        ],
        "assignments": [
            {
                "id": 3001,
                "mission_id": 501,
                "mission_role_id": 900,
                "user_id": 44,
                "status": "DECLINED",
                # null unless the caller may read it (private_data.read) or it is theirs
                "decline_reason": "deja pris ce soir-la",
                "delivery_status": None,
                "reserve": False,
                "reserve_position": None,
            }
        ],
        "users": [
            {
                "id": 44,
                "first_name": "Lea",
                "last_name": "Roux",
                "employment_type": "Intermittent",
                "planned_minutes": 0,
                "accepted_minutes": 0,
            }
        ],
        "groups": None,
    },
)


class Planning(msgspec.Struct):
    """The missions overlapping [from, to), the assignments shown (filtered by user and
    status), and every user those assignments reference with their minutes in the window.

    Nothing is repeated: an assignment's times are its mission's; a mission names its
    project and place by id, and ``projects`` / ``places`` (keyed by id) hold each one's
    name (and a place's timezone) once. Times are UTC; ``timezone`` is the org's (the
    window's, for display, and the clock of the missions without a place); a mission at a
    place uses the place's. ``groups``: with ``group_by=place``, the missions per place,
    by place name, the missions without a place last; null otherwise."""

    from_: dt.datetime = msgspec.field(name="from")
    to: dt.datetime
    timezone: str
    projects: Annotated[
        dict[int, PlanningProject],
        msgspec.Meta(description="the projects of the missions, by id"),
    ]
    places: Annotated[
        dict[int, PlanningPlace],
        msgspec.Meta(description="the places of the missions, by id"),
    ]
    missions: list[PlanningMission]
    assignments: list[PlanningAssignment]
    users: list[PlanningUser]
    groups: list[PlanningPlaceGroup] | None = None
