"""Request and response bodies of /api/v1/availability-requests and of the public answer
page /api/v1/availability-answers (never table rows)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from litestar.openapi.spec import Example

from coulisses.auth.schemas import Strict
from coulisses.web.openapi import rule
from coulisses_sdk import Page

#: A row id (int4); bounds checked at decoding.
Id = Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]
AnswerValue = Literal["yes", "no", "if_needed"]
Title = Annotated[str, msgspec.Meta(max_length=200), rule(min_length=1)]
Message = Annotated[str, msgspec.Meta(max_length=4000)]
SlotKey = Annotated[
    str,
    msgspec.Meta(max_length=40, description="stable key of the slot, e.g. montage"),
    rule(pattern=r"^[a-z][a-z0-9_]*$"),
]
LocalTime = Annotated[
    str,
    msgspec.Meta(max_length=5, description="local time HH:MM"),
    rule(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
]
RemindHours = Annotated[
    int,
    msgspec.Meta(
        ge=1,
        le=720,
        description="Hours before the deadline when those who have not answered get a"
        " reminder (once); null: no automatic reminder",
    ),
]


class SlotIn(Strict):
    """A named time range of each day; ``end`` at or before ``start`` ends the next day."""

    key: SlotKey
    label: Annotated[str, msgspec.Meta(max_length=60)]
    start: LocalTime
    end: LocalTime


class SlotOut(msgspec.Struct):
    key: str
    label: str
    start: str
    end: str


class AvailabilityRequestCreate(Strict):
    """Ask ``user_ids`` for their availability each day from ``starts_on`` to ``ends_on``
    (at most 93 days), per slot when ``slots`` are given, else per whole day; local times
    are in the place's timezone (``place_id``), else the org's."""

    title: Title
    starts_on: dt.date
    ends_on: dt.date
    user_ids: Annotated[list[Id], msgspec.Meta(max_length=500)]
    deadline: dt.datetime
    slots: Annotated[list[SlotIn], msgspec.Meta(max_length=8)] = []
    message: Message = ""
    place_id: Id | None = None
    remind_hours_before: RemindHours | None = 48


class ReopenIn(Strict):
    """A new deadline, needed when the old one has passed."""

    deadline: dt.datetime | None = None


class AnswerCell(Strict, kw_only=True):
    day: dt.date
    #: ``''`` for a whole-day request
    slot: Annotated[str, msgspec.Meta(max_length=40)] = ""
    answer: AnswerValue


class AnswerCellOut(msgspec.Struct):
    day: dt.date
    slot: str
    answer: str


class AnswersIn(Strict):
    """Every answer of the person (what is left out is "no answer"): replaces the previous
    ones."""

    answers: Annotated[list[AnswerCell], msgspec.Meta(max_length=1000)]


class HeatCell(msgspec.Struct):
    """How many answered yes / if needed / no for a day and slot, and how many have not."""

    day: dt.date
    slot: str
    yes: int
    if_needed: int
    no: int
    no_answer: int


class RecipientOut(msgspec.Struct):
    id: int
    user_id: int
    first_name: str
    last_name: str
    answered_at: dt.datetime | None
    last_reminded_at: dt.datetime | None
    answers: list[AnswerCellOut]


class AvailabilityRequestOut(msgspec.Struct):
    id: int
    title: str
    message: str
    starts_on: dt.date
    ends_on: dt.date
    slots: list[SlotOut]
    place_id: int | None
    timezone: str
    deadline: dt.datetime
    remind_hours_before: int | None
    closed_at: dt.datetime | None
    created_at: dt.datetime
    recipients_count: int
    answered_count: int


class AvailabilityRequestDetailOut(AvailabilityRequestOut):
    """The request with each person's answers (the people x days table) and the heat map."""

    recipients: list[RecipientOut]
    heatmap: list[HeatCell]


class AvailabilityRequestPage(Page[AvailabilityRequestOut]):
    """The list envelope of availability requests."""

    items: list[AvailabilityRequestOut]


class HeatmapOut(msgspec.Struct):
    request_id: int
    cells: list[HeatCell]


class HeatDayOut(msgspec.Struct):
    """One day of the planning's heat map: of the ``asked`` people, how many said yes (to
    at least one slot), only if needed, no, or nothing of that day; the requests behind."""

    day: dt.date
    asked: int
    yes: int
    if_needed: int
    no: int
    no_answer: int
    request_ids: list[int]


class DayHeatmapOut(msgspec.Struct):
    """Days with at least one person asked, in order (days without are left out)."""

    from_: dt.date = msgspec.field(name="from")
    to: dt.date = msgspec.field(name="to")
    days: list[HeatDayOut]


class RemindOut(msgspec.Struct):
    """How many people who have not answered were sent their link again."""

    reminded: int


class PublicRequestOut(msgspec.Struct):
    """What the public answer page shows: the question and this person's answers only."""

    recipient_id: int
    first_name: str
    org_name: str
    title: str
    message: str
    starts_on: dt.date
    ends_on: dt.date
    slots: list[SlotOut]
    timezone: str
    deadline: dt.datetime
    closed: bool
    deadline_passed: bool
    answered_at: dt.datetime | None
    answers: list[AnswerCellOut]


FESTIVAL_EXAMPLE = Example(
    summary="Ten festival days, two slots (the evening one ends after midnight)",
    value={
        "title": "Festival 2027 : vos disponibilites",
        "starts_on": "2027-07-10",
        "ends_on": "2027-07-19",
        "slots": [
            {"key": "montage", "label": "Montage", "start": "08:00", "end": "13:00"},
            {"key": "soir", "label": "Soir", "start": "18:00", "end": "02:00"},
        ],
        "user_ids": [3, 4, 5],
        "deadline": "2027-06-20T18:00:00+02:00",
        "message": "Merci de repondre avant le 20 juin.",
        "remind_hours_before": 48,
    },
)

ANSWERS_EXAMPLE = Example(
    summary="Yes on the 10th's build-up, if needed in the evening, no on the 11th",
    value={
        "answers": [
            {"day": "2027-07-10", "slot": "montage", "answer": "yes"},
            {"day": "2027-07-10", "slot": "soir", "answer": "if_needed"},
            {"day": "2027-07-11", "slot": "montage", "answer": "no"},
        ]
    },
)

DAY_HEATMAP_EXAMPLE = Example(
    summary="Two festival days: 30 people asked by two requests, some answers in",
    value={
        "from": "2027-07-01",
        "to": "2027-07-31",
        "days": [
            {
                "day": "2027-07-10",
                "asked": 30,
                "yes": 12,
                "if_needed": 3,
                "no": 2,
                "no_answer": 13,
                "request_ids": [7, 9],
            },
            {
                "day": "2027-07-11",
                "asked": 30,
                "yes": 8,
                "if_needed": 1,
                "no": 6,
                "no_answer": 15,
                "request_ids": [7],
            },
        ],
    },
)
