"""One email rule everywhere: bad addresses are 422 validation.email naming the field, and
nothing is written; good ones are stored in their normalized form."""

from __future__ import annotations

import pytest

from coulisses.db.connection import fetch
from coulisses_sdk import InvalidEmailError, normalize_email
from tests.integration.auth.support import PASSWORD, assert_error, counts, login, signup

BAD = [
    "x@example.org\r\nBcc: y@example.net",
    "x@example.org\nBcc: y@example.net",
    "x@example.org\r\n",
    "x\uff20example.org",  # fullwidth commercial at
    '"x y"@example.org',
    '"x"@example.org',
    "Jean <jean@example.org>",
    "a@[127.0.0.1]",
    "a@b@example.org",
    "plainaddress",
    "a\tb@example.org",
    "a\x00@example.org",
    "x" * 250 + "@example.org",
]
IDS = [
    "crlf-bcc",
    "lf-bcc",
    "trailing-crlf",
    "fullwidth-at",
    "quoted-space",
    "quoted",
    "display-name",
    "ip-literal",
    "two-ats",
    "no-at",
    "tab",
    "nul",
    "too-long",
]


@pytest.mark.parametrize("address", BAD, ids=IDS)
def test_the_one_email_function_refuses_the_address(address):
    with pytest.raises(InvalidEmailError) as raised:
        normalize_email(address, "contact")
    assert raised.value.field == "contact"


def test_the_one_email_function_normalizes_case_spaces_and_unicode():
    assert normalize_email("  Jean.Martin@Example.ORG ") == "jean.martin@example.org"
    assert normalize_email("lea@\u00e9t\u00e9.example") == "lea@\u00e9t\u00e9.example"


def _assert_email_error(response, field: str = "email") -> None:
    error = assert_error(response, 422, "validation.email")
    assert error["details"] == {"field": field}
    assert field in error["message"]


@pytest.mark.parametrize("address", BAD, ids=IDS)
async def test_signup_with_a_bad_email_is_422_and_writes_nothing(new_client, address):
    before = await counts()
    response = await new_client().post(
        "/api/v1/auth/signup", json={"email": address, "password": PASSWORD, "org_name": "Org"}
    )
    if "\x00" in address:  # NUL never reaches the service (another engineer's 400 rule)
        assert response.status_code in {400, 422}, response.text
    else:
        _assert_email_error(response)
    assert await counts() == before


async def test_signup_stores_the_normalized_address(new_client):
    response = await new_client().post(
        "/api/v1/auth/signup",
        json={"email": "  Regie@Example.ORG ", "password": PASSWORD, "org_name": "Org"},
    )
    assert response.status_code == 201, response.text
    rows = await fetch("SELECT username, email FROM accounts")
    assert [dict(r) for r in rows] == [
        {"username": "regie@example.org", "email": "regie@example.org"}
    ]


@pytest.mark.parametrize("address", BAD, ids=IDS)
async def test_login_with_a_bad_email_is_the_usual_401_never_a_500(client, new_client, address):
    await signup(client)
    response = await login(new_client(), address)
    assert_error(response, 401, "auth.invalid_credentials")


async def test_login_looks_the_account_up_by_the_normalized_address(client, new_client):
    owner = await signup(client)
    assert (await login(new_client(), f"  {owner.email.upper()} ")).status_code == 200


@pytest.mark.parametrize("address", BAD, ids=IDS)
async def test_reset_request_with_a_bad_email_is_422_and_writes_nothing(new_client, address):
    before = await counts()
    response = await new_client().post("/api/v1/auth/password-reset", json={"email": address})
    if "\x00" in address:
        assert response.status_code in {400, 422}, response.text
    else:
        _assert_email_error(response)
    assert await counts() == before


@pytest.mark.parametrize("address", BAD, ids=IDS)
async def test_member_invite_with_a_bad_email_is_422_and_writes_nothing(client, address):
    owner = await signup(client)
    before = await counts()
    response = await owner.post(
        "/api/v1/orgs/current/members", json={"email": address, "role": "tech"}
    )
    if "\x00" in address:
        assert response.status_code in {400, 422}, response.text
    else:
        _assert_email_error(response)
    assert await counts() == before


async def test_member_invite_stores_the_normalized_address(client):
    owner = await signup(client)
    response = await owner.post(
        "/api/v1/orgs/current/members", json={"email": " Tech@Example.ORG", "role": "tech"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["email"] == "tech@example.org"


USER = {"first_name": "Lea", "last_name": "Martin", "employment_type": "Intermittent"}


async def _user_count(org_id: int) -> int:
    return int((await fetch("SELECT count(*) AS n FROM users WHERE org = $1", org_id))[0]["n"])


@pytest.mark.parametrize("address", BAD, ids=IDS)
async def test_crew_user_create_with_a_bad_email_is_422_and_creates_nobody(client, address):
    owner = await signup(client)
    response = await owner.post("/api/v1/users", json={**USER, "email": address})
    if "\x00" in address:
        assert response.status_code in {400, 422}, response.text
    else:
        _assert_email_error(response)
    assert await _user_count(owner.org_id) == 0


@pytest.mark.parametrize("address", BAD, ids=IDS)
async def test_crew_user_update_with_a_bad_email_is_422_and_changes_nothing(client, address):
    owner = await signup(client)
    created = await owner.post("/api/v1/users", json={**USER, "email": "lea@example.org"})
    assert created.status_code == 201, created.text
    user_id = created.json()["id"]
    response = await owner.patch(
        f"/api/v1/users/{user_id}", json={"email": address, "first_name": "Autre"}
    )
    if "\x00" in address:
        assert response.status_code in {400, 422}, response.text
    else:
        _assert_email_error(response)
    rows = await fetch("SELECT first_name, email FROM users WHERE id = $1", user_id)
    assert dict(rows[0]) == {"first_name": "Lea", "email": "lea@example.org"}


async def test_crew_user_email_is_stored_normalized_and_blank_means_none(client):
    owner = await signup(client)
    created = await owner.post("/api/v1/users", json={**USER, "email": " Lea@Example.ORG "})
    assert created.status_code == 201, created.text
    assert created.json()["email"] == "lea@example.org"
    user_id = created.json()["id"]
    cleared = await owner.patch(f"/api/v1/users/{user_id}", json={"email": "  "})
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["email"] is None
