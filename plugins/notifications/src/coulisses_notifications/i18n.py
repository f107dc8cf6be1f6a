"""Message catalogs (``locales/<lang>.json``) and locale-aware date formatting.

Templates hold no prose: they call ``t("invitation.intro", org=...)``, so
one template serves every language. The catalogs are JSON with ``\\u``
escapes, which keeps the repository ASCII while emails carry accents.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

LOCALES = ("fr", "en")
DEFAULT_LOCALE = "fr"


@functools.cache
def catalog(locale: str) -> dict[str, Any]:
    text = resources.files("coulisses_notifications").joinpath(f"locales/{locale}.json")
    loaded: dict[str, Any] = json.loads(text.read_text(encoding="ascii"))
    return loaded


def normalize(locale: str | None) -> str:
    """``fr-FR`` -> ``fr``; an unknown language falls back to French (the product's default)."""
    base = (locale or "").split("-")[0].split("_")[0].lower()
    return base if base in LOCALES else DEFAULT_LOCALE


class Translator:
    def __init__(self, locale: str | None, timezone: str = "Europe/Paris") -> None:
        self.locale = normalize(locale)
        self.tz = ZoneInfo(timezone)
        self._catalog = catalog(self.locale)

    def in_zone(self, timezone: str) -> Translator:
        """The same language on another clock (a mission's place)."""
        return Translator(self.locale, timezone)

    def __call__(self, key: str, **values: Any) -> str:
        text = self._catalog.get(key)
        if text is None:
            text = catalog("en").get(key, key)
        return str(text).format(**values) if values else str(text)

    def datetime(self, value: dt.datetime | None) -> str:
        if value is None:
            return ""
        local = value.astimezone(self.tz)
        day = self._catalog["days"][local.weekday()]
        return str(self._catalog["datetime"]).format(day=day, date=local)

    def date(self, value: dt.date) -> str:
        return str(self._catalog["date"]).format(date=value)

    def time(self, value: dt.datetime) -> str:
        return str(self._catalog["time"]).format(date=value.astimezone(self.tz))

    def until(self, start: dt.datetime, end: dt.datetime) -> str:
        """The end of a slot: only the time when it ends the same local day."""
        same_day = start.astimezone(self.tz).date() == end.astimezone(self.tz).date()
        return self.time(end) if same_day else self.datetime(end)
