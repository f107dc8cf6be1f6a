"""Helpers of the auth tests: row counts, Set-Cookie attributes, sessions by hand."""

from __future__ import annotations

from http.cookies import Morsel, SimpleCookie
from typing import Any

import httpx

from coulisses.db.connection import fetch
from tests.helpers import PASSWORD, OrgSession, error_code, signup

__all__ = [
    "PASSWORD",
    "OrgSession",
    "assert_error",
    "counts",
    "error_code",
    "login",
    "set_cookies",
    "signup",
]


async def counts() -> dict[str, int]:
    """How many rows the auth and tenancy tables hold (to prove a refusal wrote nothing)."""
    rows = await fetch(
        """SELECT (SELECT count(*) FROM accounts) AS accounts,
                  (SELECT count(*) FROM orgs) AS orgs,
                  (SELECT count(*) FROM org_memberships) AS memberships,
                  (SELECT count(*) FROM refresh_tokens) AS refresh_tokens,
                  (SELECT count(*) FROM password_reset_tokens) AS reset_tokens"""
    )
    return {k: int(v) for k, v in rows[0].items()}


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The one error shape: {"error": {"code", "message", "details"?}} and nothing else."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert {"code", "message"} <= set(error) <= {"code", "message", "details"}, error
    assert error["code"] == code, error
    assert isinstance(error["message"], str)
    assert error["message"]
    return dict(error)


def set_cookies(response: httpx.Response) -> dict[str, Morsel[str]]:
    """The Set-Cookie headers of a response, by cookie name, with their attributes."""
    jar: dict[str, Morsel[str]] = {}
    for header in response.headers.get_list("set-cookie"):
        parsed: SimpleCookie = SimpleCookie()
        parsed.load(header)
        jar.update(parsed)
    return jar


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    return await client.post("/api/v1/auth/login", json={"email": email, "password": password})
