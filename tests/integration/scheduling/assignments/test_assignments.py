"""Assignments: invite, answer in the app, transitions, quota, overlap (also under concurrency)."""

from __future__ import annotations

import asyncio

from tests.helpers import error_code, signup
from tests.integration.scheduling.factories import (
    invite,
    make_mission,
    make_overlapping_missions,
    make_project,
    make_user,
)


async def _setup(client):
    org = await signup(client)
    project = await make_project(org)
    me = await make_user(org, account_id=org.account_id)
    return org, project, me


async def test_invite_then_accept_in_the_app(client):
    org, project, me = await _setup(client)
    mission = await make_mission(org, project["id"])
    assignment = await invite(org, mission["roles"][0]["id"], me["id"])
    assert assignment["status"] == "INVITED"
    assert assignment["starts_at"] == mission["starts_at"]
    assert assignment["invitation"]["answer"] is None
    accepted = await org.post(f"/api/v1/assignments/{assignment['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "ACCEPTED"
    assert accepted.json()["invitation"]["answer"] == "ACCEPTED"
    roles = (await org.get(f"/api/v1/missions/{mission['id']}")).json()["roles"]
    assert roles[0]["accepted"] == 1
    mine = (await org.get("/api/v1/assignments", params={"mine": "true"})).json()
    assert [a["id"] for a in mine["items"]] == [assignment["id"]]


async def test_decline_in_the_app_keeps_the_reason(client):
    org, project, me = await _setup(client)
    mission = await make_mission(org, project["id"])
    assignment = await invite(org, mission["roles"][0]["id"], me["id"])
    declined = await org.post(
        f"/api/v1/assignments/{assignment['id']}/decline", json={"reason": "deja pris"}
    )
    assert declined.json()["status"] == "DECLINED"
    assert declined.json()["decline_reason"] == "deja pris"


async def test_only_the_linked_account_answers_in_the_app(client):
    org, project, _ = await _setup(client)
    other = await make_user(org, first_name="Paul")
    mission = await make_mission(org, project["id"])
    assignment = await invite(org, mission["roles"][0]["id"], other["id"])
    response = await org.post(f"/api/v1/assignments/{assignment['id']}/accept")
    assert response.status_code == 403
    assert error_code(response) == "assignment.not_assignee"


async def test_invalid_transitions_are_409(client):
    org, project, me = await _setup(client)
    mission = await make_mission(org, project["id"])
    role_id = mission["roles"][0]["id"]
    declined = await invite(org, role_id, me["id"])
    await org.post(f"/api/v1/assignments/{declined['id']}/decline")
    for action in ("accept", "decline", "cancel"):
        response = await org.post(f"/api/v1/assignments/{declined['id']}/{action}")
        assert response.status_code == 409, (action, response.text)
        assert error_code(response) == "assignment.invalid_transition"
    again = await invite(org, role_id, me["id"])
    await org.post(f"/api/v1/assignments/{again['id']}/accept")
    twice = await org.post(f"/api/v1/assignments/{again['id']}/accept")
    assert error_code(twice) == "assignment.invalid_transition"
    cancelled = await org.post(f"/api/v1/assignments/{again['id']}/cancel")
    assert cancelled.json()["status"] == "CANCELLED"
    revived = await org.post(f"/api/v1/assignments/{again['id']}/accept")
    assert error_code(revived) == "assignment.invalid_transition"


async def test_one_active_assignment_per_mission_and_user(client):
    org, project, me = await _setup(client)
    mission = await make_mission(
        org, project["id"], roles=[{"name": "son", "quota": 1}, {"name": "lumiere", "quota": 1}]
    )
    await invite(org, mission["roles"][0]["id"], me["id"])
    duplicate = await org.post(
        "/api/v1/assignments",
        json={"mission_role_id": mission["roles"][1]["id"], "user_id": me["id"]},
    )
    assert duplicate.status_code == 409
    assert error_code(duplicate) == "assignment.duplicate"


async def test_overlapping_accept_is_refused(client):
    org, project, me = await _setup(client)
    first, second = await make_overlapping_missions(org, project["id"], 2)
    a = await invite(org, first["roles"][0]["id"], me["id"])
    b = await invite(org, second["roles"][0]["id"], me["id"])
    assert (await org.post(f"/api/v1/assignments/{a['id']}/accept")).status_code == 200
    refused = await org.post(f"/api/v1/assignments/{b['id']}/accept")
    assert refused.status_code == 409
    assert error_code(refused) == "assignment.overlap"
    assert (await org.get(f"/api/v1/assignments/{b['id']}")).json()["status"] == "INVITED"


async def test_moving_a_mission_onto_an_accepted_one_is_refused(client):
    org, project, me = await _setup(client)
    early = await make_mission(
        org, project["id"], "2027-07-10T08:00:00+02:00", "2027-07-10T12:00:00+02:00"
    )
    late = await make_mission(
        org, project["id"], "2027-07-10T14:00:00+02:00", "2027-07-10T18:00:00+02:00"
    )
    for mission in (early, late):
        assignment = await invite(org, mission["roles"][0]["id"], me["id"])
        assert (await org.post(f"/api/v1/assignments/{assignment['id']}/accept")).status_code == 200
    moved = await org.patch(
        f"/api/v1/missions/{late['id']}", json={"starts_at": "2027-07-10T11:00:00+02:00"}
    )
    assert moved.status_code == 409
    assert error_code(moved) == "assignment.overlap"
    assert (await org.get(f"/api/v1/missions/{late['id']}")).json()["starts_at"] == late[
        "starts_at"
    ]
    fine = await org.patch(
        f"/api/v1/missions/{late['id']}", json={"starts_at": "2027-07-10T13:00:00+02:00"}
    )
    assert fine.status_code == 200
    listed = (await org.get("/api/v1/assignments", params={"mission": late["id"]})).json()
    assert listed["items"][0]["starts_at"] == "2027-07-10T11:00:00Z"


async def test_fifty_concurrent_overlapping_accepts_leave_exactly_one(client):
    org, project, me = await _setup(client)
    missions = await make_overlapping_missions(org, project["id"], 50)
    bulk = await org.post(
        "/api/v1/assignments/bulk_create",
        json={"mission_role_ids": [m["roles"][0]["id"] for m in missions], "user_ids": [me["id"]]},
    )
    assert bulk.status_code == 201, bulk.text
    ids = [a["id"] for a in bulk.json()["items"]]
    assert len(ids) == 50
    responses = await asyncio.gather(*(org.post(f"/api/v1/assignments/{i}/accept") for i in ids))
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [409] * 49, [r.text for r in responses if r.status_code >= 500]
    assert {error_code(r) for r in responses if r.status_code == 409} == {"assignment.overlap"}
    accepted = (await org.get("/api/v1/assignments", params={"status": "ACCEPTED"})).json()
    assert accepted["total"] == 1


async def test_quota_cannot_drop_below_accepted_assignments(client):
    org, project, me = await _setup(client)
    mission = await make_mission(org, project["id"], roles=[{"name": "son", "quota": 1}])
    role_id = mission["roles"][0]["id"]
    mine = await invite(org, role_id, me["id"])
    await org.post(f"/api/v1/assignments/{mine['id']}/accept")
    lowered = await org.patch(
        f"/api/v1/missions/{mission['id']}/roles/{role_id}", json={"quota": 0}
    )
    assert lowered.status_code == 409
    assert error_code(lowered) == "mission_role.quota_below_accepted"


async def test_bad_assignment_input(client):
    org, project, me = await _setup(client)
    mission = await make_mission(org, project["id"])
    role_id = mission["roles"][0]["id"]
    cases = [
        ({"mission_role_id": 999999, "user_id": me["id"]}, 404, "mission_role.not_found"),
        ({"mission_role_id": role_id, "user_id": 999999}, 404, "user.not_found"),
        ({"mission_role_id": "x", "user_id": me["id"]}, 400, "request.validation"),
        ({"mission_role_id": role_id}, 400, "request.validation"),
    ]
    for body, status, code in cases:
        response = await org.post("/api/v1/assignments", json=body)
        assert response.status_code == status, (body, response.text)
        assert error_code(response) == code
    partial = await org.post(
        "/api/v1/assignments/bulk_create",
        json={"mission_role_ids": [role_id], "user_ids": [me["id"], 999999]},
    )
    assert error_code(partial) == "user.not_found"
    assert (await org.get("/api/v1/assignments")).json()["total"] == 0
    missing = await org.post("/api/v1/assignments/999999/accept")
    assert error_code(missing) == "assignment.not_found"
