"""The audit log: who did what to which target, in which org."""

from __future__ import annotations

import json
from typing import Any

from coulisses.db.connection import fetch


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
        json.dumps(payload or {}),
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
        json.dumps(payload or {}),
    )
