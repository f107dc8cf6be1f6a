"""Missions: duplication to listed days or a range (wall-clock times kept across DST, roles
copied, assignments not, all or nothing) and the rule that a mission starts within its
project's dates (create, update, bulk create, duplicate); tenant isolation."""

from __future__ import annotations

from tests.helpers import error_code, signup
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user


async def _missions(org, project_id: int) -> list[dict]:
    response = await org.get("/api/v1/missions", params={"project": project_id, "page_size": 200})
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def test_duplicate_to_listed_days_copies_roles_but_not_assignments(client):
    org = await signup(client)
    project = await make_project(org)
    source = await make_mission(
        org,
        project["id"],
        place="Cour d'honneur",
        notes="badge obligatoire",
        roles=[
            {"name": "regisseur son", "quota": 1, "required_skills": ["son"]},
            {"name": "machiniste", "quota": 3},
        ],
    )
    user = await make_user(org)
    await invite(org, source["roles"][0]["id"], user["id"])

    response = await org.post(
        f"/api/v1/missions/{source['id']}/duplicate",
        json={"days": ["2027-07-14", "2027-07-12", "2027-07-14"]},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["created"] == 2
    first, second = body["items"]
    # 19:00-01:00 in Paris (UTC+2) on the 12th and the 14th.
    assert (first["starts_at"], first["ends_at"]) == (
        "2027-07-12T17:00:00Z",
        "2027-07-12T23:00:00Z",
    )
    assert second["starts_at"] == "2027-07-14T17:00:00Z"
    for copy in body["items"]:
        assert copy["id"] != source["id"]
        assert (copy["title"], copy["place"], copy["notes"]) == (
            source["title"],
            "Cour d'honneur",
            "badge obligatoire",
        )
        assert copy["status"] == "DRAFT"
        assert [(r["name"], r["quota"], r["required_skills"]) for r in copy["roles"]] == [
            ("regisseur son", 1, ["son"]),
            ("machiniste", 3, []),
        ]
        assert {(r["pending"], r["accepted"]) for r in copy["roles"]} == {(0, 0)}
    copies = await org.get("/api/v1/assignments", params={"mission": first["id"]})
    assert copies.json()["total"] == 0
    assert len(await _missions(org, project["id"])) == 3


async def test_duplicate_over_a_range_skips_the_source_day_and_keeps_wall_clock_across_dst(
    client,
):
    org = await signup(client)
    project = await make_project(org, starts_on=None, ends_on=None)
    # Saturday 2027-03-27, 20:00-04:00 in Paris; the clocks go forward that night.
    source = await make_mission(
        org, project["id"], "2027-03-27T20:00:00+01:00", "2027-03-28T04:00:00+02:00"
    )
    response = await org.post(
        f"/api/v1/missions/{source['id']}/duplicate",
        json={"from": "2027-03-26", "to": "2027-03-28", "publish": True},
    )
    assert response.status_code == 201, response.text
    items = response.json()["items"]
    assert [m["starts_at"] for m in items] == ["2027-03-26T19:00:00Z", "2027-03-28T18:00:00Z"]
    # Friday night is a normal 8 h night; Sunday (after the change) too, in summer time.
    assert [m["ends_at"] for m in items] == ["2027-03-27T03:00:00Z", "2027-03-29T02:00:00Z"]
    assert {m["status"] for m in items} == {"PUBLISHED"}


async def test_duplicate_is_all_or_nothing_on_bad_input(client):
    org = await signup(client)
    project = await make_project(org)  # July 2027
    source = await make_mission(org, project["id"])
    url = f"/api/v1/missions/{source['id']}/duplicate"
    cases = [
        ({}, 422, "mission.invalid_pattern"),
        ({"days": []}, 422, "mission.invalid_pattern"),
        ({"days": ["2027-07-12"], "from": "2027-07-01"}, 422, "mission.invalid_pattern"),
        ({"from": "2027-07-12"}, 422, "mission.invalid_pattern"),
        ({"from": "2027-07-12", "to": "2027-07-11"}, 422, "mission.invalid_pattern"),
        ({"from": "2027-01-01", "to": "2029-01-01"}, 422, "mission.invalid_pattern"),
        ({"from": "2027-07-10", "to": "2027-07-10"}, 422, "mission.invalid_pattern"),
        ({"days": ["12/07/2027"]}, 400, "request.validation"),
        ({"days": ["2027-07-12"], "roles": []}, 400, "request.validation"),
        # One day outside the project: nothing is created, not even the valid day.
        ({"days": ["2027-07-12", "2027-08-02"]}, 422, "mission.outside_project"),
        ({"from": "2027-07-30", "to": "2027-08-01"}, 422, "mission.outside_project"),
    ]
    for body, status, code in cases:
        response = await org.post(url, json=body)
        assert response.status_code == status, (body, response.text)
        assert error_code(response) == code, body
    assert len(await _missions(org, project["id"])) == 1
    outside = await org.post(url, json={"days": ["2027-06-30", "2027-08-02"]})
    assert outside.json()["error"]["details"]["days"] == ["2027-06-30", "2027-08-02"]
    missing = await org.post("/api/v1/missions/999999/duplicate", json={"days": ["2027-07-12"]})
    assert missing.status_code == 404
    assert error_code(missing) == "mission.not_found"


async def test_duplicate_in_an_archived_project_is_refused(client):
    org = await signup(client)
    project = await make_project(org)
    source = await make_mission(org, project["id"])
    await org.post(f"/api/v1/projects/{project['id']}/archive")
    response = await org.post(
        f"/api/v1/missions/{source['id']}/duplicate", json={"days": ["2027-07-12"]}
    )
    assert response.status_code == 409
    assert error_code(response) == "project.archived"


async def test_missions_must_start_within_their_project_dates(client):
    org = await signup(client)
    project = await make_project(org)  # 2027-07-01 .. 2027-07-31, Europe/Paris
    base = {"project_id": project["id"], "title": "Montage"}
    for starts_at, ends_at in [
        ("2027-06-30T08:00:00+02:00", "2027-06-30T12:00:00+02:00"),
        ("2027-08-01T08:00:00+02:00", "2027-08-01T12:00:00+02:00"),
        # 23:30 UTC on the 31st is already 1 August in Paris.
        ("2027-07-31T23:30:00Z", "2027-08-01T02:00:00Z"),
    ]:
        response = await org.post(
            "/api/v1/missions", json={**base, "starts_at": starts_at, "ends_at": ends_at}
        )
        assert response.status_code == 422, (starts_at, response.text)
        assert error_code(response) == "mission.outside_project"
    # First and last days are inside; the last evening may end after midnight.
    await make_mission(org, project["id"], "2027-07-01T00:00:00+02:00", "2027-07-01T06:00:00+02:00")
    last = await make_mission(
        org, project["id"], "2027-07-31T22:00:00+02:00", "2027-08-01T03:00:00+02:00"
    )

    moved = await org.patch(
        f"/api/v1/missions/{last['id']}",
        json={"starts_at": "2027-08-01T22:00:00+02:00", "ends_at": "2027-08-02T03:00:00+02:00"},
    )
    assert moved.status_code == 422
    assert error_code(moved) == "mission.outside_project"
    longer = await org.patch(
        f"/api/v1/missions/{last['id']}", json={"ends_at": "2027-08-01T05:00:00+02:00"}
    )
    assert longer.status_code == 200, longer.text

    bulk = await org.post(
        f"/api/v1/projects/{project['id']}/missions:bulk_create",
        json={
            "title": "Cour",
            "date_from": "2027-07-30",
            "date_to": "2027-08-02",
            "slots": [{"start": "19:00", "end": "23:00"}],
        },
    )
    assert bulk.status_code == 422
    assert error_code(bulk) == "mission.outside_project"
    assert bulk.json()["error"]["details"]["days"] == ["2027-08-01", "2027-08-02"]
    assert len(await _missions(org, project["id"])) == 2


async def test_duplicate_a_mission_of_another_org_answers_404(client, new_client):
    a = await signup(client)
    b = await signup(new_client())
    b_mission = await make_mission(b, (await make_project(b))["id"])
    response = await a.post(
        f"/api/v1/missions/{b_mission['id']}/duplicate", json={"days": ["2027-07-12"]}
    )
    assert response.status_code == 404
    assert error_code(response) == "mission.not_found"
    assert (await b.get("/api/v1/missions")).json()["total"] == 1
    assert (await a.get("/api/v1/missions")).json()["total"] == 0
