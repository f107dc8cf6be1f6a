"""Restore drill: back the demo up, restore it into a new database, compare.

Row counts of every table and a checksum of the key tables' rows must be equal; the
commands refuse to overwrite a database that holds tables unless told to.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from click.testing import CliRunner

from coulisses import cli
from coulisses.db.backup import BackupError, backup, connection, restore
from coulisses.db.connection import database_url
from coulisses.settings import get_settings

#: Tables whose whole content is compared by checksum (the rest by row count).
KEY_TABLES = (
    "orgs",
    "accounts",
    "org_memberships",
    "org_plugins",
    "rates",
    "availability_windows",
    "users",
    "projects",
    "places",
    "missions",
    "mission_roles",
    "assignments",
    "invitations",
    "audit_log",
    "migration",
)


def _with_db(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


@pytest.fixture
async def empty_database() -> AsyncIterator[str]:
    name = f"coulisses_restore_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(database_url())
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield _with_db(database_url(), name)
    finally:
        admin = await asyncpg.connect(database_url())
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


async def _fingerprint(url: str) -> dict[str, object]:
    conn = await asyncpg.connect(url)
    try:
        tables = [
            r["tablename"]
            for r in await conn.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        out: dict[str, object] = {}
        # The job queue's tables (SAQ on PostgreSQL, without Redis) move while the app
        # runs its jobs: the rest is the data.
        for table in (t for t in tables if not t.startswith("saq_")):
            out[table] = await conn.fetchval(f'SELECT count(*) FROM "{table}"')
        assert set(KEY_TABLES) <= set(tables)
        for table in KEY_TABLES:
            if table in tables:
                out[f"{table}:md5"] = await conn.fetchval(
                    f"SELECT md5(coalesce(string_agg(t::text, chr(10) ORDER BY t::text), ''))"
                    f' FROM "{table}" t'
                )
        return out
    finally:
        await conn.close()


async def test_the_demo_backed_up_restores_into_a_new_database_identical(
    app, tmp_path: Path, empty_database: str
):
    from coulisses.seed import seed_demo

    await seed_demo()
    dump = await asyncio.to_thread(backup, database_url(), tmp_path / "demo.dump")
    leftovers = await asyncio.to_thread(lambda: list(tmp_path.glob("*.part")))
    assert not leftovers

    await asyncio.to_thread(restore, empty_database, dump, force=False, has_tables=False)

    before = await _fingerprint(database_url())
    after = await _fingerprint(empty_database)
    assert before["missions"]  # the demo was there
    assert before["assignments"]
    assert after == before

    # A database that holds tables is not overwritten unless asked.
    with pytest.raises(BackupError, match="--force"):
        restore(empty_database, dump, force=False, has_tables=True)
    await asyncio.to_thread(restore, empty_database, dump, force=True, has_tables=True)
    assert await _fingerprint(empty_database) == before


def test_the_password_goes_through_the_environment_never_the_command_line():
    dsn, env = connection("postgresql://crew:s3cr%40t@db.internal:5432/coulisses")
    assert dsn == "postgresql://crew@db.internal:5432/coulisses"
    assert env["PGPASSWORD"] == "s3cr@t"
    dsn, env = connection("postgresql://postgres@127.0.0.1:5432/postgres")
    assert dsn == "postgresql://postgres@127.0.0.1:5432/postgres"


def test_a_failing_tool_is_a_clear_error_without_the_password(tmp_path: Path):
    url = "postgresql://crew:hunter2-secret@127.0.0.1:1/nowhere"
    with pytest.raises(BackupError) as failed:
        backup(url, tmp_path / "x.dump")
    assert "pg_dump failed" in str(failed.value)
    assert "hunter2" not in str(failed.value)
    assert not list(tmp_path.iterdir())  # no partial dump left behind


async def test_the_commands_back_up_and_refuse_to_restore_over_tables(
    app, tmp_path: Path, empty_database: str, monkeypatch: pytest.MonkeyPatch
):
    runner = CliRunner()
    monkeypatch.setenv("COULISSES_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        # In this thread: the commands install a SIGTERM handler (main thread only) and
        # run no event loop of their own.
        made = runner.invoke(cli.main, ["backup"])
        assert made.exit_code == 0, made.output
        [dump] = (tmp_path / "backups").glob("coulisses-*.dump")
        assert str(dump) in made.output

        monkeypatch.setenv("DATABASE_URL", empty_database)
        first = runner.invoke(cli.main, ["restore", str(dump)])
        assert first.exit_code == 0, first.output
        again = runner.invoke(cli.main, ["restore", str(dump)])
        assert again.exit_code != 0
        assert "--force" in again.output
        forced = runner.invoke(cli.main, ["restore", str(dump), "--force"])
        assert forced.exit_code == 0, forced.output
    finally:
        get_settings.cache_clear()
