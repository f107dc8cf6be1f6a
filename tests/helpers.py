"""Helpers shared by the integration tests: sign up orgs, authenticated clients."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import httpx

PASSWORD = "Sc3ne-Ouverte!"
_counter = itertools.count(1)


@dataclass
class OrgSession:
    client: httpx.AsyncClient
    org_id: int
    account_id: int
    email: str

    @property
    def csrf(self) -> dict[str, str]:
        return {"X-CSRF-Token": self.client.cookies.get("cc_csrf") or ""}

    async def get(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.get(url, **kw)

    async def post(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.post(url, headers={**self.csrf, **kw.pop("headers", {})}, **kw)

    async def patch(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.patch(url, headers={**self.csrf, **kw.pop("headers", {})}, **kw)

    async def put(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.put(url, headers={**self.csrf, **kw.pop("headers", {})}, **kw)

    async def delete(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.delete(url, headers={**self.csrf, **kw.pop("headers", {})}, **kw)


async def signup(client: httpx.AsyncClient, org_name: str | None = None) -> OrgSession:
    n = next(_counter)
    email = f"owner{n}@example.org"
    response = await client.post(
        "/api/v1/auth/signup",
        json={"email": email, "password": PASSWORD, "org_name": org_name or f"Org {n}"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return OrgSession(client, body["org_id"], body["account_id"], email)


def error_code(response: httpx.Response) -> str:
    return str(response.json()["error"]["code"])
