"""GET /api/v1/planning: durations, per-person minutes in the window, per-role counts."""

from __future__ import annotations

from typing import Any

import msgspec

from coulisses.scheduling.planning.schemas import Planning
from tests.helpers import OrgSession, signup
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

MARCH = {"from": "2027-03-01", "to": "2027-03-31"}


async def _planning(org: OrgSession, **params: Any) -> dict[str, Any]:
    response = await org.get("/api/v1/planning", params=params)
    assert response.status_code == 200, response.text
    msgspec.json.decode(response.content, type=Planning)
    return dict(response.json())


async def _setup(org: OrgSession) -> dict[str, Any]:
    project = await make_project(org, starts_on=None, ends_on=None)
    # The owner's account is linked to Lea, so the owner answers Lea's assignments.
    lea = await make_user(org, first_name="Lea", last_name="Roux", account_id=org.account_id)
    tom = await make_user(org, first_name="Tom", last_name="Bernard")
    role = [{"name": "son", "quota": 2}]
    # 01:00-05:00 on the spring-forward night: 180 real minutes.
    dst = await make_mission(
        org, project["id"], "2027-03-28T01:00:00+01:00", "2027-03-28T05:00:00+02:00", roles=role
    )
    # 22:00-03:00 across the end of March: 120 minutes in March, 180 in April.
    month_end = await make_mission(
        org, project["id"], "2027-03-31T22:00:00+02:00", "2027-04-01T03:00:00+02:00", roles=role
    )
    morning = await make_mission(
        org, project["id"], "2027-03-10T10:00:00+01:00", "2027-03-10T12:00:00+01:00", roles=role
    )
    out = {"lea": lea, "tom": tom, "dst": dst, "month_end": month_end, "morning": morning}
    for mission in (dst, month_end):
        mine = await invite(org, mission["roles"][0]["id"], lea["id"])
        accepted = await org.post(f"/api/v1/assignments/{mine['id']}/accept")
        assert accepted.status_code == 200, accepted.text
        await invite(org, mission["roles"][0]["id"], tom["id"])
    cancelled = await invite(org, morning["roles"][0]["id"], tom["id"])
    assert (await org.post(f"/api/v1/assignments/{cancelled['id']}/cancel")).status_code == 200
    declined = await invite(org, morning["roles"][0]["id"], lea["id"])
    response = await org.post(f"/api/v1/assignments/{declined['id']}/decline")
    assert response.status_code == 200, response.text
    return out


def _minutes(body: dict[str, Any]) -> dict[str, tuple[int, int]]:
    return {u["first_name"]: (u["planned_minutes"], u["accepted_minutes"]) for u in body["users"]}


async def test_planning_gives_each_person_the_minutes_inside_the_window(client):
    org = await signup(client)
    s = await _setup(org)
    march = await _planning(org, **MARCH)
    # Lea: 180 (DST night) + 120 (the part of the last night in March), all accepted; her
    # decline counts nothing. Tom: the same minutes invited; his cancelled one nothing.
    assert _minutes(march) == {"Lea": (300, 300), "Tom": (300, 0)}
    durations = {m["id"]: m["duration_minutes"] for m in march["missions"]}
    assert durations[s["dst"]["id"]] == 180
    assert durations[s["month_end"]["id"]] == 300  # the whole mission, not the window part
    # An assignment's duration is its mission's: the response does not repeat it.
    assert march["assignments"]
    assert not any(
        set(a) & {"starts_at", "ends_at", "duration_minutes"} for a in march["assignments"]
    )

    # The rest of the night falls in April: consecutive windows add up to the real time.
    april = await _planning(org, **{"from": "2027-04-01", "to": "2027-04-30"})
    assert _minutes(april) == {"Lea": (180, 180), "Tom": (180, 0)}

    # Filters narrow what is shown, not the minutes of the people shown.
    accepted_only = await _planning(org, **MARCH, status="ACCEPTED")
    assert _minutes(accepted_only) == {"Lea": (300, 300)}
    toms = await _planning(org, **MARCH, user=s["tom"]["id"])
    assert _minutes(toms) == {"Tom": (300, 0)}


async def test_planning_role_counts_say_what_they_count(client):
    org = await signup(client)
    s = await _setup(org)
    march = await _planning(org, **MARCH)
    counts = {
        m["id"]: [(r["pending"], r["accepted"], r["declined"], r["open"]) for r in m["roles"]]
        for m in march["missions"]
    }
    # pending = INVITED still waiting, open = quota - accepted (never below 0).
    assert counts[s["dst"]["id"]] == [(1, 1, 0, 1)]
    assert counts[s["month_end"]["id"]] == [(1, 1, 0, 1)]
    # One decline and one cancel (a cancel is in no count).
    assert counts[s["morning"]["id"]] == [(0, 0, 1, 2)]

    # A full role has nothing open; the mission route says the same as the planning.
    role_id = s["dst"]["roles"][0]["id"]
    lowered = await org.patch(
        f"/api/v1/missions/{s['dst']['id']}/roles/{role_id}", json={"quota": 1}
    )
    assert lowered.status_code == 200, lowered.text
    role = lowered.json()["roles"][0]
    assert (role["pending"], role["accepted"], role["declined"], role["open"]) == (1, 1, 0, 0)
    again = await _planning(org, **MARCH)
    dst = next(m for m in again["missions"] if m["id"] == s["dst"]["id"])
    assert (dst["roles"][0]["open"], dst["roles"][0]["pending"]) == (0, 1)
