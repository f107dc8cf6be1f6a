"""A throwaway database for one bench run, like the test suite's (tests/conftest.py)."""

from __future__ import annotations

import contextlib
import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import asyncpg


def _with_db(url: str, name: str) -> str:
    return urlunparse(urlparse(url)._replace(path="/" + name))


def _configured_url() -> str | None:
    """DATABASE_URL from the environment or from .env (as the CLI reads it)."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    from coulisses.settings import get_settings

    return get_settings().database_url


@contextlib.contextmanager
def server() -> Iterator[str]:
    """The URL of a PostgreSQL server's maintenance database; embedded if none is configured."""
    url = _configured_url()
    if url:
        yield _with_db(url.replace("postgresql+asyncpg://", "postgresql://"), "postgres")
        return
    from coulisses.db.embedded import EmbeddedPostgres

    embedded: Any = EmbeddedPostgres(Path(tempfile.gettempdir()) / "coulisses-bench-pg")
    print("PostgreSQL embarque (premier demarrage : quelques secondes) ...", flush=True)
    base = embedded.start()
    try:
        yield _with_db(base, "postgres")
    finally:
        embedded.stop()


async def _admin(url: str, sql: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@contextlib.asynccontextmanager
async def throwaway(maintenance_url: str) -> Any:
    """Create ``coulisses_bench_<id>``, point DATABASE_URL at it, drop it at the end."""
    name = f"coulisses_bench_{uuid.uuid4().hex[:8]}"
    await _admin(maintenance_url, f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = _with_db(maintenance_url, name)
    try:
        yield os.environ["DATABASE_URL"]
    finally:
        await _admin(maintenance_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
