"""Catering against the real core: route gate, manager routes, event handler, job and
cron, lifecycle hook, page."""

from coulisses_catering.plugin import plugin
from coulisses_sdk import enqueue
from coulisses_sdk.testing import (
    Factories,
    assert_config_labelled,
    run_cron,
    run_events,
    run_jobs,
)

MEALS = "/api/v1/catering/meals"


def test_config_form_is_labelled_in_both_languages():
    assert_config_labelled(plugin)


async def test_routes_are_404_until_the_org_enables_the_plugin(org, enable_plugin, factories):
    mission = await factories.mission(title="Montage")
    assert (await org.get(MEALS)).status_code == 404
    meal = {"mission_id": mission["id"], "label": "Dejeuner", "quantity": 4}
    assert (await org.post(MEALS, json=meal)).status_code == 404

    await enable_plugin(org, "catering")

    assert (await org.get(MEALS)).json()["items"] == []


async def test_a_manager_adds_meals_to_a_mission_of_the_org_only(make_org, enable_plugin):
    mine, other = await make_org(), await make_org()
    await enable_plugin(mine, "catering")
    mission = await Factories(mine).mission(title="Balances")
    foreign = await Factories(other).mission(title="Ailleurs")

    added = await mine.post(
        MEALS, json={"mission_id": mission["id"], "label": "Diner", "quantity": 6}
    )
    assert added.status_code == 201, added.text
    refused = await mine.post(
        MEALS, json={"mission_id": foreign["id"], "label": "X", "quantity": 1}
    )
    assert refused.status_code == 404
    assert refused.json()["error"]["code"] == "catering.mission_not_found"
    bad = await mine.post(MEALS, json={"mission_id": mission["id"], "label": "", "quantity": 0})
    assert bad.status_code == 400

    items = (await mine.get(MEALS)).json()["items"]
    assert [(i["mission_title"], i["label"], i["quantity"]) for i in items] == [
        ("Balances", "Diner", 6)
    ]


async def test_a_created_mission_gets_its_meals_once_even_if_the_event_comes_twice(
    org, enable_plugin, factories
):
    await enable_plugin(org, "catering", config={"default_count": 12})
    mission = await factories.mission(title="Concert")

    await run_events()
    await run_events(retries=True)

    items = (await org.get(MEALS)).json()["items"]
    assert [(i["mission_id"], i["label"], i["quantity"]) for i in items] == [
        (mission["id"], "Repas Concert", 12)
    ]


async def test_the_page_module_is_in_the_manifest_and_served_to_the_org(org, enable_plugin):
    await enable_plugin(org, "catering")

    [entry] = [
        e
        for e in (await org.get("/api/v1/orgs/current/manifest")).json()["menu"]
        if e["plugin"] == "catering"
    ]
    assert entry["path"] == "/plugins/catering/meals"
    assert entry["module_url"].startswith("/plugins/catering/assets/meals.js?v=")

    module = await org.get(entry["module_url"])
    assert module.status_code == 200
    assert module.headers["content-type"].startswith("text/javascript")
    assert "export" in module.text


async def test_enabling_the_plugin_backfills_the_upcoming_missions_once(
    org, enable_plugin, factories
):
    before = await factories.mission(title="Avant")

    await enable_plugin(org, "catering", config={"default_count": 3})
    await run_jobs()  # the lifecycle hook enqueues catering.backfill_meals...
    await run_jobs()  # ...which runs

    expected = [(before["id"], "Repas Avant", 3)]
    items = (await org.get(MEALS)).json()["items"]
    assert [(i["mission_id"], i["label"], i["quantity"]) for i in items] == expected

    await run_cron("catering.backfill_meals")  # the daily cron finds nothing left to do
    items = (await org.get(MEALS)).json()["items"]
    assert [(i["mission_id"], i["label"], i["quantity"]) for i in items] == expected


async def test_the_cron_job_also_runs_on_demand_for_one_org_only(make_org, enable_plugin):
    mine, other = await make_org(), await make_org()
    await enable_plugin(mine, "catering")  # default_count 0: nothing planned yet
    await enable_plugin(other, "catering")
    await run_jobs()
    mission = await Factories(mine).mission(title="Plus tard")
    await Factories(other).mission(title="Ailleurs")
    await run_events()
    await enable_plugin(mine, "catering", config={"default_count": 2})
    await enable_plugin(other, "catering", config={"default_count": 2})

    await enqueue("catering.backfill_meals", org_id=mine.org_id, plugin="catering")
    await run_jobs()

    assert [(i["mission_id"], i["quantity"]) for i in (await mine.get(MEALS)).json()["items"]] == [
        (mission["id"], 2)
    ]
    assert (await other.get(MEALS)).json()["items"] == []
