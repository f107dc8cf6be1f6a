"""Fan-out of live events to SSE subscribers.

With Redis (``REDIS_URL``), each event is appended to a capped stream per org
(``XADD``, whose id is the SSE event id and makes ``Last-Event-ID`` replay
possible across replicas) and announced on a pub/sub channel; every app
process runs one pub/sub listener and hands events to its local subscribers.
Without Redis (embedded demo, one process), a per-org ring buffer does both.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import re
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator
from typing import Any, Protocol

import msgspec
from redis.exceptions import RedisError

from coulisses.outbox.instance import redis_prefix
from coulisses.settings import get_settings
from coulisses_sdk import DomainEvent

logger = logging.getLogger(__name__)

REPLAY_LIMIT = 1000
#: Payload key of an event meant for one account only (the SSE endpoint filters on it).
RECIPIENT_KEY = "recipient_account_id"


@dataclasses.dataclass(frozen=True)
class LiveEvent:
    id: str
    org_id: int
    kind: str
    data: dict[str, Any]


def event_payload(event: DomainEvent) -> dict[str, Any]:
    """The event's fields as JSON values (dates and times as RFC 3339 strings). msgspec
    does it in C: ``dataclasses.asdict`` took 0.1 ms an event, 100 ms for a bulk of 1,000."""
    payload: dict[str, Any] = msgspec.json.decode(msgspec.json.encode(event))
    return payload


class LiveBus(Protocol):
    async def publish(self, org_id: int, kind: str, data: dict[str, Any]) -> str: ...

    async def publish_many(self, items: list[tuple[int, str, dict[str, Any]]]) -> None: ...

    def subscription(
        self, org_id: int, last_event_id: str | None
    ) -> contextlib.AbstractAsyncContextManager[asyncio.Queue[LiveEvent]]:
        """A queue receiving the org's events (missed ones first when ``last_event_id``)."""
        ...

    async def close(self) -> None: ...


class _Subscribers:
    def __init__(self) -> None:
        self._queues: dict[int, set[asyncio.Queue[LiveEvent]]] = defaultdict(set)

    def add(self, org_id: int) -> asyncio.Queue[LiveEvent]:
        queue: asyncio.Queue[LiveEvent] = asyncio.Queue(maxsize=1000)
        self._queues[org_id].add(queue)
        return queue

    def remove(self, org_id: int, queue: asyncio.Queue[LiveEvent]) -> None:
        self._queues[org_id].discard(queue)

    def deliver(self, event: LiveEvent) -> None:
        for queue in list(self._queues.get(event.org_id, ())):
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:
                logger.warning("live subscriber too slow; event %s dropped for it", event.id)


class MemoryBus:
    def __init__(self) -> None:
        self._subs = _Subscribers()
        self._buffers: dict[int, deque[LiveEvent]] = defaultdict(lambda: deque(maxlen=REPLAY_LIMIT))
        self._seq = 0

    async def publish(self, org_id: int, kind: str, data: dict[str, Any]) -> str:
        self._seq += 1
        event = LiveEvent(str(self._seq), org_id, kind, data)
        self._buffers[org_id].append(event)
        self._subs.deliver(event)
        return event.id

    async def publish_many(self, items: list[tuple[int, str, dict[str, Any]]]) -> None:
        for org_id, kind, data in items:
            await self.publish(org_id, kind, data)

    @contextlib.asynccontextmanager
    async def subscription(
        self, org_id: int, last_event_id: str | None
    ) -> AsyncIterator[asyncio.Queue[LiveEvent]]:
        queue = self._subs.add(org_id)
        try:
            if last_event_id and last_event_id.isdigit():
                for event in list(self._buffers[org_id]):
                    if int(event.id) > int(last_event_id):
                        queue.put_nowait(event)
            yield queue
        finally:
            self._subs.remove(org_id, queue)

    async def close(self) -> None:
        return None


#: Longest pause between two attempts of the pub/sub listener to reach Redis again.
MAX_BACKOFF_SECONDS = 5.0
_STREAM_ID = re.compile(r"^[0-9]{1,20}(-[0-9]{1,20})?$")
_UNAVAILABLE = (RedisError, OSError)  # OSError covers TimeoutError and refused connections


class _StreamSubscription:
    """One SSE stream on a Redis-backed bus: its queue and the last stream id it received.

    ``last_id`` is where it resumes (XRANGE) after the listener lost Redis. Until the
    first replay is done (``pending`` is a list), live events wait in ``pending``.
    """

    def __init__(self, org_id: int, last_id: str | None) -> None:
        self.org_id = org_id
        self.last_id = last_id
        self.queue: asyncio.Queue[LiveEvent] = asyncio.Queue(maxsize=2 * REPLAY_LIMIT)
        self.pending: list[LiveEvent] | None = []

    def offer(self, event: LiveEvent) -> None:
        if self.pending is not None:
            self.pending.append(event)
        else:
            self._put(event)

    def _put(self, event: LiveEvent) -> None:
        if self.last_id is not None and _stream_id_le(event.id, self.last_id):
            return  # already delivered (replay and live announcement overlap)
        self.last_id = event.id
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            logger.warning("live subscriber too slow; event %s dropped for it", event.id)

    def replayed(self, events: list[LiveEvent]) -> None:
        """Deliver the replay, then what arrived live meanwhile (in order, without repeats)."""
        for event in events:
            self._put(event)
        pending, self.pending = self.pending or [], None
        for event in pending:
            self._put(event)


class RedisBus:
    """Redis streams (replay) plus one pub/sub listener per process (fan-out).

    The listener survives Redis outages: it reconnects with exponential backoff
    and, once subscribed again, reads each org's stream from the last id each
    local subscription received, so nothing added to a stream is skipped.
    ``publish`` and ``publish_many`` raise when Redis fails (the caller retries).
    """

    def __init__(self, url: str, prefix: str, timeout: float | None = None) -> None:
        from redis.asyncio import Redis
        from redis.asyncio.retry import Retry
        from redis.backoff import NoBackoff

        # No hidden retries: a failure must reach the caller, and the listener must see
        # each disconnection to resume from the streams (redis-py's own pub/sub reconnect
        # would resubscribe silently and skip what was published meanwhile).
        self._redis = Redis.from_url(
            url,
            decode_responses=True,
            socket_connect_timeout=timeout,
            socket_timeout=timeout,
            retry=Retry(NoBackoff(), 0),
        )
        # Pub/sub reads block between events: no read timeout on that connection.
        self._pubsub_redis = Redis.from_url(
            url,
            decode_responses=True,
            socket_connect_timeout=timeout,
            socket_keepalive=True,
            retry=Retry(NoBackoff(), 0),
        )
        self._prefix = prefix
        self._subs: dict[int, set[_StreamSubscription]] = defaultdict(set)
        self._listener: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()  # set while the listener is subscribed

    def _stream(self, org_id: int) -> str:
        return f"{self._prefix}stream:{org_id}"

    @property
    def _channel(self) -> str:
        return f"{self._prefix}fanout"

    async def publish(self, org_id: int, kind: str, data: dict[str, Any]) -> str:
        body = json.dumps(data)
        event_id = await self._redis.xadd(
            self._stream(org_id),
            {"kind": kind, "data": body},
            maxlen=REPLAY_LIMIT,
            approximate=True,
        )
        message = json.dumps({"id": event_id, "org_id": org_id, "kind": kind, "data": body})
        await self._redis.publish(self._channel, message)
        return str(event_id)

    async def publish_many(self, items: list[tuple[int, str, dict[str, Any]]]) -> None:
        """Two round trips for a whole batch (bulk creations): every XADD in one pipeline
        (each event keeps its own stream id, for replay), then one PUBLISH announcing
        them all (a list; the listeners hand each to its org's subscribers in order)."""
        if not items:
            return
        bodies = [json.dumps(data) for _, _, data in items]
        async with self._redis.pipeline(transaction=False) as pipe:
            for (org_id, kind, _), body in zip(items, bodies, strict=True):
                pipe.xadd(
                    self._stream(org_id),
                    {"kind": kind, "data": body},
                    maxlen=REPLAY_LIMIT,
                    approximate=True,
                )
            ids = await pipe.execute()
        announced = [
            {"id": event_id, "org_id": org_id, "kind": kind, "data": body}
            for event_id, (org_id, kind, _), body in zip(ids, items, bodies, strict=True)
        ]
        await self._redis.publish(self._channel, json.dumps(announced))

    async def _read_stream(self, org_id: int, after: str) -> list[LiveEvent]:
        entries = await self._redis.xrange(
            self._stream(org_id), min=f"({after}", max="+", count=REPLAY_LIMIT
        )
        return [
            LiveEvent(event_id, org_id, fields["kind"], json.loads(fields["data"]))
            for event_id, fields in entries
        ]

    async def _resume(self) -> None:
        """After (re)subscribing: what each org's stream got since its subscribers' last id."""
        for org_id, subs in list(self._subs.items()):
            known = [s.last_id for s in subs if s.last_id is not None]
            if not known:
                continue
            after = min(known, key=_stream_key)
            for event in await self._read_stream(org_id, after):
                for sub in list(subs):
                    sub.offer(event)

    async def _listen(self) -> None:
        backoff = 0.1
        down = False
        while True:
            pubsub = self._pubsub_redis.pubsub()
            try:
                await pubsub.subscribe(self._channel)
                await self._resume()  # subscribed first: nothing can fall in between
                if down:
                    logger.warning("live bus: Redis answers again; streams resumed")
                    down = False
                backoff = 0.1
                async for message in pubsub.listen():
                    if message.get("type") == "subscribe":
                        self.connected.set()  # Redis confirmed: what is published reaches us
                    if message.get("type") != "message":
                        continue
                    raw = json.loads(message["data"])
                    # One event (``publish``) or a batch of them (``publish_many``).
                    for item in raw if isinstance(raw, list) else [raw]:
                        data = json.loads(item["data"])
                        event = LiveEvent(item["id"], item["org_id"], item["kind"], data)
                        for sub in list(self._subs.get(event.org_id, ())):
                            sub.offer(event)
            except _UNAVAILABLE as exc:
                if not down:
                    logger.warning(
                        "live bus: Redis unreachable (%s: %s); reconnecting with backoff",
                        type(exc).__name__,
                        exc,
                    )
                    down = True
            finally:
                self.connected.clear()
                with contextlib.suppress(Exception):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)

    def _ensure_listener(self) -> None:
        if self._listener is None or self._listener.done():
            self._listener = asyncio.create_task(self._listen())

    @contextlib.asynccontextmanager
    async def subscription(
        self, org_id: int, last_event_id: str | None
    ) -> AsyncIterator[asyncio.Queue[LiveEvent]]:
        self._ensure_listener()
        # Until Redis confirmed the fan-out SUBSCRIBE, what is published would not reach
        # this stream: wait for it (bounded: Redis may be down, the resume covers that).
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.connected.wait(), 5)
        start = last_event_id if last_event_id and _STREAM_ID.match(last_event_id) else None
        # Registered at once: what is announced from now on waits in ``pending``.
        sub = _StreamSubscription(org_id, start)
        self._subs[org_id].add(sub)
        try:
            if start is not None:
                missed: list[LiveEvent] = []
                with contextlib.suppress(*_UNAVAILABLE):  # the listener's resume covers it
                    missed = await self._read_stream(org_id, start)
                sub.replayed(missed)
            else:
                try:
                    tail = await self._redis.xrevrange(self._stream(org_id), count=1)
                    end = tail[0][0] if tail else "0-0"
                except _UNAVAILABLE:
                    end = f"{int(time.time() * 1000)}-0"  # about now; Redis is down
                sub.replayed([])  # live events announced since registration
                if sub.last_id is None:
                    sub.last_id = end  # where a resume after an outage starts
            yield sub.queue
        finally:
            subs = self._subs.get(org_id)
            if subs is not None:
                subs.discard(sub)
                if not subs:
                    del self._subs[org_id]

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener
        await self._redis.aclose()
        await self._pubsub_redis.aclose()


def _stream_key(value: str) -> tuple[int, int]:
    ms, _, seq = value.partition("-")
    return int(ms), int(seq or 0)


def _stream_id_le(a: str, b: str) -> bool:
    return _stream_key(a) <= _stream_key(b)


_bus: LiveBus | None = None


def get_bus() -> LiveBus:
    global _bus
    if _bus is None:
        settings = get_settings()
        _bus = (
            RedisBus(settings.redis_url, redis_prefix("live"), settings.redis_timeout)
            if settings.redis_url
            else MemoryBus()
        )
    return _bus


async def close_bus() -> None:
    global _bus
    if _bus is not None:
        await _bus.close()
        _bus = None


async def publish_events(events: list[DomainEvent]) -> None:
    """Stage domain events for their orgs' live streams (the outbox publishes them)."""
    from coulisses.outbox.service import stage_events

    if events:
        await stage_events([(e.org_id, e.kind, event_payload(e)) for e in events])


async def publish_to_bus(items: list[tuple[int, str, dict[str, Any]]]) -> None:
    """Publish ``(org_id, kind, data)`` now; raises when the bus is unreachable (the
    outbox pusher, its only caller, keeps the rows and tries again)."""
    await get_bus().publish_many(items)
