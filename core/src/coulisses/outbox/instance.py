"""This deployment's random instance id, stored in the database.

Every Redis key (live streams, rate limits, job queues) is namespaced by it, so a
database reset or restore next to a Redis that kept its data never mixes the old
deployment's keys (events of an org whose id was reused) into the new one.
"""

from __future__ import annotations

from typing import Any

from coulisses.settings import get_settings

_instance_id: str | None = None


async def load_instance_id(db: Any) -> str:
    """Read (creating it if a restore lost it) and cache the instance id; ``db`` is an
    asyncpg pool or connection (the database layer calls this as it opens its pool)."""
    global _instance_id
    rows = await db.fetch("SELECT instance_id::text AS id FROM instance_info WHERE id = 1")
    if not rows:
        rows = await db.fetch(
            """INSERT INTO instance_info (id) VALUES (1)
               ON CONFLICT (id) DO UPDATE SET id = 1 RETURNING instance_id::text AS id"""
        )
    _instance_id = str(rows[0]["id"])
    return _instance_id


async def ensure_instance_id(db: Any) -> str:
    """The instance id, loaded through ``db`` (anything with asyncpg's ``fetch``) when no
    pool has loaded it yet: a command that writes before the app starts (``coulisses
    seed``, ``serve --seed``) names Redis keys too (rate limits, live events) when
    ``REDIS_URL`` is set."""
    if _instance_id is not None:
        return _instance_id
    return await load_instance_id(db)


def instance_id() -> str:
    if _instance_id is None:
        raise RuntimeError("instance id not loaded (open the database pool first)")
    return _instance_id


def redis_prefix(area: str) -> str:
    """``cc:<queue name>:<instance>:<area>:``, the start of every Redis key of ``area``."""
    return f"cc:{get_settings().queue_name}:{instance_id()[:13]}:{area}:"


def queue_name() -> str:
    """The SAQ queue's name: the configured one, namespaced by the instance."""
    return f"{get_settings().queue_name}-{instance_id()[:13]}"
