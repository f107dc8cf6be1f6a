"""``python -m bench``: the large org, then the hot routes timed through the real app.

Requests go through ``httpx.ASGITransport`` into ``create_app()`` with its
lifespan (pool, job queue, live bus), so a figure covers the whole server path
(auth middleware, guards, service, database, JSON) but no network. For the
planning, the service alone is timed too, to tell the database from the rest.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import time
import uuid
from typing import Any

from bench import dataset, festival, imports, payroll, scale
from bench.database import server, throwaway
from bench.figures import Figure
from bench.figures import ok as _ok
from bench.figures import progress as _progress
from bench.figures import timed as _timed

MONTH = {"from": "2027-06-01", "to": "2027-06-30"}  # a date `to` includes its day
QUARTER = {"from": "2027-05-01", "to": "2027-07-31"}  # 92 days, under the 93-day cap
PASSWORD = "Banc-De-Mesure-2027"
#: Asks the server to rebuild the planning instead of answering from its cache.
REBUILD = {"Cache-Control": "no-cache"}


#: The parts ``--only`` can pick (the data set is always loaded first).
PARTS = ("planning", "bulk", "festival", "imports", "payroll", "conflicts", "scale")


async def _measure(
    app: Any, database_url: str, runs: int, workers: int, only: set[str] | None = None
) -> list[Figure | str]:
    import httpx

    from coulisses.scheduling.planning import service as planning

    out: list[Figure | str] = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        signup = _ok(
            await client.post(
                "/api/v1/auth/signup",
                json={
                    "email": f"bench-{uuid.uuid4().hex[:6]}@example.org",
                    "password": PASSWORD,
                    "org_name": "Banc de mesure",
                },
            ),
            201,
        ).json()
        csrf = {"X-CSRF-Token": client.cookies.get("cc_csrf") or ""}
        _progress("chargement des donnees")
        started = time.perf_counter()
        data = await dataset.load(database_url, signup["org_id"], signup["account_id"])
        out.append(
            f"Jeu de donnees : {len(data.user_ids)} users, {data.missions} missions"
            f" ({data.roles} roles), {data.assignments} assignments,"
            f" {data.windows} indisponibilites ; charge en {time.perf_counter() - started:.1f} s"
        )

        def wanted(part: str) -> bool:
            return only is None or part in only

        month = _ok(await client.get("/api/v1/planning", params=MONTH)).json()
        out.append(
            f"Planning de juin 2027 : {len(month['missions'])} missions,"
            f" {len(month['assignments'])} assignments, {len(month['users'])} users"
        )

        async def get(path: str, params: dict[str, Any]) -> None:
            # Rebuilt every time (Cache-Control: no-cache): the price of a planning that
            # changed; the cache's own figures follow.
            _ok(await client.get(path, params=params, headers=REBUILD))

        if wanted("planning"):
            _progress("planning")

            async def cached(etag: str | None = None) -> None:
                headers = {"If-None-Match": etag} if etag else {}
                response = await client.get("/api/v1/planning", params=MONTH, headers=headers)
                _ok(response, 304 if etag else 200)

            out.append(
                Figure(
                    "GET /planning (un mois), reconstruit",
                    await _timed(lambda: get("/api/v1/planning", MONTH), runs),
                    "p95 < 50 ms",
                )
            )
            etag = _ok(await client.get("/api/v1/planning", params=MONTH)).headers["etag"]
            out.append(
                Figure(
                    "GET /planning (un mois), en cache",
                    await _timed(cached, runs),
                    note="information",
                )
            )
            out.append(
                Figure(
                    "GET /planning (un mois), 304 (ETag)",
                    await _timed(lambda: cached(etag), runs),
                    note="information",
                )
            )
            tz_month = (MONTH["from"], MONTH["to"])
            out.append(
                Figure(
                    "  dont service seul (SQL + structs)",
                    await _timed(lambda: planning.planning(data.org_id, *tz_month), runs),
                )
            )
            out.append(
                Figure(
                    "GET /planning (92 jours)",
                    await _timed(lambda: get("/api/v1/planning", QUARTER), max(10, runs // 5)),
                    note="information",
                )
            )
            one_user = {**MONTH, "user": data.user_ids[0]}
            out.append(
                Figure(
                    "GET /planning (un mois, un user)",
                    await _timed(lambda: get("/api/v1/planning", one_user), runs),
                    note="information",
                )
            )

        if wanted("bulk"):
            _progress("bulk_create")
            bulk_samples: list[float] = []
            for n in range(3):
                project = _ok(
                    await client.post(
                        "/api/v1/projects",
                        json={
                            "name": f"Bulk {n}",
                            "starts_on": "2028-01-01",
                            "ends_on": "2028-12-31",
                        },
                        headers=csrf,
                    ),
                    201,
                ).json()
                body = {
                    "title": "Service",
                    "date_from": "2028-01-01",
                    "date_to": "2028-09-06",  # 250 days x 4 slots = 1,000 missions
                    "slots": [
                        {"start": "08:00", "end": "12:00"},
                        {"start": "13:00", "end": "17:00"},
                        {"start": "18:00", "end": "23:00"},
                        {"start": "23:30", "end": "03:00", "ends_next_day": True},
                    ],
                    "place": "Grande salle",
                    "roles": [
                        {"name": "technicien son", "quota": 2, "required_skills": ["son"]},
                        {"name": "machiniste", "quota": 3, "required_skills": ["machiniste"]},
                    ],
                }
                started = time.perf_counter()
                response = _ok(
                    await client.post(
                        f"/api/v1/projects/{project['id']}/missions:bulk_create",
                        json=body,
                        headers=csrf,
                    ),
                    201,
                )
                bulk_samples.append((time.perf_counter() - started) * 1000)
                if response.json()["created"] != 1000:
                    raise RuntimeError(f"bulk_create made {response.json()['created']} missions")
            out.append(
                Figure(
                    "POST missions:bulk_create (1 000 missions)",
                    bulk_samples,
                    "< 1 000 ms",
                    note="3 essais : " + ", ".join(f"{x:.0f}" for x in bulk_samples) + " ms",
                )
            )
        if wanted("festival"):
            out += [Figure(*figure) for figure in await festival.figures(client, csrf)]
        if wanted("imports"):
            out += await imports.figures(client, csrf)
        if wanted("payroll"):
            out += await payroll.figures(client, csrf, data, database_url, runs)

        has_conflicts = any(route.path == "/api/v1/conflicts" for route in app.routes)
        if wanted("conflicts") and not has_conflicts:
            out.append("GET /conflicts : route absente de cette version, mesure sautee")
        elif wanted("conflicts"):
            _progress("conflits")
            report = _ok(await client.get("/api/v1/conflicts", params=MONTH)).json()
            found = report.get("counts") or len(report.get("items", []))
            out.append(f"Conflits de juin 2027 : {found}")
            out.append(
                Figure(
                    "GET /conflicts (un mois)",
                    await _timed(
                        lambda: get("/api/v1/conflicts", MONTH), max(10, runs // 2), warmup=2
                    ),
                    "< 200 ms",
                )
            )

        if wanted("scale"):
            out += await scale.measure(app, client, data, database_url, runs, workers)
    return out


async def _clean_redis(queue_name: str) -> None:
    url = os.environ.get("REDIS_URL")
    if not url:
        return
    from redis.asyncio import Redis

    redis = Redis.from_url(url)
    try:
        keys = [k async for k in redis.scan_iter(f"*{queue_name}*")]
        if keys:
            await redis.delete(*keys)
    finally:
        await redis.aclose()


async def _run(
    maintenance_url: str, runs: int, workers: int, queue_name: str, only: set[str] | None = None
) -> list[Figure | str]:
    async with throwaway(maintenance_url) as database_url:
        from coulisses.db.migrate import migrate
        from coulisses.web.app import create_app

        _progress("migrations")
        await migrate(quiet=True)
        app = create_app()
        try:
            async with app.lifespan():
                return await _measure(app, database_url, runs, workers, only)
        finally:
            await _clean_redis(queue_name)


def _load() -> str:
    cores = os.cpu_count() or 1
    if not hasattr(os, "getloadavg"):  # Windows
        return f"{cores} coeurs"
    return f"{cores} coeurs, charge moyenne {os.getloadavg()[0]:.1f} sur la derniere minute"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=50, help="timed requests per figure")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="uvicorn workers (real server)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=PARTS,
        help="measure only this part (repeatable; the data set is loaded anyway)",
    )
    args = parser.parse_args(argv)
    # Before the settings are first read: the bench's jobs and live events get their own keys.
    queue_name = f"coulisses-bench-{uuid.uuid4().hex[:8]}"
    os.environ["COULISSES_QUEUE_NAME"] = queue_name
    os.environ.setdefault("PICCOLO_CONF", "coulisses.db.piccolo_conf")
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    print("Banc de mesure Coulisses Crew (base jetable, app ASGI reelle, sans reseau)", flush=True)
    with server() as maintenance_url:
        lines = asyncio.run(
            _run(
                maintenance_url,
                args.runs,
                args.workers,
                queue_name,
                set(args.only) if args.only else None,
            )
        )
    print()
    for item in lines:
        print(item.line() if isinstance(item, Figure) else item)
    print(f"Machine : {_load()} (d'autres processus faussent les p95)")
    print()


if __name__ == "__main__":
    main()
