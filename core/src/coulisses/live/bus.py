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
import datetime as dt
import json
import logging
from collections import defaultdict, deque
from collections.abc import AsyncIterator
from typing import Any, Protocol

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


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value)}")


def event_payload(event: DomainEvent) -> dict[str, Any]:
    data = dataclasses.asdict(event)
    payload: dict[str, Any] = json.loads(json.dumps(data, default=_json_default))
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


class RedisBus:
    def __init__(self, url: str, prefix: str) -> None:
        from redis.asyncio import Redis

        self._redis = Redis.from_url(url, decode_responses=True)
        self._prefix = prefix
        self._subs = _Subscribers()
        self._listener: asyncio.Task[None] | None = None
        #: Set once Redis confirmed the fan-out SUBSCRIBE: what is published after it reaches us.
        self._listening = asyncio.Event()

    def _stream(self, org_id: int) -> str:
        return f"{self._prefix}stream:{org_id}"

    async def publish(self, org_id: int, kind: str, data: dict[str, Any]) -> str:
        body = json.dumps(data)
        event_id = await self._redis.xadd(
            self._stream(org_id),
            {"kind": kind, "data": body},
            maxlen=REPLAY_LIMIT,
            approximate=True,
        )
        message = json.dumps({"id": event_id, "org_id": org_id, "kind": kind, "data": body})
        await self._redis.publish(f"{self._prefix}fanout", message)
        return str(event_id)

    async def publish_many(self, items: list[tuple[int, str, dict[str, Any]]]) -> None:
        """Two pipelined round trips for a whole batch (bulk creations)."""
        if not items:
            return
        async with self._redis.pipeline(transaction=False) as pipe:
            for org_id, kind, data in items:
                pipe.xadd(
                    self._stream(org_id),
                    {"kind": kind, "data": json.dumps(data)},
                    maxlen=REPLAY_LIMIT,
                    approximate=True,
                )
            ids = await pipe.execute()
        async with self._redis.pipeline(transaction=False) as pipe:
            for event_id, (org_id, kind, data) in zip(ids, items, strict=True):
                pipe.publish(
                    f"{self._prefix}fanout",
                    json.dumps(
                        {"id": event_id, "org_id": org_id, "kind": kind, "data": json.dumps(data)}
                    ),
                )
            await pipe.execute()

    async def _listen(self) -> None:
        pubsub = self._redis.pubsub()
        await pubsub.subscribe(f"{self._prefix}fanout")
        try:
            async for message in pubsub.listen():
                if message.get("type") == "subscribe":
                    self._listening.set()
                if message.get("type") != "message":
                    continue
                raw = json.loads(message["data"])
                self._subs.deliver(
                    LiveEvent(raw["id"], raw["org_id"], raw["kind"], json.loads(raw["data"]))
                )
        finally:
            self._listening.clear()
            await pubsub.aclose()  # type: ignore[no-untyped-call]

    def _ensure_listener(self) -> None:
        if self._listener is None or self._listener.done():
            self._listener = asyncio.create_task(self._listen())

    async def _until_listening(self) -> None:
        """Wait for the SUBSCRIBE confirmation (or the listener's end, e.g. Redis down)."""
        listener = self._listener
        if self._listening.is_set() or listener is None:
            return
        confirmed = asyncio.ensure_future(self._listening.wait())
        try:
            await asyncio.wait({confirmed, listener}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            confirmed.cancel()

    @contextlib.asynccontextmanager
    async def subscription(
        self, org_id: int, last_event_id: str | None
    ) -> AsyncIterator[asyncio.Queue[LiveEvent]]:
        self._ensure_listener()
        await self._until_listening()
        live = self._subs.add(org_id)
        out: asyncio.Queue[LiveEvent] = asyncio.Queue()
        seen: str | None = None
        if last_event_id:
            try:
                missed = await self._redis.xrange(
                    self._stream(org_id), min=f"({last_event_id}", max="+"
                )
            except Exception:
                missed = []
            for event_id, fields in missed:
                seen = event_id
                out.put_nowait(
                    LiveEvent(event_id, org_id, fields["kind"], json.loads(fields["data"]))
                )

        async def forward() -> None:
            while True:
                event = await live.get()
                if seen is None or not _stream_id_le(event.id, seen):  # skip what was replayed
                    out.put_nowait(event)

        task = asyncio.create_task(forward())
        try:
            yield out
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            self._subs.remove(org_id, live)

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener
        await self._redis.aclose()


def _stream_id_le(a: str, b: str) -> bool:
    def key(value: str) -> tuple[int, int]:
        ms, _, seq = value.partition("-")
        return int(ms), int(seq or 0)

    return key(a) <= key(b)


_bus: LiveBus | None = None


def get_bus() -> LiveBus:
    global _bus
    if _bus is None:
        settings = get_settings()
        _bus = (
            RedisBus(settings.redis_url, f"cc:live:{settings.queue_name}:")
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
    """Push committed domain events to their orgs' live streams (never fails the caller)."""
    try:
        await get_bus().publish_many([(e.org_id, e.kind, event_payload(e)) for e in events])
    except Exception:
        logger.exception("live publish failed for %d events", len(events))
