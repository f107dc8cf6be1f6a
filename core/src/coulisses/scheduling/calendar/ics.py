"""The iCalendar (RFC 5545) text of a feed, built with the icalendar library from plain rows.

No database here: :mod:`coulisses.scheduling.calendar.service` reads the rows, this module
turns them into one VCALENDAR. The body depends on the rows only (no "now" inside), so that
its hash is a stable ETag: DTSTAMP and LAST-MODIFIED are the last change of what the event
shows (the mission, the assignment, the place), which is what RFC 5545 asks of DTSTAMP in a
calendar published without a METHOD.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vDuration, vText

PRODID = "-//Coulisses Crew//Calendar feed//FR"
#: Calendar apps that honour it (Apple, Thunderbird; Outlook reads X-PUBLISHED-TTL) poll
#: hourly; Google decides on its own (several hours).
REFRESH = dt.timedelta(hours=1)

STATUSES = ("CONFIRMED", "TENTATIVE", "CANCELLED")


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One VEVENT: an assignment in a user's feed, a mission in a project or place feed."""

    uid: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    #: IANA timezone of the event's local times (its place's, the org's without a place)
    timezone: str
    summary: str
    status: str
    sequence: int
    #: last change of what the event shows (DTSTAMP and LAST-MODIFIED)
    modified_at: dt.datetime
    location: str = ""
    description: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Feed:
    name: str
    events: Sequence[FeedEvent] = field(default_factory=tuple)
    #: the window the events were read in: the VTIMEZONEs cover it (whole years)
    window: tuple[dt.datetime, dt.datetime] | None = None


def uid_host(public_url: str) -> str:
    """The right-hand side of the UIDs: the app's host name (``crew.example.org``)."""
    return urlsplit(public_url).hostname or "coulisses"


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(microsecond=0)


def build(feed: Feed) -> bytes:
    """The VCALENDAR of ``feed``: PRODID, VERSION, X-WR-CALNAME, one VEVENT per event with
    TZID-qualified DTSTART/DTEND, and a VTIMEZONE for every TZID used."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", feed.name)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    for item in feed.events:
        if item.status not in STATUSES:
            raise ValueError(f"unknown event status {item.status}")
        tz = ZoneInfo(item.timezone)
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", _utc(item.modified_at))
        event.add("last-modified", _utc(item.modified_at))
        event.add("dtstart", item.starts_at.astimezone(tz).replace(microsecond=0))
        event.add("dtend", item.ends_at.astimezone(tz).replace(microsecond=0))
        event.add("sequence", item.sequence)
        event.add("status", item.status)
        event.add("summary", vText(item.summary))
        if item.location:
            event.add("location", vText(item.location))
        if item.description:
            event.add("description", vText(item.description))
        if item.url:
            event.add("url", item.url)
        # A cancelled event no longer blocks the person's time.
        event.add("transp", "TRANSPARENT" if item.status == "CANCELLED" else "OPAQUE")
        cal.add_component(event)
    if feed.events:
        # Whole years around the window: the VTIMEZONE text changes once a year, not daily
        # (the body, hence its ETag, stays the same between two polls).
        first, last = feed.window or (
            min(e.starts_at for e in feed.events),
            max(e.ends_at for e in feed.events),
        )
        cal.add_missing_timezones(
            first_date=dt.date(first.year - 1, 1, 1), last_date=dt.date(last.year + 2, 1, 1)
        )
    body: bytes = cal.to_ical()
    return body
