"""Mission templates: saved per org, versioned, applied to days x places in one bulk creation
(all the missions or none), managers only, invisible to other orgs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from coulisses.db.connection import fetch
from tests.helpers import OrgSession, error_code, signup
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import make_place, make_project

URL = "/api/v1/mission-templates"


def _stage_day(**extra: Any) -> dict[str, Any]:
    """A day of a stage: build-up, show to 01:00, and the 01:00 get-out the day after."""
    return {
        "name": "Journee plateau",
        "description": "Montage, exploitation, demontage",
        "title": "Plateau",
        "slots": [
            {
                "start": "08:00",
                "end": "13:00",
                "title": "Montage",
                "roles": [
                    {"name": "machiniste", "quota": 4},
                    {"name": "cariste", "quota": 1, "required_skills": ["CACES"]},
                ],
            },
            {
                "start": "19:00",
                "end": "01:00",
                "ends_next_day": True,
                "title": "Exploitation",
                "roles": [{"name": "regisseur son", "quota": 1, "required_skills": ["son"]}],
            },
            {"start": "01:00", "end": "04:00", "day_offset": 1, "title": "Demontage"},
        ],
        "roles": [{"name": "machiniste", "quota": 2}],
        **extra,
    }


async def _create(org: OrgSession, **extra: Any) -> dict[str, Any]:
    response = await org.post(URL, json=_stage_day(**extra))
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _mission_count(org_id: int) -> int:
    return int((await fetch("SELECT count(*) AS n FROM missions WHERE org = $1", org_id))[0]["n"])


def _utc(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value).astimezone(dt.UTC)


async def test_a_template_keeps_the_bulk_slot_shape_and_each_edit_is_a_new_version(client):
    owner = await signup(client)
    created = await _create(owner)
    assert created["version"] == 1
    assert [s["title"] for s in created["slots"]] == ["Montage", "Exploitation", "Demontage"]
    assert created["slots"][1]["ends_next_day"] is True
    assert created["slots"][2]["day_offset"] == 1
    # skills stored as the bulk creation stores them (trimmed, lower-cased)
    assert created["slots"][0]["roles"][1] == {
        "name": "cariste",
        "quota": 1,
        "required_skills": ["caces"],
    }
    assert created["slots"][2]["roles"] is None  # the shared roles
    tid = created["id"]

    renamed = await owner.patch(f"{URL}/{tid}", json={"name": "Journee Cour"})
    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["name"], renamed.json()["version"]) == ("Journee Cour", 2)
    shorter = await owner.patch(
        f"{URL}/{tid}", json={"slots": [{"start": "09:00", "end": "12:00"}]}
    )
    assert shorter.status_code == 200, shorter.text
    assert shorter.json()["version"] == 3
    # nothing changed: no new version
    same = await owner.patch(f"{URL}/{tid}", json={"name": "Journee Cour", "title": "Plateau"})
    assert same.json()["version"] == 3

    versions = await owner.get(f"{URL}/{tid}/versions")
    assert versions.status_code == 200, versions.text
    body = versions.json()
    assert body["total"] == 3
    assert [v["version"] for v in body["items"]] == [3, 2, 1]
    first = body["items"][2]
    assert first["name"] == "Journee plateau"
    assert len(first["slots"]) == 3  # version 1 as it was saved
    assert first["created_by"] == owner.account_id
    assert (await owner.get(f"{URL}/{tid}")).json()["slots"] == shorter.json()["slots"]

    listing = await owner.get(URL, params={"fields": "id,name,version"})
    assert listing.status_code == 200, listing.text
    assert listing.json()["items"] == [{"id": tid, "name": "Journee Cour", "version": 3}]

    actions = [
        r["action"]
        for r in await fetch(
            "SELECT action FROM audit_log WHERE org = $1 AND target = $2 ORDER BY id",
            owner.org_id,
            f"mission_template:{tid}",
        )
    ]
    assert actions == [
        "mission_template.created",
        "mission_template.updated",
        "mission_template.updated",
    ]


async def test_applying_a_template_makes_days_x_slots_x_places_at_local_times_across_dst(client):
    owner = await signup(client)
    project = await make_project(owner, starts_on="2027-10-01", ends_on="2027-11-30")
    paris = await make_place(owner, name="Cour", timezone="Europe/Paris")
    montreal = await make_place(owner, name="Outremont", timezone="America/Montreal")
    template = await _create(owner)
    body = {
        "project_id": project["id"],
        "from": "2027-10-29",
        "to": "2027-10-31",
        "place_ids": [paris["id"], montreal["id"]],
    }
    response = await owner.post(f"{URL}/{template['id']}/apply", json=body)
    assert response.status_code == 201, response.text
    applied = response.json()
    # 3 days x 3 slots x 2 places, in one call
    assert (applied["created"], applied["version"]) == (18, 1)
    assert len(applied["mission_ids"]) == 18

    missions = (
        await owner.get(
            "/api/v1/missions",
            params={"project": project["id"], "place_id": paris["id"], "page_size": 200},
        )
    ).json()["items"]
    assert len(missions) == 9
    by_key = {(m["title"], m["local_starts_at"][:10]): m for m in missions}
    # The night of the clock change (Paris, 2027-10-31 03:00 CEST -> 02:00 CET): the show
    # of the 30th ends at 01:00 CEST, the get-out runs 01:00 CEST -> 04:00 CET.
    show = by_key[("Exploitation", "2027-10-30")]
    assert _utc(show["starts_at"]) == dt.datetime(2027, 10, 30, 17, 0, tzinfo=dt.UTC)
    assert _utc(show["ends_at"]) == dt.datetime(2027, 10, 30, 23, 0, tzinfo=dt.UTC)
    get_out = by_key[("Demontage", "2027-10-31")]
    assert _utc(get_out["starts_at"]) == dt.datetime(2027, 10, 30, 23, 0, tzinfo=dt.UTC)
    assert _utc(get_out["ends_at"]) == dt.datetime(2027, 10, 31, 3, 0, tzinfo=dt.UTC)
    assert get_out["duration_minutes"] == 240
    later = by_key[("Demontage", "2027-11-01")]  # after the change: CET
    assert _utc(later["starts_at"]) == dt.datetime(2027, 11, 1, 0, 0, tzinfo=dt.UTC)
    # roles: the slot's own, else the shared ones
    build = by_key[("Montage", "2027-10-29")]
    assert [(r["name"], r["quota"], r["required_skills"]) for r in build["roles"]] == [
        ("machiniste", 4, []),
        ("cariste", 1, ["caces"]),
    ]
    assert [(r["name"], r["quota"]) for r in get_out["roles"]] == [("machiniste", 2)]
    # Montreal's missions keep their wall-clock times on their own clock (EDT)
    montreal_build = (
        await owner.get(
            "/api/v1/missions",
            params={"place_id": montreal["id"], "sort": "starts_at", "page_size": 1},
        )
    ).json()["items"][0]
    assert _utc(montreal_build["starts_at"]) == dt.datetime(2027, 10, 29, 12, 0, tzinfo=dt.UTC)

    recorded = await fetch(
        """SELECT DISTINCT template_id, template_version FROM missions
           WHERE org = $1 AND id = ANY($2::int[])""",
        owner.org_id,
        applied["mission_ids"],
    )
    assert [(r["template_id"], r["template_version"]) for r in recorded] == [(template["id"], 1)]
    entry = await fetch(
        "SELECT payload FROM audit_log WHERE org = $1 AND action = 'mission_template.applied'",
        owner.org_id,
    )
    assert len(entry) == 1


async def test_an_older_version_applies_as_it_was_saved(client):
    owner = await signup(client)
    project = await make_project(owner)
    template = await _create(owner)
    await owner.patch(
        f"{URL}/{template['id']}", json={"slots": [{"start": "09:00", "end": "12:00"}]}
    )
    days = {"project_id": project["id"], "from": "2027-07-10", "to": "2027-07-12"}
    current = await owner.post(f"{URL}/{template['id']}/apply", json=days)
    assert (current.json()["created"], current.json()["version"]) == (3, 2)
    old = await owner.post(f"{URL}/{template['id']}/apply", json={**days, "version": 1})
    assert (old.json()["created"], old.json()["version"]) == (9, 1)
    weekdays = await owner.post(
        f"{URL}/{template['id']}/apply",
        json={**days, "weekdays": [5, 6]},  # Sat 10, Sun 11
    )
    assert weekdays.json()["created"] == 2
    missing = await owner.post(f"{URL}/{template['id']}/apply", json={**days, "version": 7})
    assert missing.status_code == 404
    assert error_code(missing) == "mission_template.version_not_found"


async def test_applying_is_all_or_nothing(client, new_client):
    owner = await signup(client)
    project = await make_project(owner, starts_on="2027-03-01", ends_on="2027-04-30")
    place = await make_place(owner, name="Cour", timezone="Europe/Paris")
    # 02:30 does not exist in Paris on 2027-03-28 (clocks jump from 02:00 to 03:00)
    template = await _create(
        owner, slots=[{"start": "08:00", "end": "12:00"}, {"start": "02:30", "end": "05:00"}]
    )
    url = f"{URL}/{template['id']}/apply"
    body = {"project_id": project["id"], "from": "2027-03-20", "to": "2027-03-30"}
    bad_time = await owner.post(url, json={**body, "place_ids": [place["id"]]})
    assert bad_time.status_code == 422, bad_time.text
    assert error_code(bad_time) == "mission.nonexistent_local_time"
    assert bad_time.json()["error"]["details"]["field"] == "slots[1].start"
    # the first place's missions are valid, the second place is another org's
    other = await signup(new_client())
    foreign = await make_place(other, name="Ailleurs")
    spring = {**body, "from": "2027-04-01", "to": "2027-04-10"}
    cross = await owner.post(url, json={**spring, "place_ids": [place["id"], foreign["id"]]})
    assert cross.status_code == 404, cross.text
    assert error_code(cross) == "place.not_found"
    outside = await owner.post(url, json={**spring, "to": "2027-05-02"})
    assert outside.status_code == 422
    assert error_code(outside) == "mission.outside_project"
    assert await _mission_count(owner.org_id) == 0
    assert not await fetch(
        "SELECT 1 FROM audit_log WHERE org = $1 AND action = 'mission_template.applied'",
        owner.org_id,
    )
    too_many = await owner.post(
        url, json={**body, "from": "2027-03-01", "to": "2028-02-28", "place_ids": list(range(1, 9))}
    )
    assert too_many.status_code == 422, too_many.text
    assert error_code(too_many) == "mission.bulk_too_large"


async def test_a_bad_slot_is_refused_with_the_bulk_creation_codes(client):
    owner = await signup(client)
    cases = [
        ([{"start": "13:00", "end": "03:00"}], "mission.ends_before_start", "slots[0].end"),
        (
            [{"start": "08:00", "end": "09:00"}, {"start": "08:00", "end": "09:00", "title": " "}],
            "mission.invalid_title",
            "slots[1].title",
        ),
        (
            [
                {
                    "start": "08:00",
                    "end": "09:00",
                    "roles": [{"name": "son", "quota": 1}, {"name": "son ", "quota": 2}],
                }
            ],
            "mission_role.duplicate_name",
            "slots[0].roles[1].name",
        ),
        (
            [{"start": "08:00", "end": "09:00", "place": "Cour"}],
            "mission_template.slot_has_place",
            "slots[0].place_id",
        ),
    ]
    for slots, code, field in cases:
        response = await owner.post(URL, json=_stage_day(slots=slots))
        assert response.status_code == 422, (code, response.text)
        assert error_code(response) == code
        assert response.json()["error"]["details"]["field"] == field
    blank = await owner.post(URL, json=_stage_day(name="   "))
    assert error_code(blank) == "mission_template.invalid_name"
    template = await _create(owner)
    bad_edit = await owner.patch(
        f"{URL}/{template['id']}", json={"slots": [{"start": "13:00", "end": "03:00"}]}
    )
    assert error_code(bad_edit) == "mission.ends_before_start"
    assert (await owner.get(f"{URL}/{template['id']}")).json()["version"] == 1
    assert (await owner.get(URL)).json()["total"] == 1


async def test_a_name_is_unique_in_the_org_among_templates_not_archived(client, new_client):
    owner = await signup(client)
    first = await _create(owner)
    again = await owner.post(URL, json=_stage_day(name="JOURNEE PLATEAU "))
    assert again.status_code == 409, again.text
    assert error_code(again) == "mission_template.name_taken"
    second = await _create(owner, name="Journee salle")
    clash = await owner.patch(f"{URL}/{second['id']}", json={"name": "journee plateau"})
    assert clash.status_code == 409
    assert error_code(clash) == "mission_template.name_taken"
    # another org may use the name
    assert (await (await signup(new_client())).post(URL, json=_stage_day())).status_code == 201
    deleted = await owner.delete(f"{URL}/{first['id']}")
    assert deleted.status_code == 204, deleted.text
    assert (await owner.get(f"{URL}/{first['id']}")).status_code == 404
    assert (await owner.post(URL, json=_stage_day())).status_code == 201  # the name is free
    assert (await owner.get(URL)).json()["total"] == 2


async def test_technicians_cannot_read_or_use_templates(client, new_client):
    owner = await signup(client)
    template = await _create(owner)
    project = await make_project(owner)
    tech = await member_session(owner, new_client, "tech@example.org", "tech")
    manager = await member_session(owner, new_client, "manager@example.org", "manager")
    apply_body = {"project_id": project["id"], "from": "2027-07-10", "to": "2027-07-10"}
    for method, url, body in [
        ("GET", URL, None),
        ("POST", URL, _stage_day(name="X")),
        ("GET", f"{URL}/{template['id']}", None),
        ("PATCH", f"{URL}/{template['id']}", {"name": "Y"}),
        ("DELETE", f"{URL}/{template['id']}", None),
        ("GET", f"{URL}/{template['id']}/versions", None),
        ("POST", f"{URL}/{template['id']}/apply", apply_body),
    ]:
        kwargs = {"json": body} if body is not None else {}
        response = await getattr(tech, method.lower())(url, **kwargs)
        assert response.status_code == 403, (method, url, response.text)
        assert error_code(response) == "auth.forbidden"
    assert await _mission_count(owner.org_id) == 0
    applied = await manager.post(f"{URL}/{template['id']}/apply", json=apply_body)
    assert applied.status_code == 201, applied.text


async def test_another_orgs_templates_answer_404(client, new_client):
    a = await signup(client)
    template = await _create(a)
    a_project = await make_project(a)
    b = await signup(new_client())
    b_project = await make_project(b)
    tid = template["id"]
    apply_body = {"project_id": b_project["id"], "from": "2027-07-10", "to": "2027-07-10"}
    for method, url, body in [
        ("GET", f"{URL}/{tid}", None),
        ("PATCH", f"{URL}/{tid}", {"name": "X"}),
        ("DELETE", f"{URL}/{tid}", None),
        ("GET", f"{URL}/{tid}/versions", None),
        ("POST", f"{URL}/{tid}/apply", apply_body),
    ]:
        kwargs = {"json": body} if body is not None else {}
        response = await getattr(b, method.lower())(url, **kwargs)
        assert response.status_code == 404, (method, url, response.text)
        assert error_code(response) == "mission_template.not_found"
    assert (await b.get(URL)).json()["total"] == 0
    # B's own template on A's project
    own = await _create(b)
    cross = await b.post(
        f"{URL}/{own['id']}/apply",
        json={**apply_body, "project_id": a_project["id"]},
    )
    assert cross.status_code == 404
    assert error_code(cross) == "project.not_found"
    assert await _mission_count(a.org_id) == 0
    assert (await a.get(f"{URL}/{tid}")).json()["version"] == 1
