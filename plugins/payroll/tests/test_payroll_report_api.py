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
        "cachets": 0,
        "night_minutes": 120,
        "sunday_minutes": 120,
        "holiday_minutes": 0,
        "overtime_minutes": 0,
        "projects": [
            {"project_id": july.project["id"], "name": july.project["name"], "gross_cents": 17000}
        ],
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
    # Its premium hours are August's too: 00:00-03:00 is night and Sunday.
    assert (lea["night_minutes"], lea["sunday_minutes"], lea["gross_cents"]) == (180, 180, 10500)
    july_row = row_of((await org.get(REPORT, params={"month": "2027-07"})).json(), july.lea["id"])
    # July keeps 22:00-24:00 of 31 July: neither night (from 00:00) nor Sunday (a Saturday).
    assert (july_row["night_minutes"], july_row["sunday_minutes"]) == (120, 120)  # M1's
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


PROJECTS = "/api/v1/payroll/reports/projects"


def budget_url(project_id: int) -> str:
    return f"/api/v1/payroll/projects/{project_id}/budget"


async def test_overtime_is_shared_between_projects_by_the_minutes_of_each(org, factories, july):
    """Max (intermittent, 20.00/h) works Monday 19 to Thursday 22 July 09:00-18:00 on the
    festival (4 x 540 = 2160 min) and Friday 23 July 09:00-13:00 on a second project
    (240 min): 2400 minutes in the week, the last 300 past 35 h, +25 %: 300 min x 20.00 x
    25 % = 25.00. Those minutes are Thursday's last 60 (festival) and Friday's 240 (second
    project): 5.00 and 20.00. Base: festival 720.00, second 80.00."""
    second = await factories.project()
    max_ = await factories.user(first_name="Max", last_name="Petit")
    for day in range(19, 23):
        work = await mission(factories, july.project["id"], f"2027-07-{day}T09:00", 9)
        await factories.assignment(work["roles"][0]["id"], max_["id"], accept=True)
    friday = await mission(factories, second["id"], "2027-07-23T09:00", 4)
    await factories.assignment(friday["roles"][0]["id"], max_["id"], accept=True)

    report = (await org.get(REPORT, params={"month": "2027-07"})).json()
    festival = (
        await org.get(REPORT, params={"month": "2027-07", "project": july.project["id"]})
    ).json()
    drill = (
        await org.get(
            f"{REPORT}/{max_['id']}", params={"month": "2027-07", "project": second["id"]}
        )
    ).json()

    row = row_of(report, max_["id"])
    assert (row["overtime_minutes"], row["overtime_cents"]) == (300, 2500)
    assert (row["base_cents"], row["gross_cents"]) == (80000, 82500)
    assert {p["project_id"]: p["gross_cents"] for p in row["projects"]} == {
        july.project["id"]: 72500,
        second["id"]: 10000,
    }
    # The festival's view of Max: its minutes and its share of the overtime.
    on_festival = row_of(festival, max_["id"])
    assert (on_festival["confirmed_minutes"], on_festival["overtime_minutes"]) == (2160, 60)
    assert (on_festival["overtime_cents"], on_festival["gross_cents"]) == (500, 72500)
    assert festival["totals"][0]["gross_cents"] == 17000 + 72500
    # The second project's drill-down: the (whole) overtime line of the week, its base line.
    assert [(line["kind"], line["minutes"]) for line in drill["lines"]] == [
        ("overtime", 300),
        ("base", 240),
    ]


async def test_the_project_recap_compares_the_forecast_with_the_budget(org, factories, july):
    """July per project: the festival has Lea's 17000 confirmed, and its forecast adds her
    INVITED M3 (240 min x 20.00 = 8000): 25000, against a budget of 20000: margin -5000,
    over budget. The other project: Zoe's 4000, budget 10000: margin 6000."""
    zoe = row_of((await org.get(REPORT, params={"month": "2027-07"})).json(), july.other["id"])
    (elsewhere,) = [p["project_id"] for p in zoe["projects"]]
    put = await org.put(budget_url(july.project["id"]), json={"amount_cents": 20000})
    await org.put(budget_url(elsewhere), json={"amount_cents": 10000, "currency": "EUR"})

    response = await org.get(PROJECTS, params={"month": "2027-07"})

    assert put.status_code == 200, put.text
    assert put.json()["amount_cents"] == 20000
    assert put.json()["currency"] == "EUR"
    assert response.status_code == 200, response.text
    recap = response.json()
    rows = {r["project_id"]: r for r in recap["items"]}
    festival = rows[july.project["id"]]
    assert (festival["planned_minutes"], festival["confirmed_minutes"]) == (660, 420)
    assert (festival["gross_cents"], festival["forecast_cents"]) == (17000, 25000)
    assert (festival["forecast_from"], festival["forecast_to"]) == ("2027-07", "2027-07")
    assert (festival["budget_cents"], festival["margin_cents"], festival["over_budget"]) == (
        20000,
        -5000,
        True,
    )
    other = rows[elsewhere]
    assert (other["gross_cents"], other["forecast_cents"], other["margin_cents"]) == (
        4000,
        4000,
        6000,
    )
    assert other["over_budget"] is False
    assert recap["totals"] == [
        {
            "currency": "EUR",
            "planned_minutes": 780,
            "confirmed_minutes": 540,
            "actual_minutes": 0,
            "gross_cents": 21000,
        }
    ]

    # A budget in another currency is not compared; a null amount clears it.
    await org.put(budget_url(elsewhere), json={"amount_cents": 10000, "currency": "CHF"})
    cleared = await org.put(budget_url(july.project["id"]), json={"amount_cents": None})
    again = {
        r["project_id"]: r
        for r in (await org.get(PROJECTS, params={"month": "2027-07"})).json()["items"]
    }
    assert cleared.json()["amount_cents"] is None
    assert again[elsewhere]["budget_cents"] is None
    assert again[july.project["id"]]["over_budget"] is False


async def test_a_forecast_covers_the_months_of_the_projects_dates(org, factories, july):
    """A tour from 2027-07-01 to 2027-08-31: its forecast is July's 2 h (4000) plus August's
    3 h (6000), while the month's gross is July's alone."""
    tour = await factories.project(starts_on="2027-07-01", ends_on="2027-08-31")
    sam = await factories.user(first_name="Sam", last_name="Roux")
    for start, hours in (("2027-07-06T10:00", 2), ("2027-08-03T10:00", 3)):
        work = await mission(factories, tour["id"], start, hours)
        await factories.assignment(work["roles"][0]["id"], sam["id"], accept=True)

    recap = (await org.get(PROJECTS, params={"month": "2027-07"})).json()

    row = {r["project_id"]: r for r in recap["items"]}[tour["id"]]
    assert (row["gross_cents"], row["forecast_cents"]) == (4000, 10000)
    assert (row["forecast_from"], row["forecast_to"]) == ("2027-07", "2027-08")


async def test_cachets_employment_type_and_a_places_timezone(org, factories, july):
    """Ines (intermittent artist, user cachet rate 250.00) plays twice in July: 2 cachets,
    500.00. Carl (CDI) works 6 July 10:00-12:00: 40.00. Remy (CDD) works at a place in
    Montreal on Saturday 31 July 20:00-23:00 local (1 August 02:00-05:00 in Paris): July's,
    by the place's calendar, 180 min x 20.00 = 60.00, no night, no Sunday."""
    ines = await factories.user(first_name="Ines", last_name="Artiste")
    await factories.rate(user_id=ines["id"], kind="cachet", amount_cents=25000)
    for start in ("2027-07-08T20:00", "2027-07-09T20:00"):
        show = await mission(factories, july.project["id"], start, 3)
        await factories.assignment(show["roles"][0]["id"], ines["id"], accept=True)
    carl = await factories.user(first_name="Carl", last_name="Dupont", employment_type="CDI")
    work = await mission(factories, july.project["id"], "2027-07-06T10:00", 2)
    await factories.assignment(work["roles"][0]["id"], carl["id"], accept=True)
    remy = await factories.user(first_name="Remy", last_name="Tremblay", employment_type="CDD")
    montreal = await factories.place(name="Club Soda", timezone="America/Montreal")
    late = await factories.mission(
        july.project["id"],
        starts_at=dt.datetime(2027, 7, 31, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=-4))),
        hours=3,
        place_id=montreal["id"],
    )
    await factories.assignment(late["roles"][0]["id"], remy["id"], accept=True)

    july_report = (await org.get(REPORT, params={"month": "2027-07"})).json()
    august = (await org.get(REPORT, params={"month": "2027-08"})).json()
    cdi = (await org.get(REPORT, params={"month": "2027-07", "employment_type": "CDI"})).json()
    combined = await org.get(
        REPORT,
        params={
            "month": "2027-07",
            "employment_type": "Intermittent",
            "project": july.project["id"],
            "user": ines["id"],
        },
    )
    nobody = await org.get(
        REPORT, params={"month": "2027-07", "employment_type": "CDI", "user": ines["id"]}
    )
    wrong = await org.get(REPORT, params={"month": "2027-07", "employment_type": "cdi"})

    artist = row_of(july_report, ines["id"])
    assert (artist["cachets"], artist["base_cents"], artist["gross_cents"]) == (2, 50000, 50000)
    assert artist["confirmed_minutes"] == 360
    abroad = row_of(july_report, remy["id"])
    assert (abroad["confirmed_minutes"], abroad["gross_cents"]) == (180, 6000)
    assert (abroad["night_minutes"], abroad["sunday_minutes"]) == (0, 0)
    assert remy["id"] not in [r["user_id"] for r in august["items"]]
    assert [(r["user_id"], r["gross_cents"]) for r in cdi["items"]] == [(carl["id"], 4000)]
    assert cdi["totals"][0]["gross_cents"] == 4000
    assert combined.status_code == 200, combined.text
    assert [r["user_id"] for r in combined.json()["items"]] == [ines["id"]]
    assert combined.json()["totals"][0]["cachets"] == 2
    assert (nobody.status_code, nobody.json()["items"]) == (200, [])
    assert wrong.status_code == 400, wrong.text
    assert wrong.json()["error"]["code"] == "payroll.invalid_employment_type"


async def test_budgets_and_the_recap_are_for_managers_of_the_org_only(
    org, make_org, factories, july
):
    other = await make_org()
    await other.enable("payroll")
    tech = await make_org()
    await org.invite(tech.email, role="tech")
    switched = await tech.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})
    assert switched.status_code == 200, switched.text

    theirs = await other.put(budget_url(july.project["id"]), json={"amount_cents": 1})
    theirs_get = await other.get(budget_url(july.project["id"]))
    missing = await org.put(budget_url(10**9), json={"amount_cents": 1})
    bad = await org.put(budget_url(july.project["id"]), json={"amount_cents": -1})
    bad_currency = await org.put(
        budget_url(july.project["id"]), json={"amount_cents": 1, "currency": "euro"}
    )
    as_tech = await tech.put(budget_url(july.project["id"]), json={"amount_cents": 1})
    recap_tech = await tech.get(PROJECTS, params={"month": "2027-07"})
    recap_other = (await other.get(PROJECTS, params={"month": "2027-07"})).json()
    bad_month = await org.get(PROJECTS, params={"month": "2027-7"})
    mine = await org.get(budget_url(july.project["id"]))

    for refused in (theirs, theirs_get, missing):
        assert refused.status_code == 404, refused.text
        assert refused.json()["error"]["code"] == "payroll.project_not_found"
    assert (bad.status_code, bad_currency.status_code) == (400, 400)
    assert (as_tech.status_code, recap_tech.status_code) == (403, 403)
    assert (recap_other["items"], recap_other["totals"]) == ([], [])
    assert bad_month.json()["error"]["code"] == "payroll.invalid_month"
    assert mine.json()["amount_cents"] is None


async def test_each_rows_figures_are_the_sums_of_its_drill_downs_lines(org, factories, july):
    """The report sums the engine's lines without building their explanations; the
    drill-down reads the same lines with theirs. Zoe also works M1 (Lea's times and rate:
    the engine computes those lines once and gives them each assignment's ids)."""
    m1_again = await mission(factories, july.project["id"], "2027-07-10T21:00", 5)
    await factories.assignment(m1_again["roles"][0]["id"], july.other["id"], accept=True)

    report = (await org.get(REPORT, params={"month": "2027-07"})).json()

    assert report["total"] == 2
    for row in report["items"]:
        drill = (await org.get(f"{REPORT}/{row['user_id']}", params={"month": "2027-07"})).json()
        by_kind: dict[str, int] = {}
        for line in drill["lines"]:
            by_kind[line["kind"]] = by_kind.get(line["kind"], 0) + line["amount_cents"]
            assert line["explanation"]["values"]["exact_cents"]
            assert line["explanation"]["periods"]
        for kind in ("base", "night", "sunday", "holiday", "overtime", "meal"):
            assert row[f"{kind}_cents"] == by_kind.get(kind, 0), kind
        assert drill["totals"] == {"EUR": row["gross_cents"]}
        assert drill["confirmed_minutes"] == row["confirmed_minutes"]
    zoe = row_of(report, july.other["id"])
    # 120 min on 5 July, then M1's 300: base 40.00 + 100.00, night 10.00, Sunday 20.00.
    assert (zoe["base_cents"], zoe["night_cents"], zoe["sunday_cents"]) == (14000, 1000, 2000)
