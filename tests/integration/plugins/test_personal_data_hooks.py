"""The SDK hooks personal_data_export and personal_data_erase with an inline plugin: what
it returns lands in the zip and in the audit entry; it is asked even when the org has
not enabled it; a wrong answer or an exception fails the whole request."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from coulisses.db.connection import fetch
from coulisses_sdk import Plugin, hookimpl
from coulisses_sdk.testing import installed
from tests.helpers import error_code, signup
from tests.integration.scheduling.factories import make_user


class Locker(Plugin):
    """Keeps a locker number per person (a plugin's own personal data)."""

    name = "lockers"
    title = "Lockers"

    def __init__(self) -> None:
        self.lockers: dict[tuple[int, int], str] = {}
        self.calls: list[tuple[str, int, int]] = []

    @hookimpl
    async def personal_data_export(self, org_id: int, user_id: int) -> dict[str, Any]:
        self.calls.append(("export", org_id, user_id))
        locker = self.lockers.get((org_id, user_id))
        return {"lockers": [{"number": locker, "keys": ["A", "B"]}] if locker else []}

    @hookimpl
    def personal_data_erase(self, org_id: int, user_id: int) -> dict[str, int]:
        self.calls.append(("erase", org_id, user_id))
        return {"lockers": 1 if self.lockers.pop((org_id, user_id), None) else 0}


class Silent(Plugin):
    """Holds nothing about people: no hookimpl, never in the zip."""

    name = "silent"


async def test_a_plugin_exports_and_erases_its_own_data_without_being_enabled(client):
    locker = Locker()
    with installed(locker, Silent()):
        owner = await signup(client)
        paul = await make_user(owner, first_name="Paul", last_name="Martin")
        locker.lockers[(owner.org_id, paul["id"])] = "L-42"

        exported = await owner.get(f"/api/v1/users/{paul['id']}/export")
        erased = await owner.post(
            f"/api/v1/users/{paul['id']}/erase", json={"confirm": "Paul Martin", "reason": "x1"}
        )

    assert exported.status_code == 200, exported.text
    archive = zipfile.ZipFile(io.BytesIO(exported.content))
    document = json.loads(archive.read("donnees.json"))
    assert document["plugins"] == {"lockers": {"lockers": [{"number": "L-42", "keys": ["A", "B"]}]}}
    assert not any(n.startswith("plugins/silent") for n in archive.namelist())
    rows = list(csv.DictReader(io.StringIO(archive.read("plugins/lockers/lockers.csv").decode())))
    assert rows == [{"number": "L-42", "keys": '["A", "B"]'}]

    assert erased.status_code == 200, erased.text
    assert locker.lockers == {}
    assert locker.calls == [
        ("export", owner.org_id, paul["id"]),
        ("erase", owner.org_id, paul["id"]),
    ]
    [entry] = await fetch("SELECT payload::text AS p FROM audit_log WHERE action = 'user.erased'")
    assert json.loads(entry["p"])["plugins"] == {"lockers": {"lockers": 1}}


class WrongShape(Plugin):
    name = "wrong-shape"

    @hookimpl
    def personal_data_export(self, org_id: int, user_id: int) -> Any:
        return ["not", "a", "dict"]


async def test_a_plugin_that_answers_wrong_fails_the_export_with_its_name(client):
    with installed(WrongShape()):
        owner = await signup(client)
        paul = await make_user(owner)
        response = await owner.get(f"/api/v1/users/{paul['id']}/export")

    assert (response.status_code, error_code(response)) == (503, "gdpr.plugin_failed")
    assert response.json()["error"]["details"] == {"plugin": "wrong-shape"}
