"""Recurrence expansion of availability windows: wall-clock times across DST, bounds, windows."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from coulisses.errors import DomainError
from coulisses.scheduling.availability.service import (
    MAX_OCCURRENCES,
    MAX_SERIES_SPAN,
    Recurrence,
    parse_local_time,
    parse_recurrence,
    series_bounds,
    window_spec,
)

UTC = dt.UTC
PARIS = ZoneInfo("Europe/Paris")
ZONES = [
    "Europe/Paris",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "UTC",
]


def _rule(
    text: str,
    start: dt.datetime,
    minutes: int = 480,
    tz: ZoneInfo = PARIS,
) -> Recurrence:
    return parse_recurrence(text, start.date(), start.time(), dt.timedelta(minutes=minutes), tz)


def _code(exc: pytest.ExceptionInfo[DomainError]) -> str:
    return exc.value.code


def _exists(naive: dt.datetime, tz: ZoneInfo) -> bool:
    """False for a local time skipped by a DST gap."""
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz).replace(tzinfo=None) == naive


# -- examples ------------------------------------------------------------------


def test_weekly_paris_window_keeps_its_wall_clock_hours_in_winter_and_summer():
    rec = _rule("FREQ=WEEKLY;BYDAY=MO;COUNT=10", dt.datetime(2027, 3, 1, 9, 0))
    occurrences = rec.occurrences()
    assert len(occurrences) == 10
    for begins, ends in occurrences:
        local_start, local_end = begins.astimezone(PARIS), ends.astimezone(PARIS)
        assert (local_start.hour, local_start.minute) == (9, 0)
        assert (local_end.hour, local_end.minute) == (17, 0)
        assert local_start.weekday() == 0
    # Winter (UTC+1) before 28 March 2027, summer (UTC+2) after.
    assert occurrences[0][0] == dt.datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
    assert occurrences[-1][0] == dt.datetime(2027, 5, 3, 7, 0, tzinfo=UTC)


def test_until_in_utc_is_converted_to_the_local_day():
    # 20270315T075959Z is 08:59:59 in Paris: the Monday 15 March occurrence at 09:00 is out.
    rec = _rule("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270315T075959Z", dt.datetime(2027, 3, 1, 9))
    assert [b.astimezone(PARIS).day for b, _ in rec.occurrences()] == [1, 8]
    # A DATE covers its whole local day.
    rec = _rule("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270315", dt.datetime(2027, 3, 1, 9))
    assert [b.astimezone(PARIS).day for b, _ in rec.occurrences()] == [1, 8, 15]


def test_local_time_skipped_by_dst_is_moved_after_the_gap():
    rec = _rule("FREQ=DAILY;COUNT=3", dt.datetime(2027, 3, 27, 2, 30), minutes=60)
    starts = [b.astimezone(PARIS) for b, _ in rec.occurrences()]
    assert [(s.day, s.hour, s.minute) for s in starts] == [(27, 2, 30), (28, 3, 30), (29, 2, 30)]
    begins, ends = rec.occurrences()[1]
    assert ends - begins == dt.timedelta(hours=1)


def test_occurrences_inside_a_window_are_those_overlapping_it():
    rec = _rule("FREQ=DAILY;COUNT=10", dt.datetime(2027, 7, 1, 22, 0), minutes=240)
    start = dt.datetime(2027, 7, 3, 0, 30, tzinfo=PARIS)  # inside the 2 July night
    end = dt.datetime(2027, 7, 4, 22, 0, tzinfo=PARIS)  # the 4 July one starts exactly here
    found = rec.occurrences(start, end)
    assert [b.astimezone(PARIS).day for b, _ in found] == [2, 3]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "FREQ=FORTNIGHTLY;COUNT=2",
        "FREQ=WEEKLY;BYDAY=XX;COUNT=2",
        "FREQ=WEEKLY;COUNT=abc",
        "FREQ=WEEKLY;COUNT=0",
        "FREQ=WEEKLY;INTERVAL=0;COUNT=2",
        "BYDAY=MO;COUNT=2",
        "FREQ=WEEKLY;COUNT=2;UNTIL=20270601",
        "FREQ=WEEKLY;COUNT=2;COUNT=3",
        "FREQ=HOURLY;COUNT=2",
        "FREQ=DAILY;BYHOUR=9;COUNT=2",
        "FREQ=WEEKLY;UNTIL=2027-06-01",
        "FREQ=WEEKLY;UNTIL=20270231",
        "FREQ=WEEKLY;UNTIL=20270101",
        "FREQ=WEEKLY;FOO=1;COUNT=2",
        "FREQ=WEEKLY;COUNT=2\nRRULE:FREQ=DAILY;COUNT=2",
        "DTSTART:20270301T090000\nRRULE:FREQ=WEEKLY;COUNT=2",
        "FREQ=WEEKLY,COUNT=2",
    ],
)
def test_invalid_rules_are_refused(text):
    with pytest.raises(DomainError) as exc:
        _rule(text, dt.datetime(2027, 3, 1, 9))
    assert _code(exc) == "availability.invalid_rrule"


@pytest.mark.parametrize("text", ["FREQ=WEEKLY", "FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU"])
def test_rules_without_count_or_until_are_refused_as_unbounded(text):
    with pytest.raises(DomainError) as exc:
        _rule(text, dt.datetime(2027, 3, 1, 9))
    assert _code(exc) == "availability.unbounded_rrule"


@pytest.mark.parametrize(
    "text",
    [
        f"FREQ=DAILY;COUNT={MAX_OCCURRENCES + 1}",
        "FREQ=WEEKLY;UNTIL=20300101",
        "FREQ=YEARLY;COUNT=5",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=3",
    ],
)
def test_series_longer_than_the_cap_are_refused(text):
    with pytest.raises(DomainError) as exc:
        series_bounds(_rule(text, dt.datetime(2027, 3, 1, 9)))
    assert _code(exc) == "availability.rrule_too_long"


def test_a_rule_that_never_matches_is_refused():
    with pytest.raises(DomainError) as exc:
        series_bounds(_rule("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=1", dt.datetime(2027, 3, 1)))
    assert _code(exc) == "availability.invalid_rrule"


def test_series_bounds_span_first_start_to_last_end():
    first, last = series_bounds(_rule("FREQ=WEEKLY;COUNT=3", dt.datetime(2027, 3, 22, 9)))
    assert first == dt.datetime(2027, 3, 22, 8, 0, tzinfo=UTC)
    assert last == dt.datetime(2027, 4, 5, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize("value", ["9:00", "24:00", "12:60", "noon", "12:00:30", ""])
def test_bad_local_times_are_refused(value):
    with pytest.raises(DomainError) as exc:
        parse_local_time(value)
    assert _code(exc) == "availability.invalid_start_time"


def test_window_spec_needs_exactly_one_complete_form():
    now = dt.datetime(2027, 3, 1, 9, tzinfo=UTC)
    for fields in (
        {"starts_at": now, "ends_at": now + dt.timedelta(hours=1), "rrule": "FREQ=DAILY;COUNT=1"},
        {"rrule": "FREQ=DAILY;COUNT=1", "start_time": "09:00"},
        {"starts_at": now},
        {},
    ):
        with pytest.raises(DomainError) as exc:
            window_spec(fields, PARIS)
        assert _code(exc) == "availability.invalid_window", fields
    with pytest.raises(DomainError) as exc:
        window_spec({"starts_at": now, "ends_at": now}, PARIS)
    assert _code(exc) == "availability.ends_before_starts"


# -- properties ----------------------------------------------------------------


@st.composite
def rules(draw: st.DrawFn) -> dict:
    tz = ZoneInfo(draw(st.sampled_from(ZONES)))
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY"]))
    parts = [f"FREQ={freq}"]
    interval = draw(st.integers(1, 3))
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    if freq == "WEEKLY" and draw(st.booleans()):
        days = draw(
            st.lists(
                st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]),
                min_size=1,
                max_size=3,
                unique=True,
            )
        )
        parts.append("BYDAY=" + ",".join(days))
    start_date = draw(st.dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31)))
    start_time = dt.time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45])))
    dtstart = dt.datetime.combine(start_date, start_time)
    count: int | None = None
    until: dt.datetime | None = None
    if draw(st.booleans()):
        count = draw(st.integers(1, 40))
        parts.append(f"COUNT={count}")
    else:
        until_local = dtstart + dt.timedelta(
            days=draw(st.integers(0, 400)), minutes=draw(st.integers(0, 1439))
        )
        form = draw(st.sampled_from(["floating", "utc", "date"]))
        if form == "floating":
            until = until_local
            parts.append(f"UNTIL={until_local:%Y%m%dT%H%M%S}")
        elif form == "utc":
            as_utc = until_local.replace(tzinfo=tz).astimezone(UTC)
            until = as_utc.astimezone(tz).replace(tzinfo=None)
            assume(until >= dtstart)
            parts.append(f"UNTIL={as_utc:%Y%m%dT%H%M%S}Z")
        else:
            until = dt.datetime.combine(until_local.date(), dt.time(23, 59, 59))
            parts.append(f"UNTIL={until_local:%Y%m%d}")
    return {
        "tz": tz,
        "text": ";".join(parts),
        "dtstart": dtstart,
        "count": count,
        "until": until,
        "duration": dt.timedelta(minutes=draw(st.integers(1, 1440))),
    }


def _expected_naive_starts(case: dict) -> list[dt.datetime]:
    """An independent expansion: dateutil on the rule as written, within the series cap."""
    dtstart = case["dtstart"]
    text = case["text"]
    if case["until"] is not None:
        text = ";".join(p for p in text.split(";") if not p.startswith("UNTIL="))
        text += f";UNTIL={case['until']:%Y%m%dT%H%M%S}"
    horizon = dtstart + MAX_SERIES_SPAN
    return [d for d in rrulestr(text, dtstart=dtstart) if d <= horizon]


def _bounds_outcome(rec: Recurrence) -> str:
    try:
        series_bounds(rec)
    except DomainError as exc:
        return exc.code
    return "ok"


SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)


@SETTINGS
@given(rules())
def test_every_occurrence_has_the_requested_wall_clock_start_and_duration(case):
    rec = parse_recurrence(
        case["text"], case["dtstart"].date(), case["dtstart"].time(), case["duration"], case["tz"]
    )
    tz = case["tz"]
    expected = _expected_naive_starts(case)
    found = rec.occurrences()
    assert len(found) == len(expected)
    for naive, (begins, ends) in zip(expected, found, strict=True):
        assert begins.tzinfo is not None
        assert ends > begins
        if _exists(naive, tz):
            assert begins.astimezone(tz).replace(tzinfo=None) == naive
        naive_end = naive + case["duration"]
        if _exists(naive, tz) and _exists(naive_end, tz):
            local_end = ends.astimezone(tz).replace(tzinfo=None)
            assert local_end - naive == case["duration"]


@SETTINGS
@given(rules())
def test_occurrences_are_sorted_and_respect_count_and_until(case):
    rec = parse_recurrence(
        case["text"], case["dtstart"].date(), case["dtstart"].time(), case["duration"], case["tz"]
    )
    found = rec.occurrences()
    starts = [b for b, _ in found]
    assert starts == sorted(starts)
    assert len(set(starts)) == len(starts)
    if case["count"] is not None:
        outcome = _bounds_outcome(rec)
        if outcome == "ok":
            assert len(found) == case["count"]
        else:
            # COUNT not reached within the cap: the series is refused at creation.
            assert outcome == "availability.rrule_too_long"
            assert len(found) < case["count"]
    else:
        expected = _expected_naive_starts(case)
        assert all(naive <= case["until"] for naive in expected)
        assert len(found) == len(expected) <= MAX_OCCURRENCES


@SETTINGS
@given(
    rules(),
    st.datetimes(dt.datetime(2025, 12, 1), dt.datetime(2030, 1, 1), timezones=st.just(UTC)),
    st.integers(1, 24 * 400),
)
def test_window_expansion_returns_exactly_the_overlapping_occurrences(case, start, hours):
    rec = parse_recurrence(
        case["text"], case["dtstart"].date(), case["dtstart"].time(), case["duration"], case["tz"]
    )
    end = start + dt.timedelta(hours=hours)
    inside = rec.occurrences(start, end)
    assert inside == [(b, e) for b, e in rec.occurrences() if e > start and b < end]
    assert all(e > start and b < end for b, e in inside)
