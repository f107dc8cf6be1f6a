"""Labels of IANA timezones, so that every message names a mission's clock the same way."""

from __future__ import annotations


def zone_label(timezone: str) -> str:
    """The place part of an IANA timezone name, readable: ``America/Montreal`` ->
    ``Montreal``, ``America/Argentina/Buenos_Aires`` -> ``Buenos Aires``, ``UTC`` -> ``UTC``.

    Messages that show a mission's local time next to the org's label each one with it
    ("20:00 (Montreal), 02:00 (Paris)"); the web app does the same.
    """
    return timezone.rsplit("/", 1)[-1].replace("_", " ")
