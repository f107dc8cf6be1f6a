"""Changing one's password while logged in."""

from __future__ import annotations

from coulisses.db.connection import fetch
from tests.integration.auth.support import PASSWORD, assert_error, login, signup

CHANGE = "/api/v1/auth/password"
REFRESH_URL = "/api/v1/auth/refresh"
NEW_PASSWORD = "Rideau-Rouge-42"


async def _password_hash(account_id: int) -> str:
    return str(
        (await fetch("SELECT password FROM accounts WHERE id = $1", account_id))[0]["password"]
    )


async def test_password_change_with_a_wrong_current_password_is_400_invalid_credentials(client):
    owner = await signup(client)
    before = await _password_hash(owner.account_id)
    response = await owner.post(
        CHANGE, json={"current_password": "Not-the-password-1", "new_password": NEW_PASSWORD}
    )
    assert_error(response, 400, "auth.invalid_credentials")
    assert await _password_hash(owner.account_id) == before


async def test_password_change_to_a_weak_password_is_422_weak_password(client, new_client):
    owner = await signup(client)
    before = await _password_hash(owner.account_id)
    for weak in ["short1!", "abcdefghijklmn", "password1234", "aaaaaaaaaaaa1"]:
        response = await owner.post(
            CHANGE, json={"current_password": PASSWORD, "new_password": weak}
        )
        assert_error(response, 422, "auth.weak_password")
    assert await _password_hash(owner.account_id) == before
    assert (await login(new_client(), owner.email)).status_code == 200


async def test_password_change_revokes_old_sessions_and_the_new_password_logs_in(
    client, new_client
):
    owner = await signup(client)
    other_browser = new_client()
    assert (await login(other_browser, owner.email)).status_code == 200
    old_refresh = client.cookies["cc_refresh"]

    response = await owner.post(
        CHANGE, json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert response.status_code == 200, response.text
    assert client.cookies["cc_refresh"] != old_refresh  # this browser got a fresh session

    for token in (old_refresh, other_browser.cookies["cc_refresh"]):
        replay = await new_client().post(REFRESH_URL, headers={"X-Refresh-Token": token})
        assert_error(replay, 401, "auth.invalid_refresh")
    assert (await owner.post(REFRESH_URL)).status_code == 200

    assert_error(await login(new_client(), owner.email), 401, "auth.invalid_credentials")
    relogin = await login(new_client(), owner.email, NEW_PASSWORD)
    assert relogin.status_code == 200, relogin.text
    actions = await fetch("SELECT action FROM audit_log WHERE actor = $1", owner.account_id)
    assert {"action": "auth.password_changed"} in actions


async def test_password_change_keeps_the_session_in_its_active_org(client, new_client):
    home = await signup(client, "Maison")
    other = await signup(new_client(), "Ailleurs")
    invited = await other.post(
        "/api/v1/orgs/current/members", json={"email": home.email, "role": "tech"}
    )
    assert invited.status_code == 201, invited.text
    switched = await home.post("/api/v1/auth/switch-org", json={"org_id": other.org_id})
    assert switched.status_code == 200
    response = await home.post(
        CHANGE, json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert response.status_code == 200, response.text
    assert response.json()["org_id"] == other.org_id
    assert (await client.get("/api/v1/auth/me")).json()["active_org_id"] == other.org_id


async def test_password_change_guesses_are_rate_limited_like_logins(client):
    owner = await signup(client)
    before = await _password_hash(owner.account_id)
    for _ in range(5):
        response = await owner.post(
            CHANGE, json={"current_password": "Guess-password-1", "new_password": NEW_PASSWORD}
        )
        assert_error(response, 400, "auth.invalid_credentials")
    response = await owner.post(
        CHANGE, json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert_error(response, 429, "auth.rate_limited")
    assert await _password_hash(owner.account_id) == before


async def test_password_change_without_a_session_is_401_unauthenticated(new_client):
    response = await new_client().post(
        CHANGE, json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert_error(response, 401, "auth.unauthenticated")
