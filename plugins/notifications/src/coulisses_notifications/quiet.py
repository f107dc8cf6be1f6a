"""Quiet hours: when a non-urgent message must wait, and until when.

A window is two local wall-clock times (``22:00``-``08:00`` by default) in
the org's timezone; it may cross midnight. Equal bounds mean no quiet hours.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def parse_hhmm(value: str) -> dt.time:
    match = _HHMM.match(value)
    if not match:
        raise ValueError(f"expected HH:MM, got {value!r}")
    return dt.time(int(match.group(1)), int(match.group(2)))


def _local(day: dt.date, at: dt.time, tz: ZoneInfo) -> dt.datetime:
    """A local wall-clock time as an aware instant (a time skipped by DST moves forward)."""
    naive = dt.datetime.combine(day, at)
    aware = naive.replace(tzinfo=tz)
    # Round-trip through UTC: a nonexistent local time (spring forward) normalises.
    return aware.astimezone(dt.UTC).astimezone(tz)


def quiet_until(now: dt.datetime, timezone: str, start: str, end: str) -> dt.datetime | None:
    """The end of the quiet window ``now`` falls in (aware, UTC), or None outside quiet hours."""
    begin, finish = parse_hhmm(start), parse_hhmm(end)
    if begin == finish:
        return None
    tz = ZoneInfo(timezone)
    local = now.astimezone(tz)
    clock = local.time().replace(tzinfo=None)
    if begin < finish:  # same-day window, e.g. 13:00-14:00
        if begin <= clock < finish:
            return _local(local.date(), finish, tz).astimezone(dt.UTC)
        return None
    # Window across midnight, e.g. 22:00-08:00.
    if clock >= begin:
        return _local(local.date() + dt.timedelta(days=1), finish, tz).astimezone(dt.UTC)
    if clock < finish:
        return _local(local.date(), finish, tz).astimezone(dt.UTC)
    return None


def is_urgent(quiet_end: dt.datetime, deadline: dt.datetime | None, margin: dt.timedelta) -> bool:
    """Waiting until ``quiet_end`` would leave less than ``margin`` before ``deadline``."""
    return deadline is not None and quiet_end + margin >= deadline
