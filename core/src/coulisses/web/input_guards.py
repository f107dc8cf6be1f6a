"""Checks every request passes before any handler sees it: what the wire may carry.

- Nesting depth of a body (:func:`guard_input`, around the whole app): bounded
  before any decoder runs. msgspec (and the stdlib ``json`` piccolo-admin uses)
  recurse once per level and raise ``RecursionError`` near Python's recursion
  limit, so a 2 KB body nested 1,000 levels deep used to be a 500 on every route;
  no body of ours nests more than a handful of levels.
- NUL characters in the path or the query string (:func:`guard_input`):
  PostgreSQL text cannot hold them and the file system refuses them, so they are
  rejected once for every route (unknown paths, the web app's catch-all and
  mounted apps included), before routing.
- Media type (:class:`CoulissesRequest`): only a JSON media type is decoded as
  JSON by our routes (415 otherwise).
"""

from __future__ import annotations

import collections
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
    """The app's request class: only a JSON media type is decoded as JSON.

    Litestar decodes every JSON body (handler ``data`` and direct ``request.json()``
    calls alike) through :meth:`json`, so this is the one place for the check.
    """

    async def json(self) -> Any:
        if self._json is Empty and self._connection_state.json is Empty and await self.body():
            media_type = self.content_type[0]
            if not is_json_media_type(media_type):
                raise UnsupportedMediaType(
                    "request.unsupported_media_type",
                    "The request body must be JSON (Content-Type: application/json)",
                    {"content_type": media_type or None},
                )
        return await super().json()


def _has_nul(scope: Scope) -> bool:
    if "\x00" in scope.get("path", ""):
        return True
    query: bytes = scope.get("query_string", b"")
    return b"\x00" in query or b"%00" in query


def _may_be_json(scope: Scope) -> bool:
    """Bodies some decoder may read as JSON: all but forms (mounted apps such as
    piccolo-admin decode JSON whatever the Content-Type says)."""
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            return not value.lower().startswith(_FORM_TYPES)
    return True


_FORM_TYPES = (b"multipart/", b"application/x-www-form-urlencoded")


async def _send_error(send: Send, status: int, code: str, message: str, details: Any) -> None:
    body = json.dumps(error_body(code, message, details), separators=(",", ":")).encode()
    start: HTTPResponseStartEvent = {
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
    }
    end: HTTPResponseBodyEvent = {"type": "http.response.body", "body": body, "more_body": False}
    await send(start)
    await send(end)


def guard_input(app: ASGIApp, max_body_bytes: int) -> ASGIApp:
    """Wrap the whole app, before routing and mounts: NUL characters, deep JSON.

    The body is read (up to ``max_body_bytes``; beyond, the app answers its own
    413) and replayed to the app unchanged.
    """

    async def guard(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        if _has_nul(scope):
            await _send_error(
                send,
                400,
                "request.nul_character",
                "The path or query contains a NUL character",
                None,
            )
            return
        if scope.get("method") in _NO_BODY or not _may_be_json(scope):
            await app(scope, receive, send)
            return
        messages: list[Any] = []
        size = 0
        complete = False
        while size <= max_body_bytes:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if not message.get("more_body", False):
                complete = True
                break
        if complete and size <= max_body_bytes:
            body = b"".join(m.get("body", b"") for m in messages)
            if json_depth_exceeds(body):
                await _send_error(
                    send,
                    400,
                    "request.too_deep",
                    f"The JSON body nests deeper than {MAX_JSON_DEPTH} levels",
                    {"max_depth": MAX_JSON_DEPTH},
                )
                return
        pending = collections.deque(messages)

        async def replay() -> Any:
            if pending:
                return pending.popleft()
            return await receive()

        await app(scope, replay, send)

    return guard


_NO_BODY = {"GET", "HEAD", "OPTIONS"}
