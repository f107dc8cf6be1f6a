"""Telegram commands of the plugin: ``python -m coulisses_notifications <command>``.

- ``telegram-poll``: long polling (getUpdates), each update forwarded to the
  app's webhook route (``--app-url``, default ``NOTIFICATIONS_PUBLIC_URL``);
- ``telegram-set-webhook``: point Telegram at the app's webhook route
  (``<public url>/api/v1/notifications/telegram/webhook``);
- ``telegram-delete-webhook``, ``telegram-me`` (check the token).
"""

from __future__ import annotations

import argparse
import asyncio
import json

import httpx

from coulisses_notifications.config import get_settings
from coulisses_notifications.telegram import poller
from coulisses_notifications.telegram.client import TelegramClient


async def _poll(app_url: str) -> None:
    settings = get_settings()
    secret = settings.telegram_webhook_secret
    if not secret:
        raise SystemExit("NOTIFICATIONS_TELEGRAM_WEBHOOK_SECRET is required (the relay uses it)")
    async with (
        TelegramClient.from_settings(settings) as client,
        httpx.AsyncClient(base_url=app_url, timeout=30) as app,
    ):
        await poller.run(client, poller.http_forwarder(app, secret))


async def _set_webhook() -> None:
    settings = get_settings()
    url = f"{settings.public_url}{poller.WEBHOOK_PATH}"
    async with TelegramClient.from_settings(settings) as client:
        await client.set_webhook(url, settings.telegram_webhook_secret)
    print(f"webhook set to {url}")


async def _delete_webhook() -> None:
    async with TelegramClient.from_settings() as client:
        await client.delete_webhook()
    print("webhook deleted")


async def _me() -> None:
    async with TelegramClient.from_settings() as client:
        print(json.dumps(await client.get_me(), indent=2))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m coulisses_notifications")
    commands = parser.add_subparsers(dest="command", required=True)
    poll = commands.add_parser("telegram-poll", help="long polling, forwarded to the app")
    poll.add_argument("--app-url", default=None, help="base URL of the app (default: public URL)")
    commands.add_parser("telegram-set-webhook", help="register the webhook with Telegram")
    commands.add_parser("telegram-delete-webhook", help="unregister the webhook")
    commands.add_parser("telegram-me", help="check the bot token (getMe)")
    args = parser.parse_args(argv)
    if args.command == "telegram-poll":
        asyncio.run(_poll(args.app_url or get_settings().public_url))
    elif args.command == "telegram-set-webhook":
        asyncio.run(_set_webhook())
    elif args.command == "telegram-delete-webhook":
        asyncio.run(_delete_webhook())
    else:
        asyncio.run(_me())


if __name__ == "__main__":
    main()
