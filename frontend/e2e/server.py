"""End-to-end harness: the real backend on a throwaway database, for Playwright.

    uv run --locked python frontend/e2e/server.py [--port N] [--seed-demo]

Like tests/conftest.py: the PostgreSQL of DATABASE_URL when set, else an
embedded one (pgserver); a fresh database is created, migrated, served with an
in-process job worker, and dropped on SIGTERM/SIGINT. Emails go to the core's
local SMTP sink (as ``coulisses serve`` in dev), so a test reads emailed links
through ``GET /api/v1/dev/outbox``. When ready it prints one line:

    E2E_READY {"url": "http://127.0.0.1:N"}

``--seed-demo`` builds the demo org first (the July festival) and adds its
manager's login (``email``, ``password``: dev data) to that line: the web
benchmark (``python3 dev.py bench-web``) measures the planning on it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import secrets
import shutil
import signal
import socket
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _with_db(url: str, name: str) -> str:
    return urlunparse(urlparse(url)._replace(path="/" + name))


async def _admin_exec(base_url: str, sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_with_db(base_url, "postgres"))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def _serve(port: int, ready: dict[str, str], seed_demo: bool) -> None:
    import uvicorn

    from coulisses.db.migrate import migrate
    from coulisses.web.app import create_app

    await migrate(quiet=True)
    if seed_demo:
        from coulisses.seed import seed_demo as build_demo

        info = await build_demo()
        ready = {**ready, "email": info["email"], "password": info["password"]}

    class AnnouncingServer(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if self.started:
                print("E2E_READY " + json.dumps(ready), flush=True)

    app = create_app(run_worker=True)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    await AnnouncingServer(config).serve()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--seed-demo", action="store_true", help="build the demo org first")
    args = parser.parse_args()

    # The browser tests print their own progress: keep the server to warnings.
    logging.basicConfig(level=logging.WARNING)
    for name in ("mail.log", "saq", "pgserver", "coulisses"):
        logging.getLogger(name).setLevel(logging.WARNING)

    run_id = uuid.uuid4().hex[:8]
    port = args.port or _free_port()
    smtp_port = _free_port()
    work = Path(tempfile.mkdtemp(prefix=f"coulisses-e2e-{run_id}-"))

    # Settings are read once per process: fix the environment before importing the app.
    os.environ.update(
        {
            "COULISSES_ENV": "test",
            "COULISSES_SECRET_KEY": secrets.token_urlsafe(48),
            "COULISSES_PUBLIC_URL": f"http://127.0.0.1:{port}",
            "COULISSES_DATA_DIR": str(work),
            "COULISSES_QUEUE_NAME": f"coulisses-e2e-{run_id}",
            "COULISSES_LOGIN_IP_MAX_ATTEMPTS": "1000",
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(smtp_port),
        }
    )
    os.environ.setdefault("COULISSES_FRONTEND_DIST", str(REPO / "frontend" / "dist"))
    os.environ.setdefault("PICCOLO_CONF", "coulisses.db.piccolo_conf")

    embedded: Any = None
    base_url = os.environ.get("DATABASE_URL")
    if not base_url:
        from coulisses.db.embedded import EmbeddedPostgres

        embedded = EmbeddedPostgres(Path(tempfile.gettempdir()) / "coulisses-e2e-pg")
        base_url = embedded.start()
    db_name = f"coulisses_e2e_{run_id}"
    os.environ["DATABASE_URL"] = _with_db(base_url, db_name)

    from coulisses.mail.outbox import outbox_folder
    from coulisses.mail.sink import start_sink

    def _terminate(*_: Any) -> None:
        raise SystemExit(0)

    # Until uvicorn installs its own handlers, a SIGTERM still runs the cleanup below.
    signal.signal(signal.SIGTERM, _terminate)
    mailer: Any = None
    created = False
    try:
        asyncio.run(_admin_exec(base_url, f'CREATE DATABASE "{db_name}"'))
        created = True
        mailer = start_sink("127.0.0.1", smtp_port, outbox_folder())
        ready = {"url": f"http://127.0.0.1:{port}"}
        asyncio.run(_serve(port, ready, args.seed_demo))
    finally:
        if mailer is not None:
            mailer.stop()
        if created:
            asyncio.run(_admin_exec(base_url, f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)'))
        if embedded is not None:
            embedded.stop()
        shutil.rmtree(work, ignore_errors=True)
        print("E2E server stopped", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
