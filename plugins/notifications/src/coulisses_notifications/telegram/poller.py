"""Long polling: fetch updates with getUpdates and hand each to the app's webhook route.

The relay holds no state and no database: it forwards each update to
``POST /api/v1/notifications/telegram/webhook`` (with the webhook secret)
and runs the Bot API call the app answers with. So polling (development,
servers Telegram cannot reach) and webhook mode (production) run the same
handling code in the app, where the host services are available.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from coulisses_notifications.telegram.client import TelegramClient, TelegramError

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/api/v1/notifications/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

Forward = Callable[[dict[str, Any]], Awaitable[dict[str, Any] | None]]


def http_forwarder(app: httpx.AsyncClient, secret: str) -> Forward:
    """Forward an update to the app through ``app`` (a client whose base URL is the app)."""

    async def forward(update: dict[str, Any]) -> dict[str, Any] | None:
        response = await app.post(WEBHOOK_PATH, json=update, headers={SECRET_HEADER: secret})
        response.raise_for_status()
        reply: dict[str, Any] = response.json() if response.content else {}
        return reply or None

    return forward


async def poll_once(
    client: TelegramClient, forward: Forward, offset: int | None = None, wait: int = 30
) -> int | None:
    """One getUpdates round; returns the next offset (confirms what was handled)."""
    for update in await client.get_updates(offset=offset, wait=wait):
        offset = int(update["update_id"]) + 1
        try:
            reply = await forward(update)
            if reply and reply.get("method"):
                params = {k: v for k, v in reply.items() if k != "method"}
                await client.call(str(reply["method"]), **params)
        except Exception:
            logger.exception("telegram update %s not handled", update.get("update_id"))
    return offset


async def run(client: TelegramClient, forward: Forward, *, wait: int = 30) -> None:
    """Poll until cancelled; a webhook set before would make getUpdates fail, so drop it."""
    await client.delete_webhook()
    offset: int | None = None
    while True:
        try:
            offset = await poll_once(client, forward, offset, wait)
        except TelegramError as exc:
            logger.warning("telegram polling: %s", exc)
            await asyncio.sleep(exc.retry_after or 5)
