"""Conflict ``skill_expired``: a required skill whose certification ends before the local day
of the mission's last instant; suggestions leave such people out."""

from __future__ import annotations

from typing import Any

from tests.helpers import OrgSession, signup
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

URL = "/api/v1/conflicts"
JULY = {"from": "2027-07-01", "to": "2027-07-31"}


async def _role(
    org: OrgSession, project_id: int, start: str, end: str, skills: list[str], quota: int = 3
) -> int:
    mission = await make_mission(
        org,
        project_id,
        f"2027-07-{start}:00+02:00",
        f"2027-07-{end}:00+02:00",
        roles=[{"name": "cariste", "quota": quota, "required_skills": skills}],
    )
    return int(mission["roles"][0]["id"])


async def _user(org: OrgSession, name: str, valid_until: str | None, level: int = 3) -> int:
    skills = [{"name": "cariste", "level": level, "valid_until": valid_until, "reference": "R489"}]
    return int((await make_user(org, first_name=name, skills=skills))["id"])


async def _kind(org: OrgSession, kind: str) -> list[dict[str, Any]]:
    response = await org.get(URL, params=JULY)
    assert response.status_code == 200, response.text
    return [c for c in response.json()["items"] if c["kind"] == kind]


async def test_expiry_is_compared_with_the_local_day_of_the_missions_last_instant(client):
    org = await signup(client)
    project = await make_project(org)
    pid = project["id"]
    user = await _user(org, "Eric", "2027-07-14")
    # Covered: a mission on the last valid day, and a show ending at midnight exactly (its
    # last instant is on the 14th).
    await invite(org, await _role(org, pid, "14T08:00", "14T12:00", ["cariste"]), user)
    await invite(org, await _role(org, pid, "14T20:00", "15T00:00", ["cariste"]), user)
    # Not covered: ends at 01:30 local on the 15th (23:30 UTC on the 14th: the local day
    # counts), and a mission on the 16th.
    night = await invite(org, await _role(org, pid, "14T23:00", "15T01:30", ["cariste"]), user)
    later = await invite(org, await _role(org, pid, "16T08:00", "16T12:00", ["cariste"]), user)
    # A role that does not require the certification is not concerned.
    await invite(org, await _role(org, pid, "20T08:00", "20T12:00", []), user)

    found = await _kind(org, "skill_expired")
    assert [c["assignments"][0]["id"] for c in found] == [night["id"], later["id"]]
    first = found[0]
    assert first["expired_skills"] == [{"name": "cariste", "valid_until": "2027-07-14"}]
    assert first["missing_skills"] == []
    assert first["target_assignment_id"] == night["id"]
    assert "valid until 2027-07-14" in first["message"]
    assert first["user"]["id"] == user
    report = (await org.get(URL, params=JULY)).json()
    assert report["counts"]["skill_expired"] == 2
    assert report["counts"]["missing_skill"] == 0


async def test_no_conflict_while_the_certification_is_valid_or_has_no_expiry(client):
    org = await signup(client)
    project = await make_project(org)
    role = await _role(org, project["id"], "20T08:00", "20T12:00", ["cariste"])
    await invite(org, role, await _user(org, "Valid", "2027-07-20"))
    await invite(org, role, await _user(org, "Forever", None))
    assert await _kind(org, "skill_expired") == []


async def test_invite_warns_about_an_expired_certification(client):
    org = await signup(client)
    project = await make_project(org)
    role = await _role(org, project["id"], "20T08:00", "20T12:00", ["cariste"])
    user = await _user(org, "Eric", "2027-07-01")
    response = await org.post(
        "/api/v1/assignments", json={"mission_role_id": role, "user_id": user}
    )
    assert response.status_code == 201, response.text
    [warning] = response.json()["warnings"]
    assert warning["kind"] == "skill_expired"
    assert warning["expired_skills"] == [{"name": "cariste", "valid_until": "2027-07-01"}]


async def test_suggestions_leave_out_people_whose_certification_expires_before_the_mission(client):
    org = await signup(client)
    project = await make_project(org)
    pid = project["id"]
    x = await _user(org, "X", None)
    await invite(org, await _role(org, pid, "15T18:00", "15T22:00", []), x)
    target = await invite(org, await _role(org, pid, "15T19:00", "15T23:00", ["cariste"]), x)
    # The best level, but the certificate ends on the 14th: left out.
    expired = await _user(org, "Expired", "2027-07-14", level=5)
    last_day = await _user(org, "Lastday", "2027-07-15", level=4)
    forever = await _user(org, "Forever", None, level=2)

    [overlap] = await _kind(org, "overlap")
    assert overlap["target_assignment_id"] == target["id"]
    suggested = [s["user_id"] for s in overlap["suggestions"]]
    assert suggested == [last_day, forever]
    assert expired not in suggested
