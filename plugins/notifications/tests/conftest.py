"""The notifications plugin tests itself with the SDK harness, plus its own doubles:
an SMTP sink (aiosmtpd) it points its own SMTP settings at, and a local HTTP
server speaking the few Telegram Bot API methods the plugin uses."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from notifications_support import SmtpSink, TelegramDouble, free_port

from coulisses_notifications.config import override_settings
from coulisses_notifications.plugin import plugin
from coulisses_sdk import Plugin

pytest_plugins = ["coulisses_sdk.testing"]


@pytest.fixture(scope="session")
def coulisses_plugins() -> list[Plugin]:
    """Only the plugin under test, whatever else is installed."""
    return [plugin]


@pytest.fixture(scope="session")
def smtp_sink() -> Iterator[SmtpSink]:
    from aiosmtpd.controller import Controller

    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    sink.port = controller.port
    try:
        yield sink
    finally:
        controller.stop()


@pytest.fixture(autouse=True)
def notification_settings(smtp_sink: SmtpSink) -> Iterator[None]:
    """Mail goes to the sink; retries are fast; no Telegram bot unless a test asks for one."""
    with override_settings(
        smtp_host="127.0.0.1",
        smtp_port=smtp_sink.port,
        smtp_timeout=60.0,
        public_url="http://testserver",
        send_attempts=3,
        retry_delay=0.01,
        retry_max_delay=0.05,
        telegram_bot_token=None,
        telegram_webhook_secret=None,
        telegram_bot_username=None,
    ):
        yield
    smtp_sink.reset()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def telegram_server() -> AsyncIterator[TelegramDouble]:
    """The Bot API double, served over real HTTP by uvicorn in the test loop."""
    import uvicorn

    double = TelegramDouble(token="123456:TEST-TOKEN")
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(double.app(), host="127.0.0.1", port=port, log_level="warning")
    )
    task = asyncio.get_running_loop().create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn exposes a flag, not an event
        await asyncio.sleep(0.02)
    double.url = f"http://127.0.0.1:{port}"
    try:
        yield double
    finally:
        server.should_exit = True
        await task


@pytest.fixture
def telegram(telegram_server: TelegramDouble) -> Iterator[TelegramDouble]:
    """A configured bot pointed at the double (fresh state for each test)."""
    telegram_server.reset()
    with override_settings(
        telegram_bot_token=telegram_server.token,
        telegram_api_url=telegram_server.url,
        telegram_webhook_secret="hook-secret",
        telegram_bot_username="coulisses_test_bot",
    ):
        yield telegram_server


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def live_url(coulisses_app) -> AsyncIterator[str]:
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
