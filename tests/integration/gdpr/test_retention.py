"""Retention policies (GET/PUT /api/v1/orgs/current/retention) and the daily purge."""

from __future__ import annotations

import datetime as dt

from coulisses.db.connection import fetch
from coulisses.gdpr.retention import purge_all, retention_cron
from coulisses.jobs.queue import CORE_CRONS
from tests.helpers import error_code, signup
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

URL = "/api/v1/orgs/current/retention"


async def test_the_policy_has_defaults_bounds_and_is_for_admins(client, new_client):
    owner = await signup(client)
    manager = await member_session(owner, new_client, "manager@example.org", "manager")

    assert (await owner.get(URL)).json() == {"audit_days": 730, "invitation_days": 365}
    for body, field in (
        ({"audit_days": 89}, "audit_days"),
        ({"invitation_days": 3651}, "invitation_days"),
    ):
        bad = await owner.put(URL, json=body)
        assert (bad.status_code, error_code(bad)) == (422, "retention.out_of_bounds"), bad.text
        assert bad.json()["error"]["details"]["field"] == field
    assert (await manager.get(URL)).status_code == 403
    assert (await manager.put(URL, json={"audit_days": 100})).status_code == 403

    changed = await owner.put(URL, json={"invitation_days": 30})
    assert changed.json() == {"audit_days": 730, "invitation_days": 30}
    [entry] = await fetch(
        "SELECT payload::text AS p FROM audit_log WHERE action = 'retention.updated'"
    )
    assert '"invitation_days": 365' in entry["p"]
    assert '"invitation_days": 30' in entry["p"]


async def _age(table: str, column: str, row_id: int, days: int) -> None:
    await fetch(
        f"UPDATE {table} SET {column} = now() - make_interval(days => $2) WHERE id = $1",
        row_id,
        days,
    )


async def test_the_daily_purge_deletes_only_what_is_past_the_policy_and_repeats_harmlessly(
    client, new_client
):
    assert any(func is retention_cron for func, _ in CORE_CRONS)
    owner = await signup(client)
    other = await signup(new_client("10.9.0.6"))
    project = await make_project(owner)
    mission = await make_mission(owner, project["id"], roles=[{"name": "son", "quota": 5}])
    role = mission["roles"][0]["id"]
    made = [await invite(owner, role, (await make_user(owner))["id"]) for _ in range(4)]
    old_answer, recent_answer, old_expired, pending = [a["invitation"]["id"] for a in made]
    await _age("invitations", "answered_at", old_answer, 400)
    await _age("invitations", "answered_at", recent_answer, 100)
    await _age("invitations", "expires_at", old_expired, 500)
    for org, days in ((owner, 800), (owner, 700), (other, 800)):
        await fetch(
            """INSERT INTO audit_log (org, action, payload, at)
               VALUES ($1, 'test.old', '{}', now() - make_interval(days => $2))""",
            org.org_id,
            days,
        )
    await fetch("UPDATE orgs SET audit_retention_days = 3650 WHERE id = $1", other.org_id)
    audit_before = (await fetch("SELECT count(*) AS n FROM audit_log"))[0]["n"]

    done = await purge_all()

    assert done[owner.org_id] == {"audit_entries": 1, "invitations": 2}
    assert done[other.org_id] == {"audit_entries": 0, "invitations": 0}
    left = {r["id"] for r in await fetch("SELECT id FROM invitations")}
    assert left == {recent_answer, pending}
    assert (await fetch("SELECT count(*) AS n FROM assignments"))[0]["n"] == 4
    ages = await fetch(
        """SELECT org, extract(day FROM now() - at)::int AS d FROM audit_log
           WHERE action = 'test.old'"""
    )
    assert sorted((r["org"], r["d"]) for r in ages) == sorted(
        [(owner.org_id, 700), (other.org_id, 800)]
    )
    [entry] = await fetch(
        "SELECT org, actor, payload::text AS p FROM audit_log WHERE action = 'retention.purged'"
    )
    assert entry["org"] == owner.org_id
    assert entry["actor"] is None
    assert '"audit_entries": 1' in entry["p"]
    assert '"invitations": 2' in entry["p"]
    # One entry deleted, one written (retention.purged).
    assert (await fetch("SELECT count(*) AS n FROM audit_log"))[0]["n"] == audit_before

    # Again: nothing left to delete, nothing written.
    assert await retention_cron({}) == 0
    assert (await fetch("SELECT count(*) AS n FROM audit_log"))[0]["n"] == audit_before
    assert (await fetch("SELECT count(*) AS n FROM invitations"))[0]["n"] == 2


async def test_a_purge_at_a_later_date_follows_the_policy_then(client):
    owner = await signup(client)
    await fetch(
        "INSERT INTO audit_log (org, action, payload, at) VALUES ($1, 'test.old', '{}', now())",
        owner.org_id,
    )
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=731)
    done = await purge_all(now=later)
    # Every entry of the org (the signup's too) is past 730 days by then.
    assert done[owner.org_id]["audit_entries"] >= 2
    actions = [r["action"] for r in await fetch("SELECT action FROM audit_log")]
    assert actions == ["retention.purged"]
