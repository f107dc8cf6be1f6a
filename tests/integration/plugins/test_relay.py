"""The hook relay: events reach only enabled plugins, each isolated from the others' errors."""

from __future__ import annotations

from coulisses_hello.plugin import plugin as hello
from coulisses_sdk import MemberAdded, OrgCreated
from coulisses_sdk.testing import event_deliveries, installed, run_events
from tests.helpers import signup
from tests.integration.plugins.support import (
    MEMBERS,
    PLUGINS,
    AsyncRecorder,
    BoomAsync,
    BoomSync,
    Recorder,
)


async def test_a_raising_hook_does_not_stop_other_plugins_nor_the_request(client):
    recorder, async_recorder = Recorder(), AsyncRecorder()
    with installed(BoomSync(), BoomAsync(), recorder, async_recorder, hello):
        owner = await signup(client)
        for name in ("boom-sync", "boom-async", "recorder", "async-recorder", "hello"):
            response = await owner.patch(f"{PLUGINS}/{name}", json={"enabled": True})
            assert response.status_code == 200, response.text

        response = await owner.post(MEMBERS, json={"email": "x@example.org", "role": "tech"})
        assert response.status_code == 201, response.text
        # The request only recorded the event: no handler ran in it.
        assert not recorder.events
        await run_events()

        for plugin in (recorder, async_recorder):
            added = [e for e in plugin.events if isinstance(e, MemberAdded)]
            assert [(e.org_id, e.email, e.role) for e in added] == [
                (owner.org_id, "x@example.org", "tech")
            ]
        greetings = (await owner.get("/api/v1/hello/greetings")).json()["items"]
        assert [g["email"] for g in greetings] == ["x@example.org"]
        outcome = {
            d["plugin"]: (d["status"], d["attempts"], (d["last_error"] or "").split(":")[0])
            for d in await event_deliveries()
            if d["org_id"] == owner.org_id and d["kind"] == "MemberAdded"
        }
        assert outcome == {
            "async-recorder": ("done", 1, ""),
            "boom-async": ("pending", 1, "RuntimeError"),
            "boom-sync": ("pending", 1, "RuntimeError"),
            "hello": ("done", 1, ""),
            "recorder": ("done", 1, ""),
        }


async def test_domain_events_skip_plugins_the_org_has_not_enabled(client):
    recorder = Recorder()
    with installed(recorder):
        owner = await signup(client)

        await owner.post(MEMBERS, json={"email": "y@example.org", "role": "tech"})
        await run_events()

        assert not [e for e in recorder.events if isinstance(e, MemberAdded)]


async def test_org_created_reaches_every_installed_plugin(client):
    recorder = Recorder()
    with installed(recorder):
        owner = await signup(client, "Nouvelle Scene")
        await run_events()

    [created] = [e for e in recorder.events if isinstance(e, OrgCreated)]
    assert (created.org_id, created.name) == (owner.org_id, "Nouvelle Scene")


async def test_installed_restores_the_previous_registry():
    from coulisses.plugins.loader import get_registry

    before = get_registry()
    with installed(Recorder()) as registry:
        assert get_registry() is registry
        assert list(registry.plugins) == ["recorder"]
    assert get_registry() is before
