"""GET /api/v1/dashboard: what needs a manager, what waits for a tech, org by org."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import msgspec

from coulisses.scheduling.dashboard.schemas import Dashboard
from tests.conftest import run_jobs
from tests.helpers import OrgSession, signup, tech_session
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

PARIS = ZoneInfo("Europe/Paris")


def _at(hours: float) -> str:
    """An instant ``hours`` from now, ISO with its offset (whole minutes)."""
    moment = dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)
    return moment.replace(second=0, microsecond=0).isoformat()


async def _dashboard(org: OrgSession) -> dict[str, Any]:
    response = await org.get("/api/v1/dashboard")
    assert response.status_code == 200, response.text
    msgspec.json.decode(response.content, type=Dashboard)  # the documented schema, exactly
    return dict(response.json())


async def _answer(org: OrgSession, assignment_id: int, verb: str, **body: Any) -> None:
    response = await org.post(f"/api/v1/assignments/{assignment_id}/{verb}", json=body)
    assert response.status_code == 200, response.text


async def _answer_as(
    org: OrgSession, user: dict[str, Any], assignment: dict[str, Any], verb: str, **body: Any
) -> None:
    """Answer in the app for ``user``: link them to the owner's account for the answer
    (one's own assignments only are answered in the app), then unlink them."""
    for account in (org.account_id, None):
        linked = await org.patch(f"/api/v1/users/{user['id']}", json={"account_id": account})
        assert linked.status_code == 200, linked.text
        if account is not None:
            await _answer(org, assignment["id"], verb, **body)


async def _week(org: OrgSession) -> dict[str, Any]:
    """Missions around now: tomorrow (2 places, 1 accepted, 1 invited), in 3 days (full),
    in 10 days (open but too far), and one of an archived project; a decline and an
    undelivered link."""
    project = await make_project(org, starts_on=None, ends_on=None)
    old = await make_project(org, name="Ancien", starts_on=None, ends_on=None)
    lea = await make_user(org, first_name="Lea", last_name="Roux", email="lea@example.org")
    tom = await make_user(org, first_name="Tom", last_name="Bernard", email="tom@example.org")
    ines = await make_user(org, first_name="Ines", last_name="Faure")  # no address
    tomorrow = await make_mission(org, project["id"], _at(24), _at(30), title="Montage Cour")
    full = await make_mission(
        org,
        project["id"],
        _at(72),
        _at(76),
        title="Exploitation Cloitre",
        roles=[{"name": "son", "quota": 1}],
    )
    far = await make_mission(org, project["id"], _at(240), _at(244), title="Demontage")
    archived = await make_mission(org, old["id"], _at(48), _at(50), title="Archive")
    accepted = await invite(org, tomorrow["roles"][0]["id"], lea["id"])
    await _answer_as(org, lea, accepted, "accept")
    waiting = await invite(org, tomorrow["roles"][0]["id"], tom["id"])
    filled = await invite(org, full["roles"][0]["id"], tom["id"])
    await _answer_as(org, tom, filled, "accept")
    declined = await invite(org, far["roles"][0]["id"], lea["id"])
    await _answer_as(org, lea, declined, "decline", reason="deja pris")
    undelivered = await invite(org, far["roles"][0]["id"], ines["id"])
    archive = await org.post(f"/api/v1/projects/{old['id']}/archive")
    assert archive.status_code == 200, archive.text
    await run_jobs()
    return {
        "tomorrow": tomorrow,
        "full": full,
        "far": far,
        "archived": archived,
        "accepted": accepted,
        "waiting": waiting,
        "filled": filled,
        "declined": declined,
        "undelivered": undelivered,
        "lea": lea,
        "tom": tom,
    }


async def test_a_manager_sees_what_needs_them(client):
    org = await signup(client)
    w = await _week(org)
    body = await _dashboard(org)
    assert body["timezone"] == "Europe/Paris"
    assert body["today"] == dt.datetime.now(PARIS).date().isoformat()
    manager = body["manager"]

    missing = manager["missing_people"]
    assert missing["total"] == 1
    [mission] = missing["items"]
    assert mission["id"] == w["tomorrow"]["id"]
    assert (mission["quota"], mission["accepted"], mission["pending"], mission["open"]) == (
        2,
        1,
        1,
        1,
    )
    assert mission["project"] == "Festival 2027"

    pending = manager["pending_invitations"]
    # oldest first: Tom on tomorrow's mission, then Ines (invited later)
    assert [a["id"] for a in pending["items"]] == [w["waiting"]["id"], w["undelivered"]["id"]]
    assert pending["total"] == 2
    assert pending["items"][0]["user"] == "Tom Bernard"
    assert pending["items"][0]["role"] == "technicien son"

    [decline] = manager["recent_declines"]["items"]
    assert decline["id"] == w["declined"]["id"]
    assert decline["decline_reason"] == "deja pris"
    assert decline["answered_at"] is not None

    [failed] = manager["failed_deliveries"]["items"]
    assert failed["assignment"]["id"] == w["undelivered"]["id"]
    assert failed["status"] == "no_channel"
    assert failed["invitation_id"] == w["undelivered"]["invitation"]["id"]

    today = dt.date.fromisoformat(body["today"])
    assert manager["conflicts"]["from"] == today.isoformat()
    assert manager["conflicts"]["to"] == (today + dt.timedelta(days=30)).isoformat()
    assert (
        manager["this_week"]["starts_on"]
        == (today - dt.timedelta(days=today.weekday())).isoformat()
    )
    assert manager["last_week"]["planned_minutes"] == 0


async def test_week_hours_count_planned_and_accepted_minutes_inside_the_week(client):
    org = await signup(client)
    project = await make_project(org, starts_on=None, ends_on=None)
    lea = await make_user(org, first_name="Lea")
    tom = await make_user(org, first_name="Tom")
    today = dt.datetime.now(PARIS).date()
    monday = today - dt.timedelta(days=today.weekday())
    # Sunday 22:00 of last week to Monday 02:00: 2 hours on each side of the week's edge.
    edge_start = dt.datetime.combine(monday - dt.timedelta(days=1), dt.time(22), PARIS)
    edge = await make_mission(
        org, project["id"], edge_start.isoformat(), (edge_start + dt.timedelta(hours=4)).isoformat()
    )
    wednesday = dt.datetime.combine(monday + dt.timedelta(days=2), dt.time(9), PARIS)
    mid = await make_mission(
        org, project["id"], wednesday.isoformat(), (wednesday + dt.timedelta(hours=3)).isoformat()
    )
    a = await invite(org, edge["roles"][0]["id"], lea["id"])
    await _answer_as(org, lea, a, "accept")
    await invite(org, mid["roles"][0]["id"], tom["id"])
    cancelled = await invite(org, mid["roles"][0]["id"], lea["id"])
    response = await org.post(f"/api/v1/assignments/{cancelled['id']}/cancel")
    assert response.status_code == 200, response.text

    manager = (await _dashboard(org))["manager"]
    assert manager["this_week"] == {
        "starts_on": monday.isoformat(),
        "planned_minutes": 2 * 60 + 3 * 60,
        "accepted_minutes": 2 * 60,
    }
    assert manager["last_week"] == {
        "starts_on": (monday - dt.timedelta(days=7)).isoformat(),
        "planned_minutes": 2 * 60,
        "accepted_minutes": 2 * 60,
    }


async def test_the_conflict_count_is_the_conflicts_pages_total(client):
    org = await signup(client)
    project = await make_project(org, starts_on=None, ends_on=None)
    lea = await make_user(org, first_name="Lea")
    one = await make_mission(org, project["id"], _at(26), _at(30), title="Un")
    two = await make_mission(org, project["id"], _at(27), _at(31), title="Deux")
    await invite(org, one["roles"][0]["id"], lea["id"])
    await invite(org, two["roles"][0]["id"], lea["id"])
    conflicts = (await _dashboard(org))["manager"]["conflicts"]
    report = await org.get(
        "/api/v1/conflicts", params={"from": conflicts["from"], "to": conflicts["to"]}
    )
    assert report.status_code == 200, report.text
    assert report.json()["total"] >= 1
    assert conflicts["total"] == report.json()["total"]


async def test_a_tech_sees_their_own_missions_and_answers_only(client, new_client):
    org = await signup(client)
    w = await _week(org)
    tech = await tech_session(org, new_client, "tech-dashboard@example.org")
    linked = await org.patch(
        f"/api/v1/users/{w['tom']['id']}", json={"account_id": tech.account_id}
    )
    assert linked.status_code == 200, linked.text
    body = await _dashboard(tech)
    assert body["manager"] is None
    mine = body["mine"]
    assert [a["id"] for a in mine["next_missions"]["items"]] == [w["filled"]["id"]]
    assert [a["id"] for a in mine["pending_answers"]["items"]] == [w["waiting"]["id"]]
    assert mine["pending_answers"]["total"] == 1

    # Answered from the dashboard, the invitation leaves the pending answers.
    await _answer(tech, w["waiting"]["id"], "accept")
    mine = (await _dashboard(tech))["mine"]
    assert mine["pending_answers"] == {"total": 0, "items": []}
    assert [a["id"] for a in mine["next_missions"]["items"]] == [
        w["waiting"]["id"],
        w["filled"]["id"],
    ]


async def test_a_dashboard_never_shows_another_orgs_data(client, new_client):
    a = await signup(client)
    await _week(a)
    b = await signup(new_client())
    body = await _dashboard(b)
    manager = body["manager"]
    for key in ("missing_people", "pending_invitations", "recent_declines", "failed_deliveries"):
        assert manager[key] == {"total": 0, "items": []}, key
    assert manager["this_week"]["planned_minutes"] == 0
    assert manager["conflicts"]["total"] == 0
    assert body["mine"]["next_missions"]["total"] == 0


async def test_the_dashboard_needs_a_session(new_client):
    response = await new_client().get("/api/v1/dashboard")
    assert response.status_code == 401
