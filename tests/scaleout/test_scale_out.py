"""Scale-out, proven on this machine: two app processes and two workers, one PostgreSQL,
one Redis (the design's stateless processes: N replicas and M workers behind a proxy).

Real processes (``uvicorn coulisses.web.app:create_app`` and ``coulisses worker``, as
deployed) on the test run's database, queue and mail sink. Each test talks to both app
processes, as a round-robin proxy would, and proves one property: a live event caused on
one process reaches a stream held by the other; rate limits are counted once for the
cluster; each job runs once whatever the number of workers; restarting an app process in
the middle of a load loses no accepted request (clients retry on the other process, as
the API allows for idempotent answers); a cron fires once per schedule across workers;
killing a worker in the middle of a job loses no job (another worker runs it again).

The workers are ``coulisses worker`` plus a cron and a job the tests observe
(``tests/scaleout/worker.py``).

Needs Redis (the shared live bus and rate limits): skipped without ``REDIS_URL``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from coulisses.db.connection import database_url
from coulisses.settings import get_settings
from tests.helpers import PASSWORD, OrgSession
from tests.integration.scheduling.factories import make_mission, make_project, make_user

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="scale-out needs Redis (shared live bus and rate limits)",
)

#: How long a condition may take before the test fails (never a fixed sleep).
PATIENCE = 60.0
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class AppProcess:
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [
            sys.executable, "-m", "uvicorn", "coulisses.web.app:create_app", "--factory",
            "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning",
            "--no-access-log", "--timeout-graceful-shutdown", "20",
        ]  # fmt: skip
        self.process = subprocess.Popen(command)

    async def ready(self) -> None:
        await _until(lambda: self._answers(), f"app on {self.port} ready")

    async def _answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"app on {self.port} exited with {self.process.returncode}")
        try:
            async with httpx.AsyncClient(timeout=2) as client:
                return (await client.get(f"{self.url}/readyz")).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # graceful: in-flight requests finish
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class Cluster:
    apps: list[AppProcess]
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    #: Each worker's own /metrics (COULISSES_WORKER_METRICS_PORT).
    worker_metrics: list[str] = field(default_factory=list)


async def _until(condition: Any, what: str, patience: float = PATIENCE) -> None:
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if await condition():
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {what}")


#: The workers' job heartbeat (seconds): a killed worker's job is run again within ~5 s.
HEARTBEAT = 3


def _start_worker(metrics_port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.scaleout.worker"],
        cwd=ROOT,
        env={
            **os.environ,
            "COULISSES_WORKER_METRICS_PORT": str(metrics_port),
            "COULISSES_WORKER_METRICS_HOST": "127.0.0.1",
            "COULISSES_JOB_HEARTBEAT": str(HEARTBEAT),
        },
    )


@pytest.fixture(scope="module")
async def cluster(database: str, mail_sink: Any) -> AsyncIterator[Cluster]:
    from tests.scaleout.worker import TABLES

    conn = await asyncpg.connect(database_url())
    try:
        await conn.execute(TABLES)
    finally:
        await conn.close()
    apps = [AppProcess(_free_port()), AppProcess(_free_port())]
    for app in apps:
        app.start()
    ports = [_free_port(), _free_port()]
    workers = [_start_worker(port) for port in ports]
    try:
        await asyncio.wait_for(asyncio.gather(*(a.ready() for a in apps)), PATIENCE)
        yield Cluster(apps, workers, [f"http://127.0.0.1:{p}/metrics" for p in ports])
    finally:
        for app in apps:
            await asyncio.to_thread(app.stop)
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                await asyncio.to_thread(worker.wait, 30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


@contextlib.asynccontextmanager
async def _owner(cluster: Cluster) -> AsyncIterator[tuple[OrgSession, OrgSession]]:
    """A new org's owner, signed in on process A, and the same session on process B (the
    access token as a Bearer: no cookie or CSRF to carry over)."""
    a, b = cluster.apps
    async with httpx.AsyncClient(base_url=a.url, timeout=30) as on_a:
        email = f"scale-{time.monotonic_ns()}@example.org"
        signed = await on_a.post(
            "/api/v1/auth/signup",
            json={"email": email, "password": PASSWORD, "org_name": "Deux processus"},
        )
        assert signed.status_code == 201, signed.text
        body = signed.json()
        token = on_a.cookies.get("cc_access")
        headers = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(base_url=b.url, timeout=30, headers=headers) as on_b:
            yield (
                OrgSession(on_a, body["org_id"], body["account_id"], email, PASSWORD),
                OrgSession(on_b, body["org_id"], body["account_id"], email, PASSWORD),
            )


async def test_a_live_event_caused_on_one_process_reaches_a_stream_on_the_other(cluster):
    async with _owner(cluster) as (org_a, org_b):
        token = org_a.client.cookies.get("cc_access")
        events: list[str] = []
        headers = {"Authorization": f"Bearer {token}"}
        async with (
            httpx.AsyncClient(base_url=cluster.apps[0].url, timeout=None) as on_a,
            on_a.stream("GET", "/api/v1/events", headers=headers) as stream,
        ):
            lines = stream.aiter_lines()
            assert (await anext(lines)).startswith(": connected")
            project = await make_project(org_b)  # written through process B
            await make_mission(org_b, project["id"])

            async def mission_seen() -> bool:
                line = await asyncio.wait_for(anext(lines), PATIENCE)
                events.append(line)
                return line == "event: MissionChanged"

            await _until(mission_seen, "MissionChanged on process A's stream")


async def test_rate_limits_are_counted_once_for_the_cluster(cluster):
    limit = get_settings().login_max_attempts
    async with _owner(cluster) as (org_a, _):
        answers = []
        for attempt in range(limit + 1):
            app = cluster.apps[attempt % 2]
            async with httpx.AsyncClient(base_url=app.url, timeout=30) as client:
                response = await client.post(
                    "/api/v1/auth/login", json={"email": org_a.email, "password": "wrong-" * 3}
                )
            answers.append(response.status_code)
        # Each process alone would have seen half the attempts, under the limit.
        assert answers[:limit] == [401] * limit, answers
        assert answers[limit] == 429, answers


async def test_each_job_runs_once_whatever_the_number_of_workers(cluster, mail_sink):
    invitees = 16
    tag = f"scale{time.monotonic_ns()}"
    async with _owner(cluster) as (org_a, org_b):
        project = await make_project(org_a)
        mission = await make_mission(
            org_a, project["id"], roles=[{"name": "accueil", "quota": invitees}]
        )
        role = mission["roles"][0]["id"]
        for n in range(invitees):
            org = (org_a, org_b)[n % 2]
            user = await make_user(org, email=f"{tag}-{n}@example.org")
            response = await org.post(
                "/api/v1/assignments", json={"mission_role_id": role, "user_id": user["id"]}
            )
            assert response.status_code == 201, response.text

        conn = await asyncpg.connect(database_url())
        try:

            async def all_sent() -> bool:
                sent = await conn.fetchval(
                    "SELECT count(*) FROM invitations WHERE org = $1 AND delivery_status = 'sent'",
                    org_a.org_id,
                )
                return bool(sent == invitees)

            await _until(all_sent, "every invitation delivered by the workers")
        finally:
            await conn.close()
        # One mail per invitee: no job ran twice (each run sends its mail).
        received = [m for m in mail_sink.messages if tag in str(m["To"])]
        addresses = sorted(str(m["To"]) for m in received)
        assert len(addresses) == invitees, addresses
        assert len(set(addresses)) == invitees
        # Each worker tells Prometheus what it ran: together, every delivery once.
        from prometheus_client.parser import text_string_to_metric_families

        sent = 0.0
        async with httpx.AsyncClient(timeout=10) as scraper:
            for url in cluster.worker_metrics:
                response = await scraper.get(url)
                assert response.status_code == 200
                for family in text_string_to_metric_families(response.text):
                    for sample in family.samples:
                        if sample.name == "coulisses_invitation_deliveries_total" and (
                            sample.labels == {"channel": "email", "outcome": "sent"}
                        ):
                            sent += sample.value
        assert sent >= invitees  # this test's, plus any earlier of the module


async def test_restarting_an_app_process_under_load_loses_no_accepted_request(cluster):
    from bench.server import make_invitations

    links_count = 240
    async with _owner(cluster) as (org_a, _):
        user = await make_user(org_a, email=f"load-{time.monotonic_ns()}@example.org")
        links = await make_invitations(
            database_url(), org_a.org_id, org_a.account_id, [user["id"]], links_count
        )
    a, b = cluster.apps
    accepted: set[int] = set()
    retried = 0
    restarted = asyncio.Event()

    async def answer(worker: int, share: list[tuple[int, str]]) -> None:
        nonlocal retried
        async with httpx.AsyncClient(timeout=30) as client:
            for n, (invitation_id, token) in enumerate(share):
                target = (a, b)[(worker + n) % 2]
                for _attempt in range(20):
                    try:
                        response = await client.post(
                            f"{target.url}/api/v1/invitations/{invitation_id}/accept",
                            params={"token": token},
                            headers={"X-Forwarded-For": f"10.88.0.{worker + 1}"},
                        )
                    except httpx.TransportError:
                        response = None
                    if response is not None and response.status_code == 200:
                        accepted.add(invitation_id)
                        break
                    assert response is None or response.status_code == 503, response.text
                    retried += 1
                    target = b if target is a else a  # the proxy's next upstream
                    await asyncio.sleep(0.05)
                else:
                    raise AssertionError(f"invitation {invitation_id} never accepted")

    async def restart_a() -> None:
        await _until(lambda: _reached(accepted, links_count // 4), "a quarter answered")
        await asyncio.to_thread(a.stop)
        a.start()
        await a.ready()
        restarted.set()

    clients = 8
    shares = [links[n::clients] for n in range(clients)]
    await asyncio.gather(restart_a(), *(answer(n, share) for n, share in enumerate(shares)))
    assert restarted.is_set()
    assert len(accepted) == links_count
    conn = await asyncpg.connect(database_url())
    try:
        statuses = await conn.fetch(
            """SELECT a.status, count(*) FROM invitations i JOIN assignments a
               ON a.id = i.assignment WHERE i.id = ANY($1::int[]) GROUP BY a.status""",
            [i for i, _ in links],
        )
    finally:
        await conn.close()
    assert {r["status"]: r["count"] for r in statuses} == {"ACCEPTED": links_count}


async def _reached(accepted: set[int], count: int) -> bool:
    return len(accepted) >= count


async def _fetch(query: str, *args: Any) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(database_url())
    try:
        return list(await conn.fetch(query, *args))
    finally:
        await conn.close()


async def test_a_cron_fires_once_per_schedule_across_workers(cluster):
    """Both workers schedule the 2-second cron; each due time runs on one of them only."""
    first = await _fetch("SELECT coalesce(max(scheduled), 0) AS s FROM scaleout_ticks")
    since = int(first[0]["s"])

    async def ticks_seen() -> bool:
        rows = await _fetch(
            "SELECT count(DISTINCT scheduled) AS n FROM scaleout_ticks WHERE scheduled > $1",
            since,
        )
        return bool(rows[0]["n"] >= 4)

    await _until(ticks_seen, "four cron ticks")
    rows = await _fetch(
        """SELECT scheduled, count(*) AS runs, array_agg(pid) AS pids FROM scaleout_ticks
           WHERE scheduled > $1 GROUP BY scheduled ORDER BY scheduled""",
        since,
    )
    assert all(r["runs"] == 1 for r in rows), [dict(r) for r in rows]
    # Due times two seconds apart (a slow tick may skip one, never repeat one).
    times = [r["scheduled"] for r in rows]
    assert all(b - a >= 2 for a, b in itertools.pairwise(times)), times


async def test_killing_a_worker_in_the_middle_of_a_job_loses_no_job(cluster):
    from saq import Queue
    from saq.job import Status

    from coulisses.jobs.queue import job_options
    from coulisses.sealing import seal
    from tests.scaleout.worker import HOLD

    instance = await _fetch("SELECT instance_id::text AS id FROM instance_info")
    name = f"{get_settings().queue_name}-{instance[0]['id'][:13]}"
    queue = Queue.from_url(os.environ["REDIS_URL"], name=name)
    key = f"hold-{time.monotonic_ns()}"
    try:
        # As the outbox pusher queues any job (coulisses.jobs.queue.JobRuntime.push).
        options = job_options({"heartbeat": HEARTBEAT, "timeout": 600})
        assert options["retries"] > 1
        await queue.enqueue(HOLD, key=key, sealed=seal({"key": key}), **options)

        async def started() -> bool:
            return bool(await _fetch("SELECT 1 FROM scaleout_runs WHERE key = $1", key))

        await _until(started, "the job started on a worker")
        runs = await _fetch("SELECT pid FROM scaleout_runs WHERE key = $1", key)
        victim = next(w for w in cluster.workers if w.pid == runs[0]["pid"])
        victim.kill()  # SIGKILL: no graceful stop, the job is left "active"
        await asyncio.to_thread(victim.wait)
        await _fetch("INSERT INTO scaleout_releases (key) VALUES ($1)", key)

        async def finished() -> bool:
            return bool(
                await _fetch(
                    "SELECT 1 FROM scaleout_runs WHERE key = $1 AND state = 'finished'", key
                )
            )

        await _until(finished, "the job run again and finished by the other worker")
        runs = await _fetch("SELECT pid, state FROM scaleout_runs WHERE key = $1 ORDER BY at", key)
        survivor = next(w for w in cluster.workers if w is not victim)
        assert [(r["pid"], r["state"]) for r in runs] == [
            (victim.pid, "started"),
            (survivor.pid, "started"),
            (survivor.pid, "finished"),
        ]
        job = await queue.job(key)
        assert job is not None
        assert job.status == Status.COMPLETE, job
    finally:
        await queue.disconnect()
        # The module's other tests keep two workers.
        index = next((i for i, w in enumerate(cluster.workers) if w.poll() is not None), None)
        if index is not None:
            port = int(cluster.worker_metrics[index].split(":")[2].split("/")[0])
            cluster.workers[index] = _start_worker(port)
