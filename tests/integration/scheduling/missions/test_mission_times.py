"""Exact local times: DST durations, nonexistent and ambiguous local times (``fold``),
explicit ``ends_next_day``, on bulk creation and duplication."""

from __future__ import annotations

from typing import Any

from tests.helpers import OrgSession, error_code, signup
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user


async def _bulk(org: OrgSession, project_id: int, **body: Any) -> Any:
    return await org.post(
        f"/api/v1/projects/{project_id}/missions:bulk_create", json={"title": "Nuit", **body}
    )


async def _count(org: OrgSession) -> int:
    return int((await org.get("/api/v1/missions")).json()["total"])


async def test_duration_minutes_is_real_elapsed_time_across_dst(client):
    org = await signup(client)  # Europe/Paris
    project = await make_project(org, starts_on=None, ends_on=None)
    response = await _bulk(
        org,
        project["id"],
        days=["2027-03-28", "2027-07-10", "2027-10-31"],
        slots=[{"start": "01:00", "end": "05:00"}],
    )
    assert response.status_code == 201, response.text
    spring, summer, autumn = response.json()["items"]
    # Four hours on the wall clock: one is skipped in March, one repeated in October.
    assert (spring["starts_at"], spring["ends_at"]) == (
        "2027-03-28T00:00:00Z",
        "2027-03-28T03:00:00Z",
    )
    assert [m["duration_minutes"] for m in (spring, summer, autumn)] == [180, 240, 300]
    assert (await org.get(f"/api/v1/missions/{autumn['id']}")).json()["duration_minutes"] == 300

    # A mission created from instants says the same; its assignments carry it too.
    single = await make_mission(
        org, project["id"], "2027-03-28T01:00:00+01:00", "2027-03-28T05:00:00+02:00"
    )
    assert single["duration_minutes"] == 180
    user = await make_user(org)
    assignment = await invite(org, single["roles"][0]["id"], user["id"])
    assert assignment["duration_minutes"] == 180
    fetched = await org.get(f"/api/v1/assignments/{assignment['id']}")
    assert fetched.json()["duration_minutes"] == 180
    listed = await org.get("/api/v1/assignments", params={"mission": single["id"]})
    assert [a["duration_minutes"] for a in listed.json()["items"]] == [180]

    planning = await org.get("/api/v1/planning", params={"from": "2027-10-31", "to": "2027-10-31"})
    assert [m["duration_minutes"] for m in planning.json()["missions"]] == [300]


async def test_a_nonexistent_local_time_is_a_422_naming_the_field(client):
    org = await signup(client)
    project = await make_project(org, starts_on=None, ends_on=None)
    # 02:30 does not exist on 2027-03-28 in Paris (02:00 -> 03:00); only that day of the
    # range is wrong, and nothing of the range is written.
    response = await _bulk(
        org,
        project["id"],
        date_from="2027-03-27",
        date_to="2027-03-29",
        slots=[{"start": "08:00", "end": "12:00"}, {"start": "02:30", "end": "06:00"}],
    )
    assert response.status_code == 422, response.text
    assert error_code(response) == "mission.nonexistent_local_time"
    assert response.json()["error"]["details"] == {
        "field": "slots[1].start",
        "date": "2027-03-28",
        "time": "02:30",
        "timezone": "Europe/Paris",
    }
    # The end too, on the day it falls (a night ending in the skipped hour).
    night = await _bulk(
        org,
        project["id"],
        days=["2027-03-27"],
        slots=[{"start": "22:00", "end": "02:15", "ends_next_day": True}],
    )
    assert night.status_code == 422, night.text
    assert night.json()["error"]["details"]["field"] == "slots[0].end"
    assert night.json()["error"]["details"]["date"] == "2027-03-28"
    assert await _count(org) == 0


async def test_an_ambiguous_local_time_takes_the_explicit_fold(client):
    org = await signup(client)
    project = await make_project(org, starts_on=None, ends_on=None)
    # 02:30 happens twice on 2027-10-31 in Paris: 00:30 UTC (summer) then 01:30 UTC.
    first = await _bulk(
        org, project["id"], days=["2027-10-31"], slots=[{"start": "02:30", "end": "04:00"}]
    )
    assert first.status_code == 201, first.text
    mission = first.json()["items"][0]
    assert mission["starts_at"] == "2027-10-31T00:30:00Z"
    assert mission["duration_minutes"] == 150
    second = await _bulk(
        org,
        project["id"],
        days=["2027-10-31"],
        slots=[{"start": "02:30", "end": "04:00", "fold": 1}],
    )
    assert second.status_code == 201, second.text
    mission = second.json()["items"][0]
    assert mission["starts_at"] == "2027-10-31T01:30:00Z"
    assert mission["duration_minutes"] == 90
    # fold is 0 or 1; elsewhere than an ambiguous time it changes nothing.
    bad = await _bulk(
        org,
        project["id"],
        days=["2027-10-31"],
        slots=[{"start": "02:30", "end": "04:00", "fold": 2}],
    )
    assert bad.status_code == 400
    assert error_code(bad) == "request.validation"
    assert "fold" in bad.text
    plain = await _bulk(
        org,
        project["id"],
        days=["2027-07-10"],
        slots=[{"start": "02:30", "end": "04:00", "fold": 1}],
    )
    assert plain.json()["items"][0]["starts_at"] == "2027-07-10T00:30:00Z"


async def test_crossing_midnight_is_explicit_with_ends_next_day(client):
    org = await signup(client)
    project = await make_project(org)
    # The typo 13:00 -> 03:00 is refused, not turned into a 14 h mission.
    typo = await _bulk(
        org, project["id"], days=["2027-07-10"], slots=[{"start": "13:00", "end": "03:00"}]
    )
    assert typo.status_code == 422, typo.text
    assert error_code(typo) == "mission.ends_before_start"
    assert typo.json()["error"]["details"] == {
        "field": "slots[0].end",
        "start": "13:00",
        "end": "03:00",
    }
    equal = await _bulk(
        org, project["id"], days=["2027-07-10"], slots=[{"start": "08:00", "end": "08:00"}]
    )
    assert error_code(equal) == "mission.ends_before_start"
    assert await _count(org) == 0

    night = await _bulk(
        org,
        project["id"],
        days=["2027-07-10"],
        slots=[
            {"start": "19:00", "end": "01:00", "ends_next_day": True},
            {"start": "08:00", "end": "08:00", "ends_next_day": True},
        ],
        allow_long=False,
    )
    assert night.status_code == 201, night.text
    day_and_night, show = night.json()["items"]  # by start
    assert (show["starts_at"], show["ends_at"]) == ("2027-07-10T17:00:00Z", "2027-07-10T23:00:00Z")
    assert show["duration_minutes"] == 360
    assert day_and_night["duration_minutes"] == 24 * 60
    # Next day and later than the start: more than 24 h, which needs allow_long.
    long = await _bulk(
        org,
        project["id"],
        days=["2027-07-11"],
        slots=[{"start": "08:00", "end": "10:00", "ends_next_day": True}],
    )
    assert error_code(long) == "mission.too_long"


async def test_duplicate_refuses_a_skipped_local_time_and_takes_fold(client):
    org = await signup(client)
    project = await make_project(org, starts_on=None, ends_on=None)
    source = await make_mission(
        org, project["id"], "2027-03-21T02:30:00+01:00", "2027-03-21T04:00:00+01:00"
    )
    url = f"/api/v1/missions/{source['id']}/duplicate"
    skipped = await org.post(url, json={"days": ["2027-03-27", "2027-03-28"]})
    assert skipped.status_code == 422, skipped.text
    assert error_code(skipped) == "mission.nonexistent_local_time"
    assert skipped.json()["error"]["details"]["field"] == "starts_at"
    assert await _count(org) == 1

    repeated = await org.post(url, json={"days": ["2027-10-31"], "fold": 1})
    assert repeated.status_code == 201, repeated.text
    copy = repeated.json()["items"][0]
    assert copy["starts_at"] == "2027-10-31T01:30:00Z"  # the second 02:30
    assert copy["duration_minutes"] == 90
    default = await org.post(url, json={"days": ["2027-10-31"]})
    assert default.json()["items"][0]["starts_at"] == "2027-10-31T00:30:00Z"


async def test_far_days_are_a_422_not_an_overflow(client):
    org = await signup(client)
    project = await make_project(org, starts_on=None, ends_on=None)
    for body in (
        {
            "days": ["9999-12-31"],
            "slots": [{"start": "19:00", "end": "01:00", "ends_next_day": True}],
        },
        {"days": ["0001-01-01"], "slots": [{"start": "00:05", "end": "01:00"}]},
        {
            "date_from": "9999-12-30",
            "date_to": "9999-12-31",
            "slots": [{"start": "01:00", "end": "02:00", "day_offset": 7}],
        },
    ):
        response = await _bulk(org, project["id"], **body)
        assert response.status_code == 422, response.text
        assert error_code(response) == "mission.invalid_pattern"
    source = await make_mission(org, project["id"])
    far = await org.post(
        f"/api/v1/missions/{source['id']}/duplicate", json={"days": ["9999-12-31"]}
    )
    assert error_code(far) == "mission.invalid_pattern"
    assert far.json()["error"]["details"] == {"field": "days"}
