"""Fixtures of the fault tests: their own PostgreSQL and Redis, and app processes on them."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.faults.harness import (
    AppProcess,
    PostgresProcess,
    RedisProcess,
    free_port,
    new_root,
    wait_until,
)


@pytest.fixture(scope="session")
async def fault_pg() -> AsyncIterator[PostgresProcess]:
    root = new_root("coulisses-fault-pg-")
    pg = PostgresProcess(root)
    pg.init()
    await pg.start()
    try:
        yield pg
    finally:
        pg.kill()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
async def fault_redis() -> AsyncIterator[RedisProcess]:
    root = new_root("coulisses-fault-redis-")
    redis = RedisProcess(root)
    await redis.start()
    try:
        yield redis
    finally:
        redis.kill()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def fault_mail() -> Iterator[Any]:
    """An SMTP sink the app processes deliver to."""
    from aiosmtpd.controller import Controller

    from tests.conftest import MailSink

    sink = MailSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    sink.port = port  # type: ignore[attr-defined]
    try:
        yield sink
    finally:
        controller.stop()


@pytest.fixture
async def restore_services(
    fault_pg: PostgresProcess, fault_redis: RedisProcess
) -> AsyncIterator[None]:
    """Whatever a test did to the servers, they run again afterwards."""
    yield
    for server in (fault_pg, fault_redis):
        if server.proc is None:
            await server.start()
        else:
            server.thaw()


@pytest.fixture
async def start_app(
    fault_pg: PostgresProcess,
    fault_redis: RedisProcess,
    fault_mail: Any,
    restore_services: None,
) -> AsyncIterator[Callable[..., Any]]:
    """Factory: ``await start_app(redis=True, worker=False, **env)`` -> a running AppProcess
    on a fresh database of the fault PostgreSQL; stopped at the end of the test."""
    apps: list[AppProcess] = []

    async def start(*, redis: bool = True, worker: bool = False, **env: str) -> AppProcess:
        run = uuid.uuid4().hex[:8]
        database = f"fault_{run}"
        await fault_pg.execute(f'CREATE DATABASE "{database}"')
        values = {
            "COULISSES_ENV": "test",
            "COULISSES_SECRET_KEY": "fault-test-secret-key-of-at-least-32-bytes-" + run,
            "COULISSES_QUEUE_NAME": f"coulisses-fault-{run}",
            "COULISSES_PUBLIC_URL": "http://testserver",
            "DATABASE_URL": fault_pg.url_for(database),
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(fault_mail.port),
            **env,
        }
        if redis:
            values["REDIS_URL"] = fault_redis.url
        app = AppProcess(new_root("coulisses-fault-app-"), values, worker=worker)
        apps.append(app)
        await app.start()
        return app

    yield start
    for app in apps:
        app.stop()
        print(f"--- {app.log} (tail) ---\n{app.tail()}")  # shown when the test failed
        shutil.copy(app.log, Path(tempfile.gettempdir()) / "coulisses-fault-last-app.log")
        shutil.rmtree(app.root, ignore_errors=True)


async def wait_ready(app: AppProcess, within: float = 60) -> None:
    """The app answers /readyz 200 again (it recovered by itself)."""

    async def ready() -> bool:
        async with httpx.AsyncClient(timeout=5) as client:
            return (await client.get(f"{app.url}/readyz")).status_code == 200

    await wait_until(ready, within=within, what="/readyz to answer 200 again")
