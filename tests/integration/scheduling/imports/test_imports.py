"""Imports of people and missions from CSV/XLSX: upload, suggested mapping, a dry run that
checks every row with the API's rules, an error report, both commit modes, idempotent
re-import by external id, limits, managers only, invisible to other orgs."""

from __future__ import annotations

import asyncio
import csv
import io
from typing import Any

import openpyxl

from coulisses.db.connection import fetch
from tests.helpers import OrgSession, error_code, signup
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import make_place, make_project

URL = "/api/v1/imports"

PEOPLE_CSV = (
    "Matricule;Pr\u00e9nom;Nom;Contrat;Email;Comp\u00e9tences\n"
    "E1;Camille;Martin;intermittent;camille@example.org;son:3, lumiere\n"
    "E2;L\u00e9a;Durand;CDI;;\n"
    "E3;;Petit;CDD;;\n"
    "E4;Noe;Bernard;Stagiaire;pas-un-mail;\n"
)


async def _upload(
    org: OrgSession, content: bytes, name: str = "people.csv", kind: str = "people"
) -> Any:
    return await org.post(URL, data={"kind": kind}, files={"file": (name, content)})


async def _uploaded(org: OrgSession, content: bytes, **kw: Any) -> dict[str, Any]:
    response = await _upload(org, content, **kw)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _users(org_id: int) -> list[dict[str, Any]]:
    return await fetch(
        "SELECT external_id, first_name, last_name, employment_type, email, skills FROM users"
        " WHERE org = $1 ORDER BY external_id",
        org_id,
    )


async def test_a_semicolon_csv_with_bom_is_parsed_and_its_french_headers_mapped(client):
    owner = await signup(client)
    up = await _uploaded(owner, ("\ufeff" + PEOPLE_CSV).encode())
    assert up["headers"] == [
        "Matricule",
        "Pr\u00e9nom",
        "Nom",
        "Contrat",
        "Email",
        "Comp\u00e9tences",
    ]
    assert up["row_count"] == 4
    assert up["preview"][0][:3] == ["E1", "Camille", "Martin"]
    assert up["suggested_mapping"] == {
        "external_id": "Matricule",
        "first_name": "Pr\u00e9nom",
        "last_name": "Nom",
        "employment_type": "Contrat",
        "email": "Email",
        "phone": None,
        "skills": "Comp\u00e9tences",
        "tags": None,
        "rate_profile": None,
        "notes": None,
    }


async def test_the_dry_run_reports_each_bad_row_with_the_api_codes_and_writes_nothing(client):
    owner = await signup(client)
    up = await _uploaded(owner, PEOPLE_CSV.encode())
    response = await owner.post(
        f"{URL}/{up['id']}/validate", json={"mapping": up["suggested_mapping"]}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["row_count"], body["valid_count"], body["invalid_count"]) == (4, 2, 2)
    found = {(e["row"], e["column"], e["code"]) for e in body["errors"]}
    assert (4, "Pr\u00e9nom", "user.invalid_first_name") in found
    assert (5, "Contrat", "field.choice") in found
    assert await _users(owner.org_id) == []

    report = await owner.get(f"{URL}/{up['id']}/report")
    assert report.status_code == 200
    assert report.headers["content-type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(report.content.decode("utf-8-sig"))))
    assert lines[0] == ["row", "column", "field", "code", "message"]
    assert ["4", "Pr\u00e9nom", "first_name", "user.invalid_first_name"] in [
        line[:4] for line in lines
    ]
    assert {line[0] for line in lines[1:]} == {"4", "5"}


async def test_all_or_nothing_refuses_a_file_with_errors_and_valid_rows_skips_them(client):
    owner = await signup(client)
    up = await _uploaded(owner, PEOPLE_CSV.encode())
    mapping = up["suggested_mapping"]
    refused = await owner.post(f"{URL}/{up['id']}/commit", json={"mapping": mapping})
    assert refused.status_code == 422
    assert error_code(refused) == "import.invalid_rows"
    assert await _users(owner.org_id) == []

    done = await owner.post(
        f"{URL}/{up['id']}/commit", json={"mapping": mapping, "mode": "valid_rows"}
    )
    assert done.status_code == 200, done.text
    assert (done.json()["created"], done.json()["updated"], done.json()["skipped"]) == (2, 0, 2)
    users = await _users(owner.org_id)
    assert [(u["external_id"], u["first_name"], u["employment_type"]) for u in users] == [
        ("E1", "Camille", "Intermittent"),
        ("E2", "L\u00e9a", "CDI"),
    ]
    assert '"son"' in users[0]["skills"]
    assert '"level": 3' in users[0]["skills"]
    audit = await fetch(
        "SELECT payload FROM audit_log WHERE org = $1 AND action = 'import.completed'",
        owner.org_id,
    )
    assert len(audit) == 1


async def test_importing_the_same_file_again_updates_by_external_id_instead_of_duplicating(
    client,
):
    owner = await signup(client)
    first = "external_id,first_name,last_name,employment_type\nA1,Ana,Roux,CDI\n"
    up = await _uploaded(owner, first.encode())
    ok = await owner.post(f"{URL}/{up['id']}/commit", json={"mapping": up["suggested_mapping"]})
    assert ok.json()["created"] == 1
    again = first.replace("Roux", "Rousseau") + "A2,Bo,Vidal,CDD\n"
    up2 = await _uploaded(owner, again.encode())
    ok2 = await owner.post(f"{URL}/{up2['id']}/commit", json={"mapping": up2["suggested_mapping"]})
    assert (ok2.json()["created"], ok2.json()["updated"]) == (1, 1)
    users = await _users(owner.org_id)
    assert [(u["external_id"], u["last_name"]) for u in users] == [
        ("A1", "Rousseau"),
        ("A2", "Vidal"),
    ]


async def test_an_xlsx_file_is_read_from_its_first_sheet(client):
    owner = await signup(client)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["First name", "Last name", "Employment type", "Phone"])
    sheet.append(["Jo", "Lefevre", "Freelance", 601020304])
    out = io.BytesIO()
    book.save(out)
    up = await _uploaded(owner, out.getvalue(), name="crew.xlsx")
    assert up["preview"] == [["Jo", "Lefevre", "Freelance", "601020304"]]
    done = await owner.post(f"{URL}/{up['id']}/commit", json={"mapping": up["suggested_mapping"]})
    assert done.status_code == 200, done.text
    assert done.json()["created"] == 1


async def test_mapping_errors_have_their_own_codes(client):
    owner = await signup(client)
    up = await _uploaded(owner, PEOPLE_CSV.encode())
    cases = [
        ({"first_name": "Pr\u00e9nom", "last_name": "Nom"}, "import.missing_required"),
        ({**up["suggested_mapping"], "first_name": "Absent"}, "import.unknown_column"),
        ({**up["suggested_mapping"], "salary": "Nom"}, "import.unknown_field"),
    ]
    for mapping, code in cases:
        response = await owner.post(f"{URL}/{up['id']}/validate", json={"mapping": mapping})
        assert response.status_code == 422, mapping
        assert error_code(response) == code


async def test_bad_files_are_refused_with_clear_codes(client):
    owner = await signup(client)
    cases = [
        (b"a,b\n", "people.csv", "import.no_rows"),
        (b"", "people.csv", "import.empty_file"),
        (b"first_name\n\xff\xfe\n", "people.csv", "import.invalid_encoding"),
        (b"x", "people.pdf", "import.unsupported_format"),
        (b"not a zip", "people.xlsx", "import.unreadable_file"),
        (b"a,a\n1,2\n", "people.csv", "import.duplicate_column"),
        (b"a\n" + b"1\n" * 5001, "people.csv", "import.too_many_rows"),
        (b"a\n" + b"x" * 800_001, "people.csv", "import.file_too_large"),
    ]
    for content, name, code in cases:
        response = await _upload(owner, content, name=name)
        assert response.status_code == 422, (code, response.text)
        assert error_code(response) == code
    wrong_kind = await _upload(owner, PEOPLE_CSV.encode(), kind="invoices")
    assert wrong_kind.status_code == 400
    assert await fetch("SELECT 1 FROM import_uploads WHERE org = $1", owner.org_id) == []


async def test_missions_are_checked_with_the_bulk_rules_and_reimported_by_external_id(client):
    owner = await signup(client)
    project = await make_project(
        owner, name="Festival", starts_on="2027-03-01", ends_on="2027-03-31"
    )
    await make_place(owner, name="Grande salle")
    content = (
        "id,projet,titre,lieu,date,debut,fin,lendemain,postes\n"
        "M1,Festival,Montage,Grande salle,2027-03-20,08:00,13:00,non,machiniste:4\n"
        "M2,Festival,Exploitation,Grande salle,20/03/2027,19:00,01:00,oui,regisseur son:1\n"
        "M3,Festival,Nuit,,2027-03-28,02:30,04:00,non,\n"
        "M4,Inconnu,X,,2027-03-20,08:00,09:00,non,\n"
        "M5,Festival,Trop tard,,2027-04-20,08:00,09:00,non,\n"
        "M6,Festival,Envers,,2027-03-21,10:00,09:00,non,\n"
    )
    up = await _uploaded(owner, content.encode(), name="missions.csv", kind="missions")
    mapping = up["suggested_mapping"]
    assert mapping["start"] == "debut"
    assert mapping["ends_next_day"] == "lendemain"
    body = (await owner.post(f"{URL}/{up['id']}/validate", json={"mapping": mapping})).json()
    codes = {(e["row"], e["column"], e["code"]) for e in body["errors"]}
    assert codes == {
        (4, "debut", "mission.nonexistent_local_time"),
        (5, "projet", "import.unknown_project"),
        (6, "date", "mission.outside_project"),
        (7, "fin", "mission.ends_before_start"),
    }
    done = await owner.post(
        f"{URL}/{up['id']}/commit", json={"mapping": mapping, "mode": "valid_rows"}
    )
    assert done.status_code == 200, done.text
    assert (done.json()["created"], done.json()["skipped"]) == (2, 4)
    missions = await owner.get(f"/api/v1/missions?project_id={project['id']}")
    items = sorted(missions.json()["items"], key=lambda m: m["external_id"])
    assert [(m["external_id"], m["title"], m["place"]) for m in items] == [
        ("M1", "Montage", "Grande salle"),
        ("M2", "Exploitation", "Grande salle"),
    ]
    assert items[1]["local_ends_at"].startswith("2027-03-21T01:00")
    assert items[0]["roles"][0]["name"] == "machiniste"
    assert items[0]["roles"][0]["quota"] == 4

    again = content.replace("Montage,", "Montage plateau,")
    up2 = await _uploaded(owner, again.encode(), name="missions.csv", kind="missions")
    done2 = await owner.post(
        f"{URL}/{up2['id']}/commit", json={"mapping": mapping, "mode": "valid_rows"}
    )
    assert (done2.json()["created"], done2.json()["updated"]) == (0, 2)
    count = await fetch("SELECT count(*) AS n FROM missions WHERE org = $1", owner.org_id)
    assert count[0]["n"] == 2
    titles = await fetch(
        "SELECT title FROM missions WHERE org = $1 AND external_id = 'M1'", owner.org_id
    )
    assert titles[0]["title"] == "Montage plateau"


async def test_templates_have_the_headers_and_an_example_row_that_imports(client):
    owner = await signup(client)
    for kind in ("people", "missions"):
        as_csv = await owner.get(f"{URL}/templates/{kind}")
        assert as_csv.status_code == 200
        rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
        assert len(rows) == 2
        assert "external_id" in rows[0]
        as_xlsx = await owner.get(f"{URL}/templates/{kind}?format=xlsx")
        assert as_xlsx.status_code == 200
        book = openpyxl.load_workbook(io.BytesIO(as_xlsx.content))
        assert [c.value for c in next(book.active.iter_rows())] == rows[0]  # type: ignore[union-attr]
    template = await owner.get(f"{URL}/templates/people")
    up = await _uploaded(owner, template.content)
    done = await owner.post(f"{URL}/{up['id']}/commit", json={"mapping": up["suggested_mapping"]})
    assert done.status_code == 200, done.text
    assert done.json()["created"] == 1
    bad = await owner.get(f"{URL}/templates/people?format=pdf")
    assert error_code(bad) == "import.unsupported_format"


async def test_a_tech_may_not_import_and_another_org_sees_nothing(client, new_client):
    owner = await signup(client)
    up = await _uploaded(owner, PEOPLE_CSV.encode())
    tech = await member_session(owner, new_client, "tech-import@example.org", "tech")
    refused = await _upload(tech, PEOPLE_CSV.encode())
    assert refused.status_code == 403
    assert (await tech.get(f"{URL}/{up['id']}")).status_code == 403

    other = await signup(new_client())
    assert (await other.get(f"{URL}/{up['id']}")).status_code == 404
    commit = await other.post(
        f"{URL}/{up['id']}/commit", json={"mapping": up["suggested_mapping"], "mode": "valid_rows"}
    )
    assert commit.status_code == 404
    assert error_code(commit) == "import.not_found"
    assert await _users(other.org_id) == []
    assert await _users(owner.org_id) == []


async def test_two_concurrent_imports_of_the_same_file_make_each_person_once(client):
    owner = await signup(client)
    content = "external_id,first_name,last_name,employment_type\n" + "".join(
        f"C{n},Prenom{n},Nom{n},CDD\n" for n in range(50)
    )
    first = await _uploaded(owner, content.encode())
    second = await _uploaded(owner, content.encode())
    results = await asyncio.gather(
        *(
            owner.post(f"{URL}/{up['id']}/commit", json={"mapping": up["suggested_mapping"]})
            for up in (first, second)
        )
    )
    assert [r.status_code for r in results] == [200, 200], [r.text for r in results]
    assert sum(r.json()["created"] for r in results) == 50
    assert sum(r.json()["updated"] for r in results) == 50
    assert len(await _users(owner.org_id)) == 50


async def test_a_reimport_does_not_bring_an_erased_person_back(client):
    owner = await signup(client)
    content = "external_id,first_name,last_name,employment_type\nX1,Zoe,Quagmire,CDI\n"
    up = await _uploaded(owner, content.encode())
    await owner.post(f"{URL}/{up['id']}/commit", json={"mapping": up["suggested_mapping"]})
    [user] = await fetch("SELECT id FROM users WHERE org = $1", owner.org_id)
    erased = await owner.post(
        f"/api/v1/users/{user['id']}/erase", json={"confirm": "Zoe Quagmire", "reason": "RGPD"}
    )
    assert erased.status_code == 200, erased.text
    again = await _uploaded(owner, content.encode())
    done = await owner.post(
        f"{URL}/{again['id']}/commit", json={"mapping": again["suggested_mapping"]}
    )
    assert (done.json()["created"], done.json()["updated"], done.json()["skipped"]) == (0, 0, 1)
    names = await fetch("SELECT first_name FROM users WHERE org = $1", owner.org_id)
    assert [n["first_name"] for n in names] != ["Zoe"]
    assert len(names) == 1
