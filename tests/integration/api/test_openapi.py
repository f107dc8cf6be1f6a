"""The OpenAPI document tells the truth about errors, statuses and request bounds."""

from __future__ import annotations

from typing import Any

import pytest

METHODS = ("get", "post", "put", "patch", "delete")
ERROR_REF = "#/components/schemas/ErrorResponse"


@pytest.fixture(scope="module")
def spec(app: Any) -> dict[str, Any]:
    return dict(app.openapi_schema.to_schema())


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


async def test_the_served_document_is_the_one_the_app_builds(client, spec):
    response = await client.get("/api/docs/openapi.json")
    assert response.status_code == 200
    assert response.json()["paths"].keys() == spec["paths"].keys()


def test_every_error_response_has_the_one_error_schema_and_none_the_litestar_shape(spec):
    assert spec["components"]["schemas"]["ErrorResponse"]["required"] == ["error"]
    info = spec["components"]["schemas"]["ErrorInfo"]
    assert set(info["properties"]) == {"code", "message", "details"}
    assert info["required"] == ["code", "message"]
    for method, path, op in _operations(spec):
        for status, response in op["responses"].items():
            if int(status) < 400:
                continue
            schema = response["content"]["application/json"]["schema"]
            assert schema == {"$ref": ERROR_REF}, (method, path, status)
    assert "status_code" not in str(spec["paths"])


def test_statuses_follow_from_each_route(spec):
    ops = {(m, p): {int(s) for s in op["responses"]} for m, p, op in _operations(spec)}
    for (method, path), statuses in ops.items():
        assert {400, 503} <= statuses, (method, path)
        if "{" in path:
            assert 404 in statuses, (method, path)
    # a role-guarded body route, with a path parameter and declared domain conflicts (and
    # the 429 of an API key past its limit)
    assert ops[("PATCH", "/api/v1/missions/{mission_id}")] == {
        200, 400, 401, 403, 404, 409, 413, 415, 422, 429, 503,
    }  # fmt: skip
    # public routes: no 401, their rate limit and their declared statuses
    assert ops[("POST", "/api/v1/auth/login")] == {200, 400, 401, 413, 415, 422, 429, 503}
    assert ops[("POST", "/api/v1/invitations/{invitation_id}/decline")] == {
        200, 400, 404, 409, 410, 413, 415, 422, 429, 503,
    }  # fmt: skip
    assert ops[("GET", "/healthz")] == {200, 400, 503}
    # plugin routes get the same treatment (the gate answers 404 to an org without the plugin)
    assert {401, 404, 429} <= ops[("GET", "/api/v1/notifications")]
    # a plugin declares its own statuses with a plain Litestar ResponseSpec
    assert {401, 415} <= ops[("POST", "/api/v1/notifications/telegram/webhook")]


def test_api_keys_are_documented_as_a_bearer_scheme_with_their_closed_scope_list(spec):
    from coulisses.auth.rbac import SCOPES

    scheme = spec["components"]["securitySchemes"]["ApiKey"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    scopes = spec["components"]["schemas"]["ApiKeyCreate"]["properties"]["scopes"]
    assert scopes["items"]["enum"] == list(SCOPES)
    assert "key" in spec["components"]["schemas"]["ApiKeyCreated"]["required"]
    assert "key" not in spec["components"]["schemas"]["ApiKeyOut"]["properties"]


def test_a_204_is_documented_without_a_body(spec):
    no_content = [
        (m, p, op["responses"]["204"]) for m, p, op in _operations(spec) if "204" in op["responses"]
    ]
    assert ("POST", "/api/v1/auth/logout") in [(m, p) for m, p, _ in no_content]
    for method, path, response in no_content:
        assert "content" not in response, (method, path)


def test_request_schemas_carry_the_bounds_the_services_enforce(spec):
    schemas = spec["components"]["schemas"]
    first_name = schemas["UserCreate"]["properties"]["first_name"]
    assert (first_name["minLength"], first_name["maxLength"]) == (1, 100)
    assert schemas["TimeSlot"]["properties"]["start"]["pattern"].startswith("^")
    quota = schemas["MissionRoleIn"]["properties"]["quota"]
    assert (quota["minimum"], quota["maximum"]) == (0, 10_000)
    assert schemas["MemberInvite"]["properties"]["role"]["enum"] == [
        "owner",
        "admin",
        "manager",
        "tech",
    ]
    assert schemas["MissionBatch"]["properties"]["mission_ids"]["maxItems"] == 1000
    assert schemas["AssignmentCreate"]["properties"]["user_id"]["maximum"] == 2**31 - 1


async def test_a_documented_bound_still_answers_the_services_own_code(client):
    from tests.helpers import signup

    owner = await signup(client)
    response = await owner.post(
        "/api/v1/users",
        json={"first_name": "x" * 101, "last_name": "B", "employment_type": "CDI"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "user.invalid_first_name"
