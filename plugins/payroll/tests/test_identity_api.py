"""The employer's legal identity (SIRET Luhn, APE, IDCC, licences) and the projects'
numero d'objet over the real app: normalised, checked with stable codes and no partial
write, audited, by role, per org."""

from __future__ import annotations

from typing import Any

import pytest

from coulisses_payroll.identity import luhn, siret_ok
from coulisses_sdk.testing import Factories, OrgClient

URL = "/api/v1/payroll/identity"
#: Valid SIRETs (SIREN and SIRET keys right).
SIRET = "73282932000074"
#: La Poste: fails Luhn, its digits sum to a multiple of 5 (INSEE's exception).
LA_POSTE = "35600000049837"

FULL: dict[str, Any] = {
    "legal_name": "Les Tretaux SARL",
    "address": "12 rue des Coulisses, 75011 Paris",
    "siret": "732 829 320 00074",
    "ape": "9001z",
    "idcc": "1285",
    "licences": [
        {"category": 2, "number": "PLATESV-R-2021-000123"},
        {"category": 1, "number": " PLATESV-R-2021-000122 "},
    ],
}


def code(response: Any) -> str:
    return str(response.json()["error"]["code"])


@pytest.fixture
async def payroll(org: OrgClient) -> OrgClient:
    await org.enable("payroll")
    return org


def test_luhn_keys():
    assert siret_ok(SIRET)
    assert siret_ok("44306184100047")
    assert not siret_ok("73282932000075")  # last digit changed
    assert not siret_ok("73282932100074")  # a SIREN digit changed
    assert not luhn(LA_POSTE)
    assert siret_ok(LA_POSTE)
    assert not siret_ok("35600000049838")
    assert not siret_ok("7328293200007")  # 13 digits
    assert not siret_ok("\u0667" * 14)  # non-ASCII digits


async def test_an_empty_identity_says_what_is_missing(payroll):
    response = await payroll.get(URL)

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["siret"], body["licences"], body["guso"]) == (None, [], False)
    assert body["missing"] == ["legal_name", "address", "siret", "ape", "idcc"]


async def test_the_identity_is_normalised_stored_and_audited(payroll):
    response = await payroll.put(URL, json=FULL)

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["siret"], body["siren"], body["ape"], body["idcc"]) == (
        SIRET,
        "732829320",
        "90.01Z",
        "1285",
    )
    assert body["licences"] == [
        {"category": 1, "number": "PLATESV-R-2021-000122"},
        {"category": 2, "number": "PLATESV-R-2021-000123"},
    ]
    assert (body["missing"], body["updated_by"]) == ([], payroll.account_id)
    assert (await payroll.get(URL)).json() == body

    # IDCC is kept on four digits; clearing a field lists it as missing again.
    again = await payroll.put(URL, json={**FULL, "idcc": "16", "address": ""})
    assert again.status_code == 200, again.text
    assert (again.json()["idcc"], again.json()["missing"]) == ("0016", ["address"])

    audit = await payroll.get("/api/v1/audit", params={"action": "payroll."})
    entries = [e for e in audit.json()["items"] if e["action"] == "payroll.identity_updated"]
    assert len(entries) == 2
    latest = entries[0]["payload"]
    assert latest["before"] == {"address": FULL["address"], "idcc": "1285"}
    assert latest["after"] == {"address": "", "idcc": "0016"}
    # Saving the same values again writes no entry.
    await payroll.put(URL, json={**FULL, "idcc": "16", "address": ""})
    audit = await payroll.get("/api/v1/audit", params={"action": "payroll."})
    assert len([e for e in audit.json()["items"] if e["action"] == "payroll.identity_updated"]) == 2


async def test_la_poste_establishments_pass(payroll):
    response = await payroll.put(URL, json={"siret": LA_POSTE})
    assert response.status_code == 200, response.text
    assert response.json()["siret"] == LA_POSTE


@pytest.mark.parametrize(
    ("change", "expected", "field"),
    [
        ({"siret": "73282932000075"}, "payroll.siret_checksum", "siret"),
        ({"siret": "7328293200007A"}, "payroll.siret_format", "siret"),
        ({"siret": "7328293200007"}, "payroll.siret_format", "siret"),
        ({"ape": "900Z"}, "payroll.ape_format", "ape"),
        ({"idcc": "12345"}, "payroll.idcc_format", "idcc"),
        ({"idcc": "IDCC"}, "payroll.idcc_format", "idcc"),
        (
            {"licences": [{"category": 2, "number": "A"}, {"category": 2, "number": "B"}]},
            "payroll.licence_duplicate",
            "licences.1.category",
        ),
    ],
)
async def test_bad_values_are_refused_and_nothing_is_written(payroll, change, expected, field):
    assert (await payroll.put(URL, json=FULL)).status_code == 200
    before = (await payroll.get(URL)).json()

    response = await payroll.put(URL, json={**FULL, "legal_name": "Autre", **change})

    assert response.status_code == 422, response.text
    assert code(response) == expected
    assert response.json()["error"]["details"]["field"] == field
    assert (await payroll.get(URL)).json() == before


@pytest.mark.parametrize(
    "body",
    [
        {"licences": [{"category": 4, "number": "X"}]},
        {"licences": [{"category": 1, "number": "   "}]},
        {"siret": SIRET, "unknown": 1},
        {"legal_name": "x" * 201},
    ],
)
async def test_malformed_bodies_are_request_errors(payroll, body):
    response = await payroll.put(URL, json=body)
    assert response.status_code == 400, response.text
    assert code(response) == "request.validation"


async def test_managers_read_admins_write_techs_neither(org, make_org, payroll):
    manager = await make_org()
    await org.invite(manager.email, role="manager")
    assert (await manager.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})).is_success
    tech = await make_org()
    await org.invite(tech.email, role="tech")
    assert (await tech.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})).is_success

    assert (await manager.get(URL)).status_code == 200
    assert (await manager.put(URL, json=FULL)).status_code == 403
    assert (await tech.get(URL)).status_code == 403


async def test_another_org_sees_its_own_identity_only(payroll, make_org):
    assert (await payroll.put(URL, json=FULL)).status_code == 200
    other = await make_org()
    await other.enable("payroll")

    assert (await other.get(URL)).json()["siret"] is None


async def test_a_projects_numero_d_objet(payroll, make_org, factories: Factories):
    project = await factories.project()
    url = f"/api/v1/payroll/projects/{project['id']}/identity"
    assert (await payroll.get(url)).json()["numero_objet"] is None

    stored = await payroll.put(url, json={"numero_objet": " ab-2027/0042 "})
    assert stored.status_code == 200, stored.text
    assert stored.json()["numero_objet"] == "AB-2027/0042"
    assert (await payroll.get(url)).json()["numero_objet"] == "AB-2027/0042"

    refused = await payroll.put(url, json={"numero_objet": "AB 2027"})
    assert refused.status_code == 422
    assert code(refused) == "payroll.numero_objet_format"
    assert (await payroll.get(url)).json()["numero_objet"] == "AB-2027/0042"

    other_project = await factories.project()
    await payroll.put(
        f"/api/v1/payroll/projects/{other_project['id']}/identity", json={"numero_objet": "CD-1"}
    )
    listed = (await payroll.get("/api/v1/payroll/projects/identity")).json()
    assert [(i["project_id"], i["numero_objet"]) for i in listed["items"]] == [
        (project["id"], "AB-2027/0042"),
        (other_project["id"], "CD-1"),
    ]

    cleared = await payroll.put(url, json={"numero_objet": None})
    assert cleared.json()["numero_objet"] is None
    audit = await payroll.get("/api/v1/audit", params={"action": "payroll."})
    actions = [e["action"] for e in audit.json()["items"]]
    assert actions.count("payroll.numero_objet_updated") == 3
    # A cleared one leaves the list; another org lists none of them.
    listed = (await payroll.get("/api/v1/payroll/projects/identity")).json()
    assert [i["project_id"] for i in listed["items"]] == [other_project["id"]]

    missing = await payroll.get("/api/v1/payroll/projects/999999/identity")
    assert (missing.status_code, code(missing)) == (404, "payroll.project_not_found")
    other = await make_org()
    await other.enable("payroll")
    assert (await other.get(url)).status_code == 404
    assert (await other.get("/api/v1/payroll/projects/identity")).json()["items"] == []
    assert (await other.put(url, json={"numero_objet": "X1"})).status_code == 404
