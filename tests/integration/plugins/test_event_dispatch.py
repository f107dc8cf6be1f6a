"""Domain events reach plugins through the database: recorded with the change, handed to
each plugin after commit by a worker, retried, dead-lettered, replayed, never lost."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

import pytest

from coulisses.db.connection import database_url, fetch, transaction
from coulisses.plugins.dispatch import dispatch_due, failed, make_due
from coulisses.plugins.relay import emit_all
from coulisses.settings import get_settings
from coulisses_sdk import DomainEvent, MemberAdded, Plugin, emit_event, hookimpl
from coulisses_sdk.testing import event_deliveries, installed, run_events
from tests.helpers import signup
from tests.integration.plugins.support import MEMBERS, PLUGINS


class Flaky(Plugin):
    """Fails its first ``failures`` calls (a receiver that is down), then works; does its
    work once per event whatever the number of deliveries (idempotent on ``event_id``)."""

    name = "flaky"

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.seen: list[str] = []
        self.processed: dict[str, str] = {}

    @hookimpl
    async def member_added(self, event: MemberAdded) -> None:
        self.seen.append(event.event_id)
        if len(self.seen) <= self.failures:
            raise RuntimeError("receiver down")
        self.processed.setdefault(event.event_id, event.email)


class Slow(Plugin):
    """Blocks in its handler until released."""

    name = "slow"

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.calls = 0

    @hookimpl
    async def member_added(self, event: MemberAdded) -> None:
        self.calls += 1
        self.started.set()
        await self.release.wait()


@dataclass(frozen=True, kw_only=True)
class CateringMealPlanned(DomainEvent):
    """A plugin's own event."""

    meal: str
    guests: int


class Forwarder(Plugin):
    """Receives every event kind (a webhooks-like plugin)."""

    name = "forwarder"

    def __init__(self) -> None:
        self.events: list[Any] = []

    @hookimpl
    def domain_event(self, event: DomainEvent) -> None:
        self.events.append(event)


async def _enabled_owner(client: Any, *names: str) -> Any:
    owner = await signup(client)
    for name in names:
        response = await owner.patch(f"{PLUGINS}/{name}", json={"enabled": True})
        assert response.status_code == 200, response.text
    return owner


async def _deliveries(plugin: str, org_id: int) -> list[dict[str, Any]]:
    return [d for d in await event_deliveries(plugin) if d["org_id"] == org_id]


async def test_a_handler_failing_twice_sees_the_event_three_times_and_processes_it_once(client):
    flaky = Flaky(failures=2)
    with installed(flaky):
        owner = await _enabled_owner(client, "flaky")
        response = await owner.post(MEMBERS, json={"email": "twice@example.org", "role": "tech"})
        assert response.status_code == 201, response.text

        await run_events()
        [delivery] = await _deliveries("flaky", owner.org_id)
        assert (delivery["status"], delivery["attempts"]) == ("pending", 1)
        assert delivery["last_error"] == "RuntimeError: receiver down"
        # Not due again before its retry delay.
        assert await run_events() == 0

        await run_events(retries=True)
        await run_events(retries=True)

    [delivery] = await _deliveries("flaky", owner.org_id)
    assert (delivery["status"], delivery["attempts"], delivery["last_error"]) == ("done", 3, None)
    assert flaky.seen == [delivery["event_id"]] * 3
    assert flaky.processed == {delivery["event_id"]: "twice@example.org"}


async def test_the_request_never_waits_for_a_handler(client):
    slow = Slow()
    with installed(slow):
        owner = await _enabled_owner(client, "slow")
        response = await owner.post(MEMBERS, json={"email": "quick@example.org", "role": "tech"})

        assert response.status_code == 201, response.text
        assert slow.calls == 0
        [delivery] = await _deliveries("slow", owner.org_id)
        assert (delivery["status"], delivery["attempts"]) == ("pending", 0)


async def test_a_worker_killed_mid_dispatch_loses_nothing(client):
    slow = Slow()
    with installed(slow):
        owner = await _enabled_owner(client, "slow")
        await owner.post(MEMBERS, json={"email": "killed@example.org", "role": "tech"})

        worker = asyncio.create_task(dispatch_due())
        await asyncio.wait_for(slow.started.wait(), 30)
        worker.cancel()  # the worker dies in the middle of the handler
        with pytest.raises(asyncio.CancelledError):
            await worker

        [delivery] = await _deliveries("slow", owner.org_id)
        assert (delivery["status"], delivery["attempts"]) == ("pending", 1)
        # Its lease still holds: no other dispatcher takes it at once...
        assert await run_events() == 0
        # ...and once it ran out, the next dispatcher delivers the event.
        await make_due(leases=True)
        slow.release.set()
        assert await run_events() == 1

    [delivery] = await _deliveries("slow", owner.org_id)
    assert (delivery["status"], delivery["attempts"]) == ("done", 2)
    assert slow.calls == 2


async def test_a_handler_running_past_its_timeout_is_retried(client, monkeypatch):
    monkeypatch.setattr(get_settings(), "event_handler_timeout", 0.2)
    slow = Slow()
    with installed(slow):
        owner = await _enabled_owner(client, "slow")
        await owner.post(MEMBERS, json={"email": "late@example.org", "role": "tech"})

        await run_events()

    [delivery] = await _deliveries("slow", owner.org_id)
    assert (delivery["status"], delivery["attempts"]) == ("pending", 1)
    assert delivery["last_error"].startswith("TimeoutError")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url()}
    return subprocess.run(
        [sys.executable, "-m", "coulisses.cli", "events", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


async def test_dead_letters_are_listed_and_replayed(client, monkeypatch):
    monkeypatch.setattr(get_settings(), "event_attempts", 2)
    flaky = Flaky(failures=2)
    with installed(flaky):
        owner = await _enabled_owner(client, "flaky")
        await owner.post(MEMBERS, json={"email": "dead@example.org", "role": "tech"})

        await run_events()
        await run_events(retries=True)
        [delivery] = await _deliveries("flaky", owner.org_id)
        assert (delivery["status"], delivery["attempts"]) == ("dead", 2)
        # Dead: no longer retried, however long we wait.
        assert await run_events(retries=True) == 0

        [dead] = [d for d in await failed(plugin="flaky") if d.org_id == owner.org_id]
        assert (await client.get("/readyz")).json()["events"]["dead"] >= 1
        listing = await asyncio.to_thread(_cli, "failed", "--plugin", "flaky")
        assert listing.returncode == 0, listing.stderr
        line = next(x for x in listing.stdout.splitlines() if x.startswith(f"{dead.id}\t"))
        assert "\tflaky\tMemberAdded\t" in line
        assert "RuntimeError: receiver down" in line
        assert "dead@example.org" not in listing.stdout

        replayed = await asyncio.to_thread(_cli, "replay", str(dead.id), "999999999")
        assert replayed.returncode == 1  # one id was not dead-lettered
        assert f"1 livraison(s) rejouee(s) : {dead.id}" in replayed.stdout
        assert "999999999" in replayed.stderr

        assert await run_events() == 1

    [delivery] = await _deliveries("flaky", owner.org_id)
    assert (delivery["status"], delivery["attempts"]) == ("done", 1)
    assert flaky.processed == {delivery["event_id"]: "dead@example.org"}
    assert (await asyncio.to_thread(_cli, "replay")).returncode == 2


async def test_events_are_recorded_with_the_change_or_not_at_all(client):
    forwarder = Forwarder()
    with installed(forwarder):
        owner = await _enabled_owner(client, "forwarder")
        event = MemberAdded(org_id=owner.org_id, account_id=1, email="x@example.org", role="tech")

        staged: list[int] = []

        async def change_that_fails() -> None:
            async with transaction():
                await emit_all([event])
                staged.append(
                    [d["event_id"] for d in await event_deliveries("forwarder")].count(
                        event.event_id
                    )
                )
                raise RuntimeError("the change fails after its event was recorded")

        with pytest.raises(RuntimeError):
            await change_that_fails()

        assert staged == [1]
        assert event.event_id not in [d["event_id"] for d in await event_deliveries()]
        # The payload is sealed at rest: no address in clear.
        await owner.post(MEMBERS, json={"email": "sealed@example.org", "role": "tech"})
        rows = await fetch("SELECT sealed FROM event_deliveries WHERE org_id = $1", owner.org_id)
        assert rows
        assert not any("sealed@example.org" in r["sealed"] for r in rows)


async def test_a_plugin_event_reaches_the_plugins_listening_to_every_kind(client):
    forwarder = Forwarder()
    with installed(forwarder):
        owner = await _enabled_owner(client, "forwarder")
        async with transaction():
            await emit_event(CateringMealPlanned(org_id=owner.org_id, meal="soupe", guests=12))
        with pytest.raises(ValueError, match="core event"):
            await emit_event(
                MemberAdded(org_id=owner.org_id, account_id=1, email="x@example.org", role="tech")
            )

        await run_events()

    [meal] = [e for e in forwarder.events if e.kind == "CateringMealPlanned"]
    assert isinstance(meal, CateringMealPlanned)
    assert (meal.org_id, meal.meal, meal.guests) == (owner.org_id, "soupe", 12)
    assert meal.at.tzinfo is not None


async def test_an_org_that_did_not_enable_the_plugin_gets_no_delivery(client, new_client):
    forwarder = Forwarder()
    with installed(forwarder):
        owner = await _enabled_owner(client, "forwarder")
        other = await signup(new_client())
        await other.post(MEMBERS, json={"email": "other@example.org", "role": "tech"})
        await owner.post(MEMBERS, json={"email": "mine@example.org", "role": "tech"})
        await run_events()

    # Platform events (OrgCreated) go to every installed plugin; the rest to enabled ones.
    assert [d["kind"] for d in await _deliveries("forwarder", other.org_id)] == ["OrgCreated"]
    added = [e for e in forwarder.events if isinstance(e, MemberAdded)]
    assert [(e.org_id, e.email) for e in added] == [(owner.org_id, "mine@example.org")]
