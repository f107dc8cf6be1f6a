"""GET /api/v1/users/{id}/export and /api/v1/users/me/export: a zip with one JSON document
and one CSV per kind, the plugins' data included; who may export whom."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from tests.helpers import error_code, signup
from tests.integration.gdpr.support import ACCOUNT_EMAIL, seed_person
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import make_user

CORE_FILES = {
    "donnees.json",
    "profile.csv",
    "skills.csv",
    "availability.csv",
    "assignments.csv",
    "invitations.csv",
    "rates.csv",
    "calendar_feeds.csv",
    "audit.csv",
}


def _open(response: Any) -> zipfile.ZipFile:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"].startswith("attachment;")
    return zipfile.ZipFile(io.BytesIO(response.content))


def _csv(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))


async def test_the_export_holds_every_kind_of_the_persons_data_with_the_plugins(
    client, new_client, mail_sink
):
    owner = await signup(client)
    person = await seed_person(client, new_client, owner)
    uid = person.user["id"]

    archive = _open(await owner.get(f"/api/v1/users/{uid}/export"))

    names = set(archive.namelist())
    assert names >= CORE_FILES
    assert {"plugins/payroll/timesheets.csv", "plugins/payroll/intermittent_profile.csv"} <= names
    document = json.loads(archive.read("donnees.json"))
    assert document["format"] == "coulisses.personal-data/1"
    assert document["user_id"] == uid
    data = document["data"]
    profile = {row["source"]: row for row in data["profile"]}
    assert profile["user"]["email"] == "zephyrine.perso@example.org"
    assert profile["user"]["phone"] == "+33 6 12 34 56 78"
    assert profile["user"]["notes"] == "Allergique aux arachides"
    assert profile["user"]["legal_ids"] == {"nir": "185057800608491"}
    assert profile["user"]["documents"][0]["number"] == "DOC-778899"
    assert profile["account"]["email"] == ACCOUNT_EMAIL
    assert profile["account"]["role"] == "tech"
    assert [s["reference"] for s in data["skills"]] == ["CERT-554433"]
    assert [w["note"] for w in data["availability"]] == ["Rendez-vous medical"]
    by_id = {a["id"]: a for a in data["assignments"]}
    assert by_id[person.accepted["id"]]["status"] == "ACCEPTED"
    assert by_id[person.declined["id"]]["decline_reason"] == "Mariage de sa soeur"
    assert by_id[person.pending["id"]]["status"] == "INVITED"
    assert all(a["mission_title"] and a["project_name"] for a in data["assignments"])
    assert len(data["invitations"]) == 3
    assert all("token_hash" not in i for i in data["invitations"])
    assert len(data["calendar_feeds"]) == 1
    assert "token_hash" not in data["calendar_feeds"][0]
    actions = {e["action"] for e in data["audit"]}
    assert {"user.created", "user.updated", "assignment.invited"} <= actions
    payroll = document["plugins"]["payroll"]
    assert [t["comment"] for t in payroll["timesheets"]] == ["Parti tot"]
    assert [p["elsewhere_note"] for p in payroll["intermittent_profile"]] == ["Theatre du Nord"]
    sent = document["plugins"]["notifications"]["sent_messages"]
    assert {m["recipient"] for m in sent} >= {"zephyrine.perso@example.org"}

    # The CSV files say the same, one row per item, nested values as JSON.
    [user_row] = [r for r in _csv(archive, "profile.csv") if r["source"] == "user"]
    assert user_row["email"] == "zephyrine.perso@example.org"
    assert json.loads(user_row["legal_ids"]) == {"nir": "185057800608491"}
    assert len(_csv(archive, "assignments.csv")) == 3
    assert len(_csv(archive, "audit.csv")) == len(data["audit"])
    [line] = _csv(archive, "plugins/payroll/timesheets.csv")
    assert line["comment"] == "Parti tot"
    assert int(line["assignment_id"]) == person.accepted["id"]


async def test_a_tech_exports_their_own_data_and_nobody_elses(client, new_client, mail_sink):
    owner = await signup(client)
    person = await seed_person(client, new_client, owner)
    colleague = await make_user(owner, first_name="Paul", email="paul@example.org")

    refused = await person.tech.get(f"/api/v1/users/{colleague['id']}/export")
    assert refused.status_code == 403, refused.text
    refused = await person.tech.get(f"/api/v1/users/{person.user['id']}/export")
    assert refused.status_code == 403, refused.text

    archive = _open(await person.tech.get("/api/v1/users/me/export"))
    document = json.loads(archive.read("donnees.json"))
    assert document["user_id"] == person.user["id"]
    assert "paul@example.org" not in archive.read("donnees.json").decode()

    # The owner is linked to no person of the org.
    missing = await owner.get("/api/v1/users/me/export")
    assert (missing.status_code, error_code(missing)) == (404, "gdpr.no_person")


async def test_a_manager_exports_a_person_of_their_org_only(client, new_client, mail_sink):
    owner = await signup(client)
    manager = await member_session(owner, new_client, "boss@example.org", "manager")
    paul = await make_user(owner, first_name="Paul", email="paul@example.org")
    archive = _open(await manager.get(f"/api/v1/users/{paul['id']}/export"))
    assert json.loads(archive.read("donnees.json"))["data"]["profile"][0]["first_name"] == "Paul"

    other = await signup(new_client("10.9.0.7"))
    hidden = await other.get(f"/api/v1/users/{paul['id']}/export")
    assert (hidden.status_code, error_code(hidden)) == (404, "user.not_found")
