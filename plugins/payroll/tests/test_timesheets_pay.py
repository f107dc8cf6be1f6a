"""Pay follows validated actual times, planned times otherwise, and says which (golden case).

The org uses the prestataires 2717 rules: night 00:00-06:00 +25 %, premiums stack, no meal
allowance or minimum call for these hours. Lea (intermittent, hourly 20.00 EUR from the
role's rate) works Tuesday 6 July 2027 (Europe/Paris, UTC+2):

- Planned 18:00-23:00: 300 minutes, no night: base 300 min x 20.00 = 100.00.
- Validated actual 18:00 -> Wednesday 01:30 with a 30 minute break: 450 minutes elapsed; the
  break is taken from plain minutes, earliest first (18:00-18:30), so 420 minutes are paid:
  base 420 min x 20.00 = 140.00; night 00:00-01:30 = 90 min x 20.00 x 25 % = 7.50.
  Gross 147.50; actual minutes 420.

Her second mission, Thursday 8 July 10:00-12:00 (120 minutes, 40.00), has no validated line:
it stays on planned times. A submitted (not validated) line changes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from coulisses_sdk.testing import Factories, OrgClient

REPORT = "/api/v1/payroll/reports/monthly"
URL = "/api/v1/payroll/timesheets"
PARIS = dt.timezone(dt.timedelta(hours=2))


def at(text: str) -> str:
    return dt.datetime.fromisoformat(text).replace(tzinfo=PARIS).isoformat()


@pytest.fixture
async def lea(org: OrgClient, factories: Factories) -> dict[str, Any]:
    await org.enable("payroll", config={"profile": "prestataires_2717"})
    await factories.rate()
    user = await factories.user(first_name="Lea", last_name="Martin")
    project = await factories.project()
    ids = []
    for start, hours in (("2027-07-06T18:00", 5), ("2027-07-08T10:00", 2)):
        mission = await factories.mission(
            project["id"], starts_at=dt.datetime.fromisoformat(at(start)), hours=hours
        )
        made = await factories.assignment(mission["roles"][0]["id"], user["id"], accept=True)
        ids.append(made["id"])
    return {"user": user, "evening": ids[0], "morning": ids[1]}


async def month(org: OrgClient, user_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    [row] = (await org.get(REPORT, params={"month": "2027-07"})).json()["items"]
    person = await org.get(f"{REPORT}/{user_id}", params={"month": "2027-07"})
    assert person.status_code == 200, person.text
    return row, person.json()


def lines(person: dict[str, Any]) -> list[tuple[str, int, int, int, str | None]]:
    return [
        (line["kind"], line["assignment_id"], line["minutes"], line["amount_cents"], line["source"])
        for line in person["lines"]
    ]


async def test_planned_times_until_the_line_is_validated(org, lea):
    await org.patch(
        f"{URL}/{lea['evening']}",
        json={"actual_start": at("2027-07-06T18:00"), "actual_end": at("2027-07-07T01:30")},
    )

    row, person = await month(org, lea["user"]["id"])

    assert (row["confirmed_minutes"], row["actual_minutes"], row["gross_cents"]) == (420, 0, 14000)
    assert lines(person) == [
        ("base", lea["evening"], 300, 10000, "planned"),
        ("base", lea["morning"], 120, 4000, "planned"),
    ]
    assert person["lines"][0]["explanation"]["times"]["source"] == "planned"


async def test_a_validated_later_end_and_a_break_change_the_pay_golden(org, lea):
    entered = await org.patch(
        f"{URL}/{lea['evening']}",
        json={
            "actual_start": at("2027-07-06T18:00"),
            "actual_end": at("2027-07-07T01:30"),
            "break_minutes": 30,
        },
    )
    assert entered.status_code == 200, entered.text
    assert (await org.post(f"{URL}/{lea['evening']}/validate")).status_code == 200

    row, person = await month(org, lea["user"]["id"])

    assert row["planned_minutes"] == row["confirmed_minutes"] == 420
    assert row["actual_minutes"] == 420
    assert (row["base_cents"], row["night_cents"], row["gross_cents"]) == (18000, 750, 18750)
    assert lines(person) == [
        ("base", lea["evening"], 420, 14000, "actual"),
        ("night", lea["evening"], 90, 750, "actual"),
        ("base", lea["morning"], 120, 4000, "planned"),
    ]
    assert person["actual_minutes"] == 420
    times = person["lines"][1]["explanation"]["times"]
    assert (times["source"], times["break_minutes"]) == ("actual", 30)
    assert dt.datetime.fromisoformat(times["end"]) == dt.datetime.fromisoformat(
        at("2027-07-07T01:30")
    )
    assert "validated actual times" in times["text"]
    night = person["lines"][1]["explanation"]["periods"][0]
    assert (night["local_start"], night["local_end"]) == (
        "2027-07-07T00:00:00+02:00",
        "2027-07-07T01:30:00+02:00",
    )
    by_actual = await org.get(REPORT, params={"month": "2027-07", "sort": "-actual_minutes"})
    assert by_actual.status_code == 200, by_actual.text
    assert by_actual.json()["totals"][0]["actual_minutes"] == 420


async def test_a_correction_changes_the_pay_again(org, lea):
    await org.post(f"{URL}/{lea['morning']}/validate")  # planned 10:00-12:00 confirmed
    corrected = await org.post(
        f"{URL}/{lea['morning']}/correct",
        json={"reason": "fin a 12:30", "actual_end": at("2027-07-08T12:30")},
    )
    assert corrected.status_code == 200, corrected.text

    row, person = await month(org, lea["user"]["id"])

    assert row["actual_minutes"] == 150
    assert ("base", lea["morning"], 150, 5000, "actual") in lines(person)


async def test_breaks_across_the_month_end_are_shared_in_proportion(org, factories, lea):
    late = await factories.mission(
        None, starts_at=dt.datetime.fromisoformat(at("2027-07-31T20:00")), hours=4
    )
    made = await factories.assignment(late["roles"][0]["id"], lea["user"]["id"], accept=True)
    # 20:00 -> 02:00: 240 minutes in July, 120 in August; 60 break minutes: 40 + 20.
    await org.patch(
        f"{URL}/{made['id']}",
        json={
            "actual_start": at("2027-07-31T20:00"),
            "actual_end": at("2027-08-01T02:00"),
            "break_minutes": 60,
        },
    )
    assert (await org.post(f"{URL}/{made['id']}/validate")).status_code == 200

    [july] = (await org.get(REPORT, params={"month": "2027-07"})).json()["items"]
    [august] = (await org.get(REPORT, params={"month": "2027-08"})).json()["items"]

    assert july["actual_minutes"] == 200
    assert august["actual_minutes"] == 100
