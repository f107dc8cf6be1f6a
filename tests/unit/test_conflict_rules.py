"""Conflict rules as pure functions, checked against brute force with Hypothesis."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from coulisses.scheduling.conflicts.service import (
    DEFAULT_LIMITS,
    DayGrid,
    Limits,
    Span,
    Suggester,
    UserInfo,
    UserLoad,
    meets,
    overlaps,
    resolve_limits,
    rest_gap,
    rest_violations,
    user_conflicts,
)

UTC = dt.UTC
PARIS = ZoneInfo("Europe/Paris")
ZONES = ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "America/Sao_Paulo", "UTC"]
HOUR = 3600
#: 2027-03-27 00:00 UTC: the spring DST change of Europe and a few weeks around it.
BASE = int(dt.datetime(2027, 3, 20, tzinfo=UTC).timestamp())
#: the autumn change too (2027-10-31 in Europe)
AUTUMN = int(dt.datetime(2027, 10, 25, tzinfo=UTC).timestamp())
SPAN_RANGE = 21 * 24 * HOUR


@st.composite
def spans(draw: st.DrawFn, max_size: int = 12, user_id: int = 1) -> list[Span]:
    base = draw(st.sampled_from([BASE, AUTUMN]))
    count = draw(st.integers(0, max_size))
    out = []
    for i in range(count):
        start = base + draw(st.integers(0, SPAN_RANGE // 60)) * 60
        length = draw(st.integers(1, 30 * 60)) * 60
        status = draw(st.sampled_from(["INVITED", "ACCEPTED"]))
        out.append(Span(i + 1, user_id, start, start + length, status))
    return out


def _pairs(found: list[tuple[Span, Span]]) -> set[frozenset[int]]:
    return {frozenset((a.id, b.id)) for a, b in found}


def _grid(tz: ZoneInfo, items: list[Span]) -> DayGrid:
    lo = min((s.start for s in items), default=BASE)
    hi = max((s.end for s in items), default=BASE + HOUR)
    return DayGrid.covering(tz, lo, hi)


def _minutes_by_local_day(start: int, end: int, tz: ZoneInfo) -> Counter[dt.date]:
    """Brute force: the local date of every minute."""
    found: Counter[dt.date] = Counter()
    for t in range(start, end, 60):
        found[dt.datetime.fromtimestamp(t, tz).date()] += 60
    return found


@given(spans())
def test_overlap_detection_equals_a_pairwise_check(items):
    brute = {
        frozenset((a.id, b.id))
        for a, b in itertools.combinations(items, 2)
        if a.start < b.end and b.start < a.end
    }
    found = overlaps(items)
    assert _pairs(found) == brute
    assert len(found) == len(brute)  # each pair once
    assert all((a.start, a.end, a.id) <= (b.start, b.end, b.id) for a, b in found)


@given(spans(max_size=2).filter(lambda s: len(s) == 2))
def test_rest_gap_is_symmetric(pair):
    a, b = pair
    assert rest_gap(a, b) == rest_gap(b, a)
    if rest_gap(a, b) is None:
        assert a.start < b.end
        assert b.start < a.end


@given(spans(), st.integers(0, 30).map(lambda h: h * HOUR), st.randoms())
def test_rest_violations_do_not_depend_on_input_order(items, rest, random):
    shuffled = list(items)
    random.shuffle(shuffled)
    key = lambda found: [(a.id, b.id, gap) for a, b, gap in found]  # noqa: E731
    assert key(rest_violations(items, rest)) == key(rest_violations(shuffled, rest))


def _non_overlapping(items: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(items, key=lambda s: s.start):
        if not kept or kept[-1].end <= span.start:
            kept.append(span)
    return kept


@given(spans(), st.integers(0, 30).map(lambda h: h * HOUR))
def test_rest_of_separate_spans_is_checked_between_neighbours_both_ways(items, rest):
    kept = _non_overlapping(items)
    brute = {(a.id, b.id) for a, b in itertools.pairwise(kept) if (b.start - a.end) < rest}
    assert {(a.id, b.id) for a, b, _ in rest_violations(kept, rest)} == brute
    # The same missions read backwards in time break the rule between the same pairs.
    mirrored = [Span(s.id, s.user_id, -s.end, -s.start) for s in kept]
    assert {(b.id, a.id) for a, b, _ in rest_violations(mirrored, rest)} == brute
    for a, b, gap in rest_violations(kept, rest):
        assert gap == rest_gap(a, b) == rest_gap(b, a)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(ZONES),
    st.sampled_from([BASE, AUTUMN]),
    st.integers(0, 14 * 24 * 60),
    st.integers(1, 50 * 60),
)
def test_daily_hours_equal_the_intersections_with_local_days_across_dst(
    zone, base, offset_minutes, length_minutes
):
    tz = ZoneInfo(zone)
    start = base + offset_minutes * 60
    end = start + length_minutes * 60
    grid = DayGrid.covering(tz, start, end)
    pieces = grid.split(start, end)
    assert sum(seconds for _, seconds in pieces) == end - start
    assert {grid.days[d]: seconds for d, seconds in pieces} == dict(
        _minutes_by_local_day(start, end, tz)
    )


def test_dst_days_are_23_and_25_hours_long_in_paris():
    grid = DayGrid(PARIS, dt.date(2027, 3, 27), dt.date(2027, 11, 1))
    length = {day: grid.bounds[i + 1] - grid.bounds[i] for i, day in enumerate(grid.days)}
    assert length[dt.date(2027, 3, 28)] == 23 * HOUR
    assert length[dt.date(2027, 10, 31)] == 25 * HOUR
    assert length[dt.date(2027, 7, 14)] == 24 * HOUR
    # A night mission 20:00-08:00 over the spring change works 11 h, split 4 h + 7 h.
    start = int(dt.datetime(2027, 3, 27, 20, tzinfo=PARIS).timestamp())
    end = int(dt.datetime(2027, 3, 28, 8, tzinfo=PARIS).timestamp())
    assert [(grid.days[d], s) for d, s in grid.split(start, end)] == [
        (dt.date(2027, 3, 27), 4 * HOUR),
        (dt.date(2027, 3, 28), 7 * HOUR),
    ]


@settings(max_examples=60, deadline=None)
@given(spans(), st.sampled_from(ZONES), st.integers(1, 16).map(lambda h: h * HOUR))
def test_daily_and_weekly_limits_flag_exactly_the_days_and_weeks_over_them(items, zone, day_limit):
    tz = ZoneInfo(zone)
    grid = _grid(tz, items)
    limits = Limits(day=day_limit, week=day_limit * 3, rest=0)
    user = UserInfo(1, "Lea", "Roux", "CDI")
    found = user_conflicts(user, UserLoad(items, grid), limits, grid)
    per_day: Counter[dt.date] = Counter()
    for span in items:
        per_day.update(_minutes_by_local_day(span.start, span.end, tz))
    per_week: Counter[str] = Counter()
    for day, seconds in per_day.items():
        iso = day.isocalendar()
        per_week[f"{iso.year}-W{iso.week:02d}"] += seconds
    assert {c.day: c.seconds for c in found if c.kind == "max_hours_day"} == {
        d: s for d, s in per_day.items() if s > day_limit
    }
    assert {c.week: c.seconds for c in found if c.kind == "max_hours_week"} == {
        w: s for w, s in per_week.items() if s > day_limit * 3
    }
    for conflict in found:
        if conflict.kind == "max_hours_day":
            assert conflict.day is not None
            # the assignments involved are exactly those working that day
            assert {s.id for s in conflict.spans} == {
                s.id for s in items if conflict.day in _minutes_by_local_day(s.start, s.end, tz)
            }
            assert conflict.target.id in {s.id for s in conflict.spans}


@given(
    st.lists(st.tuples(st.integers(0, 500), st.integers(1, 50)), max_size=8),
    st.integers(0, 600),
    st.integers(1, 80),
)
def test_meets_finds_the_intervals_sharing_time(raw, start, length):
    intervals: list[tuple[int, int]] = []
    for a, n in sorted(raw):
        if intervals and a <= intervals[-1][1]:
            intervals[-1] = (intervals[-1][0], max(intervals[-1][1], a + n))
        else:
            intervals.append((a, a + n))
    end = start + length
    assert meets(intervals, start, end) == [i for i in intervals if i[0] < end and i[1] > start]


@given(spans(), st.integers(0, 40 * 24 * 60), st.integers(1, 20 * 60), st.integers(0, 14))
def test_a_user_is_free_exactly_when_nothing_overlaps_and_rest_holds(
    items, offset, length, rest_hours
):
    grid = _grid(PARIS, [*items, Span(0, 1, BASE - 2 * 86400, BASE + 60 * 86400)])
    load = UserLoad(items, grid)
    rest = rest_hours * HOUR
    start = BASE - 86400 + offset * 60
    end = start + length * 60
    brute = all(s.end <= start - rest or s.start >= end + rest for s in items)
    assert load.is_free(start, end, rest) == brute


def test_limits_resolve_from_employment_type_then_org_then_defaults():
    limits = resolve_limits({None: (9 * 60, None, None), "Intermittent": (12 * 60, 60 * 60, None)})
    assert limits["CDI"] == Limits(9 * HOUR, DEFAULT_LIMITS.week, DEFAULT_LIMITS.rest)
    assert limits["Intermittent"] == Limits(12 * HOUR, 60 * HOUR, DEFAULT_LIMITS.rest)
    assert resolve_limits({})["Freelance"] == DEFAULT_LIMITS


@st.composite
def crews(draw: st.DrawFn) -> tuple[dict[int, UserInfo], list[Span], dict[int, list]]:
    count = draw(st.integers(1, 9))
    users: dict[int, UserInfo] = {}
    all_spans: list[Span] = []
    unavailable: dict[int, list[tuple[int, int]]] = {}
    next_id = itertools.count(1)
    for uid in range(1, count + 1):
        skills = draw(
            st.dictionaries(st.sampled_from(["son", "lumiere", "cariste"]), st.integers(1, 5))
        )
        kind = draw(st.sampled_from(["CDI", "Intermittent"]))
        users[uid] = UserInfo(uid, f"U{uid}", "X", kind, skills)
        for span in draw(spans(max_size=5, user_id=uid)):
            all_spans.append(Span(next(next_id), uid, span.start, span.end))
        if draw(st.booleans()):
            start = BASE + draw(st.integers(0, SPAN_RANGE // HOUR)) * HOUR
            unavailable[uid] = [(start, start + draw(st.integers(1, 72)) * HOUR)]
    return users, all_spans, unavailable


@settings(max_examples=80, deadline=None)
@given(
    crews(),
    st.integers(0, SPAN_RANGE // 60),
    st.integers(1, 12 * 60),
    st.lists(st.sampled_from(["son", "lumiere"]), max_size=2, unique=True),
)
def test_suggestions_are_the_brute_force_ranking_of_eligible_users(crew, offset, length, skills):
    users, all_spans, unavailable = crew
    start = BASE + offset * 60
    target = Span(10_000, 0, start, start + length * 60, required_skills=tuple(skills))
    limits_of = {
        "CDI": Limits(10 * HOUR, 30 * HOUR, 11 * HOUR),
        "Intermittent": Limits(12 * HOUR, 40 * HOUR, 8 * HOUR),
    }
    grid = _grid(PARIS, [*all_spans, target])
    by_user: dict[int, list[Span]] = {}
    for span in all_spans:
        by_user.setdefault(span.user_id, []).append(span)
    loads = {uid: UserLoad(items, grid) for uid, items in by_user.items()}
    suggester = Suggester(users, loads, limits_of, grid, unavailable)

    def day_seconds(items: list[Span]) -> Counter[dt.date]:
        found: Counter[dt.date] = Counter()
        for s in items:
            found.update(_minutes_by_local_day(s.start, s.end, PARIS))
        return found

    def week_seconds(by_day: Counter[dt.date]) -> Counter[tuple[int, int]]:
        found: Counter[tuple[int, int]] = Counter()
        for day, seconds in by_day.items():
            found[day.isocalendar()[:2]] += seconds
        return found

    first_week = dt.datetime.fromtimestamp(target.start, PARIS).date().isocalendar()[:2]
    expected = []
    for uid, user in users.items():
        if any(s not in user.skills for s in skills):
            continue
        limits = limits_of[user.employment_type]
        own = by_user.get(uid, [])
        if any(a < target.end and b > target.start for a, b in unavailable.get(uid, [])):
            continue
        if not all(
            s.end <= target.start - limits.rest or s.start >= target.end + limits.rest for s in own
        ):
            continue
        after = day_seconds([*own, target])
        if any(v > limits.day for d, v in after.items() if d in day_seconds([target])):
            continue
        weeks_after = week_seconds(after)
        if any(weeks_after[w] > limits.week for w in week_seconds(day_seconds([target]))):
            continue
        score = sum(user.skills.get(s, 0) for s in skills)
        expected.append((-score, week_seconds(day_seconds(own))[first_week], uid))
    expected.sort()
    found = suggester.suggest(target)
    assert [(-s.skill_score, s.week_seconds, s.user_id) for s in found] == expected[:5]
