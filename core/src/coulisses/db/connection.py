"""Connection pool lifecycle and small database helpers shared by every area.

Every wait on PostgreSQL is bounded (settings ``db_*_timeout``): a connection
attempt, taking a connection from the pool, and each statement (client-side
``command_timeout`` and server-side ``statement_timeout``). A dead or frozen
server then makes requests fail fast (503, see errors.py) instead of hanging,
and the pool heals by itself once the server answers again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator, Iterator
from contextvars import ContextVar
from types import TracebackType
from typing import Any

import asyncpg
from asyncpg.pool import Pool, PoolAcquireContext
from piccolo.engine import engine_finder
from piccolo.engine.postgres import PostgresEngine, PostgresTransaction

from coulisses.observability.metrics import REPLICA_READS, observe_query
from coulisses.outbox.instance import load_instance_id
from coulisses.settings import get_settings

logger = logging.getLogger(__name__)


def database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise RuntimeError("DATABASE_URL is not set")
    return url


def _primary() -> PostgresEngine:
    found = engine_finder()
    assert isinstance(found, PostgresEngine)
    return found


#: The read replica's engine (``DATABASE_READ_URL``), open beside the primary's pool.
_replica: PostgresEngine | None = None
#: Set inside :func:`replica_reads`: the raw SQL helpers below go to the replica.
_on_replica: ContextVar[bool] = ContextVar("coulisses_on_replica", default=False)

#: A replica that cannot be reached: the caller reads from the primary instead.
REPLICA_ERRORS = (
    OSError,
    asyncio.TimeoutError,
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
    asyncpg.InterfaceError,
)


def engine() -> PostgresEngine:
    """The engine :func:`fetch`, :func:`fetch_records` and :func:`transaction` use: the
    primary, or the read replica inside :func:`replica_reads`."""
    if _replica is not None and _on_replica.get():
        return _replica
    return _primary()


@contextlib.contextmanager
def replica_reads() -> Iterator[bool]:
    """Inside the block, :func:`fetch`, :func:`fetch_records` and :func:`transaction` read
    from the replica of ``DATABASE_READ_URL`` (read-only: a write fails); yields whether
    they do (False without a replica, the block then reads from the primary).

    A replica lags the primary by its replication delay. Only reads that check their
    freshness go there (the planning compares the org's data versions read on both, see
    ``coulisses.scheduling.planning.api``) and fall back to the primary when it is behind
    or unreachable (:data:`REPLICA_ERRORS`). Piccolo's query builder always uses the
    primary."""
    if _replica is None or _replica.pool is None:
        yield False
        return
    token = _on_replica.set(True)
    try:
        yield True
    finally:
        _on_replica.reset(token)


#: Whether the server behind a connection holds everything the primary had committed
#: at WAL position $1: a standby once it has replayed that far; a server that is not in
#: recovery only when it is the primary's own database (same cluster $2, same database
#: $3); anything else (a logical copy, another database) cannot tell, so it is not.
_CAUGHT_UP = """SELECT CASE WHEN pg_is_in_recovery()
        THEN coalesce(pg_last_wal_replay_lsn() >= $1::text::pg_lsn, false)
        ELSE (SELECT system_identifier FROM pg_control_system()) = $2
            AND current_database() = $3 END"""


@contextlib.asynccontextmanager
async def replica_snapshot() -> AsyncIterator[str]:
    """One consistent snapshot for a long read (a report), on the read replica when it
    has caught up with the primary; yields where the block reads: ``"replica"``, or
    ``"primary_behind"``, ``"primary_unavailable"``, ``"primary"`` (no replica, or
    already inside a transaction) when it reads from the primary as usual.

    On the replica, every query of the block runs in one ``REPEATABLE READ READ ONLY``
    transaction on one of its connections: the raw SQL helpers of this module and
    Piccolo's query builder alike (the primary engine's current transaction is that
    one too), so a plugin's own tables and the host's reads see the same instant. A
    write there fails: write before the block (e.g. what a first read would seed).

    Freshness: the primary's WAL position is read first; the replica serves only once
    it has replayed up to it (:data:`_CAUGHT_UP`), so the block sees every commit made
    before it began, as the primary would. Counted in
    ``coulisses_db_replica_reads_total{served}``."""
    primary = _primary()
    replica = _replica
    if replica is None or replica.pool is None or primary.current_transaction.get():
        yield "primary"
        return
    mark = await fetch(
        "SELECT pg_current_wal_lsn()::text AS lsn, current_database() AS db,"
        " (SELECT system_identifier FROM pg_control_system()) AS system"
    )
    snapshot = SafeTransaction(engine=replica, allow_nested=True)
    served = "replica"
    try:
        snapshot.connection = await replica.pool.acquire()
    except REPLICA_ERRORS:
        served = "primary_unavailable"
    if served == "replica":
        try:
            snapshot.transaction = snapshot.connection.transaction(
                isolation="repeatable_read", readonly=True
            )
            await snapshot.transaction.start()
            fresh = await snapshot.connection.fetchval(
                _CAUGHT_UP, mark[0]["lsn"], mark[0]["system"], mark[0]["db"]
            )
            if not fresh:
                served = "primary_behind"
        except REPLICA_ERRORS:
            served = "primary_unavailable"
        except BaseException:
            snapshot.connection.terminate()
            await replica.pool.release(snapshot.connection)
            raise
        if served != "replica":
            snapshot.connection.terminate()
            await replica.pool.release(snapshot.connection)
    REPLICA_READS.labels(served).inc()
    if served != "replica":
        if served == "primary_unavailable":
            logger.warning("read replica unavailable: snapshot read from the primary")
        yield served
        return
    tokens = (
        primary.current_transaction.set(snapshot),
        replica.current_transaction.set(snapshot),
        _on_replica.set(True),
    )
    try:
        yield served
    finally:
        _on_replica.reset(tokens[2])
        replica.current_transaction.reset(tokens[1])
        primary.current_transaction.reset(tokens[0])
        try:
            await snapshot.transaction.rollback()  # read only: nothing to keep
        except BaseException:
            snapshot.connection.terminate()
            raise
        finally:
            await replica.pool.release(snapshot.connection)


class BoundedPool(Pool):
    """An asyncpg pool whose ``acquire()`` (and so the matching release) waits at most
    ``acquire_timeout`` seconds: Piccolo acquires without a timeout of its own."""

    def __init__(self, *args: Any, acquire_timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.acquire_timeout = acquire_timeout

    def acquire(self, *, timeout: float | None = None) -> PoolAcquireContext:
        return super().acquire(timeout=self.acquire_timeout if timeout is None else timeout)


class PooledConnection(asyncpg.Connection):
    """A connection of the app's pool, given back without asyncpg's reset statement.

    asyncpg resets a pooled connection on release with one more round trip
    (``pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL``): on the hot
    routes that was one statement in five. Nothing leaves session state on a pooled
    connection: settings are transaction-local (``set_config(..., true)``), advisory
    locks are transaction-level (``pg_advisory_xact_lock``), LISTEN and the migration
    lock use connections of their own, cursors live inside transactions. Keep it so.
    asyncpg still rolls back a transaction left open before the connection is reused.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_query_logger(observe_query)  # coulisses_db_query_duration_seconds

    def get_reset_query(self) -> str:
        return ""


def connect_options() -> dict[str, Any]:
    """asyncpg options of every connection the app makes (pool or not)."""
    return {"timeout": get_settings().db_connect_timeout}


def pool_options() -> dict[str, Any]:
    """Statement timeouts for the pool of the app and the worker only: migrations and
    one-off commands run on their own connections and may take longer."""
    seconds = get_settings().db_statement_timeout
    return {
        # The server cancels a slow statement first (a clean QueryCanceledError); the
        # client gives up one second later, when the server itself does not answer.
        "command_timeout": seconds + 1.0,
        "server_settings": {"statement_timeout": str(int(seconds * 1000))},
    }


def _new_pool(config: dict[str, Any], max_size: int) -> BoundedPool:
    return BoundedPool(
        acquire_timeout=get_settings().db_acquire_timeout,
        min_size=0,  # the app starts and answers 503 even when PostgreSQL is down
        max_size=max_size,
        max_queries=50000,
        max_inactive_connection_lifetime=300.0,
        loop=None,
        connection_class=PooledConnection,
        record_class=asyncpg.Record,
        **config,
    )


async def open_pool(max_size: int = 10) -> None:
    """The primary's pool and, with ``DATABASE_READ_URL``, the read replica's."""
    eng = _primary()
    if eng.pool is not None:
        return
    config = {**eng.config, **connect_options(), **pool_options()}
    pool = _new_pool(config, max_size)
    await pool
    eng.pool = pool
    # Every Redis key is namespaced by it: without a database the app cannot start.
    await load_instance_id(pool)
    await open_replica(max_size)


async def open_replica(max_size: int = 10) -> None:
    """The read replica's pool, when ``DATABASE_READ_URL`` is set (connections are made
    on demand: an unreachable replica does not stop the app)."""
    global _replica
    read_url = get_settings().database_read_url
    if not read_url or _replica is not None:
        return
    options = pool_options()
    # Read-only sessions: a write routed there by mistake fails, even on a primary.
    options["server_settings"]["default_transaction_read_only"] = "on"
    replica = PostgresEngine(config={"dsn": read_url}, log_queries=False)
    replica.pool = _new_pool({"dsn": read_url, **connect_options(), **options}, max_size)
    await replica.pool
    _replica = replica


async def close_replica() -> None:
    global _replica
    if _replica is not None:
        await _replica.close_connection_pool()
        _replica = None


async def close_pool() -> None:
    await close_replica()
    await _primary().close_connection_pool()


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


class SafeTransaction(PostgresTransaction):
    """Piccolo's transaction, except that a connection lost during COMMIT or ROLLBACK
    still goes back to the pool (Piccolo would leak it and the pool would run dry)."""

    async def __aenter__(self) -> PostgresTransaction:
        if self._parent is not None:
            return self._parent
        self.connection = await self.get_connection()  # type: ignore[no-untyped-call]
        try:
            self.transaction = self.connection.transaction()
            await self.begin()  # type: ignore[no-untyped-call]
        except BaseException:
            self.connection.terminate()
            await self._release()
            raise
        self.context = self.engine.current_transaction.set(self)
        return self

    async def __aexit__(
        self,
        exception_type: type[BaseException] | None,
        exception: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        if self._parent:
            return exception is None
        try:
            if exception:
                if not self._rolled_back:
                    await self.rollback()  # type: ignore[no-untyped-call]
            elif not self._committed and not self._rolled_back:
                await self.commit()  # type: ignore[no-untyped-call]
        except BaseException as failure:
            if not isinstance(failure, asyncpg.PostgresError):
                # Lost, timed out or cancelled: its state is unknown, never reuse it.
                # (An error the server reported leaves it usable: release resets it.)
                self.connection.terminate()
            if exception is not None:
                # The request failed already: report that failure, not the rollback's.
                logger.warning("rollback failed after %r", exception, exc_info=True)
                return False
            raise
        finally:
            await self._give_back()
        return exception is None

    async def _give_back(self) -> None:
        try:
            await self._release()
        finally:
            self.engine.current_transaction.reset(self.context)

    async def _release(self) -> None:
        try:
            if self.engine.pool:
                await self.engine.pool.release(self.connection)
            else:
                await self.connection.close()
        except Exception:
            logger.warning("could not give a connection back; terminated", exc_info=True)
            self.connection.terminate()


def transaction() -> Any:
    """One transaction per command: ``async with transaction(): ...``."""
    eng = engine()
    return SafeTransaction(engine=eng, allow_nested=True)


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
