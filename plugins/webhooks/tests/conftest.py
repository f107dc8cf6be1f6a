"""The webhooks plugin tests itself with the SDK harness and a local HTTP receiver."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from webhooks_support import Receiver, free_port

from coulisses_sdk import Plugin
from coulisses_webhooks.plugin import plugin

pytest_plugins = ["coulisses_sdk.testing"]


@pytest.fixture(scope="session")
def coulisses_plugins() -> list[Plugin]:
    """Only the plugin under test, whatever else is installed."""
    return [plugin]


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def receiver_server() -> AsyncIterator[Receiver]:
    """The receiver, served over real HTTP by uvicorn in the test loop."""
    import uvicorn

    receiver = Receiver()
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(receiver.app(), host="127.0.0.1", port=port, log_level="warning")
    )
    task = asyncio.get_running_loop().create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn exposes a flag, not an event
        await asyncio.sleep(0.02)
    receiver.url = f"http://127.0.0.1:{port}"
    try:
        yield receiver
    finally:
        server.should_exit = True
        await task


@pytest.fixture
def receiver(receiver_server: Receiver) -> Iterator[Receiver]:
    receiver_server.reset()
    yield receiver_server
    receiver_server.reset()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def live_url(coulisses_app) -> AsyncIterator[str]:  # type: ignore[no-untyped-def]
    """The same app over real TCP (uvicorn), for the streaming SSE endpoint."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            coulisses_app, host="127.0.0.1", port=port, lifespan="off", log_level="warning"
        )
    )
    task = asyncio.get_running_loop().create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn exposes a flag, not an event
        await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
