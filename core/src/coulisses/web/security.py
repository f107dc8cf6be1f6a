"""Security headers on every HTTP response, whichever surface answers it.

One ASGI middleware wraps the whole application (routes, the piccolo-admin mount,
the web app, and the error responses Litestar sends when no route matches), so no
response leaves without them. Each surface gets its own Content-Security-Policy,
and none of them allows inline scripts by ``'unsafe-inline'``:

- ``api``: JSON and the few server-rendered pages under ``/api`` (a plugin's
  unsubscribe page): no script at all, inline styles allowed (those pages style
  with attributes), forms posting to the same origin only.
- ``docs``: Swagger UI pages (``/api/docs``, piccolo-admin's ``/admin/api/docs``
  and ``/admin/public/docs``). They are rendered by Litestar and piccolo-api with
  an inline bootstrap script and load Swagger UI from its CDN: the CDN origin is
  allowed for scripts and styles, and each inline script of the page is allowed by
  its sha256 hash, computed here from the page itself. Those pages are built from
  static templates and the OpenAPI schema (our code), never from request input, so
  hashing what they hold cannot let an injected script through.
- ``admin``: piccolo-admin's Vue application (scripts from the same origin only).
- ``app``: the web app (``frontend/dist``) and every other path.

Referrer-Policy is ``no-referrer`` for any URL that carries a token (invitation
answers, password reset, unsubscribe links: the token must never leak to another
site through the Referer header) and ``strict-origin-when-cross-origin`` elsewhere
(the same-origin Referer is kept: piccolo-admin's CSRF check reads it over HTTPS).
HSTS is sent outside dev/test only. A header the inner application already set
(a stricter policy of a handler, a plugin's own Referrer-Policy) is kept as is.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

HSTS = "max-age=31536000; includeSubDomains"
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)
#: Pages whose URL holds a secret even without a ``token`` query parameter.
TOKEN_PATH_PREFIXES = ("/invitations/", "/reset-password")
#: Where the Swagger UI pages live (Litestar's and piccolo-admin's).
DOCS_PREFIXES = ("/api/docs", "/admin/api/docs", "/admin/public/docs")
#: A Swagger UI page with its whole schema stays far below this; past it, no hash.
MAX_HASHED_BODY = 8 * 1024 * 1024

_INLINE_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC_ATTRIBUTE = re.compile(rb"\bsrc\s*=", re.IGNORECASE)


def _policy(**directives: Iterable[str]) -> str:
    return "; ".join(
        " ".join([name.replace("_", "-"), *values]) for name, values in directives.items()
    )


_COMMON: dict[str, Iterable[str]] = {
    "object_src": ["'none'"],
    "base_uri": ["'none'"],
    "frame_ancestors": ["'none'"],
}


def api_policy() -> str:
    return _policy(
        default_src=["'none'"],
        style_src=["'unsafe-inline'"],
        img_src=["'self'", "data:"],
        form_action=["'self'"],
        **_COMMON,
    )


def app_policy() -> str:
    """The web app and piccolo-admin: everything from our origin, no inline script."""
    return _policy(
        default_src=["'self'"],
        script_src=["'self'"],
        # Calendar and UI libraries set style attributes and inject <style> tags.
        style_src=["'self'", "'unsafe-inline'"],
        img_src=["'self'", "data:", "blob:"],
        font_src=["'self'", "data:"],
        connect_src=["'self'"],
        worker_src=["'self'", "blob:"],
        form_action=["'self'"],
        **_COMMON,
    )


def docs_policy(cdn_origins: Iterable[str], script_hashes: Iterable[str] = ()) -> str:
    cdn = sorted(set(cdn_origins))
    return _policy(
        default_src=["'none'"],
        script_src=["'self'", *cdn, *(f"'{h}'" for h in script_hashes)],
        style_src=["'self'", *cdn, "'unsafe-inline'"],
        img_src=["'self'", "data:", *cdn],
        font_src=["'self'", "data:", *cdn],
        connect_src=["'self'"],
        form_action=["'self'"],
        **_COMMON,
    )


def inline_script_hashes(html: bytes) -> list[str]:
    """CSP source expressions (``sha256-...``) for each inline ``<script>`` of a page."""
    hashes = []
    for attributes, content in _INLINE_SCRIPT.findall(html):
        if _SRC_ATTRIBUTE.search(attributes):
            continue
        digest = hashlib.sha256(content).digest()
        hashes.append("sha256-" + base64.b64encode(digest).decode("ascii"))
    return list(dict.fromkeys(hashes))


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _under(path: str, prefixes: Iterable[str]) -> bool:
    return any(path == p.rstrip("/") or path.startswith(p.rstrip("/") + "/") for p in prefixes)


def surface_of(path: str) -> str:
    """Which policy a path gets: ``docs``, ``admin``, ``api`` or ``app``."""
    path = re.sub("/{2,}", "/", path)
    if _under(path, DOCS_PREFIXES):
        return "docs"
    if _under(path, ("/admin",)):
        return "admin"
    if _under(path, ("/api", "/healthz", "/readyz", "/metrics")):
        return "api"
    return "app"


def carries_token(path: str, query_string: bytes) -> bool:
    if any(path.startswith(p) for p in TOKEN_PATH_PREFIXES):
        return True
    query = query_string.decode("latin-1")
    return any("token" in key.lower() for key, _ in parse_qsl(query, keep_blank_values=True))


@dataclass(frozen=True)
class SecurityHeaders:
    """What the middleware sends; built once from the settings in ``create_app``."""

    hsts: bool
    docs_cdn_origins: tuple[str, ...] = ()

    def for_request(self, path: str, query_string: bytes) -> dict[bytes, bytes]:
        surface = surface_of(path)
        if surface == "api":
            csp = api_policy()
        elif surface == "docs":
            csp = docs_policy(self.docs_cdn_origins)
        else:
            csp = app_policy()
        referrer = (
            "no-referrer"
            if carries_token(path, query_string)
            else "strict-origin-when-cross-origin"
        )
        headers = {
            b"content-security-policy": csp,
            b"x-frame-options": "DENY",
            b"x-content-type-options": "nosniff",
            b"referrer-policy": referrer,
            b"permissions-policy": PERMISSIONS_POLICY,
            b"cross-origin-opener-policy": "same-origin",
        }
        if self.hsts:
            headers[b"strict-transport-security"] = HSTS
        return {name: value.encode("latin-1") for name, value in headers.items()}


def _merge(message: Any, extra: dict[bytes, bytes]) -> None:
    present = {name.lower() for name, _ in message.get("headers", [])}
    headers = list(message.get("headers", []))
    headers.extend((name, value) for name, value in extra.items() if name not in present)
    message["headers"] = headers


def _is_html(message: Any) -> bool:
    for name, value in message.get("headers", []):
        if name.lower() == b"content-type":
            return bytes(value).lower().startswith(b"text/html")
    return False


def security_headers_middleware(app: ASGIApp, config: SecurityHeaders) -> ASGIApp:
    """Wrap ``app`` so every HTTP response carries ``config``'s headers."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        path = str(scope.get("path") or "/")
        extra = config.for_request(path, bytes(scope.get("query_string") or b""))
        if surface_of(path) == "docs":
            await app(scope, receive, _hashing_send(send, extra, config))
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                _merge(message, extra)
            await send(message)

        await app(scope, receive, send_with_headers)

    return middleware


def _hashing_send(send: Send, extra: dict[bytes, bytes], config: SecurityHeaders) -> Send:
    """For Swagger UI pages: hold an HTML response until its inline scripts are hashed."""
    start: dict[str, Any] | None = None
    chunks: list[bytes] = []
    size = 0

    async def flush(hashes: list[str]) -> None:
        assert start is not None
        if hashes:
            extra[b"content-security-policy"] = docs_policy(config.docs_cdn_origins, hashes).encode(
                "latin-1"
            )
        _merge(start, extra)
        await send(start)  # type: ignore[arg-type]

    async def hashing_send(message: Message) -> None:
        nonlocal start, size
        if message["type"] == "http.response.start":
            if not _is_html(message):
                _merge(message, extra)
                await send(message)
                return
            start = dict(message)
            return
        if start is None or message["type"] != "http.response.body":
            await send(message)
            return
        body = bytes(message.get("body", b""))
        chunks.append(body)
        size += len(body)
        if message.get("more_body", False) and size <= MAX_HASHED_BODY:
            return
        page = b"".join(chunks)
        await flush(inline_script_hashes(page) if size <= MAX_HASHED_BODY else [])
        start = None
        chunks.clear()
        await send({**message, "body": page})

    return hashing_send
