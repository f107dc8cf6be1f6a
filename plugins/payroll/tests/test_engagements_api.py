"""CDDU engagements and DPAE reminders over the real app.

July 2027, Europe/Paris (UTC+2). Lea (intermittent) on project P: Monday 5 July 14:00-18:00,
Tuesday 6 July 20:00 -> Wednesday 7 July 02:00, Thursday 8 July 10:00-12:00 (one day after
the 7th: the same engagement with the default gap of 1 day), Sunday 11 July 10:00-12:00
(three days later: a new engagement); on project Q: 6 July 09:00-11:00 (another project,
another engagement); INVITED on P on 9 July (not counted). Max (CDI) works on P on the 5th
(no CDDU, not listed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from coulisses_sdk.testing import Factories, OrgClient

URL = "/api/v1/payroll/engagements"
DPAE = "/api/v1/payroll/dpae"
JULY = {"from": "2027-07-01", "to": "2027-07-31"}
PARIS = ZoneInfo("Europe/Paris")


def code(response: Any) -> str:
    return str(response.json()["error"]["code"])


async def work(
    factories: Factories,
    project: int,
    user: int,
    start: dt.datetime | str,
    hours: float,
    *,
    accept: bool = True,
) -> int:
    starts = (
        dt.datetime.fromisoformat(start).replace(tzinfo=PARIS) if isinstance(start, str) else start
    )
    mission = await factories.mission(project, starts_at=starts, hours=hours)
    made = await factories.assignment(mission["roles"][0]["id"], user, accept=accept)
    return int(made["id"])


@dataclass
class July:
    lea: dict[str, Any]
    p: dict[str, Any]
    q: dict[str, Any]
    first: list[int]


@pytest.fixture
async def july(org: OrgClient, factories: Factories) -> July:
    await org.enable("payroll")
    p = await factories.project(name="Festival")
    q = await factories.project(name="Tournee")
    lea = await factories.user(first_name="Lea", last_name="Martin")
    cdi = await factories.user(first_name="Max", last_name="Durand", employment_type="CDI")
    first = [
        await work(factories, p["id"], lea["id"], "2027-07-05T14:00", 4),
        await work(factories, p["id"], lea["id"], "2027-07-06T20:00", 6),
        await work(factories, p["id"], lea["id"], "2027-07-08T10:00", 2),
    ]
    await work(factories, p["id"], lea["id"], "2027-07-11T10:00", 2)
    await work(factories, q["id"], lea["id"], "2027-07-06T09:00", 2)
    await work(factories, p["id"], lea["id"], "2027-07-09T10:00", 2, accept=False)
    await work(factories, p["id"], cdi["id"], "2027-07-05T14:00", 4)
    return July(lea, p, q, first)


def summary(page: dict[str, Any]) -> list[tuple[str, str, str, str, int]]:
    return [
        (e["project_name"], e["first_day"], e["last_day"], e["dpae"]["status"], e["missions"])
        for e in page["items"]
    ]


async def test_consecutive_missions_of_a_project_form_one_engagement(org, july):
    response = await org.get(URL, params=JULY)

    assert response.status_code == 200, response.text
    page = response.json()
    assert (page["from_day"], page["to_day"]) == ("2027-07-01", "2027-07-31")
    assert summary(page) == [
        ("Festival", "2027-07-05", "2027-07-08", "not_yet_open", 3),
        ("Tournee", "2027-07-06", "2027-07-06", "not_yet_open", 1),
        ("Festival", "2027-07-11", "2027-07-11", "not_yet_open", 1),
    ]
    first = page["items"][0]
    assert first["name"] == "Lea Martin"
    assert first["assignment_ids"] == july.first
    assert first["planned_minutes"] == (4 + 6 + 2) * 60
    assert dt.datetime.fromisoformat(first["first_start"]) == dt.datetime(
        2027, 7, 5, 14, tzinfo=PARIS
    )
    assert dt.datetime.fromisoformat(first["last_end"]) == dt.datetime(2027, 7, 8, 12, tzinfo=PARIS)
    # The DPAE window: from 8 days before the first start to the first start.
    assert dt.datetime.fromisoformat(first["dpae"]["opens_at"]) == dt.datetime(
        2027, 6, 27, 14, tzinfo=PARIS
    )
    assert first["dpae"]["due_at"] == first["first_start"]

    by_project = (await org.get(URL, params={**JULY, "project": july.q["id"]})).json()
    assert summary(by_project) == [("Tournee", "2027-07-06", "2027-07-06", "not_yet_open", 1)]
    # An engagement running into the window is found from its first day.
    later = (await org.get(URL, params={"from": "2027-07-07", "to": "2027-07-07"})).json()
    assert summary(later) == [("Festival", "2027-07-05", "2027-07-08", "not_yet_open", 3)]


async def test_the_gap_between_missions_is_the_orgs_setting(org, july):
    changed = await org.patch(
        "/api/v1/orgs/current/plugins/payroll", json={"config": {"engagement_gap_days": 0}}
    )
    assert changed.status_code == 200, changed.text

    page = (await org.get(URL, params={**JULY, "project": july.p["id"]})).json()

    assert [(e["first_day"], e["last_day"]) for e in page["items"]] == [
        ("2027-07-05", "2027-07-05"),
        ("2027-07-06", "2027-07-07"),
        ("2027-07-08", "2027-07-08"),
        ("2027-07-11", "2027-07-11"),
    ]


async def test_reminders_follow_the_clock(org, factories):
    await org.enable("payroll")
    project = (await factories.project(name="Saison"))["id"]
    nina = await factories.user(first_name="Nina", last_name="Roux")
    today = dt.datetime.now(PARIS).date()

    def at(days: int) -> dt.datetime:
        return dt.datetime.combine(today + dt.timedelta(days=days), dt.time(10), PARIS)

    await work(factories, project, nina["id"], at(-1), 2)  # started: overdue
    await work(factories, project, nina["id"], at(3), 2)  # opened 5 days ago: to declare
    await work(factories, project, nina["id"], at(20), 2)  # opens in 12 days

    page = (await org.get(URL)).json()
    assert [e["dpae"]["status"] for e in page["items"]] == ["overdue", "to_declare", "not_yet_open"]
    overdue = (await org.get(URL, params={"dpae": "overdue"})).json()
    assert [e["first_day"] for e in overdue["items"]] == [
        (today - dt.timedelta(days=1)).isoformat()
    ]

    # The window is a dated rule parameter: 2 days leaves the second one not open yet.
    added = await org.post(
        "/api/v1/payroll/rules/",
        json={
            "employment_type": "intermittent_a8",
            "effective_from": (today - dt.timedelta(days=30)).isoformat(),
            "params": {"dpae_window_days": {"value": 2, "source": "test"}},
        },
    )
    assert added.status_code == 201, added.text
    page = (await org.get(URL)).json()
    assert [e["dpae"]["status"] for e in page["items"]] == [
        "overdue",
        "not_yet_open",
        "not_yet_open",
    ]


async def test_recording_and_removing_a_dpae(org, july):
    body = {
        "user": july.lea["id"],
        "project": july.p["id"],
        "first_day": "2027-07-05",
        "reference": " DPAE-2027-0042 ",
        "declared_on": "2027-06-30",
    }
    declared = await org.post(DPAE, json=body)

    assert declared.status_code == 201, declared.text
    dpae = declared.json()["dpae"]
    assert (dpae["status"], dpae["reference"], dpae["declared_on"]) == (
        "declared",
        "DPAE-2027-0042",
        "2027-06-30",
    )
    page = (await org.get(URL, params=JULY)).json()
    assert [e["dpae"]["status"] for e in page["items"]] == [
        "declared",
        "not_yet_open",
        "not_yet_open",
    ]
    declared_only = (await org.get(URL, params={**JULY, "dpae": "declared"})).json()
    assert [e["first_day"] for e in declared_only["items"]] == ["2027-07-05"]

    again = await org.post(DPAE, json=body)
    assert (again.status_code, code(again)) == (409, "payroll.dpae_already_declared")
    # Not the first day of an engagement (the 6th is inside it on P).
    inside = await org.post(DPAE, json={**body, "first_day": "2027-07-06"})
    assert (inside.status_code, code(inside)) == (422, "payroll.no_engagement")
    missing = await org.post(DPAE, json={**body, "project": 999999})
    assert (missing.status_code, code(missing)) == (404, "payroll.project_not_found")

    removed = await org.delete(f"{DPAE}/{dpae['id']}")
    assert removed.status_code == 204, removed.text
    page = (await org.get(URL, params=JULY)).json()
    assert page["items"][0]["dpae"]["status"] == "not_yet_open"
    gone = await org.delete(f"{DPAE}/{dpae['id']}")
    assert (gone.status_code, code(gone)) == (404, "payroll.dpae_not_found")

    audit = await org.get("/api/v1/audit", params={"action": "payroll."})
    actions = [e["action"] for e in audit.json()["items"]]
    assert actions[:2] == ["payroll.dpae_removed", "payroll.dpae_declared"]


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2027-07-31", "to": "2027-07-01"},
        {"from": "2027-01-01", "to": "2028-01-02"},
        {"from": "0510-12-02", "to": "0511-01-01"},
        {"from": "2100-12-01", "to": "2101-01-02"},
    ],
)
async def test_a_bad_window_is_a_400(org, july, params):
    response = await org.get(URL, params=params)
    assert response.status_code == 400, response.text
    assert code(response) in {"payroll.invalid_window", "payroll.date_out_of_range"}


async def test_engagements_before_the_first_rules_are_a_422(org, factories):
    await org.enable("payroll")
    lea = await factories.user(first_name="Lea", last_name="Martin")
    project = (await factories.project())["id"]
    await work(factories, project, lea["id"], "2010-07-05T14:00", 4)

    response = await org.get(URL, params={"from": "2010-07-01", "to": "2010-07-31"})

    assert (response.status_code, code(response)) == (422, "payroll.no_rule_set")


async def test_techs_and_other_orgs_see_nothing(org, make_org, july):
    tech = await make_org()
    await org.invite(tech.email, role="tech")
    assert (await tech.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})).is_success
    assert (await tech.get(URL, params=JULY)).status_code == 403

    declared = await org.post(
        DPAE, json={"user": july.lea["id"], "project": july.p["id"], "first_day": "2027-07-05"}
    )
    assert declared.status_code == 201, declared.text
    other = await make_org()
    await other.enable("payroll")
    assert (await other.get(URL, params=JULY)).json()["items"] == []
    stolen = await other.delete(f"{DPAE}/{declared.json()['dpae']['id']}")
    assert stolen.status_code == 404
    foreign = await other.post(
        DPAE, json={"user": july.lea["id"], "project": july.p["id"], "first_day": "2027-07-05"}
    )
    assert (foreign.status_code, code(foreign)) == (404, "payroll.user_not_found")
