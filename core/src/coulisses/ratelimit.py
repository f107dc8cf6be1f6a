"""Fixed-window rate limits: Redis when REDIS_URL is set (shared by replicas), memory otherwise.

When Redis does not answer, the limits fall back to this process's memory
(:class:`FallbackRateLimiter`): every replica then counts on its own, so a
client may get up to N times the limit across N replicas during the outage,
and the counts restart from zero. Login, password reset and public invitation
answers keep working and stay limited. The fallback is logged once per outage
and Redis is tried again after a short pause.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Protocol

from redis.exceptions import RedisError

from coulisses.outbox.instance import redis_prefix
from coulisses.settings import get_settings

logger = logging.getLogger(__name__)


class RateLimiter(Protocol):
    async def hit(self, key: str, window_seconds: int) -> int:
        """Count one hit of ``key`` in its current window; returns the count so far."""
        ...

    async def count(self, key: str, window_seconds: int) -> int: ...

    async def tally(
        self, window_seconds: int, *, hit: Sequence[str] = (), peek: Sequence[str] = ()
    ) -> dict[str, int]:
        """Count one hit of each ``hit`` key and read each ``peek`` key (all in the same
        window length), in one round trip; returns every key's count."""
        ...

    async def reset(self, key: str) -> None: ...


class MemoryRateLimiter:
    """Single-process fallback for the embedded demo."""

    def __init__(self) -> None:
        self._hits: dict[str, tuple[float, int]] = {}

    def _current(self, key: str, window_seconds: int) -> tuple[float, int]:
        now = time.monotonic()
        start, count = self._hits.get(key, (now, 0))
        if now - start >= window_seconds:
            start, count = now, 0
        return start, count

    async def hit(self, key: str, window_seconds: int) -> int:
        start, count = self._current(key, window_seconds)
        self._hits[key] = (start, count + 1)
        return count + 1

    async def count(self, key: str, window_seconds: int) -> int:
        return self._current(key, window_seconds)[1]

    async def tally(
        self, window_seconds: int, *, hit: Sequence[str] = (), peek: Sequence[str] = ()
    ) -> dict[str, int]:
        counts = {key: await self.hit(key, window_seconds) for key in hit}
        for key in peek:
            counts[key] = await self.count(key, window_seconds)
        return counts

    async def reset(self, key: str) -> None:
        self._hits.pop(key, None)


class RedisRateLimiter:
    def __init__(self, url: str, prefix: str, timeout: float | None = None) -> None:
        from redis.asyncio import Redis
        from redis.asyncio.retry import Retry
        from redis.backoff import NoBackoff

        # No retries: a dead Redis must cost one failed round trip, not seconds of
        # backoff per request (the fallback takes over instead).
        self._redis = Redis.from_url(
            url,
            socket_connect_timeout=timeout,
            socket_timeout=timeout,
            retry=Retry(NoBackoff(), 0),
        )
        self._prefix = prefix

    async def hit(self, key: str, window_seconds: int) -> int:
        name = self._prefix + key
        # SET NX EX then INCR rather than EXPIRE NX, which needs Redis 7.
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.set(name, 0, ex=window_seconds, nx=True)
            pipe.incr(name)
            _, count = await pipe.execute()
        return int(count)

    async def count(self, key: str, window_seconds: int) -> int:
        value = await self._redis.get(self._prefix + key)
        return int(value or 0)

    async def tally(
        self, window_seconds: int, *, hit: Sequence[str] = (), peek: Sequence[str] = ()
    ) -> dict[str, int]:
        # One MULTI/EXEC pipeline: one round trip, and no key can expire between its
        # SET NX EX and its INCR (an INCR on an expired key would start a counter
        # without expiry).
        async with self._redis.pipeline(transaction=True) as pipe:
            for key in hit:
                pipe.set(self._prefix + key, 0, ex=window_seconds, nx=True)
                pipe.incr(self._prefix + key)
            for key in peek:
                pipe.get(self._prefix + key)
            replies = await pipe.execute()
        counts = {key: int(replies[2 * n + 1]) for n, key in enumerate(hit)}
        for n, key in enumerate(peek):
            counts[key] = int(replies[2 * len(hit) + n] or 0)
        return counts

    async def reset(self, key: str) -> None:
        await self._redis.delete(self._prefix + key)

    async def close(self) -> None:
        await self._redis.aclose()


#: Seconds during which a failed Redis is not asked again (requests use memory meanwhile).
RETRY_REDIS_SECONDS = 1.0
_UNAVAILABLE = (RedisError, OSError)  # OSError covers TimeoutError and refused connections


class FallbackRateLimiter:
    """Redis, or this process's memory while Redis does not answer (see the module doc)."""

    def __init__(self, primary: RedisRateLimiter, fallback: MemoryRateLimiter | None = None):
        self.primary = primary
        self.fallback = fallback or MemoryRateLimiter()
        self._down_until: float | None = None  # set while Redis is considered down

    @property
    def degraded(self) -> bool:
        return self._down_until is not None

    def _use_primary(self) -> bool:
        return self._down_until is None or time.monotonic() >= self._down_until

    def _failed(self, exc: BaseException) -> None:
        if self._down_until is None:
            logger.warning(
                "Redis unreachable (%s: %s): rate limits fall back to this process's memory",
                type(exc).__name__,
                exc,
            )
        self._down_until = time.monotonic() + RETRY_REDIS_SECONDS

    def _answered(self) -> None:
        if self._down_until is not None:
            logger.warning("Redis answers again: rate limits are shared through Redis again")
            self._down_until = None

    async def hit(self, key: str, window_seconds: int) -> int:
        if self._use_primary():
            try:
                count = await self.primary.hit(key, window_seconds)
            except _UNAVAILABLE as exc:
                self._failed(exc)
            else:
                self._answered()
                return count
        return await self.fallback.hit(key, window_seconds)

    async def count(self, key: str, window_seconds: int) -> int:
        if self._use_primary():
            try:
                count = await self.primary.count(key, window_seconds)
            except _UNAVAILABLE as exc:
                self._failed(exc)
            else:
                self._answered()
                return count
        return await self.fallback.count(key, window_seconds)

    async def tally(
        self, window_seconds: int, *, hit: Sequence[str] = (), peek: Sequence[str] = ()
    ) -> dict[str, int]:
        if self._use_primary():
            try:
                counts = await self.primary.tally(window_seconds, hit=hit, peek=peek)
            except _UNAVAILABLE as exc:
                self._failed(exc)
            else:
                self._answered()
                return counts
        return await self.fallback.tally(window_seconds, hit=hit, peek=peek)

    async def reset(self, key: str) -> None:
        # Both: a count made in memory during an outage must not outlive a success.
        await self.fallback.reset(key)
        if self._use_primary():
            try:
                await self.primary.reset(key)
            except _UNAVAILABLE as exc:
                self._failed(exc)
            else:
                self._answered()

    async def close(self) -> None:
        await self.primary.close()


_limiter: RateLimiter | None = None


def get_limiter() -> RateLimiter:
    global _limiter
    if _limiter is None:
        settings = get_settings()
        url = settings.redis_url
        _limiter = (
            FallbackRateLimiter(RedisRateLimiter(url, redis_prefix("rl"), settings.redis_timeout))
            if url
            else MemoryRateLimiter()
        )
    return _limiter


def set_limiter(limiter: RateLimiter | None) -> None:
    global _limiter
    _limiter = limiter
