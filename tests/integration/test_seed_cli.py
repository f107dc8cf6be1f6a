"""`coulisses seed` as an operator runs it: its own process, a database it has not seen,
and the machine's Redis when there is one (the rate limits and live events of the demo's
answers name their Redis keys by the instance id, before any pool is open)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import asyncpg

from coulisses.seed import DEMO_SLUG
from tests.conftest import _BASE_URL, RUN_ID, _admin_exec, _with_db

SEED_DB = f"coulisses_seed_cli_{RUN_ID}"


async def _count_orgs(url: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM orgs WHERE slug = $1", DEMO_SLUG))
    finally:
        await conn.close()


def test_the_seed_command_builds_the_demo_in_a_fresh_database(tmp_path: Path) -> None:
    url = _with_db(_BASE_URL, SEED_DB)
    asyncio.run(_admin_exec(f'CREATE DATABASE "{SEED_DB}"'))
    try:
        env = {**os.environ, "DATABASE_URL": url, "COULISSES_DATA_DIR": str(tmp_path)}
        for _ in range(2):  # idempotent: the second run finds the demo
            done = subprocess.run(
                [sys.executable, "-m", "coulisses.cli", "seed"],
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            assert done.returncode == 0, done.stdout + done.stderr
            assert "Org de demo : Les Nuits de Juillet" in done.stdout
        assert asyncio.run(_count_orgs(url)) == 1
    finally:
        asyncio.run(_admin_exec(f'DROP DATABASE IF EXISTS "{SEED_DB}" WITH (FORCE)'))
