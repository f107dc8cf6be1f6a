"""GET /api/v1/dev/outbox: the local sink's messages of the caller's org (dev only).

Mounted by ``create_app`` only when ``settings.is_dev``: elsewhere the route
does not exist (404, absent from the OpenAPI spec).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec
from litestar import Request, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Parameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.mail.outbox import MAX_LIMIT, list_dev_outbox


class DevOutboxMessage(msgspec.Struct):
    to: str
    subject: str
    received_at: dt.datetime
    #: Every http(s) URL of the text body, in order.
    links: list[str]


class DevOutbox(msgspec.Struct):
    #: Newest first.
    items: list[DevOutboxMessage]


class _ErrorDetail(msgspec.Struct):
    code: str
    message: str
    details: Any = None


class _ErrorBody(msgspec.Struct):
    error: _ErrorDetail


def _error(description: str) -> ResponseSpec:
    return ResponseSpec(data_container=_ErrorBody, description=description, generate_examples=False)


@get(
    "/api/v1/dev/outbox",
    operation_id="ListDevOutbox",
    tags=["dev"],
    guards=[requires("dev.outbox.read")],
    responses={
        401: _error("Authentication required (auth.unauthenticated)"),
        403: _error("Owner or admin only (auth.forbidden)"),
    },
)
async def list_dev_outbox_route(
    request: Request[Any, Any, Any],
    limit: Annotated[
        int, Parameter(ge=1, le=MAX_LIMIT, description=f"1 to {MAX_LIMIT} messages")
    ] = 50,
) -> DevOutbox:
    """Dev only: the last emails the local SMTP sink received for this org, with their links."""
    messages = await list_dev_outbox(principal_of(request).org_id, limit)
    return DevOutbox(
        items=[DevOutboxMessage(m.to, m.subject, m.received_at, m.links) for m in messages]
    )
