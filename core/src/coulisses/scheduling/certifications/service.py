"""Certifications: skills with an expiry, the list of those to renew, and the daily digest.

A certification is a user's skill with a ``valid_until`` (its last valid day,
inclusive; the skill and its ``reference`` live in ``users.skills``, validated by
the users service). Two things read them here:

- :func:`expiring`: what an org must renew today (its local date): certifications
  whose ``valid_until`` falls within ``within_days`` days, and those already
  expired whose user is still on an upcoming active assignment of a role that
  requires the skill. ``GET /api/v1/users/certifications/expiring`` pages it, and
  plugins read it through the SDK host.
- :func:`run_digest`: the daily check of one org. It records one row per org and
  local day in ``certification_digests`` and, when the list is not empty, fires
  ``CertificationsExpiring`` in the same transaction (plugins stage their jobs in
  the outbox with it), so a second run of the same day notifies nobody again. The
  cron (:func:`digest_cron`, hourly) runs it for each org once its local time is
  past :data:`DIGEST_HOUR`.

"Expired for a mission" is the rule of the conflicts check (``skill_expired``): the
certification ends before the local day (org timezone) of the mission's last
instant, i.e. the mission ends after the first instant of ``valid_until + 1 day``.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from coulisses.db.connection import fetch, transaction
from coulisses.errors import DomainError
from coulisses.scheduling.certifications.schemas import ExpiringCertificationOut
from coulisses.scheduling.common import (
    emit_events,
    org_timezone,
)
from coulisses_sdk import CertificationsExpiring, Listing, ListQuery

logger = logging.getLogger(__name__)

DEFAULT_WITHIN_DAYS = 30
MAX_WITHIN_DAYS = 365
#: The digest of a local day goes out at the first cron run from this local hour on.
DIGEST_HOUR = 7

# $1 org, $2 today (org's local date), $3 last day of the horizon, $4 now, $5 timezone.
# An assignment is affected when it ends after the first local instant of the day
# following valid_until (the conflicts rule); only upcoming ones count (ends after now).
_LIST = """WITH certs AS (
    SELECT u.id AS user_id, u.first_name, u.last_name, s->>'name' AS skill,
           coalesce((s->>'level')::int, 1) AS level,
           (s->>'valid_until')::date AS valid_until, s->>'reference' AS reference
    FROM users u CROSS JOIN LATERAL jsonb_array_elements(u.skills) s
    WHERE u.org = $1 AND s->>'valid_until' IS NOT NULL AND (s->>'valid_until')::date <= $3
), affected AS (
    SELECT c.user_id, c.skill, count(*) AS n, min(a.starts_at) AS next_affected_starts_at
    FROM certs c
    JOIN assignments a ON a.org = $1 AND a.user_id = c.user_id
        AND a.status IN ('INVITED', 'ACCEPTED') AND a.ends_at > $4
        AND a.ends_at > ((c.valid_until + 1)::timestamp AT TIME ZONE $5)
    JOIN mission_roles r ON r.id = a.mission_role AND c.skill = ANY(r.required_skills)
    GROUP BY c.user_id, c.skill
)
SELECT c.user_id, c.first_name, c.last_name, c.skill, c.level, c.valid_until, c.reference,
       coalesce(f.n, 0)::int AS affected_assignments, f.next_affected_starts_at
FROM certs c LEFT JOIN affected f ON f.user_id = c.user_id AND f.skill = c.skill
WHERE c.valid_until >= $2 OR f.n > 0"""
_ORDER = " ORDER BY c.valid_until, c.last_name, c.first_name, c.user_id, c.skill"


@dataclass(frozen=True)
class Horizon:
    """Today in the org's timezone and the last day a listing looks at."""

    today: dt.date
    last_day: dt.date
    now: dt.datetime
    tz: ZoneInfo


def check_within_days(within_days: int) -> int:
    if not 0 <= within_days <= MAX_WITHIN_DAYS:
        raise DomainError(
            "certification.invalid_within_days",
            f"within_days goes from 0 to {MAX_WITHIN_DAYS}",
            details={"field": "within_days", "minimum": 0, "maximum": MAX_WITHIN_DAYS},
            status=422,
        )
    return within_days


async def horizon(org_id: int, within_days: int, now: dt.datetime | None = None) -> Horizon:
    tz = await org_timezone(org_id)
    now = now or dt.datetime.now(dt.UTC)
    today = now.astimezone(tz).date()
    return Horizon(today, today + dt.timedelta(days=within_days), now, tz)


def _item(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    days_left = (row["valid_until"] - today).days
    return {
        **row,
        "status": "expired" if days_left < 0 else "expiring",
        "days_left": days_left,
    }


def _args(org_id: int, h: Horizon) -> tuple[Any, ...]:
    return (org_id, h.today, h.last_day, h.now, h.tz.key)


#: Sort keys of the expiring certifications and the SQL each orders by (docs/api.md);
#: an item is one skill of one user.
EXPIRING = Listing(
    sorts={
        "user_id": "c.user_id",
        "skill": "c.skill",
        "valid_until": "c.valid_until",
        "last_name": "lower(c.last_name)",
        "first_name": "lower(c.first_name)",
        "affected_assignments": "affected_assignments",
        "next_affected_starts_at": "f.next_affected_starts_at",
    },
    default="valid_until,last_name,first_name",
    item=ExpiringCertificationOut,
    key=("user_id", "skill"),
)


async def expiring(
    org_id: int,
    listing: ListQuery,
    *,
    within_days: int = DEFAULT_WITHIN_DAYS,
    now: dt.datetime | None = None,
) -> tuple[list[dict[str, Any]], int, Horizon]:
    """A page of the certifications to renew (soonest ``valid_until`` first by default),
    their total and the horizon read."""
    h = await horizon(org_id, check_within_days(within_days), now)
    args = _args(org_id, h)
    total = (await fetch(f"SELECT count(*) AS n FROM ({_LIST}) c", *args))[0]["n"]  # noqa: S608
    listing.check_page(total)
    rows = await fetch(
        f"{_LIST} ORDER BY {EXPIRING.order_by(listing)}"
        f" LIMIT {int(listing.page_size)} OFFSET {int(listing.offset)}",
        *args,
    )
    return [_item(r, h.today) for r in rows], total, h


async def expiring_all(
    org_id: int,
    *,
    within_days: int = DEFAULT_WITHIN_DAYS,
    now: dt.datetime | None = None,
    limit: int = 500,
) -> list[dict[str, Any]]:
    """The first ``limit`` certifications to renew (what plugins read through the host)."""
    h = await horizon(org_id, check_within_days(within_days), now)
    rows = await fetch(f"{_LIST}{_ORDER} LIMIT {max(0, int(limit))}", *_args(org_id, h))
    return [_item(r, h.today) for r in rows]


# -- the daily digest ------------------------------------------------------------------


@dataclass(frozen=True)
class Digest:
    org_id: int
    day: dt.date
    expiring: int
    expired_assigned: int
    #: True when this run fired the event (False: nothing to tell, or already told today)
    notified: bool


async def run_digest(
    org_id: int, *, now: dt.datetime | None = None, within_days: int = DEFAULT_WITHIN_DAYS
) -> Digest:
    """The daily check of one org for its local day of ``now``; idempotent per day.

    The first run of a day stores the counts and, when one is not zero, fires
    ``CertificationsExpiring`` inside the same transaction (the row stays locked
    meanwhile, so concurrent runs wait and then see it done). Later runs of the
    same day change nothing and fire nothing.
    """
    h = await horizon(org_id, check_within_days(within_days), now)
    counts = await fetch(
        f"""SELECT count(*) FILTER (WHERE c.valid_until >= $2) AS expiring,
                   count(*) FILTER (WHERE c.valid_until < $2) AS expired_assigned
            FROM ({_LIST}) c""",  # noqa: S608
        *_args(org_id, h),
    )
    soon, expired = int(counts[0]["expiring"]), int(counts[0]["expired_assigned"])
    async with transaction():
        await fetch(
            """INSERT INTO certification_digests (org, day, within_days, expiring, expired_assigned)
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org, day) DO NOTHING""",
            org_id,
            h.today,
            within_days,
            soon,
            expired,
        )
        [row] = await fetch(
            """SELECT id, expiring, expired_assigned, notified_at FROM certification_digests
               WHERE org = $1 AND day = $2 FOR UPDATE""",
            org_id,
            h.today,
        )
        first = row["notified_at"] is None and (row["expiring"] or row["expired_assigned"])
        if first:
            await emit_events(
                [
                    CertificationsExpiring(
                        org_id=org_id,
                        day=h.today,
                        within_days=within_days,
                        expiring=row["expiring"],
                        expired_assigned=row["expired_assigned"],
                    )
                ]
            )
            await fetch(
                "UPDATE certification_digests SET notified_at = now() WHERE id = $1", row["id"]
            )
    return Digest(org_id, h.today, row["expiring"], row["expired_assigned"], bool(first))


def digest_due(now: dt.datetime, tz: ZoneInfo) -> bool:
    """Whether the local time of ``now`` is past the digest hour (no mail at 01:00)."""
    return now.astimezone(tz).hour >= DIGEST_HOUR


async def run_due_digests(now: dt.datetime | None = None) -> list[Digest]:
    """:func:`run_digest` for every org whose local time is past :data:`DIGEST_HOUR`;
    one org's failure is logged and does not stop the others."""
    now = now or dt.datetime.now(dt.UTC)
    done: list[Digest] = []
    for org in await fetch("SELECT id, timezone FROM orgs ORDER BY id"):
        if not digest_due(now, ZoneInfo(org["timezone"])):
            continue
        try:
            done.append(await run_digest(org["id"], now=now))
        except Exception:
            logger.exception("certification digest failed for org %s", org["id"])
    return done


async def digest_cron(ctx: dict[str, Any]) -> int:
    """SAQ cron (hourly): the day's digest of each org, once it is due."""
    return len([d for d in await run_due_digests() if d.notified])
