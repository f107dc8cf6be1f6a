"""Golden cases computed by hand: the arithmetic is in the comments, the engine must agree.

Unless a test says otherwise, the rules are the test rule set of ``payroll_support.rule_set``:
night 00:00-07:00 +25 %, Sunday +20 %, holiday +100 %, 1 May +100 %, premiums stack,
overtime +25 % past 35 h and +50 % past 43 h, and the rate is 20.00 EUR an hour (2000 cents,
so one minute is 2000 / 60 cents).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from payroll_support import amounts, history, item, minutes, paris, rule_set, window

from coulisses_payroll.engine import (
    CachetRate,
    DailyFeeRate,
    HourlyRate,
    LineKind,
    compute_pay,
    round_cents,
)
from coulisses_payroll.errors import PayrollError
from coulisses_payroll.rules import AlsaceMoselle, EmploymentType

BASE, NIGHT, SUNDAY, HOLIDAY, MAY_1 = (
    LineKind.BASE,
    LineKind.NIGHT,
    LineKind.SUNDAY,
    LineKind.HOLIDAY,
    LineKind.MAY_1,
)


def test_show_from_saturday_13_july_into_sunday_14_july_earns_sunday_holiday_and_night() -> None:
    # Saturday 13 July 2024 19:00 -> Sunday 14 July 01:00 = 360 minutes.
    # base    360 min x 2000/60            = 12000
    # 14 July 00:00-01:00 is Sunday, a public holiday and night (00:00-07:00): 60 minutes
    # night   60 x 2000/60 x 25 %          =   500
    # sunday  60 x 2000/60 x 20 %          =   400
    # holiday 60 x 2000/60 x 100 %         =  2000
    # total                                = 14900
    result = compute_pay([item(paris(2024, 7, 13, 19), paris(2024, 7, 14, 1))], history())
    assert amounts(result) == {BASE: 12000, NIGHT: 500, SUNDAY: 400, HOLIDAY: 2000}
    assert minutes(result) == {BASE: 360, NIGHT: 60, SUNDAY: 60, HOLIDAY: 60}
    assert result.totals == {"EUR": 14900}
    night = next(line for line in result.lines if line.kind is NIGHT)
    assert night.explanation.values == {
        "minutes": "60",
        "rate_cents_per_hour": "2000",
        "premium_pct": "25",
        "exact_cents": "500",
    }
    # the period counted, in UTC: 14 July 00:00-01:00 Paris (UTC+2) is 13 July 22:00-23:00 UTC
    (period,) = night.explanation.periods
    assert (period.start.isoformat(), period.minutes) == ("2024-07-13T22:00:00+00:00", 60)
    assert period.local_start.isoformat() == "2024-07-14T00:00:00+02:00"
    assert (period.timezone, period.local_end.isoformat()) == (
        "Europe/Paris",
        "2024-07-14T01:00:00+02:00",
    )


def test_highest_only_pays_the_holiday_alone_on_the_sunday_night_hour() -> None:
    # Same show, premiums do not stack: on 14 July 00:00-01:00 the highest premium is the
    # holiday (100 % > 25 % night > 20 % Sunday): 60 x 2000/60 x 100 % = 2000.
    # total = 12000 + 2000 = 14000
    rules = history(rule_set(premiums_stack=False))
    result = compute_pay([item(paris(2024, 7, 13, 19), paris(2024, 7, 14, 1))], rules)
    assert amounts(result) == {BASE: 12000, HOLIDAY: 2000}
    assert result.totals == {"EUR": 14000}


def test_get_out_from_1_to_4_is_night_work_and_gets_a_minimum_call_top_up() -> None:
    # Tuesday 16 July 2024 01:00-04:00 = 180 minutes, all inside 00:00-07:00.
    # base     180 x 2000/60         = 6000
    # night    180 x 2000/60 x 25 %  = 1500
    # minimum call 3 h 30 = 210 min: top-up 210 - 180 = 30 min x 2000/60 = 1000
    rules = history(rule_set(minimum_call_minutes=210))
    result = compute_pay([item(paris(2024, 7, 16, 1), paris(2024, 7, 16, 4))], rules)
    assert amounts(result) == {BASE: 6000, NIGHT: 1500, LineKind.MINIMUM_CALL: 1000}
    top_up = next(line for line in result.lines if line.kind is LineKind.MINIMUM_CALL)
    assert top_up.minutes == 30
    assert top_up.explanation.sources == {"minimum_call_minutes": "test value"}


def test_minimum_call_counts_the_whole_assignment_not_each_piece() -> None:
    # 08:00-10:00 and 10:00-12:00 of one assignment: 240 min >= 210, no top-up.
    rules = history(rule_set(minimum_call_minutes=210))
    pieces = [
        item(paris(2024, 7, 16, 8), paris(2024, 7, 16, 10)),
        item(paris(2024, 7, 16, 10), paris(2024, 7, 16, 12)),
    ]
    assert amounts(compute_pay(pieces, rules)) == {BASE: 8000}


def test_spring_forward_night_of_28_march_2027_has_180_real_minutes() -> None:
    # Sunday 28 March 2027 01:00-05:00 Europe/Paris: 02:00 jumps to 03:00, so 180 minutes.
    # base    180 x 2000/60        = 6000
    # night   180 x 2000/60 x 25 % = 1500
    # sunday  180 x 2000/60 x 20 % = 1200
    result = compute_pay([item(paris(2027, 3, 28, 1), paris(2027, 3, 28, 5))], history())
    assert minutes(result) == {BASE: 180, NIGHT: 180, SUNDAY: 180}
    assert amounts(result) == {BASE: 6000, NIGHT: 1500, SUNDAY: 1200}


def test_fall_back_night_of_31_october_2027_has_300_real_minutes() -> None:
    # Sunday 31 October 2027 01:00-05:00 Europe/Paris: 03:00 falls back to 02:00, 300 minutes.
    # base    300 x 2000/60        = 10000
    # night   300 x 2000/60 x 25 % =  2500
    # sunday  300 x 2000/60 x 20 % =  2000
    result = compute_pay([item(paris(2027, 10, 31, 1), paris(2027, 10, 31, 5))], history())
    assert minutes(result) == {BASE: 300, NIGHT: 300, SUNDAY: 300}
    assert amounts(result) == {BASE: 10000, NIGHT: 2500, SUNDAY: 2000}


@pytest.mark.parametrize(
    ("monday", "real_night_minutes", "expected"),
    [
        # Week of Monday 22 March 2027: Mon-Fri 09:00-16:00 = 5 x 7 h = 35 h, then Saturday 27
        # 22:00 -> Sunday 28 05:00 local, which is 6 real hours (02:00 -> 03:00 is skipped).
        # base     35 h x 2000 + 360 x 2000/60        = 70000 + 12000 = 82000
        # night    Sunday 00:00-05:00 local = 240 real minutes x 2000/60 x 25 % = 2000
        # sunday   the same 240 minutes x 2000/60 x 20 %                         = 1600
        # overtime 41 h worked: 360 min past 35 h x 2000/60 x 25 %              = 3000
        (
            date(2027, 3, 22),
            360,
            {BASE: 82000, NIGHT: 2000, SUNDAY: 1600, LineKind.OVERTIME: 3000},
        ),
        # Week of Monday 25 October 2027: the same week, but the night of Saturday 30 to Sunday
        # 31 lasts 8 real hours (03:00 falls back to 02:00).
        # base     35 h x 2000 + 480 x 2000/60        = 70000 + 16000 = 86000
        # night    Sunday 00:00-05:00 local = 360 real minutes x 2000/60 x 25 % = 3000
        # sunday   360 x 2000/60 x 20 %                                          = 2400
        # overtime 43 h worked: 480 min from 35 h to 43 h x 2000/60 x 25 %      = 4000
        (
            date(2027, 10, 25),
            480,
            {BASE: 86000, NIGHT: 3000, SUNDAY: 2400, LineKind.OVERTIME: 4000},
        ),
    ],
)
def test_dst_weeks_of_2027_count_real_hours_toward_overtime(
    monday: date, real_night_minutes: int, expected: dict[LineKind, int]
) -> None:
    week = [
        item(
            paris(monday.year, monday.month, monday.day + offset, 9),
            paris(monday.year, monday.month, monday.day + offset, 16),
            assignment_id=f"day{offset}",
        )
        for offset in range(5)
    ]
    saturday = monday + timedelta(days=5)
    night_start = paris(saturday.year, saturday.month, saturday.day, 22)
    night_end = paris(saturday.year, saturday.month, saturday.day + 1, 5)
    week.append(item(night_start, night_end, assignment_id="night"))
    result = compute_pay(week, history())
    night_base = next(
        line for line in result.lines if line.assignment_id == "night" and line.kind is BASE
    )
    assert night_base.minutes == real_night_minutes
    assert amounts(result) == expected
    (overtime,) = (line for line in result.lines if line.kind is LineKind.OVERTIME)
    assert overtime.week_start == monday


def test_night_window_edge_inside_the_skipped_hour_is_cut_at_the_real_instant() -> None:
    # Night window 00:00-02:30 on Sunday 28 March 2027: 02:30 does not exist that day.
    # 01:00-04:00 local is 00:00-02:00 UTC = 120 real minutes; local 01:00-02:00 (60 min)
    # is night, then the clock jumps to 03:00, past the window: 03:00-04:00 is not night.
    rules = history(rule_set(night_windows=[window("00:00", "02:30")]))
    result = compute_pay([item(paris(2027, 3, 28, 1), paris(2027, 3, 28, 4))], rules)
    assert minutes(result) == {BASE: 120, NIGHT: 60, SUNDAY: 120}


def test_a_42_hour_week_pays_7_hours_at_the_first_overtime_tier() -> None:
    # Week of Monday 9 September 2024 (no holiday), 18.50 EUR an hour (1850 cents).
    # Mon-Thu 09:00-19:00 with a 60 min break = 9 h x 4 = 36 h; Fri 09:00-15:00 = 6 h.
    # 42 h worked: base 42 x 1850 = 77700.
    # Overtime past 35 h: 7 h = 420 min, all below 43 h: 420 x 1850/60 x 25 % = 3237.5,
    # rounded half-up to 3238.
    days = [
        item(
            paris(2024, 9, 9 + offset, 9),
            paris(2024, 9, 9 + offset, 19),
            assignment_id=f"d{offset}",
            cents_per_hour=1850,
            breaks_minutes=60,
        )
        for offset in range(4)
    ]
    days.append(
        item(paris(2024, 9, 13, 9), paris(2024, 9, 13, 15), assignment_id="d4", cents_per_hour=1850)
    )
    result = compute_pay(days, history())
    assert amounts(result) == {BASE: 77700, LineKind.OVERTIME: 3238}
    (overtime,) = (line for line in result.lines if line.kind is LineKind.OVERTIME)
    assert (overtime.tier, overtime.minutes, overtime.week_start) == (1, 420, date(2024, 9, 9))
    assert overtime.assignment_id is None
    assert overtime.explanation.exact_cents == Decimal("3237.5")
    # the overtime minutes are the last ones worked: Friday 09:00-15:00 and Thursday's last hour
    assert [p.minutes for p in overtime.explanation.periods] == [60, 360]


def test_a_45_hour_week_reaches_the_second_tier() -> None:
    # The 42 h week plus Saturday 14 September 09:00-12:00 (3 h, Saturday has no premium):
    # 45 h at 2000 cents: base 45 x 2000 = 90000
    # tier 1: 35 h -> 43 h = 480 min x 2000/60 x 25 % = 4000
    # tier 2: 43 h -> 45 h = 120 min x 2000/60 x 50 % = 2000
    days = [
        item(
            paris(2024, 9, 9 + offset, 9),
            paris(2024, 9, 9 + offset, 19),
            assignment_id=f"d{offset}",
            breaks_minutes=60,
        )
        for offset in range(4)
    ]
    days.append(item(paris(2024, 9, 13, 9), paris(2024, 9, 13, 15), assignment_id="d4"))
    days.append(item(paris(2024, 9, 14, 9), paris(2024, 9, 14, 12), assignment_id="d5"))
    result = compute_pay(days, history())
    tiers = {line.tier: (line.minutes, line.amount_cents) for line in result.lines if line.tier}
    assert tiers == {1: (480, 4000), 2: (120, 2000)}
    assert amounts(result)[BASE] == 90000


def test_overtime_starts_again_each_monday() -> None:
    # 30 h Thu-Sun then 10 h on Monday: no week passes 35 h, no overtime line.
    days = [
        item(
            paris(2024, 9, 12 + offset, 8),
            paris(2024, 9, 12 + offset, 15) + timedelta(minutes=30),
            assignment_id=f"d{offset}",
        )
        for offset in range(4)
    ]  # 4 x 7 h 30 = 30 h, Thursday 12 to Sunday 15
    days.append(item(paris(2024, 9, 16, 8), paris(2024, 9, 16, 18), assignment_id="mon"))
    result = compute_pay(days, history())
    assert LineKind.OVERTIME not in amounts(result)


def test_an_annexe_10_artist_is_paid_three_cachets_whatever_the_hours() -> None:
    # 3 cachets at 150.00 EUR: 3 x 15000 = 45000; a Sunday night performance adds no premium
    # (premiums apply to hourly pay). 3 cachets count 3 x 12 = 36 h for unemployment insurance.
    artist = item(
        paris(2024, 9, 15, 20),
        paris(2024, 9, 16, 1),
        employment_type=EmploymentType.INTERMITTENT_A10,
        rate=CachetRate(cachets=3, fee_cents=15000),
    )
    rules = history(rule_set(EmploymentType.INTERMITTENT_A10))
    result = compute_pay([artist], rules)
    (line,) = result.lines
    assert (line.kind, line.unit, line.quantity, line.amount_cents) == (BASE, "cachet", 3, 45000)
    assert line.minutes == 300
    assert line.explanation.values["hours_for_unemployment_insurance"] == "36"


def test_a_freelance_is_paid_a_day_and_a_half_with_half_up_rounding() -> None:
    # 1.5 days x 450.33 EUR = 1.5 x 45033 = 67549.5 cents -> 67550 (half-up).
    freelance = item(
        paris(2024, 9, 10, 9),
        paris(2024, 9, 11, 13),
        employment_type=EmploymentType.FREELANCE,
        rate=DailyFeeRate(days=Decimal("1.5"), fee_cents=45033),
    )
    rules = history(rule_set(EmploymentType.FREELANCE))
    (line,) = compute_pay([freelance], rules).lines
    assert (line.unit, line.quantity, line.amount_cents) == ("day", Decimal("1.5"), 67550)
    assert line.explanation.exact_cents == Decimal("67549.5")


def test_a_rule_change_mid_month_applies_from_its_date_and_never_rewrites_the_past() -> None:
    # Version A from 2024-01-01: night 22:00-06:00 +25 %. Version B from Monday 16 September
    # 2024: night +30 %. Work Sunday 15 September 23:00 -> Monday 16 September 02:00:
    # Sunday 23:00-24:00 (60 min) under A, Monday 00:00-02:00 (120 min) under B.
    # base A  60 x 2000/60         = 2000     base B 120 x 2000/60         = 4000
    # night A 60 x 2000/60 x 25 %  =  500     night B 120 x 2000/60 x 30 % = 1200
    # sunday A 60 x 2000/60 x 20 % =  400
    night = [window("22:00", "06:00")]
    version_a = rule_set(night_windows=night)
    version_b = rule_set(
        effective_from=date(2024, 9, 16), night_windows=night, night_premium_pct="30"
    )
    rules = history(version_a, version_b)
    result = compute_pay([item(paris(2024, 9, 15, 23), paris(2024, 9, 16, 2))], rules)
    by_version = {
        (line.kind, line.rule_set.effective_from): line.amount_cents for line in result.lines
    }
    assert by_version == {
        (BASE, date(2024, 1, 1)): 2000,
        (BASE, date(2024, 9, 16)): 4000,
        (NIGHT, date(2024, 1, 1)): 500,
        (NIGHT, date(2024, 9, 16)): 1200,
        (SUNDAY, date(2024, 1, 1)): 400,
    }
    # July, computed before and after the September version exists, is the same.
    july = [item(paris(2024, 7, 2, 22), paris(2024, 7, 3, 2), assignment_id="july")]
    assert compute_pay(july, history(version_a)) == compute_pay(july, rules)


def test_1_may_is_paid_double_and_not_also_as_a_holiday() -> None:
    # Wednesday 1 May 2024 14:00-18:00: base 240 x 2000/60 = 8000, 1 May +100 % = 8000.
    result = compute_pay([item(paris(2024, 5, 1, 14), paris(2024, 5, 1, 18))], history())
    assert amounts(result) == {BASE: 8000, MAY_1: 8000}


@pytest.mark.parametrize(
    ("departement", "mode", "holiday_cents"),
    [
        ("67", AlsaceMoselle.BY_DEPARTEMENT, 4000),
        ("57", AlsaceMoselle.BY_DEPARTEMENT, 4000),
        ("75", AlsaceMoselle.BY_DEPARTEMENT, 0),
        (None, AlsaceMoselle.BY_DEPARTEMENT, 0),
        ("75", AlsaceMoselle.ALWAYS, 4000),
        ("68", AlsaceMoselle.NEVER, 0),
    ],
)
def test_good_friday_is_a_holiday_in_alsace_moselle_only(
    departement: str | None, mode: AlsaceMoselle, holiday_cents: int
) -> None:
    # Good Friday 26 March 2027, 10:00-12:00: base 120 x 2000/60 = 4000; in 57/67/68 the
    # holiday premium +100 % adds 4000.
    rules = history(rule_set(alsace_moselle=mode))
    work = item(paris(2027, 3, 26, 10), paris(2027, 3, 26, 12), departement=departement)
    assert amounts(compute_pay([work], rules)).get(HOLIDAY, 0) == holiday_cents


def test_whit_monday_as_solidarity_day_earns_no_holiday_premium() -> None:
    # Whit Monday 20 May 2024, 10:00-12:00: 4000 base; +4000 holiday unless solidarity day.
    work = [item(paris(2024, 5, 20, 10), paris(2024, 5, 20, 12))]
    assert amounts(compute_pay(work, history()))[HOLIDAY] == 4000
    solidarity = history(rule_set(whit_monday_solidarity=True))
    assert amounts(compute_pay(work, solidarity)) == {BASE: 4000}


def test_a_call_spanning_the_evening_meal_window_earns_one_allowance() -> None:
    # Meal windows 12:00-14:00 and 19:00-21:00, 18.00 EUR each. Tuesday 10 September 2024
    # 16:00-23:30 spans 19:00-21:00 only: 1 x 1800 = 1800. Base 450 x 2000/60 = 15000.
    rules = history(
        rule_set(
            meal_windows=[window("12:00", "14:00"), window("19:00", "21:00")],
            meal_allowance_cents=1800,
        )
    )
    result = compute_pay([item(paris(2024, 9, 10, 16), paris(2024, 9, 10, 23, 30))], rules)
    assert amounts(result) == {BASE: 15000, LineKind.MEAL: 1800}


def test_breaks_come_out_of_plain_time_first() -> None:
    # Tuesday 16 July 2024 05:00-10:00 with a 30 min break: 300 - 30 = 270 paid minutes.
    # The break is taken from the plain minutes (07:00-10:00), so the 120 night minutes
    # (05:00-07:00) keep their premium: night 120 x 2000/60 x 25 % = 1000; base 270 -> 9000.
    work = item(paris(2024, 7, 16, 5), paris(2024, 7, 16, 10), breaks_minutes=30)
    result = compute_pay([work], history())
    assert minutes(result) == {BASE: 270, NIGHT: 120}
    assert amounts(result) == {BASE: 9000, NIGHT: 1000}


def test_half_a_cent_rounds_up_and_less_rounds_down() -> None:
    assert round_cents(Decimal("3237.5")) == 3238
    assert round_cents(Decimal("3237.49")) == 3237
    assert round_cents(Decimal("0.5")) == 1
    # 1 minute at 18.50 EUR: 1850/60 = 30.833... -> 31
    result = compute_pay(
        [item(paris(2024, 9, 10, 9), paris(2024, 9, 10, 9, 1), cents_per_hour=1850)], history()
    )
    assert result.totals == {"EUR": 31}


def test_a_date_before_the_first_version_is_a_clear_error() -> None:
    with pytest.raises(PayrollError) as caught:
        compute_pay([item(paris(2023, 12, 31, 9), paris(2023, 12, 31, 10))], history())
    assert caught.value.code == "payroll.no_rule_set"


def test_pieces_of_one_assignment_must_agree_and_not_overlap() -> None:
    first = item(paris(2024, 9, 10, 9), paris(2024, 9, 10, 12))
    with pytest.raises(PayrollError) as caught:
        compute_pay([first, item(paris(2024, 9, 10, 11), paris(2024, 9, 10, 13))], history())
    assert caught.value.code == "payroll.overlapping_pieces"
    other_rate = item(paris(2024, 9, 10, 13), paris(2024, 9, 10, 14), cents_per_hour=1)
    with pytest.raises(PayrollError) as caught:
        compute_pay([first, other_rate], history())
    assert caught.value.code == "payroll.inconsistent_assignment"
    with pytest.raises(PayrollError) as caught:
        compute_pay(
            [item(paris(2024, 9, 10, 9), paris(2024, 9, 10, 10), breaks_minutes=60)], history()
        )
    assert caught.value.code == "payroll.breaks_exceed"


def test_two_currencies_are_totalled_apart() -> None:
    eur = item(paris(2024, 9, 10, 9), paris(2024, 9, 10, 10))
    chf = item(
        paris(2024, 9, 10, 11),
        paris(2024, 9, 10, 12),
        assignment_id="a2",
        rate=HourlyRate(cents_per_hour=3000, currency="CHF"),
    )
    assert compute_pay([eur, chf], history()).totals == {"CHF": 3000, "EUR": 2000}


def test_assignments_of_the_same_times_get_their_own_lines() -> None:
    """Assignments with the same times, zone and rate share their lines' computation; each
    gets its own ids, and the lines (explanations included) are those computed alone."""
    rules = history(
        rule_set(
            night_windows=[window("22:00", "06:00")],
            night_premium_pct="25",
            sunday_premium_pct="50",
            premiums_stack=True,
        )
    )
    start, end = paris(2027, 7, 10, 21), paris(2027, 7, 11, 2)
    items = [
        item(assignment_id="a1", person_id="p1", start=start, end=end),
        item(assignment_id="a2", person_id="p2", start=start, end=end),
        item(assignment_id="a3", person_id="p3", start=start, end=end, cents_per_hour=2500),
    ]

    together = compute_pay(items, rules)
    alone = [line for one in items for line in compute_pay([one], rules).lines]

    assert together.lines == tuple(alone)
    assert [
        (line.assignment_id, line.person_id) for line in together.lines if line.kind == "base"
    ] == [
        ("a1", "p1"),
        ("a2", "p2"),
        ("a3", "p3"),
    ]
    night = [line for line in together.lines if line.kind == "night"]
    # 22:00-02:00, 240 min x 20.00 (25.00 for a3) x 25 %
    assert [line.explanation.exact_cents for line in night] == [2000, 2000, 2500]
    assert all(line.explanation.periods[0].minutes == 240 for line in night)
