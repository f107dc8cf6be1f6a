"""Issue 9, "done when": a festival production office and a touring company drive the API
as an integrator would. One bulk call creates a 3-stage, 10-day festival with next-day
get-outs; the planning gives hours per person; an expired CACES is flagged; a reserve is
promoted after a decline; a Montreal tour date reads right in both timezones."""

from __future__ import annotations

from typing import Any

from tests.helpers import OrgSession, signup
from tests.integration.scheduling.factories import make_place, make_project, make_user
from tests.integration.scheduling.invitations.test_invitations import _link

STAGES = ("Grande scene", "Chapiteau", "Club")


def _slots(place_ids: dict[str, int]) -> list[dict[str, Any]]:
    slots: list[dict[str, Any]] = []
    for stage, place_id in place_ids.items():
        slots += [
            {"start": "09:00", "end": "13:00", "title": f"Montage {stage}", "place_id": place_id,
             "roles": [{"name": "cariste", "quota": 1, "required_skills": ["caces"]}]},
            {"start": "19:00", "end": "01:00", "ends_next_day": True,
             "title": f"Exploitation {stage}", "place_id": place_id,
             "roles": [{"name": "son", "quota": 1}]},
            {"start": "01:00", "end": "04:00", "day_offset": 1,
             "title": f"Demontage {stage}", "place_id": place_id,
             "roles": [{"name": "machiniste", "quota": 2}]},
        ]  # fmt: skip
    return slots


async def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


async def _festival(org: OrgSession) -> list[dict[str, Any]]:
    places = {s: (await make_place(org, name=s, timezone="Europe/Paris"))["id"] for s in STAGES}
    project = await make_project(
        org, name="Festival des Coulisses", starts_on="2027-07-01", ends_on="2027-07-11"
    )
    created = await _ok(
        await org.post(
            f"/api/v1/projects/{project['id']}/missions:bulk_create",
            json={
                "title": "Festival",
                "date_from": "2027-07-01",
                "date_to": "2027-07-10",
                "slots": _slots(places),
            },
        ),
        201,
    )
    assert created["created"] == len(created["items"])
    return list(created["items"])


async def test_festival_hours_expired_caces_reserve_and_montreal(client, mail_sink):
    org = await signup(client)  # Europe/Paris

    # -- the whole festival in one call ------------------------------------------------
    missions = await _festival(org)
    assert len(missions) == 3 * 10 * 3
    getout = next(
        m
        for m in missions
        if m["title"] == "Demontage Club" and m["starts_at"].startswith("2027-07-02")
    )
    # The show of 1 July ends at 01:00 on the 2nd; its get-out starts then (01:00 +02:00 is
    # 23:00 UTC on the 1st).
    show = next(
        m
        for m in missions
        if m["title"] == "Exploitation Club" and m["starts_at"].startswith("2027-07-01T17")
    )
    assert show["ends_at"] == "2027-07-01T23:00:00Z"
    assert show["duration_minutes"] == 360
    first_getout = next(
        m
        for m in missions
        if m["title"] == "Demontage Club" and m["starts_at"] == "2027-07-01T23:00:00Z"
    )
    assert first_getout["duration_minutes"] == 180
    assert [r["name"] for r in first_getout["roles"]] == ["machiniste"]
    assert getout["duration_minutes"] == 180

    # -- hours per person --------------------------------------------------------------
    sound = await make_user(org, first_name="Lea", email="lea@example.org")
    role = show["roles"][0]["id"]
    invited = await _ok(
        await org.post(
            "/api/v1/assignments", json={"mission_role_id": role, "user_id": sound["id"]}
        ),
        201,
    )
    invitation_id, token = await _link(mail_sink, "lea@example.org")
    await _ok(
        await client.post(f"/api/v1/invitations/{invitation_id}/accept", params={"token": token})
    )
    planning = await _ok(
        await org.get("/api/v1/planning", params={"from": "2027-07-01", "to": "2027-07-03"})
    )
    lea = next(u for u in planning["users"] if u["id"] == sound["id"])
    assert (lea["planned_minutes"], lea["accepted_minutes"]) == (360, 360)
    assert invited["duration_minutes"] == 360

    # -- an expired CACES is flagged ---------------------------------------------------
    driver = await make_user(
        org,
        first_name="Eric",
        skills=[{"name": "caces", "level": 3, "valid_until": "2027-07-04", "reference": "R489-1"}],
    )
    build = next(
        m
        for m in missions
        if m["title"] == "Montage Chapiteau" and m["starts_at"].startswith("2027-07-05")
    )
    await _ok(
        await org.post(
            "/api/v1/assignments",
            json={"mission_role_id": build["roles"][0]["id"], "user_id": driver["id"]},
        ),
        201,
    )
    conflicts = await _ok(
        await org.get("/api/v1/conflicts", params={"from": "2027-07-01", "to": "2027-07-31"})
    )
    expired = [c for c in conflicts["items"] if c["kind"] == "skill_expired"]
    assert [c["expired_skills"] for c in expired] == [
        [{"name": "caces", "valid_until": "2027-07-04"}]
    ]

    # -- a reserve promoted after a decline --------------------------------------------
    other_show = next(
        m
        for m in missions
        if m["title"] == "Exploitation Chapiteau" and m["starts_at"].startswith("2027-07-03")
    )
    role = other_show["roles"][0]["id"]
    holder = await make_user(org, first_name="Tom", email="tom@example.org")
    spare = await make_user(org, first_name="Zoe", email="zoe@example.org")
    await _ok(
        await org.post(
            "/api/v1/assignments", json={"mission_role_id": role, "user_id": holder["id"]}
        ),
        201,
    )
    full = await org.post(
        "/api/v1/assignments", json={"mission_role_id": role, "user_id": spare["id"]}
    )
    assert full.status_code == 409
    assert full.json()["error"]["code"] == "assignment.quota_would_exceed"
    reserve = await _ok(
        await org.post(
            "/api/v1/assignments",
            json={"mission_role_id": role, "user_id": spare["id"], "reserve": True},
        ),
        201,
    )
    assert reserve["reserve"] is True
    invitation_id, token = await _link(mail_sink, "zoe@example.org")
    await _ok(
        await client.post(f"/api/v1/invitations/{invitation_id}/accept", params={"token": token})
    )
    invitation_id, token = await _link(mail_sink, "tom@example.org")
    await _ok(
        await client.post(f"/api/v1/invitations/{invitation_id}/decline", params={"token": token})
    )
    promoted = await _ok(await org.get(f"/api/v1/assignments/{reserve['id']}"))
    assert (promoted["status"], promoted["reserve"]) == ("ACCEPTED", False)
    assert promoted["promoted_at"] is not None

    # -- a Montreal tour date, read from Paris -----------------------------------------
    hall = await make_place(org, name="Theatre Outremont", timezone="America/Montreal")
    tour = await make_project(
        org, name="Tournee Quebec", starts_on="2027-08-01", ends_on="2027-08-31"
    )
    date = await _ok(
        await org.post(
            "/api/v1/missions",
            json={
                "project_id": tour["id"],
                "title": "Concert",
                "place_id": hall["id"],
                "starts_at": "2027-08-10T20:00:00-04:00",
                "ends_at": "2027-08-10T23:00:00-04:00",
            },
        ),
        201,
    )
    assert date["starts_at"] == "2027-08-11T00:00:00Z"
    assert date["local_starts_at"] == "2027-08-10T20:00:00-04:00"
    assert date["timezone"] == "America/Montreal"
    august = await _ok(
        await org.get("/api/v1/planning", params={"from": "2027-08-01", "to": "2027-09-01"})
    )
    assert august["timezone"] == "Europe/Paris"  # the office's clock: 02:00 the next day
    row = next(m for m in august["missions"] if m["id"] == date["id"])
    assert august["places"][str(row["place_id"])] == {
        "name": "Theatre Outremont",
        "timezone": "America/Montreal",
    }
