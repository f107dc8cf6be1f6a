"""GET /api/v1/dev/outbox: the local sink's messages of the caller's org (dev only).

Mounted by ``create_app`` only when ``settings.is_dev``: elsewhere the route
does not exist (404, absent from the OpenAPI spec).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from litestar import Request, get
from litestar.openapi.datastructures import ResponseSpec

from coulisses.auth.rbac import principal_of, requires
from coulisses.mail.outbox import list_dev_outbox
from coulisses_sdk import Listing, ListParams, Page


class DevOutboxMessage(msgspec.Struct):
    #: the sink's file name (its arrival time in nanoseconds, as text)
    id: str
    to: str
    subject: str
    received_at: dt.datetime
    #: Every http(s) URL of the text body, in order.
    links: list[str]


class DevOutboxPage(Page[DevOutboxMessage]):
    """The list envelope of the dev outbox."""

    items: list[DevOutboxMessage]


#: Sort keys of the dev outbox: files of a dev folder, sorted in memory.
MESSAGES = Listing(
    sorts={"id": "id", "received_at": "received_at", "to": "to", "subject": "subject"},
    default="-received_at",
    item=DevOutboxMessage,
)


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
    dependencies={"listing": MESSAGES.dependency()},
)
async def list_dev_outbox_route(
    request: Request[Any, Any, Any], listing: ListParams
) -> DevOutboxPage:
    """Dev only: the emails the local SMTP sink received for this org, with their links
    (newest first by default)."""
    messages = await list_dev_outbox(principal_of(request).org_id)
    found = [DevOutboxMessage(m.id, m.to, m.subject, m.received_at, m.links) for m in messages]
    return listing.window(DevOutboxPage, MESSAGES.sort_in_memory(found, listing))
