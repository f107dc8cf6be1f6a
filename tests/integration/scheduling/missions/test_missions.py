"""Missions: CRUD, roles, time rules, search, publish, bulk creation from a pattern."""

from __future__ import annotations

import datetime as dt

from tests.helpers import error_code, signup
from tests.integration.scheduling.factories import make_mission, make_project


async def test_project_and_bulk_create_twenty_missions(client):
    org = await signup(client)
    project = await make_project(org)
    response = await org.post(
        f"/api/v1/projects/{project['id']}/missions:bulk_create",
        json={
            "title": "Cour",
            "place": "Cour d'honneur",
            "date_from": "2027-07-01",
            "date_to": "2027-07-10",
            "slots": [
                {"start": "08:00", "end": "13:00", "title": "Montage"},
                {"start": "19:00", "end": "01:00", "title": "Exploitation", "ends_next_day": True},
            ],
            "roles": [
                {"name": "regisseur son", "quota": 1, "required_skills": ["son"]},
                {"name": "machiniste", "quota": 3},
            ],
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["created"] == 20
    assert len(body["items"]) == 20
    first, second = body["items"][0], body["items"][1]
    # Europe/Paris is UTC+2 in July; 19:00-01:00 crosses midnight.
    assert first["starts_at"] == "2027-07-01T06:00:00Z"
    assert first["title"] == "Montage"
    assert second["starts_at"] == "2027-07-01T17:00:00Z"
    assert second["ends_at"] == "2027-07-01T23:00:00Z"
    assert [r["name"] for r in second["roles"]] == ["regisseur son", "machiniste"]
    assert second["roles"][0]["required_skills"] == ["son"]
    listing = await org.get("/api/v1/missions", params={"project": project["id"], "page_size": 50})
    assert listing.json()["total"] == 20
    assert (await org.get(f"/api/v1/projects/{project['id']}")).json()["mission_count"] == 20


async def test_bulk_create_on_listed_days_across_dst(client):
    org = await signup(client)
    project = await make_project(org, starts_on=None, ends_on=None)
    response = await org.post(
        f"/api/v1/projects/{project['id']}/missions:bulk_create",
        json={
            "title": "Nuit",
            "days": ["2027-03-27", "2027-03-28"],
            "slots": [{"start": "20:00", "end": "04:00", "ends_next_day": True}],
            "publish": True,
        },
    )
    assert response.status_code == 201, response.text
    items = response.json()["items"]
    # The night of the spring DST change is one hour shorter in UTC.
    assert items[0]["starts_at"] == "2027-03-27T19:00:00Z"
    assert items[0]["ends_at"] == "2027-03-28T02:00:00Z"
    assert items[1]["starts_at"] == "2027-03-28T18:00:00Z"
    assert {m["status"] for m in items} == {"PUBLISHED"}


async def test_bulk_create_is_all_or_nothing_on_bad_pattern(client):
    org = await signup(client)
    project = await make_project(org)
    url = f"/api/v1/projects/{project['id']}/missions:bulk_create"
    base = {"title": "X", "days": ["2027-07-01"], "slots": [{"start": "08:00", "end": "10:00"}]}
    cases = [
        ({**base, "slots": [{"start": "8h", "end": "10:00"}]}, 422, "mission.invalid_slot"),
        ({**base, "slots": [{"start": "08:00", "end": "08:00"}]}, 422, "mission.ends_before_start"),
        ({**base, "days": ["01/07/2027"]}, 400, "request.validation"),
        ({**base, "roles": [{"name": "son", "quota": -1}]}, 422, "mission_role.invalid_quota"),
        (
            {**base, "days": None, "date_from": "2027-07-10", "date_to": "2027-07-01"},
            422,
            "mission.invalid_pattern",
        ),
        (
            {**base, "days": None, "date_from": "2020-01-01", "date_to": "2027-01-01"},
            422,
            "mission.invalid_pattern",
        ),
        ({**base, "days": []}, 422, "mission.invalid_pattern"),
    ]
    for body, status, code in cases:
        response = await org.post(url, json=body)
        assert response.status_code == status, (body, response.text)
        assert error_code(response) == code, body
    assert (await org.get("/api/v1/missions")).json()["total"] == 0
    missing = await org.post("/api/v1/projects/999999/missions:bulk_create", json=base)
    assert missing.status_code == 404
    assert error_code(missing) == "project.not_found"


async def test_mission_time_rules(client):
    org = await signup(client)
    project = await make_project(org)
    base = {"project_id": project["id"], "title": "Montage"}
    cases = [
        (
            "2027-07-01T10:00:00+02:00",
            "2027-07-01T08:00:00+02:00",
            {},
            422,
            "mission.invalid_times",
        ),
        (
            "2027-07-01T10:00:00+02:00",
            "2027-07-01T10:00:00+02:00",
            {},
            422,
            "mission.invalid_times",
        ),
        ("2027-07-01T10:00:00+02:00", "2027-07-02T10:30:00+02:00", {}, 422, "mission.too_long"),
        ("2027-07-01T10:00:00", "2027-07-01T12:00:00", {}, 422, "validation.naive_datetime"),
        ("01/07/2027 10:00", "2027-07-01T12:00:00+02:00", {}, 400, "request.validation"),
        (
            "2027-07-01T10:00:00+02:00",
            "2027-07-01T12:00:00+02:00",
            {"roles": [{"name": "son", "quota": -1}]},
            422,
            "mission_role.invalid_quota",
        ),
        (
            "2027-07-01T10:00:00+02:00",
            "2027-07-01T12:00:00+02:00",
            {"project_id": 999999},
            404,
            "project.not_found",
        ),
    ]
    for starts_at, ends_at, extra, status, code in cases:
        body = {**base, "starts_at": starts_at, "ends_at": ends_at, **extra}
        response = await org.post("/api/v1/missions", json=body)
        assert response.status_code == status, (body, response.text)
        assert error_code(response) == code
    assert (await org.get("/api/v1/missions")).json()["total"] == 0
    long = await make_mission(
        org,
        project["id"],
        "2027-07-01T10:00:00+02:00",
        "2027-07-03T10:00:00+02:00",
        allow_long=True,
    )
    assert long["allow_long"] is True
    shorten = await org.patch(f"/api/v1/missions/{long['id']}", json={"allow_long": False})
    assert error_code(shorten) == "mission.too_long"


async def test_mission_update_publish_search_and_roles(client):
    org = await signup(client)
    project = await make_project(org)
    other_project = await make_project(org, name="Autre")
    mission = await make_mission(org, project["id"], place="Cloitre")
    await make_mission(
        org,
        other_project["id"],
        "2027-07-20T08:00:00+02:00",
        "2027-07-20T12:00:00+02:00",
        roles=[{"name": "cariste", "quota": 1}],
    )
    url = f"/api/v1/missions/{mission['id']}"
    updated = await org.patch(url, json={"title": "Exploitation Cloitre"})
    assert updated.json()["title"] == "Exploitation Cloitre"
    assert (await org.post(f"{url}/publish")).json()["status"] == "PUBLISHED"
    assert (await org.post(f"{url}/unpublish")).json()["status"] == "DRAFT"

    async def ids(**params):
        response = await org.get("/api/v1/missions", params=params)
        assert response.status_code == 200, response.text
        return [m["id"] for m in response.json()["items"]]

    assert await ids(project=project["id"]) == [mission["id"]]
    assert await ids(role="CARISTE") != [mission["id"]]
    assert await ids(role="technicien son") == [mission["id"]]
    assert await ids(place="cloi") == [mission["id"]]
    assert await ids(status="PUBLISHED") == []
    window = {"from": "2027-07-10T00:00:00+02:00", "to": "2027-07-11T00:00:00+02:00"}
    assert await ids(**window) == [mission["id"]]
    bad_window = await org.get(
        "/api/v1/missions", params={"from": "2027-07-11T00:00:00Z", "to": "2027-07-10T00:00:00Z"}
    )
    assert error_code(bad_window) == "mission.invalid_window"
    bad_date = await org.get("/api/v1/missions", params={"from": "demain"})
    assert bad_date.status_code == 400
    assert error_code(bad_date) == "request.validation"

    added = await org.post(f"{url}/roles", json={"name": "eclairagiste", "quota": 2})
    assert added.status_code == 201, added.text
    role = next(r for r in added.json()["roles"] if r["name"] == "eclairagiste")
    duplicate = await org.post(f"{url}/roles", json={"name": "eclairagiste", "quota": 1})
    assert error_code(duplicate) == "mission_role.duplicate_name"
    negative = await org.patch(f"{url}/roles/{role['id']}", json={"quota": -2})
    assert error_code(negative) == "mission_role.invalid_quota"
    changed = await org.patch(f"{url}/roles/{role['id']}", json={"quota": 4})
    assert next(r for r in changed.json()["roles"] if r["id"] == role["id"])["quota"] == 4
    removed = await org.delete(f"{url}/roles/{role['id']}")
    assert role["id"] not in [r["id"] for r in removed.json()["roles"]]
    assert (await org.delete(url)).status_code == 204
    assert error_code(await org.get(url)) == "mission.not_found"


async def test_bulk_create_of_a_thousand_missions_is_one_request(client):
    org = await signup(client)
    project = await make_project(org, starts_on=None, ends_on=None)
    started = dt.datetime.now()
    response = await org.post(
        f"/api/v1/projects/{project['id']}/missions:bulk_create",
        json={
            "title": "Creneau",
            "date_from": "2027-01-01",
            "date_to": "2027-12-31",
            "slots": [
                {"start": "06:00", "end": "09:00"},
                {"start": "10:00", "end": "13:00"},
                {"start": "20:00", "end": "23:00"},
            ],
            "roles": [{"name": "son", "quota": 2}, {"name": "lumiere", "quota": 1}],
        },
    )
    elapsed = dt.datetime.now() - started
    assert response.status_code == 201, response.text
    assert response.json()["created"] == 1095
    print(f"bulk_create 1095 missions: {elapsed.total_seconds():.3f} s")
