"""Test harness: real PostgreSQL (DATABASE_URL or embedded), real Redis when REDIS_URL is set,
a throwaway database per run, the real ASGI app over httpx, an aiosmtpd sink for email."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import pytest
from hypothesis import HealthCheck, settings

# Property tests check behaviour, never speed: no per-example deadline and no "too slow"
# health check, which fail a correct test on a loaded machine (a newcomer's laptop, CI
# next to other jobs). Speed is measured in bench/.
settings.register_profile("coulisses", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("coulisses")

# The plugin SDK's fixtures (coulisses_app, org, enable_plugin...) for every test;
# they reuse the database below, see ``database``.
pytest_plugins = ["coulisses_sdk.testing"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# Settings are read once per process: fix the environment before importing the app.
RUN_ID = uuid.uuid4().hex[:8]
SMTP_PORT = _free_port()
# The run's local data (the dev outbox folder the mail sink below writes into).
DATA_DIR = Path(tempfile.mkdtemp(prefix=f"coulisses-test-{RUN_ID}-"))
os.environ.update(
    {
        "COULISSES_ENV": "test",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(SMTP_PORT),
        "COULISSES_QUEUE_NAME": f"coulisses-test-{RUN_ID}",
        "COULISSES_SECRET_KEY": "test-secret-key-of-at-least-32-bytes-" + RUN_ID,
        "COULISSES_PUBLIC_URL": "http://testserver",
        # A failing delivery is retried at once (the burst worker of run_jobs runs it).
        "COULISSES_DELIVERY_ATTEMPTS": "3",
        "COULISSES_DELIVERY_RETRY_DELAY": "0",
        "COULISSES_DATA_DIR": str(DATA_DIR),
    }
)
os.environ.setdefault("PICCOLO_CONF", "coulisses.db.piccolo_conf")

import asyncpg  # noqa: E402

_EMBEDDED: Any = None
_BASE_URL = os.environ.get("DATABASE_URL")
if not _BASE_URL:
    from coulisses.db.embedded import EmbeddedPostgres

    _EMBEDDED = EmbeddedPostgres(Path(tempfile.gettempdir()) / "coulisses-test-pg")
    _BASE_URL = _EMBEDDED.start()


def _with_db(url: str, name: str) -> str:
    parsed = urlparse(url)
    return urlunparse(parsed._replace(path="/" + name))


TEST_DB = f"coulisses_test_{RUN_ID}"
os.environ["DATABASE_URL"] = _with_db(_BASE_URL, TEST_DB)


async def _admin_exec(sql: str) -> None:
    conn = await asyncpg.connect(_with_db(_BASE_URL, "postgres"))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture(scope="session", autouse=True)
def database() -> Iterator[str]:
    asyncio.run(_admin_exec(f'CREATE DATABASE "{TEST_DB}"'))
    try:
        from coulisses.db.migrate import migrate

        asyncio.run(migrate(quiet=True))
        os.environ["COULISSES_TEST_DATABASE"] = os.environ["DATABASE_URL"]  # SDK fixtures reuse it
        yield os.environ["DATABASE_URL"]
    finally:
        asyncio.run(_admin_exec(f'DROP DATABASE IF EXISTS "{TEST_DB}" WITH (FORCE)'))
        if _EMBEDDED is not None:
            _EMBEDDED.stop()
        shutil.rmtree(DATA_DIR, ignore_errors=True)


class MailSink:
    """What the local SMTP server received; also saved by the core's dev sink into the
    dev outbox folder (``GET /api/v1/dev/outbox`` reads it). ``mode`` makes it refuse
    after reading each message: ``tempfail`` (451, worth retrying) or ``permfail`` (550)."""

    REPLIES = {
        "accept": "250 OK",
        "tempfail": "451 4.3.0 Try again later",
        "permfail": "550 5.1.1 No such user",
    }

    def __init__(self) -> None:
        from coulisses.mail.outbox import outbox_folder
        from coulisses.mail.sink import SaveToFolder

        self.messages: list[Any] = []
        self.mode = "accept"
        self.folder = outbox_folder()
        self._saver = SaveToFolder(self.folder, announce=False)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        from email import message_from_bytes, policy

        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        reply = await self._saver.handle_DATA(server, session, envelope)
        return reply if self.mode == "accept" else self.REPLIES[self.mode]

    def clear(self) -> None:
        self.messages.clear()
        self.mode = "accept"
        for path in self.folder.glob("*.eml"):
            path.unlink(missing_ok=True)

    def to(self, address: str) -> list[Any]:
        return [m for m in self.messages if address.lower() in str(m["To"]).lower()]


@pytest.fixture(scope="session")
def mail_sink() -> Iterator[MailSink]:
    from aiosmtpd.controller import Controller

    sink = MailSink()
    controller = Controller(sink, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()


@pytest.fixture(scope="session")
async def app(database: str, mail_sink: MailSink) -> AsyncIterator[Any]:
    from asgi_lifespan import LifespanManager

    from coulisses.web.app import create_app

    application = create_app()
    async with LifespanManager(application):
        yield application


_TRUNCATE: str | None = None


@pytest.fixture(autouse=True)
async def clean_state(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """Isolation: every test starts with empty tables, an empty job queue (saq_jobs in
    PostgreSQL or the run's Redis keys), empty live streams and fresh rate limits."""
    yield
    global _TRUNCATE
    from coulisses.db.connection import database_url
    from coulisses.ratelimit import set_limiter

    conn = await asyncpg.connect(database_url())
    try:
        if _TRUNCATE is None:
            rows = await conn.fetch(
                """SELECT tablename FROM pg_tables WHERE schemaname = 'public'
                   AND tablename NOT IN ('migration', 'saq_versions', 'instance_info')"""
            )
            names = ", ".join(f'"{r["tablename"]}"' for r in rows)
            _TRUNCATE = f"TRUNCATE {names} RESTART IDENTITY CASCADE"
        await conn.execute(_TRUNCATE)
    finally:
        await conn.close()
    if os.environ.get("REDIS_URL"):
        from redis.asyncio import Redis

        redis = Redis.from_url(os.environ["REDIS_URL"])
        keys = [k async for k in redis.scan_iter(f"*coulisses-test-{RUN_ID}*")]
        if keys:
            await redis.delete(*keys)
        await redis.aclose()
    set_limiter(None)
    if "mail_sink" in request.fixturenames:
        request.getfixturevalue("mail_sink").clear()


@pytest.fixture
async def client(app: Any) -> AsyncIterator[Any]:
    import httpx

    transport = httpx.ASGITransport(app=app, client=("10.9.0.1", 5555))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def new_client(app: Any) -> Any:
    """Factory of extra independent clients (another browser, another org)."""
    import httpx

    clients: list[httpx.AsyncClient] = []

    def make(ip: str = "10.9.0.2") -> httpx.AsyncClient:
        c = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app, client=(ip, 5555)), base_url="http://testserver"
        )
        clients.append(c)
        return c

    yield make
    for c in clients:
        asyncio.get_event_loop().create_task(c.aclose())


async def run_jobs() -> None:
    """Run everything queued so far with a burst worker (same code as production)."""
    from coulisses.jobs.queue import get_runtime

    await get_runtime().run_pending()


@pytest.fixture(scope="session")
async def live_server(app: Any) -> AsyncIterator[str]:
    """The same app served by uvicorn over real TCP (streaming responses such as SSE)."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_level="warning")
    )
    task = asyncio.get_running_loop().create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()  # raises why it could not start
            raise RuntimeError("uvicorn stopped before it started")
        await asyncio.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
