"""One org's figures must not depend on other orgs, and a real server must keep up.

A twin of the bench org (same seed, same rows) is loaded alone in a second
database, and a neighbour four times larger (800 users, 20,000 missions,
80,000 assignments) is added next to the bench org. Both databases are served
by uvicorn and their requests alternate (the machine's load then moves both
alike). Printed:

- the bench org's planning month alone and with the neighbour, and their ratio
  (every org-scoped query reads by org-leading indexes: target <= 1.1);
- the neighbour's own planning month (four times the rows: p95 < 50 ms);
- the app (in process, ASGI) against the same rows read by raw asyncpg, in
  alternation (target <= 1.25): the price of the server path (auth, service,
  structs, JSON) over the database;
- planning reads per second through uvicorn with 16 clients (>= 200/s on 2
  cores) and public accepts per second with 64 clients (>= 800/s, p99 < 100 ms),
  see ``bench/server.py``.

The planning is answered from the server's cache while the org's data has not
changed (``coulisses.scheduling.planning.cache``). Every figure about the database
and the build of a planning asks for a rebuild (``Cache-Control: no-cache``); the
figures "en cache" are the same reads answered from the cache, as the calendars of
an org's managers read a planning that did not change.

Ratios compare medians (p50), and minimums (the least disturbed run of each side).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import statistics
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any
from urllib.parse import urlencode, urlparse, urlunparse

import asyncpg

from bench import dataset, server
from bench.figures import Figure, ok, percentile, progress, timed
from bench.http import HttpConnection, LoadResult

MONTH = {"from": "2027-06-01", "to": "2027-06-30"}
PASSWORD = "Banc-De-Mesure-2027"
SCALE = 4
PLANNING_CLIENTS = 16
ACCEPT_CLIENTS = 64
ACCEPT_LINKS = 6_000
LOAD_SECONDS = 8.0

# The rows of a planning month as raw asyncpg reads them (no structs, no JSON): the
# floor of what the route costs. Written here, not imported, so that the floor does
# not move when the service changes.
_RAW_MISSIONS = """SELECT m.id, m.project, p.name, m.title, m.place_id, pl.name, pl.timezone,
       m.starts_at, m.ends_at, m.status
FROM missions m JOIN projects p ON p.id = m.project
LEFT JOIN places pl ON pl.id = m.place_id
WHERE m.org = $1 AND int4range(m.org, m.org, '[]') && int4range($1, $1, '[]')
  AND tstzrange(m.starts_at, m.ends_at) && tstzrange($2, $3)"""
_RAW_ROLES = """SELECT mission, id, name, quota, required_skills FROM mission_roles
WHERE org = $1 AND mission = ANY($2::int[])"""
_RAW_ASSIGNMENTS = """SELECT a.id, a.mission, a.mission_role, a.user_id, a.status,
       a.decline_reason,
       CASE WHEN a.status = 'INVITED' THEN (
           SELECT i.delivery_status FROM invitations i WHERE i.assignment = a.id
           ORDER BY i.id DESC LIMIT 1) END
FROM assignments a WHERE a.org = $1 AND a.mission = ANY($2::int[])"""
_RAW_USERS = """SELECT id, first_name, last_name, employment_type FROM users
WHERE org = $1 AND id = ANY($2::int[])"""


async def _raw_month(conn: asyncpg.Connection, org_id: int, start: Any, end: Any) -> int:
    missions = [r[0] for r in await conn.fetch(_RAW_MISSIONS, org_id, start, end)]
    await conn.fetch(_RAW_ROLES, org_id, missions)
    assignments = await conn.fetch(_RAW_ASSIGNMENTS, org_id, missions)
    users = sorted({r[3] for r in assignments})
    await conn.fetch(_RAW_USERS, org_id, users)
    return len(assignments)


def _p50(samples: list[float]) -> float:
    return statistics.median(samples)


def _ratio(label: str, top: list[float], bottom: list[float], target: str) -> str:
    a, b = _p50(top), _p50(bottom)
    low = min(top) / min(bottom)
    return (
        f"  {label:<44} {a / b:8.2f}  cible {target}  (p50 {a:.1f} / {b:.1f} ms ;"
        f" rapport des minimums, moins sensible a la charge : {low:.2f})"
    )


def _load_line(label: str, result: LoadResult, target: str) -> str:
    xs = result.latencies_ms
    if not xs:
        return f"  {label:<44} aucune reponse reussie ; erreurs {result.errors}"
    errors = f" ; refus {result.errors}" if result.errors else ""
    return (
        f"  {label:<44} {result.per_second:8.0f} /s  p50 {_p50(xs):6.1f} ms"
        f"  p99 {percentile(xs, 0.99):6.1f} ms  (n={len(xs)}){errors}  cible {target}"
    )


async def _signup(client: Any, name: str) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/auth/signup",
        json={
            "email": f"bench-{uuid.uuid4().hex[:6]}@example.org",
            "password": PASSWORD,
            "org_name": name,
        },
    )
    return dict(ok(response, 201).json())


@contextlib.asynccontextmanager
async def _twin_database(database_url: str) -> AsyncIterator[str]:
    """A second database on the same server, migrated (by the CLI, in a subprocess: the
    app's database layer is bound to the first one), dropped at the end."""
    name = f"coulisses_bench_twin_{uuid.uuid4().hex[:8]}"
    maintenance = urlunparse(urlparse(database_url)._replace(path="/postgres"))
    conn = await asyncpg.connect(maintenance)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    url = urlunparse(urlparse(database_url)._replace(path="/" + name))
    try:
        migrate = [sys.executable, "-m", "coulisses.cli", "migrate"]
        process = await asyncio.create_subprocess_exec(
            *migrate, env={**os.environ, "DATABASE_URL": url}, stdout=asyncio.subprocess.DEVNULL
        )
        if await process.wait() != 0:
            raise RuntimeError("migrations of the twin database failed")
        yield url
    finally:
        conn = await asyncpg.connect(maintenance)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


async def _copy_later_missions(source_url: str, org_id: int, twin_url: str, twin_id: int) -> None:
    """The missions (and roles) that the bench org gained after its dataset (bulk
    creations, the festival: 2028 onwards), copied into the twin, so that the two orgs
    hold the same rows and only the neighbour differs."""
    source = await asyncpg.connect(source_url)
    try:
        missions = await source.fetch(
            """SELECT id, title, starts_at, ends_at, status FROM missions
               WHERE org = $1 AND starts_at >= $2 ORDER BY id""",
            org_id,
            dt.datetime(2028, 1, 1, tzinfo=dt.UTC),
        )
        roles = await source.fetch(
            """SELECT mission, name, quota, required_skills FROM mission_roles
               WHERE org = $1 AND mission = ANY($2::int[]) ORDER BY id""",
            org_id,
            [m["id"] for m in missions],
        )
    finally:
        await source.close()
    twin = await asyncpg.connect(twin_url)
    try:
        async with twin.transaction():
            project = await twin.fetchval(
                """INSERT INTO projects (org, name, status, starts_on, ends_on)
                   VALUES ($1, 'Copies', 'ACTIVE', '2028-01-01', '2028-12-31') RETURNING id""",
                twin_id,
            )
            new_ids = await twin.fetch(
                """INSERT INTO missions (org, project, title, starts_at, ends_at, status)
                   SELECT $1, $2, u.title, u.starts_at, u.ends_at, u.status
                   FROM unnest($3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[])
                        WITH ORDINALITY AS u(title, starts_at, ends_at, status, n)
                   ORDER BY u.n RETURNING id""",
                twin_id,
                project,
                *[[m[k] for m in missions] for k in ("title", "starts_at", "ends_at", "status")],
            )
            mapping = {m["id"]: r["id"] for m, r in zip(missions, new_ids, strict=True)}
            await twin.execute(
                """INSERT INTO mission_roles (org, mission, name, quota, required_skills)
                   SELECT $1, u.mission, u.name, u.quota,
                          ARRAY(SELECT json_array_elements_text(u.skills::json))
                   FROM unnest($2::int[], $3::text[], $4::int[], $5::text[])
                        AS u(mission, name, quota, skills)""",
                twin_id,
                [mapping[r["mission"]] for r in roles],
                [r["name"] for r in roles],
                [r["quota"] for r in roles],
                [json.dumps(list(r["required_skills"])) for r in roles],
            )
        await twin.execute("VACUUM ANALYZE missions, mission_roles")
    finally:
        await twin.close()


async def _interleaved(
    calls: dict[str, Callable[[], Awaitable[Any]]], runs: int, warmup: int = 5
) -> dict[str, list[float]]:
    """Time each call once per round, round after round: the machine's load moves every
    figure alike, and their ratios stay fair."""
    for _ in range(warmup):
        for call in calls.values():
            await call()
    samples: dict[str, list[float]] = {key: [] for key in calls}
    for _ in range(runs):
        for key, call in calls.items():
            started = time.perf_counter()
            await call()
            samples[key].append((time.perf_counter() - started) * 1000)
    return samples


#: Asks the server to rebuild the planning instead of answering from its cache.
REBUILD = {"Cache-Control": "no-cache"}


def _http_planning(running: server.Server, token: str) -> Callable[[], Awaitable[None]]:
    connection = HttpConnection(running.host, running.port)
    path = "/api/v1/planning?" + urlencode(MONTH)
    headers = {"Authorization": f"Bearer {token}", **REBUILD}

    async def call() -> None:
        status, _ = await connection.request("GET", path, headers)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")

    return call


async def measure(
    app: Any, client: Any, data: dataset.Dataset, database_url: str, runs: int, workers: int
) -> list[Figure | str]:
    """``client`` is signed in as the bench org's owner (``data``).

    The org alone and the org beside its neighbour are two databases, side by side:
    a twin of the bench org (same seed, same rows, and a copy of the missions the
    bench org gained since) alone in a database of its own, and the bench org, to
    which the neighbour is added. Each is served by uvicorn and
    their requests alternate, so that the machine's load cannot tell them apart.
    """
    import httpx

    out: list[Figure | str] = ["", f"Avec une voisine {SCALE}x plus grande dans la meme base"]
    month = ok(await client.get("/api/v1/planning", params=MONTH)).json()
    start, end = (dt.datetime.fromisoformat(month[k]) for k in ("from", "to"))

    async def planning(c: Any) -> None:
        ok(await c.get("/api/v1/planning", params=MONTH, headers=REBUILD))

    async def planning_cached(c: Any) -> None:
        ok(await c.get("/api/v1/planning", params=MONTH))

    async def conflicts_of(c: Any) -> None:
        ok(await c.get("/api/v1/conflicts", params=MONTH))

    progress("base jumelle : l'org du banc seule")
    async with (
        _twin_database(database_url) as twin_url,
        server.uvicorn_server(workers, twin_url) as alone_server,
    ):
        async with httpx.AsyncClient(base_url=alone_server.url) as twin_client:
            twin = await _signup(twin_client, "Banc de mesure (jumelle)")
            twin_token = twin_client.cookies.get("cc_access") or ""
        await dataset.load(twin_url, twin["org_id"], twin["account_id"])
        await _copy_later_missions(database_url, data.org_id, twin_url, twin["org_id"])

        progress(f"chargement de la voisine {SCALE}x")
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as big:
            signup = await _signup(big, "Voisine du banc")
            started = time.perf_counter()
            neighbour = await dataset.load(
                database_url, signup["org_id"], signup["account_id"], scale=SCALE
            )
            out.append(
                f"  Voisine : {len(neighbour.user_ids)} users, {neighbour.missions} missions,"
                f" {neighbour.assignments} assignments ; chargee en"
                f" {time.perf_counter() - started:.1f} s"
            )
            csrf = {"X-CSRF-Token": client.cookies.get("cc_csrf") or ""}
            ok(await client.post("/api/v1/auth/refresh", headers=csrf))  # a fresh token
            access = client.cookies.get("cc_access") or ""

            progress("planning sans et avec la voisine, en alternance (uvicorn)")
            async with server.uvicorn_server(workers, database_url) as beside_server:
                served = await _interleaved(
                    {
                        "alone": _http_planning(alone_server, twin_token),
                        "beside": _http_planning(beside_server, access),
                    },
                    runs,
                    warmup=5 * workers,
                )

            progress("application et SQL brut, en alternance")
            raw_twin = await asyncpg.connect(twin_url)
            raw = await asyncpg.connect(database_url)
            try:
                local = await _interleaved(
                    {
                        "app": lambda: planning(client),
                        "app_cached": lambda: planning_cached(client),
                        "raw": lambda: _raw_month(raw, data.org_id, start, end),
                        "raw_alone": lambda: _raw_month(raw_twin, twin["org_id"], start, end),
                    },
                    runs,
                )
            finally:
                await raw.close()
                await raw_twin.close()
            big_month = ok(await big.get("/api/v1/planning", params=MONTH)).json()
            big_samples = await timed(lambda: planning(big), runs)
            big_cached = await timed(lambda: planning_cached(big), runs)
            big_conflicts = await timed(lambda: conflicts_of(big), max(5, runs // 5), warmup=1)
            conflicts = await timed(lambda: conflicts_of(client), max(5, runs // 5), warmup=1)

    out += [
        Figure("GET /planning (un mois), org seule", served["alone"], note="uvicorn"),
        Figure("GET /planning (un mois), avec la voisine", served["beside"], note="uvicorn"),
        _ratio("ratio avec / sans la voisine", served["beside"], served["alone"], "<= 1.1"),
        Figure("SQL brut asyncpg (memes lignes), seule", local["raw_alone"], note="information"),
        Figure("SQL brut asyncpg (memes lignes), voisine", local["raw"], note="information"),
        Figure("GET /planning (un mois), ASGI, voisine", local["app"], note="information"),
        _ratio("ratio app (ASGI) / SQL brut", local["app"], local["raw"], "<= 1.25"),
        Figure("GET /planning (un mois), ASGI, en cache", local["app_cached"], note="information"),
        _ratio("ratio app en cache / SQL brut", local["app_cached"], local["raw"], "<= 1.25"),
        Figure(
            f"GET /planning (un mois) de la voisine {SCALE}x",
            big_samples,
            "p95 < 50 ms",
            note=f"{len(big_month['missions'])} missions, {len(big_month['assignments'])} assign.",
        ),
        Figure(
            f"GET /planning (un mois) de la voisine {SCALE}x, en cache",
            big_cached,
            "p95 < 50 ms",
        ),
        Figure("GET /conflicts (un mois), avec la voisine", conflicts, note="information"),
        Figure("GET /conflicts (un mois) de la voisine", big_conflicts, note="information"),
    ]

    progress(f"serveur uvicorn reel ({workers} workers)")
    ok(await client.post("/api/v1/auth/refresh", headers=csrf))
    access = client.cookies.get("cc_access") or ""
    links = await server.make_invitations(
        database_url, data.org_id, data.owner_account, data.user_ids, ACCEPT_LINKS
    )
    async with server.uvicorn_server(workers, database_url) as running:
        progress(f"planning : {PLANNING_CLIENTS} clients, {LOAD_SECONDS:.0f} s")
        reads = await server.planning_load(running, access, MONTH, PLANNING_CLIENTS, LOAD_SECONDS)
        rebuilt = await server.planning_load(
            running, access, MONTH, PLANNING_CLIENTS, LOAD_SECONDS, rebuild=True
        )
        progress(f"acceptations publiques : {ACCEPT_CLIENTS} clients")
        accepts = await server.accept_load(running, links, ACCEPT_CLIENTS, LOAD_SECONDS)
    out += [
        "",
        f"Serveur reel (uvicorn, {workers} workers, TCP local, client HTTP minimal)",
        _load_line(f"GET /planning (un mois), {PLANNING_CLIENTS} clients", reads, ">= 200 /s"),
        _load_line("  le meme, reconstruit a chaque requete", rebuilt, "information"),
        _load_line(
            f"POST accept public, {ACCEPT_CLIENTS} clients", accepts, ">= 800 /s, p99 < 100 ms"
        ),
    ]
    return out
