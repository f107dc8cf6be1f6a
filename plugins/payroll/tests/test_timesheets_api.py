"""Timesheets over the real app: lines made on first read, edits, validation and its lock,
corrections with their history, bulk validation all or nothing, roles and tenancy.

Tuesday 6 July 2027, Europe/Paris (UTC+2): on project P, Lea works 18:00-23:00 and Zoe
14:00-16:00; on project Q, Lea works 10:00-12:00; Zoe is only INVITED 20:00-22:00 on P.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import pytest

from coulisses_payroll.tables import TimesheetEvent, TimesheetLine
from coulisses_sdk.testing import Factories, OrgClient

URL = "/api/v1/payroll/timesheets"
DAY = "2027-07-06"
PARIS = dt.timezone(dt.timedelta(hours=2))


def at(text: str) -> str:
    """A Paris time of July 2027 as the API takes it (``"2027-07-06T18:00"``)."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=PARIS).isoformat()


def same(instant: str | None, text: str) -> bool:
    return instant is not None and dt.datetime.fromisoformat(instant) == dt.datetime.fromisoformat(
        at(text)
    )


@dataclass
class Day:
    p: dict[str, Any]
    q: dict[str, Any]
    lea: dict[str, Any]
    zoe: dict[str, Any]
    lea_p: int
    zoe_p: int
    lea_q: int
    zoe_invited: int
    lea_p_mission: int


async def _work(
    factories: Factories, project: int, user: int, start: str, hours: float, *, accept: bool = True
) -> tuple[int, int]:
    mission = await factories.mission(
        project, starts_at=dt.datetime.fromisoformat(at(start)), hours=hours
    )
    made = await factories.assignment(mission["roles"][0]["id"], user, accept=accept)
    return made["id"], mission["id"]


@pytest.fixture
async def day(org: OrgClient, factories: Factories) -> Day:
    await org.enable("payroll", config={"profile": "prestataires_2717"})
    p, q = await factories.project(), await factories.project()
    lea = await factories.user(first_name="Lea", last_name="Martin")
    zoe = await factories.user(first_name="Zoe", last_name="Bernard")
    lea_p, lea_p_mission = await _work(factories, p["id"], lea["id"], "2027-07-06T18:00", 5)
    zoe_p, _ = await _work(factories, p["id"], zoe["id"], "2027-07-06T14:00", 2)
    lea_q, _ = await _work(factories, q["id"], lea["id"], "2027-07-06T10:00", 2)
    invited, _ = await _work(factories, p["id"], zoe["id"], "2027-07-06T20:00", 2, accept=False)
    return Day(p, q, lea, zoe, lea_p, zoe_p, lea_q, invited, lea_p_mission)


async def tech_of(org: OrgClient, make_org: Any, factories: Factories) -> tuple[OrgClient, int]:
    """A tech member of ``org`` linked to a user Tom, with Tom's line on the day (on P)."""
    tech = await make_org()
    member = await org.invite(tech.email, role="tech")
    tom = await factories.user(first_name="Tom", last_name="Tech", account_id=member["account_id"])
    switched = await tech.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})
    assert switched.status_code == 200, switched.text
    return tech, tom["id"]


def code(response: Any) -> str:
    return str(response.json()["error"]["code"])


async def test_lines_are_made_on_first_read_with_the_missions_planned_times(org, day):
    response = await org.get(URL + "/", params={"day": DAY})

    assert response.status_code == 200, response.text
    page = response.json()
    assert (page["timezone"], page["from_day"], page["to_day"]) == ("Europe/Paris", DAY, DAY)
    # Planned start first; the INVITED assignment has no line.
    assert [line["assignment_id"] for line in page["items"]] == [day.lea_q, day.zoe_p, day.lea_p]
    lea = page["items"][2]
    assert lea["user_name"] == "Lea Martin"
    assert lea["project_id"] == day.p["id"]
    assert same(lea["planned_start"], "2027-07-06T18:00")
    assert same(lea["planned_end"], "2027-07-06T23:00")
    assert (lea["planned_minutes"], lea["actual_start"], lea["actual_minutes"]) == (300, None, None)
    assert (lea["status"], lea["break_minutes"], lea["comment"], lea["editable"]) == (
        "draft",
        0,
        "",
        True,
    )

    by_project = (await org.get(URL + "/", params={"day": DAY, "project": day.q["id"]})).json()
    by_user = (await org.get(URL + "/", params={"day": DAY, "user": day.zoe["id"]})).json()
    next_day = (await org.get(URL + "/", params={"day": "2027-07-07"})).json()
    week = (await org.get(URL + "/", params={"day": "2027-07-08", "days": 3})).json()
    assert [line["assignment_id"] for line in by_project["items"]] == [day.lea_q]
    assert [line["assignment_id"] for line in by_user["items"]] == [day.zoe_p]
    assert next_day["items"] == []
    assert (week["from_day"], week["total"]) == (DAY, 3)


async def test_the_planned_times_follow_the_mission_never_a_stale_copy(org, day):
    await org.get(URL + "/", params={"day": DAY})
    moved = await org.patch(
        f"/api/v1/missions/{day.lea_p_mission}",
        json={"starts_at": at("2027-07-06T19:00"), "ends_at": at("2027-07-06T23:30")},
    )
    assert moved.status_code == 200, moved.text

    line = (await org.get(f"{URL}/{day.lea_p}")).json()

    assert same(line["planned_start"], "2027-07-06T19:00")
    assert line["planned_minutes"] == 270


async def test_a_manager_enters_validates_and_the_line_locks(org, day):
    edited = await org.patch(
        f"{URL}/{day.lea_p}",
        json={
            "actual_start": at("2027-07-06T18:00"),
            "actual_end": at("2027-07-07T01:30"),
            "break_minutes": 30,
            "comment": "demontage long",
        },
    )
    assert edited.status_code == 200, edited.text
    # A manager's edit leaves the status: only the line's own user submits it.
    assert (edited.json()["actual_minutes"], edited.json()["status"]) == (420, "draft")

    validated = await org.post(f"{URL}/{day.lea_p}/validate")
    again = await org.post(f"{URL}/{day.lea_p}/validate")
    locked = await org.patch(f"{URL}/{day.lea_p}", json={"comment": "trop tard"})

    assert validated.status_code == 200, validated.text
    line = validated.json()
    assert (line["status"], line["validated_by"], line["editable"]) == (
        "validated",
        org.account_id,
        False,
    )
    assert same(line["actual_end"], "2027-07-07T01:30")
    for refused in (again, locked):
        assert refused.status_code == 409, refused.text
        assert code(refused) == "payroll.timesheet_locked"
    assert (await org.get(f"{URL}/{day.lea_p}")).json()["comment"] == "demontage long"


async def test_validating_without_actual_times_confirms_the_planned_ones(org, day):
    validated = (await org.post(f"{URL}/{day.zoe_p}/validate")).json()

    assert same(validated["actual_start"], "2027-07-06T14:00")
    assert same(validated["actual_end"], "2027-07-06T16:00")
    assert validated["actual_minutes"] == 120


@pytest.mark.parametrize(
    ("body", "error", "field", "rule"),
    [
        (
            {
                "actual_start": "2027-07-06T23:00:00+02:00",
                "actual_end": "2027-07-06T18:00:00+02:00",
            },
            "payroll.timesheet_invalid_times",
            "actual_end",
            "end_after_start",
        ),
        (
            {
                "actual_start": "2027-07-06T18:00:00+02:00",
                "actual_end": "2027-07-07T18:01:00+02:00",
            },
            "payroll.timesheet_invalid_times",
            "actual_end",
            "at_most_24_hours",
        ),
        (
            {"actual_start": "2027-07-06T18:00:00+02:00"},
            "payroll.timesheet_invalid_times",
            "actual_end",
            "both_or_neither",
        ),
        (
            {
                "actual_start": "2027-07-08T18:00:00+02:00",
                "actual_end": "2027-07-08T20:00:00+02:00",
            },
            "payroll.timesheet_invalid_times",
            "actual_start",
            "near_planned",
        ),
        (
            {
                "actual_start": "2027-07-06T18:00:30+02:00",
                "actual_end": "2027-07-06T20:00:00+02:00",
            },
            "payroll.timesheet_invalid_times",
            "actual_start",
            "whole_minutes",
        ),
        (
            {
                "actual_start": "2027-07-06T18:00:00+02:00",
                "actual_end": "2027-07-06T19:00:00+02:00",
                "break_minutes": 60,
            },
            "payroll.timesheet_invalid_break",
            "break_minutes",
            None,
        ),
        # Without actual times the breaks are checked against the planned 300 minutes.
        ({"break_minutes": 300}, "payroll.timesheet_invalid_break", "break_minutes", None),
    ],
)
async def test_invalid_times_are_a_422_and_write_nothing(org, day, body, error, field, rule):
    response = await org.patch(f"{URL}/{day.lea_p}", json=body)

    assert response.status_code == 422, response.text
    assert code(response) == error
    details = response.json()["error"]["details"]
    assert details["field"] == field
    assert details.get("rule") == rule
    line = (await org.get(f"{URL}/{day.lea_p}")).json()
    assert (line["actual_start"], line["break_minutes"], line["status"]) == (None, 0, "draft")
    history = (await org.get(f"{URL}/{day.lea_p}/history")).json()
    assert history["items"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"break_minutes": -1},
        {"actual_start": "2027-07-06T18:00:00", "actual_end": "2027-07-06T20:00:00"},
        {"comment": "x" * 2001},
        {"status": "validated"},
    ],
)
async def test_a_malformed_body_is_a_400(org, day, body):
    response = await org.patch(f"{URL}/{day.lea_p}", json=body)

    assert response.status_code == 400, response.text
    assert code(response) == "request.validation"


async def test_a_tech_edits_only_their_own_line_until_it_is_validated(
    org, make_org, factories, day
):
    tech, tom = await tech_of(org, make_org, factories)
    own, _ = await _work(factories, day.p["id"], tom, "2027-07-06T09:00", 3)

    mine = await tech.get(URL + "/", params={"day": DAY})
    entered = await tech.patch(
        f"{URL}/{own}",
        json={
            "actual_start": at("2027-07-06T09:00"),
            "actual_end": at("2027-07-06T12:30"),
            "break_minutes": 15,
        },
    )
    others = await tech.patch(f"{URL}/{day.lea_p}", json={"comment": "coucou"})
    others_read = await tech.get(f"{URL}/{day.lea_p}")
    others_history = await tech.get(f"{URL}/{day.lea_p}/history")
    asked = await tech.get(URL + "/", params={"day": DAY, "user": day.lea["id"]})
    validate = await tech.post(f"{URL}/{own}/validate")
    bulk = await tech.post(f"{URL}/validate", json={"day": DAY})
    correct = await tech.post(f"{URL}/{own}/correct", json={"reason": "moi", "break_minutes": 0})

    assert mine.status_code == 200, mine.text
    assert [line["assignment_id"] for line in mine.json()["items"]] == [own]
    assert entered.status_code == 200, entered.text
    assert (entered.json()["status"], entered.json()["actual_minutes"]) == ("submitted", 195)
    for refused in (others, others_read, others_history, asked):
        assert refused.status_code == 403, refused.text
        assert code(refused) == "payroll.own_lines_only"
    for refused in (validate, bulk, correct):
        assert refused.status_code == 403, refused.text
        assert code(refused) == "auth.forbidden"
    assert (await org.get(f"{URL}/{day.lea_p}")).json()["comment"] == ""

    submitted = (await org.get(URL + "/", params={"day": DAY, "status": "submitted"})).json()
    assert [line["assignment_id"] for line in submitted["items"]] == [own]
    assert (await org.post(f"{URL}/{own}/validate")).status_code == 200
    late = await tech.patch(f"{URL}/{own}", json={"break_minutes": 0})
    history = await tech.get(f"{URL}/{own}/history")

    assert late.status_code == 409, late.text
    assert code(late) == "payroll.timesheet_locked"
    assert history.status_code == 200, history.text
    assert [e["action"] for e in history.json()["items"]] == ["submitted", "validated"]


async def test_a_correction_keeps_the_line_validated_and_leaves_a_history(org, day):
    await org.patch(
        f"{URL}/{day.lea_p}",
        json={"actual_start": at("2027-07-06T18:00"), "actual_end": at("2027-07-06T23:00")},
    )
    not_yet = await org.post(f"{URL}/{day.lea_p}/correct", json={"reason": "oubli"})
    await org.post(f"{URL}/{day.lea_p}/validate")
    no_reason = await org.post(
        f"{URL}/{day.lea_p}/correct", json={"reason": "  ", "break_minutes": 20}
    )
    missing_reason = await org.post(f"{URL}/{day.lea_p}/correct", json={"break_minutes": 20})
    bad = await org.post(
        f"{URL}/{day.lea_p}/correct",
        json={"reason": "x", "actual_end": at("2027-07-06T17:00")},
    )

    corrected = await org.post(
        f"{URL}/{day.lea_p}/correct",
        json={
            "reason": "fin reelle 23:45",
            "actual_end": at("2027-07-06T23:45"),
            "break_minutes": 20,
        },
    )

    assert not_yet.status_code == 409, not_yet.text
    assert code(not_yet) == "payroll.timesheet_not_validated"
    assert no_reason.status_code == 422, no_reason.text
    assert code(no_reason) == "payroll.timesheet_reason_required"
    assert missing_reason.status_code == 400, missing_reason.text
    assert bad.status_code == 422, bad.text
    assert code(bad) == "payroll.timesheet_invalid_times"
    assert corrected.status_code == 200, corrected.text
    line = corrected.json()
    assert (line["status"], line["actual_minutes"], line["break_minutes"]) == ("validated", 325, 20)

    history = (await org.get(f"{URL}/{day.lea_p}/history")).json()
    assert [e["action"] for e in history["items"]] == ["updated", "validated", "corrected"]
    correction = history["items"][2]
    assert (correction["actor"], correction["reason"]) == (org.account_id, "fin reelle 23:45")
    assert correction["before"]["break_minutes"] == 0
    assert correction["after"]["break_minutes"] == 20
    assert same(correction["before"]["actual_end"], "2027-07-06T23:00")
    assert same(correction["after"]["actual_end"], "2027-07-06T23:45")
    assert "actual_start" not in correction["after"]
    # The same change is in the org's audit log, with its reason.
    audit = await org.get("/api/v1/audit", params={"action": "payroll."})
    assert audit.status_code == 200, audit.text
    entries = audit.json()["items"]
    assert [e["action"] for e in entries] == [
        "payroll.timesheet_corrected",
        "payroll.timesheet_validated",
        "payroll.timesheet_updated",
    ]
    assert entries[0]["target"] == f"assignment:{day.lea_p}"
    assert entries[0]["payload"]["reason"] == "fin reelle 23:45"
    after = entries[0]["payload"]["after"]
    assert (after["actual_end"], after["break_minutes"]) == ("2027-07-06T21:45:00+00:00", 20)
    assert "validated_at" in after  # validated again, by the corrector


async def test_bulk_validation_of_a_day_is_all_or_nothing(org, day):
    # A break that fits the planned 300 minutes, then the mission shrinks under it.
    assert (await org.patch(f"{URL}/{day.lea_p}", json={"break_minutes": 120})).status_code == 200
    shrunk = await org.patch(
        f"/api/v1/missions/{day.lea_p_mission}", json={"ends_at": at("2027-07-06T19:00")}
    )
    assert shrunk.status_code == 200, shrunk.text

    failed = await org.post(f"{URL}/validate", json={"day": DAY})

    assert failed.status_code == 422, failed.text
    assert code(failed) == "payroll.timesheet_invalid_break"
    assert failed.json()["error"]["details"]["assignment_id"] == day.lea_p
    statuses = {
        line["assignment_id"]: line["status"]
        for line in (await org.get(URL + "/", params={"day": DAY})).json()["items"]
    }
    assert set(statuses.values()) == {"draft"}

    assert (await org.patch(f"{URL}/{day.lea_p}", json={"break_minutes": 0})).status_code == 200
    assert (await org.post(f"{URL}/{day.zoe_p}/validate")).status_code == 200
    done = await org.post(f"{URL}/validate", json={"day": DAY})

    assert done.status_code == 200, done.text
    assert done.json() == {"validated": 2, "already_validated": 1}
    listed = (await org.get(URL + "/", params={"day": DAY, "status": "validated"})).json()
    assert listed["total"] == 3
    [entry] = (
        await org.get("/api/v1/audit", params={"action": "payroll.timesheets_bulk_validated"})
    ).json()["items"]
    assert entry["payload"]["count"] == 2


async def test_bulk_validation_by_project_or_by_ids(org, factories, day):
    by_project = await org.post(f"{URL}/validate", json={"day": DAY, "project": day.q["id"]})
    with_invited = await org.post(
        f"{URL}/validate", json={"assignment_ids": [day.zoe_p, day.zoe_invited]}
    )
    by_ids = await org.post(f"{URL}/validate", json={"assignment_ids": [day.zoe_p, day.lea_q]})

    assert by_project.json() == {"validated": 1, "already_validated": 0}
    assert with_invited.status_code == 404, with_invited.text
    assert code(with_invited) == "payroll.timesheet_not_found"
    assert by_ids.json() == {"validated": 1, "already_validated": 1}
    statuses = {
        line["assignment_id"]: line["status"]
        for line in (await org.get(URL + "/", params={"day": DAY})).json()["items"]
    }
    assert statuses == {day.lea_q: "validated", day.zoe_p: "validated", day.lea_p: "draft"}


async def test_a_bulk_validation_by_project_alone_leaves_work_still_to_come(org, factories, day):
    past = await factories.mission(
        day.q["id"], starts_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=3), hours=2
    )
    done = await factories.assignment(past["roles"][0]["id"], day.zoe["id"], accept=True)

    response = await org.post(f"{URL}/validate", json={"project": day.q["id"]})

    assert response.json() == {"validated": 1, "already_validated": 0}
    assert (await org.get(f"{URL}/{done['id']}")).json()["status"] == "validated"
    # Lea's mission on Q is in July 2027: to come, so left as it was.
    assert (await org.get(f"{URL}/{day.lea_q}")).json()["status"] == "draft"


@pytest.mark.parametrize(
    "body",
    [{}, {"assignment_ids": [1], "day": DAY}, {"assignment_ids": [1], "project": 1}],
)
async def test_a_bulk_validation_selects_one_way(org, day, body):
    response = await org.post(f"{URL}/validate", json=body)

    assert response.status_code == 422, response.text
    assert code(response) == "payroll.bulk_selection"


async def test_unknown_and_non_accepted_assignments_are_404(org, day):
    for assignment in (day.zoe_invited, 999_999):
        for response in (
            await org.get(f"{URL}/{assignment}"),
            await org.patch(f"{URL}/{assignment}", json={"comment": "x"}),
            await org.post(f"{URL}/{assignment}/validate"),
            await org.get(f"{URL}/{assignment}/history"),
        ):
            assert response.status_code == 404, response.text
            assert code(response) == "payroll.timesheet_not_found"
    unknown_project = await org.get(URL + "/", params={"day": DAY, "project": 999_999})
    assert code(unknown_project) == "payroll.project_not_found"


async def test_another_org_sees_none_of_it(org, make_org, day):
    await org.patch(f"{URL}/{day.lea_p}", json={"comment": "a nous"})
    other = await make_org()
    await other.enable("payroll")

    listed = (await other.get(URL + "/", params={"day": DAY})).json()
    responses = [
        await other.get(f"{URL}/{day.lea_p}"),
        await other.patch(f"{URL}/{day.lea_p}", json={"comment": "a eux"}),
        await other.post(f"{URL}/{day.lea_p}/validate"),
        await other.post(f"{URL}/{day.lea_p}/correct", json={"reason": "x"}),
        await other.get(f"{URL}/{day.lea_p}/history"),
        await other.post(f"{URL}/validate", json={"assignment_ids": [day.lea_p]}),
    ]
    by_project = await other.post(f"{URL}/validate", json={"day": DAY, "project": day.p["id"]})

    assert (listed["items"], listed["total"]) == ([], 0)
    for response in responses:
        assert response.status_code == 404, response.text
        assert code(response) == "payroll.timesheet_not_found"
    assert code(by_project) == "payroll.project_not_found"
    line = (await org.get(f"{URL}/{day.lea_p}")).json()
    assert (line["comment"], line["status"]) == ("a nous", "draft")
    rows = await TimesheetLine.select(TimesheetLine.org_id)
    assert {r["org_id"] for r in rows} == {org.org_id}


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


async def test_the_history_rows_are_the_changes_in_order(org, day):
    await org.patch(f"{URL}/{day.lea_p}", json={"comment": "un"})
    await org.patch(f"{URL}/{day.lea_p}", json={"comment": "un"})  # no change, no row
    await org.patch(f"{URL}/{day.lea_p}", json={"comment": "deux"})

    rows = (
        await TimesheetEvent.select(
            TimesheetEvent.action, TimesheetEvent.before, TimesheetEvent.after
        )
        .where(TimesheetEvent.assignment_id == day.lea_p)
        .order_by(TimesheetEvent.id)
    )

    assert [(r["action"], _json(r["before"]), _json(r["after"])) for r in rows] == [
        ("updated", {"comment": ""}, {"comment": "un"}),
        ("updated", {"comment": "un"}, {"comment": "deux"}),
    ]


async def test_the_plugins_pages_are_in_every_members_menu_and_served(
    org, make_org, factories, day
):
    tech, _ = await tech_of(org, make_org, factories)

    menus = [(await client.get("/api/v1/orgs/current/manifest")).json() for client in (org, tech)]

    for manifest in menus:
        entries = {e["path"]: e for e in manifest["menu"] if e["plugin"] == "payroll"}
        assert [path for path in entries if path != "/plugins/payroll/accounting"] == [
            "/plugins/payroll/timesheets",
            "/plugins/payroll/exports",
            "/plugins/payroll/intermittents",
        ]
        assert entries["/plugins/payroll/timesheets"]["label"] == {
            "fr": "Feuilles de temps",
            "en": "Timesheets",
        }
        assert entries["/plugins/payroll/exports"]["label"] == {
            "fr": "Exports de paie",
            "en": "Payroll exports",
        }
        assert entries["/plugins/payroll/intermittents"]["label"]["fr"] == "Intermittents"
    # Accounting: managers and above.
    assert [e["plugin"] for e in menus[0]["menu"] if e["path"] == "/plugins/payroll/accounting"]
    assert not [e for e in menus[1]["menu"] if e["path"] == "/plugins/payroll/accounting"]
    # The DPAE card on the home dashboard: managers only.
    widgets = [[w for w in m["widgets"] if w["plugin"] == "payroll"] for m in menus]
    assert [w["slot"] for w in widgets[0]] == ["dashboard"]
    assert widgets[1] == []
    card = await org.get(widgets[0][0]["module_url"])
    assert card.status_code == 200, card.text
    assert " as default" in card.text
    for entry in entries.values():
        module = await org.get(entry["module_url"])
        assert module.status_code == 200, module.text
        assert " as default" in module.text  # an ES module whose default is the page


@pytest.mark.parametrize(
    "params", [{"days": 0}, {"days": 32}, {"status": "approved"}, {"day": "2027-13-01"}]
)
async def test_a_bad_list_filter_is_a_400(org, day, params):
    response = await org.get(URL + "/", params=params)

    assert response.status_code == 400, response.text
    assert code(response) == "request.validation"
