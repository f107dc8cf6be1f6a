"""The planning's cache and ETag: never stale, whatever writes the data, and private
fields stay private (coulisses.scheduling.planning.cache)."""

from __future__ import annotations

from typing import Any

import pytest

from coulisses.db.connection import fetch
from coulisses.scheduling.planning.cache import BodyCache, body_cache
from tests.helpers import OrgSession, signup, tech_session
from tests.integration.scheduling.factories import make_mission, make_project
from tests.integration.scheduling.planning.test_planning import JULY, _festival


async def _get(org: OrgSession, etag: str | None = None, **headers: str) -> Any:
    if etag is not None:
        headers["If-None-Match"] = etag
    return await org.get("/api/v1/planning", params=JULY, headers=headers)


async def _mission_titles(org: OrgSession) -> list[str]:
    response = await _get(org)
    assert response.status_code == 200, response.text
    return [m["title"] for m in response.json()["missions"]]


async def test_a_repeated_read_is_a_304_with_its_etag_and_the_same_body(client):
    org = await signup(client)
    await _festival(org)
    first = await _get(org)
    assert first.status_code == 200, first.text
    etag = first.headers["etag"]
    assert etag.startswith('"')
    assert first.headers["cache-control"] == "private, no-cache"
    again = await _get(org)
    assert again.headers["etag"] == etag
    assert again.content == first.content
    not_modified = await _get(org, etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified.headers["etag"] == etag
    # Weak and listed tags match too; another tag does not.
    assert (await _get(org, f'"x", W/{etag}')).status_code == 304
    assert (await _get(org, '"something-else"')).status_code == 200
    # Another window is another tag.
    other = await org.get("/api/v1/planning", params={"from": "2027-07-01", "to": "2027-07-15"})
    assert other.status_code == 200
    assert other.headers["etag"] != etag
    # A rebuilt body (Cache-Control: no-cache) is byte for byte the cached one.
    rebuilt = await _get(org, **{"Cache-Control": "no-cache"})
    assert rebuilt.content == first.content
    assert rebuilt.headers["etag"] == etag


# Each write goes around the API on purpose (a job, piccolo-admin, psql): the triggers
# see it all the same.
RAW_WRITES = [
    ("a place renamed", "UPDATE places SET name = name || ' bis' WHERE org = $1"),
    ("a project renamed", "UPDATE projects SET name = name || ' bis' WHERE org = $1"),
    ("a user renamed", "UPDATE users SET last_name = 'Renomme' WHERE org = $1"),
    ("a quota changed", "UPDATE mission_roles SET quota = quota + 1 WHERE org = $1"),
    ("a delivery failed", "UPDATE invitations SET delivery_status = 'failed' WHERE org = $1"),
    ("the org's timezone", "UPDATE orgs SET timezone = 'America/Montreal' WHERE id = $1"),
    (
        "an assignment deleted",
        """DELETE FROM assignments WHERE org = $1 AND id = (
               SELECT min(id) FROM assignments WHERE org = $1 AND status = 'CANCELLED')""",
    ),
    (
        "a mission inserted",
        """INSERT INTO missions (org, project, title, starts_at, ends_at, status)
           SELECT org, project, 'Ajoutee', starts_at, ends_at, 'DRAFT'
           FROM missions WHERE org = $1 ORDER BY id LIMIT 1""",
    ),
]


@pytest.mark.parametrize(("what", "sql"), RAW_WRITES, ids=[w for w, _ in RAW_WRITES])
async def test_any_write_of_the_org_changes_the_etag_and_the_body(client, what, sql):
    org = await signup(client)
    await _festival(org)
    before = await _get(org)
    etag = before.headers["etag"]
    await fetch(sql, org.org_id)
    after = await _get(org, etag)
    assert after.status_code == 200, f"{what}: still {after.status_code}"
    assert after.headers["etag"] != etag
    assert after.json() != before.json(), what


async def test_each_write_through_the_api_is_read_back_at_once(client):
    """Read-your-writes, many times over: a stale entry would show an older title."""
    org = await signup(client)
    project = await make_project(org)
    mission = await make_mission(org, project["id"], title="Titre 0")
    for n in range(1, 8):
        assert await _mission_titles(org) == [f"Titre {n - 1}"]
        response = await org.patch(
            f"/api/v1/missions/{mission['id']}", json={"title": f"Titre {n}"}
        )
        assert response.status_code == 200, response.text
    assert await _mission_titles(org) == ["Titre 7"]


async def test_another_orgs_writes_leave_the_etag_alone(client, new_client):
    a = await signup(client)
    await _festival(a)
    etag = (await _get(a)).headers["etag"]
    b = await signup(new_client())
    await make_mission(b, (await make_project(b))["id"], title="B only")
    assert (await _get(a, etag)).status_code == 304
    assert await _mission_titles(b) == ["B only"]


async def test_a_tech_never_gets_a_managers_body(client, new_client):
    org = await signup(client)
    await _festival(org)  # Lea declined with a reason (private to managers and Lea)
    manager = await _get(org)
    reasons = [a["decline_reason"] for a in manager.json()["assignments"]]
    assert "deja pris" in reasons
    tech = await tech_session(org, new_client, "tech-cache@example.org")
    seen = await _get(tech)
    assert seen.status_code == 200, seen.text
    assert seen.headers["etag"] != manager.headers["etag"]
    assert [a["decline_reason"] for a in seen.json()["assignments"]] == [None] * len(reasons)
    # The manager's tag means nothing to the tech: a full (redacted) body again.
    assert (await _get(tech, manager.headers["etag"])).status_code == 200
    assert (await _get(tech, seen.headers["etag"])).status_code == 304


async def test_errors_are_not_cached(client):
    org = await signup(client)
    bad = await org.get("/api/v1/planning", params={"from": "2027-07-01", "to": "demain"})
    assert bad.status_code == 422
    assert "etag" not in bad.headers
    missing = await org.get("/api/v1/planning", params={**JULY, "project": 999999})
    assert missing.status_code == 404
    assert "etag" not in missing.headers


def test_the_body_cache_drops_the_least_recently_used_past_its_budget():
    cache = BodyCache(max_bytes=10)
    cache.put("a", b"1234")
    cache.put("b", b"1234")
    assert cache.get("a") == b"1234"  # a is now the most recent
    cache.put("c", b"1234")  # 12 bytes: b goes
    assert cache.get("b") is None
    assert cache.get("a") == b"1234"
    assert cache.get("c") == b"1234"
    assert cache.size == (2, 8)
    cache.put("big", b"x" * 11)  # larger than the whole budget: not kept, nothing dropped
    assert cache.get("big") is None
    assert cache.size == (2, 8)
    cache.put("a", b"12")  # replaced, counted once
    assert cache.size == (2, 6)


def test_the_cache_is_off_at_zero(monkeypatch):
    from coulisses.settings import get_settings

    monkeypatch.setattr(get_settings(), "planning_cache_mb", 0)
    assert body_cache() is None


async def _bumps() -> int:
    rows = await fetch("SELECT last_value, is_called FROM org_data_version_seq")
    return int(rows[0]["last_value"]) if rows[0]["is_called"] else 0


async def test_a_transaction_bumps_its_org_once_however_many_rows_it_writes(client):
    org = await signup(client)
    project = await make_project(org)
    before = await _bumps()
    response = await org.post(
        f"/api/v1/projects/{project['id']}/missions:bulk_create",
        json={
            "title": "Exploitation",
            "days": [f"2027-07-{day:02d}" for day in range(1, 11)],
            "slots": [{"start": "19:00", "end": "23:00"}] * 3,
            "roles": [{"name": "son", "quota": 2}, {"name": "lumiere", "quota": 1}],
        },
    )
    assert response.status_code == 201, response.text
    assert len(response.json()["items"]) == 30  # 30 missions, 60 roles: one bump
    assert await _bumps() == before + 1
    # A refused request bumps nothing.
    bad = await org.post("/api/v1/missions", json={"project_id": project["id"], "title": ""})
    assert bad.status_code == 400, bad.text
    assert await _bumps() == before + 1
