"""Hot queries read only their own org's rows, by index, whatever other orgs hold.

A database holds a bench-sized org (200 users, 5,000 missions, 20,000
assignments over six months) next to one four times larger, built with
set-based SQL. The statements the app actually sends for the small org
(captured as sent, with their arguments) are explained as prepared statements:
first execution, after seven executions, generic plan forced. None may scan a
whole table of org data (``Seq Scan`` on missions, mission_roles, assignments,
users, invitations): that is where one org paid for the others' rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg

from coulisses.db.connection import database_url
from coulisses.scheduling.assignments import service as assignments
from coulisses.scheduling.conflicts import service as conflicts
from coulisses.scheduling.dashboard import service as dashboard
from coulisses.scheduling.planning import service as planning
from coulisses_sdk import Principal
from tests.helpers import signup
from tests.integration.scheduling.invitations.test_invitation_rate_limit import _invitation
from tests.integration.scheduling.perf.plans import (
    build_org,
    org_statements,
    plans_of,
    settle,
)
from tests.roundtrips import counting

MONTH = ("2027-06-01", "2027-06-30")


async def _two_orgs(client: Any, new_client: Any) -> tuple[Any, int]:
    """The small org (signed in through ``client``) and its four-times-larger neighbour."""
    small = await signup(client)
    large = await signup(new_client("10.40.0.1"))
    conn = await asyncpg.connect(database_url())
    try:
        async with conn.transaction():
            await build_org(conn, small.org_id, users=200, missions=5_000)
            await build_org(conn, large.org_id, users=800, missions=20_000)
        await settle(conn)
    finally:
        await conn.close()
    return small, large.org_id


async def _assert_index_scans(statements: list[tuple[str, tuple[Any, ...]]]) -> int:
    conn = await asyncpg.connect(database_url())
    try:
        checked = 0
        for sql, args in org_statements(statements):
            plans = await plans_of(conn, sql, args)
            assert not plans.full_scans(), (plans.full_scans(), sql, plans.scans)
            checked += 1
        return checked
    finally:
        await conn.close()


async def test_planning_reads_only_its_org_whatever_the_neighbour_holds(client, new_client):
    small, _ = await _two_orgs(client, new_client)
    conn = await asyncpg.connect(database_url())
    try:
        user_id = await conn.fetchval("SELECT min(id) FROM users WHERE org = $1", small.org_id)
        project_id = await conn.fetchval(
            "SELECT min(id) FROM projects WHERE org = $1", small.org_id
        )
    finally:
        await conn.close()

    with counting() as seen:
        month = await planning.planning(small.org_id, *MONTH)
        await planning.planning(small.org_id, *MONTH, user_id=user_id)
        await planning.planning(small.org_id, *MONTH, project_id=project_id)
        await planning.planning(small.org_id, *MONTH, statuses=["INVITED", "ACCEPTED"])
    # A month of the small org: about 830 missions, each with its roles and assignments.
    assert 800 <= len(month.missions) <= 860
    assert len(month.assignments) == 4 * len(month.missions)
    assert {a.mission_id for a in month.assignments} == {m.id for m in month.missions}
    assert sum(r.accepted + r.pending for m in month.missions for r in m.roles) == sum(
        a.status in ("ACCEPTED", "INVITED") for a in month.assignments
    )
    # The context, three shapes of the missions query, roles, assignments, users.
    assert await _assert_index_scans(seen.bound) == 7

    # Through the route too, past the five custom plans of each pooled connection.
    for _ in range(8):
        response = await small.get("/api/v1/planning", params={"from": MONTH[0], "to": MONTH[1]})
        assert response.status_code == 200
        assert len(response.json()["assignments"]) == len(month.assignments)


async def test_conflicts_and_assignment_lists_read_only_their_org(client, new_client):
    small, _ = await _two_orgs(client, new_client)
    conn = await asyncpg.connect(database_url())
    try:
        row = await conn.fetchrow(
            "SELECT mission, user_id FROM assignments WHERE org = $1 ORDER BY id LIMIT 1 OFFSET 9",
            small.org_id,
        )
        project_id = await conn.fetchval(
            "SELECT min(id) FROM projects WHERE org = $1", small.org_id
        )
    finally:
        await conn.close()

    page = assignments.ASSIGNMENTS.query()  # the list's defaults: page 1, by start
    with counting() as seen:
        report = await conflicts.report_between(small.org_id, *MONTH)
        await conflicts.report_between(small.org_id, *MONTH, user_id=row["user_id"])
        for filters in (
            {},
            {"mission_id": row["mission"]},
            {"user_id": row["user_id"]},
            {"project_id": project_id},
            {"status": "INVITED"},
            {"account_id": small.account_id},
        ):
            await assignments.list_assignments(small.org_id, page, **filters)
    assert report.window_start is not None
    assert await _assert_index_scans(seen.bound) >= 8


async def test_public_accept_reads_only_its_org(client, new_client, mail_sink):
    _, _, invitation_id, token = await _invitation(client, mail_sink)
    large = await signup(new_client("10.40.0.1"))
    conn = await asyncpg.connect(database_url())
    try:
        async with conn.transaction():
            await build_org(conn, large.org_id, users=800, missions=20_000)
        await settle(conn)
    finally:
        await conn.close()

    with counting() as seen:
        response = await new_client("10.40.0.2").post(
            f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
        )
    assert response.status_code == 200, response.text
    assert response.json()["assignment_status"] == "ACCEPTED"
    assert await _assert_index_scans(seen.bound) >= 5


async def test_the_dashboard_reads_only_its_org(client, new_client):
    small, _ = await _two_orgs(client, new_client)
    owner = Principal(small.account_id, small.email, small.org_id, "owner")
    with counting() as seen:
        board = await dashboard.dashboard(owner, now=dt.datetime(2027, 6, 10, 8, tzinfo=dt.UTC))
    assert board.manager is not None
    # Exact totals over the org's rows, lists cut at their first rows.
    assert board.manager.pending_invitations.total > dashboard.LIMIT
    assert len(board.manager.pending_invitations.items) == dashboard.LIMIT
    assert board.manager.missing_people.total > 0
    assert board.manager.this_week.planned_minutes > 0
    assert await _assert_index_scans(seen.bound) >= 8
