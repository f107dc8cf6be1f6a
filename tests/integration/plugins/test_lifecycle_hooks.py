"""plugin_enabled / plugin_disabled / plugin_config_changed: after commit, in the worker,
for the plugin concerned only, retried when they raise."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from coulisses_sdk import Plugin, hookimpl
from coulisses_sdk.testing import installed, run_deferred_jobs
from tests.conftest import run_jobs
from tests.helpers import signup
from tests.integration.plugins.support import PLUGINS

calls: list[tuple[Any, ...]] = []
failures_left: dict[str, int] = {}


class Settings(BaseModel):
    level: int = 3


class Catering(Plugin):
    name = "catering"
    config_model = Settings

    @hookimpl
    async def plugin_enabled(self, org_id: int) -> None:
        calls.append(("enabled", org_id))
        if failures_left.get("enabled", 0) > 0:
            failures_left["enabled"] -= 1
            raise RuntimeError("backfill failed")
        calls.append(("backfilled", org_id))

    @hookimpl
    def plugin_disabled(self, org_id: int) -> None:
        calls.append(("disabled", org_id))

    @hookimpl
    def plugin_config_changed(self, org_id: int, old: dict[str, Any], new: dict[str, Any]) -> None:
        calls.append(("config", org_id, old, new))


class Bystander(Plugin):
    """Implements the same hooks: it must never hear of catering's changes."""

    name = "bystander"

    @hookimpl
    def plugin_enabled(self, org_id: int) -> None:
        calls.append(("bystander", org_id))


@pytest.fixture(autouse=True)
def _reset():
    calls.clear()
    failures_left.clear()


async def test_enable_configure_disable_call_the_plugin_after_commit_in_the_worker(app, client):
    with installed(Catering(), Bystander()):
        owner = await signup(client)

        response = await owner.patch(f"{PLUGINS}/catering", json={"enabled": True})
        assert response.status_code == 200, response.text
        assert calls == []  # the request did not wait for the plugin
        await run_jobs()
        assert calls == [("enabled", owner.org_id), ("backfilled", owner.org_id)]

        calls.clear()
        await owner.patch(f"{PLUGINS}/catering", json={"config": {"level": 5}})
        await owner.patch(f"{PLUGINS}/catering", json={"config": {"level": 5}})  # no change
        await run_jobs()
        assert calls == [("config", owner.org_id, {"level": 3}, {"level": 5})]

        calls.clear()
        await owner.patch(f"{PLUGINS}/catering", json={"enabled": False})
        await run_jobs()
        assert calls == [("disabled", owner.org_id)]


async def test_a_failing_hook_is_retried_until_it_succeeds(app, client):
    failures_left["enabled"] = 2
    with installed(Catering()):
        owner = await signup(client)
        await owner.patch(f"{PLUGINS}/catering", json={"enabled": True})
        await run_jobs()
        await run_deferred_jobs()
        await run_deferred_jobs()

    assert calls.count(("enabled", owner.org_id)) == 3
    assert calls.count(("backfilled", owner.org_id)) == 1


async def test_a_hook_whose_state_changed_again_is_skipped(app, client):
    with installed(Catering()):
        owner = await signup(client)
        await owner.patch(f"{PLUGINS}/catering", json={"enabled": True})
        await owner.patch(f"{PLUGINS}/catering", json={"enabled": False})
        await run_jobs()

    # Enabled then disabled before the worker ran: only the disable is told.
    assert calls == [("disabled", owner.org_id)]
