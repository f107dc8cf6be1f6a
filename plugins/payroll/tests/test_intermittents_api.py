"""The 507 h tracker over the real app, on a window computed by hand.

Org in Europe/Paris (UTC+2 in summer), as of Saturday 31 July 2027: the window is the 365
org-local days from Sunday 1 August 2026 to 31 July 2027.

- Lea (intermittent, annexe 8):
  - 31 July 2026 20:00, 4 h: the day before the window, not counted;
  - 1 August 2026 00:30, 2 h (= 31 July 22:30 UTC): inside, 120 min;
  - 10 July 2027 18:00-23:00 planned, validated actual 18:00-00:30 with a 30 min break: 360;
  - 20 July 2027, INVITED only: not counted; 1 August 2027 00:30: after the window.
  Worked 480 min; 500 h declared elsewhere = 30 000 min: total 30 480 >= 30 420, reached.
- Zoe (intermittent, annexe 10) has a personal cachet rate: three accepted 3 h missions
  count 3 cachets x 12 h = 2 160 min; a fourth mission has its own hourly rate (the
  mission's rate beats hers), 4 h = 240 min. Total 2 400, missing 28 020.
- Tom (intermittent) has no mission: missing 30 420. Max (CDI) is not tracked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from coulisses_sdk.testing import Factories, OrgClient

URL = "/api/v1/payroll/intermittents"
AS_OF = "2027-07-31"
PARIS = dt.timezone(dt.timedelta(hours=2))
THRESHOLD = 507 * 60


def code(response: Any) -> str:
    return str(response.json()["error"]["code"])


@dataclass
class Crew:
    lea: dict[str, Any]
    zoe: dict[str, Any]
    tom: dict[str, Any]
    max: dict[str, Any]
    lea_first: int
    lea_timesheet: int


async def work(
    factories: Factories, project: int, user: int, start: str, hours: float, *, accept: bool = True
) -> dict[str, Any]:
    starts = dt.datetime.fromisoformat(start).replace(tzinfo=PARIS)
    mission = await factories.mission(project, starts_at=starts, hours=hours)
    made = await factories.assignment(mission["roles"][0]["id"], user, accept=accept)
    return {"mission": mission["id"], "assignment": made["id"]}


@pytest.fixture
async def crew(org: OrgClient, factories: Factories) -> Crew:
    await org.enable("payroll")
    project = (await factories.project())["id"]
    lea = await factories.user(first_name="Lea", last_name="Martin")
    zoe = await factories.user(first_name="Zoe", last_name="Bernard")
    tom = await factories.user(first_name="Tom", last_name="Petit")
    cdi = await factories.user(first_name="Max", last_name="Durand", employment_type="CDI")

    await work(factories, project, lea["id"], "2026-07-31T20:00", 4)
    first = await work(factories, project, lea["id"], "2026-08-01T00:30", 2)
    show = await work(factories, project, lea["id"], "2027-07-10T18:00", 5)
    await work(factories, project, lea["id"], "2027-07-20T10:00", 4, accept=False)
    await work(factories, project, lea["id"], "2027-08-01T00:30", 4)
    entered = await org.patch(
        f"/api/v1/payroll/timesheets/{show['assignment']}",
        json={
            "actual_start": "2027-07-10T18:00:00+02:00",
            "actual_end": "2027-07-11T00:30:00+02:00",
            "break_minutes": 30,
        },
    )
    assert entered.status_code == 200, entered.text
    validated = await org.post(f"/api/v1/payroll/timesheets/{show['assignment']}/validate")
    assert validated.status_code == 200, validated.text

    await factories.rate(kind="cachet", amount_cents=15000, user_id=zoe["id"])
    for day in ("2027-07-02", "2027-07-03", "2027-07-04"):
        await work(factories, project, zoe["id"], f"{day}T20:00", 3)
    rehearsal = await work(factories, project, zoe["id"], "2027-07-05T10:00", 4)
    await factories.rate(kind="hourly", amount_cents=2500, mission_id=rehearsal["mission"])
    await work(factories, project, cdi["id"], "2027-07-05T10:00", 4)

    made = await org.put(f"{URL}/{zoe['id']}", json={"annexe": 10})
    assert made.status_code == 200, made.text
    made = await org.put(
        f"{URL}/{lea['id']}",
        json={"elsewhere_minutes": 30000, "elsewhere_note": "Theatre du Nord, 2026-2027"},
    )
    assert made.status_code == 200, made.text
    return Crew(lea, zoe, tom, cdi, first["assignment"], show["assignment"])


async def test_the_list_puts_who_is_short_first(org, crew):
    response = await org.get(URL + "/", params={"as_of": AS_OF})

    assert response.status_code == 200, response.text
    page = response.json()
    assert page["as_of"] == AS_OF
    rows = {row["name"]: row for row in page["items"]}
    assert [row["name"] for row in page["items"]] == ["Tom Petit", "Zoe Bernard", "Lea Martin"]
    assert "Max Durand" not in rows

    lea = rows["Lea Martin"]
    assert (lea["from_day"], lea["to_day"], lea["annexe"]) == ("2026-08-01", AS_OF, 8)
    assert (lea["worked_minutes"], lea["cachets"], lea["elsewhere_minutes"]) == (480, 0, 30000)
    assert (lea["total_minutes"], lea["threshold_minutes"]) == (30480, THRESHOLD)
    assert (lea["missing_minutes"], lea["reached"], lea["assignments"]) == (0, True, 2)
    assert lea["elsewhere_note"] == "Theatre du Nord, 2026-2027"
    assert lea["counted"] is None

    zoe = rows["Zoe Bernard"]
    assert (zoe["annexe"], zoe["cachets"], zoe["cachet_minutes"]) == (10, 3, 2160)
    assert (zoe["worked_minutes"], zoe["total_minutes"]) == (240, 2400)
    assert (zoe["missing_minutes"], zoe["reached"]) == (THRESHOLD - 2400, False)

    tom = rows["Tom Petit"]
    assert (tom["total_minutes"], tom["missing_minutes"], tom["assignments"]) == (0, THRESHOLD, 0)

    short = (await org.get(URL + "/", params={"as_of": AS_OF, "short": "true"})).json()
    assert [row["name"] for row in short["items"]] == ["Tom Petit", "Zoe Bernard"]
    by_name = (await org.get(URL + "/", params={"as_of": AS_OF, "sort": "name"})).json()
    assert [row["name"] for row in by_name["items"]] == ["Lea Martin", "Tom Petit", "Zoe Bernard"]


async def test_one_person_shows_every_assignment_counted(org, crew):
    response = await org.get(f"{URL}/{crew.lea['id']}", params={"as_of": AS_OF})

    assert response.status_code == 200, response.text
    counted = response.json()["counted"]
    assert [(i["assignment_id"], i["source"], i["minutes"]) for i in counted] == [
        (crew.lea_first, "planned", 120),
        (crew.lea_timesheet, "actual", 360),
    ]
    zoe = (await org.get(f"{URL}/{crew.zoe['id']}", params={"as_of": AS_OF})).json()
    assert [(i["source"], i["minutes"]) for i in zoe["counted"]] == [
        ("cachet", 720),
        ("cachet", 720),
        ("cachet", 720),
        ("planned", 240),
    ]


async def test_the_window_moves_with_as_of(org, crew):
    # As of 1 August 2027 the window starts 2 August 2026: Lea's first mission drops out,
    # the one of 1 August 2027 00:30 (4 h) comes in.
    lea = (await org.get(f"{URL}/{crew.lea['id']}", params={"as_of": "2027-08-01"})).json()
    assert (lea["from_day"], lea["worked_minutes"]) == ("2026-08-02", 360 + 240)


async def test_the_threshold_and_window_are_dated_rule_parameters(org, crew):
    added = await org.post(
        "/api/v1/payroll/rules/",
        json={
            "employment_type": "intermittent_a8",
            "effective_from": "2027-07-01",
            "params": {
                "affiliation_hours": {"value": 400, "source": "test"},
                "affiliation_days": {"value": 30, "source": "test"},
            },
        },
    )
    assert added.status_code == 201, added.text

    lea = (await org.get(f"{URL}/{crew.lea['id']}", params={"as_of": AS_OF})).json()
    assert (lea["threshold_minutes"], lea["from_day"], lea["worked_minutes"]) == (
        24000,
        "2027-07-02",
        360,
    )
    # Annexe 10 keeps its own version; before July 2027 the seeded 507 h apply.
    zoe = (await org.get(f"{URL}/{crew.zoe['id']}", params={"as_of": AS_OF})).json()
    assert zoe["threshold_minutes"] == THRESHOLD
    june = (await org.get(f"{URL}/{crew.lea['id']}", params={"as_of": "2027-06-30"})).json()
    assert june["threshold_minutes"] == THRESHOLD


async def test_profile_changes_are_checked_and_audited(org, crew):
    refused = await org.put(f"{URL}/{crew.max['id']}", json={"annexe": 8})
    assert (refused.status_code, code(refused)) == (422, "payroll.not_intermittent")
    assert (await org.get(f"{URL}/{crew.max['id']}")).status_code == 422
    missing = await org.put(f"{URL}/999999", json={"annexe": 8})
    assert (missing.status_code, code(missing)) == (404, "payroll.user_not_found")
    for body in ({"annexe": 9}, {"elsewhere_minutes": -1}, {"annex": 8}):
        bad = await org.put(f"{URL}/{crew.tom['id']}", json=body)
        assert (bad.status_code, code(bad)) == (400, "request.validation")

    audit = await org.get("/api/v1/audit", params={"action": "payroll."})
    entries = [e for e in audit.json()["items"] if e["action"] == "payroll.intermittent_updated"]
    assert {e["target"] for e in entries} == {f"user:{crew.zoe['id']}", f"user:{crew.lea['id']}"}
    lea = next(e for e in entries if e["target"] == f"user:{crew.lea['id']}")
    assert lea["payload"]["after"] == {
        "elsewhere_minutes": 30000,
        "elsewhere_note": "Theatre du Nord, 2026-2027",
    }


async def test_a_tech_sees_only_their_own_count(org, make_org, factories, crew):
    tech = await make_org()
    member = await org.invite(tech.email, role="tech")
    await factories.user(first_name="Nina", last_name="Roux", account_id=member["account_id"])
    assert (await tech.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})).is_success

    mine = await tech.get(URL + "/", params={"as_of": AS_OF})
    assert mine.status_code == 200, mine.text
    assert [row["name"] for row in mine.json()["items"]] == ["Nina Roux"]
    other = await tech.get(f"{URL}/{crew.lea['id']}")
    assert (other.status_code, code(other)) == (403, "payroll.own_lines_only")
    assert (await tech.put(f"{URL}/{crew.lea['id']}", json={"annexe": 10})).status_code == 403


async def test_another_org_sees_none_of_it(make_org, crew):
    other = await make_org()
    await other.enable("payroll")
    assert (await other.get(URL + "/")).json()["items"] == []
    response = await other.get(f"{URL}/{crew.lea['id']}")
    assert (response.status_code, code(response)) == (404, "payroll.user_not_found")


async def test_an_artist_paid_by_cachets_is_annexe_10_until_told_otherwise(org, factories, crew):
    rose = await factories.user(first_name="Rose", last_name="Simon")
    await factories.rate(kind="cachet", amount_cents=20000, user_id=rose["id"])
    project = (await factories.project())["id"]
    await work(factories, project, rose["id"], "2027-07-12T20:30", 2.5)

    count = (await org.get(f"{URL}/{rose['id']}", params={"as_of": AS_OF})).json()

    assert (count["annexe"], count["cachets"], count["cachet_minutes"]) == (10, 1, 720)
    assert count["worked_minutes"] == 0
    # A manager's choice wins: annexe 8 counts the real hours.
    chosen = await org.put(f"{URL}/{rose['id']}", json={"annexe": 8})
    assert chosen.status_code == 200, chosen.text
    count = (await org.get(f"{URL}/{rose['id']}", params={"as_of": AS_OF})).json()
    assert (count["annexe"], count["cachets"], count["worked_minutes"]) == (8, 0, 150)


async def test_days_out_of_the_rules_are_client_errors(org, crew):
    early = await org.get(URL + "/", params={"as_of": "1999-12-31"})
    assert (early.status_code, code(early)) == (400, "payroll.date_out_of_range")
    assert early.json()["error"]["details"]["field"] == "as_of"
    # Before the first rule version (2024-01-01): no threshold to count against.
    before = await org.get(f"{URL}/{crew.lea['id']}", params={"as_of": "2010-06-01"})
    assert (before.status_code, code(before)) == (422, "payroll.no_rule_set")
