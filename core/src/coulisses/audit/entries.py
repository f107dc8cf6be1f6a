"""Writing the audit log: who did what to which target, in which org, and what it changed.

Every command appends its entry inside its own transaction, so the change and its entry
commit (or roll back) together. An update records ``{"before": {...}, "after": {...}}``
holding only the fields whose value changed (:func:`before_after`, :func:`record_change`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Mapping
from typing import Any

import msgspec

from coulisses.db.connection import fetch

#: What a redacted field holds in ``before``/``after``: the entry says it changed, not to what.
REDACTED = "[redacted]"


async def record(
    org_id: int | None,
    actor: int | None,
    action: str,
    target: str | None = None,
    payload: dict[str, Any] | None = None,
) -> None:
    """Append one entry; call it inside the command's transaction so both commit together."""
    await fetch(
        "INSERT INTO audit_log (org, actor, action, target, payload) VALUES ($1, $2, $3, $4, $5)",
        org_id,
        actor,
        action,
        target,
        json.dumps(plain(payload or {})),
    )


async def record_many(
    org_id: int | None,
    actor: int | None,
    action: str,
    targets: list[str],
    payload: dict[str, Any] | None = None,
) -> None:
    """One entry per target in a single statement (batch commands), same transaction rule."""
    if not targets:
        return
    await fetch(
        """INSERT INTO audit_log (org, actor, action, target, payload)
           SELECT $1::integer, $2::integer, $3::text, t, $5::jsonb FROM unnest($4::text[]) AS t""",
        org_id,
        actor,
        action,
        targets,
        json.dumps(plain(payload or {})),
    )


def plain(value: Any) -> Any:
    """``value`` as JSON data: instants in UTC ISO 8601 (so that ``+02:00`` and ``Z`` forms
    of one instant compare equal), dates and times in ISO 8601, sets sorted, structs and
    dataclasses as objects."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((plain(v) for v in value), key=json.dumps)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return plain(msgspec.to_builtins(value))


def _diff(before: Any, after: Any, keys: Collection[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for key in keys:
        was = plain(before.get(key))
        now = plain(after.get(key))
        if was == now:
            continue
        if isinstance(was, dict) and isinstance(now, dict):
            # A nested object (a plugin config, rules per scope): only its changed keys.
            old[key], new[key] = _diff(was, now, list(dict.fromkeys([*was, *now])))
        else:
            old[key], new[key] = was, now
    return old, new


def before_after(
    before: Mapping[str, Any], after: Mapping[str, Any], *, redact: Collection[str] = ()
) -> dict[str, dict[str, Any]]:
    """``{"before": {...}, "after": {...}}`` for the fields of ``after`` whose value differs
    from ``before`` (both empty when nothing changed).

    ``after`` holds the fields the command set (a PATCH's fields), ``before`` the stored
    row (any superset; a missing field counts as null). Values are compared as JSON data
    (:func:`plain`); a nested object keeps only its changed keys (a key missing on one side
    is null there). A field in ``redact`` that changed shows :data:`REDACTED` on both sides.
    """
    old, new = _diff(before, after, list(after))
    for key in redact:
        if key in new:
            old[key] = new[key] = REDACTED
    return {"before": old, "after": new}


async def record_change(
    org_id: int | None,
    actor: int | None,
    action: str,
    target: str | None,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    payload: Mapping[str, Any] | None = None,
    *,
    redact: Collection[str] = (),
) -> bool:
    """Record an update with its :func:`before_after` (and ``payload``'s other keys); an update
    that changes nothing is not recorded. Returns whether an entry was written. Same
    transaction rule as :func:`record`."""
    diff = before_after(before, after, redact=redact)
    if not diff["after"]:
        return False
    await record(org_id, actor, action, target, {**(payload or {}), **diff})
    return True
