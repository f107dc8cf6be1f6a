"""/healthz (process up) and /readyz (database reachable, migrations at head).

/readyz also names the plugins loaded and those left out with the reason (a broken
plugin does not make the instance unready: the core and the other plugins work), and
counts the domain events waiting for plugins (``due``, ``retrying``) and dead-lettered
(``dead``: list them with ``coulisses events failed``).

Both skip the authentication lookup (``skip_auth``): a probe that sends a Bearer
header must get the database's state, not the failure of the account query.
"""

from __future__ import annotations

from typing import Any

from litestar import Response, get

from coulisses import __version__
from coulisses.db.connection import fetch
from coulisses.db.migrate import pending_migrations
from coulisses.errors import RETRY_AFTER_SECONDS, error_body, unavailable_cause


@get("/healthz", operation_id="Healthz", tags=["ops"], opt={"skip_auth": True})
async def healthz() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


@get("/readyz", operation_id="Readyz", tags=["ops"], opt={"skip_auth": True})
async def readyz() -> Response[dict[str, Any]]:
    try:
        await fetch("SELECT 1")
        pending = await pending_migrations()
    except Exception as exc:
        if unavailable_cause(exc) is None:
            raise
        return Response(
            error_body("ops.db_unreachable", f"Database unreachable: {type(exc).__name__}"),
            status_code=503,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    if pending:
        return Response(
            error_body(
                "ops.migrations_pending", "Migrations are not at head", {"pending": pending}
            ),
            status_code=503,
        )
    from coulisses.plugins.dispatch import counts
    from coulisses.plugins.loader import get_registry

    registry = get_registry()
    events = await counts()
    return Response(
        {
            "status": "ready",
            "database": "ok",
            "migrations": "head",
            "plugins": {"loaded": sorted(registry.plugins), "rejected": dict(registry.rejected)},
            "events": events,
        }
    )
