"""Ending a session ends its access tokens at once, not when they expire."""

from __future__ import annotations

from coulisses.db.connection import fetch
from tests.integration.auth.support import PASSWORD, assert_error, login, signup
from tests.integration.auth.test_password_reset import (
    CONFIRM,
    NEW_PASSWORD,
    REQUEST,
    _drain,
    _reset_token_from_email,
)

ME = "/api/v1/auth/me"


async def _me(client, access: str):
    return await client.get(ME, headers={"Authorization": f"Bearer {access}"})


async def test_logout_makes_that_access_token_401_at_once_and_other_sessions_keep_working(
    client, new_client
):
    owner = await signup(client)
    access = client.cookies["cc_access"]
    other = (await login(new_client(), owner.email)).json()["access_token"]
    assert (await _me(new_client(), access)).status_code == 200
    response = await owner.post("/api/v1/auth/logout")
    assert response.status_code == 204, response.text
    assert_error(await _me(new_client(), access), 401, "auth.unauthenticated")
    # The same token as a cookie is refused too.
    cookie = await new_client().get(ME, headers={"Cookie": f"cc_access={access}"})
    assert_error(cookie, 401, "auth.unauthenticated")
    assert (await _me(new_client(), other)).status_code == 200


async def test_logout_with_only_a_bearer_access_token_ends_that_session(client, new_client):
    owner = await signup(client)
    api = new_client()
    access = (await login(api, owner.email)).json()["access_token"]
    headers = {"Authorization": f"Bearer {access}"}
    response = await new_client().post("/api/v1/auth/logout", headers=headers)
    assert response.status_code == 204, response.text
    assert_error(await _me(new_client(), access), 401, "auth.unauthenticated")
    assert (await client.get(ME)).status_code == 200  # the signup session is another one


async def test_refresh_reuse_ends_the_access_tokens_of_the_family_at_once(client, new_client):
    owner = await signup(client)
    stolen = client.cookies["cc_refresh"]
    assert (await owner.post("/api/v1/auth/refresh")).status_code == 200
    access = client.cookies["cc_access"]
    replay = await new_client().post("/api/v1/auth/refresh", headers={"X-Refresh-Token": stolen})
    assert_error(replay, 401, "auth.refresh_reused")
    assert_error(await _me(new_client(), access), 401, "auth.unauthenticated")


async def test_password_change_ends_every_other_access_token_and_the_new_session_works(
    client, new_client
):
    owner = await signup(client)
    before = client.cookies["cc_access"]
    other = (await login(new_client(), owner.email)).json()["access_token"]
    response = await owner.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
    )
    assert response.status_code == 200, response.text
    assert_error(await _me(new_client(), before), 401, "auth.unauthenticated")
    assert_error(await _me(new_client(), other), 401, "auth.unauthenticated")
    assert (await _me(new_client(), response.json()["access_token"])).status_code == 200
    # The browser that changed it carries on with its new cookies, writes included.
    assert (await client.get(ME)).status_code == 200
    renamed = await owner.patch("/api/v1/orgs/current", json={"name": "Apres changement"})
    assert renamed.status_code == 200, renamed.text


async def test_password_reset_ends_every_access_token_of_the_account_at_once(
    client, new_client, mail_sink
):
    owner = await signup(client)
    await _drain(mail_sink)
    access = client.cookies["cc_access"]
    other = (await login(new_client(), owner.email)).json()["access_token"]
    assert (await new_client().post(REQUEST, json={"email": owner.email})).status_code == 202
    token = await _reset_token_from_email(mail_sink, owner.email)
    confirmed = await new_client().post(
        CONFIRM, json={"token": token, "new_password": NEW_PASSWORD}
    )
    assert confirmed.status_code == 200, confirmed.text
    assert_error(await _me(new_client(), access), 401, "auth.unauthenticated")
    assert_error(await _me(new_client(), other), 401, "auth.unauthenticated")
    assert (await login(new_client(), owner.email, NEW_PASSWORD)).status_code == 200


async def test_refresh_tokens_family_is_indexed_for_the_per_request_session_check():
    rows = await fetch(
        """SELECT indexdef FROM pg_indexes
           WHERE tablename = 'refresh_tokens' AND indexdef LIKE '%(family)%'"""
    )
    assert rows
