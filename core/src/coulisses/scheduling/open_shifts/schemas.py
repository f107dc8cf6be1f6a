"""Open shifts: schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from coulisses.auth.schemas import Strict
from coulisses.scheduling.common import RowId
from coulisses_sdk import Page

OpenShiftPolicy = Literal["first_come", "manager_picks"]
OpenShiftStatus = Literal["OPEN", "FULL", "CLOSED"]
ApplicationStatus = Literal[
    "PENDING",
    "WAITLISTED",
    "OFFERED",
    "ACCEPTED",
    "REJECTED",
    "WITHDRAWN",
    "DECLINED",
    "EXPIRED",
    "CLOSED",
]


class OpenShiftPublish(Strict):
    """Publish the open places of a mission role (again: new settings, reopened)."""

    mission_role_id: Annotated[RowId, msgspec.Meta(examples=[12])]
    policy: Annotated[
        OpenShiftPolicy,
        msgspec.Meta(
            description="first_come: a free place is given at once; manager_picks: the"
            " manager accepts or rejects each applicant",
            examples=["first_come"],
        ),
    ] = "first_come"
    tag: Annotated[
        str | None,
        msgspec.Meta(description="only users with this tag may apply", examples=["regie"]),
    ] = None
    offer_hours: Annotated[
        int,
        msgspec.Meta(
            description="hours a waitlisted person has to answer an offered place (1-336)",
            examples=[24],
        ),
    ] = 24


class ApplicationOut(msgspec.Struct):
    id: int
    open_shift_id: int
    mission_id: int
    mission_role_id: int
    role_name: str
    mission_title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    user_id: int
    first_name: str
    last_name: str
    status: Annotated[ApplicationStatus, msgspec.Meta(examples=["WAITLISTED"])]
    position: Annotated[
        int | None, msgspec.Meta(description="place on the waitlist (1: offered first)")
    ]
    offer_expires_at: Annotated[
        dt.datetime | None, msgspec.Meta(description="deadline of an OFFERED place")
    ]
    assignment_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime


class OpenShiftOut(msgspec.Struct):
    id: int
    mission_role_id: int
    mission_id: int
    role_name: str
    mission_title: str
    place_name: str | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    required_skills: list[str]
    policy: OpenShiftPolicy
    tag: str | None
    offer_hours: int
    status: Annotated[OpenShiftStatus, msgspec.Meta(examples=["OPEN"])]
    quota: int
    taken: Annotated[int, msgspec.Meta(description="places held by assignments")]
    offered: Annotated[int, msgspec.Meta(description="places on offer to the waitlist")]
    free: int
    waitlisted: int
    created_at: dt.datetime
    updated_at: dt.datetime
    applications: list[ApplicationOut] = []


class ScoreParts(msgspec.Struct):
    """Each part from 0 to 1 (docs/scheduling.md: weights 30/20/20/30)."""

    skills: float
    availability: float
    hours: float
    reliability: float


class OpenShiftForMe(msgspec.Struct):
    """An open publication the caller may apply to (no applicant names)."""

    id: int
    mission_role_id: int
    mission_id: int
    role_name: str
    mission_title: str
    place_name: str | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    required_skills: list[str]
    policy: OpenShiftPolicy
    status: OpenShiftStatus
    quota: int
    free: int
    waitlisted: int
    score: Annotated[int, msgspec.Meta(description="matching score 0-100", examples=[82])]
    score_parts: ScoreParts
    my_application: ApplicationOut | None = None


class OpenShiftPage(Page[OpenShiftOut]):
    """The list envelope of publications."""

    items: list[OpenShiftOut]


class ApplicationPage(Page[ApplicationOut]):
    """The list envelope of applications."""

    items: list[ApplicationOut]


class OpenShiftForMePage(Page[OpenShiftForMe]):
    """The list envelope of the open places for me (best match first by default)."""

    items: list[OpenShiftForMe]
