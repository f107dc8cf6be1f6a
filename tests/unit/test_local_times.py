"""``local_instant``: the one conversion of a local date and time into an instant."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coulisses.errors import DomainError
from coulisses.scheduling.common import local_instant

PARIS = ZoneInfo("Europe/Paris")
ZONES = [PARIS, ZoneInfo("America/Montreal"), ZoneInfo("Australia/Lord_Howe"), ZoneInfo("UTC")]


@pytest.mark.parametrize(
    ("zone", "day", "time", "fold", "expected"),
    [
        # Ordinary days: the offset of the day.
        (PARIS, "2027-07-10", "19:00", 0, "2027-07-10T17:00:00+00:00"),
        (PARIS, "2027-01-10", "19:00", 1, "2027-01-10T18:00:00+00:00"),
        # 02:30 happens twice on the fall-back day: fold picks the occurrence.
        (PARIS, "2027-10-31", "02:30", 0, "2027-10-31T00:30:00+00:00"),
        (PARIS, "2027-10-31", "02:30", 1, "2027-10-31T01:30:00+00:00"),
        (PARIS, "2027-03-28", "03:00", 0, "2027-03-28T01:00:00+00:00"),
        # Montreal falls back at 02:00 to 01:00: 01:30 is ambiguous.
        ("America/Montreal", "2027-11-07", "01:30", 0, "2027-11-07T05:30:00+00:00"),
        ("America/Montreal", "2027-11-07", "01:30", 1, "2027-11-07T06:30:00+00:00"),
        # Lord Howe moves by 30 minutes: 01:45 happens twice in April.
        ("Australia/Lord_Howe", "2027-04-04", "01:45", 0, "2027-04-03T14:45:00+00:00"),
        ("Australia/Lord_Howe", "2027-04-04", "01:45", 1, "2027-04-03T15:15:00+00:00"),
    ],
)
def test_local_instant_resolves_wall_clock_times(
    zone: ZoneInfo | str, day: str, time: str, fold: int, expected: str
) -> None:
    tz = zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone)
    instant = local_instant(dt.date.fromisoformat(day), dt.time.fromisoformat(time), tz, fold=fold)
    assert instant.isoformat() == expected


@pytest.mark.parametrize(
    ("zone", "day", "time"),
    [
        ("Europe/Paris", "2027-03-28", "02:30"),
        ("Europe/Paris", "2027-03-28", "02:00"),
        ("America/Montreal", "2027-03-14", "02:15"),
        ("Australia/Lord_Howe", "2027-10-03", "02:10"),
    ],
)
def test_a_skipped_local_time_is_refused_with_its_details(zone: str, day: str, time: str) -> None:
    with pytest.raises(DomainError) as caught:
        local_instant(
            dt.date.fromisoformat(day),
            dt.time.fromisoformat(time),
            ZoneInfo(zone),
            field="slots[0].start",
        )
    assert caught.value.code == "mission.nonexistent_local_time"
    assert caught.value.status_code == 422
    assert caught.value.details == {
        "field": "slots[0].start",
        "date": day,
        "time": time,
        "timezone": zone,
    }


@given(
    day=st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)),
    minute=st.integers(0, 24 * 60 - 1),
    fold=st.integers(0, 1),
    zone=st.sampled_from(ZONES),
)
def test_an_accepted_local_time_reads_back_as_itself(
    day: dt.date, minute: int, fold: int, zone: ZoneInfo
) -> None:
    """Whatever the day: a time the clocks skip is refused, any other gives an instant that
    shows that very wall-clock time in the zone (never a time moved by an hour)."""
    time = dt.time(minute // 60, minute % 60)
    shown = dt.datetime.combine(day, time)
    start = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC) - dt.timedelta(days=1)
    walls = {
        (start + dt.timedelta(minutes=step)).astimezone(zone).replace(tzinfo=None)
        for step in range(3 * 24 * 60)
    }
    if shown not in walls:  # skipped by the clocks: refused
        with pytest.raises(DomainError, match="does not exist"):
            local_instant(day, time, zone, fold=fold)
        return
    instant = local_instant(day, time, zone, fold=fold)
    assert instant.tzinfo is dt.UTC
    assert instant.astimezone(zone).replace(tzinfo=None) == shown
