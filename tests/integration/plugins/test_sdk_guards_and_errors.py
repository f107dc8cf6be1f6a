"""coulisses_sdk.require_role and PluginError: role checks and stable error codes for plugins."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Request, get, post

from coulisses_sdk import Plugin, PluginError, current_principal, hookimpl, require_role
from coulisses_sdk.testing import http_client, running_app, signup, using_registry
from tests.helpers import error_code
from tests.integration.plugins.support import PLUGINS, member_session


@get("/meals", operation_id="CateringMeals", guards=[require_role("manager")])
async def meals(request: Request[Any, Any, Any]) -> dict[str, int]:
    return {"org_id": current_principal(request).org_id}


@post("/meals/{mission_id:int}/book", operation_id="CateringBook", status_code=201)
async def book(mission_id: int) -> dict[str, int]:
    raise PluginError(
        "meal_full", "No meal left for this mission", status=409, details={"mission_id": mission_id}
    )


class Catering(Plugin):
    name = "catering"

    @hookimpl
    def register_routes(self, register: Any) -> None:
        register(meals)
        register(book)


async def test_require_role_lets_managers_in_and_answers_403_to_a_tech(coulisses_database):
    async with running_app(Catering()) as app:
        with using_registry(app.state.plugin_registry):
            async with http_client(app) as client:
                owner = await signup(client)
                await owner.patch(f"{PLUGINS}/catering", json={"enabled": True})
                tech = await member_session(
                    owner, lambda: http_client(app, "10.77.0.2"), "cook@example.org", role="tech"
                )

                allowed = await owner.get("/api/v1/catering/meals")
                refused = await tech.get("/api/v1/catering/meals")

    assert allowed.status_code == 200, allowed.text
    assert allowed.json() == {"org_id": owner.org_id}
    assert refused.status_code == 403
    assert error_code(refused) == "auth.forbidden"
    assert "manager" in refused.json()["error"]["message"]


async def test_a_plugin_error_answers_its_prefixed_code_in_the_common_shape(coulisses_database):
    async with running_app(Catering()) as app:
        with using_registry(app.state.plugin_registry):
            async with http_client(app) as client:
                owner = await signup(client)
                await owner.patch(f"{PLUGINS}/catering", json={"enabled": True})

                response = await owner.post("/api/v1/catering/meals/42/book")

    assert response.status_code == 409, response.text
    assert response.json() == {
        "error": {
            "code": "catering.meal_full",
            "message": "No meal left for this mission",
            "details": {"mission_id": 42},
        }
    }


def test_a_plugin_author_mistake_fails_early():
    with pytest.raises(ValueError, match="unknown role"):
        require_role("boss")
    with pytest.raises(ValueError, match="4xx"):
        PluginError("oops", "x", status=500)
    with pytest.raises(ValueError, match="invalid error code"):
        PluginError("meal full", "x")
