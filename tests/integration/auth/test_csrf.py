"""CSRF double-submit: cookie sessions need X-CSRF-Token on unsafe methods, Bearer does not."""

from __future__ import annotations

import pytest

from coulisses.db.connection import fetch
from tests.integration.auth.support import PASSWORD, assert_error, counts, login, signup


async def _org_name(org_id: int) -> str:
    return str((await fetch("SELECT name FROM orgs WHERE id = $1", org_id))[0]["name"])


async def test_bearer_header_authenticates_writes_without_any_csrf_token(client, new_client):
    owner = await signup(client, "Avant Bearer")
    api = new_client()  # no cookies at all: a script or a mobile app
    headers = {"Authorization": f"Bearer {client.cookies['cc_access']}"}
    me = await api.get("/api/v1/auth/me", headers=headers)
    assert me.status_code == 200
    assert me.json()["account"]["id"] == owner.account_id
    renamed = await api.patch(
        "/api/v1/orgs/current", json={"name": "Apres Bearer"}, headers=headers
    )
    assert renamed.status_code == 200, renamed.text
    assert await _org_name(owner.org_id) == "Apres Bearer"


async def test_bearer_header_wins_over_cookies_and_skips_the_csrf_check(client):
    owner = await signup(client, "Avant")
    response = await client.patch(
        "/api/v1/orgs/current",
        json={"name": "Apres"},
        headers={"Authorization": f"Bearer {client.cookies['cc_access']}"},
    )
    assert response.status_code == 200, response.text
    assert await _org_name(owner.org_id) == "Apres"


async def test_cookie_session_patch_without_csrf_header_is_403_and_changes_nothing(client):
    owner = await signup(client, "Inchange")
    response = await client.patch("/api/v1/orgs/current", json={"name": "Pirate"})
    assert_error(response, 403, "auth.csrf")
    assert await _org_name(owner.org_id) == "Inchange"


@pytest.mark.parametrize("wrong", ["nope", "", "x" * 43])
async def test_cookie_session_patch_with_a_wrong_csrf_header_is_403_and_changes_nothing(
    client, wrong
):
    owner = await signup(client, "Inchange")
    response = await client.patch(
        "/api/v1/orgs/current", json={"name": "Pirate"}, headers={"X-CSRF-Token": wrong}
    )
    assert_error(response, 403, "auth.csrf")
    assert await _org_name(owner.org_id) == "Inchange"


async def test_cookie_session_post_without_csrf_header_is_403_and_adds_no_member(client):
    await signup(client)
    before = await counts()
    response = await client.post(
        "/api/v1/orgs/current/members", json={"email": "intrus@example.org", "role": "admin"}
    )
    assert_error(response, 403, "auth.csrf")
    assert await counts() == before


async def test_cookie_session_delete_without_csrf_header_is_403_and_removes_nobody(client):
    owner = await signup(client)
    invited = await owner.post(
        "/api/v1/orgs/current/members", json={"email": "tech@example.org", "role": "tech"}
    )
    assert invited.status_code == 201, invited.text
    member_id = invited.json()["account_id"]
    response = await client.delete(f"/api/v1/orgs/current/members/{member_id}")
    assert_error(response, 403, "auth.csrf")
    assert await fetch(
        "SELECT 1 FROM org_memberships WHERE account = $1 AND org = $2", member_id, owner.org_id
    )


async def test_cookie_session_write_with_the_right_csrf_header_is_accepted(client):
    owner = await signup(client, "Avant")
    response = await owner.patch("/api/v1/orgs/current", json={"name": "Apres"})
    assert response.status_code == 200, response.text
    assert await _org_name(owner.org_id) == "Apres"


async def test_csrf_token_of_another_session_is_refused(client, new_client):
    owner = await signup(client, "Inchange")
    other = await signup(new_client())
    response = await client.patch(
        "/api/v1/orgs/current", json={"name": "Pirate"}, headers=other.csrf
    )
    assert_error(response, 403, "auth.csrf")
    assert await _org_name(owner.org_id) == "Inchange"


async def test_safe_methods_with_cookies_need_no_csrf_header(client):
    await signup(client)
    assert (await client.get("/api/v1/auth/me")).status_code == 200
    assert (await client.get("/api/v1/orgs/current")).status_code == 200


async def test_password_change_with_cookies_and_no_csrf_header_is_403_and_keeps_password(
    client, new_client
):
    owner = await signup(client)
    response = await client.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": "Rideau-Rouge-42"},
    )
    assert_error(response, 403, "auth.csrf")
    assert (await login(new_client(), owner.email)).status_code == 200


async def test_logout_with_cookies_and_no_csrf_header_is_403_and_revokes_nothing(client):
    owner = await signup(client)
    response = await client.post("/api/v1/auth/logout")
    assert_error(response, 403, "auth.csrf")
    rows = await fetch("SELECT revoked FROM refresh_tokens WHERE account = $1", owner.account_id)
    assert not any(r["revoked"] for r in rows)


async def test_refresh_with_cookies_and_no_csrf_header_is_403_and_rotates_nothing(client):
    await signup(client)
    before = await fetch("SELECT id, rotated_at FROM refresh_tokens")
    response = await client.post("/api/v1/auth/refresh")
    assert_error(response, 403, "auth.csrf")
    assert await fetch("SELECT id, rotated_at FROM refresh_tokens") == before


async def test_login_and_signup_need_no_csrf_header_even_with_old_cookies(client):
    owner = await signup(client)
    assert (await login(client, owner.email)).status_code == 200
    second = await client.post(
        "/api/v1/auth/signup",
        json={"email": "second@example.org", "password": PASSWORD, "org_name": "Deux"},
    )
    assert second.status_code == 201, second.text


@pytest.mark.parametrize(
    "foreign", ['prefs={"theme":"dark"}', "tracker=a b", 'broken="unterminated']
)
async def test_a_foreign_cookie_the_stdlib_parser_rejects_does_not_hide_the_session(
    client, new_client, foreign
):
    owner = await signup(client)
    browser = new_client()
    cookie = f"{foreign}; cc_access={client.cookies['cc_access']}"
    me = await browser.get("/api/v1/auth/me", headers={"Cookie": cookie})
    assert me.status_code == 200, me.text
    assert me.json()["account"]["id"] == owner.account_id


async def test_a_foreign_cookie_does_not_let_a_cookie_write_skip_the_csrf_check(client, new_client):
    owner = await signup(client)
    browser = new_client()
    cookie = f'prefs={{"a":1}}; cc_refresh={client.cookies["cc_refresh"]}'
    response = await browser.post("/api/v1/auth/logout", headers={"Cookie": cookie})
    assert_error(response, 403, "auth.csrf")
    rows = await fetch("SELECT revoked FROM refresh_tokens WHERE account = $1", owner.account_id)
    assert not any(r["revoked"] for r in rows)


async def test_csrf_token_of_another_session_of_the_same_account_is_refused(client, new_client):
    owner = await signup(client, "Inchange")
    browser = new_client()
    assert (await login(browser, owner.email)).status_code == 200
    foreign = browser.cookies["cc_csrf"]
    assert foreign != client.cookies["cc_csrf"]
    # Even sent as both the cookie and the header (a planted cookie), it is not this session's.
    response = await client.patch(
        "/api/v1/orgs/current",
        json={"name": "Pirate"},
        headers={"X-CSRF-Token": foreign, "Cookie": _jar(client, cc_csrf=foreign)},
    )
    assert_error(response, 403, "auth.csrf")
    assert await _org_name(owner.org_id) == "Inchange"


def _jar(client, **override: str) -> str:
    jar = {name: client.cookies[name] for name in ("cc_access", "cc_refresh", "cc_csrf")}
    jar.update(override)
    return "; ".join(f"{k}={v}" for k, v in jar.items())


async def test_csrf_token_stays_valid_across_refresh_rotation(client):
    owner = await signup(client, "Avant")
    csrf = client.cookies["cc_csrf"]
    assert (await owner.post("/api/v1/auth/refresh")).status_code == 200
    assert (await owner.post("/api/v1/auth/refresh")).status_code == 200
    assert client.cookies["cc_csrf"] == csrf
    response = await client.patch(
        "/api/v1/orgs/current", json={"name": "Apres"}, headers={"X-CSRF-Token": csrf}
    )
    assert response.status_code == 200, response.text


async def test_refresh_with_an_expired_access_cookie_checks_csrf_against_the_refresh_family(
    client, new_client
):
    owner = await signup(client)
    other = new_client()
    assert (await login(other, owner.email)).status_code == 200
    # No access cookie (expired): only the refresh cookie names the session.
    jar = f"cc_refresh={client.cookies['cc_refresh']}; cc_csrf={other.cookies['cc_csrf']}"
    foreign = await new_client().post(
        "/api/v1/auth/refresh",
        headers={"Cookie": jar, "X-CSRF-Token": other.cookies["cc_csrf"]},
    )
    assert_error(foreign, 403, "auth.csrf")
    own = client.cookies["cc_csrf"]
    jar = f"cc_access=expired.jwt.value; cc_refresh={client.cookies['cc_refresh']}; cc_csrf={own}"
    refreshed = await new_client().post(
        "/api/v1/auth/refresh", headers={"Cookie": jar, "X-CSRF-Token": own}
    )
    assert refreshed.status_code == 200, refreshed.text
    logout_jar = f"cc_refresh={refreshed.cookies['cc_refresh']}; cc_csrf={own}"
    refused = await new_client().post(
        "/api/v1/auth/logout",
        headers={"Cookie": logout_jar, "X-CSRF-Token": other.cookies["cc_csrf"]},
    )
    assert_error(refused, 403, "auth.csrf")
    done = await new_client().post(
        "/api/v1/auth/logout", headers={"Cookie": logout_jar, "X-CSRF-Token": own}
    )
    assert done.status_code == 204, done.text
    assert owner.account_id
