"""Refresh rotation, theft detection by family, expiry, and access JWT validation."""

from __future__ import annotations

import datetime as dt

import jwt
import pytest

from coulisses.db.connection import fetch
from coulisses.settings import get_settings
from tests.integration.auth.support import assert_error, login, set_cookies, signup

REFRESH = "/api/v1/auth/refresh"


async def _refresh_with(client, token: str):
    """Refresh as a browser would, with only that refresh cookie (and its CSRF pair)."""
    return await client.post(
        REFRESH,
        headers={"Cookie": f"cc_refresh={token}; cc_csrf=pair", "X-CSRF-Token": "pair"},
    )


async def _family(account_id: int) -> list[dict]:
    return await fetch(
        "SELECT family, rotated_at, revoked FROM refresh_tokens WHERE account = $1 ORDER BY id",
        account_id,
    )


async def test_refresh_rotates_the_refresh_cookie_and_issues_a_new_access_token(client):
    owner = await signup(client)
    old_refresh = client.cookies["cc_refresh"]
    old_csrf = client.cookies["cc_csrf"]
    response = await owner.post(REFRESH)
    assert response.status_code == 200, response.text
    cookies = set_cookies(response)
    assert cookies["cc_refresh"].value != old_refresh
    assert cookies["cc_refresh"]["path"] == "/api/v1/auth"
    assert cookies["cc_refresh"]["httponly"] is True
    assert cookies["cc_csrf"].value != old_csrf
    body = response.json()
    assert body["account_id"] == owner.account_id
    assert body["org_id"] == owner.org_id
    rows = await _family(owner.account_id)
    assert len(rows) == 2
    assert rows[0]["family"] == rows[1]["family"]
    assert rows[0]["rotated_at"] is not None
    assert rows[1]["rotated_at"] is None
    assert (await client.get("/api/v1/auth/me")).status_code == 200


async def test_refresh_with_the_x_refresh_token_header_needs_no_cookie_nor_csrf(client, new_client):
    owner = await signup(client)
    response = await new_client().post(
        REFRESH, headers={"X-Refresh-Token": client.cookies["cc_refresh"]}
    )
    assert response.status_code == 200, response.text
    assert response.json()["account_id"] == owner.account_id


async def test_reusing_a_rotated_refresh_token_is_401_refresh_reused_and_revokes_the_family(
    client, new_client
):
    owner = await signup(client)
    first = client.cookies["cc_refresh"]
    rotated = await owner.post(REFRESH)
    assert rotated.status_code == 200
    second = client.cookies["cc_refresh"]
    assert second != first

    thief = new_client()
    assert_error(await _refresh_with(thief, first), 401, "auth.refresh_reused")
    rows = await _family(owner.account_id)
    assert all(r["revoked"] for r in rows)
    # The legitimate holder of the newest token is logged out too: the family is dead.
    assert_error(await _refresh_with(new_client(), second), 401, "auth.invalid_refresh")
    assert_error(await owner.post(REFRESH), 401, "auth.invalid_refresh")


async def test_refresh_reuse_leaves_the_accounts_other_logins_alive(client, new_client):
    owner = await signup(client)
    first = client.cookies["cc_refresh"]
    assert (await owner.post(REFRESH)).status_code == 200
    laptop = new_client()
    assert (await login(laptop, owner.email)).status_code == 200
    assert_error(await _refresh_with(new_client(), first), 401, "auth.refresh_reused")
    response = await laptop.post(REFRESH, headers={"X-CSRF-Token": laptop.cookies["cc_csrf"]})
    assert response.status_code == 200, response.text


async def test_expired_refresh_token_is_401_refresh_expired(client):
    owner = await signup(client)
    await fetch(
        "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE account = $1",
        owner.account_id,
    )
    assert_error(await owner.post(REFRESH), 401, "auth.refresh_expired")
    rows = await _family(owner.account_id)
    assert len(rows) == 1  # nothing was issued
    assert rows[0]["rotated_at"] is None


async def test_unknown_refresh_token_is_401_invalid_refresh(new_client):
    assert_error(await _refresh_with(new_client(), "not-a-token"), 401, "auth.invalid_refresh")


async def test_refresh_without_any_token_is_401_invalid_refresh(client):
    assert_error(await client.post(REFRESH), 401, "auth.invalid_refresh")


async def test_refresh_of_a_deactivated_account_is_401_invalid_refresh(client):
    owner = await signup(client)
    await fetch("UPDATE accounts SET active = false WHERE id = $1", owner.account_id)
    assert_error(await owner.post(REFRESH), 401, "auth.invalid_refresh")


def _claims(**overrides):
    now = dt.datetime.now(dt.UTC)
    claims = {
        "sub": "1",
        "org": 1,
        "iat": now,
        "exp": now + dt.timedelta(minutes=5),
        "typ": "access",
    }
    claims.update(overrides)
    return claims


async def _me_with_bearer(client, token: str):
    return await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})


async def test_valid_access_token_on_me_is_accepted_as_a_control(client, new_client):
    owner = await signup(client)
    token = jwt.encode(
        _claims(sub=str(owner.account_id), org=owner.org_id),
        get_settings().secret_key,
        algorithm="HS256",
    )
    assert (await _me_with_bearer(new_client(), token)).status_code == 200


async def test_access_token_signed_with_another_key_is_401_unauthenticated(client, new_client):
    owner = await signup(client)
    forged = jwt.encode(
        _claims(sub=str(owner.account_id), org=owner.org_id),
        "another-key-that-is-at-least-32-bytes-long",
        algorithm="HS256",
    )
    assert_error(await _me_with_bearer(new_client(), forged), 401, "auth.unauthenticated")


async def test_expired_access_token_is_401_unauthenticated_on_me(client, new_client):
    owner = await signup(client)
    past = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    expired = jwt.encode(
        _claims(
            sub=str(owner.account_id),
            org=owner.org_id,
            iat=past,
            exp=past + dt.timedelta(minutes=15),
        ),
        get_settings().secret_key,
        algorithm="HS256",
    )
    assert_error(await _me_with_bearer(new_client(), expired), 401, "auth.unauthenticated")
    # The same token in the access cookie is refused the same way.
    cookie = await new_client().get("/api/v1/auth/me", headers={"Cookie": f"cc_access={expired}"})
    assert_error(cookie, 401, "auth.unauthenticated")


@pytest.mark.parametrize(
    "overrides",
    [
        {"typ": "refresh"},
        {"exp": None},
        {"sub": "not-a-number"},
        {"sub": "99999999999"},
        {"org": "1"},
        {"org": 99999999999},
    ],
    ids=["wrong-type", "no-expiry", "sub-not-int", "sub-out-of-range", "org-str", "org-big"],
)
async def test_well_signed_but_malformed_access_token_is_401_never_500(
    client, new_client, overrides
):
    owner = await signup(client)
    claims = _claims(**{"sub": str(owner.account_id), "org": owner.org_id, **overrides})
    claims = {k: v for k, v in claims.items() if v is not None}
    token = jwt.encode(claims, get_settings().secret_key, algorithm="HS256")
    assert_error(await _me_with_bearer(new_client(), token), 401, "auth.unauthenticated")


async def test_unsigned_alg_none_access_token_is_401_unauthenticated(client, new_client):
    owner = await signup(client)
    token = jwt.encode(_claims(sub=str(owner.account_id), org=owner.org_id), None, algorithm="none")
    assert_error(await _me_with_bearer(new_client(), token), 401, "auth.unauthenticated")


async def test_garbage_bearer_token_is_401_unauthenticated(new_client):
    assert_error(await _me_with_bearer(new_client(), "garbage"), 401, "auth.unauthenticated")


async def test_access_token_of_a_deactivated_account_is_401_at_once(client):
    owner = await signup(client)
    await fetch("UPDATE accounts SET active = false WHERE id = $1", owner.account_id)
    assert_error(await client.get("/api/v1/auth/me"), 401, "auth.unauthenticated")
