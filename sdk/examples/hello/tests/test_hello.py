"""The hello plugin against the real core: route gate, member_added hook, job, config."""

from coulisses_sdk.testing import run_jobs, unique_email


async def test_ping_is_404_until_the_org_enables_hello(org, enable_plugin):
    assert (await org.get("/api/v1/hello/ping")).status_code == 404

    await enable_plugin(org, "hello")

    response = await org.get("/api/v1/hello/ping")
    assert response.status_code == 200, response.text
    assert response.json() == {"plugin": "hello", "org_id": org.org_id, "message": "hello"}


async def test_plugin_is_listed_disabled_with_its_default_config(org):
    response = await org.get("/api/v1/orgs/current/plugins/hello")

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["enabled"] is False
    assert body["config"] == {"greeting": "Bienvenue", "punctuation": "!"}


async def test_new_member_is_greeted_with_the_org_greeting_then_delivered(org, enable_plugin):
    await enable_plugin(org, "hello", config={"greeting": "Salut", "punctuation": "?"})
    email = unique_email()

    await org.invite(email)

    greetings = (await org.get("/api/v1/hello/greetings")).json()
    assert greetings == [{"email": email, "message": f"Salut {email}?", "delivered": 0}]
    await run_jobs()
    greetings = (await org.get("/api/v1/hello/greetings")).json()
    assert greetings[0]["delivered"] == 1


async def test_disabled_org_gets_no_greeting(org, make_org, enable_plugin):
    other = await make_org()
    await enable_plugin(other, "hello")

    await org.invite(unique_email())
    await run_jobs()

    await org.enable("hello")
    assert (await org.get("/api/v1/hello/greetings")).json() == []
    assert (await other.get("/api/v1/hello/greetings")).json() == []


async def test_anonymous_caller_cannot_reach_plugin_routes(coulisses_client, org, enable_plugin):
    await enable_plugin(org, "hello")

    response = await coulisses_client.get("/api/v1/hello/ping")

    assert response.status_code == 401
