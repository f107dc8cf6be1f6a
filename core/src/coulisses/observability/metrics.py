"""Prometheus metrics: the series the product records (``GET /metrics`` in ``api.py``).

HTTP requests are counted by Litestar's Prometheus middleware (route template, not the
raw path, so ids do not explode the series): ``coulisses_http_requests_total``,
``coulisses_http_request_duration_seconds``, ``coulisses_http_requests_in_progress``,
``coulisses_http_requests_error_total``, labelled ``method``, ``path``,
``status_code``. The rest is recorded where it happens:

- ``coulisses_db_query_duration_seconds`` (every statement of the app's pool, asyncpg's
  query logger) and ``coulisses_db_pool_connections{state}`` (in use, idle, max);
- ``coulisses_jobs_total{job,outcome}`` and ``coulisses_job_duration_seconds{job}``
  (every job and cron the worker runs), ``coulisses_job_queue_depth{state}``;
- ``coulisses_outbox_pending`` and ``coulisses_outbox_oldest_pending_seconds`` (rows
  committed but not yet pushed to the queue or the live bus: the event lag),
  ``coulisses_events_waiting{state}`` (domain events for plugins: due, retrying, dead);
- ``coulisses_sse_connections`` (live streams open);
- ``coulisses_invitation_deliveries_total{channel,outcome}``;
- ``coulisses_assignment_transitions_total{from_status,to_status}``;
- ``coulisses_db_replica_reads_total{served}`` (reads offered to ``DATABASE_READ_URL``).

The gauges read from shared state (queue, outbox, events) are refreshed when
``/metrics`` is scraped. Several processes (uvicorn workers, app replicas on one host)
share their series when ``PROMETHEUS_MULTIPROC_DIR`` names a directory they can all
write (prometheus-client's multiprocess mode; empty it at deploy).

``/metrics`` carries no org data: counts only, never an id, a name or a path with an
id.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import threading
import time
from collections.abc import Iterable
from functools import lru_cache
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from litestar.plugins.prometheus import PrometheusConfig
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    make_wsgi_app,
    multiprocess,
)

from coulisses.settings import get_settings

#: Latency buckets (seconds) shared by requests, queries and jobs.
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

HTTP = PrometheusConfig(
    app_name="coulisses",
    prefix="coulisses_http",
    group_path=True,  # the route template (/api/v1/missions/{mission_id}), not the path
    buckets=list(BUCKETS),
    exclude=["^/metrics$"],
    exclude_unhandled_paths=True,
)

DB_QUERY_SECONDS = Histogram(
    "coulisses_db_query_duration_seconds",
    "Duration of the statements sent by the app's database pool",
    buckets=BUCKETS,
)
DB_POOL = Gauge(
    "coulisses_db_pool_connections",
    "Connections of this process's database pool",
    ["state"],
    multiprocess_mode="livesum",
)
JOBS = Counter("coulisses_jobs_total", "Jobs run, by job name and outcome", ["job", "outcome"])
JOB_SECONDS = Histogram(
    "coulisses_job_duration_seconds", "Duration of the jobs run", ["job"], buckets=BUCKETS
)
QUEUE_DEPTH = Gauge(
    "coulisses_job_queue_depth",
    "Jobs in the queue: queued (waiting for a worker), active (running)",
    ["state"],
    multiprocess_mode="mostrecent",
)
OUTBOX_PENDING = Gauge(
    "coulisses_outbox_pending",
    "Outbox rows committed but not pushed yet (jobs and live events)",
    multiprocess_mode="mostrecent",
)
OUTBOX_OLDEST = Gauge(
    "coulisses_outbox_oldest_pending_seconds",
    "Age of the oldest outbox row not pushed yet (0 when none): the event lag",
    multiprocess_mode="mostrecent",
)
EVENTS_WAITING = Gauge(
    "coulisses_events_waiting",
    "Domain events waiting for plugins: due, retrying, dead (dead-lettered)",
    ["state"],
    multiprocess_mode="mostrecent",
)
SSE_CONNECTIONS = Gauge(
    "coulisses_sse_connections", "Live event streams open", multiprocess_mode="livesum"
)
DELIVERIES = Counter(
    "coulisses_invitation_deliveries_total",
    "Invitation links handed to a channel, by channel and outcome",
    ["channel", "outcome"],
)
REPLICA_READS = Counter(
    "coulisses_db_replica_reads_total",
    "Reads offered to the read replica (DATABASE_READ_URL), by where they were served:"
    " replica, primary_behind (the replica lagged), primary_unavailable",
    ["served"],
)
TRANSITIONS = Counter(
    "coulisses_assignment_transitions_total",
    "Assignment status changes (from_status NEW for a new assignment)",
    ["from_status", "to_status"],
)


def observe_query(record: Any) -> None:
    """asyncpg query logger: one observation per statement (``record.elapsed`` seconds)."""
    DB_QUERY_SECONDS.observe(record.elapsed)


#: The status change each assignment event records (``AssignmentCancelled`` says its own
#: ``previous_status``; a promotion keeps ACCEPTED and is not a change).
_TRANSITION_OF = {
    "AssignmentInvited": ("NEW", "INVITED"),
    "AssignmentAccepted": ("INVITED", "ACCEPTED"),
    "AssignmentDeclined": ("INVITED", "DECLINED"),
}


def count_transitions(events: Iterable[tuple[Any, str, dict[str, Any]]]) -> None:
    """Count the assignment events ``(org_id, kind, data)`` published by the outbox (after
    commit: a rolled-back change never counts)."""
    for _, kind, data in events:
        change = _TRANSITION_OF.get(kind)
        if change is not None:
            TRANSITIONS.labels(*change).inc()
        elif kind == "AssignmentCancelled":
            TRANSITIONS.labels(str(data.get("previous_status") or "UNKNOWN"), "CANCELLED").inc()


class JobTimer:
    """``with JobTimer(name):`` around a job: its duration and outcome (ok, error)."""

    def __init__(self, job: str) -> None:
        self.job = job
        self.started = 0.0

    def __enter__(self) -> JobTimer:
        self.started = time.perf_counter()
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: Any) -> None:
        JOB_SECONDS.labels(self.job).observe(time.perf_counter() - self.started)
        JOBS.labels(self.job, "ok" if kind is None else "error").inc()


@lru_cache(maxsize=8)
def _networks(spec: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(
        ipaddress.ip_network(p.strip(), strict=False) for p in spec.split(",") if p.strip()
    )


def scrape_allowed(authorization: str, client_host: str | None) -> bool:
    """Who may read the series: anyone in dev; elsewhere the bearer of
    ``COULISSES_METRICS_TOKEN`` or a client of a ``COULISSES_METRICS_ALLOW`` network."""
    settings = get_settings()
    if settings.is_dev:
        return True
    token = settings.metrics_token
    if token and hmac.compare_digest(authorization.encode(), f"Bearer {token}".encode()):
        return True
    if not client_host:
        return False
    try:
        address = ipaddress.ip_address(client_host)
    except ValueError:
        return False
    return any(address in network for network in _networks(settings.metrics_allow))


def registry() -> Any:
    """The registry to expose: this process's, or every process's of
    ``PROMETHEUS_MULTIPROC_DIR``."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        shared = CollectorRegistry()
        multiprocess.MultiProcessCollector(shared)  # type: ignore[no-untyped-call]
        return shared
    return REGISTRY


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access line per scrape."""


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def serve_worker_metrics(port: int, host: str) -> WSGIServer:
    """The worker's own ``/metrics`` (its jobs, deliveries, SQL): a small HTTP server in a
    daemon thread, under the same rule as the app's (token or network outside dev)."""
    exposition = make_wsgi_app(registry())

    def app(environ: dict[str, Any], start_response: Any) -> Any:
        if not scrape_allowed(environ.get("HTTP_AUTHORIZATION", ""), environ.get("REMOTE_ADDR")):
            start_response("403 Forbidden", [("Content-Type", "application/json")])
            return [
                b'{"error": {"code": "metrics.forbidden", "message": "Metrics are for the'
                b" operators' scraper\"}}"
            ]
        return exposition(environ, start_response)

    server = make_server(host, port, app, _ThreadingServer, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, name="worker-metrics", daemon=True).start()
    return server
