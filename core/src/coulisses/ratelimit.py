"""Fixed-window rate limits: Redis when REDIS_URL is set (shared by replicas), memory otherwise."""

from __future__ import annotations

import time
from typing import Protocol

from coulisses.outbox.instance import redis_prefix
from coulisses.settings import get_settings


class RateLimiter(Protocol):
    async def hit(self, key: str, window_seconds: int) -> int:
        """Count one hit of ``key`` in its current window; returns the count so far."""
        ...

    async def count(self, key: str, window_seconds: int) -> int: ...

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

    async def reset(self, key: str) -> None:
        self._hits.pop(key, None)


class RedisRateLimiter:
    def __init__(self, url: str, prefix: str) -> None:
        from redis.asyncio import Redis

        self._redis = Redis.from_url(url)
        self._prefix = prefix

    async def hit(self, key: str, window_seconds: int) -> int:
        name = self._prefix + key
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, window_seconds, nx=True)
            count, _ = await pipe.execute()
        return int(count)

    async def count(self, key: str, window_seconds: int) -> int:
        value = await self._redis.get(self._prefix + key)
        return int(value or 0)

    async def reset(self, key: str) -> None:
        await self._redis.delete(self._prefix + key)

    async def close(self) -> None:
        await self._redis.aclose()


_limiter: RateLimiter | None = None


def get_limiter() -> RateLimiter:
    global _limiter
    if _limiter is None:
        settings = get_settings()
        url = settings.redis_url
        _limiter = RedisRateLimiter(url, redis_prefix("rl")) if url else MemoryRateLimiter()
    return _limiter


def set_limiter(limiter: RateLimiter | None) -> None:
    global _limiter
    _limiter = limiter
