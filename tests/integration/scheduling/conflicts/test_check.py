"""POST /api/v1/assignments/check: the conflicts an invitation or a mission's move would
create, nothing written; its refusals, RBAC and org scoping; the Undo calls it leads to."""

from __future__ import annotations

from typing import Any

from coulisses.db.connection import fetch
from tests.helpers import OrgSession, error_code, signup
from tests.integration.scheduling.conflicts.test_conflicts import _member
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

URL = "/api/v1/assignments/check"


def _at(day: int, time: str) -> str:
    return f"2027-07-{day:02d}T{time}:00+02:00"


async def _mission(
    org: OrgSession, project_id: int, day: int, start: str, end: str, **fields: Any
) -> dict[str, Any]:
    roles = fields.pop("roles", [{"name": "technicien", "quota": 3}])
    return await make_mission(org, project_id, _at(day, start), _at(day, end), roles=roles)


async def _written(org_id: int) -> tuple[int, ...]:
    """Rows a command would write: assignments, invitations, audit lines, outbox rows."""
    rows = await fetch(
        """SELECT (SELECT count(*) FROM assignments WHERE org = $1) AS a,
                  (SELECT count(*) FROM invitations i JOIN assignments a ON a.id = i.assignment
                   WHERE a.org = $1) AS i,
                  (SELECT count(*) FROM audit_log WHERE org = $1) AS l,
                  (SELECT count(*) FROM outbox WHERE org_id = $1) AS o""",
        org_id,
    )
    return tuple(rows[0].values())


async def _check(org: OrgSession, body: dict[str, Any], status: int = 200) -> Any:
    response = await org.post(URL, json=body)
    assert response.status_code == status, response.text
    return response.json()


async def test_invite_check_lists_the_conflicts_it_would_create_and_writes_nothing(client):
    org = await signup(client)
    project = await make_project(org)
    lea = int((await make_user(org, first_name="Lea"))["id"])
    evening = await _mission(org, project["id"], 10, "19:00", "23:00")
    held = await invite(org, evening["roles"][0]["id"], lea)
    late = await _mission(
        org,
        project["id"],
        10,
        "21:00",
        "23:30",
        roles=[{"name": "son", "quota": 1, "required_skills": ["son"]}],
    )
    before = await _written(org.org_id)

    body = await _check(
        org, {"invite": {"mission_role_ids": [late["roles"][0]["id"]], "user_ids": [lea]}}
    )

    by_kind = {c["kind"]: c for c in body["conflicts"]}
    assert set(by_kind) == {"overlap", "missing_skill"}
    overlap = by_kind["overlap"]
    assert [(a["id"], a["mission_id"], a["status"]) for a in overlap["assignments"]] == [
        (held["id"], evening["id"], "INVITED"),
        (None, late["id"], "INVITED"),
    ]
    assert overlap["target_assignment_id"] is None
    assert overlap["hours"] == 2.0
    assert by_kind["missing_skill"]["missing_skills"] == ["son"]
    assert await _written(org.org_id) == before

    # The same rules as the report once it is done: the check predicted them.
    made = await invite(org, late["roles"][0]["id"], lea)
    assert {w["kind"] for w in made["warnings"]} == {"overlap", "missing_skill"}


async def test_invite_check_without_conflict_is_empty(client):
    org = await signup(client)
    project = await make_project(org)
    user = int((await make_user(org))["id"])
    mission = await _mission(org, project["id"], 12, "10:00", "14:00")
    body = {"invite": {"mission_role_ids": [mission["roles"][0]["id"]], "user_ids": [user]}}
    assert await _check(org, body) == {"conflicts": []}


async def test_move_check_lists_only_the_conflicts_the_move_creates(client):
    org = await signup(client)
    project = await make_project(org)
    noe = int((await make_user(org, first_name="Noe"))["id"])
    afternoon = await _mission(org, project["id"], 14, "13:00", "17:00")
    await invite(org, afternoon["roles"][0]["id"], noe)
    # Already a conflict before the move (a skill Noe lacks): not one the move creates.
    evening = await _mission(
        org,
        project["id"],
        14,
        "19:00",
        "22:00",
        roles=[{"name": "son", "quota": 1, "required_skills": ["son"]}],
    )
    moved = await invite(org, evening["roles"][0]["id"], noe)
    before = await _written(org.org_id)

    move = {"mission_id": evening["id"], "starts_at": _at(14, "16:00"), "ends_at": _at(14, "20:00")}
    body = await _check(org, {"move": move})

    [overlap] = body["conflicts"]
    assert overlap["kind"] == "overlap"
    assert overlap["hours"] == 1.0
    moved_out = next(a for a in overlap["assignments"] if a["id"] == moved["id"])
    assert (moved_out["starts_at"], moved_out["ends_at"]) == (
        "2027-07-14T14:00:00Z",
        "2027-07-14T18:00:00Z",
    )
    assert await _written(org.org_id) == before
    mission = (await org.get(f"/api/v1/missions/{evening['id']}")).json()
    assert mission["starts_at"] == "2027-07-14T17:00:00Z"

    # Back where it was: nothing new.
    same = {"mission_id": evening["id"], "starts_at": _at(14, "19:00"), "ends_at": _at(14, "22:00")}
    assert (await _check(org, {"move": same}))["conflicts"] == []


async def test_move_check_of_a_mission_without_assignment_is_empty(client):
    org = await signup(client)
    project = await make_project(org)
    mission = await _mission(org, project["id"], 14, "13:00", "17:00")
    move = {"mission_id": mission["id"], "starts_at": _at(15, "13:00"), "ends_at": _at(15, "17:00")}
    assert await _check(org, {"move": move}) == {"conflicts": []}


async def test_check_refuses_what_the_command_would_refuse(client):
    org = await signup(client)
    project = await make_project(org)
    user = int((await make_user(org))["id"])
    mission = await _mission(
        org,
        project["id"],
        16,
        "10:00",
        "14:00",
        roles=[{"name": "son", "quota": 2}, {"name": "lumiere", "quota": 2}],
    )
    son, lumiere = (r["id"] for r in mission["roles"])
    before = await _written(org.org_id)
    for body, status, code in (
        (
            {"invite": {"mission_role_ids": [son, lumiere], "user_ids": [user]}},
            409,
            "assignment.duplicate",
        ),
        (
            {"invite": {"mission_role_ids": [999999], "user_ids": [user]}},
            404,
            "mission_role.not_found",
        ),
        ({"invite": {"mission_role_ids": [son], "user_ids": [999999]}}, 404, "user.not_found"),
        (
            {
                "move": {
                    "mission_id": 999999,
                    "starts_at": _at(16, "10:00"),
                    "ends_at": _at(16, "12:00"),
                }
            },
            404,
            "mission.not_found",
        ),
        (
            {
                "move": {
                    "mission_id": mission["id"],
                    "starts_at": _at(16, "12:00"),
                    "ends_at": _at(16, "10:00"),
                }
            },
            422,
            "mission.invalid_times",
        ),
        ({}, 422, "assignment.check_invalid"),
        (
            {
                "invite": {"mission_role_ids": [son], "user_ids": [user]},
                "move": {
                    "mission_id": mission["id"],
                    "starts_at": _at(16, "10:00"),
                    "ends_at": _at(16, "12:00"),
                },
            },
            422,
            "assignment.check_invalid",
        ),
    ):
        response = await org.post(URL, json=body)
        assert response.status_code == status, response.text
        assert error_code(response) == code
    await invite(org, son, user)
    again = await org.post(
        URL, json={"invite": {"mission_role_ids": [lumiere], "user_ids": [user]}}
    )
    assert again.status_code == 409
    assert error_code(again) == "assignment.duplicate"
    assert (await _written(org.org_id))[0] == before[0] + 1
    bad = await org.post(URL, json={"invite": {"mission_role_ids": [], "user_ids": [user]}})
    assert bad.status_code == 422, bad.text
    assert error_code(bad) == "assignment.empty"


async def test_check_needs_a_manager_and_ids_of_the_org(client, new_client):
    a = await signup(client, "Org A")
    b = await signup(new_client(), "Org B")
    project_b = await make_project(b)
    user_b = int((await make_user(b))["id"])
    mission_b = await _mission(b, project_b["id"], 18, "10:00", "14:00")
    project_a = await make_project(a)
    user_a = int((await make_user(a))["id"])
    mission_a = await _mission(a, project_a["id"], 18, "10:00", "14:00")
    for body, code in (
        (
            {"invite": {"mission_role_ids": [mission_b["roles"][0]["id"]], "user_ids": [user_a]}},
            "mission_role.not_found",
        ),
        (
            {"invite": {"mission_role_ids": [mission_a["roles"][0]["id"]], "user_ids": [user_b]}},
            "user.not_found",
        ),
        (
            {
                "move": {
                    "mission_id": mission_b["id"],
                    "starts_at": _at(18, "11:00"),
                    "ends_at": _at(18, "12:00"),
                }
            },
            "mission.not_found",
        ),
    ):
        response = await a.post(URL, json=body)
        assert response.status_code == 404, response.text
        assert error_code(response) == code

    tech = await _member(a, new_client, "tech-check@example.org", "tech")
    body = {"invite": {"mission_role_ids": [mission_a["roles"][0]["id"]], "user_ids": [user_a]}}
    refused = await tech.post(URL, json=body)
    assert refused.status_code == 403, refused.text
    manager = await _member(a, new_client, "manager-check@example.org", "manager")
    assert (await manager.post(URL, json=body)).status_code == 200


async def test_undo_calls_are_the_inverse_commands(client):
    """Undo of an invitation cancels it; undo of a move puts the times back; undo of a
    replacement replaces back (the first user gets a new invitation)."""
    org = await signup(client)
    project = await make_project(org)
    ana = int((await make_user(org, first_name="Ana"))["id"])
    ben = int((await make_user(org, first_name="Ben"))["id"])
    mission = await _mission(org, project["id"], 20, "10:00", "14:00")
    role = mission["roles"][0]["id"]

    made = await invite(org, role, ana)
    undone = await org.post(f"/api/v1/assignments/{made['id']}/cancel")
    assert undone.status_code == 200, undone.text
    assert undone.json()["status"] == "CANCELLED"

    moved = await org.patch(
        f"/api/v1/missions/{mission['id']}",
        json={"starts_at": _at(20, "11:00"), "ends_at": _at(20, "15:00")},
    )
    assert moved.status_code == 200, moved.text
    back = await org.patch(
        f"/api/v1/missions/{mission['id']}",
        json={"starts_at": mission["starts_at"], "ends_at": mission["ends_at"]},
    )
    assert back.status_code == 200, back.text
    assert (back.json()["starts_at"], back.json()["ends_at"]) == (
        mission["starts_at"],
        mission["ends_at"],
    )

    first = await invite(org, role, ana)
    swapped = await org.post(
        "/api/v1/conflicts/resolve", json={"assignment_id": first["id"], "replacement_user_id": ben}
    )
    assert swapped.status_code == 201, swapped.text
    restored = await org.post(
        "/api/v1/conflicts/resolve",
        json={"assignment_id": swapped.json()["id"], "replacement_user_id": ana},
    )
    assert restored.status_code == 201, restored.text
    assert (restored.json()["user_id"], restored.json()["status"]) == (ana, "INVITED")
    active = (await org.get("/api/v1/assignments", params={"mission": mission["id"]})).json()
    assert [(a["user_id"], a["status"]) for a in active["items"] if a["status"] == "INVITED"] == [
        (ana, "INVITED")
    ]
