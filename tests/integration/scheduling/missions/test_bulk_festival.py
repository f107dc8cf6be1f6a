"""A whole festival in one bulk call: slots with a day offset, their own title, place and
roles; all or nothing."""

from __future__ import annotations

import collections
from typing import Any

from coulisses.db.connection import fetch
from coulisses.scheduling.missions.schemas import FESTIVAL_EXAMPLE
from tests.helpers import OrgSession, error_code, signup
from tests.integration.scheduling.factories import make_project

STAGES = ("Cour", "Cloitre", "Chapiteau")


def _festival_slots() -> list[dict[str, Any]]:
    """Per stage: build-up, show crossing midnight, and the 01:00 get-out the day after."""
    slots: list[dict[str, Any]] = []
    for stage in STAGES:
        slots += [
            {
                "start": "08:00",
                "end": "13:00",
                "title": f"Montage {stage}",
                "place": stage,
                "roles": [
                    {"name": "machiniste", "quota": 4},
                    {"name": "cariste", "quota": 1, "required_skills": ["caces"]},
                ],
            },
            {
                "start": "19:00",
                "end": "01:00",
                "ends_next_day": True,
                "title": f"Exploitation {stage}",
                "place": stage,
                "roles": [
                    {"name": "regisseur son", "quota": 1, "required_skills": ["son"]},
                    {"name": "regisseur lumiere", "quota": 1},
                ],
            },
            {
                "start": "01:00",
                "end": "04:00",
                "day_offset": 1,
                "title": f"Demontage {stage}",
                "place": stage,
                # no roles of its own: the call's roles
            },
        ]
    return slots


def _festival(**extra: Any) -> dict[str, Any]:
    return {
        "title": "Festival",
        "date_from": "2027-07-10",
        "date_to": "2027-07-19",
        "slots": _festival_slots(),
        "roles": [{"name": "machiniste", "quota": 3}, {"name": "accroche", "quota": 1}],
        "publish": True,
        **extra,
    }


async def _count(org: OrgSession) -> int:
    return int((await org.get("/api/v1/missions")).json()["total"])


async def test_three_stages_ten_days_three_slots_in_one_call(client):
    org = await signup(client)
    project = await make_project(org)  # July 2027
    url = f"/api/v1/projects/{project['id']}/missions:bulk_create"
    response = await org.post(url, json=_festival())
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["created"] == len(body["items"]) == 3 * 10 * 3

    by_title = collections.defaultdict(list)
    for mission in body["items"]:
        by_title[mission["title"]].append(mission)
    assert sorted(by_title) == sorted(
        f"{kind} {stage}" for stage in STAGES for kind in ("Montage", "Exploitation", "Demontage")
    )
    assert {len(v) for v in by_title.values()} == {10}
    assert {m["status"] for m in body["items"]} == {"PUBLISHED"}
    assert {m["place"] for m in by_title["Montage Cloitre"]} == {"Cloitre"}

    def roles(mission: dict[str, Any]) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
        return tuple((r["name"], r["quota"], tuple(r["required_skills"])) for r in mission["roles"])

    for stage in STAGES:
        assert {roles(m) for m in by_title[f"Montage {stage}"]} == {
            (("machiniste", 4, ()), ("cariste", 1, ("caces",)))
        }
        assert {roles(m) for m in by_title[f"Exploitation {stage}"]} == {
            (("regisseur son", 1, ("son",)), ("regisseur lumiere", 1, ()))
        }
        assert {roles(m) for m in by_title[f"Demontage {stage}"]} == {
            (("machiniste", 3, ()), ("accroche", 1, ()))
        }

    # Paris is UTC+2 in July: the show of the 10th runs 19:00-01:00, and the get-out of
    # the 10th's pattern starts at 01:00 on the 11th (23:00 UTC on the 10th).
    shows = sorted(by_title["Exploitation Cour"], key=lambda m: m["starts_at"])
    assert (shows[0]["starts_at"], shows[0]["ends_at"]) == (
        "2027-07-10T17:00:00Z",
        "2027-07-10T23:00:00Z",
    )
    get_outs = sorted(by_title["Demontage Cour"], key=lambda m: m["starts_at"])
    assert [(m["starts_at"], m["ends_at"]) for m in get_outs[:2]] == [
        ("2027-07-10T23:00:00Z", "2027-07-11T02:00:00Z"),
        ("2027-07-11T23:00:00Z", "2027-07-12T02:00:00Z"),
    ]
    assert get_outs[-1]["starts_at"] == "2027-07-19T23:00:00Z"  # 01:00 on the 20th
    assert {m["duration_minutes"] for m in get_outs} == {180}

    # Stored as said: two roles per mission.
    rows = await fetch("SELECT count(*) AS n FROM mission_roles WHERE org = $1", org.org_id)
    assert rows[0]["n"] == 180


async def test_one_bad_slot_writes_nothing(client):
    org = await signup(client)
    project = await make_project(org)
    url = f"/api/v1/projects/{project['id']}/missions:bulk_create"

    bad_role = _festival()
    bad_role["slots"][4]["roles"][1]["quota"] = -1
    response = await org.post(url, json=bad_role)
    assert response.status_code == 422, response.text
    assert error_code(response) == "mission_role.invalid_quota"
    assert response.json()["error"]["details"] == {"field": "slots[4].roles[1].quota"}

    typo = _festival()
    typo["slots"][7]["ends_next_day"] = False  # Exploitation Chapiteau 19:00 -> 01:00
    response = await org.post(url, json=typo)
    assert error_code(response) == "mission.ends_before_start"
    assert response.json()["error"]["details"]["field"] == "slots[7].end"

    # The last get-out (day_offset 1 after July 31) starts outside the project's dates.
    late = _festival(date_from="2027-07-22", date_to="2027-07-31")
    response = await org.post(url, json=late)
    assert response.status_code == 422, response.text
    assert error_code(response) == "mission.outside_project"
    assert response.json()["error"]["details"]["days"] == ["2027-08-01"]

    too_far = _festival()
    too_far["slots"][2]["day_offset"] = 8
    response = await org.post(url, json=too_far)
    assert response.status_code == 400
    assert error_code(response) == "request.validation"
    assert "day_offset" in response.text

    duplicate = _festival()
    duplicate["slots"][0]["roles"][1]["name"] = "machiniste"
    response = await org.post(url, json=duplicate)
    assert error_code(response) == "mission_role.duplicate_name"
    assert response.json()["error"]["details"] == {"field": "slots[0].roles[1].name"}

    long_place = _festival()
    long_place["slots"][3]["place"] = "x" * 201
    response = await org.post(url, json=long_place)
    assert error_code(response) == "mission.invalid_place"
    assert response.json()["error"]["details"] == {"field": "slots[3].place"}

    assert await _count(org) == 0
    rows = await fetch("SELECT count(*) AS n FROM mission_roles WHERE org = $1", org.org_id)
    assert rows[0]["n"] == 0


async def test_a_slot_with_an_empty_role_list_has_no_roles(client):
    org = await signup(client)
    project = await make_project(org)
    response = await org.post(
        f"/api/v1/projects/{project['id']}/missions:bulk_create",
        json={
            "title": "Service",
            "days": ["2027-07-10"],
            "slots": [
                {"start": "08:00", "end": "10:00", "roles": []},
                {"start": "10:00", "end": "12:00"},
            ],
            "roles": [{"name": "son", "quota": 2}],
        },
    )
    assert response.status_code == 201, response.text
    first, second = response.json()["items"]
    assert first["roles"] == []
    assert [r["name"] for r in second["roles"]] == ["son"]
    assert second["roles"][0] | {"id": 0} == {
        "id": 0,
        "name": "son",
        "quota": 2,
        "required_skills": [],
        "pending": 0,
        "accepted": 0,
        "declined": 0,
        "open": 2,
        "reserves": 0,
    }
    assert first["starts_at"] == "2027-07-10T06:00:00Z"


async def test_the_documented_example_creates_the_festival(client):
    org = await signup(client)
    project = await make_project(org)
    response = await org.post(
        f"/api/v1/projects/{project['id']}/missions:bulk_create", json=FESTIVAL_EXAMPLE.value
    )
    assert response.status_code == 201, response.text
    assert response.json()["created"] == 90
    schema = (await client.get("/api/docs/openapi.json")).json()
    operation = schema["paths"]["/api/v1/projects/{project_id}/missions:bulk_create"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body["examples"] == [FESTIVAL_EXAMPLE.value]
