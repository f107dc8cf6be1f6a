"""Per-recipient preferences: language, channels per kind, quiet hours.

A member (an account) edits their own through the API; a user who never logs
in has a row keyed by ``user_id``, written only by the unsubscribe link.
Absent rows and absent kinds mean the defaults: every channel, and the
org's default quiet hours (plugin config, 22:00-08:00 unless changed).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from coulisses_notifications.kinds import CHANNELS, CONFIGURABLE, EMAIL
from coulisses_notifications.quiet import parse_hhmm
from coulisses_notifications.tables import Preference


def default_channels() -> dict[str, list[str]]:
    return {kind: list(CHANNELS) for kind in CONFIGURABLE}


@dataclass
class Prefs:
    locale: str | None = None
    channels: dict[str, list[str]] = field(default_factory=default_channels)
    #: None: the org's default quiet hours.
    quiet_start: str | None = None
    quiet_end: str | None = None

    def wants(self, kind: str) -> set[str]:
        return set(self.channels.get(kind, CHANNELS))

    def quiet_hours(self, default_start: str, default_end: str) -> tuple[str, str]:
        if self.quiet_start is None or self.quiet_end is None:
            return default_start, default_end
        return self.quiet_start, self.quiet_end


def _owner(account_id: int | None, user_id: int | None) -> tuple[Any, int]:
    """A member's preferences follow their account; else the user's own row."""
    if account_id is not None:
        return Preference.account_id, account_id
    if user_id is not None:
        return Preference.user_id, user_id
    raise ValueError("a preference belongs to an account or a user")


def _channels(raw: Any) -> dict[str, list[str]]:
    stored = json.loads(raw) if isinstance(raw, str) else (raw or {})
    merged = default_channels()
    for kind, channels in stored.items():
        if kind in merged and isinstance(channels, list):
            merged[kind] = [c for c in CHANNELS if c in channels]
    return merged


async def load(org_id: int, *, account_id: int | None, user_id: int | None) -> Prefs:
    column, owner = _owner(account_id, user_id)
    row = await Preference.select().where((Preference.org_id == org_id) & (column == owner)).first()
    if row is None:
        return Prefs()
    return Prefs(
        locale=row["locale"],
        channels=_channels(row["channels"]),
        quiet_start=row["quiet_start"],
        quiet_end=row["quiet_end"],
    )


def check_channels(channels: dict[str, list[str]]) -> dict[str, list[str]]:
    unknown = sorted(set(channels) - set(CONFIGURABLE))
    if unknown:
        raise ValueError(f"unknown kinds: {', '.join(unknown)}")
    for kind, values in channels.items():
        bad = sorted(set(values) - set(CHANNELS))
        if bad:
            raise ValueError(f"unknown channels for {kind}: {', '.join(bad)}")
    return channels


async def save(
    org_id: int,
    *,
    account_id: int | None,
    user_id: int | None,
    prefs: Prefs,
) -> Prefs:
    """Write the whole preference row (insert or update)."""
    for value in (prefs.quiet_start, prefs.quiet_end):
        if value is not None:
            parse_hhmm(value)
    check_channels(prefs.channels)
    column, owner = _owner(account_id, user_id)
    values: dict[Any, Any] = {
        Preference.locale: prefs.locale,
        Preference.channels: json.dumps(prefs.channels),
        Preference.quiet_start: prefs.quiet_start,
        Preference.quiet_end: prefs.quiet_end,
        Preference.updated_at: dt.datetime.now(dt.UTC),
    }
    updated = (
        await Preference.update(values)
        .where((Preference.org_id == org_id) & (column == owner))
        .returning(Preference.id)
    )
    if not updated:
        await Preference.insert(
            Preference(
                org_id=org_id,
                account_id=account_id,
                user_id=None if account_id is not None else user_id,
                locale=prefs.locale,
                channels=json.dumps(prefs.channels),
                quiet_start=prefs.quiet_start,
                quiet_end=prefs.quiet_end,
                updated_at=dt.datetime.now(dt.UTC),
            )
        )
    return await load(org_id, account_id=account_id, user_id=user_id)


async def unsubscribe(
    org_id: int, *, account_id: int | None, user_id: int | None, kind: str
) -> Prefs:
    """Stop the emails of one kind (the other channels and kinds stay as they were)."""
    prefs = await load(org_id, account_id=account_id, user_id=user_id)
    prefs.channels[kind] = [c for c in prefs.channels.get(kind, CHANNELS) if c != EMAIL]
    return await save(org_id, account_id=account_id, user_id=user_id, prefs=prefs)
