"""`coulisses migrate` says what it applied, then that there was nothing left."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

from tests.conftest import _BASE_URL, RUN_ID, _admin_exec, _with_db


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)


async def test_migrate_lists_what_it_applied_then_reports_nothing_to_apply():
    name = f"coulisses_migrate_{RUN_ID}"
    await _admin_exec(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "DATABASE_URL": _with_db(_BASE_URL, name)}
    env.pop("COULISSES_TEST_DATABASE", None)
    command = [sys.executable, "-m", "coulisses.cli", "migrate"]
    try:
        first = await asyncio.to_thread(_run, command, env)
        second = await asyncio.to_thread(_run, command, env)
    finally:
        await _admin_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    assert first.returncode == 0, first.stderr
    applied = [line for line in first.stdout.splitlines() if line.startswith("Appliquee : ")]
    assert "Appliquee : hello:2026-11-25T09:00:00:000001" in applied
    assert any(line.startswith("Appliquee : outbox:") for line in applied)
    assert f"{len(applied)} migration(s) appliquee(s), base a jour" in first.stdout
    assert second.returncode == 0, second.stderr
    assert "Appliquee" not in second.stdout
    assert "Aucune migration a appliquer, base deja a jour" in second.stdout
