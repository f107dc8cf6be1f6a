"""The payroll plugin's personal data hooks through the core routes: the export holds the
person's timesheets, their history and 507 h profile; the erasure blanks their comments
and notes, keeps the hours, and a second erasure is refused."""

from __future__ import annotations

import io
import json
import zipfile

from coulisses_payroll.tables import CivilStatus, IntermittentProfile, TimesheetEvent, TimesheetLine
from coulisses_sdk.testing import Factories, OrgClient


async def test_payroll_exports_then_erases_a_persons_timesheets_and_notes(
    org: OrgClient, factories: Factories
):
    await org.enable("payroll", config={"profile": "prestataires_2717"})
    lea = await factories.user(first_name="Lea", last_name="Martin")
    made = await factories.assignment(user_id=lea["id"], accept=True)
    line = await org.get(f"/api/v1/payroll/timesheets/{made['id']}")
    assert line.status_code == 200, line.text
    edited = await org.patch(
        f"/api/v1/payroll/timesheets/{made['id']}", json={"comment": "Arrivee en retard"}
    )
    assert edited.status_code == 200, edited.text
    profile = await org.put(
        f"/api/v1/payroll/intermittents/{lea['id']}",
        json={"elsewhere_minutes": 600, "elsewhere_note": "Opera de Lille"},
    )
    assert profile.status_code == 200, profile.text
    civil = await org.put(
        f"/api/v1/payroll/intermittents/{lea['id']}/civil-status",
        json={"birth_date": "1985-05-17", "birth_place": "Nancy (54)", "address": "1 rue Haute"},
    )
    assert civil.status_code == 200, civil.text

    exported = await org.get(f"/api/v1/users/{lea['id']}/export")
    assert exported.status_code == 200, exported.text
    archive = zipfile.ZipFile(io.BytesIO(exported.content))
    payroll = json.loads(archive.read("donnees.json"))["plugins"]["payroll"]
    assert [(t["assignment_id"], t["comment"]) for t in payroll["timesheets"]] == [
        (made["id"], "Arrivee en retard")
    ]
    assert any(
        e["after"].get("comment") == "Arrivee en retard" for e in payroll["timesheet_history"]
    )
    assert [
        (p["elsewhere_minutes"], p["elsewhere_note"]) for p in payroll["intermittent_profile"]
    ] == [(600, "Opera de Lille")]
    assert [(c["birth_date"], c["birth_place"]) for c in payroll["civil_status"]] == [
        ("1985-05-17", "Nancy (54)")
    ]
    assert "plugins/payroll/timesheet_history.csv" in archive.namelist()

    erased = await org.post(
        f"/api/v1/users/{lea['id']}/erase", json={"confirm": "Lea Martin", "reason": "demande"}
    )
    assert erased.status_code == 200, erased.text

    [kept] = await TimesheetLine.select().where(TimesheetLine.user_id == lea["id"])
    assert kept["comment"] == ""
    assert kept["assignment_id"] == made["id"]
    events = await TimesheetEvent.select().where(TimesheetEvent.line_id == kept["id"])
    assert events
    assert "Arrivee" not in json.dumps([e["before"] for e in events] + [e["after"] for e in events])
    [note] = await IntermittentProfile.select().where(IntermittentProfile.user_id == lea["id"])
    assert (note["elsewhere_minutes"], note["elsewhere_note"]) == (600, "")
    assert await CivilStatus.select().where(CivilStatus.user_id == lea["id"]) == []
    again = await org.post(
        f"/api/v1/users/{lea['id']}/erase", json={"confirm": "Lea Martin", "reason": "demande"}
    )
    assert again.status_code == 409, again.text
