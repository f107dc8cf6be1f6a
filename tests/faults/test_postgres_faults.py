"""PostgreSQL killed or frozen under a running app: 503 service.unavailable, never a 500
nor a hang, and the app recovers by itself when PostgreSQL is back."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx

from tests.faults.conftest import wait_ready
from tests.faults.harness import assert_unavailable, describe
from tests.helpers import PASSWORD


async def _owner(client: httpx.AsyncClient) -> dict[str, str]:
    response = await client.post(
        "/api/v1/auth/signup",
        json={"email": "owner@example.org", "password": PASSWORD, "org_name": "Fault Org"},
    )
    assert response.status_code == 201, response.text
    login = await client.post(
        "/api/v1/auth/login", json={"email": "owner@example.org", "password": PASSWORD}
    )
    assert login.status_code == 200, login.text
    return {"Authorization": f"Bearer {login.json()['access_token']}"}


def _mixed_requests(client: httpx.AsyncClient, bearer: dict[str, str], n: int) -> list[Any]:
    calls: list[Any] = []
    for i in range(n):
        match i % 4:
            case 0:
                calls.append(client.get("/api/v1/projects", headers=bearer))
            case 1:
                calls.append(client.get("/readyz", headers=bearer))
            case 2:
                calls.append(
                    client.post(
                        "/api/v1/auth/login",
                        json={"email": "owner@example.org", "password": "wrong-password-1"},
                    )
                )
            case _:
                calls.append(client.get("/api/v1/auth/me", headers=bearer))
    return calls


async def test_postgres_killed_mid_traffic_answers_503_then_recovers(fault_pg, start_app):
    app = await start_app()
    async with httpx.AsyncClient(base_url=app.url, timeout=30) as client:
        bearer = await _owner(client)

        results: list[httpx.Response] = []
        for i, call in enumerate(_mixed_requests(client, bearer, 200)):
            if i == 40:
                fault_pg.kill()
            results.append(await call)

        errors = [describe(r) for r in results if r.status_code >= 500 and r.status_code != 503]
        assert not errors, errors
        failures = [r for r in results if r.status_code == 503 and r.url.path != "/readyz"]
        assert failures, "PostgreSQL was down, some requests must have been refused"
        for response in failures:
            assert_unavailable(response)

        # /readyz is 503 whatever the headers while the database is down.
        for headers in (bearer, {}):
            ready = await client.get("/readyz", headers=headers)
            assert ready.status_code == 503, ready.text
            assert ready.json()["error"]["code"] == "ops.db_unreachable"
            assert int(ready.headers["retry-after"]) > 0

        await fault_pg.start()
        await wait_ready(app)
        me = await client.get("/api/v1/auth/me", headers=bearer)
        assert me.status_code == 200, me.text


FREEZE_SECONDS = 12.0


async def test_postgres_frozen_requests_fail_fast_with_503_then_recover(fault_pg, start_app):
    app = await start_app(
        COULISSES_DB_CONNECT_TIMEOUT="1",
        COULISSES_DB_ACQUIRE_TIMEOUT="1",
        COULISSES_DB_STATEMENT_TIMEOUT="2",
    )
    async with httpx.AsyncClient(base_url=app.url, timeout=FREEZE_SECONDS * 2) as client:
        bearer = await _owner(client)

        async def timed(call: Any) -> tuple[httpx.Response, float]:
            started = time.monotonic()
            response = await call
            return response, time.monotonic() - started

        fault_pg.freeze()
        frozen_at = time.monotonic()
        try:
            answered: list[tuple[httpx.Response, float]] = []
            for _ in range(2):  # a second wave meets the connections the first one broke
                answered += await asyncio.gather(
                    *(timed(call) for call in _mixed_requests(client, bearer, 8))
                )
            still_frozen = time.monotonic() - frozen_at < FREEZE_SECONDS
            await asyncio.sleep(max(0.0, FREEZE_SECONDS - (time.monotonic() - frozen_at)))
        finally:
            fault_pg.thaw()

        assert still_frozen, "the requests outlasted the freeze: they did not fail fast"
        print([(describe(r), round(t, 1)) for r, t in answered])
        for response, seconds in answered:
            assert seconds < 6, f"{describe(response)} took {seconds:.1f} s"
            assert response.status_code == 503, describe(response)
            if response.url.path != "/readyz":
                assert_unavailable(response)

        await wait_ready(app, within=30)
        me = await client.get("/api/v1/auth/me", headers=bearer)
        assert me.status_code == 200, me.text
