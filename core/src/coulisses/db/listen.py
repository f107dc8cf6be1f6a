"""A background loop woken by PostgreSQL ``NOTIFY`` and by a periodic sweep.

The outbox pusher and the event dispatcher both work this way: a commit that staged
rows notifies a channel, the loop wakes and drains what is due; the sweep catches
what a notification cannot announce (retries that became due, leases that ended,
notifications sent while the listening connection was down). The listening
connection is reopened with backoff when PostgreSQL goes away.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import asyncpg

from coulisses.db.connection import database_url

logger = logging.getLogger(__name__)

#: Sweeps between two calls of ``prune`` (about ten minutes at one sweep per 2 s).
PRUNE_EVERY = 300
#: How long ``stop`` waits for the loop to end before leaving it behind (logged).
STOP_SECONDS = 10.0


class ListeningLoop:
    """Calls ``work`` at each ``NOTIFY channel`` and every ``sweep_seconds``, ``prune``
    every :data:`PRUNE_EVERY` rounds. ``start`` / ``stop`` from the owner's lifespan."""

    def __init__(
        self,
        name: str,
        channel: str,
        work: Callable[[], Awaitable[Any]],
        prune: Callable[[], Awaitable[Any]],
        *,
        sweep_seconds: float = 2.0,
    ) -> None:
        self._name = name
        self._channel = channel
        self._work = work
        self._prune = prune
        self._sweep = sweep_seconds
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def start(self) -> None:
        self._stopping = False
        self._wake.clear()
        self._task = asyncio.create_task(self._run(), name=self._name)

    async def stop(self) -> None:
        """End the loop: a flag it checks between rounds and a wake-up, then a cancel
        for a round in progress. The flag does not depend on the cancel being seen: on
        Python 3.11 a cancel swallowed below (``asyncio.wait_for`` racing a result) left
        the task "cancelling", every later ``asyncio.timeout`` took its own expiry for
        that cancel, and the loop, and the app's shutdown, went on forever."""
        task, self._task = self._task, None
        if task is None:
            return
        self._stopping = True
        self._wake.set()
        task.cancel()
        done, _ = await asyncio.wait({task}, timeout=STOP_SECONDS)
        if not done:
            logger.warning(
                "%s: still running %.0f s after stop; left behind", self._name, STOP_SECONDS
            )
            return
        with contextlib.suppress(asyncio.CancelledError, Exception):
            task.result()

    def _notified(self, *_: Any) -> None:
        self._wake.set()

    async def _sleep_until_woken(self) -> None:
        """Until a NOTIFY or the next sweep. ``asyncio.timeout`` rather than
        ``asyncio.wait_for``: on Python 3.11, a stop (cancel) landing just as a NOTIFY
        woke the loop was swallowed by ``wait_for``, and the app never shut down."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self._sweep):
                await self._wake.wait()

    async def _run(self) -> None:
        delay = 0.5
        rounds = 0
        while not self._stopping:
            conn: asyncpg.Connection | None = None
            try:
                conn = await asyncpg.connect(database_url(), timeout=10)
                await conn.add_listener(self._channel, self._notified)
                delay = 0.5
                while not conn.is_closed() and not self._stopping:
                    self._wake.clear()
                    await self._work()
                    rounds += 1
                    if rounds % PRUNE_EVERY == 0:
                        await self._prune()
                    await self._sleep_until_woken()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                reason = f"{type(exc).__name__}: {exc}"[:500]
                logger.warning("%s: %s; retrying in %.1f s", self._name, reason, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)
            finally:
                if conn is not None:
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(conn.close(), 5)
