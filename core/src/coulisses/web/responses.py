"""The app's response class: every handler's return value passes the privacy step.

Litestar builds this class around what a handler returns (a struct, a list, a dict)
and calls :meth:`to_asgi_response` with the request just before encoding; the content
is then redacted for the request's viewer (``coulisses.privacy``). A handler that
builds its own ``Response`` skips this step: return the data instead.
"""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Request, Response
from litestar.response.base import ASGIResponse

from coulisses.privacy import redact, viewer_of


class RedactingResponse(Response[Any]):
    def to_asgi_response(
        self, app: Litestar | None, request: Request[Any, Any, Any], **kwargs: Any
    ) -> ASGIResponse:
        self.content = redact(self.content, viewer_of(request.scope))
        return super().to_asgi_response(app, request, **kwargs)
