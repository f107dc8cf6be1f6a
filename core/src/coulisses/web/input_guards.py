"""Checks every request passes before any handler sees it: what the wire may carry.

- JSON bodies: only a JSON media type is decoded (415 otherwise), and the nesting
  depth is bounded before the decoder runs. msgspec recurses once per level and
  raises ``RecursionError`` near Python's recursion limit, so a 2 KB body nested
  1,000 levels deep used to be a 500 on every route; no body of ours nests more
  than a handful of levels.
- NUL characters in the path or the query string: PostgreSQL text cannot hold
  them and the file system refuses them, so they are rejected once, for every
  route (the catch-all web app and unknown paths included), before routing.
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

from litestar import Request
from litestar.enums import ScopeType
from litestar.types import (
    ASGIApp,
    Empty,
    HTTPResponseBodyEvent,
    HTTPResponseStartEvent,
    Receive,
    Scope,
    Send,
)

from coulisses.errors import DomainError, error_body

#: Deepest nesting of arrays/objects accepted in a JSON body (documented in docs/api.md).
MAX_JSON_DEPTH = 32

_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
# +1 for an opening bracket, -1 for a closing one, indexed by byte value.
_STEP = [1 if b in b"[{" else -1 if b in b"]}" else 0 for b in range(256)]


def json_depth_exceeds(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether ``body`` nests arrays/objects deeper than ``limit`` (brackets in strings ignored).

    Runs before the decoder, so it must not recurse: it strips the strings, keeps
    the brackets and takes the running maximum of the depth, all in C loops.
    Malformed input is left to the decoder, which reports it as malformed.
    """
    if body.count(b"[") + body.count(b"{") <= limit:
        return False  # the fast path of every ordinary body
    brackets = _STRINGS.sub(b"", body).translate(None, _NOT_BRACKETS)
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0) > limit


def is_json_media_type(content_type: str) -> bool:
    main = content_type.strip().lower()
    return main == "application/json" or (
        main.startswith("application/") and main.endswith("+json")
    )


class UnsupportedMediaType(DomainError):
    status_code = 415


class CoulissesRequest(Request[Any, Any, Any]):
    """The app's request class: checks media type and depth before a JSON body is decoded.

    Litestar decodes every JSON body (handler ``data`` and direct ``request.json()``
    calls alike) through :meth:`json`, so this is the one place for both checks.
    """

    async def json(self) -> Any:
        if self._json is Empty and self._connection_state.json is Empty:
            body = await self.body()
            if body:
                self._check_json_body(body)
        return await super().json()

    def _check_json_body(self, body: bytes) -> None:
        media_type = self.content_type[0]
        if not is_json_media_type(media_type):
            raise UnsupportedMediaType(
                "request.unsupported_media_type",
                "The request body must be JSON (Content-Type: application/json)",
                {"content_type": media_type or None},
            )
        if json_depth_exceeds(body):
            raise DomainError(
                "request.too_deep",
                f"The JSON body nests deeper than {MAX_JSON_DEPTH} levels",
                {"max_depth": MAX_JSON_DEPTH},
            )


def _has_nul(scope: Scope) -> bool:
    if "\x00" in scope.get("path", ""):
        return True
    query: bytes = scope.get("query_string", b"")
    return b"\x00" in query or b"%00" in query


def reject_nul_characters(app: ASGIApp) -> ASGIApp:
    """Wrap the whole app (before routing): a NUL in the path or query is a 400."""

    async def guard(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or not _has_nul(scope):
            await app(scope, receive, send)
            return
        body = json.dumps(
            error_body("request.nul_character", "The path or query contains a NUL character"),
            separators=(",", ":"),
        ).encode()
        start: HTTPResponseStartEvent = {
            "type": "http.response.start",
            "status": 400,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
        end: HTTPResponseBodyEvent = {
            "type": "http.response.body",
            "body": body,
            "more_body": False,
        }
        await send(start)
        await send(end)

    return guard
