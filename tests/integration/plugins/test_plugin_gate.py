"""The per-tenant gate of plugin routes: 404 unless the caller's org enabled the plugin."""

from __future__ import annotations

from tests.helpers import signup
from tests.integration.plugins.support import PLUGINS

PING = "/api/v1/hello/ping"


async def test_plugin_route_follows_enablement_404_200_404(client):
    owner = await signup(client)

    before = await owner.get(PING)
    assert before.status_code == 404, before.text
    assert before.json()["error"]["code"] == "not_found"

    await owner.patch(f"{PLUGINS}/hello", json={"enabled": True})
    during = await owner.get(PING)
    assert during.status_code == 200, during.text
    assert during.json() == {"plugin": "hello", "org_id": owner.org_id, "message": "hello"}

    await owner.patch(f"{PLUGINS}/hello", json={"enabled": False})
    assert (await owner.get(PING)).status_code == 404


async def test_org_b_does_not_see_a_plugin_only_org_a_enabled(client, new_client):
    org_a = await signup(client, "Org A")
    org_b = await signup(new_client(), "Org B")

    await org_a.patch(f"{PLUGINS}/hello", json={"enabled": True})

    assert (await org_a.get(PING)).status_code == 200
    assert (await org_b.get(PING)).status_code == 404
    assert (await org_b.get("/api/v1/hello/greetings")).status_code == 404


async def test_plugin_route_without_session_is_401(client, new_client):
    owner = await signup(client)
    await owner.patch(f"{PLUGINS}/hello", json={"enabled": True})

    response = await new_client().get(PING)

    assert response.status_code == 401


async def test_unknown_path_under_a_plugin_prefix_is_plain_404(client):
    owner = await signup(client)
    await owner.patch(f"{PLUGINS}/hello", json={"enabled": True})

    assert (await owner.get("/api/v1/hello/nothing-here")).status_code == 404


async def test_plugin_routes_are_in_the_openapi_schema_under_their_prefix(client):
    schema = (await client.get("/api/docs/openapi.json")).json()

    assert "/api/v1/hello/ping" in schema["paths"]
    assert schema["paths"]["/api/v1/hello/ping"]["get"]["operationId"] == "HelloPing"
