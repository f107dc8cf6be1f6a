"""The hello plugin against the real core: route gate, member_added hook, job, config."""

from coulisses_sdk.testing import run_events, run_jobs, unique_email


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
    # The invitation recorded a MemberAdded event; a worker hands it to hello.
    await run_events()

    greetings = (await org.get("/api/v1/hello/greetings")).json()
    item = {"email": email, "message": f"Salut {email}?", "delivered": 0}
    assert greetings == {
        "items": [{"id": greetings["items"][0]["id"], **item}],
        "page": 1,
        "page_size": 50,
        "total": 1,
    }
    await run_jobs()
    greetings = (await org.get("/api/v1/hello/greetings")).json()
    assert greetings["items"][0]["delivered"] == 1


async def test_greetings_are_a_list_like_every_other_through_the_sdk(org, enable_plugin):
    await enable_plugin(org, "hello")
    emails = sorted(unique_email() for _ in range(3))
    for email in (emails[1], emails[2], emails[0]):
        await org.invite(email)
    await run_events()

    listed = await org.get("/api/v1/hello/greetings", params={"sort": "-email", "fields": "email"})
    assert listed.status_code == 200, listed.text
    assert listed.json()["items"] == [{"email": e} for e in reversed(emails)]
    second = await org.get("/api/v1/hello/greetings", params={"page": 2, "page_size": 2})
    assert (second.json()["page"], second.json()["total"], len(second.json()["items"])) == (2, 3, 1)
    for params, code in [
        ({"sort": "message"}, "request.invalid_sort"),
        ({"fields": "org_id"}, "request.invalid_fields"),
        ({"page_size": 500}, "pagination.invalid"),
    ]:
        response = await org.get("/api/v1/hello/greetings", params=params)
        assert response.status_code == 400, (params, response.text)
        error = response.json()["error"]
        assert error["code"] == code
        assert error["details"]["field"] == next(iter(params))


async def test_disabled_org_gets_no_greeting(org, make_org, enable_plugin):
    other = await make_org()
    await enable_plugin(other, "hello")

    await org.invite(unique_email())
    await run_jobs()

    await org.enable("hello")
    assert (await org.get("/api/v1/hello/greetings")).json()["items"] == []
    assert (await other.get("/api/v1/hello/greetings")).json()["items"] == []


async def test_anonymous_caller_cannot_reach_plugin_routes(coulisses_client, org, enable_plugin):
    await enable_plugin(org, "hello")

    response = await coulisses_client.get("/api/v1/hello/ping")

    assert response.status_code == 401


def test_the_settings_form_speaks_french_and_english():
    from coulisses_hello.plugin import plugin
    from coulisses_sdk.testing import assert_config_labelled

    assert_config_labelled(plugin)
