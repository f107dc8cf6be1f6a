"""GET /api/v1/events: the active org's domain events as Server-Sent Events.

An event whose payload names a ``recipient_account_id`` (a plugin's personal
notification) goes to that account's streams only. Each payload is shown as the
subscriber may see it (``coulisses.privacy.redact_event``: a tech does not read a
colleague's decline reason or address).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncGenerator
from typing import Any

from litestar import Request, get
from litestar.response import ServerSentEvent, ServerSentEventMessage

from coulisses.auth.rbac import principal_of, requires
from coulisses.live.bus import RECIPIENT_KEY, get_bus
from coulisses.observability.metrics import SSE_CONNECTIONS
from coulisses.privacy import redact_event, viewer_of

HEARTBEAT_SECONDS = 15.0


@get("/api/v1/events", operation_id="StreamEvents", tags=["live"], guards=[requires("events.read")])
async def stream_events(request: Request[Any, Any, Any]) -> ServerSentEvent:
    """Stream the org's events; send ``Last-Event-ID`` on reconnect to get what was missed."""
    principal = principal_of(request)
    who = viewer_of(request.scope)
    last_id = request.headers.get("last-event-id") or request.query_params.get("last_event_id")

    async def messages() -> AsyncGenerator[ServerSentEventMessage, None]:
        async with get_bus().subscription(principal.org_id, last_id) as queue:
            yield ServerSentEventMessage(data=None, comment="connected", retry=3000)
            while True:
                try:
                    event = await asyncio.wait_for(queue.get(), HEARTBEAT_SECONDS)
                except TimeoutError:
                    yield ServerSentEventMessage(data=None, comment="keep-alive")
                    continue
                recipient = event.data.get(RECIPIENT_KEY)
                if recipient is not None and recipient != principal.account_id:
                    continue
                data = redact_event(event.kind, event.data, who)
                yield ServerSentEventMessage(data=json.dumps(data), event=event.kind, id=event.id)

    # Subscribe before the first byte (headers included) is sent: a client that saw
    # the response start must receive every event published after it.
    stream = messages()
    connected = await stream.__anext__()

    async def subscribed() -> AsyncGenerator[ServerSentEventMessage, None]:
        SSE_CONNECTIONS.inc()
        try:
            yield connected
            async for message in stream:
                yield message
        finally:
            SSE_CONNECTIONS.dec()
            await stream.aclose()

    return ServerSentEvent(
        subscribed(), headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    )
