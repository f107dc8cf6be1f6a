"""CDDU contract PDFs, AEM lines (JSON, CSV, PDF) and the Conges Spectacles base over the
real app.

July 2027, Europe/Paris. Lea (intermittent, 20,00 EUR an hour) on Festival: Monday 5 and
Tuesday 6 July 10:00-14:00 (one engagement, 8 h); on Tournee: Friday 30, Saturday 31 July
and Sunday 1 August 10:00-14:00 (one engagement running into August). Ines (intermittent,
250,00 EUR a cachet: annexe 10) on Festival: Tuesday 6 July 20:00-23:00. Hand-computed:
Lea's Festival line 8 h x 20,00 = 160,00 EUR, 2 days; her Tournee line in July 8 h, 160,00
EUR, 2 days, contract ongoing; Ines 1 cachet, 250,00 EUR, 1 day. Conges Spectacles at
15,50 %: 24,80 EUR, 24,80 EUR and 38,75 EUR.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from coulisses_sdk.testing import Factories, OrgClient

PARIS = ZoneInfo("Europe/Paris")
CONTRACT = "/api/v1/payroll/engagements/contract.pdf"
#: Lea's social security number as the core stores it (spaces removed).
NIR = "185057800608491"
AEM = "/api/v1/payroll/aem"
INTERMITTENTS = "/api/v1/payroll/intermittents"
LEA_CIVIL: dict[str, Any] = {
    "birth_name": "Dupuis",
    "birth_date": "1985-05-17",
    "birth_place": "Versailles (78)",
    "nationality": "francaise",
    "address": "3 rue du Theatre\n69001 Lyon",
}
LEA_CIVIL_CSV = [
    "Dupuis",
    "1985-05-17",
    "Versailles (78)",
    "francaise",
    "3 rue du Theatre / 69001 Lyon",
]
IDENTITY: dict[str, Any] = {
    "legal_name": "Les Tretaux SARL",
    "address": "12 rue des Coulisses, 75011 Paris",
    "siret": "73282932000074",
    "ape": "9001Z",
    "idcc": "1285",
    "licences": [{"category": 2, "number": "PLATESV-R-2021-000123"}],
}


def code(response: Any) -> str:
    return str(response.json()["error"]["code"])


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


async def work(factories: Factories, project: int, user: int, start: str, hours: float) -> int:
    starts = dt.datetime.fromisoformat(start).replace(tzinfo=PARIS)
    mission = await factories.mission(project, starts_at=starts, hours=hours)
    made = await factories.assignment(mission["roles"][0]["id"], user, accept=True)
    return int(made["id"])


@dataclass
class Crew:
    lea: dict[str, Any]
    ines: dict[str, Any]
    festival: dict[str, Any]
    tournee: dict[str, Any]


@pytest.fixture
async def crew(org: OrgClient, factories: Factories) -> Crew:
    await org.enable("payroll")
    festival = await factories.project(name="Festival")
    tournee = await factories.project(name="Tournee")
    lea = await factories.user(first_name="Lea", last_name="Martin")
    ines = await factories.user(first_name="Ines", last_name="Caron")
    await factories.rate(user_id=lea["id"], kind="hourly", amount_cents=2000)
    await factories.rate(user_id=ines["id"], kind="cachet", amount_cents=25000)
    await work(factories, festival["id"], lea["id"], "2027-07-05T10:00", 4)
    await work(factories, festival["id"], lea["id"], "2027-07-06T10:00", 4)
    await work(factories, tournee["id"], lea["id"], "2027-07-30T10:00", 4)
    await work(factories, tournee["id"], lea["id"], "2027-07-31T10:00", 4)
    await work(factories, tournee["id"], lea["id"], "2027-08-01T10:00", 4)
    await work(factories, festival["id"], ines["id"], "2027-07-06T20:00", 3)
    return Crew(lea, ines, festival, tournee)


async def fill_identity(org: OrgClient, crew: Crew) -> None:
    assert (await org.put("/api/v1/payroll/identity", json=IDENTITY)).status_code == 200
    for project, numero in ((crew.festival, "FT-2027/0042"), (crew.tournee, "FT-2027/0043")):
        put = await org.put(
            f"/api/v1/payroll/projects/{project['id']}/identity", json={"numero_objet": numero}
        )
        assert put.status_code == 200, put.text


def lea_festival(crew: Crew) -> dict[str, Any]:
    return {"user": crew.lea["id"], "project": crew.festival["id"], "first_day": "2027-07-05"}


async def test_a_contract_lists_what_is_missing_before_it_can_be_made(org, crew):
    response = await org.get(CONTRACT, params=lea_festival(crew))

    assert (response.status_code, code(response)) == (409, "payroll.contract_missing_data")
    assert response.json()["error"]["details"]["missing"] == [
        "legal_name",
        "address",
        "siret",
        "ape",
        "idcc",
        "licences",
        "numero_objet",
    ]
    assert (await org.put("/api/v1/payroll/identity", json=IDENTITY)).status_code == 200
    still = await org.get(CONTRACT, params=lea_festival(crew))
    assert still.json()["error"]["details"]["missing"] == ["numero_objet"]


async def test_the_contract_carries_the_mandatory_mentions(org, crew):
    await fill_identity(org, crew)
    civil = await org.put(f"{INTERMITTENTS}/{crew.lea['id']}/civil-status", json=LEA_CIVIL)
    assert civil.status_code == 200, civil.text
    nir = await org.patch(f"/api/v1/users/{crew.lea['id']}", json={"legal_ids": {"nir": NIR}})
    assert nir.status_code == 200, nir.text

    response = await org.get(CONTRACT, params=lea_festival(crew))

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert "cddu-" in response.headers["content-disposition"]
    text = " ".join(pdf_text(response.content).split())
    for mention in (
        "Contrat de travail \u00e0 dur\u00e9e d\u00e9termin\u00e9e d'usage (CDDU)",
        "L1242-2 3\u00b0 et D1242-1",
        "Les Tretaux SARL",
        "12 rue des Coulisses, 75011 Paris",
        "SIRET : 73282932000074",
        "Code APE : 90.01Z",
        "(producteur) : PLATESV-R-2021-000123",
        "entreprises artistiques et culturelles (CCNEAC, IDCC 1285)",
        "Lea Martin",
        "(n\u00e9(e) Dupuis)",
        "le 17/05/1985 \u00e0 Versailles (78), de nationalit\u00e9 francaise",
        f"s\u00e9curit\u00e9 sociale : {NIR}",
        "Demeurant : 3 rue du Theatre, 69001 Lyon",
        "annexe 8",
        "projet Festival",
        "FT-2027/0042",
        "technicien son",
        "Du 05/07/2027 au 06/07/2027 inclus (2 jour(s) de travail)",
        "20,00 EUR brut de l'heure, 8,00 h pr\u00e9vues",
        "aucune (contrat de moins d'une semaine)",
        "L1243-10",
        "Audiens",
        "Cong\u00e9s Spectacles",
        "France Travail",
        "L1242-13",
        "Calculs, pas un conseil juridique.",
    ):
        assert mention in text, mention


async def test_an_artist_paid_by_the_cachet_gets_an_annexe_10_contract(org, crew):
    await fill_identity(org, crew)
    params = {"user": crew.ines["id"], "project": crew.festival["id"], "first_day": "2027-07-06"}

    response = await org.get(CONTRACT, params=params)

    assert response.status_code == 200, response.text
    text = " ".join(pdf_text(response.content).split())
    assert "annexe 10" in text
    assert "250,00 EUR brut par cachet, 1 cachet(s)" in text


async def test_an_engagement_that_does_not_start_that_day_is_404(org, crew):
    await fill_identity(org, crew)
    params = {**lea_festival(crew), "first_day": "2027-07-06"}

    response = await org.get(CONTRACT, params=params)

    assert (response.status_code, code(response)) == (404, "payroll.engagement_not_found")


async def test_a_tech_reads_their_own_contract_only(org, make_org, factories, crew):
    await fill_identity(org, crew)
    tech = await make_org()
    member = await org.invite(tech.email, role="tech")
    nina = await factories.user(
        first_name="Nina", last_name="Roux", account_id=member["account_id"]
    )
    await factories.rate(user_id=nina["id"], kind="hourly", amount_cents=1800)
    await work(factories, crew.festival["id"], nina["id"], "2027-07-07T10:00", 4)
    assert (await tech.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})).is_success

    own = await tech.get(
        CONTRACT,
        params={"user": nina["id"], "project": crew.festival["id"], "first_day": "2027-07-07"},
    )
    assert own.status_code == 200, own.text
    assert "Nina Roux" in pdf_text(own.content)
    other = await tech.get(CONTRACT, params=lea_festival(crew))
    assert (other.status_code, code(other)) == (403, "payroll.own_lines_only")
    assert (await tech.get(AEM, params={"month": "2027-07"})).status_code == 403
    assert (await tech.get(AEM + "/file", params={"month": "2027-07"})).status_code == 403


async def test_another_org_reads_none_of_it(make_org, org, crew):
    await fill_identity(org, crew)
    other = await make_org()
    await other.enable("payroll")

    response = await other.get(CONTRACT, params=lea_festival(crew))
    assert (response.status_code, code(response)) == (404, "payroll.user_not_found")
    assert (await other.get(AEM, params={"month": "2027-07"})).json()["rows"] == []


async def test_the_aem_lines_of_a_month_with_their_conges_spectacles_base(org, crew):
    response = await org.get(AEM, params={"month": "2027-07"})

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["month"] == "2027-07"
    assert body["employer_missing"] == ["legal_name", "address", "siret", "ape", "idcc"]
    rows = [
        (
            r["name"],
            r["project_name"],
            r["annexe"],
            r["contract_start"],
            r["contract_end"],
            r["ongoing"],
            r["hours_minutes"],
            r["cachets"],
            r["days_worked"],
            r["gross_cents"],
            r["cs_base_cents"],
            r["cs_rate_pct"],
            r["cs_contribution_cents"],
        )
        for r in body["rows"]
    ]
    assert rows == [
        ("Ines Caron", "Festival", 10, "2027-07-06", "2027-07-06", False, 0, 1, 1, 25000,
         25000, "15.50", 3875),
        ("Lea Martin", "Festival", 8, "2027-07-05", "2027-07-06", False, 480, 0, 2, 16000,
         16000, "15.50", 2480),
        ("Lea Martin", "Tournee", 8, "2027-07-30", "2027-08-01", True, 480, 0, 2, 16000,
         16000, "15.50", 2480),
    ]  # fmt: skip
    august = (await org.get(AEM, params={"month": "2027-08"})).json()["rows"]
    assert [(r["project_name"], r["hours_minutes"], r["ongoing"]) for r in august] == [
        ("Tournee", 240, False)
    ]


async def test_the_conges_spectacles_rate_and_ceiling_are_dated_rule_parameters(org, crew):
    version = await org.post(
        "/api/v1/payroll/rules/",
        json={
            "employment_type": "intermittent_a8",
            "effective_from": "2027-07-01",
            "params": {
                "conges_spectacles_rate_pct": {"value": "16.00", "source": "Audiens 2027"},
                "conges_spectacles_ceiling_cents": {"value": 10000, "source": "test ceiling"},
            },
        },
    )
    assert version.status_code == 201, version.text

    rows = (await org.get(AEM, params={"month": "2027-07"})).json()["rows"]

    lea = [(r["cs_base_cents"], r["cs_rate_pct"], r["cs_contribution_cents"]) for r in rows[1:]]
    assert lea == [(10000, "16.00", 1600), (10000, "16.00", 1600)]
    # Ines is annexe 10: her version is unchanged.
    assert (rows[0]["cs_base_cents"], rows[0]["cs_rate_pct"]) == (25000, "15.50")


async def test_the_aem_csv_has_the_fields_and_hand_computed_values(org, crew):
    refused = await org.get(AEM + "/file", params={"month": "2027-07"})
    assert (refused.status_code, code(refused)) == (409, "payroll.aem_missing_data")
    await fill_identity(org, crew)
    # Lea's social security number, recorded on her profile in the core (legal ids).
    nir = await org.patch(
        f"/api/v1/users/{crew.lea['id']}", json={"legal_ids": {"nir": "1 85 05 78 006 084 91"}}
    )
    assert nir.status_code == 200, nir.text
    civil = await org.put(f"{INTERMITTENTS}/{crew.lea['id']}/civil-status", json=LEA_CIVIL)
    assert civil.status_code == 200, civil.text

    response = await org.get(AEM + "/file", params={"month": "2027-07", "excel_fr": "false"})

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="aem-2027-07.csv"' in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Employeur",
        "SIRET",
        "APE",
        "IDCC",
        "Numero d'objet",
        "user_id",
        "Salarie",
        "NIR",
        "Nom de naissance",
        "Date de naissance",
        "Lieu de naissance",
        "Nationalite",
        "Adresse",
        "Emploi",
        "Annexe",
        "Debut contrat",
        "Fin contrat",
        "Contrat en cours",
        "Heures",
        "Cachets",
        "Jours travailles",
        "Brut",
        "Devise",
        "Type AEM",
        "Base Conges Spectacles",
        "Taux Conges Spectacles",
        "Cotisation Conges Spectacles",
    ]
    employer = ["Les Tretaux SARL", "73282932000074", "90.01Z", "1285"]
    NO_CIVIL = ["", "", "", "", ""]  # noqa: N806
    assert rows[1:] == [
        [*employer, "FT-2027/0042", str(crew.ines["id"]), "Ines Caron", "", *NO_CIVIL,
         "technicien son", "10",
         "2027-07-06", "2027-07-06", "non", "0.00", "1", "1", "250.00", "EUR", "initiale",
         "250.00", "15.50", "38.75"],
        [*employer, "FT-2027/0042", str(crew.lea["id"]), "Lea Martin", NIR, *LEA_CIVIL_CSV,
         "technicien son", "8",
         "2027-07-05", "2027-07-06", "non", "8.00", "0", "2", "160.00", "EUR", "initiale",
         "160.00", "15.50", "24.80"],
        [*employer, "FT-2027/0043", str(crew.lea["id"]), "Lea Martin", NIR, *LEA_CIVIL_CSV,
         "technicien son", "8",
         "2027-07-30", "2027-08-01", "oui", "8.00", "0", "2", "160.00", "EUR", "initiale",
         "160.00", "15.50", "24.80"],
    ]  # fmt: skip
    excel = await org.get(AEM + "/file", params={"month": "2027-07"})
    assert excel.content.decode("utf-8-sig").splitlines()[2].endswith(";160,00;15,50;24,80")


async def test_the_aem_summary_pdf(org, crew):
    await fill_identity(org, crew)

    response = await org.get(AEM + "/file", params={"month": "2027-07", "format": "pdf"})

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Attestations employeur mensuelles : juillet 2027" in text
    assert "SIRET 73282932000074" in text
    assert "Lea Martin" in text
    assert "Ines Caron" in text
    assert "en cours" in text
    assert "250,00 EUR" in text


async def test_a_guso_employer_makes_no_aem(org, crew):
    await fill_identity(org, crew)
    assert (
        await org.put("/api/v1/payroll/identity", json={**IDENTITY, "guso": True})
    ).status_code == 200

    response = await org.get(AEM + "/file", params={"month": "2027-07"})

    assert (response.status_code, code(response)) == (409, "payroll.aem_guso")


async def test_a_bad_month_is_refused(org, crew):
    response = await org.get(AEM, params={"month": "2027-13"})

    assert response.status_code == 400
    assert code(response) == "payroll.invalid_month"


async def test_the_civil_status_is_validated_audited_without_values_and_shown_on_the_aem(
    org, make_org, factories, crew
):
    url = f"{INTERMITTENTS}/{crew.lea['id']}/civil-status"
    empty = await org.get(url)
    assert empty.status_code == 200, empty.text
    assert empty.json()["missing"] == ["birth_date", "birth_place", "address"]
    for body, status, error in (
        ({"birth_date": "2999-01-01"}, 422, "payroll.invalid_birth_date"),
        ({"birth_place": "x" * 121}, 400, None),
        ({"surname": "X"}, 400, None),
    ):
        bad = await org.put(url, json=body)
        assert bad.status_code == status, bad.text
        if error:
            assert code(bad) == error
    assert (await org.get(url)).json()["birth_date"] is None  # nothing written

    saved = await org.put(url, json=LEA_CIVIL)
    assert saved.status_code == 200, saved.text
    assert saved.json()["missing"] == []
    assert saved.json()["address"] == "3 rue du Theatre\n69001 Lyon"
    audit = await org.get("/api/v1/audit", params={"action": "payroll.civil_status_updated"})
    assert audit.status_code == 200, audit.text
    [entry] = audit.json()["items"]
    assert sorted(entry["payload"]["fields"]) == sorted(LEA_CIVIL)
    assert "Versailles" not in str(entry)  # the values stay out of the log

    aem = await org.get(AEM, params={"month": "2027-07"})
    lea = [r for r in aem.json()["rows"] if r["user_id"] == crew.lea["id"]]
    assert {(r["birth_date"], r["birth_place"], tuple(r["civil_missing"])) for r in lea} == {
        ("1985-05-17", "Versailles (78)", ())
    }
    ines = [r for r in aem.json()["rows"] if r["user_id"] == crew.ines["id"]]
    assert ines[0]["civil_missing"] == ["birth_date", "birth_place", "address"]

    # Only intermittents have one; another org reads none of it.
    cdi = await factories.user(first_name="Max", last_name="Cdi", employment_type="CDI")
    not_one = await org.get(f"{INTERMITTENTS}/{cdi['id']}/civil-status")
    assert (not_one.status_code, code(not_one)) == (422, "payroll.not_intermittent")
    other = await make_org()
    await other.enable("payroll")
    assert (await other.get(url)).status_code == 404
    assert (await other.put(url, json=LEA_CIVIL)).status_code == 404
