"""A local webhook receiver for the tests: an ASGI app served over real HTTP by uvicorn.

It checks each request's signature with the secret it was given (the plugin's own
``verify_signature``), records the valid ones and can be told to answer an error.
"""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass, field
from typing import Any

from coulisses_webhooks import SignatureError, verify_signature


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Received:
    event_id: str
    payload: dict[str, Any]
    raw: bytes
    headers: dict[str, str]


@dataclass
class Receiver:
    url: str = ""
    #: Endpoint secret per path (``/hooks/<name>``); unknown paths are refused.
    secrets: dict[str, str] = field(default_factory=dict)
    #: Answer this status instead of 200 while set.
    fail_with: int | None = None
    received: list[Received] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    failed: int = 0

    def reset(self) -> None:
        self.secrets.clear()
        self.fail_with = None
        self.received.clear()
        self.refused.clear()
        self.failed = 0

    def at(self, path: str, secret: str | None = None) -> str:
        if secret is not None:
            self.secrets[path] = secret
        return f"{self.url}{path}"

    def bodies(self, path: str | None = None) -> list[dict[str, Any]]:
        return [r.payload for r in self.received if path is None or r.headers["path"] == path]

    def app(self) -> Any:
        async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] != "http":
                return
            chunks = []
            while True:
                message = await receive()
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    break
            raw = b"".join(chunks)
            headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
            headers["path"] = scope["path"]
            status, answer = self.handle(scope["path"], headers, raw)
            await send(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [(b"content-type", b"text/plain")],
                }
            )
            await send({"type": "http.response.body", "body": answer.encode()})

        return app

    def handle(self, path: str, headers: dict[str, str], raw: bytes) -> tuple[int, str]:
        if self.fail_with is not None:
            self.failed += 1
            return self.fail_with, "receiver unavailable " + "x" * 600
        secret = self.secrets.get(path)
        try:
            if secret is None:
                raise SignatureError("unknown path")
            verify_signature(secret, headers.get("coulisses-signature"), raw)
        except SignatureError as exc:
            self.refused.append(str(exc))
            return 400, "bad signature"
        payload = json.loads(raw)
        assert headers["coulisses-event-id"] == payload["id"]
        self.received.append(Received(payload["id"], payload, raw, headers))
        return 200, "ok"
