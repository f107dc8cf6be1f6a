"""Calendar feeds: schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from coulisses.auth.schemas import Strict

FeedKind = Literal["user", "project", "place"]


class OwnCalendarFeedIn(Strict):
    """Options of the caller's own feed (all optional)."""

    include_invited: Annotated[
        bool,
        msgspec.Meta(
            description="also list the invitations not answered yet, as STATUS:TENTATIVE"
            " (and those declined since, as STATUS:CANCELLED)"
        ),
    ] = False


class CalendarFeedOut(msgspec.Struct):
    """A calendar feed, without its address: the token behind it is only shown in the
    answer that creates or regenerates it (:class:`CalendarFeedCreated`)."""

    id: int
    kind: FeedKind
    #: the user, project or place the feed lists
    subject_id: int
    #: the user's full name, the project's or the place's name
    subject_name: str
    include_invited: bool
    created_at: dt.datetime
    #: last time a calendar app read it (null: never)
    last_polled_at: dt.datetime | None


class CalendarFeedCreated(CalendarFeedOut):
    """A feed just created or regenerated, with its secret address (shown this once)."""

    #: ``https://.../api/v1/calendar/<token>.ics``: paste it in Google Calendar or Outlook
    url: str
    #: the same address with the ``webcal://`` scheme (Apple Calendar subscribes in one tap)
    webcal_url: str
