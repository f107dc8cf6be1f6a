from tests.helpers import signup


async def test_healthz_answers_without_database_work(client):
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_readyz_reports_database_and_migrations_at_head(client):
    response = await client.get("/readyz")
    assert response.status_code == 200, response.text
    body = response.json()
    assert {k: body[k] for k in ("status", "database", "migrations")} == {
        "status": "ready",
        "database": "ok",
        "migrations": "head",
    }
    assert "hello" in body["plugins"]["loaded"]


async def test_readyz_names_a_plugin_left_out_and_stays_ready(client):
    from coulisses_hello.plugin import HelloPlugin
    from coulisses_sdk import MemberAdded, Plugin, hookimpl
    from coulisses_sdk.testing import installed

    class Typo(Plugin):
        name = "typo"

        @hookimpl
        def member_addded(self, event: MemberAdded) -> None: ...

    with installed(Typo(), HelloPlugin()):
        response = await client.get("/readyz")

    assert response.status_code == 200, response.text
    plugins = response.json()["plugins"]
    assert plugins["loaded"] == ["hello"]
    assert "member_addded" in plugins["rejected"]["typo"]


async def test_openapi_ui_and_schema_are_served(client):
    assert (await client.get("/api/docs/")).status_code == 200
    schema = (await client.get("/api/docs/openapi.json")).json()
    assert "/api/v1/auth/login" in schema["paths"]


async def test_signup_then_me(client):
    owner = await signup(client, "Theatre du Test")
    me = (await client.get("/api/v1/auth/me")).json()
    assert me["account"]["email"] == owner.email
    assert me["role"] == "owner"
    assert me["orgs"][0]["name"] == "Theatre du Test"
