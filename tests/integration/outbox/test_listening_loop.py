"""The loop behind the outbox pusher and the event dispatcher (``db/listen.py``) ends when
the app stops, even when a round swallowed the cancel (a library catching
``CancelledError``, or ``asyncio.wait_for`` racing a result on Python 3.11): before,
the task stayed "cancelling", each later ``asyncio.timeout`` took its own expiry for that
cancel, and the app's shutdown waited forever."""

from __future__ import annotations

import asyncio
import contextlib

from coulisses.db.listen import ListeningLoop


async def test_stop_ends_the_loop_even_when_a_round_swallowed_the_cancel(app):
    entered = asyncio.Event()
    rounds = 0

    async def work() -> None:
        nonlocal rounds
        rounds += 1
        if rounds == 1:
            entered.set()
            # Until the stop cancels it, and the cancel is lost here.
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.Event().wait()

    async def prune() -> None:
        return None

    loop = ListeningLoop("test-listening-loop", "coulisses_test_loop", work, prune)
    loop.start()
    [task] = [t for t in asyncio.all_tasks() if t.get_name() == "test-listening-loop"]
    await asyncio.wait_for(entered.wait(), 30)
    await asyncio.wait_for(loop.stop(), 30)
    assert task.done()
    assert rounds == 1  # no round after the stop
