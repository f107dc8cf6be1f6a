"""One account, several orgs: switching the active org."""

from __future__ import annotations

import pytest

from tests.integration.auth.support import assert_error, signup

SWITCH = "/api/v1/auth/switch-org"


async def _member_of_two_orgs(client, new_client):
    """An account that owns one org and was invited as manager into another."""
    home = await signup(client, "Maison")
    other = await signup(new_client(), "Ailleurs")
    invited = await other.post(
        "/api/v1/orgs/current/members", json={"email": home.email.upper(), "role": "manager"}
    )
    assert invited.status_code == 201, invited.text
    assert invited.json()["account_id"] == home.account_id
    return home, other


async def test_switch_org_moves_the_session_to_another_org_of_the_account(client, new_client):
    home, other = await _member_of_two_orgs(client, new_client)
    me = (await client.get("/api/v1/auth/me")).json()
    assert me["active_org_id"] == home.org_id
    assert {o["id"]: o["role"] for o in me["orgs"]} == {
        home.org_id: "owner",
        other.org_id: "manager",
    }

    response = await home.post(SWITCH, json={"org_id": other.org_id})
    assert response.status_code == 200, response.text
    assert response.json()["org_id"] == other.org_id
    me = (await client.get("/api/v1/auth/me")).json()
    assert me["active_org_id"] == other.org_id
    assert me["role"] == "manager"
    current = await client.get("/api/v1/orgs/current")
    assert current.json()["id"] == other.org_id


async def test_refresh_after_switch_org_keeps_the_new_active_org(client, new_client):
    home, other = await _member_of_two_orgs(client, new_client)
    assert (await home.post(SWITCH, json={"org_id": other.org_id})).status_code == 200
    refreshed = await home.post("/api/v1/auth/refresh")
    assert refreshed.status_code == 200, refreshed.text
    assert refreshed.json()["org_id"] == other.org_id
    assert (await client.get("/api/v1/auth/me")).json()["active_org_id"] == other.org_id


async def test_switch_org_back_and_forth_keeps_one_refresh_family(client, new_client):
    from coulisses.db.connection import fetch

    home, other = await _member_of_two_orgs(client, new_client)
    assert (await home.post(SWITCH, json={"org_id": other.org_id})).status_code == 200
    assert (await home.post(SWITCH, json={"org_id": home.org_id})).status_code == 200
    rows = await fetch(
        "SELECT DISTINCT family FROM refresh_tokens WHERE account = $1", home.account_id
    )
    assert len(rows) == 1  # a later reuse of an old token still kills every descendant


async def test_switch_to_an_org_the_account_is_not_member_of_is_404_org_not_found(
    client, new_client
):
    home = await signup(client)
    stranger = await signup(new_client())
    response = await home.post(SWITCH, json={"org_id": stranger.org_id})
    assert_error(response, 404, "org.not_found")
    assert (await client.get("/api/v1/auth/me")).json()["active_org_id"] == home.org_id


async def test_switch_to_an_org_that_does_not_exist_is_404_org_not_found(client):
    home = await signup(client)
    assert_error(await home.post(SWITCH, json={"org_id": 424242}), 404, "org.not_found")


@pytest.mark.parametrize("org_id", [0, -1, 2**31, 10**12])
async def test_switch_to_an_out_of_range_org_id_is_400_validation(client, org_id):
    home = await signup(client)
    error = assert_error(
        await home.post(SWITCH, json={"org_id": org_id}), 400, "request.validation"
    )
    assert error["details"][0]["key"] == "org_id"


async def test_switch_org_without_a_session_is_401_unauthenticated(new_client):
    response = await new_client().post(SWITCH, json={"org_id": 1})
    assert_error(response, 401, "auth.unauthenticated")
