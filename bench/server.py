"""Throughput through a real server: uvicorn in a subprocess, clients over TCP.

The in-process figures of ``__main__`` time one request at a time; these put
many clients on a real server (its HTTP parser, its workers, the database pool
under contention) on the same machine: planning reads of one month by 16
clients, and public accepts of distinct invitations by 64 clients, each client
behind its own address (``X-Forwarded-For``, trusted from 127.0.0.1 as uvicorn
does by default) as a crew answering from its phones would be.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

import asyncpg

from bench.http import Call, HttpConnection, LoadResult, run_load

ACCEPT_FIRST_HOUR = dt.datetime(2029, 1, 1, tzinfo=dt.UTC)


@dataclass
class Server:
    host: str
    port: int
    workers: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.asynccontextmanager
async def uvicorn_server(workers: int, database_url: str) -> AsyncIterator[Server]:
    """``uvicorn coulisses.web.app:create_app --factory`` on ``database_url``."""
    from coulisses.settings import get_settings

    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "COULISSES_SECRET_KEY": get_settings().secret_key,
    }
    command = [
        sys.executable, "-m", "uvicorn", "coulisses.web.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    # A plain Popen: the server runs for the whole block, nothing here waits on it.
    process = subprocess.Popen(command, env=env)  # noqa: ASYNC220
    try:
        await _wait_ready(process, port)
        yield Server("127.0.0.1", port, workers)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def _wait_ready(process: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with status {process.returncode}")
        connection = HttpConnection("127.0.0.1", port)
        try:
            status, _ = await connection.request("GET", "/readyz")
            if status == 200:
                return
        except OSError:
            pass
        finally:
            await connection.close()
        await asyncio.sleep(0.2)
    raise RuntimeError("uvicorn did not become ready")


async def planning_load(
    server: Server,
    access_token: str,
    params: dict[str, str],
    clients: int,
    seconds: float,
    *,
    rebuild: bool = False,
) -> LoadResult:
    """Managers reading one month; ``rebuild`` asks the server to build each planning
    again (``Cache-Control: no-cache``) instead of answering from its cache."""
    path = "/api/v1/planning?" + urlencode(params)
    headers = {"Authorization": f"Bearer {access_token}"}
    if rebuild:
        headers["Cache-Control"] = "no-cache"

    def call(connection: HttpConnection, _client: int) -> Awaitable[tuple[int, bytes]]:
        return connection.request("GET", path, headers)

    await run_load(server.host, server.port, clients, 1.0, call)  # warm every worker
    return await run_load(server.host, server.port, clients, seconds, call)


def _addresses(count: int) -> Iterator[str]:
    for n in range(count):
        yield f"10.77.{n // 250}.{n % 250 + 1}"


async def accept_load(
    server: Server, links: list[tuple[int, str]], clients: int, seconds: float
) -> LoadResult:
    """Each client accepts its own share of ``links`` (an invitation answered once)."""
    shares = [links[n::clients] for n in range(clients)]
    addresses = list(_addresses(clients))
    warmup = max(1, min(len(s) for s in shares) // 10)

    def call_from(start: int, stop: int | None) -> Call:
        positions = [start] * clients

        def call(connection: HttpConnection, client: int) -> Awaitable[tuple[int, bytes]] | None:
            position = positions[client]
            share = shares[client]
            if position >= len(share) or (stop is not None and position >= stop):
                return None
            positions[client] += 1
            invitation_id, token = share[position]
            path = f"/api/v1/invitations/{invitation_id}/accept?" + urlencode({"token": token})
            return connection.request("POST", path, {"X-Forwarded-For": addresses[client]})

        return call

    await run_load(server.host, server.port, clients, 30.0, call_from(0, warmup))
    return await run_load(server.host, server.port, clients, seconds, call_from(warmup, None))


async def make_invitations(
    database_url: str, org_id: int, owner: int, user_ids: list[int], count: int
) -> list[tuple[int, str]]:
    """``count`` open invitations of the org, each on its own one-hour mission in 2029
    (none overlaps another: every accept is a real INVITED -> ACCEPTED move)."""
    from coulisses.auth.tokens import hash_token, new_opaque_token

    tokens = [new_opaque_token() for _ in range(count)]
    conn = await asyncpg.connect(database_url)
    try:
        async with conn.transaction():
            project = await conn.fetchval(
                """INSERT INTO projects (org, name, status, starts_on, ends_on)
                   VALUES ($1, 'Banc des reponses', 'ACTIVE', '2029-01-01', '2029-12-31')
                   RETURNING id""",
                org_id,
            )
            rows = await conn.fetch(
                """WITH m AS (
                       INSERT INTO missions (org, project, title, starts_at, ends_at, status)
                       SELECT $1, $2, 'Reponse ' || n,
                              $3::timestamptz + n * interval '1 hour',
                              $3::timestamptz + (n + 1) * interval '1 hour',
                              'PUBLISHED'
                       FROM generate_series(0, $4 - 1) AS n
                       RETURNING id, starts_at, ends_at),
                   r AS (
                       INSERT INTO mission_roles (org, mission, name, quota, required_skills)
                       SELECT $1, m.id, 'technicien son', 1, ARRAY['son'] FROM m
                       RETURNING id, mission)
                   SELECT r.id AS role, m.id AS mission, m.starts_at, m.ends_at
                   FROM r JOIN m ON m.id = r.mission ORDER BY m.starts_at""",
                org_id,
                project,
                ACCEPT_FIRST_HOUR,
                count,
            )
            users = [user_ids[n % len(user_ids)] for n in range(count)]
            by_hash = {hash_token(t): t for t in tokens}
            created = await conn.fetch(
                """WITH a AS (
                       INSERT INTO assignments (org, mission, mission_role, user_id, status,
                                                starts_at, ends_at, created_by)
                       SELECT $1, u.mission, u.role, u.user_id, 'INVITED', u.starts_at,
                              u.ends_at, $2
                       FROM unnest($3::int[], $4::int[], $5::int[], $6::timestamptz[],
                                   $7::timestamptz[]) AS u(mission, role, user_id, starts_at,
                                                             ends_at)
                       RETURNING id, mission)
                   INSERT INTO invitations (org, assignment, purpose, token_hash, expires_at,
                                            delivery_status)
                   SELECT $1, a.id, 'assignment.answer', u.token_hash,
                          now() + interval '14 days', 'sent'
                   FROM a JOIN unnest($3::int[], $8::text[]) AS u(mission, token_hash)
                        ON u.mission = a.mission
                   RETURNING id, token_hash""",
                org_id,
                owner,
                [r["mission"] for r in rows],
                [r["role"] for r in rows],
                users,
                [r["starts_at"] for r in rows],
                [r["ends_at"] for r in rows],
                list(by_hash),
            )
        await conn.execute("VACUUM ANALYZE missions, mission_roles, assignments, invitations")
        return sorted((int(r["id"]), by_hash[r["token_hash"]]) for r in created)
    finally:
        await conn.close()
