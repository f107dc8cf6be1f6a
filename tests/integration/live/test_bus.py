"""The live bus delivers to a subscription everything published once it is entered."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from coulisses.live.bus import LiveBus, MemoryBus, RedisBus
from coulisses.settings import get_settings


def _buses() -> list[object]:
    redis_url = get_settings().redis_url
    return [
        pytest.param("memory", id="memory"),
        pytest.param(
            "redis",
            id="redis",
            marks=pytest.mark.skipif(not redis_url, reason="REDIS_URL is not set"),
        ),
    ]


@pytest.mark.parametrize("kind", _buses())
async def test_an_event_published_right_after_subscribing_is_received(kind: str) -> None:
    # A fresh bus: its Redis pub/sub listener is not running yet.
    bus: LiveBus = (
        RedisBus(str(get_settings().redis_url), f"cc:test-bus:{uuid.uuid4().hex}:")
        if kind == "redis"
        else MemoryBus()
    )
    try:
        await bus.publish(8, "Warm", {})  # the publishing connection is open: no head start
        async with bus.subscription(7, None) as queue:
            await bus.publish(7, "Ping", {"n": 1})
            event = await asyncio.wait_for(queue.get(), 60)
        assert (event.kind, event.data) == ("Ping", {"n": 1})
    finally:
        await bus.close()
