"""``GET /metrics``: the Prometheus exposition of ``coulisses.observability.metrics``.

Open in dev. Elsewhere it answers a scraper that sends
``Authorization: Bearer <COULISSES_METRICS_TOKEN>`` or connects from a network of
``COULISSES_METRICS_ALLOW`` (loopback by default), and 403 ``metrics.forbidden`` to
anyone else.
"""

from __future__ import annotations

import logging
from typing import Any

from litestar import Request, Response, get
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    generate_latest,
)

from coulisses.errors import DomainError
from coulisses.observability.metrics import (
    DB_POOL,
    EVENTS_WAITING,
    OUTBOX_OLDEST,
    OUTBOX_PENDING,
    QUEUE_DEPTH,
    registry,
    scrape_allowed,
)

logger = logging.getLogger(__name__)


async def _refresh() -> None:
    """The gauges that read shared state, as they are now. A failing source leaves its
    gauges as they were (the scrape still answers; the error is logged)."""
    from coulisses.db.connection import engine, fetch
    from coulisses.jobs.queue import current_runtime
    from coulisses.plugins.dispatch import counts

    pool = engine().pool
    if pool is not None:
        size, idle = pool.get_size(), pool.get_idle_size()
        DB_POOL.labels("in_use").set(size - idle)
        DB_POOL.labels("idle").set(idle)
        DB_POOL.labels("max").set(pool.get_max_size())
    try:
        rows = await fetch(
            "SELECT count(*) AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0)"
            " AS age FROM outbox WHERE pushed_at IS NULL"
        )
        OUTBOX_PENDING.set(rows[0]["n"])
        OUTBOX_OLDEST.set(float(rows[0]["age"]))
        for state, n in (await counts()).items():
            EVENTS_WAITING.labels(state).set(n)
    except Exception:
        logger.warning("metrics: outbox and events not read", exc_info=True)
    runtime = current_runtime()
    if runtime is not None:
        try:
            QUEUE_DEPTH.labels("queued").set(await runtime.queue.count("queued"))
            QUEUE_DEPTH.labels("active").set(await runtime.queue.count("active"))
        except Exception:
            logger.warning("metrics: queue not read", exc_info=True)


@get("/metrics", include_in_schema=False, opt={"skip_auth": True})
async def metrics(request: Request[Any, Any, Any]) -> Response[bytes]:
    """The Prometheus text exposition of every series above."""
    client = request.scope.get("client")
    if not scrape_allowed(request.headers.get("authorization", ""), client[0] if client else None):
        raise DomainError(
            "metrics.forbidden",
            "Metrics are for the operators' scraper: send the metrics token or scrape"
            " from an allowed network",
            status=403,
        )
    await _refresh()
    return Response(
        generate_latest(registry()),
        media_type=CONTENT_TYPE_LATEST,
        headers={"Cache-Control": "no-store"},
    )
