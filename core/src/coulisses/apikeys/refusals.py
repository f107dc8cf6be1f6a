"""Auditing a refused use of an API key (revoked, expired, out of scope, rate-limited).

Kept apart from :mod:`coulisses.apikeys.service` so that the RBAC guards can audit a
refusal without importing the service (which imports them).
"""

from __future__ import annotations

from typing import Any

from coulisses.audit.entries import record
from coulisses.db.connection import fetch


async def audit_refusal(org_id: int, key_id: int, code: str, **request: Any) -> None:
    """One audit entry for a refused use of a key, in the key's name (never the key)."""
    rows = await fetch("SELECT account FROM api_keys WHERE id = $1", key_id)
    actor = rows[0]["account"] if rows else None
    await record(
        org_id,
        actor,
        "api_key.refused",
        f"api_key:{key_id}",
        {"reason": code, **{k: v for k, v in request.items() if v is not None}},
    )
