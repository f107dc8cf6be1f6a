"""``coulisses worker`` as deployed, plus two functions the scale-out tests observe: a
cron firing every 2 seconds and a job that holds until the test releases it. Each writes
what it did, and which process did it, to tables of the test database.

Run as ``python -m tests.scaleout.worker`` (the repository root as working directory).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import asyncpg

from coulisses.db.connection import database_url
from coulisses.jobs import queue

#: Every 2 seconds (croniter's sixth field is the second).
TICK_CRON = "* * * * * */2"
TICK = "scaleout_tick"
HOLD = "scaleout.hold"

TABLES = """
CREATE TABLE IF NOT EXISTS scaleout_ticks (scheduled bigint NOT NULL, pid int NOT NULL);
CREATE TABLE IF NOT EXISTS scaleout_runs (
    key text NOT NULL, pid int NOT NULL, state text NOT NULL, at timestamptz DEFAULT now()
);
CREATE TABLE IF NOT EXISTS scaleout_releases (key text PRIMARY KEY);
"""


async def scaleout_tick(ctx: dict[str, Any]) -> None:
    job = ctx["job"]
    conn = await asyncpg.connect(database_url())
    try:
        await conn.execute(
            "INSERT INTO scaleout_ticks (scheduled, pid) VALUES ($1, $2)",
            int(job.scheduled),
            os.getpid(),
        )
    finally:
        await conn.close()


async def scaleout_hold(ctx: dict[str, Any], *, key: str) -> None:
    """Record the start, wait for the test's release, record the end."""
    conn = await asyncpg.connect(database_url())
    try:
        await conn.execute(
            "INSERT INTO scaleout_runs (key, pid, state) VALUES ($1, $2, 'started')",
            key,
            os.getpid(),
        )
        # The release is a row the test (another process) writes.
        while not await conn.fetchval("SELECT 1 FROM scaleout_releases WHERE key = $1", key):  # noqa: ASYNC110
            await asyncio.sleep(0.1)
        await conn.execute(
            "INSERT INTO scaleout_runs (key, pid, state) VALUES ($1, $2, 'finished')",
            key,
            os.getpid(),
        )
    finally:
        await conn.close()


def install() -> None:
    queue.CORE_CRONS.append((scaleout_tick, TICK_CRON))
    queue.CORE_JOBS[HOLD] = scaleout_hold


if __name__ == "__main__":
    from coulisses.cli import main

    install()
    main(["worker"])
