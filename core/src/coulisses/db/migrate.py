"""Run every app's migrations (core, then plugins) under one advisory lock."""

from __future__ import annotations

import contextlib
import io

import asyncpg

from coulisses.db.connection import database_url

_LOCK_KEY = 0x0C0C_1155


async def migrate(*, quiet: bool = False) -> list[str]:
    """Apply pending migrations; safe to run concurrently and repeatedly.

    Returns the ids (``app:migration``) this call applied, in order (empty: at head).
    """
    from piccolo.apps.migrations.commands.forwards import run_forwards

    conn = await asyncpg.connect(database_url())
    try:
        await conn.execute("SELECT pg_advisory_lock($1)", _LOCK_KEY)
        try:
            applied = await pending_migrations()
            out = io.StringIO()
            with contextlib.redirect_stdout(out) if quiet else contextlib.nullcontext():
                result = await run_forwards(app_name="all")
            if not result.success:
                raise RuntimeError(f"migrations failed: {result.message}")
        finally:
            await conn.execute("SELECT pg_advisory_unlock($1)", _LOCK_KEY)
    finally:
        await conn.close()
    return applied


async def pending_migrations() -> list[str]:
    """Ids (app:migration) of migrations that have not run; empty means at head."""
    from piccolo.apps.migrations.commands.check import CheckMigrationManager

    statuses = await CheckMigrationManager(app_name="all").get_migration_statuses()
    return [f"{s.app_name}:{s.migration_id}" for s in statuses if not s.has_ran]
