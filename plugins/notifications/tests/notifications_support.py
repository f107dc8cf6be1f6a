"""Doubles and helpers of the notifications tests: SMTP sink, Telegram Bot API server,
scenario builders going through the real HTTP API, and link extraction."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import re
import socket
import time
from collections.abc import Awaitable, Callable
from email.message import EmailMessage
from typing import Any
from urllib.parse import parse_qs, urlparse

from litestar import Litestar, Request, post

from coulisses_sdk.testing import OrgClient, run_jobs, unique_email


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- SMTP -------------------------------------------------------------------------


class SmtpSink:
    """An aiosmtpd handler: keeps what it accepts; ``mode`` makes it refuse like a relay would."""

    def __init__(self) -> None:
        self.port = 0
        self.messages: list[EmailMessage] = []
        self.mode = "accept"  # or "reject" (550 on RCPT), "tempfail" (451 on DATA)
        self.attempts = 0

    def reset(self) -> None:
        self.messages.clear()
        self.mode = "accept"
        self.attempts = 0

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.mode == "reject":
            self.attempts += 1
            return "550 5.1.1 <%s>: mailbox unavailable" % address  # noqa: UP031
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        from email import message_from_bytes, policy

        self.attempts += 1
        if self.mode == "tempfail":
            return "451 4.3.0 try again later"
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address.lower() in str(m["To"]).lower()]


def text_of(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def html_of(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("html",))
    assert body is not None
    return str(body.get_content())


def links_in(text: str) -> list[str]:
    return re.findall(r"https?://[^\s<>\"]+", text)


def invitation_link(message: EmailMessage, answer: str = "accept") -> tuple[int, str]:
    """(invitation id, token) of the accept or decline link of an invitation email."""
    for url in links_in(text_of(message)):
        parsed = urlparse(url)
        query = parse_qs(parsed.query)
        if parsed.path.startswith("/invitations/") and query.get("answer") == [answer]:
            return int(parsed.path.rsplit("/", 1)[1]), query["token"][0]
    raise AssertionError("no invitation link in the email")


# -- Telegram Bot API double --------------------------------------------------------


class TelegramDouble:
    """The Bot API methods the plugin uses, over HTTP, with what the bot did recorded."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.url = ""
        self._ids = itertools.count(1)
        self.reset()

    def reset(self) -> None:
        self.updates: list[dict[str, Any]] = []
        self.sent: list[dict[str, Any]] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] | None = None
        self.calls: list[str] = []
        self.blocked: set[int] = set()

    # what a person does in their Telegram app

    def user_says(self, chat_id: int, text: str, username: str = "crew") -> None:
        self.updates.append(
            {
                "update_id": next(self._ids),
                "message": {
                    "message_id": next(self._ids),
                    "date": 0,
                    "chat": {"id": chat_id, "type": "private"},
                    "from": {
                        "id": chat_id,
                        "is_bot": False,
                        "username": username,
                        "first_name": username,
                        "language_code": "fr",
                    },
                    "text": text,
                },
            }
        )

    def user_clicks(self, chat_id: int, data: str) -> None:
        self.updates.append(
            {
                "update_id": next(self._ids),
                "callback_query": {
                    "id": f"cb{next(self._ids)}",
                    "from": {
                        "id": chat_id,
                        "is_bot": False,
                        "first_name": "crew",
                        "language_code": "fr",
                    },
                    "message": {
                        "message_id": 1,
                        "date": 0,
                        "chat": {"id": chat_id, "type": "private"},
                    },
                    "data": data,
                },
            }
        )

    def to(self, chat_id: int) -> list[dict[str, Any]]:
        return [m for m in self.sent if m["chat_id"] == chat_id]

    # the server

    def _call(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        self.calls.append(method)
        if method == "getMe":
            return {
                "ok": True,
                "result": {"id": 1, "is_bot": True, "username": "coulisses_test_bot"},
            }
        if method == "getUpdates":
            offset = int(body.get("offset") or 0)
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            return {"ok": True, "result": list(self.updates)}
        if method == "sendMessage":
            chat_id = int(body["chat_id"])
            if chat_id in self.blocked:
                return {
                    "ok": False,
                    "error_code": 403,
                    "description": "Forbidden: bot was blocked by the user",
                }
            self.sent.append(
                {"chat_id": chat_id, "text": body["text"], "reply_markup": body.get("reply_markup")}
            )
            return {
                "ok": True,
                "result": {
                    "message_id": next(self._ids),
                    "chat": {"id": chat_id},
                    "text": body["text"],
                },
            }
        if method == "answerCallbackQuery":
            self.callback_answers.append(body)
            return {"ok": True, "result": True}
        if method == "setWebhook":
            self.webhook = body
            return {"ok": True, "result": True}
        if method == "deleteWebhook":
            self.webhook = None
            return {"ok": True, "result": True}
        return {"ok": False, "error_code": 404, "description": "Not Found"}

    def app(self) -> Litestar:
        double = self

        @post("/{bot:str}/{method:str}", status_code=200)
        async def call(bot: str, method: str, request: Request[Any, Any, Any]) -> dict[str, Any]:
            if bot != f"bot{double.token}":
                return {"ok": False, "error_code": 401, "description": "Unauthorized"}
            body = await request.json() if await request.body() else {}
            return double._call(method, body or {})

        return Litestar(route_handlers=[call])


# -- scenarios through the API --------------------------------------------------------


async def make_user(org: OrgClient, email: str | None = None, **fields: Any) -> dict[str, Any]:
    body = {
        "first_name": "Lea",
        "last_name": "Martin",
        "employment_type": "Intermittent",
        "email": email if email is not None else unique_email("crew"),
        **fields,
    }
    response = await org.post("/api/v1/users", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def make_mission(
    org: OrgClient,
    *,
    starts_at: str = "2027-07-10T19:00:00+02:00",
    ends_at: str = "2027-07-11T01:00:00+02:00",
    place: str = "Cour d'honneur",
    title: str = "Exploitation Cour",
) -> dict[str, Any]:
    day = dt.datetime.fromisoformat(starts_at).date()
    response = await org.post(
        "/api/v1/projects",
        json={
            "name": "Festival 2027",
            "starts_on": (day - dt.timedelta(days=2)).isoformat(),
            "ends_on": (day + dt.timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 201, response.text
    project = response.json()
    response = await org.post(
        "/api/v1/missions",
        json={
            "project_id": project["id"],
            "title": title,
            "place": place,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "roles": [{"name": "technicien son", "quota": 2}],
        },
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def invite(org: OrgClient, mission: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    response = await org.post(
        "/api/v1/assignments",
        json={"mission_role_id": mission["roles"][0]["id"], "user_id": user["id"]},
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def sent_messages(org: OrgClient, **params: Any) -> list[dict[str, Any]]:
    response = await org.get("/api/v1/notifications/messages", params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


#: Generous bound of :func:`run_until`: on a loaded machine a retry may be due late.
RUN_UNTIL_SECONDS = 120.0


async def run_until(check: Callable[[], Awaitable[bool]]) -> None:
    """Run queued jobs until ``check`` holds (retries are scheduled a little later).

    Bounded by a deadline, not a number of rounds, so a slow machine does not fail it.
    """
    deadline = time.monotonic() + RUN_UNTIL_SECONDS
    while True:
        await run_jobs()
        if await check():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not reached within {RUN_UNTIL_SECONDS} s")
        await asyncio.sleep(0.05)
