"""/api/v1/places: CRUD, validation (timezone, coordinates, names), roles and tenant isolation."""

from __future__ import annotations

import json
from typing import Any

import pytest

from coulisses.db.connection import fetch
from tests.helpers import PASSWORD, OrgSession, error_code, signup
from tests.integration.scheduling.factories import make_mission, make_place, make_project

URL = "/api/v1/places"


async def _member(owner: OrgSession, new_client: Any, email: str, role: str) -> OrgSession:
    from coulisses.auth.tables import hash_password

    invited = await owner.post("/api/v1/orgs/current/members", json={"email": email, "role": role})
    assert invited.status_code == 201, invited.text
    await fetch(
        "UPDATE accounts SET password = $2 WHERE username = $1", email, hash_password(PASSWORD)
    )
    c = new_client()
    response = await c.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    body = response.json()
    return OrgSession(c, body["org_id"], body["account_id"], email)


async def _send(org: OrgSession, method: str, url: str, body: Any) -> Any:
    kwargs = {"json": body} if body is not None else {}
    return await getattr(org, method.lower())(url, **kwargs)


async def test_create_read_list_update_delete_a_place(client):
    org = await signup(client)
    created = await make_place(
        org,
        name="  Theatre Outremont ",
        address="1248 avenue Bernard, Montreal",
        latitude=45.5231,
        longitude=-73.6076,
        notes="Quai de chargement rue Champagneur",
    )
    assert created["name"] == "Theatre Outremont"  # trimmed
    assert created["timezone"] == "America/Montreal"
    assert (created["latitude"], created["longitude"]) == (45.5231, -73.6076)
    assert created["mission_count"] == 0

    # The timezone defaults to the org's.
    paris = await make_place(org, name="Cour d'honneur", timezone=None)
    assert paris["timezone"] == "Europe/Paris"
    assert (paris["latitude"], paris["longitude"]) == (None, None)

    got = await org.get(f"{URL}/{created['id']}")
    assert got.status_code == 200
    assert got.json() == created

    listed = (await org.get(URL)).json()
    assert listed["total"] == 2
    assert [p["name"] for p in listed["items"]] == ["Cour d'honneur", "Theatre Outremont"]
    paged = (await org.get(URL, params={"page": 2, "page_size": 1})).json()
    assert [p["name"] for p in paged["items"]] == ["Theatre Outremont"]
    assert paged["total"] == 2
    # q looks in names and addresses, without case; % and _ are plain characters
    assert [p["name"] for p in (await org.get(URL, params={"q": "BERNARD"})).json()["items"]] == [
        "Theatre Outremont"
    ]
    assert (await org.get(URL, params={"q": "%"})).json()["total"] == 0

    updated = await org.patch(
        f"{URL}/{created['id']}",
        json={"timezone": "America/Toronto", "notes": "", "latitude": None, "longitude": None},
    )
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert (body["timezone"], body["notes"], body["latitude"], body["longitude"]) == (
        "America/Toronto",
        "",
        None,
        None,
    )
    assert body["address"] == created["address"]  # untouched
    audit = await fetch(
        "SELECT action, payload::text AS payload FROM audit_log WHERE target = $1 ORDER BY id",
        f"place:{created['id']}",
    )
    assert [a["action"] for a in audit] == ["place.created", "place.updated"]
    assert json.loads(audit[1]["payload"]) == {
        "before": {
            "timezone": "America/Montreal",
            "notes": "Quai de chargement rue Champagneur",
            "latitude": 45.5231,
            "longitude": -73.6076,
        },
        "after": {"timezone": "America/Toronto", "notes": "", "latitude": None, "longitude": None},
    }

    deleted = await org.delete(f"{URL}/{created['id']}")
    assert deleted.status_code == 204
    assert (await org.get(f"{URL}/{created['id']}")).status_code == 404


async def test_a_place_used_by_missions_cannot_be_deleted_until_they_move(client):
    org = await signup(client)
    place = await make_place(org)
    project = await make_project(org)
    mission = await make_mission(org, project["id"], place_id=place["id"])
    assert (await org.get(f"{URL}/{place['id']}")).json()["mission_count"] == 1

    refused = await org.delete(f"{URL}/{place['id']}")
    assert (refused.status_code, error_code(refused)) == (409, "place.in_use")
    assert refused.json()["error"]["details"] == {"missions": 1}
    assert (await org.get(f"{URL}/{place['id']}")).status_code == 200

    moved = await org.patch(f"/api/v1/missions/{mission['id']}", json={"place_id": None})
    assert moved.status_code == 200, moved.text
    assert (moved.json()["place_id"], moved.json()["place"]) == (None, "")
    assert (await org.delete(f"{URL}/{place['id']}")).status_code == 204


@pytest.mark.parametrize(
    ("body", "status", "code", "field"),
    [
        ({"name": "X", "timezone": "Mars/Olympus"}, 422, "place.invalid_timezone", "timezone"),
        ({"name": "X", "timezone": "../../etc/passwd"}, 422, "place.invalid_timezone", "timezone"),
        ({"name": "X", "timezone": ""}, 422, "place.invalid_timezone", "timezone"),
        ({"name": "   "}, 422, "place.invalid_name", "name"),
        ({"name": "x" * 201}, 422, "place.invalid_name", "name"),
        ({"name": "X", "address": "a" * 501}, 422, "place.invalid_address", "address"),
        ({"name": "X", "notes": "n" * 2001}, 422, "place.invalid_notes", "notes"),
        (
            {"name": "X", "latitude": 91, "longitude": 0},
            422,
            "place.invalid_coordinates",
            "latitude",
        ),
        (
            {"name": "X", "latitude": 0, "longitude": -180.5},
            422,
            "place.invalid_coordinates",
            "longitude",
        ),
        ({"name": "X", "latitude": 45.5}, 422, "place.invalid_coordinates", "longitude"),
        ({"name": "X", "longitude": 2.35}, 422, "place.invalid_coordinates", "latitude"),
    ],
)
async def test_bad_place_bodies_get_their_code_and_write_nothing(client, body, status, code, field):
    org = await signup(client)
    response = await org.post(URL, json=body)
    assert (response.status_code, error_code(response)) == (status, code), response.text
    assert response.json()["error"]["details"]["field"] == field
    assert (await org.get(URL)).json()["total"] == 0


async def test_decoding_errors_name_the_field(client):
    org = await signup(client)
    for body, field in (
        ({"name": "X", "latitude": "north", "longitude": 1}, "latitude"),
        ({"name": "X", "colour": "red"}, "colour"),
    ):
        response = await org.post(URL, json=body)
        assert (response.status_code, error_code(response)) == (400, "request.validation")
        assert field in response.text
    response = await org.get(URL, params={"page": "first"})
    assert (response.status_code, error_code(response)) == (400, "request.validation")
    assert "page" in response.text


async def test_names_are_unique_in_an_org_without_case_but_not_across_orgs(client, new_client):
    org = await signup(client)
    first = await make_place(org, name="Chapiteau")
    again = await org.post(URL, json={"name": "CHAPITEAU "})
    assert (again.status_code, error_code(again)) == (409, "place.duplicate_name")
    other = await make_place(org, name="Cloitre")
    renamed = await org.patch(f"{URL}/{other['id']}", json={"name": "chapiteau"})
    assert (renamed.status_code, error_code(renamed)) == (409, "place.duplicate_name")
    # Changing only the case of its own name is fine.
    recased = await org.patch(f"{URL}/{first['id']}", json={"name": "CHAPITEAU"})
    assert recased.status_code == 200
    assert recased.json()["name"] == "CHAPITEAU"

    b = await signup(new_client())
    await make_place(b, name="Chapiteau")


async def test_bad_updates_change_nothing(client):
    org = await signup(client)
    place = await make_place(org, latitude=45.5, longitude=-73.6)
    for body, code in (
        ({"timezone": "Nowhere/City"}, "place.invalid_timezone"),
        ({"latitude": None}, "place.invalid_coordinates"),  # longitude would stay alone
        ({"longitude": 200}, "place.invalid_coordinates"),
        ({"name": ""}, "place.invalid_name"),
    ):
        response = await org.patch(f"{URL}/{place['id']}", json=body)
        assert (response.status_code, error_code(response)) == (422, code), body
    assert (await org.get(f"{URL}/{place['id']}")).json() == place


async def test_techs_read_places_and_only_managers_and_up_write(client, new_client):
    owner = await signup(client)
    place = await make_place(owner)
    tech = await _member(owner, new_client, "tech@example.org", "tech")
    manager = await _member(owner, new_client, "manager@example.org", "manager")

    assert (await tech.get(URL)).json()["total"] == 1
    assert (await tech.get(f"{URL}/{place['id']}")).status_code == 200
    for method, url, body in (
        ("POST", URL, {"name": "Studio"}),
        ("PATCH", f"{URL}/{place['id']}", {"notes": "x"}),
        ("DELETE", f"{URL}/{place['id']}", None),
    ):
        response = await _send(tech, method, url, body)
        assert (response.status_code, error_code(response)) == (403, "auth.forbidden"), url

    made = await manager.post(URL, json={"name": "Studio"})
    assert made.status_code == 201, made.text
    assert (await manager.patch(f"{URL}/{place['id']}", json={"notes": "x"})).status_code == 200
    assert (await manager.delete(f"{URL}/{made.json()['id']}")).status_code == 204


async def test_another_orgs_place_is_not_found_anywhere(client, new_client):
    a = await signup(client)
    place = await make_place(a)
    b = await signup(new_client())
    b_project = await make_project(b)
    b_mission = await make_mission(b, b_project["id"])

    for method, url, body in (
        ("GET", f"{URL}/{place['id']}", None),
        ("PATCH", f"{URL}/{place['id']}", {"name": "Mine"}),
        ("DELETE", f"{URL}/{place['id']}", None),
        (
            "POST",
            "/api/v1/missions",
            {
                "project_id": b_project["id"],
                "title": "X",
                "starts_at": "2027-07-10T20:00:00-04:00",
                "ends_at": "2027-07-10T23:00:00-04:00",
                "place_id": place["id"],
            },
        ),
        ("PATCH", f"/api/v1/missions/{b_mission['id']}", {"place_id": place["id"]}),
        (
            "POST",
            f"/api/v1/projects/{b_project['id']}/missions:bulk_create",
            {
                "title": "X",
                "days": ["2027-07-10"],
                "slots": [{"start": "20:00", "end": "23:00"}],
                "place_id": place["id"],
            },
        ),
        ("GET", f"/api/v1/missions?place_id={place['id']}", None),
    ):
        response = await _send(b, method, url, body)
        assert (response.status_code, error_code(response)) == (404, "place.not_found"), url
    assert (await b.get(URL)).json()["total"] == 0
    # Nothing was written: b's mission kept no place, a's place is unchanged.
    assert (await b.get(f"/api/v1/missions/{b_mission['id']}")).json()["place_id"] is None
    assert (await b.get("/api/v1/missions")).json()["total"] == 1
    assert (await a.get(f"{URL}/{place['id']}")).json()["name"] == place["name"]


async def test_the_routes_are_documented(client):
    schema = (await client.get("/api/docs/openapi.json")).json()
    assert schema["paths"]["/api/v1/places"]["get"]["operationId"] == "ListPlaces"
    assert schema["paths"]["/api/v1/places"]["post"]["operationId"] == "CreatePlace"
    item = schema["paths"]["/api/v1/places/{place_id}"]
    assert {item[m]["operationId"] for m in ("get", "patch", "delete")} == {
        "GetPlace",
        "UpdatePlace",
        "DeletePlace",
    }
    assert "409" in item["delete"]["responses"]
    create = schema["components"]["schemas"]["PlaceCreate"]["properties"]
    assert create["timezone"]["examples"] == ["America/Montreal"]
    assert (create["latitude"]["minimum"], create["latitude"]["maximum"]) == (-90, 90)
    assert (create["longitude"]["minimum"], create["longitude"]["maximum"]) == (-180, 180)
