"""Plugin jobs (stamped, re-checked), cron fan-out, and the host services plugins call."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from coulisses.jobs.queue import CORE_CRONS, job_functions
from coulisses_sdk import Plugin, enqueue, hookimpl, plugin_config
from coulisses_sdk.testing import installed
from tests.conftest import run_jobs
from tests.helpers import signup
from tests.integration.plugins.support import PLUGINS

calls: list[tuple[str, int, dict[str, Any]]] = []
broken_orgs: set[int] = set()


async def work(ctx: dict[str, Any], *, org_id: int, **kwargs: Any) -> None:
    calls.append(("work", org_id, kwargs))


async def nightly(ctx: dict[str, Any], *, org_id: int) -> None:
    if org_id in broken_orgs:
        raise RuntimeError(f"org {org_id} breaks the nightly job")
    calls.append(("nightly", org_id, {}))


class Settings(BaseModel):
    level: int = 3


class Worker(Plugin):
    name = "worker"
    config_model = Settings

    @hookimpl
    def register_jobs(self, register: Any) -> None:
        register(work)
        register(nightly, cron="0 3 * * *")


@pytest.fixture(autouse=True)
def _reset_calls():
    calls.clear()
    broken_orgs.clear()


async def test_job_runs_for_the_org_that_enabled_the_plugin_only(app, client, new_client):
    with installed(Worker()):
        on = await signup(client)
        off = await signup(new_client())
        await on.patch(f"{PLUGINS}/worker", json={"enabled": True})

        await enqueue("worker.work", org_id=on.org_id, plugin="worker", n=1)
        await enqueue("worker.work", org_id=off.org_id, plugin="worker", n=2)
        await run_jobs()

    assert calls == [("work", on.org_id, {"n": 1})]


async def test_host_refuses_jobs_of_another_plugin_or_unknown_jobs(app):
    with installed(Worker()):
        with pytest.raises(ValueError, match="unknown job"):
            await enqueue("worker.work", org_id=1, plugin="hello")
        with pytest.raises(ValueError, match="unknown job"):
            await enqueue("worker.nope", org_id=1, plugin="worker")


async def test_cron_job_fans_out_to_enabling_orgs_each_isolated(app, client, new_client):
    with installed(Worker()):
        first = await signup(client)
        second = await signup(new_client())
        third = await signup(new_client("10.9.0.3"))
        for org in (first, second):
            await org.patch(f"{PLUGINS}/worker", json={"enabled": True})
        broken_orgs.add(first.org_id)
        _, crons = job_functions()
        [cron] = crons[len(CORE_CRONS) :]  # after the core's own crons
        assert cron.cron == "0 3 * * *"

        await cron.function({})

    assert calls == [("nightly", second.org_id, {})]
    assert third.org_id not in {c[1] for c in calls}


async def test_a_cron_job_is_also_enqueued_on_demand_for_one_org(app, client, new_client):
    with installed(Worker()):
        on = await signup(client)
        other = await signup(new_client())
        for org in (on, other):
            await org.patch(f"{PLUGINS}/worker", json={"enabled": True})

        await enqueue("worker.nightly", org_id=on.org_id, plugin="worker")
        await run_jobs()

    assert calls == [("nightly", on.org_id, {})]


async def test_run_cron_runs_the_schedule_now_for_every_enabling_org_or_one(
    app, client, new_client
):
    from coulisses_sdk.testing import run_cron

    with installed(Worker()):
        first = await signup(client)
        second = await signup(new_client())
        await signup(new_client("10.9.0.3"))  # has not enabled the plugin
        for org in (first, second):
            await org.patch(f"{PLUGINS}/worker", json={"enabled": True})

        await run_cron("worker.nightly")
        assert sorted(c[1] for c in calls) == sorted([first.org_id, second.org_id])
        calls.clear()
        await run_cron("worker.nightly", org_id=second.org_id)
        assert calls == [("nightly", second.org_id, {})]
        with pytest.raises(ValueError, match="not a registered cron job"):
            await run_cron("worker.work")


async def test_plugin_config_gives_defaults_then_the_saved_config(app, client):
    with installed(Worker()):
        owner = await signup(client)
        assert await plugin_config(owner.org_id, "worker") == {"level": 3}

        await owner.patch(f"{PLUGINS}/worker", json={"config": {"level": 7}})

        assert await plugin_config(owner.org_id, "worker") == {"level": 7}
