"""Serves the built web app (``frontend/dist``) from the API process.

Hashed files under ``/assets/`` are cached for a year; every other path that is
not an API, admin or file path gets ``index.html`` so that client-side routes
(``/settings/members``, ``/reset-password?token=...``) survive a reload. When
the folder is missing (API-only deployments, tests) no route is added at all.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from typing import Any

from litestar import Request, route
from litestar.enums import HttpMethod
from litestar.exceptions import NotFoundException
from litestar.response import File

#: Overrides where the built app lives (default: ``frontend/dist`` of the source tree).
DIST_ENV = "COULISSES_FRONTEND_DIST"
#: Prefixes owned by the server: an unknown path below them is a JSON 404, never the app.
RESERVED_PREFIXES = ("/api", "/admin", "/healthz", "/readyz", "/metrics")
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=3600"
NO_CACHE = "no-cache"
#: The installable app's service worker, its registration and manifest: asked again
#: at every visit, so a new build reaches installed apps at once.
REVALIDATED = frozenset({"/sw.js", "/registerSW.js", "/manifest.webmanifest"})
#: Types ``mimetypes`` does not know on every system.
MEDIA_TYPES = {".webmanifest": "application/manifest+json"}


def frontend_dist() -> Path:
    configured = os.environ.get(DIST_ENV)
    if configured:
        return Path(configured)
    # core/src/coulisses/web/spa.py -> the repository root is four folders up.
    return Path(__file__).resolve().parents[4] / "frontend" / "dist"


def _reserved(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in RESERVED_PREFIXES)


def _looks_like_file(path: str) -> bool:
    return path.startswith("/assets/") or "." in path.rsplit("/", 1)[-1]


def web_app_root(dist: Path | None = None) -> Path | None:
    """The built app's folder, resolved, or None when it has not been built."""
    root = (dist or frontend_dist()).resolve()
    return root if (root / "index.html").is_file() else None


def web_app_file(root: Path, path: str) -> File:
    """What a GET of ``path`` (absolute, not reserved) gets from the built app: the file
    itself, else ``index.html`` for a client-side route; a missing file is a 404."""
    candidate = (root / path.lstrip("/")).resolve()
    if path != "/" and candidate.is_relative_to(root) and candidate.is_file():
        cache = (
            IMMUTABLE if path.startswith("/assets/") else NO_CACHE if path in REVALIDATED else SHORT
        )
        return _file(candidate, cache)
    if _looks_like_file(path):
        raise NotFoundException()
    return _file(root / "index.html", NO_CACHE)


def spa_handlers(dist: Path | None = None) -> list[Any]:
    """The catch-all route serving ``dist``, or nothing when it has not been built."""
    root = web_app_root(dist)
    if root is None:
        return []

    # Unsafe methods are listed so that, as before this route existed, a POST to an
    # unknown path is a 404 rather than a 405; csrf_exempt for the same reason
    # (no state is ever changed here).
    @route(
        ["/", "/{path:path}"],
        http_method=[
            HttpMethod.GET,
            HttpMethod.POST,
            HttpMethod.PUT,
            HttpMethod.PATCH,
            HttpMethod.DELETE,
        ],
        include_in_schema=False,
        opt={"csrf_exempt": True},
        status_code=200,
        sync_to_thread=False,
    )
    def web_app(request: Request[Any, Any, Any], path: str = "/") -> File:
        path = "/" + path.lstrip("/")
        if request.method != HttpMethod.GET or _reserved(path):
            raise NotFoundException()
        return web_app_file(root, path)

    return [web_app]


def _file(path: Path, cache: str) -> File:
    media_type = (
        MEDIA_TYPES.get(path.suffix)
        or mimetypes.guess_type(path.name)[0]
        or "application/octet-stream"
    )
    return File(
        path,
        media_type=media_type,
        content_disposition_type="inline",
        headers={"Cache-Control": cache, "X-Content-Type-Options": "nosniff"},
    )
