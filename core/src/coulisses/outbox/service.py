"""The transactional outbox: jobs and live events are rows written in the transaction of the
change that produced them, then pushed to SAQ and to the live bus after commit.

A Redis (or queue) outage therefore delays but loses nothing: a row stays pending,
is retried with backoff, and a request never fails after its change was committed
because a job could not be queued. Payloads are sealed (``coulisses.sealing``):
neither the outbox nor the SAQ job store ever holds a token or link in clear.

Every app process and every worker runs an :class:`OutboxPusher`: it LISTENs on
``cc_outbox`` (PostgreSQL delivers the NOTIFY of a staging transaction at commit)
and sweeps every few seconds; several pushers share the rows with
``FOR UPDATE SKIP LOCKED``. A job's SAQ key is its outbox row (id and creation
instant, so a sequence restarted by a restore never collides with an older job still
kept by SAQ), so a row pushed twice (a crash between the push and its mark) runs once.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from coulisses.db.connection import fetch, transaction
from coulisses.db.listen import ListeningLoop
from coulisses.observability.metrics import count_transitions
from coulisses.observability.tracing import TRACE_KEY, current_context
from coulisses.sealing import SealError, seal, unseal

logger = logging.getLogger(__name__)

CHANNEL = "cc_outbox"
BATCH = 200
MAX_BACKOFF_SECONDS = 60
KEEP_PUSHED = "1 day"
#: Serialises the publishing of live events (one pusher at a time keeps their order).
_EVENTS_LOCK = 0x0C0C_0B0E


@dataclass(frozen=True)
class PendingJob:
    id: int
    name: str
    sealed: str
    options: dict[str, Any]
    created_at: dt.datetime

    @property
    def key(self) -> str:
        return f"outbox-{self.id}-{int(self.created_at.timestamp() * 1_000_000)}"


PushJob = Callable[[PendingJob], Awaitable[None]]
PublishEvents = Callable[[list[tuple[int, str, dict[str, Any]]]], Awaitable[None]]

_INSERT = """WITH ins AS (
    INSERT INTO outbox (kind, name, org_id, sealed, options)
    SELECT u.kind, u.name, u.org_id, u.sealed, u.options::jsonb
    FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[])
         AS u(kind, name, org_id, sealed, options)
    RETURNING id)
SELECT (SELECT count(*) FROM ins) AS n, pg_notify('cc_outbox', '') AS notified"""


async def _insert(rows: Sequence[tuple[str, str, int | None, str, str]]) -> None:
    if not rows:
        return
    kinds, names, orgs, sealed, options = (list(c) for c in zip(*rows, strict=True))
    await fetch(_INSERT, kinds, names, orgs, sealed, options)


async def stage_job(
    name: str,
    kwargs: dict[str, Any],
    *,
    org_id: int | None = None,
    options: dict[str, Any] | None = None,
) -> None:
    """Queue job ``name`` with ``kwargs`` (sealed) as part of the current transaction, if any.

    ``options`` are SAQ job settings (``scheduled``, ``retries``, ``retry_delay``,
    ``retry_backoff``, ``timeout``); they are stored in clear and must hold no secret.
    """
    trace = current_context()  # the job's span will be a child of the current one
    if trace is not None:
        kwargs = {**kwargs, TRACE_KEY: trace}
    await _insert([("job", name, org_id, seal(kwargs), json.dumps(options or {}))])


async def stage_events(items: Sequence[tuple[int, str, dict[str, Any]]]) -> None:
    """Queue live events ``(org_id, kind, data)`` as part of the current transaction, if any.

    Consecutive events of one org and kind (a bulk creation's ``MissionChanged``) share
    one row whose sealed payload is the list of their data, in order: one seal and one
    unseal for the run instead of one per event (a Fernet token each: 60 ms for 1,000).
    The pusher publishes them one by one, so live clients see the same events.
    """
    runs: list[tuple[int, str, list[dict[str, Any]]]] = []
    for org_id, kind, data in items:
        if runs and runs[-1][0] == org_id and runs[-1][1] == kind:
            runs[-1][2].append(data)
        else:
            runs.append((org_id, kind, [data]))
    await _insert(
        [
            ("event", kind, org_id, seal(run[0] if len(run) == 1 else run), "{}")
            for org_id, kind, run in runs
        ]
    )


async def pending_count() -> int:
    rows = await fetch("SELECT count(*) AS n FROM outbox WHERE pushed_at IS NULL")
    return int(rows[0]["n"])


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:500]


async def _flush_batch(
    push_job: PushJob | None, publish: PublishEvents | None, *, wait: bool, limit: int
) -> tuple[int, bool]:
    """Push one batch; (rows pushed, whether a push failed)."""
    kinds = []
    pushed: list[int] = []
    failed: list[tuple[int, str]] = []
    async with transaction():
        if publish is not None:
            if wait:
                await fetch("SELECT pg_advisory_xact_lock($1)", _EVENTS_LOCK)
                kinds.append("event")
            elif (await fetch("SELECT pg_try_advisory_xact_lock($1) AS ok", _EVENTS_LOCK))[0]["ok"]:
                kinds.append("event")
        if push_job is not None:
            kinds.append("job")
        if not kinds:
            return 0, False
        rows = await fetch(
            f"""SELECT id, kind, name, org_id, sealed, options, created_at FROM outbox
                WHERE pushed_at IS NULL AND available_at <= now() AND kind = ANY($1::text[])
                ORDER BY id LIMIT $2 FOR UPDATE {"" if wait else "SKIP LOCKED"}""",  # noqa: S608
            kinds,
            limit,
        )
        if not rows:
            return 0, False
        events: list[tuple[int, str, dict[str, Any]]] = []
        event_ids: list[int] = []
        for row in rows:
            if row["kind"] != "event":
                continue
            try:
                data = unseal(row["sealed"])
                # A list is a run of events of one org and kind (``stage_events``).
                for item in data if isinstance(data, list) else [data]:
                    events.append((row["org_id"], row["name"], item))
                event_ids.append(row["id"])
            except SealError as exc:
                failed.append((row["id"], _error(exc)))
        if events and publish is not None:
            try:
                await publish(events)
                pushed += event_ids
                count_transitions(events)
            except Exception as exc:
                failed += [(i, _error(exc)) for i in event_ids]
        for row in rows:
            if row["kind"] != "job" or push_job is None:
                continue
            options = row["options"]
            job = PendingJob(
                row["id"],
                row["name"],
                row["sealed"],
                json.loads(options) if isinstance(options, str) else dict(options or {}),
                row["created_at"],
            )
            try:
                await push_job(job)
            except Exception as exc:
                # The queue is unreachable: leave the rest of the batch for later.
                failed.append((row["id"], _error(exc)))
                break
            pushed.append(row["id"])
        if pushed:
            await fetch("UPDATE outbox SET pushed_at = now() WHERE id = ANY($1::bigint[])", pushed)
        if failed:
            await fetch(
                """UPDATE outbox SET attempts = attempts + 1, last_error = f.error,
                          available_at = now() + make_interval(
                              secs => least(power(2, attempts), $3)::int)
                   FROM unnest($1::bigint[], $2::text[]) AS f(id, error)
                   WHERE outbox.id = f.id""",
                [i for i, _ in failed],
                [e for _, e in failed],
                MAX_BACKOFF_SECONDS,
            )
    if failed:
        logger.warning(
            "outbox: %d row(s) not pushed, retried later (first: %s)", len(failed), failed[0][1]
        )
    return len(pushed), bool(failed)


async def flush(
    push_job: PushJob | None,
    publish: PublishEvents | None,
    *,
    wait: bool = False,
    limit: int = BATCH,
) -> int:
    """Push what is pending now; the number of rows pushed.

    ``wait`` waits for rows another pusher holds instead of skipping them (tests and
    one-shot commands want everything staged so far to be in the queue on return).
    """
    total = 0
    while True:
        pushed, failed = await _flush_batch(push_job, publish, wait=wait, limit=limit)
        total += pushed
        if failed or pushed < limit:
            return total


async def prune() -> None:
    await fetch(f"DELETE FROM outbox WHERE pushed_at < now() - interval '{KEEP_PUSHED}'")  # noqa: S608


class OutboxPusher(ListeningLoop):
    """Background task: push at each commit that staged rows (NOTIFY) and every few seconds."""

    def __init__(
        self,
        push_job: PushJob | None,
        publish: PublishEvents | None,
        *,
        sweep_seconds: float = 2.0,
    ) -> None:
        super().__init__(
            "outbox-pusher",
            CHANNEL,
            lambda: flush(push_job, publish),
            prune,
            sweep_seconds=sweep_seconds,
        )
