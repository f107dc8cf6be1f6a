"""The ASGI input guard: deep bodies refused before any decoder, other bodies replayed intact."""

from __future__ import annotations

import json
from typing import Any

from coulisses.web.input_guards import MAX_JSON_DEPTH, guard_input, json_depth_exceeds


def test_the_depth_bound_ignores_brackets_inside_strings_and_counts_real_nesting():
    assert not json_depth_exceeds(b'{"a": "' + b"[" * 500 + b'"}')
    assert not json_depth_exceeds(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH)
    assert json_depth_exceeds(b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1))
    assert json_depth_exceeds(b'{"a": "\\"[", "b":' + b"[" * 40 + b"]" * 40 + b"}")
    # Many siblings are not depth.
    assert not json_depth_exceeds(b"[" + b"[]," * 5000 + b"[]]")


async def _run(
    chunks: list[bytes], content_type: bytes = b"application/json", limit: int = 10_000
) -> tuple[list[dict[str, Any]], bytes | None]:
    """Send ``chunks`` through the guard; what the client got and what the app read."""
    incoming = [
        {"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
        for i, c in enumerate(chunks)
    ]
    sent: list[dict[str, Any]] = []
    seen: dict[str, bytes] = {}

    async def app(scope: Any, receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        seen["body"] = body
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    async def receive() -> dict[str, Any]:
        return incoming.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/admin/public/login/",
        "query_string": b"",
        "headers": [(b"content-type", content_type)],
    }
    await guard_input(app, limit)(scope, receive, send)
    return sent, seen.get("body")


async def test_a_deep_body_split_in_chunks_is_refused_before_the_app_reads_it():
    deep = b'{"a":' * 100 + b"1" + b"}" * 100
    sent, read = await _run([deep[:50], deep[50:300], deep[300:]], content_type=b"text/plain")
    assert read is None
    assert sent[0]["status"] == 400
    assert json.loads(sent[1]["body"])["error"]["code"] == "request.too_deep"


async def test_an_ordinary_body_reaches_the_app_intact_in_chunks():
    body = json.dumps({"a": [[1, 2], {"b": "[[[[["}], "c": "x" * 5000}).encode()
    sent, read = await _run([body[:10], body[10:4000], body[4000:]])
    assert read == body
    assert sent[0]["status"] == 200


async def test_a_body_over_the_size_limit_is_left_to_the_app_unread_by_the_guard():
    deep = b"[" * 100 + b"]" * 100
    sent, read = await _run([deep[:150], deep[150:]], limit=100)
    assert read == deep  # the app sees everything and answers its own 413
    assert sent[0]["status"] == 200


async def test_form_bodies_are_not_inspected():
    body = b"a=" + b"[" * 100
    _, read = await _run([body], content_type=b"application/x-www-form-urlencoded")
    assert read == body
