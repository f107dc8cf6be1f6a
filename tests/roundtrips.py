"""Count the SQL statements and Redis round trips one piece of code makes.

Only what runs in the caller's context is counted (``httpx.ASGITransport`` runs the
app in the test's task): the outbox pusher and other background tasks started
before do not see the context variable, so their work is left out.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from redis.asyncio.client import Pipeline, Redis


@dataclass
class RoundTrips:
    #: every statement sent to PostgreSQL, whitespace folded
    sql: list[str] = field(default_factory=list)
    #: the parameterised ones with their arguments, as sent
    bound: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    #: one entry per round trip: the commands it carried
    redis: list[list[str]] = field(default_factory=list)


_current: contextvars.ContextVar[RoundTrips | None] = contextvars.ContextVar(
    "roundtrips", default=None
)


@contextlib.contextmanager
def counting() -> Iterator[RoundTrips]:
    """Patch asyncpg and redis-py at the class level while the block runs."""
    seen = RoundTrips()
    token = _current.set(seen)
    original_execute = asyncpg.Connection.execute
    original_do_execute = asyncpg.Connection._execute
    original_command = Redis.execute_command
    original_pipeline = Pipeline.execute

    async def execute(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
        if not args and (found := _current.get()) is not None:
            found.sql.append(" ".join(query.split()))  # simple query protocol
        return await original_execute(self, query, *args, **kwargs)

    async def do_execute(self: Any, query: str, args: Any, *rest: Any, **kwargs: Any) -> Any:
        if (found := _current.get()) is not None:
            found.sql.append(" ".join(query.split()))
            found.bound.append((query, tuple(args)))
        return await original_do_execute(self, query, args, *rest, **kwargs)

    async def command(self: Any, *args: Any, **kwargs: Any) -> Any:
        if (found := _current.get()) is not None:
            found.redis.append([str(args[0])])
        return await original_command(self, *args, **kwargs)

    async def pipeline(self: Any, *args: Any, **kwargs: Any) -> Any:
        if (found := _current.get()) is not None:
            found.redis.append([str(c[0][0]) for c in self.command_stack])
        return await original_pipeline(self, *args, **kwargs)

    asyncpg.Connection.execute = execute  # type: ignore[method-assign]
    asyncpg.Connection._execute = do_execute  # type: ignore[method-assign]
    Redis.execute_command = command  # type: ignore[method-assign]
    Pipeline.execute = pipeline  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        asyncpg.Connection.execute = original_execute  # type: ignore[method-assign]
        asyncpg.Connection._execute = original_do_execute  # type: ignore[method-assign]
        Redis.execute_command = original_command  # type: ignore[method-assign]
        Pipeline.execute = original_pipeline  # type: ignore[method-assign]
        _current.reset(token)
