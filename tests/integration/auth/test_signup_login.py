"""Signup, login, logout and /me through HTTP."""

from __future__ import annotations

import pytest

from coulisses.auth.rbac import actions_for
from coulisses.db.connection import fetch
from coulisses.settings import get_settings
from tests.integration.auth.support import (
    PASSWORD,
    assert_error,
    counts,
    login,
    set_cookies,
    signup,
)

SIGNUP = "/api/v1/auth/signup"


async def test_signup_creates_org_and_its_owner_account(client):
    response = await client.post(
        SIGNUP,
        json={
            "email": "Regie@Example.org",
            "password": PASSWORD,
            "org_name": "Theatre des Coulisses",
            "first_name": "Ada",
            "last_name": "Regie",
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["access_token"]
    assert body["csrf_token"] == response.cookies["cc_csrf"]
    account = (await fetch("SELECT * FROM accounts WHERE id = $1", body["account_id"]))[0]
    assert account["email"] == "regie@example.org"
    assert account["username"] == "regie@example.org"
    assert account["password"].startswith("$argon2")
    assert PASSWORD not in account["password"]
    org = (await fetch("SELECT * FROM orgs WHERE id = $1", body["org_id"]))[0]
    assert org["name"] == "Theatre des Coulisses"
    memberships = await fetch("SELECT account, org, role FROM org_memberships")
    assert memberships == [{"account": body["account_id"], "org": body["org_id"], "role": "owner"}]
    assert (await fetch("SELECT action FROM audit_log WHERE org = $1", org["id"])) == [
        {"action": "org.created"}
    ]


async def test_signup_sets_httponly_session_cookies_and_a_readable_csrf_cookie(client):
    response = await client.post(
        SIGNUP, json={"email": "cookies@example.org", "password": PASSWORD, "org_name": "Jar"}
    )
    assert response.status_code == 201
    cookies = set_cookies(response)
    assert set(cookies) == {"cc_access", "cc_refresh", "cc_csrf"}
    access, refresh, csrf = cookies["cc_access"], cookies["cc_refresh"], cookies["cc_csrf"]
    assert access["httponly"] is True
    assert refresh["httponly"] is True
    assert not csrf["httponly"]  # the web client reads it to echo it in X-CSRF-Token
    assert refresh["path"] == "/api/v1/auth"  # sent to the auth routes only
    assert access["path"] == "/"
    assert csrf["path"] == "/"
    for morsel in cookies.values():
        assert morsel["samesite"].lower() == "lax"
    assert int(access["max-age"]) == get_settings().access_ttl_seconds
    assert int(refresh["max-age"]) == get_settings().refresh_ttl_seconds
    assert access.value == response.json()["access_token"]
    assert csrf.value == response.json()["csrf_token"]
    assert refresh.value not in response.text  # the refresh token never reaches JavaScript


async def test_session_cookies_are_secure_outside_dev_and_test(client, monkeypatch):
    monkeypatch.setattr(get_settings(), "env", "production")
    response = await client.post(
        SIGNUP, json={"email": "prod@example.org", "password": PASSWORD, "org_name": "Prod"}
    )
    assert response.status_code == 201
    cookies = set_cookies(response)
    assert all(morsel["secure"] is True for morsel in cookies.values())


async def test_session_cookies_are_not_secure_in_dev_so_http_localhost_works(client):
    response = await client.post(
        SIGNUP, json={"email": "dev@example.org", "password": PASSWORD, "org_name": "Dev"}
    )
    assert not any(morsel["secure"] for morsel in set_cookies(response).values())


@pytest.mark.parametrize(
    "variant", ["taken@example.org", "TAKEN@Example.ORG", " Taken@example.org "]
)
async def test_signup_with_an_email_already_taken_in_any_case_is_409_and_writes_nothing(
    client, new_client, variant
):
    first = await client.post(
        SIGNUP, json={"email": "Taken@example.org", "password": PASSWORD, "org_name": "First"}
    )
    assert first.status_code == 201
    before = await counts()
    response = await new_client().post(
        SIGNUP, json={"email": variant, "password": PASSWORD, "org_name": "Second"}
    )
    assert_error(response, 409, "auth.email_taken")
    assert "cc_access" not in response.cookies
    assert await counts() == before


async def test_login_with_the_right_password_opens_a_session_in_the_accounts_org(
    client, new_client
):
    owner = await signup(client, "Opera")
    browser = new_client()
    response = await login(browser, owner.email)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["account_id"] == owner.account_id
    assert body["org_id"] == owner.org_id
    assert set(set_cookies(response)) == {"cc_access", "cc_refresh", "cc_csrf"}
    me = await browser.get("/api/v1/auth/me")
    assert me.status_code == 200
    assert me.json()["active_org_id"] == owner.org_id
    last_login = await fetch("SELECT last_login FROM accounts WHERE id = $1", owner.account_id)
    assert last_login[0]["last_login"] is not None


async def test_login_email_is_case_insensitive_and_trimmed(client, new_client):
    owner = await signup(client)
    response = await login(new_client(), f"  {owner.email.upper()} ")
    assert response.status_code == 200, response.text
    assert response.json()["account_id"] == owner.account_id


async def test_login_with_a_wrong_password_is_401_invalid_credentials(client, new_client):
    owner = await signup(client)
    browser = new_client()
    response = await login(browser, owner.email, "Wrong-password-1")
    assert_error(response, 401, "auth.invalid_credentials")
    assert not set_cookies(response)
    assert_error(await browser.get("/api/v1/auth/me"), 401, "auth.unauthenticated")


async def test_login_with_an_unknown_email_gives_the_same_401_as_a_wrong_password(
    client, new_client
):
    owner = await signup(client)
    wrong_password = await login(new_client(), owner.email, "Wrong-password-1")
    unknown = await login(new_client(), "nobody@example.org", "Wrong-password-1")
    malformed = await login(new_client(), "not-an-email", "Wrong-password-1")
    assert wrong_password.json() == unknown.json() == malformed.json()
    assert_error(unknown, 401, "auth.invalid_credentials")


async def test_login_of_a_deactivated_account_is_401_invalid_credentials(client, new_client):
    owner = await signup(client)
    await fetch("UPDATE accounts SET active = false WHERE id = $1", owner.account_id)
    assert_error(await login(new_client(), owner.email), 401, "auth.invalid_credentials")


async def test_me_without_a_session_is_401_unauthenticated(client):
    assert_error(await client.get("/api/v1/auth/me"), 401, "auth.unauthenticated")


async def test_me_shows_the_account_its_orgs_the_active_org_and_the_role(client):
    response = await client.post(
        SIGNUP,
        json={
            "email": "me@example.org",
            "password": PASSWORD,
            "org_name": "Salle Pleyel",
            "first_name": "Marie",
            "last_name": "Scene",
        },
    )
    body = response.json()
    me = await client.get("/api/v1/auth/me")
    assert me.status_code == 200
    assert me.json() == {
        "account": {
            "id": body["account_id"],
            "email": "me@example.org",
            "first_name": "Marie",
            "last_name": "Scene",
            "is_superuser": False,
        },
        "orgs": [
            {
                "id": body["org_id"],
                "name": "Salle Pleyel",
                "slug": "salle-pleyel",
                "timezone": "Europe/Paris",
                "locale": "fr",
                "role": "owner",
            }
        ],
        "active_org_id": body["org_id"],
        "role": "owner",
        "mfa_enabled": False,
        "mfa_enrolment_required": False,
        "actions": actions_for("owner"),
    }


async def test_me_never_exposes_the_password_hash(client):
    await signup(client)
    assert "argon2" not in (await client.get("/api/v1/auth/me")).text


async def test_logout_revokes_the_refresh_family_and_clears_the_cookies(client):
    owner = await signup(client)
    refresh_token = client.cookies["cc_refresh"]
    response = await owner.post("/api/v1/auth/logout")
    assert response.status_code == 204
    cleared = set_cookies(response)
    assert set(cleared) == {"cc_access", "cc_refresh", "cc_csrf"}
    for morsel in cleared.values():
        assert morsel.value == ""
        assert morsel["max-age"] == "0"
    assert cleared["cc_refresh"]["path"] == "/api/v1/auth"
    assert not client.cookies.get("cc_access")
    rows = await fetch("SELECT revoked FROM refresh_tokens WHERE account = $1", owner.account_id)
    assert rows
    assert all(r["revoked"] for r in rows)
    replay = await client.post("/api/v1/auth/refresh", headers={"X-Refresh-Token": refresh_token})
    assert_error(replay, 401, "auth.invalid_refresh")


async def test_logout_does_not_end_the_accounts_other_sessions(client, new_client):
    owner = await signup(client)
    other_browser = new_client()
    assert (await login(other_browser, owner.email)).status_code == 200
    assert (await owner.post("/api/v1/auth/logout")).status_code == 204
    refreshed = await other_browser.post(
        "/api/v1/auth/refresh", headers={"X-CSRF-Token": other_browser.cookies["cc_csrf"]}
    )
    assert refreshed.status_code == 200, refreshed.text


async def test_logout_with_a_bearer_header_revokes_the_refresh_token_given_in_header(
    client, new_client
):
    owner = await signup(client)
    refresh_token = client.cookies["cc_refresh"]
    access_token = client.cookies["cc_access"]
    api_client = new_client()
    response = await api_client.post(
        "/api/v1/auth/logout",
        headers={"Authorization": f"Bearer {access_token}", "X-Refresh-Token": refresh_token},
    )
    assert response.status_code == 204
    rows = await fetch("SELECT revoked FROM refresh_tokens WHERE account = $1", owner.account_id)
    assert all(r["revoked"] for r in rows)
