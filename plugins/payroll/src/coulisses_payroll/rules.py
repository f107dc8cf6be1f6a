"""Pay rule sets: versioned, validated, every number a parameter with its source.

A :class:`RuleSet` is one version of the rules for one collective agreement profile and one
employment type, in force from ``effective_from`` (a local date) until the next version of the
same employment type. A :class:`RuleHistory` holds the versions of one profile; the engine asks
it for the version in force at each worked minute's local date, so a change in September never
rewrites July.

Every number is a :class:`Param`: its value, where it comes from (``source``) and whether the
research marked it as unverified (``uncertain``). :func:`default_history` seeds the four
profiles from the researched rules (``PAYROLL_FR.md``); an org edits any value by adding a new
version. Validation errors are pydantic ``ValidationError`` whose error ``type`` is a stable
``rules.*`` code.
"""

from __future__ import annotations

import itertools
from datetime import date, time
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Generic, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from coulisses_payroll.errors import PayrollError

T = TypeVar("T")

MINUTES_PER_DAY = 1440
#: A premium in percent of the hourly rate (25 = +25 %), at most two decimals.
Percent = Annotated[Decimal, Field(ge=0, le=500, max_digits=5, decimal_places=2)]
#: An amount in integer cents, never negative.
Cents = Annotated[int, Field(ge=0, le=100_000_000)]
#: A duration in whole minutes.
Minutes = Annotated[int, Field(ge=0, le=7 * MINUTES_PER_DAY)]


class Profile(StrEnum):
    """Collective agreement profile (French IDCC) whose rules a history seeds."""

    CCNEAC_1285 = "ccneac_1285"
    SVP_3090 = "svp_3090"
    PRESTATAIRES_2717 = "prestataires_2717"
    CUSTOM = "custom"


class EmploymentType(StrEnum):
    """Employment type of a work item; each has its own rule-set versions."""

    CDI = "cdi"
    CDD = "cdd"
    INTERMITTENT_A8 = "intermittent_a8"
    """Intermittent technician (annexe 8), paid by the hour."""
    INTERMITTENT_A10 = "intermittent_a10"
    """Intermittent artist (annexe 10), paid in cachets and/or hours."""
    FREELANCE = "freelance"
    """Invoices a daily flat fee; no labour-code premium."""


class AlsaceMoselle(StrEnum):
    """Whether Good Friday and 26 December are public holidays (CT L3134-13)."""

    BY_DEPARTEMENT = "by_departement"
    """Only for work in departements 57, 67 and 68 (the work item's departement)."""
    ALWAYS = "always"
    NEVER = "never"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Param(_Frozen, Generic[T]):
    """One rule value with its provenance."""

    value: T
    source: str = Field(min_length=1, max_length=300)
    """Where the value comes from: article, agreement clause, source tag of PAYROLL_FR.md."""
    uncertain: bool = False
    """True where the research marked the value as unverified: check it before relying on it."""


class TimeWindow(_Frozen):
    """A daily window of local wall-clock time, ``start`` included, ``end`` excluded.

    ``end`` before ``start`` wraps past midnight (22:00-06:00); ``end`` 00:00 means midnight.
    """

    start: time
    end: time

    @model_validator(mode="after")
    def _well_formed(self) -> Self:
        for bound in (self.start, self.end):
            if bound.second or bound.microsecond or bound.tzinfo is not None:
                raise PydanticCustomError(
                    "rules.window_not_whole_minutes",
                    "a window bound is a local time in whole minutes (e.g. 22:00), got {bound}",
                    {"bound": bound.isoformat()},
                )
        if self.start == self.end:
            raise PydanticCustomError(
                "rules.window_empty",
                "a window starts and ends at {start}: it would be empty (or every minute)",
                {"start": self.start.isoformat(timespec="minutes")},
            )
        return self

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def end_minute(self) -> int:
        """Minute of the day the window ends at; midnight is 1440 when the window does not wrap."""
        end = self.end.hour * 60 + self.end.minute
        return end if end > self.start_minute else end + MINUTES_PER_DAY

    @property
    def wraps(self) -> bool:
        return self.end_minute > MINUTES_PER_DAY

    def day_intervals(self) -> tuple[tuple[int, int], ...]:
        """The minutes of one local day inside the window, as ``[start, end)`` pairs in 0..1440."""
        if not self.wraps:
            return ((self.start_minute, self.end_minute),)
        return ((self.start_minute, MINUTES_PER_DAY), (0, self.end_minute - MINUTES_PER_DAY))

    def label(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


class OvertimeTier(_Frozen):
    """Worked minutes of a week past ``above_minutes`` earn ``premium_pct``, up to the next tier."""

    above_minutes: Annotated[int, Field(gt=0, le=7 * MINUTES_PER_DAY)]
    premium_pct: Percent


def _check_windows_disjoint(windows: tuple[TimeWindow, ...], name: str) -> None:
    intervals = sorted(iv for window in windows for iv in window.day_intervals())
    for (_, previous_end), (start, _) in itertools.pairwise(intervals):
        if start < previous_end:
            raise PydanticCustomError(
                "rules.windows_overlap",
                "the {name} windows overlap: give each minute of the day at most one window",
                {"name": name},
            )


class RuleSet(_Frozen):
    """One version of the pay rules of a profile for one employment type.

    Premiums (night, Sunday, public holiday, 1 May, overtime) and the minimum call apply to
    hourly pay only; cachets and daily fees are flat (see ``docs/payroll.md``).
    """

    profile: Profile
    employment_type: EmploymentType
    effective_from: date
    """First local date this version applies to; it applies until the next version's date."""
    label: str = Field(default="", max_length=200)

    night_windows: Param[tuple[TimeWindow, ...]]
    night_premium_pct: Param[Percent]
    sunday_premium_pct: Param[Percent]
    holiday_premium_pct: Param[Percent]
    """Premium for a public holiday other than 1 May."""
    may_1_premium_pct: Param[Percent]
    """Premium for 1 May (100 = paid double), used instead of ``holiday_premium_pct``."""
    premiums_stack: Param[bool]
    """True: night, Sunday and holiday premiums add up; False: only the highest applies."""
    overtime_tiers: Param[tuple[OvertimeTier, ...]]
    week_start_day: Param[Annotated[int, Field(ge=0, le=6)]]
    """Weekday a week starts on at 00:00 local time (0 = Monday), for overtime."""
    minimum_call_minutes: Param[Minutes]
    """Minimum paid duration of one assignment (0 = none); shorter calls get a top-up line."""
    meal_windows: Param[tuple[TimeWindow, ...]]
    meal_allowance_cents: Param[Cents]
    """Paid once per meal window an assignment spans entirely (0 = no allowance)."""
    alsace_moselle: Param[AlsaceMoselle]
    whit_monday_solidarity: Param[bool]
    """True: Whit Monday is the journee de solidarite (CT L3133-7) and earns no holiday premium."""
    cachet_hours: Param[Annotated[int, Field(ge=0, le=24)]]
    """Hours one cachet counts for unemployment insurance (annexe 10); not working time."""
    affiliation_hours: Param[Annotated[int, Field(ge=1, le=2000)]] = Param(
        value=507, source="Unedic annexes 8 and 10: 507 h to open or renew rights [S1][S5]"
    )
    """Hours an intermittent needs within ``affiliation_days`` (the 507 h tracker)."""
    affiliation_days: Param[Annotated[int, Field(ge=1, le=1000)]] = Param(
        value=365, source="Unedic annexes 8 and 10: within the 365 days before [S1][S5]"
    )
    """Length of the rolling window of the 507 h tracker, in days (ending on its date)."""
    dpae_window_days: Param[Annotated[int, Field(ge=0, le=60)]] = Param(
        value=8,
        source="CT L1221-10: at the latest when work starts; practice: no earlier than "
        "8 days before (exact article unverified) [S11][S12]",
        uncertain=True,
    )
    """How many days before an engagement's first start its DPAE can be filed."""
    conges_spectacles_rate_pct: Param[Percent] = Param(
        value=Decimal("15.50"),
        source="Conges Spectacles (Audiens): 15.50 % of gross pay since 1 Apr 2023, set each "
        "year by the board [S18]",
        uncertain=True,
    )
    """Employer's Conges Spectacles rate on the declarable base (intermittents, CDD < 12 months)."""
    conges_spectacles_ceiling_cents: Param[Annotated[int, Field(ge=0, le=100_000_000)]] = Param(
        value=0,
        source="Conges Spectacles: optional ceiling of 3 x the agreement's minimum wage; "
        "0 = no ceiling [S18]",
        uncertain=True,
    )
    """Most of a contract's month gross that is declarable to Conges Spectacles (0: no cap)."""

    @field_validator("night_windows")
    @classmethod
    def _night_windows_disjoint(
        cls, param: Param[tuple[TimeWindow, ...]]
    ) -> Param[tuple[TimeWindow, ...]]:
        _check_windows_disjoint(param.value, "night")
        return param

    @field_validator("meal_windows")
    @classmethod
    def _meal_windows_valid(
        cls, param: Param[tuple[TimeWindow, ...]]
    ) -> Param[tuple[TimeWindow, ...]]:
        for window in param.value:
            if window.wraps:
                raise PydanticCustomError(
                    "rules.meal_window_wraps",
                    "a meal window stays within one day, got {window}",
                    {"window": window.label()},
                )
        _check_windows_disjoint(param.value, "meal")
        return param

    @field_validator("overtime_tiers")
    @classmethod
    def _tiers_increasing(
        cls, param: Param[tuple[OvertimeTier, ...]]
    ) -> Param[tuple[OvertimeTier, ...]]:
        thresholds = [tier.above_minutes for tier in param.value]
        if any(b <= a for a, b in itertools.pairwise(thresholds)):
            raise PydanticCustomError(
                "rules.tiers_not_increasing",
                "overtime tiers must have strictly increasing thresholds, got {thresholds}",
                {"thresholds": thresholds},
            )
        return param

    def ref(self) -> RuleSetRef:
        return RuleSetRef(
            profile=self.profile,
            employment_type=self.employment_type,
            effective_from=self.effective_from,
            label=self.label,
        )


class RuleSetRef(_Frozen):
    """Which rule-set version produced a pay line."""

    profile: Profile
    employment_type: EmploymentType
    effective_from: date
    label: str


class RuleHistory(_Frozen):
    """All versions of one profile's rules, for every employment type it pays."""

    versions: tuple[RuleSet, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        profiles = {version.profile for version in self.versions}
        if len(profiles) > 1:
            raise PydanticCustomError(
                "rules.mixed_profiles",
                "a rule history holds one profile, got {profiles}",
                {"profiles": sorted(profiles)},
            )
        seen: set[tuple[EmploymentType, date]] = set()
        for version in self.versions:
            key = (version.employment_type, version.effective_from)
            if key in seen:
                raise PydanticCustomError(
                    "rules.duplicate_version",
                    "two versions for {employment_type} take effect on {day}",
                    {"employment_type": str(key[0]), "day": key[1].isoformat()},
                )
            seen.add(key)
        return self

    @property
    def profile(self) -> Profile:
        return self.versions[0].profile

    def in_force(self, employment_type: EmploymentType, day: date) -> RuleSet:
        """The version for ``employment_type`` in force on the local date ``day``."""
        best: RuleSet | None = None
        for version in self.versions:
            if (
                version.employment_type == employment_type
                and version.effective_from <= day
                and (best is None or version.effective_from > best.effective_from)
            ):
                best = version
        if best is None:
            raise PayrollError(
                "payroll.no_rule_set",
                f"no {self.profile} rules for {employment_type} in force on {day.isoformat()}",
            )
        return best

    def with_version(self, version: RuleSet) -> RuleHistory:
        """A new history with one more version (an edit never rewrites an older version)."""
        return RuleHistory(versions=(*self.versions, version))


# --- Seeds -------------------------------------------------------------------------------------
#: Local date the seeded versions take effect (the research was done against the rules in force
#: in 2024-2026); an org that needs older periods adds versions with earlier dates.
SEED_EFFECTIVE_FROM = date(2024, 1, 1)

_NO_FIGURE = "no figure found in PAYROLL_FR.md 3 for this agreement: set it from your agreement"


def _window(start: str, end: str) -> TimeWindow:
    return TimeWindow(start=time.fromisoformat(start), end=time.fromisoformat(end))


def _night(profile: Profile) -> tuple[Param[tuple[TimeWindow, ...]], Param[Decimal], bool]:
    """Night window, night premium and whether premiums stack, per profile."""
    if profile is Profile.PRESTATAIRES_2717:
        windows: tuple[TimeWindow, ...] = (_window("00:00", "06:00"),)
        return (
            Param(value=windows, source="CC 2717 art. 5.11 [S27]"),
            Param(value=Decimal(25), source="CC 2717 art. 5.11 [S27]"),
            True,
        )
    legal: tuple[TimeWindow, ...] = (_window("00:00", "07:00"),)
    window = Param(
        value=legal,
        source="CT L3122-3 (live shows: 7 h including 00:00-05:00), L3122-20 default [S26]",
        uncertain=profile is not Profile.CUSTOM,
    )
    note = _NO_FIGURE if profile is not Profile.CUSTOM else "CT: no legal night premium rate"
    return window, Param(value=Decimal(0), source=note, uncertain=True), False


def _stacking(profile: Profile, stack: bool) -> Param[bool]:
    if stack:
        return Param(value=True, source="CC 2717 art. 5.11: stacks with Sunday and holiday [S27]")
    if profile is Profile.CUSTOM:
        return Param(value=False, source="product default: no legal rule, only the highest applies")
    return Param(value=False, source=_NO_FIGURE, uncertain=True)


def _minimum_call(profile: Profile, employment_type: EmploymentType) -> Param[int]:
    if profile is Profile.CCNEAC_1285:
        if employment_type is EmploymentType.INTERMITTENT_A10:
            return Param(
                value=0,
                source="CCNEAC 1285: 3 h 30 minimum does not apply to artist titles XIII-XVII "
                "(dancers: 4 h, set it for them)",
            )
        return Param(value=210, source="CCNEAC 1285: minimum call 3 h 30 in a row (PAYROLL_FR 3)")
    if profile is Profile.CUSTOM:
        return Param(value=0, source="CT: no legal minimum call")
    return Param(value=0, source=_NO_FIGURE, uncertain=True)


def _overtime(profile: Profile) -> Param[tuple[OvertimeTier, ...]]:
    return Param(
        value=(
            OvertimeTier(above_minutes=35 * 60, premium_pct=Decimal(25)),
            OvertimeTier(above_minutes=43 * 60, premium_pct=Decimal(50)),
        ),
        source="CT L3121-27 (35 h) and L3121-36 (+25 % for 8 h, then +50 %), "
        "absent an agreement; not in PAYROLL_FR.md",
        uncertain=profile is not Profile.CUSTOM,
    )


def _seed(profile: Profile, employment_type: EmploymentType) -> RuleSet:
    freelance = employment_type is EmploymentType.FREELANCE
    night_windows, night_pct, stack = _night(profile)
    no_premium = "freelance: invoices a fee, no labour-code premium"
    unverified = Param(
        value=Decimal(0),
        source="CT: no legal premium (PAYROLL_FR 3, [S28]); agreement not researched",
        uncertain=True,
    )
    return RuleSet(
        profile=profile,
        employment_type=employment_type,
        effective_from=SEED_EFFECTIVE_FROM,
        label=f"{profile} {employment_type} (seed)",
        night_windows=night_windows,
        night_premium_pct=Param(value=Decimal(0), source=no_premium) if freelance else night_pct,
        sunday_premium_pct=Param(value=Decimal(0), source=no_premium) if freelance else unverified,
        holiday_premium_pct=Param(value=Decimal(0), source=no_premium) if freelance else unverified,
        may_1_premium_pct=(
            Param(value=Decimal(0), source=no_premium)
            if freelance
            else Param(value=Decimal(100), source="CT L3133-6: 1 May worked is paid double [S28]")
        ),
        premiums_stack=_stacking(profile, stack),
        overtime_tiers=Param(value=(), source=no_premium) if freelance else _overtime(profile),
        week_start_day=Param(
            value=0, source="Monday 00:00 to Sunday 24:00: the civil week (CC 2717, PAYROLL_FR 3)"
        ),
        minimum_call_minutes=(
            Param(value=0, source=no_premium)
            if freelance
            else _minimum_call(profile, employment_type)
        ),
        meal_windows=Param(
            value=(_window("12:00", "14:00"), _window("19:00", "21:00")),
            source="product default, not in PAYROLL_FR.md",
            uncertain=True,
        ),
        meal_allowance_cents=Param(
            value=0,
            source="no figure in PAYROLL_FR.md: set the amount your agreement or contract pays",
            uncertain=True,
        ),
        alsace_moselle=Param(
            value=AlsaceMoselle.BY_DEPARTEMENT,
            source="CT L3134-13; law: Good Friday only in communes with a Protestant temple, "
            "practice: all of 57/67/68 [S29]",
            uncertain=True,
        ),
        whit_monday_solidarity=Param(
            value=False, source="CT L3133-7: the journee de solidarite is set by agreement"
        ),
        cachet_hours=Param(
            value=12, source="Unedic annexe 10: 12 h per cachet since 2016 [S1][S3]"
        ),
    )


def default_history(profile: Profile) -> RuleHistory:
    """The seeded versions of ``profile`` for every employment type (editable by new versions)."""
    return RuleHistory(versions=tuple(_seed(profile, kind) for kind in EmploymentType))


__all__ = [
    "SEED_EFFECTIVE_FROM",
    "AlsaceMoselle",
    "Cents",
    "EmploymentType",
    "Minutes",
    "OvertimeTier",
    "Param",
    "Percent",
    "Profile",
    "RuleHistory",
    "RuleSet",
    "RuleSetRef",
    "TimeWindow",
    "default_history",
]
