"""Missions: one action (publish, unpublish, delete) on many missions at once, all or nothing,
org-scoped, audit-logged, with the single routes' MissionChanged events after commit."""

from __future__ import annotations

from typing import Any

import pytest

from coulisses.db.connection import fetch
from tests.helpers import OrgSession, error_code, signup, tech_session
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

URL = "/api/v1/missions:batch"


@pytest.fixture
def fired(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    from coulisses.scheduling import common

    events: list[Any] = []

    async def capture(batch: list[Any]) -> None:
        events.extend(batch)

    monkeypatch.setattr(common, "emit_all", capture)
    return events


async def _three(org: OrgSession) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    project = await make_project(org)
    missions = [
        await make_mission(
            org, project["id"], f"2027-07-{day}T19:00:00+02:00", f"2027-07-{day}T23:00:00+02:00"
        )
        for day in (10, 11, 12)
    ]
    return project, missions


async def _statuses(org: OrgSession, ids: list[int]) -> list[str | None]:
    out: list[str | None] = []
    for mission_id in ids:
        response = await org.get(f"/api/v1/missions/{mission_id}")
        out.append(response.json()["status"] if response.status_code == 200 else None)
    return out


async def _audit(org: OrgSession) -> list[tuple[str, str]]:
    rows = await fetch(
        "SELECT action, target FROM audit_log WHERE org = $1 AND action IN"
        " ('mission.published', 'mission.unpublished', 'mission.deleted') ORDER BY id",
        org.org_id,
    )
    return [(r["action"], r["target"]) for r in rows]


async def test_publish_unpublish_delete_in_one_request(client, fired):
    org = await signup(client)
    project, missions = await _three(org)
    ids = [m["id"] for m in missions]
    await org.post(f"/api/v1/missions/{ids[0]}/publish")
    fired.clear()

    published = await org.post(
        URL, json={"mission_ids": [ids[2], ids[0], ids[1]], "action": "publish"}
    )
    assert published.status_code == 200, published.text
    body = published.json()
    assert body["action"] == "publish"
    # Already published missions are not republished (no event, no audit entry).
    assert body["changed_ids"] == [ids[2], ids[1]]
    assert [m["id"] for m in body["items"]] == ids  # ordered by start
    assert {m["status"] for m in body["items"]} == {"PUBLISHED"}
    assert [(e.kind, e.mission_id, e.project_id, e.change) for e in fired] == [
        ("MissionChanged", ids[2], project["id"], "published"),
        ("MissionChanged", ids[1], project["id"], "published"),
    ]

    fired.clear()
    unpublished = await org.post(URL, json={"mission_ids": ids[:2], "action": "unpublish"})
    assert unpublished.status_code == 200, unpublished.text
    assert unpublished.json()["changed_ids"] == ids[:2]
    assert await _statuses(org, ids) == ["DRAFT", "DRAFT", "PUBLISHED"]
    assert [e.change for e in fired] == ["unpublished", "unpublished"]

    fired.clear()
    deleted = await org.post(
        URL, json={"mission_ids": [ids[1], ids[1], ids[2]], "action": "delete"}
    )
    assert deleted.status_code == 200, deleted.text
    assert deleted.json() == {"action": "delete", "changed_ids": [ids[1], ids[2]], "items": []}
    assert await _statuses(org, ids) == ["DRAFT", None, None]
    assert [(e.mission_id, e.change) for e in fired] == [(ids[1], "deleted"), (ids[2], "deleted")]

    assert await _audit(org) == [
        ("mission.published", f"mission:{ids[0]}"),
        ("mission.published", f"mission:{ids[2]}"),
        ("mission.published", f"mission:{ids[1]}"),
        ("mission.unpublished", f"mission:{ids[0]}"),
        ("mission.unpublished", f"mission:{ids[1]}"),
        ("mission.deleted", f"mission:{ids[1]}"),
        ("mission.deleted", f"mission:{ids[2]}"),
    ]


async def test_delete_with_active_assignments_changes_nothing(client, fired):
    org = await signup(client)
    _, missions = await _three(org)
    ids = [m["id"] for m in missions]
    user = await make_user(org)
    await invite(org, missions[1]["roles"][0]["id"], user["id"])
    fired.clear()

    refused = await org.post(URL, json={"mission_ids": ids, "action": "delete"})
    assert refused.status_code == 409, refused.text
    assert error_code(refused) == "mission.has_active_assignments"
    assert refused.json()["error"]["details"] == {"mission_ids": [ids[1]]}
    assert await _statuses(org, ids) == ["DRAFT", "DRAFT", "DRAFT"]
    assert fired == []
    assert await _audit(org) == []


async def test_other_org_or_unknown_id_is_404_and_nothing_changes(client, new_client, fired):
    org_a = await signup(client)
    org_b = await signup(new_client())
    _, mine = await _three(org_a)
    _, theirs = await _three(org_b)
    ids = [m["id"] for m in mine]
    fired.clear()

    for foreign in (theirs[0]["id"], 2**31 - 1):
        for action in ("publish", "delete"):
            response = await org_a.post(
                URL, json={"mission_ids": [*ids, foreign], "action": action}
            )
            assert response.status_code == 404, response.text
            assert error_code(response) == "mission.not_found"
            assert response.json()["error"]["details"] == {"mission_ids": [foreign]}
    assert await _statuses(org_a, ids) == ["DRAFT", "DRAFT", "DRAFT"]
    assert await _statuses(org_b, [m["id"] for m in theirs]) == ["DRAFT", "DRAFT", "DRAFT"]
    # org B cannot act on org A's missions either.
    stolen = await org_b.post(URL, json={"mission_ids": ids[:1], "action": "delete"})
    assert error_code(stolen) == "mission.not_found"
    assert fired == []
    assert await _audit(org_a) == []
    assert await _audit(org_b) == []


async def test_archived_project_is_read_only_for_the_whole_batch(client, fired):
    org = await signup(client)
    _, open_missions = await _three(org)
    archived = await make_project(org, name="Tournee")
    old = await make_mission(org, archived["id"])
    archive = await org.post(f"/api/v1/projects/{archived['id']}/archive")
    assert archive.status_code in (200, 201), archive.text
    ids = [m["id"] for m in open_missions] + [old["id"]]
    fired.clear()

    response = await org.post(URL, json={"mission_ids": ids, "action": "publish"})
    assert response.status_code == 409, response.text
    assert error_code(response) == "project.archived"
    assert await _statuses(org, ids) == ["DRAFT"] * 4
    assert fired == []


async def test_bad_input(client, new_client):
    org = await signup(client)
    _, missions = await _three(org)
    ok = [missions[0]["id"]]
    cases: list[tuple[Any, int, str]] = [
        ({"mission_ids": [], "action": "publish"}, 422, "mission.batch_empty"),
        (
            {"mission_ids": list(range(1, 1002)), "action": "publish"},
            422,
            "mission.batch_too_large",
        ),
        ({"mission_ids": ok, "action": "archive"}, 400, "request.validation"),
        ({"mission_ids": ok}, 400, "request.validation"),
        ({"action": "publish"}, 400, "request.validation"),
        ({"mission_ids": ["x"], "action": "publish"}, 400, "request.validation"),
        ({"mission_ids": [0], "action": "publish"}, 400, "request.validation"),
        ({"mission_ids": [2**40], "action": "publish"}, 400, "request.validation"),
        ({"mission_ids": ok, "action": "publish", "extra": 1}, 400, "request.validation"),
    ]
    for body, status, code in cases:
        response = await org.post(URL, json=body)
        assert (response.status_code, error_code(response)) == (status, code), body
    assert await _statuses(org, [m["id"] for m in missions]) == ["DRAFT", "DRAFT", "DRAFT"]

    email = "tech@example.org"
    tech = await tech_session(org, new_client, email)
    denied = await tech.post(URL, json={"mission_ids": ok, "action": "publish"})
    assert (denied.status_code, error_code(denied)) == (403, "auth.forbidden")


async def test_batch_route_is_documented(client):
    schema = (await client.get("/api/docs/openapi.json")).json()
    operation = schema["paths"]["/api/v1/missions:batch"]["post"]
    assert operation["operationId"] == "BatchMissions"
