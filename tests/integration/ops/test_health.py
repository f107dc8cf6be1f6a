from tests.helpers import signup


async def test_healthz_answers_without_database_work(client):
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_readyz_reports_database_and_migrations_at_head(client):
    response = await client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ready", "database": "ok", "migrations": "head"}


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
