"""Factories for the scheduling tests: every object is made through the HTTP API."""

from __future__ import annotations

from typing import Any

from tests.helpers import OrgSession


async def make_user(org: OrgSession, **fields: Any) -> dict[str, Any]:
    body = {"first_name": "Jean", "last_name": "Martin", "employment_type": "Intermittent"}
    body.update(fields)
    response = await org.post("/api/v1/users", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def make_project(org: OrgSession, **fields: Any) -> dict[str, Any]:
    body = {"name": "Festival 2027", "starts_on": "2027-07-01", "ends_on": "2027-07-31"}
    body.update(fields)
    response = await org.post("/api/v1/projects", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def make_mission(
    org: OrgSession,
    project_id: int,
    starts_at: str = "2027-07-10T19:00:00+02:00",
    ends_at: str = "2027-07-11T01:00:00+02:00",
    **fields: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "project_id": project_id,
        "title": "Exploitation Cour",
        "starts_at": starts_at,
        "ends_at": ends_at,
        "roles": [{"name": "technicien son", "quota": 2, "required_skills": ["son"]}],
    }
    body.update(fields)
    response = await org.post("/api/v1/missions", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def make_overlapping_missions(
    org: OrgSession, project_id: int, count: int, quota: int = 1
) -> list[dict[str, Any]]:
    """``count`` missions at the same evening, each with one role ``son`` of ``quota``."""
    response = await org.post(
        f"/api/v1/projects/{project_id}/missions:bulk_create",
        json={
            "title": "Exploitation",
            "days": ["2027-07-10"],
            "slots": [{"start": "19:00", "end": "01:00", "ends_next_day": True}] * count,
            "roles": [{"name": "son", "quota": quota}],
        },
    )
    assert response.status_code == 201, response.text
    return list(response.json()["items"])


async def invite(org: OrgSession, role_id: int, user_id: int) -> dict[str, Any]:
    response = await org.post(
        "/api/v1/assignments", json={"mission_role_id": role_id, "user_id": user_id}
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def make_place(org: OrgSession, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"name": "Theatre Outremont", "timezone": "America/Montreal"}
    body.update(fields)
    response = await org.post("/api/v1/places", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def make_swap(org: OrgSession, role_id: int) -> dict[str, Any]:
    """An open handover: the org's own account, linked to a new user with the skill
    ``son``, accepts an invitation on ``role_id`` and offers it to anyone eligible."""
    me = await make_user(
        org, first_name="Sam", account_id=org.account_id, skills=[{"name": "son", "level": 3}]
    )
    assignment = await invite(org, role_id, me["id"])
    accepted = await org.post(f"/api/v1/assignments/{assignment['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    response = await org.post("/api/v1/swaps", json={"assignment_id": assignment["id"]})
    assert response.status_code == 201, response.text
    return dict(response.json())
