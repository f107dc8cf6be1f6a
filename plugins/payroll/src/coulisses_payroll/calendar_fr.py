"""French public holidays, with the Alsace-Moselle ones chosen by departement.

The national list comes from the ``holidays`` package (vacanza/holidays). Alsace-Moselle's
extra days (Good Friday and 26 December, CT L3134-13) are added here for departements 57, 67
and 68 rather than through the package's subdivisions: their codes changed between releases
(``Alsace-Moselle``, then ``57``/``6AE``, then ``GES`` for the whole Grand Est region), and
Grand Est also holds departements without these days (PAYROLL_FR.md section 5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from coulisses_payroll.rules import AlsaceMoselle

ALSACE_MOSELLE_DEPARTEMENTS = frozenset({"57", "67", "68"})

#: Stable keys of the fixed-date holidays (month, day) -> key.
_FIXED = {
    (1, 1): "new_year",
    (5, 1): "may_1",
    (5, 8): "victory_1945",
    (7, 14): "national_day",
    (8, 15): "assumption",
    (11, 1): "all_saints",
    (11, 11): "armistice_1918",
    (12, 25): "christmas",
}
#: Stable keys of the holidays that follow Easter Sunday (days after it).
_EASTER_OFFSETS = {1: "easter_monday", 39: "ascension", 50: "whit_monday"}


@dataclass(frozen=True)
class Holiday:
    day: date
    key: str
    """Stable key for message catalogs (``may_1``, ``good_friday``...; ``other`` if unknown)."""
    name: str
    """English name, for logs and explanations."""


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous computus, PAYROLL_FR.md section 4).

    >>> easter_sunday(2027)
    datetime.date(2027, 3, 28)
    """
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    n = h + leap - 7 * m + 114
    return date(year, n // 31, n % 31 + 1)


def _key(day: date) -> str:
    fixed = _FIXED.get((day.month, day.day))
    if fixed:
        return fixed
    return _EASTER_OFFSETS.get((day - easter_sunday(day.year)).days, "other")


@lru_cache(maxsize=256)
def _national(year: int) -> dict[date, Holiday]:
    found = holidays.country_holidays("FR", years=year, language="en_US")
    return {day: Holiday(day, _key(day), str(name)) for day, name in sorted(found.items())}


@lru_cache(maxsize=256)
def _alsace_moselle(year: int) -> dict[date, Holiday]:
    good_friday = easter_sunday(year) - timedelta(days=2)
    st_stephen = date(year, 12, 26)
    return {
        good_friday: Holiday(good_friday, "good_friday", "Good Friday"),
        st_stephen: Holiday(st_stephen, "st_stephen", "Saint Stephen's Day"),
    }


def normalize_departement(departement: str | None) -> str | None:
    """``"67"``, ``" 67 "`` and ``"067"`` all mean the Bas-Rhin; ``None`` stays unknown."""
    if departement is None:
        return None
    code = departement.strip().upper()
    if code.isdigit():
        code = code.lstrip("0").zfill(2)
    return code or None


def applies_alsace_moselle(mode: AlsaceMoselle, departement: str | None) -> bool:
    if mode is AlsaceMoselle.ALWAYS:
        return True
    if mode is AlsaceMoselle.NEVER:
        return False
    return normalize_departement(departement) in ALSACE_MOSELLE_DEPARTEMENTS


def public_holiday(day: date, *, alsace_moselle: bool) -> Holiday | None:
    """The public holiday on ``day``, or None.

    >>> public_holiday(date(2027, 3, 26), alsace_moselle=True).key
    'good_friday'
    >>> public_holiday(date(2027, 3, 26), alsace_moselle=False) is None
    True
    """
    found = _national(day.year).get(day)
    if found is None and alsace_moselle:
        found = _alsace_moselle(day.year).get(day)
    return found


def public_holidays(year: int, *, alsace_moselle: bool) -> list[Holiday]:
    """Every public holiday of ``year``, in date order."""
    days = dict(_national(year))
    if alsace_moselle:
        days.update(_alsace_moselle(year))
    return [days[day] for day in sorted(days)]


__all__ = [
    "ALSACE_MOSELLE_DEPARTEMENTS",
    "Holiday",
    "applies_alsace_moselle",
    "easter_sunday",
    "normalize_departement",
    "public_holiday",
    "public_holidays",
]
