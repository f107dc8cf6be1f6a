"""Refresh rotation, theft detection by family, expiry, and access JWT validation."""

from __future__ import annotations

import datetime as dt
import uuid

import jwt
import pytest

from coulisses.auth.tokens import csrf_token, hash_token, key_id
from coulisses.db.connection import fetch
from coulisses.settings import get_settings
from tests.integration.auth.support import assert_error, login, set_cookies, signup

REFRESH = "/api/v1/auth/refresh"


async def _refresh_with(client, token: str):
    """Refresh as a browser would, with only that refresh cookie (and its session's CSRF)."""
    rows = await fetch("SELECT family FROM refresh_tokens WHERE token_hash = $1", hash_token(token))
    csrf = csrf_token(rows[0]["family"]) if rows else "pair"
    return await client.post(
        REFRESH,
        headers={"Cookie": f"cc_refresh={token}; cc_csrf={csrf}", "X-CSRF-Token": csrf},
    )


def _sign(claims, key=None) -> str:
    """An access JWT signed like the server does (``kid`` header), by default with its key."""
    key = key or get_settings().secret_key
    return jwt.encode(claims, key, algorithm="HS256", headers={"kid": key_id(key)})


async def _sid(account_id: int) -> str:
    rows = await fetch("SELECT family FROM refresh_tokens WHERE account = $1 LIMIT 1", account_id)
    return str(rows[0]["family"]) if rows else str(uuid.uuid4())


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
    # The CSRF token belongs to the session, not to one refresh token: it stays.
    assert cookies["cc_csrf"].value == old_csrf
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
        "sid": str(uuid.uuid4()),
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
    token = _sign(
        _claims(sub=str(owner.account_id), org=owner.org_id, sid=await _sid(owner.account_id))
    )
    assert (await _me_with_bearer(new_client(), token)).status_code == 200


async def test_access_token_signed_with_another_key_is_401_unauthenticated(client, new_client):
    owner = await signup(client)
    claims = _claims(sub=str(owner.account_id), org=owner.org_id, sid=await _sid(owner.account_id))
    forged = _sign(claims, "another-key-that-is-at-least-32-bytes-long")
    assert_error(await _me_with_bearer(new_client(), forged), 401, "auth.unauthenticated")
    # Even naming the server's key in the header does not help.
    lying = jwt.encode(
        claims,
        "another-key-that-is-at-least-32-bytes-long",
        algorithm="HS256",
        headers={"kid": key_id(get_settings().secret_key)},
    )
    assert_error(await _me_with_bearer(new_client(), lying), 401, "auth.unauthenticated")


OLD_PUBLISHED_DEFAULT = "dev-insecure-secret-change-me-in-production-please"


@pytest.mark.parametrize("with_kid", [True, False], ids=["kid-of-that-key", "no-kid"])
async def test_access_token_signed_with_the_old_published_default_secret_is_401(
    client, new_client, with_kid
):
    owner = await signup(client)
    claims = _claims(sub=str(owner.account_id), org=owner.org_id, sid=await _sid(owner.account_id))
    headers = {"kid": key_id(OLD_PUBLISHED_DEFAULT)} if with_kid else None
    forged = jwt.encode(claims, OLD_PUBLISHED_DEFAULT, algorithm="HS256", headers=headers)
    assert_error(await _me_with_bearer(new_client(), forged), 401, "auth.unauthenticated")


async def test_access_token_without_kid_is_401_even_with_the_right_key(client, new_client):
    owner = await signup(client)
    claims = _claims(sub=str(owner.account_id), org=owner.org_id, sid=await _sid(owner.account_id))
    token = jwt.encode(claims, get_settings().secret_key, algorithm="HS256")
    assert_error(await _me_with_bearer(new_client(), token), 401, "auth.unauthenticated")


async def test_token_of_a_rotated_out_key_works_while_listed_and_fails_once_removed(
    client, new_client, monkeypatch
):
    settings = get_settings()
    old_key = settings.secret_key
    owner = await signup(client)
    token = client.cookies["cc_access"]  # signed with the key about to be rotated out
    new_key = "rotated-in-" + uuid.uuid4().hex + uuid.uuid4().hex
    monkeypatch.setattr(settings, "secret_key", new_key)
    monkeypatch.setattr(settings, "old_secret_keys", old_key)
    me = await _me_with_bearer(new_client(), token)
    assert me.status_code == 200, me.text
    assert me.json()["account"]["id"] == owner.account_id
    # A new session is signed with the new key, and its kid names it.
    fresh = await login(new_client(), owner.email)
    assert jwt.get_unverified_header(fresh.json()["access_token"])["kid"] == key_id(new_key)
    # A cookie write of the old session still passes its CSRF check during the rotation.
    renamed = await owner.patch("/api/v1/orgs/current", json={"name": "Pendant rotation"})
    assert renamed.status_code == 200, renamed.text
    monkeypatch.setattr(settings, "old_secret_keys", "")
    assert_error(await _me_with_bearer(new_client(), token), 401, "auth.unauthenticated")
    assert (await _me_with_bearer(new_client(), fresh.json()["access_token"])).status_code == 200


async def test_expired_access_token_is_401_unauthenticated_on_me(client, new_client):
    owner = await signup(client)
    past = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    expired = _sign(
        _claims(
            sub=str(owner.account_id),
            org=owner.org_id,
            sid=await _sid(owner.account_id),
            iat=past,
            exp=past + dt.timedelta(minutes=15),
        )
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
        {"sid": None},
        {"sid": "not-a-uuid"},
        {"sid": 12},
    ],
    ids=[
        "wrong-type",
        "no-expiry",
        "sub-not-int",
        "sub-out-of-range",
        "org-str",
        "org-big",
        "no-sid",
        "sid-not-uuid",
        "sid-int",
    ],
)
async def test_well_signed_but_malformed_access_token_is_401_never_500(
    client, new_client, overrides
):
    owner = await signup(client)
    base = {"sub": str(owner.account_id), "org": owner.org_id, "sid": await _sid(owner.account_id)}
    claims = _claims(**{**base, **overrides})
    claims = {k: v for k, v in claims.items() if v is not None}
    token = _sign(claims)
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
