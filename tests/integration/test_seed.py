"""`coulisses seed`: the demo org is complete, rule-abiding except on purpose, and idempotent."""

from __future__ import annotations

import datetime as dt
import time

from coulisses.db.connection import fetch
from coulisses.seed import DEMO_SLUG, OWNER_EMAIL, TECH_EMAIL, seed_demo


async def _count(sql: str, org_id: int) -> int:
    return int((await fetch(sql, org_id))[0]["n"])


async def test_seed_builds_the_festival_demo_once(app):
    started = time.perf_counter()
    info = await seed_demo()
    elapsed = time.perf_counter() - started
    assert info["email"] == OWNER_EMAIL
    [org] = await fetch("SELECT id, name FROM orgs WHERE slug = $1", DEMO_SLUG)
    org_id = org["id"]
    assert org["name"] == "Les Nuits de Juillet"

    users = await _count("SELECT count(*) AS n FROM users WHERE org = $1", org_id)
    missions = await _count("SELECT count(*) AS n FROM missions WHERE org = $1", org_id)
    assignments = await _count("SELECT count(*) AS n FROM assignments WHERE org = $1", org_id)
    assert users >= 40
    assert missions >= 150
    statuses = {
        r["status"]
        for r in await fetch("SELECT DISTINCT status FROM assignments WHERE org = $1", org_id)
    }
    assert statuses == {"INVITED", "ACCEPTED", "DECLINED", "CANCELLED"}
    assert await fetch(
        "SELECT 1 FROM assignments WHERE org = $1 AND status = 'DECLINED'"
        " AND decline_reason IS NOT NULL",
        org_id,
    )
    projects = await fetch("SELECT name, status FROM projects WHERE org = $1 ORDER BY name", org_id)
    assert {(p["name"], p["status"]) for p in projects} == {
        ("Festival 2027", "ACTIVE"),
        ("Saison Theatre", "ACTIVE"),
        ("Tournee Automne", "DRAFT"),
    }
    employment = {
        r["employment_type"]
        for r in await fetch("SELECT employment_type FROM users WHERE org = $1", org_id)
    }
    assert employment == {"CDI", "CDD", "Intermittent", "Freelance"}
    windows = await fetch(
        "SELECT status, rrule IS NOT NULL AS recurring FROM availability_windows WHERE org = $1",
        org_id,
    )
    assert {w["status"] for w in windows} == {"APPROVED", "REQUESTED", "REFUSED"}
    assert {w["recurring"] for w in windows} == {True, False}
    # A request for the festival's first week, answered by most: the planning's heat map.
    from coulisses.scheduling.availability_requests.service import day_heatmap

    heat = await day_heatmap(org_id, dt.date(2027, 7, 1), dt.date(2027, 7, 31))
    assert [d["day"] for d in heat["days"]] == [dt.date(2027, 7, 9 + n) for n in range(7)]
    assert {d["asked"] for d in heat["days"]} == {24}
    assert all(d["yes"] + d["if_needed"] > 0 and d["no"] == 0 for d in heat["days"])
    assert all(d["no_answer"] >= 8 for d in heat["days"])
    assert {r["kind"] for r in await fetch("SELECT kind FROM rates WHERE org = $1", org_id)} == {
        "hourly",
        "cachet",
        "per_mission",
    }
    # Every mission is at a place; the tour ends in Montreal, on Montreal's clock.
    assert not await fetch("SELECT 1 FROM missions WHERE org = $1 AND place_id IS NULL", org_id)
    [concert] = await fetch(
        """SELECT m.starts_at AT TIME ZONE p.timezone AS local, p.timezone FROM missions m
           JOIN places p ON p.id = m.place_id
           WHERE m.org = $1 AND m.title = 'Concert' AND p.name = 'Montreal'""",
        org_id,
    )
    assert (concert["timezone"], str(concert["local"])) == (
        "America/Montreal",
        "2027-10-22 20:00:00",
    )
    # The tech login is a user with missions in every status.
    tech_statuses = {
        r["status"]
        for r in await fetch(
            """SELECT DISTINCT a.status FROM assignments a JOIN users u ON u.id = a.user_id
               JOIN accounts c ON c.id = u.account WHERE a.org = $1 AND c.username = $2""",
            org_id,
            TECH_EMAIL,
        )
    }
    assert tech_statuses == {"INVITED", "ACCEPTED", "DECLINED", "CANCELLED"}
    # The seeded answers respect the quotas (no role has more places held than its
    # quota; reserves hold none).
    assert not await fetch(
        """SELECT r.id FROM mission_roles r JOIN assignments a ON a.mission_role = r.id
           WHERE r.org = $1 AND a.status IN ('INVITED', 'ACCEPTED') AND NOT a.reserve
           GROUP BY r.id, r.quota HAVING count(*) > r.quota""",
        org_id,
    )
    # A full role shows its reserve list: two in line, one not answered yet.
    reserves = await fetch(
        """SELECT mission_role, status, reserve_rank FROM assignments
           WHERE org = $1 AND reserve ORDER BY reserve_rank NULLS LAST""",
        org_id,
    )
    assert [r["status"] for r in reserves] == ["ACCEPTED", "ACCEPTED", "INVITED"]
    assert len({r["mission_role"] for r in reserves}) == 1
    # Only the deliberate conflicts: two users' accepted work less than 11 h apart.
    short_rests = await fetch(
        """SELECT DISTINCT a.user_id FROM assignments a JOIN assignments b
             ON b.user_id = a.user_id AND b.id <> a.id AND b.starts_at >= a.ends_at
            AND b.starts_at < a.ends_at + interval '11 hours'
           WHERE a.org = $1 AND a.status = 'ACCEPTED' AND b.status = 'ACCEPTED'""",
        org_id,
    )
    assert len(short_rests) == 2

    again = await seed_demo()  # idempotent: the existing demo is kept as it is
    assert again == info
    assert len(await fetch("SELECT id FROM orgs WHERE name = 'Les Nuits de Juillet'")) == 1
    assert await _count("SELECT count(*) AS n FROM users WHERE org = $1", org_id) == users
    assert await _count("SELECT count(*) AS n FROM missions WHERE org = $1", org_id) == missions
    assert (
        await _count("SELECT count(*) AS n FROM assignments WHERE org = $1", org_id) == assignments
    )
    print(f"seed: {elapsed:.2f} s, {users} users, {missions} missions, {assignments} assignments")


async def test_demo_owner_and_tech_can_log_in(app, client):
    await seed_demo()
    for email in (OWNER_EMAIL, TECH_EMAIL):
        response = await client.post(
            "/api/v1/auth/login", json={"email": email, "password": "Coulisses-2027!"}
        )
        assert response.status_code == 200, response.text
    mine = await client.get("/api/v1/assignments", params={"mine": "true", "page_size": 200})
    assert mine.status_code == 200, mine.text
    assert {a["status"] for a in mine.json()["items"]} == {
        "INVITED",
        "ACCEPTED",
        "DECLINED",
        "CANCELLED",
    }


def _luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


async def test_the_demo_enables_payroll_with_a_complete_employer_identity(app, client):
    await seed_demo()
    [org] = await fetch("SELECT id FROM orgs WHERE slug = $1", DEMO_SLUG)
    enabled = await fetch(
        "SELECT enabled FROM org_plugins WHERE org = $1 AND plugin = 'payroll'", org["id"]
    )
    assert [r["enabled"] for r in enabled] == [True]
    login = await client.post(
        "/api/v1/auth/login", json={"email": OWNER_EMAIL, "password": "Coulisses-2027!"}
    )
    assert login.status_code == 200, login.text

    identity = (await client.get("/api/v1/payroll/identity")).json()
    assert identity["missing"] == []
    assert _luhn(identity["siret"])
    assert _luhn(identity["siret"][:9])
    engagements = await client.get(
        "/api/v1/payroll/engagements", params={"from": "2027-07-01", "to": "2027-07-31"}
    )
    assert engagements.status_code == 200, engagements.text
    festival = next(e for e in engagements.json()["items"] if e["project_name"] == "Festival 2027")
    contract = await client.get(
        "/api/v1/payroll/engagements/contract.pdf",
        params={
            "user": festival["user_id"],
            "project": festival["project_id"],
            "first_day": festival["first_day"],
        },
    )
    assert contract.status_code == 200, contract.text
    aem = (await client.get("/api/v1/payroll/aem", params={"month": "2027-07"})).json()
    assert aem["rows"]
    assert all(row["numero_objet"].startswith("FT-2027-") for row in aem["rows"])
