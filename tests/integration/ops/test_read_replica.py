"""DATABASE_READ_URL: the planning's reads go to a read replica when it has caught up,
to the primary when it lags or cannot be reached (coulisses.db.connection.replica_reads);
so do the payroll reports, through the SDK's ``read_snapshot`` (one snapshot for the
plugin's Piccolo queries and the host's reads, coulisses.db.connection.replica_snapshot).

A replica that has caught up is the test database itself, opened through a second,
read-only pool; one that lags is another database holding an older copy of the org's
data versions (what a standby behind its primary serves); one that cannot be reached is
a closed port.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlparse, urlunparse

import asyncpg
import pytest
from prometheus_client import REGISTRY

from coulisses.db.connection import (
    close_replica,
    database_url,
    fetch,
    open_replica,
    replica_reads,
    replica_snapshot,
    transaction,
)
from coulisses.settings import get_settings
from coulisses.tenancy.tables import Org
from tests.helpers import OrgSession, signup
from tests.integration.scheduling.planning.test_planning import JULY, _festival

FRESH = {"Cache-Control": "no-cache"}  # past the body cache: the planning is read again


def _served(where: str) -> float:
    value = REGISTRY.get_sample_value("coulisses_db_replica_reads_total", {"served": where})
    return value or 0.0


def _with_db(url: str, name: str) -> str:
    return urlunparse(urlparse(url)._replace(path="/" + name))


@pytest.fixture
async def use_replica(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    opened: list[bool] = []

    async def use(url: str) -> None:
        monkeypatch.setattr(get_settings(), "database_read_url", url)
        await open_replica(2)
        opened.append(True)

    yield use
    if opened:
        await close_replica()


async def _planning(org: OrgSession) -> dict[str, Any]:
    response = await org.get("/api/v1/planning", params=JULY, headers=FRESH)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_a_caught_up_replica_serves_the_planning_read_only(client, use_replica):
    org = await signup(client)
    await _festival(org)
    on_primary = await _planning(org)

    await use_replica(database_url())
    before = _served("replica")
    assert await _planning(org) == on_primary
    assert _served("replica") == before + 1
    with replica_reads() as routed:
        assert routed
        rows = await fetch("SELECT current_setting('default_transaction_read_only') AS ro")
        assert rows == [{"ro": "on"}]
        with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
            async with transaction():
                await fetch("UPDATE org_data_versions SET version = version + 1")
    # Outside the block, the primary (writable) again.
    rows = await fetch("SELECT current_setting('default_transaction_read_only') AS ro")
    assert rows == [{"ro": "off"}]


async def test_a_lagging_replica_is_skipped_for_the_primary(client, use_replica):
    org = await signup(client)
    await _festival(org)
    behind = f"coulisses_lag_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(_with_db(database_url(), "postgres"))
    try:
        await admin.execute(f'CREATE DATABASE "{behind}"')
        lagging = await asyncpg.connect(_with_db(database_url(), behind))
        try:
            # The replica's copy of the versions, before the festival's writes.
            await lagging.execute(
                "CREATE TABLE org_data_versions (org int, shard int, version bigint)"
            )
            await lagging.execute("INSERT INTO org_data_versions VALUES ($1, 0, 1)", org.org_id)
        finally:
            await lagging.close()
        await use_replica(_with_db(database_url(), behind))
        before = (_served("replica"), _served("primary_behind"))
        planning = await _planning(org)
        assert [m["title"] for m in planning["missions"]]  # the festival, from the primary
        assert (_served("replica"), _served("primary_behind")) == (before[0], before[1] + 1)
        await close_replica()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{behind}" WITH (FORCE)')
        await admin.close()


async def test_an_unreachable_replica_is_skipped_for_the_primary(client, use_replica):
    org = await signup(client)
    await _festival(org)
    on_primary = await _planning(org)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: nothing listens there
    await use_replica(f"postgresql://postgres@127.0.0.1:{port}/nothing")
    before = _served("primary_unavailable")
    assert await _planning(org) == on_primary
    assert _served("primary_unavailable") == before + 1


REPORT = "/api/v1/payroll/reports/monthly"


async def _report(org: OrgSession) -> dict[str, Any]:
    response = await org.get(REPORT, params={"month": "2027-07"})
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _festival_with_payroll(org: OrgSession) -> dict[str, Any]:
    await org.enable("payroll", config={"profile": "prestataires_2717"})
    await _festival(org)
    on_primary = await _report(org)
    assert on_primary["items"]
    assert on_primary["items"][0]["planned_minutes"] > 0
    return on_primary


async def test_a_caught_up_replica_serves_the_payroll_report(client, use_replica):
    org = await signup(client)
    on_primary = await _festival_with_payroll(org)
    await use_replica(database_url())
    before = _served("replica")
    assert await _report(org) == on_primary
    assert _served("replica") == before + 1


async def test_one_snapshot_holds_the_orm_and_the_raw_reads_on_the_replica(use_replica):
    await use_replica(database_url())
    async with replica_snapshot() as served:
        assert served == "replica"
        # Piccolo's query builder (a plugin's own tables) and the raw helpers (the host's
        # reads) run on the same read-only repeatable-read transaction.
        (orm,) = await Org.raw(
            "SELECT current_setting('transaction_read_only') AS ro,"
            " current_setting('transaction_isolation') AS iso, txid_current_if_assigned() AS x,"
            " pg_backend_pid() AS pid"
        )
        (raw,) = await fetch("SELECT pg_backend_pid() AS pid")
        assert (orm["ro"], orm["iso"], orm["pid"]) == ("on", "repeatable read", raw["pid"])
        with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
            await Org.raw("UPDATE orgs SET name = name WHERE false")
    # After the block: the primary again, writable, on the pool's connections.
    (after,) = await Org.raw("SELECT current_setting('transaction_read_only') AS ro")
    assert after["ro"] == "off"
    async with transaction(), replica_snapshot() as served:
        assert served == "primary"  # already inside a transaction: it stays there


async def test_a_replica_that_cannot_prove_it_caught_up_is_skipped(client, use_replica):
    org = await signup(client)
    on_primary = await _festival_with_payroll(org)
    # Another database of the same server: not the primary's, not a standby either, so
    # nothing says it holds the primary's last commits.
    other = f"coulisses_copy_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(_with_db(database_url(), "postgres"))
    try:
        await admin.execute(f'CREATE DATABASE "{other}"')
        await use_replica(_with_db(database_url(), other))
        before = (_served("replica"), _served("primary_behind"))
        assert await _report(org) == on_primary
        assert (_served("replica"), _served("primary_behind")) == (before[0], before[1] + 1)
        await close_replica()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{other}" WITH (FORCE)')
        await admin.close()


async def test_an_unreachable_replica_leaves_the_report_to_the_primary(client, use_replica):
    org = await signup(client)
    on_primary = await _festival_with_payroll(org)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    await use_replica(f"postgresql://postgres@127.0.0.1:{port}/nothing")
    before = _served("primary_unavailable")
    assert await _report(org) == on_primary
    assert _served("primary_unavailable") == before + 1
