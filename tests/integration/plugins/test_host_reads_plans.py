"""The SDK host reads cost what their docstrings say: the statement count of each read, and
index scans of the caller's org only, next to a neighbour four times larger (the plan
tools and org sizes of ``tests/integration/scheduling/perf``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg

from coulisses.db.connection import database_url
from coulisses_sdk import host
from tests.helpers import signup
from tests.integration.scheduling.perf.plans import (
    FIRST_DAY,
    build_org,
    org_statements,
    plans_of,
    settle,
)
from tests.roundtrips import counting


async def _statements(read: Any) -> tuple[Any, list[tuple[str, tuple[Any, ...]]]]:
    with counting() as seen:
        result = await read()
    return result, seen.bound


async def test_host_reads_are_few_statements_scanning_only_their_orgs_rows(client, new_client):
    small = await signup(client)
    large = await signup(new_client("10.41.0.1"))
    conn = await asyncpg.connect(database_url())
    try:
        async with conn.transaction():
            await build_org(conn, small.org_id, users=200, missions=5_000)
            await build_org(conn, large.org_id, users=800, missions=20_000)
        await settle(conn)
        row = await conn.fetchrow(
            """SELECT s.id, s.mission, s.user_id, m.project, m.place_id FROM assignments s
               JOIN missions m ON m.id = s.mission WHERE s.org = $1 ORDER BY s.id LIMIT 1""",
            small.org_id,
        )
    finally:
        await conn.close()
    org_id = small.org_id
    month = {"starts_from": FIRST_DAY, "starts_before": FIRST_DAY + dt.timedelta(days=30)}

    # Each read is the number of statements its docstring gives.
    one_statement = {
        "get_mission": lambda: host.get_mission(org_id, row["mission"]),
        "list_missions": lambda: host.list_missions(org_id, limit=50, **month),
        "list_missions_project": lambda: host.list_missions(
            org_id, project_id=row["project"], limit=50, **month
        ),
        "list_missions_place": lambda: host.list_missions(
            org_id, place_id=row["place_id"], limit=50, **month
        ),
        "mission_roles": lambda: host.mission_roles(org_id, row["mission"]),
        "get_assignment": lambda: host.get_assignment(org_id, row["id"]),
        "list_assignments_page": lambda: host.list_assignments_page(org_id, limit=50),
        "list_assignments_user": lambda: host.list_assignments_page(
            org_id, user_id=row["user_id"], limit=50
        ),
        "list_assignments_mission": lambda: host.list_assignments_page(
            org_id, mission_id=row["mission"]
        ),
        "get_user": lambda: host.get_user(org_id, row["user_id"]),
        "get_users": lambda: host.get_users(org_id, [row["user_id"], row["user_id"] + 1]),
        "get_missions": lambda: host.get_missions(org_id, [row["mission"], row["mission"] + 1]),
        "assignment_rates": lambda: host.assignment_rates(org_id, range(row["id"], row["id"] + 50)),
        "list_users": lambda: host.list_users(org_id, limit=50),
        "get_project": lambda: host.get_project(org_id, row["project"]),
        "list_projects": lambda: host.list_projects(org_id),
        "get_place": lambda: host.get_place(org_id, row["place_id"]),
        "list_places": lambda: host.list_places(org_id),
    }
    bound: list[tuple[str, tuple[Any, ...]]] = []
    pages: dict[str, Any] = {}
    for name, read in one_statement.items():
        result, sent = await _statements(read)
        assert len(sent) == 1, (name, sent)
        bound += sent
        pages[name] = result
    # A later page is one statement too, from its cursor (no offset to skip).
    for name, read in {
        "list_missions": lambda: host.list_missions(
            org_id, limit=50, cursor=pages["list_missions"].next_cursor, **month
        ),
        "list_assignments_page": lambda: host.list_assignments_page(
            org_id, limit=50, cursor=pages["list_assignments_page"].next_cursor
        ),
        "list_users": lambda: host.list_users(
            org_id, limit=50, cursor=pages["list_users"].next_cursor
        ),
    }.items():
        assert pages[name].next_cursor is not None, name
        later, sent = await _statements(read)
        assert len(sent) == 1, (name, sent)
        assert len(later.items) == 50
        bound += sent
    # The bulk read: the custom plans asked for, the assignments, then one lookup each for
    # their users, zones and rates (run past the five runs after which a cached statement
    # may get a generic plan: same statements, same rows).
    span = {"starts_after": FIRST_DAY, "starts_before": FIRST_DAY + dt.timedelta(days=30)}
    first = await host.work_rows(org_id, **span)
    for _ in range(6):
        rows, sent = await _statements(lambda: host.work_rows(org_id, **span))
        assert rows == first
        assert len(sent) == 5, sent
        assert "plan_cache_mode" in sent[0][0]
    assert len(first) > 100
    bound += sent
    # Rates: the user and mission checks, then one lookup.
    _, sent = await _statements(lambda: host.assignment_rate(org_id, row["id"]))
    assert len(sent) == 4
    bound += sent

    conn = await asyncpg.connect(database_url())
    try:
        checked = 0
        for sql, args in org_statements(bound):
            plans = await plans_of(conn, sql, args)
            assert not plans.full_scans(), (plans.full_scans(), sql, plans.scans)
            checked += 1
            print("PLAN", " ".join(sql.split())[:90], plans.scans["first"], plans.scans["generic"])
    finally:
        await conn.close()
    assert checked >= 19
