"""The transactional outbox: jobs and live events commit with their change, are pushed
after commit, survive a failed push, and travel sealed (no argument readable in clear)."""

from __future__ import annotations

import asyncio
import json
import os

import pytest

from coulisses.db.connection import fetch, transaction
from coulisses.jobs.queue import get_runtime
from coulisses.outbox import service as outbox
from tests.conftest import run_jobs

MARKER = "marker-only-the-recipient-may-read-7c1f"


@pytest.fixture
async def no_pusher(app):
    """The app's background pusher stopped, so a test sees the outbox rows it staged."""
    runtime = get_runtime()
    await runtime.stop_pusher()
    try:
        yield
    finally:
        runtime.start_pusher(events=True)


async def test_a_job_staged_in_a_rolled_back_transaction_never_runs(app, mail_sink):
    async def change_that_fails() -> None:
        async with transaction():
            await get_runtime().enqueue(
                "core.send_email", to="ghost@example.org", subject="s", text=MARKER
            )
            raise RuntimeError("the change fails")

    with pytest.raises(RuntimeError):
        await change_that_fails()
    assert await outbox.pending_count() == 0
    await run_jobs()
    assert mail_sink.to("ghost@example.org") == []


async def test_a_failed_push_keeps_the_row_and_pushes_it_later(app, no_pusher, mail_sink):
    await get_runtime().enqueue("core.send_email", to="later@example.org", subject="s", text="t")

    async def unreachable(job: outbox.PendingJob) -> None:
        raise ConnectionError("queue down")

    assert await outbox.flush(unreachable, None, wait=True) == 0
    [row] = await fetch("SELECT attempts, last_error, available_at > now() AS later FROM outbox")
    assert row["attempts"] == 1
    assert "queue down" in row["last_error"]
    assert row["later"] is True

    await fetch("UPDATE outbox SET available_at = now()")  # the backoff has passed
    await run_jobs()
    assert len(mail_sink.to("later@example.org")) == 1
    assert await outbox.pending_count() == 0


async def _stored_jobs() -> str:
    """Everything the job queue stores, as text (Redis keys of this run, or saq_jobs)."""
    runtime = get_runtime()
    if os.environ.get("REDIS_URL"):
        from redis.asyncio import Redis

        redis = Redis.from_url(os.environ["REDIS_URL"], decode_responses=False)
        dump = []
        try:
            async for key in redis.scan_iter(f"*{runtime.queue.name}*"):
                kind = (await redis.type(key)).decode()
                if kind == "string":
                    dump.append(await redis.get(key))
                elif kind == "hash":
                    dump.extend((await redis.hgetall(key)).values())
                elif kind == "list":
                    dump.extend(await redis.lrange(key, 0, -1))
                elif kind == "zset":
                    dump.extend(await redis.zrange(key, 0, -1))
        finally:
            await redis.aclose()
        return "\n".join(d.decode("utf-8", "replace") for d in dump if d)
    rows = await fetch("SELECT convert_from(job, 'UTF8') AS job FROM saq_jobs")
    return "\n".join(r["job"] for r in rows)


async def test_job_arguments_are_sealed_in_the_outbox_and_in_the_queue(app, no_pusher, mail_sink):
    await get_runtime().enqueue(
        "core.send_email", to="sealed@example.org", subject="s", text=MARKER
    )
    rows = await fetch("SELECT row_to_json(o)::text AS o FROM outbox o")
    assert rows
    assert all(MARKER not in r["o"] and "sealed@example.org" not in r["o"] for r in rows)

    await get_runtime().flush()
    stored = await _stored_jobs()
    assert "core.send_email" in stored
    assert MARKER not in stored
    assert "sealed@example.org" not in stored

    await run_jobs()
    [message] = mail_sink.to("sealed@example.org")
    assert MARKER in message.get_content()


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="live streams persist only in Redis")
async def test_a_database_reset_next_to_a_kept_redis_replays_nothing_of_the_old_deployment(app):
    from coulisses.db.connection import engine
    from coulisses.live import bus
    from coulisses.outbox.instance import instance_id, load_instance_id, redis_prefix

    before = redis_prefix("live")
    kept = instance_id()
    await bus.get_bus().publish(1, "MemberAdded", {"email": "old-deployment@example.org"})
    try:
        # A restore: same Redis, a new database (so a new instance id), org ids reused.
        await fetch("UPDATE instance_info SET instance_id = gen_random_uuid()")
        await load_instance_id(engine().pool)
        await bus.close_bus()
        assert redis_prefix("live") != before
        async with bus.get_bus().subscription(1, "0-0") as queue:
            assert queue.empty()
    finally:
        # Back to this run's instance: the session's job runtime (and the processes of
        # tests/scaleout/) keep using its queue name.
        await fetch("UPDATE instance_info SET instance_id = $1::uuid", kept)
        await load_instance_id(engine().pool)
        await bus.close_bus()


async def test_live_events_reach_the_stream_through_the_outbox_sealed(app, no_pusher):
    from coulisses.live.bus import get_bus

    async with transaction():
        await outbox.stage_events([(7, "Probe", {"n": 1})])
        [row] = await fetch("SELECT kind, name, org_id, sealed FROM outbox")
    assert (row["kind"], row["name"], row["org_id"]) == ("event", "Probe", 7)
    assert json.dumps({"n": 1}) not in row["sealed"]
    # Replayed from the stream (Redis) or the ring buffer (memory): the pusher may
    # already have published it.
    async with get_bus().subscription(7, "0") as queue:
        await get_runtime().flush()
        event = await asyncio.wait_for(queue.get(), 30)
    assert (event.kind, event.data) == ("Probe", {"n": 1})


async def test_a_run_of_events_of_one_org_and_kind_is_one_row_published_event_by_event(
    app, no_pusher
):
    from coulisses.live.bus import get_bus

    items = [(8, "Probe", {"n": n}) for n in range(5)]
    items += [(8, "Other", {"n": 5}), (9, "Probe", {"n": 6}), (8, "Probe", {"n": 7})]
    async with transaction():
        await outbox.stage_events(items)
        rows = await fetch("SELECT name, org_id FROM outbox ORDER BY id")
    # Runs of one org and kind share a row (one seal); order is kept across rows.
    assert [(r["name"], r["org_id"]) for r in rows] == [
        ("Probe", 8),
        ("Other", 8),
        ("Probe", 9),
        ("Probe", 8),
    ]
    async with get_bus().subscription(8, "0") as queue:
        await get_runtime().flush()
        seen = [await asyncio.wait_for(queue.get(), 30) for _ in range(7)]
    assert [(e.kind, e.data["n"]) for e in seen] == [
        ("Probe", 0),
        ("Probe", 1),
        ("Probe", 2),
        ("Probe", 3),
        ("Probe", 4),
        ("Other", 5),
        ("Probe", 7),
    ]
    assert len({e.id for e in seen}) == 7


async def test_a_pusher_woken_as_it_is_stopped_still_stops():
    """A NOTIFY that lands as the app shuts down must not swallow the cancellation (on
    Python 3.11, ``asyncio.wait_for`` returned the wake-up instead, the pusher kept
    looping and the app's shutdown waited for it forever)."""
    pusher = outbox.OutboxPusher(None, None, sweep_seconds=60)
    sleeping = asyncio.ensure_future(pusher._sleep_until_woken())
    await asyncio.sleep(0)  # its first step: asleep, waiting for a NOTIFY or the sweep
    assert pusher._wake._waiters
    pusher._notified()
    sleeping.cancel()
    with pytest.raises(asyncio.CancelledError):
        await sleeping
