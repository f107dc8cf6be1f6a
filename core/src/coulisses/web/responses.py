"""The app's response class: every handler's return value passes the privacy step.

Litestar builds this class around what a handler returns (a struct, a list, a dict)
and calls :meth:`to_asgi_response` with the request just before encoding; the content
is then redacted for the request's viewer (``coulisses.privacy``), then, for a list
read with ``fields``, cut down to those fields (``coulisses_sdk.listing.project``: after
the privacy step, which knows the item types). A handler that builds its own
``Response`` skips these steps: return the data instead.
"""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Request, Response
from litestar.response.base import ASGIResponse

from coulisses.privacy import redact, viewer_of
from coulisses_sdk.listing import STATE_KEY, project


class RedactingResponse(Response[Any]):
    def to_asgi_response(
        self, app: Litestar | None, request: Request[Any, Any, Any], **kwargs: Any
    ) -> ASGIResponse:
        content = redact(self.content, viewer_of(request.scope))
        self.content = project(content, request.state.get(STATE_KEY))
        return super().to_asgi_response(app, request, **kwargs)
