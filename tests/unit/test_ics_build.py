"""The ICS text builder (coulisses.scheduling.calendar.ics): deterministic for the same rows
(the ETag of an unchanged feed stays the same), RFC 5545 folding of long UTF-8 text, one
VTIMEZONE per zone used, and a closed list of statuses."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from coulisses.scheduling.calendar.ics import Feed, FeedEvent, build, uid_host

UTC = dt.UTC


def _event(uid: str, zone: str, status: str = "CONFIRMED", **extra: object) -> FeedEvent:
    fields: dict[str, object] = {
        "uid": uid,
        "starts_at": dt.datetime(2027, 3, 14, 2, 0, tzinfo=UTC),
        "ends_at": dt.datetime(2027, 3, 14, 8, 0, tzinfo=UTC),
        "timezone": zone,
        "summary": "Exploitation",
        "status": status,
        "sequence": 3,
        "modified_at": dt.datetime(2027, 3, 1, 12, 0, 0, 123456, tzinfo=UTC),
    }
    fields.update(extra)
    return FeedEvent(**fields)  # type: ignore[arg-type]


WINDOW = (dt.datetime(2027, 2, 1, tzinfo=UTC), dt.datetime(2028, 2, 1, tzinfo=UTC))


def test_the_same_rows_give_the_same_bytes():
    feed = Feed(
        name="Coulisses - Lea Roy",
        events=[_event("a-1@h", "America/Montreal"), _event("a-2@h", "Europe/Paris")],
        window=WINDOW,
    )
    assert build(feed) == build(feed)


def test_long_accented_text_is_folded_and_reads_back_whole():
    summary = "R\u00e9p\u00e9tition g\u00e9n\u00e9rale - r\u00e9gisseur lumi\u00e8re " * 4
    description = "Ligne 1\nLigne 2 : acc\u00e8s quai, badge; code, porte"
    body = build(
        Feed(
            name="Coulisses - \u00c9t\u00e9",
            events=[_event("a-1@h", "Europe/Paris", summary=summary, description=description)],
            window=WINDOW,
        )
    )
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    event = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == description
    strict = IcsCalendarStream.calendar_from_ics(body.decode())
    assert strict.events[0].summary == summary


def test_one_vtimezone_per_zone_and_utc_stamps_without_microseconds():
    body = build(
        Feed(
            name="x",
            events=[
                _event("a-1@h", "America/Montreal"),
                _event("a-2@h", "America/Montreal"),
                _event("a-3@h", "Europe/Paris"),
            ],
            window=WINDOW,
        )
    )
    cal = icalendar.Calendar.from_ical(body)
    assert sorted(str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")) == [
        "America/Montreal",
        "Europe/Paris",
    ]
    assert b"DTSTAMP:20270301T120000Z" in body
    # 02:00 UTC on 14 March 2027 is 21:00 the evening before in Montreal (EST, UTC-5).
    assert b"DTSTART;TZID=America/Montreal:20270313T210000" in body


def test_an_empty_feed_is_a_valid_calendar_without_timezones():
    body = build(Feed(name="Coulisses - Vide", window=WINDOW))
    cal = icalendar.Calendar.from_ical(body)
    assert cal.walk("VEVENT") == []
    assert cal.walk("VTIMEZONE") == []
    assert IcsCalendarStream.calendar_from_ics(body.decode()).events == []


def test_an_unknown_status_is_refused():
    with pytest.raises(ValueError, match="unknown event status"):
        build(Feed(name="x", events=[_event("a@h", "Europe/Paris", status="DONE")]))


def test_the_uid_host_is_the_public_urls_host():
    assert uid_host("https://crew.example.org/app") == "crew.example.org"
    assert uid_host("not a url") == "coulisses"
