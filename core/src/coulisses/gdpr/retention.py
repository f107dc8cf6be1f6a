"""Retention policies of an org and their daily purge.

``audit_retention_days`` (default 730, 90 to 3650): audit entries older than that are
deleted. ``invitation_retention_days`` (default 365, 30 to 3650): invitations closed
(answered, revoked or expired) for longer than that are deleted; their assignment
stays. The cron runs daily; a run that finds nothing to delete writes nothing, so runs
may repeat. Each run that deletes records one ``retention.purged`` entry with counts.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from coulisses.audit import record, record_change
from coulisses.db.connection import fetch, transaction
from coulisses.errors import DomainError
from coulisses_sdk import Principal

logger = logging.getLogger(__name__)

#: field -> (minimum, maximum) in days; the same bounds as the CHECK of tenancy m0003.
BOUNDS = {"audit_days": (90, 3650), "invitation_days": (30, 3650)}
_COLUMNS = {"audit_days": "audit_retention_days", "invitation_days": "invitation_retention_days"}


async def get_policy(org_id: int) -> dict[str, int]:
    rows = await fetch(
        """SELECT audit_retention_days AS audit_days,
                  invitation_retention_days AS invitation_days FROM orgs WHERE id = $1""",
        org_id,
    )
    return dict(rows[0])


def _check(field: str, value: int) -> int:
    low, high = BOUNDS[field]
    if not low <= value <= high:
        raise DomainError(
            "retention.out_of_bounds",
            f"{field} goes from {low} to {high} days",
            details={"field": field, "min": low, "max": high},
            status=422,
        )
    return value


async def update_policy(principal: Principal, changes: dict[str, int]) -> dict[str, int]:
    checked = {field: _check(field, value) for field, value in changes.items()}
    async with transaction():
        await fetch("SELECT 1 FROM orgs WHERE id = $1 FOR NO KEY UPDATE", principal.org_id)
        before = await get_policy(principal.org_id)
        if checked:
            sets = ", ".join(f"{_COLUMNS[f]} = ${i + 2}" for i, f in enumerate(checked))
            await fetch(
                f"UPDATE orgs SET {sets} WHERE id = $1",  # noqa: S608 - fixed column names
                principal.org_id,
                *checked.values(),
            )
        await record_change(
            principal.org_id,
            principal.account_id,
            "retention.updated",
            f"org:{principal.org_id}",
            before,
            checked,
        )
    return await get_policy(principal.org_id)


async def purge_org(org_id: int, now: dt.datetime | None = None) -> dict[str, int]:
    """Delete what the org's policy says is too old; counts of what went."""
    at = now or dt.datetime.now(dt.UTC)
    async with transaction():
        policy = await get_policy(org_id)
        audit = await fetch(
            """DELETE FROM audit_log
               WHERE org = $1 AND at < $2::timestamptz - make_interval(days => $3::int)
               RETURNING id""",
            org_id,
            at,
            policy["audit_days"],
        )
        invitations = await fetch(
            """DELETE FROM invitations WHERE org = $1
               -- closed when answered, else when revoked, else when it expired
               AND COALESCE(answered_at, revoked_at, expires_at)
                   < $2::timestamptz - make_interval(days => $3::int)
               RETURNING id""",
            org_id,
            at,
            policy["invitation_days"],
        )
        counts = {"audit_entries": len(audit), "invitations": len(invitations)}
        if any(counts.values()):
            await record(org_id, None, "retention.purged", f"org:{org_id}", {**counts, **policy})
    return counts


async def purge_all(now: dt.datetime | None = None) -> dict[int, dict[str, int]]:
    """Every org's purge, each in its own transaction (one failing org does not stop
    the others)."""
    done: dict[int, dict[str, int]] = {}
    for row in await fetch("SELECT id FROM orgs ORDER BY id"):
        try:
            done[row["id"]] = await purge_org(row["id"], now)
        except Exception:
            logger.exception("retention purge failed for org %s", row["id"])
    return done


async def retention_cron(ctx: dict[str, Any]) -> int:
    """SAQ cron (daily): every org's purge; returns how many rows went in all."""
    return sum(sum(c.values()) for c in (await purge_all()).values())
