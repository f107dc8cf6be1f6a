"""Bad input on the wire (deep JSON, NUL characters, wrong media type, wrong method):
a 4xx in the one error shape on every route, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.routes import HTTPRoute

from coulisses.web.input_guards import MAX_JSON_DEPTH
from tests.integration.auth.support import assert_error, counts, signup

JSON = {"content-type": "application/json"}
DEEP_ARRAYS = b"[" * 1000 + b"]" * 1000
DEEP_OBJECTS = b'{"a":' * 1000 + b"1" + b"}" * 1000
UNSAFE = ("POST", "PUT", "PATCH")


def _body_routes(app: Any) -> list[tuple[str, str]]:
    """(method, path) of every route whose handler takes a JSON body, ids set to 1."""
    found = []
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if "data" not in handler.parsed_fn_signature.parameters:
                continue
            path = route.path
            for name in route.path_parameters:
                path = path.replace(
                    "{" + f"{name}:{route.path_parameters[name].type.__name__}" + "}", "1"
                )
            for method in handler.http_methods & set(UNSAFE):
                found.append((method, path))
    return sorted(found)


@pytest.fixture
async def owner_with_plugins(client):
    owner = await signup(client)
    plugins = (await owner.get("/api/v1/orgs/current/plugins")).json()["items"]
    for plugin in plugins:
        if not plugin["enabled"]:
            await owner.enable(plugin["name"])
    return owner


@pytest.mark.parametrize("body", [DEEP_ARRAYS, DEEP_OBJECTS], ids=["arrays", "objects"])
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/auth/login",
        "/api/v1/auth/signup",
        "/api/v1/invitations/1/decline",
        "/admin/public/login/",
        "/api/v1/nowhere",
    ],
)
async def test_a_deeply_nested_body_on_a_public_route_is_400_too_deep(new_client, path, body):
    response = await new_client().post(path, content=body, headers=JSON)
    error = assert_error(response, 400, "request.too_deep")
    assert error["details"] == {"max_depth": MAX_JSON_DEPTH}


async def test_a_deeply_nested_body_is_400_too_deep_on_every_route_taking_a_body(
    app, owner_with_plugins
):
    routes = _body_routes(app)
    assert len(routes) > 30
    before = await counts()
    for method, path in routes:
        response = await owner_with_plugins.client.request(
            method, path, content=DEEP_OBJECTS, headers={**JSON, **owner_with_plugins.csrf}
        )
        assert response.status_code < 500, (method, path, response.text)
        print(method, path, response.status_code)
        if response.status_code != 403:  # owner-only-in-another-sense routes stay guarded
            assert_error(response, 400, "request.too_deep")
    assert await counts() == before


async def test_a_json_body_as_text_plain_is_415_on_every_route_taking_a_body(
    app, owner_with_plugins
):
    for method, path in _body_routes(app):
        response = await owner_with_plugins.client.request(
            method,
            path,
            content=b"{}",
            headers={"content-type": "text/plain", **owner_with_plugins.csrf},
        )
        assert response.status_code == 415, (method, path, response.text)
        error = assert_error(response, 415, "request.unsupported_media_type")
        assert error["details"] == {"content_type": "text/plain"}


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data"],
)
async def test_a_non_json_media_type_on_public_login_is_415_and_logs_no_one_in(
    new_client, content_type
):
    owner = await signup(new_client())
    body = f'{{"email": "{owner.email}", "password": "{owner.password}"}}'.encode()
    response = await new_client().post(
        "/api/v1/auth/login", content=body, headers={"content-type": content_type}
    )
    assert_error(response, 415, "request.unsupported_media_type")
    assert "cc_access" not in response.cookies


@pytest.mark.parametrize(
    "content_type", ["application/json; charset=utf-8", "application/merge-patch+json"]
)
async def test_json_media_types_with_parameters_or_a_json_suffix_are_accepted(
    new_client, content_type
):
    owner = await signup(new_client())
    body = f'{{"email": "{owner.email}", "password": "{owner.password}"}}'.encode()
    response = await new_client().post(
        "/api/v1/auth/login", content=body, headers={"content-type": content_type}
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/users?skill=a%00b",
        "/api/v1/users?q=%00",
        "/api/v1/users/1%00",
        "/index.html%00.js",
        "/%00",
        "/api/v1/nowhere%00",
        "/api/v1/invitations/1?token=a%00b",
    ],
)
async def test_a_nul_character_in_the_path_or_query_is_400_nul_character(client, url):
    owner = await signup(client)
    for method in ("GET", "POST", "DELETE"):
        response = await owner.client.request(method, url, headers=owner.csrf)
        assert_error(response, 400, "request.nul_character")


async def test_a_nul_character_reaching_a_json_column_is_400_and_stores_nothing(client):
    owner = await signup(client)
    response = await owner.set_plugin("hello", enabled=True, config={"greeting": "a\u0000b"})
    assert_error(response, 400, "request.validation")
    state = (await owner.get("/api/v1/orgs/current/plugins/hello")).json()
    assert state["enabled"] is False


async def test_a_405_lists_the_allowed_methods_in_allow(new_client):
    response = await new_client().put("/api/v1/auth/login", json={})
    assert_error(response, 405, "request.method_not_allowed")
    assert set(response.headers["allow"].replace(" ", "").split(",")) >= {"POST"}
    assert "PUT" not in response.headers["allow"]


def _required_query_routes(spec: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(path with ids set to 1, its required query parameters) of every GET route that has
    some, from the app's OpenAPI document (core and plugins)."""
    found = []
    for path, item in spec["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        names = [
            p["name"]
            for p in operation.get("parameters", [])
            if p.get("in") == "query" and p.get("required")
        ]
        if names:
            concrete = path
            for p in operation.get("parameters", []):
                if p.get("in") == "path":
                    concrete = concrete.replace("{" + p["name"] + "}", "1")
            found.append((concrete, names))
    return sorted(found)


async def test_a_missing_required_query_parameter_names_itself(owner_with_plugins):
    spec = (await owner_with_plugins.get("/api/docs/openapi.json")).json()
    routes = _required_query_routes(spec)
    paths = [path for path, _ in routes]
    assert {"/api/v1/planning", "/api/v1/payroll/reports/monthly"} <= set(paths), paths
    for path, names in routes:
        for missing in names:
            # Every other required parameter is there but nonsense: the missing one is
            # what the decoder stops at (Litestar checks presence before types).
            params = {name: "x" for name in names if name != missing}
            params["unrelated"] = "secret-looking-value"
            response = await owner_with_plugins.get(path, params=params)
            if response.status_code == 403:  # guarded beyond an owner (a platform route)
                continue
            error = assert_error(response, 400, "request.validation")
            assert error["details"] == [
                {
                    "field": missing,
                    "message": f"Missing required query parameter {missing!r}",
                    "key": missing,
                    "source": "query",
                    "code": "field.required",
                }
            ], (path, missing, error)
            # The request's path and query are not echoed (a query may carry a token).
            assert "secret-looking-value" not in response.text
            assert path not in response.text
