"""The SDK harness never empties a database it did not create."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import asyncpg

from tests.conftest import _BASE_URL, RUN_ID, _admin_exec, _with_db

SCRIPT = """
import asyncio, os
from urllib.parse import urlparse
from coulisses_sdk import testing
testing.pytest_configure(None)
url = testing.prepare_database([])
print("USED", urlparse(url).path.lstrip("/"))
asyncio.run(testing.clean_database())
for cleanup in testing._harness.cleanup:
    cleanup()
"""


def _run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", SCRIPT]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)


async def test_a_database_the_author_names_is_not_reused_nor_emptied():
    name = f"author_data_{RUN_ID}"
    url = _with_db(_BASE_URL, name)
    await _admin_exec(f'CREATE DATABASE "{name}"')
    try:
        conn = await asyncpg.connect(url)
        await conn.execute("CREATE TABLE meals (id int); INSERT INTO meals VALUES (1)")
        await conn.close()
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("COULISSES_") and k not in {"SMTP_HOST", "SMTP_PORT"}
        }
        env.update(DATABASE_URL=url, COULISSES_TEST_DATABASE=url)

        done = await asyncio.to_thread(_run, env)

        assert done.returncode == 0, done.stderr
        assert "USED coulisses_plugin_test_" in done.stdout
        conn = await asyncpg.connect(url)
        assert await conn.fetchval("SELECT count(*) FROM meals") == 1
        await conn.close()
    finally:
        await _admin_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
