"""GET /api/v1/planning: the calendar's window of missions, roles, assignments and users."""

from __future__ import annotations

from typing import Any

import msgspec

from coulisses.scheduling.planning.schemas import Planning
from tests.helpers import OrgSession, error_code, signup, tech_session
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

JULY = {"from": "2027-07-01", "to": "2027-07-31"}  # a date `to` includes its day


async def _planning(org: OrgSession, **params: Any) -> dict[str, Any]:
    response = await org.get("/api/v1/planning", params={**JULY, **params})
    assert response.status_code == 200, response.text
    msgspec.json.decode(response.content, type=Planning)  # the documented schema, exactly
    return dict(response.json())


async def _festival(org: OrgSession) -> dict[str, Any]:
    """Two projects; four missions in July (one crossing into August) and one in June;
    assignments INVITED, ACCEPTED, DECLINED and CANCELLED."""
    festival = await make_project(org)
    theatre = await make_project(org, name="Saison Theatre", starts_on=None, ends_on=None)
    # The owner's account is linked to Lea, so the owner can answer Lea's assignments.
    lea = await make_user(
        org, first_name="Lea", last_name="Roux", employment_type="CDD", account_id=org.account_id
    )
    tom = await make_user(org, first_name="Tom", last_name="Bernard")
    idle = await make_user(org, first_name="Ines", last_name="Faure")
    cour = await make_mission(org, festival["id"], place="Cour")
    cloitre = await make_mission(
        org,
        festival["id"],
        "2027-07-12T08:00:00+02:00",
        "2027-07-12T13:00:00+02:00",
        title="Montage Cloitre",
        place="Cloitre",
        roles=[
            {"name": "machiniste", "quota": 3},
            {"name": "technicien son", "quota": 1, "required_skills": ["son"]},
        ],
    )
    last_night = await make_mission(
        org,
        festival["id"],
        "2027-07-31T22:00:00+02:00",
        "2027-08-01T03:00:00+02:00",
        title="Demontage",
    )
    play = await make_mission(
        org, theatre["id"], "2027-07-20T20:00:00+02:00", "2027-07-20T23:00:00+02:00"
    )
    june = await make_mission(
        org, theatre["id"], "2027-06-30T08:00:00+02:00", "2027-06-30T12:00:00+02:00"
    )
    published = await org.post(f"/api/v1/missions/{cour['id']}/publish")
    assert published.status_code == 200, published.text

    accepted = await invite(org, cour["roles"][0]["id"], lea["id"])
    response = await org.post(f"/api/v1/assignments/{accepted['id']}/accept")
    assert response.status_code == 200, response.text
    invited = await invite(org, cour["roles"][0]["id"], tom["id"])
    declined = await invite(org, cloitre["roles"][0]["id"], lea["id"])
    response = await org.post(
        f"/api/v1/assignments/{declined['id']}/decline", json={"reason": "deja pris"}
    )
    assert response.status_code == 200, response.text
    cancelled = await invite(org, play["roles"][0]["id"], tom["id"])
    response = await org.post(f"/api/v1/assignments/{cancelled['id']}/cancel")
    assert response.status_code == 200, response.text
    in_june = await invite(org, june["roles"][0]["id"], tom["id"])
    return {
        "festival": festival,
        "theatre": theatre,
        "lea": lea,
        "tom": tom,
        "idle": idle,
        "cour": cour,
        "cloitre": cloitre,
        "last_night": last_night,
        "play": play,
        "june": june,
        "accepted": accepted,
        "invited": invited,
        "declined": declined,
        "cancelled": cancelled,
        "in_june": in_june,
    }


async def test_planning_lists_the_missions_roles_assignments_and_users_of_the_window(client):
    org = await signup(client)
    f = await _festival(org)
    body = await _planning(org)

    assert body["from"] == "2027-06-30T22:00:00Z"  # midnight in Europe/Paris (UTC+2)
    assert body["to"] == "2027-07-31T22:00:00Z"
    assert body["timezone"] == "Europe/Paris"
    # Ordered by start; the night crossing into August is in, the June one is not.
    assert [m["id"] for m in body["missions"]] == [
        f["cour"]["id"],
        f["cloitre"]["id"],
        f["play"]["id"],
        f["last_night"]["id"],
    ]
    cour = body["missions"][0]
    assert cour["project_id"] == f["festival"]["id"]
    assert body["projects"][str(f["festival"]["id"])] == {"name": "Festival 2027"}
    assert body["places"][str(cour["place_id"])] == {"name": "Cour", "timezone": "Europe/Paris"}
    assert cour["title"] == "Exploitation Cour"
    assert (cour["starts_at"], cour["ends_at"]) == ("2027-07-10T17:00:00Z", "2027-07-10T23:00:00Z")
    assert cour["duration_minutes"] == 360
    assert cour["status"] == "PUBLISHED"
    assert cour["roles"] == [
        {
            "id": f["cour"]["roles"][0]["id"],
            "name": "technicien son",
            "quota": 2,
            "required_skills": ["son"],
            "pending": 1,
            "accepted": 1,
            "declined": 0,
            "open": 1,
            "reserves": 0,
        }
    ]
    cloitre = body["missions"][1]
    assert cloitre["status"] == "DRAFT"
    assert [
        (r["name"], r["quota"], r["pending"], r["accepted"], r["declined"], r["open"])
        for r in cloitre["roles"]
    ] == [
        ("machiniste", 3, 0, 0, 1, 3),
        ("technicien son", 1, 0, 0, 0, 1),
    ]
    assert body["projects"][str(body["missions"][2]["project_id"])] == {"name": "Saison Theatre"}

    by_id = {a["id"]: a for a in body["assignments"]}
    assert set(by_id) == {
        f["accepted"]["id"],
        f["invited"]["id"],
        f["declined"]["id"],
        f["cancelled"]["id"],
    }
    assert by_id[f["accepted"]["id"]] == {
        "id": f["accepted"]["id"],
        "mission_id": f["cour"]["id"],
        "mission_role_id": f["cour"]["roles"][0]["id"],
        "user_id": f["lea"]["id"],
        "status": "ACCEPTED",
        "decline_reason": None,
        "delivery_status": None,  # only an INVITED assignment has one
        "reserve": False,
        "reserve_position": None,
    }
    assert by_id[f["declined"]["id"]]["status"] == "DECLINED"
    assert by_id[f["declined"]["id"]]["decline_reason"] == "deja pris"
    assert by_id[f["cancelled"]["id"]]["status"] == "CANCELLED"
    # Only the users the assignments reference, sorted by name, with their minutes:
    # Tom's invitation is planned, not accepted (his cancelled one counts nothing); Lea's
    # acceptance counts twice, her decline not at all.
    assert body["users"] == [
        {
            "id": f["tom"]["id"],
            "first_name": "Tom",
            "last_name": "Bernard",
            "employment_type": "Intermittent",
            "planned_minutes": 360,
            "accepted_minutes": 0,
        },
        {
            "id": f["lea"]["id"],
            "first_name": "Lea",
            "last_name": "Roux",
            "employment_type": "CDD",
            "planned_minutes": 360,
            "accepted_minutes": 360,
        },
    ]


async def test_planning_accepts_date_times_with_offsets_and_keeps_overlapping_missions(client):
    org = await signup(client)
    f = await _festival(org)
    body = await _planning(
        org, **{"from": "2027-07-10T20:00:00+02:00", "to": "2027-07-12T09:00:00+02:00"}
    )
    assert body["from"] == "2027-07-10T18:00:00Z"
    # Cour (19:00-01:00) started before the window and Cloitre (08:00-13:00) ends after it.
    assert [m["id"] for m in body["missions"]] == [f["cour"]["id"], f["cloitre"]["id"]]
    touching = await _planning(
        org, **{"from": "2027-07-11T01:00:00+02:00", "to": "2027-07-12T08:00:00+02:00"}
    )
    assert touching["missions"] == []  # [from, to): touching a bound is not overlapping
    one_day = await _planning(org, **{"from": "2027-07-12", "to": "2027-07-12"})
    assert [m["id"] for m in one_day["missions"]] == [f["cloitre"]["id"]]


async def test_planning_filters_by_project(client):
    org = await signup(client)
    f = await _festival(org)
    body = await _planning(org, project=f["theatre"]["id"])
    assert [m["id"] for m in body["missions"]] == [f["play"]["id"]]
    assert [a["id"] for a in body["assignments"]] == [f["cancelled"]["id"]]
    assert [u["id"] for u in body["users"]] == [f["tom"]["id"]]


async def test_planning_filters_assignments_by_status_list(client):
    org = await signup(client)
    f = await _festival(org)
    repeated = await _planning(org, status=["ACCEPTED", "DECLINED"])
    comma = await _planning(org, status="accepted,declined")
    assert repeated == comma
    assert {a["id"] for a in repeated["assignments"]} == {
        f["accepted"]["id"],
        f["declined"]["id"],
    }
    assert [u["id"] for u in repeated["users"]] == [f["lea"]["id"]]
    # The status filter narrows the people shown, not the missions nor the role counts.
    assert len(repeated["missions"]) == 4
    assert repeated["missions"][0]["roles"][0]["pending"] == 1


async def test_planning_for_one_user_keeps_only_their_missions(client):
    org = await signup(client)
    f = await _festival(org)
    body = await _planning(org, user=f["tom"]["id"])
    assert [m["id"] for m in body["missions"]] == [f["cour"]["id"], f["play"]["id"]]
    assert {a["id"] for a in body["assignments"]} == {f["invited"]["id"], f["cancelled"]["id"]}
    assert [u["id"] for u in body["users"]] == [f["tom"]["id"]]

    active = await _planning(org, user=f["tom"]["id"], status="INVITED,ACCEPTED")
    assert [m["id"] for m in active["missions"]] == [f["cour"]["id"]]
    assert [a["id"] for a in active["assignments"]] == [f["invited"]["id"]]

    idle = await _planning(org, user=f["idle"]["id"])
    assert idle["missions"] == idle["assignments"] == idle["users"] == []


async def test_planning_mine_is_the_accounts_own_user(client, new_client):
    org = await signup(client)
    f = await _festival(org)  # the owner's account is linked to Lea
    lea = f["lea"]["id"]
    mine = await _planning(org, mine="true")
    assert mine == await _planning(org, user=lea)
    assert [m["id"] for m in mine["missions"]] == [f["cour"]["id"], f["cloitre"]["id"]]
    assert [u["id"] for u in mine["users"]] == [lea]
    # With user= as well both filters apply: another person's id leaves nothing.
    assert await _planning(org, mine="true", user=lea) == mine
    other = await _planning(org, mine="true", user=f["tom"]["id"], group_by="place")
    assert other["missions"] == other["assignments"] == other["users"] == other["groups"] == []
    unknown = await org.get("/api/v1/planning", params={**JULY, "mine": "true", "user": 2**31 - 1})
    assert unknown.status_code == 404
    assert error_code(unknown) == "user.not_found"

    # An account without a user in the org (a tech member never added to the crew) has an
    # empty planning, its window still checked.
    email = "tech-mine@example.org"
    tech = await tech_session(org, new_client, email)
    empty = await _planning(tech, mine="true")
    assert empty["missions"] == empty["assignments"] == empty["users"] == []
    assert empty["projects"] == empty["places"] == {}
    assert empty["groups"] is None
    assert len((await _planning(tech))["missions"]) == 4  # without mine, the whole window
    bad = await tech.get(
        "/api/v1/planning", params={"from": "2027-07-31", "to": "2027-07-01", "mine": "true"}
    )
    assert bad.status_code == 422, bad.text


async def test_planning_of_an_empty_org_is_empty_lists(client):
    org = await signup(client)
    body = await _planning(org)
    assert body["missions"] == body["assignments"] == body["users"] == []


async def test_planning_is_readable_by_a_tech_and_not_anonymously(client, new_client):
    org = await signup(client)
    await _festival(org)
    email = "tech-planning@example.org"
    tech = await tech_session(org, new_client, email)
    assert len((await _planning(tech))["missions"]) == 4
    anonymous = await new_client().get("/api/v1/planning", params=JULY)
    assert anonymous.status_code == 401


async def test_planning_never_shows_another_orgs_data(client, new_client):
    a = await signup(client)
    f = await _festival(a)
    b = await signup(new_client())
    await make_mission(b, (await make_project(b))["id"], title="B only")
    body = await _planning(b)
    assert [m["title"] for m in body["missions"]] == ["B only"]
    assert body["assignments"] == body["users"] == []
    for params in ({"project": f["festival"]["id"]}, {"user": f["lea"]["id"]}):
        response = await b.get("/api/v1/planning", params={**JULY, **params})
        assert response.status_code == 404, response.text
    assert error_code(await b.get("/api/v1/planning", params={**JULY, "project": 999999})) == (
        "project.not_found"
    )
    assert error_code(await b.get("/api/v1/planning", params={**JULY, "user": 999999})) == (
        "user.not_found"
    )


async def test_planning_refuses_bad_windows_with_stable_codes(client):
    org = await signup(client)
    cases = [
        ({"from": "01/07/2027", "to": "2027-08-01"}, 422, "validation.invalid_date"),
        ({"from": "2027-07-01", "to": "2027-13-01"}, 422, "validation.invalid_date"),
        ({"from": "2027-07-01", "to": "tomorrow"}, 422, "validation.invalid_date"),
        ({"from": "0001-01-01", "to": "2027-08-01"}, 422, "validation.invalid_date"),
        ({"from": "2027-07-01", "to": "9999-12-31T23:00:00+00:00"}, 422, "validation.invalid_date"),
        ({"from": "2027-07-01T00:00:00", "to": "2027-08-01"}, 422, "validation.naive_datetime"),
        ({"from": "2027-08-01", "to": "2027-07-01"}, 422, "validation.invalid_window"),
        (
            {"from": "2027-07-01T10:00:00+02:00", "to": "2027-07-01T10:00:00+02:00"},
            422,
            "validation.invalid_window",
        ),
        ({"from": "2027-01-01", "to": "2027-04-04"}, 422, "validation.window_too_long"),
        ({**JULY, "status": "ACCEPTED,MAYBE"}, 422, "validation.invalid_status"),
        ({"from": "2027-07-01"}, 400, "request.validation"),
        ({**JULY, "project": "abc"}, 400, "request.validation"),
        ({**JULY, "user": "0"}, 400, "request.validation"),
    ]
    for params, status, code in cases:
        response = await org.get("/api/v1/planning", params=params)
        assert (response.status_code, error_code(response)) == (status, code), params
    too_long = await org.get("/api/v1/planning", params={"from": "2027-01-01", "to": "2027-04-04"})
    assert too_long.json()["error"]["details"] == {"max_days": 93}
    # 93 wall-clock days (across the March DST change) is the longest window allowed.
    longest = await org.get("/api/v1/planning", params={"from": "2027-01-01", "to": "2027-04-03"})
    assert longest.status_code == 200, longest.text


async def test_planning_is_documented_in_openapi(client):
    spec = (await client.get("/api/docs/openapi.json")).json()
    operation = spec["paths"]["/api/v1/planning"]["get"]
    assert operation["operationId"] == "GetPlanning"
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("/Planning")
    assert {p["name"] for p in operation["parameters"]} >= {"from", "to", "project", "user"}


async def test_planning_names_each_project_and_place_once_and_every_assignments_mission(client):
    """The slim shape's guarantees, whatever the filters: every shown assignment's mission is
    in ``missions``, and ``projects`` / ``places`` hold exactly the missions' ones."""
    org = await signup(client)
    f = await _festival(org)
    for params in (
        {},
        {"user": f["lea"]["id"]},
        {"status": "DECLINED"},
        {"project": f["theatre"]["id"]},
        {"group_by": "place"},
    ):
        body = await _planning(org, **params)
        missions = {m["id"]: m for m in body["missions"]}
        assert {a["mission_id"] for a in body["assignments"]} <= set(missions), params
        assert set(body["projects"]) == {str(m["project_id"]) for m in missions.values()}
        assert set(body["places"]) == {
            str(m["place_id"]) for m in missions.values() if m["place_id"] is not None
        }, params
        for mission in missions.values():
            assert not set(mission) & {"project_name", "place", "timezone", "local_starts_at"}
        for assignment in body["assignments"]:
            assert not set(assignment) & {"starts_at", "ends_at", "duration_minutes"}
        if params.get("group_by"):
            grouped = [i for g in body["groups"] for i in g["mission_ids"]]
            assert sorted(grouped) == sorted(missions)
            assert {g["place_id"] for g in body["groups"]} - {None} == {
                int(k) for k in body["places"]
            }
    # Cour and Cloitre are places of the festival; the other missions have none.
    july = await _planning(org)
    assert sorted(p["name"] for p in july["places"].values()) == ["Cloitre", "Cour"]
    assert sorted(p["name"] for p in july["projects"].values()) == [
        "Festival 2027",
        "Saison Theatre",
    ]
    assert (await _planning(org, project=f["theatre"]["id"]))["places"] == {}


async def test_planning_example_in_openapi_is_the_documented_shape(client):
    spec = (await client.get("/api/docs/openapi.json")).json()
    content = spec["paths"]["/api/v1/planning"]["get"]["responses"]["200"]["content"]
    examples = content["application/json"]["examples"]
    (example,) = examples.values()
    msgspec.json.decode(msgspec.json.encode(example["value"]), type=Planning)
