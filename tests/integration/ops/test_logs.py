"""Structured logs: one JSON object per line, a request id in and out, no secrets."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from coulisses.logs import JsonFormatter, configure_logging
from coulisses.settings import get_settings
from tests.helpers import signup
from tests.integration.scheduling.invitations.test_invitation_rate_limit import _invitation


@contextmanager
def json_lines() -> Iterator[list[dict[str, Any]]]:
    """Every record logged meanwhile, as the JSON formatter writes it (parsed back)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    access = logging.getLogger("coulisses.access")
    level = access.level
    access.setLevel(logging.DEBUG)
    root.addHandler(handler)
    lines: list[dict[str, Any]] = []
    try:
        yield lines
    finally:
        root.removeHandler(handler)
        access.setLevel(level)
        text = stream.getvalue()
        lines += [json.loads(line) for line in text.splitlines() if line.strip()]


async def test_every_answer_carries_a_request_id_and_a_sane_one_sent_is_kept(client):
    made = await client.get("/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])
    again = await client.get("/healthz")
    assert again.headers["x-request-id"] != made.headers["x-request-id"]
    kept = await client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.42:1"})
    assert kept.headers["x-request-id"] == "lb-7f3a.42:1"
    for insane in ("x" * 129, "id with spaces", "<script>"):
        replaced = await client.get("/api/v1/nothing-here", headers={"X-Request-ID": insane})
        assert re.fullmatch(r"[0-9a-f]{32}", replaced.headers["x-request-id"]), insane


async def test_access_lines_are_json_with_request_route_org_account_and_duration(client):
    org = await signup(client)
    with json_lines() as lines:
        response = await org.get("/api/v1/missions/77", headers={"X-Request-ID": "req-1234"})
    assert response.status_code == 404
    [access] = [line for line in lines if line["logger"] == "coulisses.access"]
    assert access["request_id"] == "req-1234"
    assert access["route"] == "/api/v1/missions/{mission_id}"
    assert access["org_id"] == org.org_id
    assert access["account_id"] == org.account_id
    assert access["method"] == "GET"
    assert access["status"] == 404
    assert access["duration_ms"] >= 0
    assert access["level"] == "INFO"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", access["timestamp"])


async def test_no_signed_link_reaches_a_log_line(client, new_client, mail_sink):
    _, _, invitation_id, token = await _invitation(client, mail_sink)
    public = new_client("10.22.0.1")
    with json_lines() as lines:
        await public.post(f"/api/v1/invitations/{invitation_id}/accept", params={"token": token})
        await public.get(f"/api/v1/calendar/{token}.ics")
        try:
            raise ValueError(f"while reading /i/{invitation_id}?token={token}")
        except ValueError:
            logging.getLogger("coulisses.test").exception("failed with token=%s", token)
    assert len(lines) >= 3
    text = "\n".join(json.dumps(line) for line in lines)
    assert token not in text
    assert "[redacted]" in text


def test_configure_logging_writes_json_outside_dev_and_text_in_dev(monkeypatch):
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    settings = get_settings()

    def ours() -> logging.Handler:
        [handler] = [h for h in root.handlers if h.get_name() == "coulisses"]
        return handler

    try:
        monkeypatch.setattr(settings, "env", "production")
        configure_logging()
        assert isinstance(ours().formatter, JsonFormatter)
        monkeypatch.setattr(settings, "env", "dev")
        configure_logging()
        assert not isinstance(ours().formatter, JsonFormatter)
        monkeypatch.setattr(settings, "log_format", "json")
        monkeypatch.setattr(settings, "log_level", "WARNING")
        configure_logging()
        assert isinstance(ours().formatter, JsonFormatter)
        assert root.level == logging.WARNING
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
