"""Helpers shared by the integration tests: sign up orgs, authenticated clients."""

from __future__ import annotations

import itertools

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
