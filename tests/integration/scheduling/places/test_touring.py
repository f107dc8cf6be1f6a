"""A tour date in Montreal for a Paris office: the place's timezone gives the mission's local
times (creation, bulk, duplication, day boundaries, per-day conflict rule), the planning and
the invitation show them, and the org's clock stays the planning window's."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from coulisses.scheduling.planning.schemas import Planning
from tests.conftest import run_jobs
from tests.helpers import OrgSession, error_code, signup
from tests.integration.scheduling.factories import (
    invite,
    make_mission,
    make_place,
    make_project,
    make_user,
)

LINK = re.compile(r"/invitations/(\d+)\?token=([\w-]+)")


async def _tour(org: OrgSession, **project: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    place = await make_place(org, name="Theatre Outremont", timezone="America/Montreal")
    fields = {"name": "Tournee Quebec", "starts_on": "2027-07-01", "ends_on": "2027-07-10"}
    return place, await make_project(org, **{**fields, **project})


async def test_a_montreal_date_at_20_local_is_02_next_day_in_paris_and_belongs_to_its_day(client):
    org = await signup(client)  # Europe/Paris
    place, project = await _tour(org)
    mission = await make_mission(
        org,
        project["id"],
        "2027-07-10T20:00:00-04:00",
        "2027-07-10T23:30:00-04:00",
        place_id=place["id"],
    )
    assert mission["starts_at"] == "2027-07-11T00:00:00Z"
    assert mission["ends_at"] == "2027-07-11T03:30:00Z"
    assert (mission["place_id"], mission["place"], mission["timezone"]) == (
        place["id"],
        "Theatre Outremont",
        "America/Montreal",
    )
    assert mission["local_starts_at"] == "2027-07-10T20:00:00-04:00"
    assert mission["local_ends_at"] == "2027-07-10T23:30:00-04:00"

    # The same instant without a place is on 11 July in Paris: past the project's last day.
    unplaced = await org.post(
        "/api/v1/missions",
        json={
            "project_id": project["id"],
            "title": "Concert",
            "starts_at": "2027-07-11T02:00:00+02:00",
            "ends_at": "2027-07-11T05:30:00+02:00",
        },
    )
    assert (unplaced.status_code, error_code(unplaced)) == (422, "mission.outside_project")

    # Slots of a bulk creation are read on their place's clock: the call's (Montreal),
    # or a slot's own (a Paris press call at 10:00 on the same days).
    paris = await make_place(org, name="Bureau", timezone="Europe/Paris")
    bulk = await org.post(
        f"/api/v1/projects/{project['id']}/missions:bulk_create",
        json={
            "title": "Concert",
            "days": ["2027-07-09", "2027-07-10"],
            "slots": [
                {"start": "20:00", "end": "23:30"},
                {"start": "23:30", "end": "01:00", "ends_next_day": True},
                {"start": "10:00", "end": "12:00", "title": "Presse", "place_id": paris["id"]},
            ],
            "place_id": place["id"],
        },
    )
    assert bulk.status_code == 201, bulk.text
    items = bulk.json()["items"]
    assert [(m["starts_at"], m["ends_at"], m["place_id"]) for m in items] == [
        ("2027-07-09T08:00:00Z", "2027-07-09T10:00:00Z", paris["id"]),
        ("2027-07-10T00:00:00Z", "2027-07-10T03:30:00Z", place["id"]),
        ("2027-07-10T03:30:00Z", "2027-07-10T05:00:00Z", place["id"]),
        ("2027-07-10T08:00:00Z", "2027-07-10T10:00:00Z", paris["id"]),
        ("2027-07-11T00:00:00Z", "2027-07-11T03:30:00Z", place["id"]),
        ("2027-07-11T03:30:00Z", "2027-07-11T05:00:00Z", place["id"]),
    ]
    # A slot naming its place twice, or another org's place: refused, nothing written.
    for slot, status, code in (
        ({"place_id": paris["id"], "place": "Cour"}, 422, "mission.place_conflict"),
        ({"place_id": 999_999}, 404, "place.not_found"),
        ({"place": "x" * 201}, 422, "mission.invalid_place"),
    ):
        refused = await org.post(
            f"/api/v1/projects/{project['id']}/missions:bulk_create",
            json={
                "title": "X",
                "days": ["2027-07-09"],
                "slots": [
                    {"start": "10:00", "end": "11:00"},
                    {"start": "12:00", "end": "13:00", **slot},
                ],
            },
        )
        assert (refused.status_code, error_code(refused)) == (status, code), slot
        if status == 422:
            assert "slots[1].place" in str(refused.json()["error"]["details"])
    assert (await org.get("/api/v1/missions")).json()["total"] == 7

    # The project's end may move to the 10th: the Montreal dates belong to their own day.
    shortened = await org.patch(f"/api/v1/projects/{project['id']}", json={"ends_on": "2027-07-10"})
    assert shortened.status_code == 200, shortened.text
    too_short = await org.patch(f"/api/v1/projects/{project['id']}", json={"ends_on": "2027-07-09"})
    assert (too_short.status_code, error_code(too_short)) == (409, "project.missions_outside_dates")


async def test_the_planning_gives_each_mission_its_place_clock_and_groups_by_place(client):
    org = await signup(client)
    place, project = await _tour(org, ends_on="2027-07-31")
    montreal = await make_mission(
        org, project["id"], "2027-07-10T20:00:00-04:00", "2027-07-10T23:00:00-04:00",
        place_id=place["id"],
    )  # fmt: skip
    cour = await make_mission(
        org, project["id"], "2027-07-10T19:00:00+02:00", "2027-07-10T23:00:00+02:00",
        place="Cour d'honneur",
    )  # fmt: skip
    office = await make_mission(
        org, project["id"], "2027-07-10T09:00:00+02:00", "2027-07-10T12:00:00+02:00"
    )

    response = await org.get("/api/v1/planning", params={"from": "2027-07-10", "to": "2027-07-11"})
    assert response.status_code == 200, response.text
    msgspec.json.decode(response.content, type=Planning)
    body = response.json()
    assert body["timezone"] == "Europe/Paris"  # the window's clock
    assert body["from"] == "2027-07-09T22:00:00Z"
    assert body["groups"] is None
    by_id = {m["id"]: m for m in body["missions"]}
    tour_date = by_id[montreal["id"]]
    # Each place once, keyed by id, with its clock; a mission names it by id.
    assert tour_date["place_id"] == place["id"]
    assert body["places"] == {
        str(place["id"]): {"name": "Theatre Outremont", "timezone": "America/Montreal"},
        str(cour["place_id"]): {"name": "Cour d'honneur", "timezone": "Europe/Paris"},
    }
    assert body["projects"] == {str(project["id"]): {"name": project["name"]}}
    assert tour_date["starts_at"] == "2027-07-11T00:00:00Z"
    assert "local_starts_at" not in tour_date  # the client derives it from the place's clock
    # Without a place, a mission is on the org's clock (``timezone``).
    assert by_id[office["id"]]["place_id"] is None
    # A legacy place text became a place of the org, in the org's timezone.
    assert by_id[cour["id"]]["place_id"] == cour["place_id"]

    grouped = await org.get(
        "/api/v1/planning", params={"from": "2027-07-10", "to": "2027-07-11", "group_by": "place"}
    )
    assert grouped.status_code == 200, grouped.text
    msgspec.json.decode(grouped.content, type=Planning)
    # By place name (Cour before Theatre), the missions without a place last.
    assert grouped.json()["groups"] == [
        {"place_id": cour["place_id"], "mission_ids": [cour["id"]]},
        {"place_id": place["id"], "mission_ids": [montreal["id"]]},
        {"place_id": None, "mission_ids": [office["id"]]},
    ]
    bad = await org.get(
        "/api/v1/planning", params={"from": "2027-07-10", "to": "2027-07-11", "group_by": "city"}
    )
    assert (bad.status_code, error_code(bad)) == (400, "request.validation")
    assert "group_by" in bad.text


async def test_a_copy_keeps_the_wall_clock_of_its_place_across_the_places_dst(client):
    org = await signup(client)
    place, project = await _tour(org, starts_on=None, ends_on=None)
    # Montreal leaves summer time on 7 November 2027, Paris on 31 October.
    source = await make_mission(
        org, project["id"], "2027-10-30T20:00:00-04:00", "2027-10-30T23:00:00-04:00",
        place_id=place["id"],
    )  # fmt: skip
    response = await org.post(
        f"/api/v1/missions/{source['id']}/duplicate", json={"days": ["2027-11-01", "2027-11-08"]}
    )
    assert response.status_code == 201, response.text
    copies = response.json()["items"]
    assert [(c["starts_at"], c["local_starts_at"]) for c in copies] == [
        ("2027-11-02T00:00:00Z", "2027-11-01T20:00:00-04:00"),
        ("2027-11-09T01:00:00Z", "2027-11-08T20:00:00-05:00"),
    ]
    assert {c["place_id"] for c in copies} == {place["id"]}


async def test_moving_a_mission_to_a_place_keeps_its_instant_and_checks_its_new_day(client):
    org = await signup(client)
    place, project = await _tour(org, starts_on="2027-07-11", ends_on="2027-07-20")
    # 02:00 in Paris on the 11th is 20:00 in Montreal on the 10th, before the project.
    mission = await make_mission(
        org, project["id"], "2027-07-11T02:00:00+02:00", "2027-07-11T05:00:00+02:00"
    )
    refused = await org.patch(f"/api/v1/missions/{mission['id']}", json={"place_id": place["id"]})
    assert (refused.status_code, error_code(refused)) == (422, "mission.outside_project")
    assert (await org.get(f"/api/v1/missions/{mission['id']}")).json()["place_id"] is None

    later = await make_mission(
        org, project["id"], "2027-07-12T02:00:00+02:00", "2027-07-12T05:00:00+02:00"
    )
    moved = await org.patch(f"/api/v1/missions/{later['id']}", json={"place_id": place["id"]})
    assert moved.status_code == 200, moved.text
    body = moved.json()
    assert (body["starts_at"], body["local_starts_at"]) == (
        "2027-07-12T00:00:00Z",
        "2027-07-11T20:00:00-04:00",
    )
    # Both a place id and a place name: which one was meant?
    both = await org.patch(
        f"/api/v1/missions/{later['id']}", json={"place_id": place["id"], "place": "Cloitre"}
    )
    assert (both.status_code, error_code(both)) == (422, "mission.place_conflict")


async def test_a_place_text_in_a_mission_body_names_a_place_of_the_org(client):
    org = await signup(client)
    project = await make_project(org)
    first = await make_mission(org, project["id"], place="Cour d'honneur")
    second = await make_mission(org, project["id"], place="  COUR D'HONNEUR ")
    assert first["place_id"] == second["place_id"] is not None
    assert second["place"] == "Cour d'honneur"  # the place's own spelling
    places = (await org.get("/api/v1/places")).json()
    assert [(p["name"], p["timezone"], p["mission_count"]) for p in places["items"]] == [
        ("Cour d'honneur", "Europe/Paris", 2)
    ]
    cleared = await org.patch(f"/api/v1/missions/{second['id']}", json={"place": ""})
    assert cleared.json()["place_id"] is None
    too_long = await org.patch(f"/api/v1/missions/{first['id']}", json={"place": "x" * 201})
    assert (too_long.status_code, error_code(too_long)) == (422, "mission.invalid_place")

    found = await org.get("/api/v1/missions", params={"place": "honneur"})
    assert [m["id"] for m in found.json()["items"]] == [first["id"]]
    by_id = await org.get("/api/v1/missions", params={"place_id": first["place_id"]})
    assert [m["id"] for m in by_id.json()["items"]] == [first["id"]]


async def test_the_per_day_hours_limit_counts_the_hours_of_the_places_day(client):
    org = await signup(client)
    place, project = await _tour(org, ends_on="2027-07-31")
    user = await make_user(org, first_name="Lea")
    # 08:00-14:00 and 18:00-23:30 in Montreal: 11.5 h on 10 July there (limit 10 h), but
    # 6 h on 10 July and 5.5 h on 11 July in Paris.
    for start, end in (("08:00", "14:00"), ("18:00", "23:30")):
        mission = await make_mission(
            org,
            project["id"],
            f"2027-07-10T{start}:00-04:00",
            f"2027-07-10T{end}:00-04:00",
            place_id=place["id"],
            roles=[{"name": "technicien", "quota": 1}],
        )
        await invite(org, mission["roles"][0]["id"], user["id"])
    report = await org.get("/api/v1/conflicts", params={"from": "2027-07-01", "to": "2027-07-31"})
    assert report.status_code == 200, report.text
    days = [c for c in report.json()["items"] if c["kind"] == "max_hours_day"]
    assert [(c["day"], c["hours"], c["limit_hours"]) for c in days] == [("2027-07-10", 11.5, 10.0)]
    assert "2027-07-10 18:00-23:30 (America/Montreal)" in str(
        [c["message"] for c in report.json()["items"] if c["kind"] == "min_rest"]
    )
    # Each assignment of a conflict says the clock of its mission: the web app words the
    # times from it (the English message is for integrators).
    assert {a["timezone"] for c in report.json()["items"] for a in c["assignments"]} == {
        "America/Montreal"
    }

    # The same instants at a place on the org's clock: no day goes over.
    paris = await make_place(org, name="Bureau", timezone="Europe/Paris")
    for mission in (await org.get("/api/v1/missions")).json()["items"]:
        moved = await org.patch(f"/api/v1/missions/{mission['id']}", json={"place_id": paris["id"]})
        assert moved.status_code == 200, moved.text
    report = await org.get("/api/v1/conflicts", params={"from": "2027-07-01", "to": "2027-07-31"})
    assert [c for c in report.json()["items"] if c["kind"] == "max_hours_day"] == []
    assert {a["timezone"] for c in report.json()["items"] for a in c["assignments"]} == {
        "Europe/Paris"
    }


async def test_the_invitation_gives_the_places_time_and_the_offices(client, new_client, mail_sink):
    org = await signup(client)
    place, project = await _tour(org)
    mission = await make_mission(
        org,
        project["id"],
        "2027-07-10T20:00:00-04:00",
        "2027-07-10T23:00:00-04:00",
        place_id=place["id"],
    )
    user = await make_user(org, email="crew@example.org")
    await invite(org, mission["roles"][0]["id"], user["id"])
    await run_jobs()
    [message] = mail_sink.to("crew@example.org")
    text = message.get_content()
    assert "le 10/07/2027 20:00 (Montreal), 11/07/2027 02:00 (Paris) a Theatre Outremont" in text
    match = LINK.search(text)
    assert match
    public = await new_client().get(
        f"/api/v1/invitations/{match[1]}/public", params={"token": match[2]}
    )
    assert public.status_code == 200, public.text
    assert (public.json()["place"], public.json()["timezone"]) == (
        "Theatre Outremont",
        "America/Montreal",
    )


async def test_a_certification_covers_a_montreal_date_that_ends_on_its_last_day_there(client):
    org = await signup(client)
    place, project = await _tour(org)
    # Valid until 10 July: the concert ends at 23:00 on the 10th in Montreal (05:00 on the
    # 11th in Paris), so it is covered; the same instants at a Paris place are not.
    user = await make_user(org, skills=[{"name": "caces", "level": 1, "valid_until": "2027-07-10"}])
    mission = await make_mission(
        org,
        project["id"],
        "2027-07-10T20:00:00-04:00",
        "2027-07-10T23:00:00-04:00",
        place_id=place["id"],
        roles=[{"name": "cariste", "quota": 1, "required_skills": ["caces"]}],
    )
    await invite(org, mission["roles"][0]["id"], user["id"])
    params = {"from": "2027-07-01", "to": "2027-07-31"}
    report = (await org.get("/api/v1/conflicts", params=params)).json()
    assert [c for c in report["items"] if c["kind"] == "skill_expired"] == []

    paris = await make_place(org, name="Bureau", timezone="Europe/Paris")
    await org.patch(f"/api/v1/projects/{project['id']}", json={"ends_on": "2027-07-31"})
    moved = await org.patch(f"/api/v1/missions/{mission['id']}", json={"place_id": paris["id"]})
    assert moved.status_code == 200, moved.text
    report = (await org.get("/api/v1/conflicts", params=params)).json()
    assert [c["kind"] for c in report["items"]] == ["skill_expired"]
