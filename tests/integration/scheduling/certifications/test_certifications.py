"""Certifications (skills with ``valid_until`` and a reference): validation, search by a
valid skill, the list of those to renew, and the daily digest (idempotent per day)."""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from coulisses.db.connection import fetch
from coulisses.jobs.queue import job_functions
from coulisses.scheduling.certifications import service as certifications
from coulisses.sealing import unseal
from coulisses_sdk import CertificationAlert, expiring_certifications
from tests.helpers import OrgSession, error_code, signup
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

URL = "/api/v1/users/certifications/expiring"
PARIS = ZoneInfo("Europe/Paris")


def _today() -> dt.date:
    return dt.datetime.now(PARIS).date()


def _day(offset: int) -> str:
    return (_today() + dt.timedelta(days=offset)).isoformat()


def _cert(name: str, valid_until: str | None, reference: str | None = None, level: int = 3):
    return {"name": name, "level": level, "valid_until": valid_until, "reference": reference}


async def _users_count(org: OrgSession) -> int:
    return int((await fetch("SELECT count(*) AS n FROM users WHERE org = $1", org.org_id))[0]["n"])


async def test_skills_carry_an_expiry_and_a_reference(client):
    org = await signup(client)
    user = await make_user(
        org,
        skills=[
            {"name": " Cariste ", "level": 4, "valid_until": "2028-03-31", "reference": " R489-7 "},
            {"name": "son", "level": 2},
        ],
    )
    assert user["skills"] == [
        {"name": "cariste", "level": 4, "valid_until": "2028-03-31", "reference": "R489-7"},
        {"name": "son", "level": 2, "valid_until": None, "reference": None},
    ]
    patched = await org.patch(
        f"/api/v1/users/{user['id']}",
        json={"skills": [_cert("cariste", "2030-01-15", ""), _cert("ssiap", None, "SSIAP1-84")]},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["skills"] == [
        {"name": "cariste", "level": 3, "valid_until": "2030-01-15", "reference": None},
        {"name": "ssiap", "level": 3, "valid_until": None, "reference": "SSIAP1-84"},
    ]
    read = await org.get(f"/api/v1/users/{user['id']}")
    assert read.json()["skills"] == patched.json()["skills"]


async def test_bad_certifications_are_422_with_stable_codes_and_write_nothing(client):
    org = await signup(client)
    user = await make_user(org, skills=[_cert("cariste", "2028-03-31", "R489")])
    base = {"first_name": "Ana", "last_name": "B", "employment_type": "CDD"}
    cases = [
        (_cert("cariste", "2027-02-30"), "user.invalid_skill_valid_until", "valid_until"),
        (_cert("cariste", "31/12/2027"), "user.invalid_skill_valid_until", "valid_until"),
        (_cert("cariste", "1899-12-31"), "user.invalid_skill_valid_until", "valid_until"),
        (_cert("cariste", "2027-1-5"), "user.invalid_skill_valid_until", "valid_until"),
        (_cert("cariste", None, "R489\n42"), "user.invalid_skill_reference", "reference"),
        (_cert("cariste", None, "x" * 101), "user.invalid_skill_reference", "reference"),
    ]
    before = await _users_count(org)
    for skill, code, field in cases:
        created = await org.post(
            "/api/v1/users", json={**base, "skills": [_cert("son", None), skill]}
        )
        assert created.status_code == 422, created.text
        assert error_code(created) == code, skill
        assert created.json()["error"]["details"] == {
            "index": 1,
            "skill": "cariste",
            "field": field,
        }
        patched = await org.patch(f"/api/v1/users/{user['id']}", json={"skills": [skill]})
        assert patched.status_code == 422, patched.text
        assert error_code(patched) == code
    twice = await org.post(
        "/api/v1/users",
        json={**base, "skills": [_cert("cariste", "2028-01-01"), _cert("Cariste ", "2029-01-01")]},
    )
    assert twice.status_code == 422
    assert error_code(twice) == "user.duplicate_skill"
    assert twice.json()["error"]["details"] == {"index": 1, "skill": "cariste", "field": "name"}
    # A value of the wrong type is refused at decoding, naming the field.
    typed = await org.post(
        "/api/v1/users", json={**base, "skills": [{"name": "cariste", "valid_until": 20280101}]}
    )
    assert typed.status_code == 400
    assert error_code(typed) == "request.validation"
    assert await _users_count(org) == before
    unchanged = (await org.get(f"/api/v1/users/{user['id']}")).json()
    assert unchanged["skills"] == user["skills"]


async def test_search_by_skill_can_leave_out_expired_certifications(client):
    org = await signup(client)
    valid = await make_user(org, first_name="Valid", skills=[_cert("cariste", "2027-07-20")])
    last_day = await make_user(org, first_name="Lastday", skills=[_cert("cariste", "2027-07-15")])
    await make_user(org, first_name="Expired", skills=[_cert("cariste", "2027-07-14")])
    forever = await make_user(org, first_name="Forever", skills=[_cert("cariste", None)])

    every = (await org.get("/api/v1/users", params={"skill": "cariste"})).json()
    assert every["total"] == 4
    found = await org.get(
        "/api/v1/users", params={"skill": "cariste", "skill_valid_on": "2027-07-15"}
    )
    assert found.status_code == 200, found.text
    assert sorted(u["id"] for u in found.json()["items"]) == sorted(
        [valid["id"], last_day["id"], forever["id"]]
    )
    alone = await org.get("/api/v1/users", params={"skill_valid_on": "2027-07-15"})
    assert alone.status_code == 422
    assert error_code(alone) == "user.skill_valid_on_without_skill"
    assert alone.json()["error"]["details"] == {"field": "skill_valid_on"}
    bad = await org.get("/api/v1/users", params={"skill": "cariste", "skill_valid_on": "demain"})
    assert bad.status_code == 400
    assert "skill_valid_on" in bad.text


async def _crew_to_renew(org: OrgSession) -> dict[str, Any]:
    """Certifications around today: soon, later, expired and still booked, expired and free."""
    project = await make_project(org, starts_on=_day(-1), ends_on=_day(120))
    when = _today() + dt.timedelta(days=20)
    mission = await make_mission(
        org,
        project["id"],
        f"{when}T08:00:00+01:00",
        f"{when}T12:00:00+01:00",
        roles=[
            {"name": "cariste", "quota": 5, "required_skills": ["cariste"]},
            {"name": "son", "quota": 5, "required_skills": ["son"]},
        ],
    )
    cariste, son = (r["id"] for r in mission["roles"])
    ids = {
        "soon": (await make_user(org, last_name="Soon", skills=[_cert("cariste", _day(5), "R1")]))[
            "id"
        ],
        "today": (await make_user(org, last_name="Today", skills=[_cert("ssiap", _day(0))]))["id"],
        "later": (await make_user(org, last_name="Later", skills=[_cert("cariste", _day(40))]))[
            "id"
        ],
        "booked": (
            await make_user(org, last_name="Booked", skills=[_cert("cariste", _day(-3), "R2")])
        )["id"],
        "free": (await make_user(org, last_name="Free", skills=[_cert("cariste", _day(-3))]))["id"],
        "other_role": (
            await make_user(
                org, last_name="Other", skills=[_cert("cariste", _day(-2)), _cert("son", None)]
            )
        )["id"],
        "none": (await make_user(org, last_name="None", skills=[_cert("son", None)]))["id"],
    }
    await invite(org, cariste, ids["soon"])  # after its certificate ends: affected
    await invite(org, cariste, ids["booked"])  # already expired and still booked
    await invite(org, son, ids["other_role"])  # booked, but on a role without cariste
    return {"ids": ids, "mission": mission}


async def test_expiring_list_pages_what_to_renew_soonest_first(client, new_client):
    org = await signup(client)
    crew = await _crew_to_renew(org)
    ids, mission = crew["ids"], crew["mission"]
    other = await signup(new_client(), "Autre org")
    await make_user(other, skills=[_cert("cariste", _day(1))])

    response = await org.get(URL)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["today"], body["within_days"], body["total"]) == (_day(0), 30, 3)
    rows = [(i["user_id"], i["skill"], i["status"], i["days_left"]) for i in body["items"]]
    assert rows == [
        (ids["booked"], "cariste", "expired", -3),
        (ids["today"], "ssiap", "expiring", 0),
        (ids["soon"], "cariste", "expiring", 5),
    ]
    booked, today, soon = body["items"]
    assert (booked["reference"], booked["affected_assignments"]) == ("R2", 1)
    assert booked["next_affected_starts_at"].replace("Z", "+00:00") == (
        dt.datetime.fromisoformat(mission["starts_at"].replace("Z", "+00:00")).isoformat()
    )
    assert (soon["affected_assignments"], soon["last_name"], soon["level"]) == (1, "Soon", 3)
    assert (today["affected_assignments"], today["next_affected_starts_at"]) == (0, None)

    wider = (await org.get(URL, params={"within_days": 60})).json()
    assert [i["user_id"] for i in wider["items"]][-1] == ids["later"]
    page = (await org.get(URL, params={"page_size": 2, "page": 2})).json()
    assert (page["total"], [i["user_id"] for i in page["items"]]) == (3, [ids["soon"]])
    past = await org.get(URL, params={"page_size": 2, "page": 3})
    assert past.status_code == 400
    assert error_code(past) == "pagination.out_of_range"

    for value in (-1, 366):
        bad = await org.get(URL, params={"within_days": value})
        assert bad.status_code == 422, bad.text
        assert error_code(bad) == "certification.invalid_within_days"
        assert bad.json()["error"]["details"]["field"] == "within_days"
    typo = await org.get(URL, params={"within_days": "trente"})
    assert typo.status_code == 400
    assert "within_days" in typo.text

    tech = await member_session(org, new_client, "tech-certs@example.org", "tech")
    assert (await tech.get(URL)).status_code == 403
    # The other org sees only its own.
    assert [i["skill"] for i in (await other.get(URL)).json()["items"]] == ["cariste"]


async def _live_events(kind: str) -> list[dict[str, Any]]:
    """Payloads of the domain events staged for the live stream (the outbox keeps them)."""
    rows = await fetch(
        "SELECT sealed FROM outbox WHERE kind = 'event' AND name = $1 ORDER BY id", kind
    )
    return [unseal(r["sealed"]) for r in rows]


async def test_daily_digest_fires_once_per_org_and_local_day(client, new_client):
    org = await signup(client)
    await _crew_to_renew(org)
    quiet = await signup(new_client(), "Rien a renouveler")
    await make_user(quiet, skills=[_cert("cariste", _day(200))])

    # Noon in Paris today, not the wall clock: an hour later must be the same local day
    # (run between 22:00 and 23:00 UTC, "now + 1 h" was already tomorrow in Paris).
    now = dt.datetime.combine(_today(), dt.time(12, 0), tzinfo=PARIS)
    first = await certifications.run_digest(org.org_id, now=now)
    assert (first.day, first.expiring, first.expired_assigned, first.notified) == (
        _today(),
        2,
        1,
        True,
    )
    again = await certifications.run_digest(org.org_id, now=now + dt.timedelta(hours=1))
    assert (again.notified, again.expiring) == (False, 2)
    nothing = await certifications.run_digest(quiet.org_id, now=now)
    assert (nothing.notified, nothing.expiring, nothing.expired_assigned) == (False, 0, 0)

    rows = await fetch(
        "SELECT org, day, expiring, expired_assigned, notified_at FROM certification_digests"
        " ORDER BY org"
    )
    assert [(r["org"], r["day"], r["expiring"], r["notified_at"] is not None) for r in rows] == [
        (org.org_id, _today(), 2, True),
        (quiet.org_id, _today(), 0, False),
    ]
    [event] = await _live_events("CertificationsExpiring")
    assert {k: event[k] for k in ("org_id", "day", "within_days", "expiring")} == {
        "org_id": org.org_id,
        "day": _day(0),
        "within_days": 30,
        "expiring": 2,
    }
    assert event["expired_assigned"] == 1
    # The event names nobody (it reaches every member's live stream).
    assert "Soon" not in str(event)
    assert "R2" not in str(event)

    # The next local day is a new digest.
    tomorrow = await certifications.run_digest(org.org_id, now=now + dt.timedelta(days=1))
    assert tomorrow.notified is True
    assert tomorrow.day == _today() + dt.timedelta(days=1)


async def test_cron_runs_each_org_once_its_local_morning_has_come(client, new_client):
    paris = await signup(client)
    await make_user(paris, skills=[_cert("cariste", _day(3))])
    montreal = await signup(new_client(), "Tournee Montreal")
    await fetch("UPDATE orgs SET timezone = 'America/Montreal' WHERE id = $1", montreal.org_id)
    await make_user(montreal, skills=[_cert("cariste", _day(3))])

    # 06:30 UTC: 07:30 (winter) or 08:30 (summer) in Paris, 01:30 or 02:30 in Montreal.
    morning = dt.datetime.combine(_today(), dt.time(6, 30), tzinfo=dt.UTC)
    done = await certifications.run_due_digests(morning)
    assert [(d.org_id, d.notified) for d in done] == [(paris.org_id, True)]
    later = await certifications.run_due_digests(morning + dt.timedelta(hours=6))
    assert sorted((d.org_id, d.notified) for d in later) == sorted(
        [(paris.org_id, False), (montreal.org_id, True)]
    )
    # The worker declares the cron (hourly).
    _, crons = job_functions()
    assert any(
        inspect.unwrap(c.function) is certifications.digest_cron and c.cron == "5 * * * *"
        for c in crons
    )


async def test_plugins_read_the_same_list_through_the_sdk_host(client):
    org = await signup(client)
    crew = await _crew_to_renew(org)
    alerts = await expiring_certifications(org.org_id, within_days=30)
    assert [(a.user_id, a.status, a.days_left) for a in alerts] == [
        (crew["ids"]["booked"], "expired", -3),
        (crew["ids"]["today"], "expiring", 0),
        (crew["ids"]["soon"], "expiring", 5),
    ]
    booked = alerts[0]
    assert isinstance(booked, CertificationAlert)
    assert (booked.user_name, booked.skill, booked.reference) == ("Jean Booked", "cariste", "R2")
    assert booked.affected_assignments == 1
    assert booked.next_affected_starts_at is not None
    assert len(await expiring_certifications(org.org_id, within_days=30, limit=1)) == 1
    with pytest.raises(ValueError, match="within_days"):
        await expiring_certifications(org.org_id, within_days=400)


async def test_openapi_documents_certifications(app):
    spec = app.openapi_schema.to_schema()
    skill = spec["components"]["schemas"]["SkillIn"]["properties"]
    assert skill["valid_until"]["format"] == "date"
    assert skill["reference"]["maxLength"] == 100
    assert "certification" in skill["valid_until"]["description"]
    operation = spec["paths"][URL]["get"]
    assert operation["operationId"] == "ListExpiringCertifications"
    within = next(p for p in operation["parameters"] if p["name"] == "within_days")
    assert (within["schema"]["minimum"], within["schema"]["maximum"]) == (0, 365)
    assert "skill_expired" in str(spec["components"]["schemas"]["ConflictOut"])
