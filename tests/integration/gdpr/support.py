"""A person with data in every corner of the core and of the payroll plugin, for the GDPR
tests: contact data, notes, legal ids, documents, a certificate reference, an accepted,
a declined and a pending assignment, an absence with a note, an ICS feed, a timesheet
comment and a note on hours elsewhere; the notifications plugin mails and notifies about
them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coulisses.db.connection import fetch
from tests.conftest import run_jobs
from tests.helpers import OrgSession
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

NIR = "1 85 05 78 006 084 91"
ACCOUNT_EMAIL = "zephyrine.login@example.org"
#: Every value of the person that must leave the database with the erasure (lowercase).
SECRETS = (
    "zephyrine",
    "quagmire",
    "zephyrine.perso@example.org",
    ACCOUNT_EMAIL,
    "+33 6 12 34 56 78",
    "185057800608491",
    "arachides",
    "cert-554433",
    "doc-778899",
    "rendez-vous medical",
    "mariage de sa soeur",
    "theatre du nord",
    "parti tot",
)


@dataclass
class Person:
    owner: OrgSession
    tech: OrgSession
    user: dict[str, Any]
    accepted: dict[str, Any]
    declined: dict[str, Any]
    pending: dict[str, Any]
    window_id: int


async def seed_person(client: Any, new_client: Any, owner: OrgSession) -> Person:
    await owner.enable("payroll", config={"profile": "prestataires_2717"})
    # Invitations and answers then leave emails and in-app notifications with the name.
    await owner.enable("notifications", config={"quiet_start": "00:00", "quiet_end": "00:00"})
    tech = await member_session(owner, new_client, ACCOUNT_EMAIL, "tech")
    user = await make_user(
        owner,
        first_name="Zephyrine",
        last_name="Quagmire",
        email="zephyrine.perso@example.org",
        account_id=tech.account_id,
        notes="Allergique aux arachides",
        legal_ids={"nir": NIR},
        documents=[{"kind": "caces", "label": "CACES R489", "number": "DOC-778899"}],
        skills=[{"name": "son", "level": 3, "reference": "CERT-554433"}],
    )
    changed = await owner.patch(f"/api/v1/users/{user['id']}", json={"phone": "+33 6 12 34 56 78"})
    assert changed.status_code == 200, changed.text
    project = await make_project(owner)
    made = []
    for day in ("10", "12", "14"):
        mission = await make_mission(
            owner,
            project["id"],
            starts_at=f"2027-07-{day}T19:00:00+02:00",
            ends_at=f"2027-07-{day}T23:00:00+02:00",
            roles=[{"name": "son", "quota": 2, "required_skills": []}],
        )
        made.append(await invite(owner, mission["roles"][0]["id"], user["id"]))
    accepted, declined, pending = made
    answer = await tech.post(f"/api/v1/assignments/{accepted['id']}/accept")
    assert answer.status_code == 200, answer.text
    answer = await tech.post(
        f"/api/v1/assignments/{declined['id']}/decline", json={"reason": "Mariage de sa soeur"}
    )
    assert answer.status_code == 200, answer.text
    window = await tech.post(
        "/api/v1/availability",
        json={
            "user_id": user["id"],
            "kind": "unavailable",
            "starts_at": "2027-07-20T08:00:00+02:00",
            "ends_at": "2027-07-20T12:00:00+02:00",
            "note": "Rendez-vous medical",
        },
    )
    assert window.status_code == 201, window.text
    feed = await tech.post("/api/v1/calendar-feeds/mine")
    assert feed.status_code in (200, 201), feed.text
    line = await owner.get(f"/api/v1/payroll/timesheets/{accepted['id']}")
    assert line.status_code == 200, line.text
    line = await owner.patch(
        f"/api/v1/payroll/timesheets/{accepted['id']}", json={"comment": "Parti tot"}
    )
    assert line.status_code == 200, line.text
    profile = await owner.put(
        f"/api/v1/payroll/intermittents/{user['id']}",
        json={"elsewhere_minutes": 600, "elsewhere_note": "Theatre du Nord"},
    )
    assert profile.status_code == 200, profile.text
    await run_jobs()
    return Person(owner, tech, user, accepted, declined, pending, window.json()["id"])


async def database_text() -> str:
    """Every row of every table as JSON text, lowercased (like test_no_token_material)."""
    tables = await fetch(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migration'"
    )
    dump = []
    for table in tables:
        rows = await fetch(f'SELECT row_to_json(t)::text AS r FROM "{table["tablename"]}" t')
        dump.extend(r["r"] for r in rows)
    return "\n".join(dump).lower()
