"""Bad request bodies: each answered in the one error shape, none writes anything."""

from __future__ import annotations

import pytest

from coulisses.settings import get_settings
from tests.integration.auth.support import PASSWORD, assert_error, counts, signup

SIGNUP = "/api/v1/auth/signup"
JSON = {"content-type": "application/json"}

PUBLIC_ROUTES = [
    "/api/v1/auth/signup",
    "/api/v1/auth/login",
    "/api/v1/auth/password-reset",
    "/api/v1/auth/password-reset/confirm",
]


def _signup_body(**overrides):
    return {"email": "new@example.org", "password": PASSWORD, "org_name": "Nouvelle", **overrides}


@pytest.fixture
async def seeded(client):
    """One existing org, so "writes nothing" is checked against non-empty tables."""
    await signup(client)
    return await counts()


@pytest.mark.parametrize("route", PUBLIC_ROUTES)
@pytest.mark.parametrize(
    "raw",
    [
        b'{"email": ',
        b"not json",
        b"{'email': 'single@quotes.org'}",
        b'{"email": "a@b.org",}',
        b'{"email": "\xff\xfe"}',
        b'{"email": "\\ud800"}',
    ],
    ids=["truncated", "garbage", "single-quotes", "trailing-comma", "bad-utf8", "lone-surrogate"],
)
async def test_malformed_json_is_400_malformed_json(new_client, seeded, route, raw):
    response = await new_client().post(route, content=raw, headers=JSON)
    assert_error(response, 400, "request.malformed_json")
    assert await counts() == seeded


async def test_malformed_json_on_an_authenticated_route_is_400_malformed_json(client):
    owner = await signup(client)
    before = await counts()
    response = await owner.post("/api/v1/auth/switch-org", content=b'{"org_id": 1', headers=JSON)
    assert_error(response, 400, "request.malformed_json")
    assert await counts() == before


async def test_form_encoded_body_on_a_json_route_is_415_unsupported_media_type(new_client, seeded):
    response = await new_client().post(SIGNUP, data={"email": "form@example.org"})
    assert_error(response, 415, "request.unsupported_media_type")
    assert await counts() == seeded


async def test_missing_body_is_400_validation_saying_a_body_is_required(new_client, seeded):
    error = assert_error(
        await new_client().post(SIGNUP, content=b"", headers=JSON), 400, "request.validation"
    )
    assert error["details"][0]["key"] == "data"
    assert "required" in error["details"][0]["message"]
    assert await counts() == seeded


@pytest.mark.parametrize(
    ("body", "key", "fragment"),
    [
        (_signup_body(email=42), "email", "Expected `str`, got `int`"),
        (_signup_body(password=None), "password", "Expected `str`, got `null`"),
        (_signup_body(org_name=["a"]), "org_name", "Expected `str`, got `array`"),
        (_signup_body(first_name=True), "first_name", "Expected `str`, got `bool`"),
        ({"email": "new@example.org"}, "data", "missing required field `password`"),
        (["not", "an", "object"], "data", "Expected `object`, got `array`"),
        (_signup_body(first_name="x" * 256), "first_name", "length <= 255"),
        (_signup_body(org_name="x" * 201), "org_name", "length <= 200"),
    ],
    ids=[
        "int-email",
        "null-password",
        "list-org",
        "bool-name",
        "missing",
        "array",
        "long-name",
        "long-org",
    ],
)
async def test_wrong_types_are_400_validation_with_details(new_client, seeded, body, key, fragment):
    error = assert_error(await new_client().post(SIGNUP, json=body), 400, "request.validation")
    assert any(d["key"] == key and fragment in d["message"] for d in error["details"]), error
    assert await counts() == seeded


@pytest.mark.parametrize(
    ("body", "key", "code", "params"),
    [
        (_signup_body(email=42), "email", "field.type", None),
        ({"email": "new@example.org"}, "data", "field.required", None),
        (_signup_body(org_name="x" * 201), "org_name", "field.too_long", {"max": 200}),
        (_signup_body(colour="red"), "data", "field.unknown", {"name": "colour"}),
    ],
    ids=["type", "missing", "too-long", "unknown"],
)
async def test_each_field_error_carries_a_stable_code_and_its_params(
    new_client, seeded, body, key, code, params
):
    error = assert_error(await new_client().post(SIGNUP, json=body), 400, "request.validation")
    item = next(d for d in error["details"] if d["key"] == key)
    assert (item["code"], item.get("params")) == (code, params), error
    assert await counts() == seeded


@pytest.mark.parametrize(
    ("route", "body"),
    [
        (SIGNUP, _signup_body(admin=True)),
        (SIGNUP, _signup_body(superuser=True)),
        ("/api/v1/auth/login", {"email": "a@b.org", "password": PASSWORD, "remember": True}),
        ("/api/v1/auth/password-reset", {"email": "a@b.org", "token": "x"}),
    ],
    ids=["signup-admin", "signup-superuser", "login-remember", "reset-token"],
)
async def test_unknown_fields_are_400_validation_naming_the_field(new_client, seeded, route, body):
    error = assert_error(await new_client().post(route, json=body), 400, "request.validation")
    extra = next(k for k in body if k not in {"email", "password", "org_name"})
    assert any(f"unknown field `{extra}`" in d["message"] for d in error["details"]), error
    assert await counts() == seeded


async def test_body_over_the_size_limit_is_413_too_large(new_client, seeded):
    limit = get_settings().max_body_bytes
    filler = "x" * (limit + 1)
    response = await new_client().post(
        SIGNUP, content=f'{{"email": "{filler}"}}'.encode(), headers=JSON
    )
    assert_error(response, 413, "request.too_large")
    assert await counts() == seeded


async def test_body_just_under_the_size_limit_is_read_and_validated(new_client, seeded):
    limit = get_settings().max_body_bytes
    body = f'{{"email": "{"x" * (limit - 100)}"}}'.encode()
    assert len(body) < limit
    response = await new_client().post(SIGNUP, content=body, headers=JSON)
    assert_error(response, 400, "request.validation")


@pytest.mark.parametrize(
    "email", ["plainaddress", "@example.org", "a@", "a b@example.org", "a@@example.org", ""]
)
async def test_signup_with_a_malformed_email_is_422_validation_email(new_client, seeded, email):
    response = await new_client().post(SIGNUP, json=_signup_body(email=email))
    assert_error(response, 422, "validation.email")
    assert await counts() == seeded


@pytest.mark.parametrize(
    "password",
    ["Short-1", "onlyletterslong", "1234567890123", "password123", "aaaaaaaaaa1!", "x" * 129 + "1"],
    ids=["short", "letters-only", "digits-only", "common", "repetitive", "too-long"],
)
async def test_signup_with_a_weak_password_is_422_weak_password(new_client, seeded, password):
    response = await new_client().post(SIGNUP, json=_signup_body(password=password))
    assert_error(response, 422, "auth.weak_password")
    assert await counts() == seeded


async def test_signup_with_an_empty_org_name_is_422_and_writes_no_account(new_client, seeded):
    response = await new_client().post(SIGNUP, json=_signup_body(org_name="   "))
    assert_error(response, 422, "validation.org_name")
    assert await counts() == seeded


@pytest.mark.parametrize("field", ["org_name", "first_name", "last_name"])
async def test_nul_character_in_a_signup_text_is_400_and_writes_nothing(new_client, seeded, field):
    response = await new_client().post(SIGNUP, json=_signup_body(**{field: "Nul\u0000Byte"}))
    assert_error(response, 400, "request.validation")
    assert await counts() == seeded


async def test_nul_character_in_the_login_email_is_401_not_500(new_client, seeded):
    response = await new_client().post(
        "/api/v1/auth/login", json={"email": "a\u0000@example.org", "password": PASSWORD}
    )
    assert_error(response, 401, "auth.invalid_credentials")


async def test_unknown_route_and_wrong_method_keep_the_error_shape(new_client):
    assert_error(await new_client().get("/api/v1/auth/nope"), 404, "not_found")
    assert_error(await new_client().get("/api/v1/auth/login"), 405, "request.method_not_allowed")
