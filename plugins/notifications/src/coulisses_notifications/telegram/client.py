"""A small client of the real Telegram Bot API over HTTP (httpx).

Only the methods the plugin uses: getMe, getUpdates (long polling),
sendMessage (with inline keyboards), answerCallbackQuery, setWebhook and
deleteWebhook. The base URL is configurable, so tests point the very same
code at a local server speaking the same protocol.
"""

from __future__ import annotations

from typing import Any

import httpx

from coulisses_notifications.config import Settings, get_settings


class TelegramError(Exception):
    """The Bot API refused a call (``ok: false``) or could not be reached."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: int | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after

    @property
    def permanent(self) -> bool:
        """400 (bad request, chat not found) and 403 (bot blocked) will not get better."""
        return self.status in (400, 401, 403, 404)


def inline_keyboard(rows: list[list[tuple[str, str]]]) -> dict[str, Any]:
    """``[[("Accepter", "acc:12"), ...]]`` -> a ``reply_markup`` with callback buttons."""
    return {
        "inline_keyboard": [
            [{"text": text, "callback_data": data} for text, data in row] for row in rows
        ]
    }


class TelegramClient:
    def __init__(
        self,
        token: str,
        *,
        base_url: str = "https://api.telegram.org",
        timeout: float = 15.0,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self._url = f"{base_url.rstrip('/')}/bot{token}"
        self._timeout = timeout
        self._http = http
        self._own = http is None

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> TelegramClient:
        settings = settings or get_settings()
        if not settings.telegram_bot_token:
            raise TelegramError("NOTIFICATIONS_TELEGRAM_BOT_TOKEN is not set")
        return cls(
            settings.telegram_bot_token,
            base_url=settings.telegram_api_url,
            timeout=settings.telegram_timeout,
        )

    async def __aenter__(self) -> TelegramClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._own and self._http is not None:
            await self._http.aclose()
            self._http = None

    def _client(self) -> httpx.AsyncClient:
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=self._timeout)
        return self._http

    async def call(self, method: str, read_timeout: float | None = None, **params: Any) -> Any:
        """Call a Bot API method with JSON parameters; returns its ``result``."""
        body = {k: v for k, v in params.items() if v is not None}
        timeout = httpx.Timeout(self._timeout, read=read_timeout or self._timeout)
        try:
            response = await self._client().post(
                f"{self._url}/{method}", json=body, timeout=timeout
            )
        except httpx.HTTPError as exc:
            raise TelegramError(f"{method}: {type(exc).__name__}: {exc}") from exc
        try:
            payload = response.json()
        except ValueError as exc:
            raise TelegramError(
                f"{method}: HTTP {response.status_code}", status=response.status_code
            ) from exc
        if not payload.get("ok"):
            retry_after = (payload.get("parameters") or {}).get("retry_after")
            raise TelegramError(
                f"{method}: {payload.get('error_code')} {payload.get('description')}",
                status=payload.get("error_code") or response.status_code,
                retry_after=retry_after,
            )
        return payload.get("result")

    async def get_me(self) -> dict[str, Any]:
        result: dict[str, Any] = await self.call("getMe")
        return result

    async def get_updates(self, offset: int | None = None, wait: int = 30) -> list[dict[str, Any]]:
        """Long polling: waits up to ``wait`` seconds for updates after ``offset``."""
        result: list[dict[str, Any]] = await self.call(
            "getUpdates",
            read_timeout=wait + self._timeout,
            offset=offset,
            timeout=wait,
            allowed_updates=["message", "callback_query"],
        )
        return result

    async def send_message(
        self, chat_id: int, text: str, reply_markup: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        result: dict[str, Any] = await self.call(
            "sendMessage", chat_id=chat_id, text=text, reply_markup=reply_markup
        )
        return result

    async def answer_callback_query(self, callback_query_id: str, text: str | None = None) -> bool:
        return bool(
            await self.call("answerCallbackQuery", callback_query_id=callback_query_id, text=text)
        )

    async def set_webhook(self, url: str, secret_token: str | None = None) -> bool:
        return bool(
            await self.call(
                "setWebhook",
                url=url,
                secret_token=secret_token,
                allowed_updates=["message", "callback_query"],
            )
        )

    async def delete_webhook(self) -> bool:
        return bool(await self.call("deleteWebhook"))
