"""Rule sets: validation with stable codes, seeds with sources, version selection, holidays."""

from __future__ import annotations

import doctest
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import holidays
import pytest
from payroll_support import history, rule_set, window
from pydantic import ValidationError

import coulisses_payroll.calendar_fr
import coulisses_payroll.engine
from coulisses_payroll.calendar_fr import (
    easter_sunday,
    normalize_departement,
    public_holiday,
    public_holidays,
)
from coulisses_payroll.engine import CachetRate, HourlyRate, WorkItem
from coulisses_payroll.errors import PayrollError
from coulisses_payroll.rules import (
    SEED_EFFECTIVE_FROM,
    EmploymentType,
    Param,
    Profile,
    RuleHistory,
    RuleSet,
    default_history,
)


def _error_type(values: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        rule_set(**values)
    return str(caught.value.errors()[0]["type"])


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"night_windows": [window("22:00", "22:00")]}, "rules.window_empty"),
        (
            {"night_windows": [window("22:00", "06:00"), window("05:00", "07:00")]},
            "rules.windows_overlap",
        ),
        ({"night_windows": [window("22:00:30", "06:00")]}, "rules.window_not_whole_minutes"),
        ({"meal_windows": [window("23:00", "01:00")]}, "rules.meal_window_wraps"),
        (
            {
                "overtime_tiers": [
                    {"above_minutes": 2580, "premium_pct": "50"},
                    {"above_minutes": 2100, "premium_pct": "25"},
                ]
            },
            "rules.tiers_not_increasing",
        ),
        ({"night_premium_pct": "-1"}, "greater_than_equal"),
        ({"night_premium_pct": "501"}, "less_than_equal"),
        ({"sunday_premium_pct": "12.345"}, "decimal_max_places"),
        ({"meal_allowance_cents": -5}, "greater_than_equal"),
        ({"week_start_day": 7}, "less_than_equal"),
    ],
)
def test_a_bad_rule_value_is_refused_with_a_stable_code(values: dict[str, Any], code: str) -> None:
    assert _error_type(values) == code


def test_a_rule_value_needs_a_source() -> None:
    with pytest.raises(ValidationError):
        Param[int](value=1, source="")


def test_a_night_window_may_wrap_past_midnight_or_end_at_midnight() -> None:
    rules = rule_set(night_windows=[window("22:00", "06:00")])
    assert rules.night_windows.value[0].day_intervals() == ((1320, 1440), (0, 360))
    rules = rule_set(night_windows=[window("21:00", "00:00")])
    assert rules.night_windows.value[0].day_intervals() == ((1260, 1440),)


def test_a_history_refuses_two_versions_on_one_date_and_mixed_profiles() -> None:
    with pytest.raises(ValidationError) as caught:
        history(rule_set(), rule_set())
    assert caught.value.errors()[0]["type"] == "rules.duplicate_version"
    other = default_history(Profile.SVP_3090).versions[0]
    with pytest.raises(ValidationError) as caught:
        RuleHistory(versions=(rule_set(), other))
    assert caught.value.errors()[0]["type"] == "rules.mixed_profiles"


def test_the_version_in_force_is_the_latest_that_started_on_or_before_the_date() -> None:
    july, september = rule_set(), rule_set(effective_from=date(2024, 9, 1))
    rules = history(september, july)
    assert rules.in_force(EmploymentType.CDD, date(2024, 8, 31)) == july
    assert rules.in_force(EmploymentType.CDD, date(2024, 9, 1)) == september
    with pytest.raises(PayrollError) as caught:
        rules.in_force(EmploymentType.CDI, date(2024, 9, 1))
    assert caught.value.code == "payroll.no_rule_set"
    assert rules.with_version(rule_set(effective_from=date(2025, 1, 1))).in_force(
        EmploymentType.CDD, date(2025, 2, 1)
    ).effective_from == date(2025, 1, 1)


@pytest.mark.parametrize("profile", list(Profile))
def test_every_profile_is_seeded_for_every_employment_type_with_sources(profile: Profile) -> None:
    seeded = default_history(profile)
    assert {v.employment_type for v in seeded.versions} == set(EmploymentType)
    for version in seeded.versions:
        assert version.effective_from == SEED_EFFECTIVE_FROM
        params = [value for value in dict(version).values() if isinstance(value, Param)]
        assert len(params) == 19
        assert all(param.source for param in params)
        # 1 May paid double is the law (CT L3133-6) for every employee, not for freelances
        may_1 = version.may_1_premium_pct
        expected = 0 if version.employment_type is EmploymentType.FREELANCE else 100
        assert (may_1.value, may_1.uncertain) == (Decimal(expected), False)


def test_the_seeds_carry_the_researched_numbers_and_their_doubts() -> None:
    ccneac = default_history(Profile.CCNEAC_1285)
    technician = ccneac.in_force(EmploymentType.INTERMITTENT_A8, date(2025, 1, 1))
    artist = ccneac.in_force(EmploymentType.INTERMITTENT_A10, date(2025, 1, 1))
    assert technician.minimum_call_minutes.value == 210
    assert artist.minimum_call_minutes.value == 0
    assert artist.cachet_hours.value == 12
    # The 507 h tracker: 507 h within the 365 days before (Unedic annexes 8 and 10).
    assert (technician.affiliation_hours.value, technician.affiliation_days.value) == (507, 365)
    assert (artist.affiliation_hours.value, artist.affiliation_days.value) == (507, 365)
    assert technician.night_premium_pct.uncertain
    prestataires = default_history(Profile.PRESTATAIRES_2717).in_force(
        EmploymentType.CDD, date(2025, 1, 1)
    )
    assert prestataires.night_windows.value[0].label() == "00:00-06:00"
    assert prestataires.night_premium_pct.value == 25
    assert not prestataires.night_premium_pct.uncertain
    assert prestataires.premiums_stack.value is True
    tiers = [(t.above_minutes, t.premium_pct) for t in prestataires.overtime_tiers.value]
    assert tiers == [(2100, 25), (2580, 50)]


def test_rule_sets_round_trip_through_json() -> None:
    # The next slice stores rule sets as JSON: what is written reads back equal.
    seeded = default_history(Profile.CCNEAC_1285)
    assert RuleHistory.model_validate_json(seeded.model_dump_json()) == seeded
    version = seeded.versions[0]
    assert RuleSet.model_validate(version.model_dump(mode="json")) == version


@pytest.mark.parametrize("year", range(2000, 2101))
def test_the_computus_agrees_with_the_holidays_package(year: int) -> None:
    easter_monday = date.fromordinal(easter_sunday(year).toordinal() + 1)
    assert easter_monday in holidays.country_holidays("FR", years=year)
    assert public_holiday(easter_monday, alsace_moselle=False) is not None


def test_public_holidays_have_stable_keys_and_alsace_moselle_adds_two() -> None:
    national = [h.key for h in public_holidays(2027, alsace_moselle=False)]
    assert national == [
        "new_year",
        "easter_monday",
        "may_1",
        "ascension",
        "victory_1945",
        "whit_monday",
        "national_day",
        "assumption",
        "all_saints",
        "armistice_1918",
        "christmas",
    ]
    alsace = {h.key: h.day for h in public_holidays(2027, alsace_moselle=True)}
    assert alsace["good_friday"] == date(2027, 3, 26)
    assert alsace["st_stephen"] == date(2027, 12, 26)
    assert len(alsace) == 13


@pytest.mark.parametrize(
    ("raw", "code"), [("67", "67"), (" 067 ", "67"), ("2a", "2A"), ("", None), (None, None)]
)
def test_departement_codes_are_normalized(raw: str | None, code: str | None) -> None:
    assert normalize_departement(raw) == code


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"end": "2024-09-10T08:00:00+02:00"}, "payroll.empty_item"),
        ({"start": "2024-09-10T09:00:00"}, "timezone_aware"),
        ({"start": "2024-09-10T08:59:30+02:00"}, "payroll.not_whole_minutes"),
        ({"end": "2024-09-18T10:00:00+02:00"}, "payroll.item_too_long"),
        ({"timezone": "Europe/Atlantis"}, "payroll.invalid_timezone"),
        (
            {"rate": {"kind": "hourly", "cents_per_hour": 100, "currency": "eur"}},
            "payroll.invalid_currency",
        ),
        ({"rate": {"kind": "cachet", "cachets": 1, "fee_cents": 100}}, "payroll.cachet_not_artist"),
        ({"rate": {"kind": "daily", "days": "0.3", "fee_cents": 100}}, "multiple_of"),
        ({"breaks_minutes": -1}, "greater_than_equal"),
    ],
)
def test_a_bad_work_item_is_refused_with_a_stable_code(values: dict[str, Any], code: str) -> None:
    data: dict[str, Any] = {
        "assignment_id": "a1",
        "person_id": "p1",
        "start": "2024-09-10T09:00:00+02:00",
        "end": "2024-09-10T10:00:00+02:00",
        "employment_type": "cdd",
        "rate": {"kind": "hourly", "cents_per_hour": 100},
        **values,
    }
    with pytest.raises(ValidationError) as caught:
        WorkItem.model_validate(data)
    assert caught.value.errors()[0]["type"] == code


def test_an_artist_may_be_paid_in_cachets_or_by_the_hour() -> None:
    for rate in (CachetRate(cachets=2, fee_cents=10000), HourlyRate(cents_per_hour=2500)):
        WorkItem(
            assignment_id="a1",
            person_id="p1",
            start="2024-09-10T09:00:00+02:00",  # type: ignore[arg-type]
            end="2024-09-10T10:00:00+02:00",  # type: ignore[arg-type]
            employment_type=EmploymentType.INTERMITTENT_A10,
            rate=rate,
        )


@pytest.mark.parametrize("module", [coulisses_payroll.calendar_fr, coulisses_payroll.engine])
def test_module_doctests_pass(module: object) -> None:
    failures, tried = doctest.testmod(module)  # type: ignore[arg-type]
    assert failures == 0
    assert tried > 0


def test_the_docs_describe_every_parameter() -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "payroll.md").read_text("utf-8")
    params = [
        name
        for name, field in RuleSet.model_fields.items()
        if getattr(field.annotation, "__pydantic_generic_metadata__", {}).get("origin") is Param
    ]
    assert len(params) == 19
    for name in params:
        assert f"| `{name}` |" in docs, f"docs/payroll.md does not describe {name}"


def test_versions_stored_before_the_intermittents_parameters_still_load() -> None:
    """Versions written before ``affiliation_hours``, ``affiliation_days`` and
    ``dpae_window_days`` existed (rows of
    ``payroll_rule_versions``) read with the researched values."""
    stored = default_history(Profile.CUSTOM).in_force(
        EmploymentType.INTERMITTENT_A8, date(2025, 1, 1)
    )
    data = stored.model_dump(mode="json")
    del data["affiliation_hours"], data["affiliation_days"], data["dpae_window_days"]
    loaded = RuleSet.model_validate(data)
    assert (loaded.affiliation_hours.value, loaded.affiliation_days.value) == (507, 365)
    assert (loaded.dpae_window_days.value, loaded.dpae_window_days.uncertain) == (8, True)


def test_versions_stored_before_the_conges_spectacles_parameters_still_load() -> None:
    """Versions written before ``conges_spectacles_rate_pct`` and
    ``conges_spectacles_ceiling_cents`` existed read with 15.50 % and no ceiling, both
    marked uncertain."""
    stored = default_history(Profile.CUSTOM).in_force(
        EmploymentType.INTERMITTENT_A10, date(2025, 1, 1)
    )
    data = stored.model_dump(mode="json")
    del data["conges_spectacles_rate_pct"], data["conges_spectacles_ceiling_cents"]
    loaded = RuleSet.model_validate(data)
    assert loaded.conges_spectacles_rate_pct.value == Decimal("15.50")
    assert loaded.conges_spectacles_rate_pct.uncertain
    assert loaded.conges_spectacles_ceiling_cents.value == 0
