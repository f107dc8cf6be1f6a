"""/healthz (process up) and /readyz (database reachable, migrations at head)."""

from __future__ import annotations

from typing import Any

from litestar import Response, get

from coulisses import __version__
from coulisses.db.connection import fetch
from coulisses.db.migrate import pending_migrations
from coulisses.errors import error_body


@get("/healthz", operation_id="Healthz", tags=["ops"])
async def healthz() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


@get("/readyz", operation_id="Readyz", tags=["ops"])
async def readyz() -> Response[dict[str, Any]]:
    try:
        await fetch("SELECT 1")
    except Exception as exc:
        return Response(
            error_body("ops.db_unreachable", f"Database unreachable: {exc}"), status_code=503
        )
    pending = await pending_migrations()
    if pending:
        return Response(
            error_body(
                "ops.migrations_pending", "Migrations are not at head", {"pending": pending}
            ),
            status_code=503,
        )
    return Response({"status": "ready", "database": "ok", "migrations": "head"})
