"""Absences: the org's absence types (defaults, CRUD, RBAC, a used type deactivated),
typed unavailability requested by a tech or entered by a manager, the overlapping
ACCEPTED missions with replacement suggestions at approval time, and how an approved
absence shows in conflicts, suggestions and the occurrence listing."""

from __future__ import annotations

from typing import Any

from coulisses.db.connection import fetch
from tests.helpers import OrgSession, error_code, signup
from tests.integration.scheduling.conflicts.test_conflicts import _member, _role, _tech
from tests.integration.scheduling.factories import invite, make_project

TYPES = "/api/v1/absence-types"
WINDOWS = "/api/v1/availability"
LEAVE = {"starts_at": "2027-07-09T00:00:00+02:00", "ends_at": "2027-07-12T00:00:00+02:00"}


async def _types(org: OrgSession, **params: Any) -> dict[str, dict[str, Any]]:
    response = await org.get(TYPES, params=params)
    assert response.status_code == 200, response.text
    return {t["code"]: t for t in response.json()["items"]}


async def _team(owner: OrgSession, new_client: Any) -> tuple[OrgSession, int]:
    """A tech member logged in, and the user linked to their account."""
    tech = await _member(owner, new_client, "tina.absence@example.org", "tech")
    user = await _tech(owner, "Tina", account_id=tech.account_id)
    return tech, user


async def test_every_org_gets_the_four_default_types(client, new_client):
    owner = await signup(client)
    tech, _ = await _team(owner, new_client)
    types = await _types(tech)
    assert set(types) == {"conges", "maladie", "formation", "indisponibilite"}
    assert types["maladie"]["requires_approval"] is False
    assert types["conges"]["requires_approval"] is True
    assert all(t["active"] and t["windows"] == 0 for t in types.values())
    # Another org has its own rows.
    other = await signup(new_client(), "Autre org")
    assert {t["id"] for t in (await _types(other)).values()}.isdisjoint(
        t["id"] for t in types.values()
    )


async def test_managers_create_update_and_delete_types_techs_only_read(client, new_client):
    owner = await signup(client)
    tech, _ = await _team(owner, new_client)
    manager = await _member(owner, new_client, "max.manager@example.org", "manager")

    refused = await tech.post(TYPES, json={"code": "rtt", "label": "RTT"})
    assert refused.status_code == 403
    created = await manager.post(
        TYPES,
        json={"code": "rtt", "label": " RTT ", "color": "#0EA5E9", "requires_approval": False},
    )
    assert created.status_code == 201, created.text
    rtt = created.json()
    assert (rtt["label"], rtt["color"], rtt["requires_approval"]) == ("RTT", "#0ea5e9", False)

    duplicate = await manager.post(TYPES, json={"code": "rtt", "label": "Autre"})
    assert (duplicate.status_code, error_code(duplicate)) == (409, "absence_type.duplicate_code")
    for body, code in (
        ({"code": "RTT!", "label": "x"}, "absence_type.invalid_code"),
        ({"code": "ok", "label": "   "}, "absence_type.invalid_label"),
        ({"code": "ok", "label": "x", "color": "blue"}, "absence_type.invalid_color"),
    ):
        bad = await manager.post(TYPES, json=body)
        assert (bad.status_code, error_code(bad)) == (422, code), bad.text
    assert "ok" not in await _types(owner)

    patched = await manager.patch(f"{TYPES}/{rtt['id']}", json={"label": "Jour RTT"})
    assert patched.status_code == 200, patched.text
    assert patched.json()["label"] == "Jour RTT"
    assert (await tech.patch(f"{TYPES}/{rtt['id']}", json={"label": "x"})).status_code == 403
    assert (await tech.delete(f"{TYPES}/{rtt['id']}")).status_code == 403

    deleted = await manager.delete(f"{TYPES}/{rtt['id']}")
    assert deleted.status_code == 204
    missing = await owner.get(f"{TYPES}/{rtt['id']}")
    assert (missing.status_code, error_code(missing)) == (404, "absence_type.not_found")

    actions = [
        r["action"]
        for r in await fetch(
            "SELECT action FROM audit_log WHERE org = $1 AND target LIKE 'absence_type:%'"
            " ORDER BY id",
            owner.org_id,
        )
    ]
    assert actions == ["absence_type.created", "absence_type.updated", "absence_type.deleted"]


async def test_a_used_type_is_deactivated_not_deleted(client, new_client):
    owner = await signup(client)
    tech, user = await _team(owner, new_client)
    conges = (await _types(owner))["conges"]
    asked = await tech.post(
        WINDOWS,
        json={"user_id": user, "kind": "unavailable", "absence_type_id": conges["id"], **LEAVE},
    )
    assert asked.status_code == 201, asked.text

    refused = await owner.delete(f"{TYPES}/{conges['id']}")
    assert (refused.status_code, error_code(refused)) == (409, "absence_type.in_use")
    assert refused.json()["error"]["details"] == {"windows": 1}
    off = await owner.patch(f"{TYPES}/{conges['id']}", json={"active": False})
    assert off.status_code == 200
    assert (off.json()["active"], off.json()["windows"]) == (False, 1)
    assert "conges" not in await _types(tech, active="true")

    # The window keeps its type and may still be edited; a new request cannot pick it.
    kept = await tech.patch(f"{WINDOWS}/{asked.json()['id']}", json={"note": "vacances"})
    assert kept.status_code == 200, kept.text
    assert kept.json()["absence_type_id"] == conges["id"]
    again = await tech.post(
        WINDOWS,
        json={"user_id": user, "kind": "unavailable", "absence_type_id": conges["id"], **LEAVE},
    )
    assert (again.status_code, error_code(again)) == (422, "availability.inactive_absence_type")


async def test_tech_requests_leave_and_manager_sees_overlapping_missions_with_suggestions(
    client, new_client
):
    owner = await signup(client)
    tech, user = await _team(owner, new_client)
    backup = await _tech(owner, "Bruno")
    project = await make_project(owner)
    role = await _role(owner, project["id"], (10, "19:00"), (10, "23:00"), skills=["son"])
    assignment = await invite(owner, role, user)
    accepted = await tech.post(f"/api/v1/assignments/{assignment['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    # An invitation not yet accepted is not a mission the absence leaves uncovered.
    other = await _role(owner, project["id"], (11, "19:00"), (11, "23:00"))
    await invite(owner, other, user)

    conges = (await _types(tech))["conges"]
    asked = await tech.post(
        WINDOWS,
        json={
            "user_id": user,
            "kind": "unavailable",
            "absence_type_id": conges["id"],
            "note": "mariage",
            **LEAVE,
        },
    )
    assert asked.status_code == 201, asked.text
    window = asked.json()
    assert (window["status"], window["absence_type_id"]) == ("REQUESTED", conges["id"])

    waiting = await owner.get(f"{WINDOWS}/windows", params={"status": "REQUESTED"})
    assert [w["id"] for w in waiting.json()["items"]] == [window["id"]]
    assert (await tech.get(f"{WINDOWS}/{window['id']}/overlaps")).status_code == 403
    overlaps = await owner.get(f"{WINDOWS}/{window['id']}/overlaps")
    assert overlaps.status_code == 200, overlaps.text
    body = overlaps.json()
    assert (body["window_id"], body["user_id"]) == (window["id"], user)
    [item] = body["assignments"]
    assert item["assignment_id"] == assignment["id"]
    assert (item["mission_id"], item["role_name"]) == (assignment["mission_id"], "technicien")
    assert item["timezone"] == "Europe/Paris"
    assert [s["user_id"] for s in item["suggestions"]] == [backup]

    approved = await owner.post(f"{WINDOWS}/{window['id']}/approve")
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "APPROVED"
    # Approving cancels nothing: the manager acts on each mission.
    still = await owner.get(f"/api/v1/assignments/{assignment['id']}")
    assert still.json()["status"] == "ACCEPTED"

    report = await owner.get("/api/v1/conflicts", params={"from": "2027-07-01", "to": "2027-07-31"})
    [conflict] = [c for c in report.json()["items"] if c["kind"] == "unavailable"][:1]
    assert conflict["user"]["id"] == user
    assert [(t["code"], t["label"]) for t in conflict["absence_types"]] == [("conges", "Conges")]
    assert user not in [s["user_id"] for s in conflict["suggestions"]]


async def test_an_absent_person_is_never_suggested(client):
    owner = await signup(client)
    project = await make_project(owner)
    busy = await _tech(owner, "Hugo")
    away = await _tech(owner, "Ines", level=5)
    free = await _tech(owner, "Jade", level=1)
    first = await invite(
        owner, await _role(owner, project["id"], (10, "19:00"), (11, "01:00")), busy
    )
    await invite(owner, await _role(owner, project["id"], (10, "22:00"), (11, "02:00")), busy)
    maladie = (await _types(owner))["maladie"]
    created = await owner.post(
        WINDOWS,
        json={"user_id": away, "kind": "unavailable", "absence_type_id": maladie["id"], **LEAVE},
    )
    assert created.json()["status"] == "APPROVED"

    report = await owner.get("/api/v1/conflicts", params={"from": "2027-07-01", "to": "2027-07-31"})
    [overlap] = [c for c in report.json()["items"] if c["kind"] == "overlap"]
    assert first["id"] in [a["id"] for a in overlap["assignments"]]
    # Ines has the best level but is on sick leave: only Jade is offered.
    assert [s["user_id"] for s in overlap["suggestions"]] == [free]


async def test_a_type_without_approval_is_approved_at_once_and_listed_with_its_type(
    client, new_client
):
    owner = await signup(client)
    tech, user = await _team(owner, new_client)
    colleague = await _member(owner, new_client, "cole.tech@example.org", "tech")
    maladie = (await _types(tech))["maladie"]
    sick = await tech.post(
        WINDOWS,
        json={"user_id": user, "kind": "unavailable", "absence_type_id": maladie["id"], **LEAVE},
    )
    assert sick.status_code == 201, sick.text
    assert sick.json()["status"] == "APPROVED"
    assert sick.json()["decided_by"] is None

    params = {"from": "2027-07-01", "to": "2027-07-31"}
    mine = await tech.get(WINDOWS, params=params)
    assert [o["absence_type_id"] for o in mine.json()["items"]] == [maladie["id"]]
    # Which leave it is stays private: a colleague sees the absence, not its type.
    seen = await colleague.get(WINDOWS, params=params)
    assert [(o["user_id"], o["absence_type_id"]) for o in seen.json()["items"]] == [(user, None)]
    assert (await colleague.get(f"{WINDOWS}/{sick.json()['id']}")).json()["absence_type_id"] is None


async def test_bad_absence_input_is_a_4xx_with_a_code_and_writes_nothing(client, new_client):
    owner = await signup(client)
    tech, user = await _team(owner, new_client)
    other_org_type = (await _types(await signup(new_client(), "Autre")))["conges"]["id"]
    conges = (await _types(owner))["conges"]["id"]
    cases = [
        ({"kind": "unavailable", "absence_type_id": other_org_type, **LEAVE},
         422, "availability.unknown_absence_type"),
        ({"kind": "available", "absence_type_id": conges, **LEAVE},
         422, "availability.absence_type_needs_unavailable"),
        ({"kind": "unavailable", "absence_type_id": conges,
          "starts_at": LEAVE["ends_at"], "ends_at": LEAVE["starts_at"]},
         422, "availability.ends_before_starts"),
    ]  # fmt: skip
    for body, status, code in cases:
        response = await tech.post(WINDOWS, json={"user_id": user, **body})
        assert (response.status_code, error_code(response)) == (status, code), response.text
    count = await fetch(
        "SELECT count(*) AS n FROM availability_windows WHERE org = $1", owner.org_id
    )
    assert count[0]["n"] == 0
    audit = await fetch(
        "SELECT count(*) AS n FROM audit_log WHERE org = $1 AND action LIKE 'availability.%'",
        owner.org_id,
    )
    assert audit[0]["n"] == 0
    unknown = await owner.get(f"{WINDOWS}/999999/overlaps")
    assert (unknown.status_code, error_code(unknown)) == (404, "availability.not_found")


async def test_a_recurring_absence_lists_only_the_missions_its_occurrences_meet(client, new_client):
    owner = await signup(client)
    tech, user = await _team(owner, new_client)
    project = await make_project(owner)
    # 2027-07-09 and 2027-07-16 are Fridays; the 10th a Saturday.
    on_friday = await invite(
        owner, await _role(owner, project["id"], (16, "19:00"), (16, "23:00")), user
    )
    on_saturday = await invite(
        owner, await _role(owner, project["id"], (10, "19:00"), (10, "23:00")), user
    )
    for assignment in (on_friday, on_saturday):
        accepted = await tech.post(f"/api/v1/assignments/{assignment['id']}/accept")
        assert accepted.status_code == 200, accepted.text
    formation = (await _types(tech))["formation"]
    asked = await tech.post(
        WINDOWS,
        json={
            "user_id": user,
            "kind": "unavailable",
            "absence_type_id": formation["id"],
            "rrule": "FREQ=WEEKLY;BYDAY=FR;COUNT=3",
            "start_date": "2027-07-09",
            "start_time": "08:00",
            "duration_minutes": 16 * 60,
        },
    )
    assert asked.status_code == 201, asked.text
    assert asked.json()["status"] == "REQUESTED"

    overlaps = await owner.get(f"{WINDOWS}/{asked.json()['id']}/overlaps")
    assert overlaps.status_code == 200, overlaps.text
    assert [a["assignment_id"] for a in overlaps.json()["assignments"]] == [on_friday["id"]]
    # Nothing was decided or cancelled by reading it.
    assert (await owner.get(f"{WINDOWS}/{asked.json()['id']}")).json()["status"] == "REQUESTED"


async def _inbox(org: OrgSession) -> list[dict[str, Any]]:
    response = await org.get("/api/v1/notifications")
    assert response.status_code == 200, response.text
    return [i for i in response.json()["items"] if i["kind"] == "availability"]


async def test_requests_and_decisions_are_events_and_reach_the_managers_and_the_person(
    client, new_client, monkeypatch
):
    from coulisses.scheduling import common
    from tests.conftest import run_jobs

    fired: list[Any] = []
    original = common.emit_all

    async def capture(batch: list[Any]) -> None:
        fired.extend(batch)
        await original(batch)

    monkeypatch.setattr(common, "emit_all", capture)
    owner = await signup(client)
    enabled = await owner.patch(
        "/api/v1/orgs/current/plugins/notifications",
        json={"enabled": True, "config": {"quiet_start": "00:00", "quiet_end": "00:00"}},
    )
    assert enabled.status_code == 200, enabled.text
    tech, user = await _team(owner, new_client)
    types = await _types(tech)

    asked = await tech.post(
        WINDOWS,
        json={
            "user_id": user,
            "kind": "unavailable",
            "absence_type_id": types["conges"]["id"],
            "note": "mariage",
            **LEAVE,
        },
    )
    assert asked.status_code == 201, asked.text
    window = asked.json()
    refused = await owner.post(f"{WINDOWS}/{window['id']}/refuse", json={"reason": "festival"})
    assert refused.status_code == 200, refused.text
    sick = await tech.post(
        WINDOWS,
        json={
            "user_id": user,
            "kind": "unavailable",
            "absence_type_id": types["maladie"]["id"],
            **LEAVE,
        },
    )
    assert sick.status_code == 201, sick.text

    changes = [e for e in fired if e.kind == "AvailabilityChanged"]
    assert [(e.window_id, e.step, e.status) for e in changes] == [
        (window["id"], "requested", "REQUESTED"),
        (window["id"], "refused", "REFUSED"),
        (sick.json()["id"], "recorded", "APPROVED"),
    ]
    first = changes[0]
    assert (first.user_id, first.window_kind, first.recurring) == (user, "unavailable", False)
    assert first.absence_type_id == types["conges"]["id"]
    assert first.starts_at is not None
    assert first.starts_at.isoformat().startswith("2027-07-08T22:00")
    assert (first.actor_account_id, changes[1].actor_account_id) == (
        tech.account_id,
        owner.account_id,
    )

    await run_jobs()
    await run_jobs()
    to_manager = [(i["data"]["step"], i["title"]) for i in await _inbox(owner)]
    assert sorted(to_manager) == [
        ("recorded", "Tina Martin a d\u00e9clar\u00e9 une absence"),
        ("requested", "Tina Martin demande une absence"),
    ]
    [to_person] = await _inbox(tech)
    assert to_person["data"] == {"window_id": window["id"], "user_id": user, "step": "refused"}
    assert to_person["title"] == "Votre demande est refus\u00e9e"
    assert "du ven. 09/07/2027 00:00 au lun. 12/07/2027 00:00" in to_person["body"]
    # Why someone is away (maladie, conges) is never written in a notice.
    for item in [*await _inbox(owner), to_person]:
        assert "aladie" not in item["body"]
        assert "onges" not in item["body"]
