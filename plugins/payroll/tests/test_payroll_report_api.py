"""The monthly report on a small July 2027 computed by hand, its roles and its tenancy.

The org (Europe/Paris, CEST = UTC+2 in July) uses the prestataires 2717 rules: night
00:00-06:00 +25 %, premiums stack; a version from 2027-07-01 adds +50 % on Sundays.
Lea (intermittent) has an hourly rate of 20.00 EUR (the role's rate):

- M1, ACCEPTED: Saturday 10 July 21:00 -> Sunday 11 July 02:00, 300 minutes.
  base 300 min x 20.00 = 100.00; night 00:00-02:00 = 120 min x 20.00 x 25 % = 10.00;
  Sunday 00:00-02:00 = 120 min x 20.00 x 50 % = 20.00.
- M2, ACCEPTED: Saturday 31 July 22:00 -> Sunday 1 August 03:00: only 22:00-24:00 is July,
  120 minutes: base 120 min x 20.00 = 40.00 (the night and Sunday minutes are August's).
- M3, INVITED: Tuesday 20 July 10:00 -> 14:00, 240 minutes: planned, not confirmed, not paid.

July: planned 300 + 120 + 240 = 660 min; confirmed 420 min; base 140.00, night 10.00,
Sunday 20.00, gross 170.00. August: planned = confirmed = 180 min; base 180 min x 20.00 =
60.00, night 00:00-03:00 = 180 min x 20.00 x 25 % = 15.00, Sunday 180 min x 50 % = 30.00.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from coulisses_sdk.testing import Factories, OrgClient

REPORT = "/api/v1/payroll/reports/monthly"
PARIS = dt.timezone(dt.timedelta(hours=2))


@dataclass
class July:
    lea: dict[str, Any]
    other: dict[str, Any]
    project: dict[str, Any]
    m2_assignment: int


async def mission(factories: Factories, project_id: int, start: str, hours: float) -> Any:
    starts = dt.datetime.fromisoformat(start).replace(tzinfo=PARIS)
    return await factories.mission(project_id, starts_at=starts, hours=hours)


@pytest.fixture
async def july(org: OrgClient, factories: Factories) -> July:
    await org.enable("payroll", config={"profile": "prestataires_2717"})
    sunday = await org.post(
        "/api/v1/payroll/rules/",
        json={
            "employment_type": "intermittent_a8",
            "effective_from": "2027-07-01",
            "params": {"sunday_premium_pct": {"value": 50, "source": "accord"}},
        },
    )
    assert sunday.status_code == 201, sunday.text
    await factories.rate()
    lea = await factories.user(first_name="Lea", last_name="Martin")
    other = await factories.user(first_name="Zoe", last_name="Bernard")
    project = await factories.project()
    m1 = await mission(factories, project["id"], "2027-07-10T21:00", 5)
    m2 = await mission(factories, project["id"], "2027-07-31T22:00", 5)
    m3 = await mission(factories, project["id"], "2027-07-20T10:00", 4)
    await factories.assignment(m1["roles"][0]["id"], lea["id"], accept=True)
    second = await factories.assignment(m2["roles"][0]["id"], lea["id"], accept=True)
    await factories.assignment(m3["roles"][0]["id"], lea["id"])
    # Zoe works on another project, so the project filter leaves her out.
    elsewhere = await mission(factories, (await factories.project())["id"], "2027-07-05T14:00", 2)
    await factories.assignment(elsewhere["roles"][0]["id"], other["id"], accept=True)
    return July(lea=lea, other=other, project=project, m2_assignment=second["id"])


def row_of(report: dict[str, Any], user_id: int) -> dict[str, Any]:
    (row,) = [r for r in report["items"] if r["user_id"] == user_id]
    return row


async def test_july_numbers_match_the_hand_computation(org, july):
    response = await org.get(REPORT, params={"month": "2027-07"})

    assert response.status_code == 200, response.text
    report = response.json()
    assert report["month"] == "2027-07"
    assert report["timezone"] == "Europe/Paris"
    assert report["total"] == 2
    lea = row_of(report, july.lea["id"])
    assert lea == {
        "user_id": july.lea["id"],
        "name": "Lea Martin",
        "employment_type": "Intermittent",
        "currency": "EUR",
        "planned_minutes": 660,
        "confirmed_minutes": 420,
        "actual_minutes": 0,
        "missing_rate": 0,
        "base_cents": 14000,
        "night_cents": 1000,
        "sunday_cents": 2000,
        "holiday_cents": 0,
        "may_1_cents": 0,
        "minimum_call_cents": 0,
        "meal_cents": 0,
        "overtime_cents": 0,
        "gross_cents": 17000,
    }
    # Zoe: 14:00-16:00 on a Monday, 120 minutes x 20.00.
    zoe = row_of(report, july.other["id"])
    assert (zoe["confirmed_minutes"], zoe["gross_cents"]) == (120, 4000)
    (total,) = report["totals"]
    assert total["currency"] == "EUR"
    assert total["planned_minutes"] == 780
    assert total["gross_cents"] == 21000


async def test_an_assignment_across_the_month_end_is_split_at_midnight(org, july):
    august = (await org.get(REPORT, params={"month": "2027-08"})).json()

    lea = row_of(august, july.lea["id"])
    assert (lea["planned_minutes"], lea["confirmed_minutes"]) == (180, 180)
    assert (lea["base_cents"], lea["night_cents"], lea["sunday_cents"]) == (6000, 1500, 3000)
    assert [r["user_id"] for r in august["items"]] == [july.lea["id"]]


async def test_the_drill_down_explains_every_line(org, july):
    response = await org.get(f"{REPORT}/{july.lea['id']}", params={"month": "2027-07"})

    assert response.status_code == 200, response.text
    person = response.json()
    assert person["totals"] == {"EUR": 17000}
    assert [(line["kind"], line["minutes"], line["amount_cents"]) for line in person["lines"]] == [
        ("base", 300, 10000),
        ("night", 120, 1000),
        ("sunday", 120, 2000),
        ("base", 120, 4000),
    ]
    night = person["lines"][1]
    assert night["premium_pct"] == "25"
    assert night["explanation"]["formula"] == (
        "minutes / 60 x rate_cents_per_hour x premium_pct / 100"
    )
    assert night["explanation"]["periods"][0]["local_start"] == "2027-07-11T00:00:00+02:00"
    assert person["lines"][2]["rule_set"]["effective_from"] == "2027-07-01"
    assert person["lines"][3]["assignment_id"] == july.m2_assignment


async def test_filters_sorting_and_pages(org, july):
    by_project = (
        await org.get(REPORT, params={"month": "2027-07", "project": july.project["id"]})
    ).json()
    by_user = (await org.get(REPORT, params={"month": "2027-07", "user": july.other["id"]})).json()
    by_gross = (await org.get(REPORT, params={"month": "2027-07", "sort": "-gross_cents"})).json()
    second_page = (
        await org.get(REPORT, params={"month": "2027-07", "page_size": 1, "page": 2})
    ).json()

    assert [r["user_id"] for r in by_project["items"]] == [july.lea["id"]]
    assert by_project["totals"][0]["gross_cents"] == 17000
    assert [r["user_id"] for r in by_user["items"]] == [july.other["id"]]
    assert [r["gross_cents"] for r in by_gross["items"]] == [17000, 4000]
    # Sorted by name: Lea Martin, then Zoe Bernard; the totals cover every page.
    assert [r["user_id"] for r in second_page["items"]] == [july.other["id"]]
    assert second_page["total"] == 2
    assert second_page["totals"][0]["gross_cents"] == 21000


@pytest.mark.parametrize("month", ["2027-13", "2027-7", "juillet", "1999-12"])
async def test_a_bad_month_is_a_400(org, month):
    await org.enable("payroll")

    response = await org.get(REPORT, params={"month": month})

    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "payroll.invalid_month"


async def test_a_tech_sees_only_their_own_line(org, make_org, factories, july):
    tech = await make_org()
    member = await org.invite(tech.email, role="tech")
    own = await factories.user(first_name="Tom", last_name="Tech", account_id=member["account_id"])
    work = await mission(factories, july.project["id"], "2027-07-06T10:00", 2)
    await factories.assignment(work["roles"][0]["id"], own["id"], accept=True)
    switched = await tech.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})
    assert switched.status_code == 200, switched.text

    mine = await tech.get(REPORT, params={"month": "2027-07"})
    asked = await tech.get(REPORT, params={"month": "2027-07", "user": july.lea["id"]})
    drill = await tech.get(f"{REPORT}/{july.lea['id']}", params={"month": "2027-07"})
    own_drill = await tech.get(f"{REPORT}/{own['id']}", params={"month": "2027-07"})
    rules = await tech.get("/api/v1/payroll/rules/")

    assert mine.status_code == 200, mine.text
    assert [(r["user_id"], r["gross_cents"]) for r in mine.json()["items"]] == [(own["id"], 4000)]
    assert mine.json()["totals"][0]["gross_cents"] == 4000
    for refused in (asked, drill):
        assert refused.status_code == 403, refused.text
        assert refused.json()["error"]["code"] == "payroll.own_lines_only"
    assert own_drill.status_code == 200, own_drill.text
    assert own_drill.json()["totals"] == {"EUR": 4000}
    assert rules.status_code == 403


async def test_another_org_sees_none_of_it(org, make_org, july):
    other = await make_org()
    await other.enable("payroll")

    report = (await other.get(REPORT, params={"month": "2027-07"})).json()
    person = await other.get(f"{REPORT}/{july.lea['id']}", params={"month": "2027-07"})
    by_user = await other.get(REPORT, params={"month": "2027-07", "user": july.lea["id"]})
    by_project = await other.get(REPORT, params={"month": "2027-07", "project": july.project["id"]})

    assert (report["items"], report["totals"], report["total"]) == ([], [], 0)
    assert person.status_code == 404
    assert person.json()["error"]["code"] == "payroll.user_not_found"
    assert by_user.status_code == 404
    assert by_project.status_code == 404
    assert by_project.json()["error"]["code"] == "payroll.project_not_found"


async def test_the_report_is_404_once_the_plugin_is_disabled(org, july):
    await org.disable("payroll")

    response = await org.get(REPORT, params={"month": "2027-07"})

    assert response.status_code == 404


async def test_work_before_the_first_rule_version_is_a_422(org, factories):
    await org.enable("payroll")
    await factories.rate()
    early = await mission(factories, (await factories.project())["id"], "2023-12-04T10:00", 2)
    await factories.assignment(early["roles"][0]["id"], accept=True)

    response = await org.get(REPORT, params={"month": "2023-12"})

    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "payroll.no_rule_set"
