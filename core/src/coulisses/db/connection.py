"""Connection pool lifecycle and small database helpers shared by every area."""

from __future__ import annotations

import os
from typing import Any

from piccolo.engine import engine_finder
from piccolo.engine.postgres import PostgresEngine


def database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise RuntimeError("DATABASE_URL is not set")
    return url


def engine() -> PostgresEngine:
    found = engine_finder()
    assert isinstance(found, PostgresEngine)
    return found


async def open_pool(max_size: int = 10) -> None:
    from coulisses.outbox.instance import load_instance_id

    await engine().start_connection_pool(min_size=1, max_size=max_size)
    await load_instance_id()


async def close_pool() -> None:
    await engine().close_connection_pool()


async def fetch(sql: str, *args: Any) -> list[dict[str, Any]]:
    """Run one parameterised statement ($1, $2...) in the current transaction if any."""
    eng = engine()
    tx = eng.current_transaction.get()
    if tx is not None:
        rows = await tx.connection.fetch(sql, *args)
    elif eng.pool is not None:
        async with eng.pool.acquire() as conn:
            rows = await conn.fetch(sql, *args)
    else:
        conn = await eng.get_new_connection()
        try:
            rows = await conn.fetch(sql, *args)
        finally:
            await conn.close()
    return [dict(r) for r in rows]


def transaction() -> Any:
    """One transaction per command: ``async with transaction(): ...``."""
    return engine().transaction()


async def fetch_records(sql: str, *args: Any) -> list[Any]:
    """:func:`fetch` without the copy of each row into a dict, for reads of many rows
    (asyncpg Records index by position or by name)."""
    eng = engine()
    tx = eng.current_transaction.get()
    if tx is not None:
        return list(await tx.connection.fetch(sql, *args))
    if eng.pool is not None:
        async with eng.pool.acquire() as conn:
            return list(await conn.fetch(sql, *args))
    conn = await eng.get_new_connection()
    try:
        return list(await conn.fetch(sql, *args))
    finally:
        await conn.close()


class SqlParams:
    """Positional parameters ($1, $2...) collected while a WHERE clause is built.

    ``where.append(f"a.user_id = {params(user_id)}")`` then ``fetch(sql, *params.values)``.
    """

    def __init__(self, *initial: Any) -> None:
        self.values: list[Any] = list(initial)

    def __call__(self, value: Any) -> str:
        self.values.append(value)
        return f"${len(self.values)}"
