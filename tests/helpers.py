"""Helpers shared by the integration tests: sign up orgs, authenticated clients."""

from __future__ import annotations

import itertools
from typing import Any

import httpx

from coulisses_sdk.testing import OrgClient

PASSWORD = "Sc3ne-Ouverte!"
_counter = itertools.count(1)


# One authenticated-client helper for core and plugin tests: the SDK's.
OrgSession = OrgClient


async def signup(client: httpx.AsyncClient, org_name: str | None = None) -> OrgSession:
    n = next(_counter)
    email = f"owner{n}@example.org"
    response = await client.post(
        "/api/v1/auth/signup",
        json={"email": email, "password": PASSWORD, "org_name": org_name or f"Org {n}"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return OrgSession(client, body["org_id"], body["account_id"], email, PASSWORD)


def error_code(response: httpx.Response) -> str:
    return str(response.json()["error"]["code"])


async def tech_session(org: OrgSession, new_client: Any, email: str) -> OrgSession:
    """A tech member of ``org`` (added with ``email``), signed in on a client of its own."""
    from coulisses.auth.tables import hash_password
    from coulisses.db.connection import fetch

    added = await org.post("/api/v1/orgs/current/members", json={"email": email, "role": "tech"})
    assert added.status_code == 201, added.text
    await fetch(
        "UPDATE accounts SET password = $2 WHERE username = $1", email, hash_password(PASSWORD)
    )
    tech_client = new_client()
    login = await tech_client.post(
        "/api/v1/auth/login", json={"email": email, "password": PASSWORD}
    )
    assert login.status_code == 200, login.text
    return OrgSession(tech_client, org.org_id, login.json()["account_id"], email)
