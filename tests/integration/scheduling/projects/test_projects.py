"""Projects: CRUD, status transitions, dates, archive."""

from __future__ import annotations

from tests.helpers import error_code, signup
from tests.integration.scheduling.factories import make_mission, make_project


async def test_project_crud_and_listing(client):
    org = await signup(client)
    project = await make_project(org, description="Trois scenes")
    assert project["status"] == "DRAFT"
    assert project["mission_count"] == 0
    renamed = await org.patch(f"/api/v1/projects/{project['id']}", json={"name": "Festival"})
    assert renamed.json()["name"] == "Festival"
    assert renamed.json()["description"] == "Trois scenes"
    listing = (await org.get("/api/v1/projects", params={"status": "DRAFT"})).json()
    assert [p["id"] for p in listing["items"]] == [project["id"]]
    assert (await org.delete(f"/api/v1/projects/{project['id']}")).status_code == 204
    assert error_code(await org.get(f"/api/v1/projects/{project['id']}")) == "project.not_found"


async def test_project_status_transitions(client):
    org = await signup(client)
    project = await make_project(org)
    url = f"/api/v1/projects/{project['id']}"
    active = await org.patch(url, json={"status": "ACTIVE"})
    assert active.json()["status"] == "ACTIVE"
    back = await org.patch(url, json={"status": "DRAFT"})
    assert back.status_code == 409
    assert error_code(back) == "project.invalid_transition"
    archived = await org.post(f"{url}/archive")
    assert archived.status_code == 200
    assert archived.json()["status"] == "ARCHIVED"
    frozen = await org.patch(url, json={"name": "Autre nom"})
    assert frozen.status_code == 409
    assert error_code(frozen) == "project.archived"
    restored = await org.patch(url, json={"status": "ACTIVE"})
    assert restored.json()["status"] == "ACTIVE"


async def test_archived_project_refuses_new_missions(client):
    org = await signup(client)
    project = await make_project(org)
    await org.post(f"/api/v1/projects/{project['id']}/archive")
    response = await org.post(
        "/api/v1/missions",
        json={
            "project_id": project["id"],
            "title": "Montage",
            "starts_at": "2027-07-01T08:00:00+02:00",
            "ends_at": "2027-07-01T13:00:00+02:00",
        },
    )
    assert response.status_code == 409
    assert error_code(response) == "project.archived"


async def test_project_bad_dates_and_formats(client):
    org = await signup(client)
    cases = [
        (
            {"name": "X", "starts_on": "2027-07-31", "ends_on": "2027-07-01"},
            422,
            "project.invalid_dates",
        ),
        ({"name": "X", "starts_on": "31/07/2027"}, 400, "request.validation"),
        ({"name": ""}, 422, "project.invalid_name"),
        ({"name": "X", "status": "ACTIVE"}, 400, "request.validation"),
    ]
    for body, status, code in cases:
        response = await org.post("/api/v1/projects", json=body)
        assert response.status_code == status, (body, response.text)
        assert error_code(response) == code
    project = await make_project(org)
    bad = await org.patch(f"/api/v1/projects/{project['id']}", json={"ends_on": "2027-06-01"})
    assert error_code(bad) == "project.invalid_dates"
    assert (await org.get("/api/v1/projects")).json()["total"] == 1


async def test_project_with_missions_counts_them(client):
    org = await signup(client)
    project = await make_project(org)
    await make_mission(org, project["id"])
    fetched = (await org.get(f"/api/v1/projects/{project['id']}")).json()
    assert fetched["mission_count"] == 1
