"""Exports run as real jobs: CSV and XLSX of the monthly totals and of the payroll-office
lines, statement PDFs; their files are parsed and checked against the monthly report.

The month is the report test's July 2027 (test_payroll_report_api.py explains the
numbers): prestataires 2717 rules, +50 % on Sundays from 2027-07-01, 20.00 EUR an hour.
Lea Martin: base 420 min = 140.00, night 120 min +25 % = 10.00, Sunday 120 min +50 % =
20.00, gross 170.00. Zoe Bernard (another project): base 120 min = 40.00. Org: 210.00.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from coulisses_sdk.testing import Factories, OrgClient, run_jobs

EXPORTS = "/api/v1/payroll/exports/"
REPORT = "/api/v1/payroll/reports/monthly"
PARIS = dt.timezone(dt.timedelta(hours=2))
BOM = "\ufeff"


@dataclass
class July:
    lea: dict[str, Any]
    zoe: dict[str, Any]
    project: dict[str, Any]


async def mission(factories: Factories, project_id: int, start: str, hours: float) -> Any:
    starts = dt.datetime.fromisoformat(start).replace(tzinfo=PARIS)
    return await factories.mission(project_id, starts_at=starts, hours=hours)


@pytest.fixture
async def july(org: OrgClient, factories: Factories) -> July:
    await org.enable(
        "payroll", config={"profile": "prestataires_2717", "item_code_night": "NUIT-25"}
    )
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
    zoe = await factories.user(first_name="Zoe", last_name="Bernard")
    project = await factories.project(name="Festival d'ete")
    m1 = await mission(factories, project["id"], "2027-07-10T21:00", 5)
    m2 = await mission(factories, project["id"], "2027-07-31T22:00", 5)
    await factories.assignment(m1["roles"][0]["id"], lea["id"], accept=True)
    await factories.assignment(m2["roles"][0]["id"], lea["id"], accept=True)
    elsewhere = await mission(factories, (await factories.project())["id"], "2027-07-05T14:00", 2)
    await factories.assignment(elsewhere["roles"][0]["id"], zoe["id"], accept=True)
    return July(lea=lea, zoe=zoe, project=project)


async def member(org: OrgClient, make_org: Any, role: str) -> OrgClient:
    """A new account added to ``org`` with ``role``, its session switched to ``org``."""
    other = await make_org()
    added = await org.invite(other.email, role=role)
    switched = await other.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})
    assert switched.status_code == 200, switched.text
    return OrgClient(other.client, org.org_id, int(added["account_id"]), other.email)


async def export(client: OrgClient, **body: Any) -> dict[str, Any]:
    """Ask for an export, run the queued jobs, return its final state."""
    asked = await client.post(EXPORTS, json={"month": "2027-07", **body})
    assert asked.status_code == 202, asked.text
    queued = asked.json()
    assert (queued["status"], queued["progress"], queued["download_url"]) == ("queued", 0, None)
    await run_jobs()
    state = await client.get(f"{EXPORTS}{queued['id']}")
    assert state.status_code == 200, state.text
    done: dict[str, Any] = state.json()
    return done


async def download(client: OrgClient, state: dict[str, Any]) -> Any:
    assert (state["status"], state["progress"], state["error_code"]) == ("done", 100, None)
    response = await client.get(state["download_url"])
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == (
        f'attachment; filename="{state["filename"]}"'
    )
    assert int(response.headers["content-length"]) == state["size"] == len(response.content)
    return response


def csv_rows(content: bytes, delimiter: str) -> list[dict[str, str]]:
    text = content.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=delimiter))


def pdf_text(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


async def test_monthly_totals_csv_for_excel_fr_matches_the_report(org, july):
    state = await export(org, kind="monthly_totals", format="csv")

    response = await download(org, state)
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert state["filename"] == "paie-monthly-totals-2027-07.csv"
    rows = csv_rows(response.content, ";")
    report = (await org.get(REPORT, params={"month": "2027-07"})).json()
    by_name = {row["Personne"]: row for row in rows}
    assert list(by_name) == ["Lea Martin", "Zoe Bernard", "TOTAL"]
    for item in report["items"]:
        row = by_name[item["name"]]
        assert row["user_id"] == str(item["user_id"])
        assert row["Brut"] == f"{item['gross_cents'] // 100},{item['gross_cents'] % 100:02d}"
    lea = by_name["Lea Martin"]
    assert (lea["Base"], lea["Nuit"], lea["Dimanche"], lea["Brut"]) == (
        "140,00",
        "10,00",
        "20,00",
        "170,00",
    )
    assert (lea["Heures confirmees"], lea["Type d'emploi"], lea["Mois"]) == (
        "7,00",
        "Intermittent",
        "2027-07",
    )
    total = by_name["TOTAL"]
    assert report["totals"][0]["gross_cents"] == 21000
    assert (total["Brut"], total["Devise"], total["user_id"]) == ("210,00", "EUR", "")


async def test_monthly_totals_csv_without_excel_fr_uses_commas_and_points(org, july):
    state = await export(org, kind="monthly_totals", format="csv", excel_fr=False)

    content = (await download(org, state)).content
    assert content.decode("utf-8").splitlines()[0].startswith(BOM + "user_id,Personne,")
    rows = csv_rows(content, ",")
    assert [(r["Personne"], r["Brut"]) for r in rows] == [
        ("Lea Martin", "170.00"),
        ("Zoe Bernard", "40.00"),
        ("TOTAL", "210.00"),
    ]


async def test_monthly_totals_xlsx_has_typed_cells_a_totals_row_and_a_frozen_header(org, july):
    state = await export(org, kind="monthly_totals", format="xlsx")

    response = await download(org, state)
    assert response.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["user_id", "Personne", "Type d'emploi"]
    assert header[-1] == "Brut"
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 28
    assert sheet[1][0].font.b
    lea, zoe, total = (list(row) for row in sheet.iter_rows(min_row=2))
    assert sheet.max_row == 4
    assert lea[0].value == july.lea["id"]
    assert lea[0].data_type == "n"
    assert lea[1].value == "Lea Martin"
    gross = header.index("Brut")
    assert (lea[gross].value, zoe[gross].value, total[gross].value) == (170, 40, 210)
    assert lea[gross].data_type == total[gross].data_type == "n"  # numbers, not text
    assert lea[gross].number_format == "#,##0.00"
    assert lea[header.index("Heures confirmees")].value == 7
    assert (total[1].value, total[1].font.b) == ("TOTAL", True)


async def test_payroll_office_lines_carry_the_org_item_codes(org, july):
    state = await export(org, kind="payroll_office", format="csv")

    rows = csv_rows((await download(org, state)).content, ";")
    lines = [
        (r["Personne"], r["Rubrique"], r["Code"], r["Quantite"], r["Taux"], r["Montant"])
        for r in rows
    ]
    assert lines == [
        ("Lea Martin", "base", "base", "7,00", "20,00", "140,00"),
        ("Lea Martin", "night", "NUIT-25", "2,00", "20,00", "10,00"),
        ("Lea Martin", "sunday", "sunday", "2,00", "20,00", "20,00"),
        ("Zoe Bernard", "base", "base", "2,00", "20,00", "40,00"),
        ("TOTAL", "", "", "", "", "210,00"),
    ]
    assert [r["Majoration %"] for r in rows[:3]] == ["", "25", "50"]
    assert {r["Type d'emploi"] for r in rows[:4]} == {"Intermittent"}


async def test_payroll_office_xlsx_amounts_sum_to_the_total(org, july):
    state = await export(org, kind="payroll_office", format="xlsx", project=july.project["id"])

    sheet = load_workbook(io.BytesIO((await download(org, state)).content)).active
    header = [c.value for c in sheet[1]]
    amount = header.index("Montant")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [r[1] for r in rows] == ["Lea Martin"] * 3 + ["TOTAL"]
    assert sum(r[amount] for r in rows[:-1]) == rows[-1][amount] == 170
    assert rows[1][header.index("Code")] == "NUIT-25"
    assert state["filename"] == f"paie-payroll-office-2027-07-projet-{july.project['id']}.xlsx"


async def test_a_person_statement_pdf_names_amounts_and_the_disclaimer(org, july):
    state = await export(org, kind="statement", format="pdf", user=july.lea["id"])

    response = await download(org, state)
    assert response.headers["content-type"] == "application/pdf"
    (page,) = pdf_text(response.content)
    assert "Lea Martin" in page
    assert "juillet 2027" in page
    assert "170,00 EUR" in page
    assert "140,00" not in page  # lines, not the kind totals: 100,00 + 40,00
    assert "100,00 EUR" in page
    assert "Dimanche" in page
    assert "Calculs, pas un conseil juridique." in page
    assert "Zoe" not in page


async def test_the_org_statement_pdf_has_a_page_per_person(org, july):
    state = await export(org, kind="statement", format="pdf")

    lea, zoe = pdf_text((await download(org, state)).content)
    assert "Lea Martin" in lea
    assert "170,00 EUR" in lea
    assert "Zoe Bernard" in zoe
    assert "40,00 EUR" in zoe
    assert "Calculs, pas un conseil juridique." in zoe


async def test_a_project_statement_pdf_lists_its_people_and_totals(org, july):
    state = await export(org, kind="statement", format="pdf", project=july.project["id"])

    (page,) = pdf_text((await download(org, state)).content)
    assert "Festival d'ete" in page
    assert "Lea Martin" in page
    assert "Zoe" not in page
    assert page.count("170,00 EUR") == 2  # Lea's row and the total
    assert "Calculs, pas un conseil juridique." in page


@pytest.mark.parametrize(
    ("kind", "fmt"),
    [("monthly_totals", "pdf"), ("payroll_office", "pdf"), ("statement", "xlsx")],
)
async def test_a_kind_in_a_format_it_has_not_is_a_422(org, july, kind, fmt):
    response = await org.post(EXPORTS, json={"kind": kind, "format": fmt, "month": "2027-07"})

    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "payroll.export_format_unsupported"
    assert error["details"]["field"] == "format"
    assert (await org.get(EXPORTS)).json()["total"] == 0


async def test_bad_month_project_or_user_are_refused_before_anything_is_queued(org, july):
    month = await org.post(EXPORTS, json={"kind": "statement", "format": "pdf", "month": "07-27"})
    project = await org.post(
        EXPORTS,
        json={"kind": "statement", "format": "pdf", "month": "2027-07", "project": 999999},
    )
    user = await org.post(
        EXPORTS, json={"kind": "statement", "format": "pdf", "month": "2027-07", "user": 999999}
    )
    kind = await org.post(EXPORTS, json={"kind": "everything", "format": "pdf", "month": "2027-07"})

    assert (month.status_code, month.json()["error"]["code"]) == (400, "payroll.invalid_month")
    assert (project.status_code, project.json()["error"]["code"]) == (
        404,
        "payroll.project_not_found",
    )
    assert (user.status_code, user.json()["error"]["code"]) == (404, "payroll.user_not_found")
    assert kind.status_code == 400, kind.text
    assert (await org.get(EXPORTS)).json()["total"] == 0


async def test_a_download_before_the_job_ran_is_a_409(org, july):
    asked = await org.post(
        EXPORTS, json={"kind": "monthly_totals", "format": "csv", "month": "2027-07"}
    )
    early = await org.get(f"{EXPORTS}{asked.json()['id']}/download")
    await run_jobs()

    assert early.status_code == 409, early.text
    assert early.json()["error"]["code"] == "payroll.export_not_ready"
    assert early.json()["error"]["details"]["status"] == "queued"


async def test_a_report_error_fails_the_export_with_its_code(org, factories):
    await org.enable("payroll")
    await factories.rate()
    early = await mission(factories, (await factories.project())["id"], "2023-12-04T10:00", 2)
    await factories.assignment(early["roles"][0]["id"], accept=True)

    state = await export(org, kind="monthly_totals", format="csv", month="2023-12")

    assert (state["status"], state["error_code"], state["download_url"]) == (
        "failed",
        "payroll.no_rule_set",
        None,
    )
    refused = await org.get(f"{EXPORTS}{state['id']}/download")
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "payroll.export_not_ready"


async def test_a_tech_exports_only_their_own_statement(org, make_org, factories, july):
    tech = await member(org, make_org, "tech")
    own = await factories.user(first_name="Tom", last_name="Tech", account_id=tech.account_id)
    work = await mission(factories, july.project["id"], "2027-07-06T10:00", 2)
    await factories.assignment(work["roles"][0]["id"], own["id"], accept=True)

    totals = await tech.post(
        EXPORTS, json={"kind": "monthly_totals", "format": "csv", "month": "2027-07"}
    )
    office = await tech.post(
        EXPORTS, json={"kind": "payroll_office", "format": "xlsx", "month": "2027-07"}
    )
    someone = await tech.post(
        EXPORTS,
        json={"kind": "statement", "format": "pdf", "month": "2027-07", "user": july.lea["id"]},
    )
    for refused in (totals, office):
        assert refused.status_code == 403, refused.text
        assert refused.json()["error"]["code"] == "payroll.export_forbidden"
    assert someone.status_code == 403
    assert someone.json()["error"]["code"] == "payroll.own_lines_only"

    mine = await export(tech, kind="statement", format="csv")
    assert mine["user_id"] == own["id"]
    rows = csv_rows((await download(tech, mine)).content, ";")
    assert [(r["Personne"], r["Rubrique"], r["Montant"]) for r in rows] == [
        ("Tom Tech", "base", "40,00"),
        ("TOTAL", "", "40,00"),
    ]
    assert rows[0]["Jour"] == "2027-07-06"
    assert rows[0]["Heures payees"] == "planned"
    pdf = await export(tech, kind="statement", format="pdf")
    (page,) = pdf_text((await download(tech, pdf)).content)
    assert "Tom Tech" in page
    assert "Lea" not in page


async def test_members_see_their_own_exports_and_admins_every_one(org, make_org, factories, july):
    manager = await member(org, make_org, "manager")
    tech = await member(org, make_org, "tech")
    await factories.user(first_name="Tim", last_name="Tech", account_id=tech.account_id)
    by_manager = await export(manager, kind="monthly_totals", format="csv")
    by_tech = await export(tech, kind="statement", format="pdf")
    by_owner = await export(org, kind="payroll_office", format="csv")

    def ids(response: Any) -> list[int]:
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert ids(await manager.get(EXPORTS)) == [by_manager["id"]]
    assert ids(await tech.get(EXPORTS)) == [by_tech["id"]]
    # Newest first.
    assert ids(await org.get(EXPORTS)) == [by_owner["id"], by_tech["id"], by_manager["id"]]
    assert ids(await org.get(EXPORTS, params={"page_size": 1, "page": 3})) == [by_manager["id"]]
    for outsider, state in ((tech, by_manager), (manager, by_tech), (manager, by_owner)):
        for url in (f"{EXPORTS}{state['id']}", f"{EXPORTS}{state['id']}/download"):
            hidden = await outsider.get(url)
            assert hidden.status_code == 404, hidden.text
            assert hidden.json()["error"]["code"] == "payroll.export_not_found"
    # The owner downloads the others' files.
    await download(org, by_tech)
    await download(org, by_manager)


async def test_another_org_sees_none_of_the_exports(org, make_org, july):
    state = await export(org, kind="monthly_totals", format="xlsx")
    other = await make_org()
    await other.enable("payroll")

    listed = await other.get(EXPORTS)
    one = await other.get(f"{EXPORTS}{state['id']}")
    file = await other.get(f"{EXPORTS}{state['id']}/download")
    their_user = await other.post(
        EXPORTS,
        json={"kind": "statement", "format": "pdf", "month": "2027-07", "user": july.lea["id"]},
    )

    assert listed.json()["total"] == 0
    assert one.status_code == file.status_code == 404
    assert file.json()["error"]["code"] == "payroll.export_not_found"
    assert their_user.status_code == 404
    assert their_user.json()["error"]["code"] == "payroll.user_not_found"


async def test_exports_are_404_once_the_plugin_is_disabled(org, july):
    state = await export(org, kind="monthly_totals", format="csv")
    await org.disable("payroll")

    assert (await org.get(f"{EXPORTS}{state['id']}/download")).status_code == 404
    assert (await org.get(EXPORTS)).status_code == 404


async def test_requests_and_downloads_are_in_the_audit_log(org, july):
    state = await export(org, kind="statement", format="pdf", user=july.lea["id"])
    await download(org, state)
    refused = await org.post(
        EXPORTS, json={"kind": "statement", "format": "xlsx", "month": "2027-07"}
    )
    assert refused.status_code == 422

    audit = await org.get("/api/v1/audit", params={"action": "payroll."})

    assert audit.status_code == 200, audit.text
    entries = [e for e in audit.json()["items"] if e["action"].startswith("payroll.export")]
    assert [(e["action"], e["target"]) for e in entries] == [
        ("payroll.export_downloaded", f"export:{state['id']}"),
        ("payroll.export_requested", f"export:{state['id']}"),
    ]
    assert entries[1]["payload"] == {
        "kind": "statement",
        "format": "pdf",
        "month": "2027-07",
        "project_id": None,
        "user_id": july.lea["id"],
    }
