"""Tenant isolation: with org A's session, every route given org B's ids answers 404.

The test walks the app's routes, so a new route with an id in its path fails
here until this file knows how to create such a resource in org B.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from coulisses.db.connection import fetch
from tests.helpers import OrgSession, signup
from tests.integration.scheduling.factories import (
    invite,
    make_mission,
    make_place,
    make_project,
    make_user,
)

# path parameter name -> coroutine creating that resource in org B, returning its id
Factory = Callable[[OrgSession], Awaitable[Any]]


async def _member_of_b(b: OrgSession) -> int:
    created = await b.post(
        "/api/v1/orgs/current/members", json={"email": "b-tech@example.org", "role": "tech"}
    )
    return int(created.json()["account_id"])


async def _world_of_b(b: OrgSession) -> dict[str, int]:
    """One resource of every kind in org B, made through the API."""
    user = await make_user(b, email="b-user@example.org")
    project = await make_project(b)
    mission = await make_mission(b, project["id"])
    role_id = mission["roles"][0]["id"]
    assignment = await invite(b, role_id, user["id"])
    window = await b.post(
        "/api/v1/availability",
        json={
            "user_id": user["id"],
            "kind": "unavailable",
            "starts_at": "2027-07-01T08:00:00+02:00",
            "ends_at": "2027-07-01T12:00:00+02:00",
        },
    )
    assert window.status_code == 201, window.text
    rate = await b.post(
        "/api/v1/rates", json={"kind": "hourly", "amount_cents": 1850, "user_id": user["id"]}
    )
    assert rate.status_code == 201, rate.text
    place = await make_place(b, name="Salle de B")
    return {
        "place_id": place["id"],
        "user_id": user["id"],
        "project_id": project["id"],
        "mission_id": mission["id"],
        "role_id": role_id,
        "assignment_id": assignment["id"],
        "invitation_id": assignment["invitation"]["id"],
        "window_id": window.json()["id"],
        "rate_id": rate.json()["id"],
    }


_WORLD: dict[int, dict[str, int]] = {}


async def _notification_of_b(b: OrgSession) -> int:
    """An in-app notification of org B's owner (plugin notifications; its own tests check
    the route with the plugin enabled in both orgs)."""
    rows = await fetch(
        """INSERT INTO notifications_notifications (org_id, account_id, kind, title)
           VALUES ($1, $2, 'answer_received', 'x') RETURNING id""",
        b.org_id,
        b.account_id,
    )
    return int(rows[0]["id"])


async def _api_key_of_b(b: OrgSession) -> int:
    created = await b.post(
        "/api/v1/orgs/current/api-keys", json={"name": "B", "scopes": ["projects:read"]}
    )
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


async def _webhook_endpoint_of_b(b: OrgSession) -> int:
    """A webhook endpoint of org B (plugin webhooks, enabled in B; the test enables it in
    A too, so that the org scope answers rather than the plugin gate)."""
    enabled = await b.patch("/api/v1/orgs/current/plugins/webhooks", json={"enabled": True})
    assert enabled.status_code == 200, enabled.text
    created = await b.post(
        "/api/v1/webhooks/endpoints",
        json={"url": "https://hooks.example.org/b", "event_types": ["*"]},
    )
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


async def _payroll_export_of_b(b: OrgSession) -> int:
    """A payroll export of org B (plugin payroll, enabled in B and, by the test, in A)."""
    enabled = await b.patch("/api/v1/orgs/current/plugins/payroll", json={"enabled": True})
    assert enabled.status_code == 200, enabled.text
    created = await b.post(
        "/api/v1/payroll/exports/",
        json={"kind": "monthly_totals", "format": "csv", "month": "2027-07"},
    )
    assert created.status_code == 202, created.text
    return int(created.json()["id"])


async def _webhook_delivery_of_b(b: OrgSession) -> int:
    endpoint_id = await _webhook_endpoint_of_b(b) if "endpoint_id" not in _B_IDS else None
    rows = await fetch(
        """INSERT INTO webhooks_deliveries (org_id, endpoint_id, event_id, event_type, body,
                                            status, attempts)
           VALUES ($1, $2, md5(random()::text), 'MemberAdded', '{}', 'failed', 10)
           RETURNING id""",
        b.org_id,
        _B_IDS.get("endpoint_id", endpoint_id),
    )
    return int(rows[0]["id"])


async def _payroll_dpae_of_b(b: OrgSession) -> int:
    """A DPAE record of org B (the engagement it names need not exist for the check)."""
    rows = await fetch(
        """INSERT INTO payroll_dpae (org_id, user_id, project_id, first_day, declared_on)
           VALUES ($1, 1, 1, '2027-07-05', '2027-07-01') RETURNING id""",
        b.org_id,
    )
    return int(rows[0]["id"])


async def _mission_template_of_b(b: OrgSession) -> int:
    created = await b.post(
        "/api/v1/mission-templates",
        json={
            "name": "Journee B",
            "title": "Plateau",
            "slots": [{"start": "08:00", "end": "12:00"}],
        },
    )
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


async def _trusted_device_of_b(b: OrgSession) -> int:
    """A device org B's owner trusts for the second step (an account's, not an org's:
    another account gets 404 all the same)."""
    rows = await fetch(
        """INSERT INTO mfa_trusted_devices (account, token_hash, browser, expires_at)
           VALUES ($1, repeat('b', 64), 'Firefox sur Linux', now() + interval '30 days')
           RETURNING id""",
        b.account_id,
    )
    return int(rows[0]["id"])


async def _absence_type_of_b(b: OrgSession) -> int:
    """One of org B's default absence types (every org has them)."""
    listed = await b.get("/api/v1/absence-types")
    assert listed.status_code == 200, listed.text
    return int(listed.json()["items"][0]["id"])


async def _import_of_b(b: OrgSession) -> int:
    """A file org B uploaded to import people."""
    uploaded = await b.post(
        "/api/v1/imports",
        data={"kind": "people"},
        files={"file": ("b.csv", b"first_name,last_name,employment_type\nBea,B,CDI\n")},
    )
    assert uploaded.status_code == 201, uploaded.text
    return int(uploaded.json()["id"])


#: Org B's owner linked to a person of B (one per org: created once, shared).
_LINKED: dict[int, int] = {}


async def _linked_user_of_b(b: OrgSession) -> int:
    if b.org_id not in _LINKED:
        me = await make_user(
            b, first_name="Sam", account_id=b.account_id, skills=[{"name": "son", "level": 3}]
        )
        _LINKED[b.org_id] = int(me["id"])
    return _LINKED[b.org_id]


async def _new_role_of_b(b: OrgSession, day: str) -> int:
    """A role of a new mission of org B (the world's assignments are changed by the other
    routes)."""
    project = await _from_world("project_id")(b)
    mission = await make_mission(b, project, f"{day}T09:00:00+02:00", f"{day}T12:00:00+02:00")
    return int(mission["roles"][0]["id"])


async def _swap_of_b(b: OrgSession) -> int:
    """An open handover in org B: its owner's person offers an accepted mission."""
    me = await _linked_user_of_b(b)
    assignment = await invite(b, await _new_role_of_b(b, "2027-07-20"), me)
    accepted = await b.post(f"/api/v1/assignments/{assignment['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    response = await b.post("/api/v1/swaps", json={"assignment_id": assignment["id"]})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


async def _open_shift_of_b(b: OrgSession) -> int:
    """Open places org B published on a role of a new mission."""
    role = await _new_role_of_b(b, "2027-07-21")
    published = await b.post("/api/v1/open-shifts", json={"mission_role_id": role})
    assert published.status_code == 200, published.text
    return int(published.json()["id"])


async def _application_of_b(b: OrgSession) -> int:
    """Org B's owner's person applies to open places B published."""
    await _linked_user_of_b(b)
    applied = await b.post(f"/api/v1/open-shifts/{await _open_shift_of_b(b)}/apply")
    assert applied.status_code == 200, applied.text
    return int(applied.json()["id"])


async def _availability_request_of_b(b: OrgSession) -> int:
    """An availability request of org B asking one of its people."""
    if "availability_request_id" in _B_IDS:
        return _B_IDS["availability_request_id"]
    user = await make_user(b, first_name="Bea", email="b-doodle@example.org")
    created = await b.post(
        "/api/v1/availability-requests",
        json={
            "title": "Festival de B",
            "starts_on": "2027-07-10",
            "ends_on": "2027-07-11",
            "user_ids": [user["id"]],
            "deadline": "2027-06-30T18:00:00+02:00",
        },
    )
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


async def _availability_recipient_of_b(b: OrgSession) -> int:
    """The person asked by org B's availability request (the public link's id)."""
    request_id = await _availability_request_of_b(b)
    _B_IDS["availability_request_id"] = request_id
    rows = await fetch(
        "SELECT id FROM availability_request_recipients WHERE request_id = $1", request_id
    )
    return int(rows[0]["id"])


#: Ids already made in org B by this test (factories that need another one read it).
_B_IDS: dict[str, int] = {}


def _from_world(key: str) -> Factory:
    async def factory(b: OrgSession) -> int:
        if b.org_id not in _WORLD:
            _WORLD[b.org_id] = await _world_of_b(b)
        return _WORLD[b.org_id][key]

    return factory


WORLD_KEYS = (
    "user_id",
    "project_id",
    "mission_id",
    "role_id",
    "assignment_id",
    "invitation_id",
    "window_id",
    "rate_id",
    "place_id",
)
FACTORIES: dict[str, Factory] = {
    "account_id": _member_of_b,
    "notification_id": _notification_of_b,
    "key_id": _api_key_of_b,
    "endpoint_id": _webhook_endpoint_of_b,
    "delivery_id": _webhook_delivery_of_b,
    "export_id": _payroll_export_of_b,
    "dpae_id": _payroll_dpae_of_b,
    "template_id": _mission_template_of_b,
    "device_id": _trusted_device_of_b,
    "absence_type_id": _absence_type_of_b,
    "import_id": _import_of_b,
    "swap_id": _swap_of_b,
    "application_id": _application_of_b,
    "open_shift_id": _open_shift_of_b,
    "availability_request_id": _availability_request_of_b,
    "recipient_id": _availability_recipient_of_b,
    **{key: _from_world(key) for key in WORLD_KEYS},
}

# routes whose path ids are not org-owned resources: plugin names are global; a calendar
# feed's file name holds its token, which is the credential, whatever the org (a forged or
# dead one answers 404: tests/integration/scheduling/calendar)
# an import template's kind (people, missions) is the same for every org
NOT_ORG_SCOPED = {"name", "file_name", "kind"}
# bodies valid enough to get past validation, so the org scope is what answers
BODIES: dict[str, dict[str, Any]] = {
    "/api/v1/orgs/current/members/{account_id:int}": {"role": "manager"},
    "/api/v1/users/{user_id:int}": {"first_name": "X"},
    # the name of B's person: only the org scope may refuse it
    "/api/v1/users/{user_id:int}/erase": {"confirm": "Jean Martin", "reason": "X"},
    "/api/v1/projects/{project_id:int}": {"name": "X"},
    "/api/v1/missions/{mission_id:int}": {"title": "X"},
    "/api/v1/missions/{mission_id:int}/roles": {"name": "son", "quota": 1},
    "/api/v1/missions/{mission_id:int}/duplicate": {"days": ["2027-07-12"]},
    "/api/v1/missions/{mission_id:int}/roles/{role_id:int}": {"quota": 3},
    "/api/v1/projects/{project_id:int}/missions:bulk_create": {
        "title": "X",
        "days": ["2027-07-10"],
        "slots": [{"start": "19:00", "end": "23:00"}],
        "roles": [{"name": "son", "quota": 1}],
    },
    "/api/v1/mission-templates/{template_id:int}": {"name": "X"},
    "/api/v1/mission-templates/{template_id:int}/apply": {
        "project_id": 1,
        "from": "2027-07-10",
        "to": "2027-07-10",
    },
    "/api/v1/imports/{import_id:int}/validate": {"mapping": {}},
    "/api/v1/imports/{import_id:int}/commit": {"mapping": {}, "mode": "valid_rows"},
    "/api/v1/availability/{window_id:int}": {"note": "x"},
    "/api/v1/absence-types/{absence_type_id:int}": {"label": "X"},
    "/api/v1/availability-answers/{recipient_id:int}": {"answers": []},
    "/api/v1/rates/{rate_id:int}": {"amount_cents": 1},
    "/api/v1/payroll/timesheets/{assignment_id:int}/correct": {"reason": "x", "break_minutes": 0},
    "/api/v1/payroll/projects/{project_id:int}/budget": {"amount_cents": 1},
}
# query parameters a route requires, so the org scope is what answers
QUERIES: dict[str, dict[str, str]] = {
    "/api/v1/payroll/reports/monthly/{user_id:int}": {"month": "2027-07"},
}


def _routes(app: Any) -> list[tuple[str, str, list[str]]]:
    found = []
    for route in app.routes:
        params = re.findall(r"{(\w+):\w+}", route.path)
        if not params or not route.path.startswith("/api/v1/"):
            continue
        for method in sorted(route.methods - {"HEAD", "OPTIONS"}):
            found.append((method, route.path, params))
    return found


async def test_every_route_with_ids_of_another_org_answers_404(app, client, new_client):
    a = await signup(client, "Org A")
    b = await signup(new_client(), "Org B")
    for plugin in ("webhooks", "payroll"):
        enabled = await a.patch(f"/api/v1/orgs/current/plugins/{plugin}", json={"enabled": True})
        assert enabled.status_code == 200, enabled.text
    ids: dict[str, Any] = {}
    _B_IDS.clear()
    checked = 0
    for method, path, params in _routes(app):
        if set(params) <= NOT_ORG_SCOPED:
            continue
        missing = [p for p in params if p not in FACTORIES and p not in NOT_ORG_SCOPED]
        assert not missing, f"{method} {path}: add a factory for {missing} in this test"
        for p in params:
            if p not in ids and p in FACTORIES:
                ids[p] = await FACTORIES[p](b)
                _B_IDS[p] = ids[p]
        url = re.sub(r"{(\w+):\w+}", lambda m: str(ids[m.group(1)]), path)
        before = await fetch("SELECT count(*) AS n FROM audit_log WHERE org = $1", b.org_id)
        call = getattr(a, method.lower())
        kwargs: dict[str, Any] = (
            {"json": BODIES.get(path, {})} if method in ("POST", "PATCH", "PUT") else {}
        )
        if path in QUERIES:
            kwargs["params"] = QUERIES[path]
        if path.startswith("/api/v1/invitations/") and path.endswith(
            ("/accept", "/decline", "/public")
        ):
            kwargs["params"] = {"token": "forged-token-of-another-org"}
        if path.startswith("/api/v1/availability-answers/"):
            kwargs["params"] = {"token": "forged-token-of-another-org"}
        response = await call(url, **kwargs)
        assert response.status_code == 404, (
            f"{method} {url} -> {response.status_code} {response.text}"
        )
        after = await fetch("SELECT count(*) AS n FROM audit_log WHERE org = $1", b.org_id)
        assert before == after, f"{method} {url} wrote into org B"
        checked += 1
    assert checked >= 30
    # org B's data is untouched
    members = (await b.get("/api/v1/orgs/current/members")).json()["items"]
    assert {m["role"] for m in members} == {"owner", "tech"}
    world = _WORLD[b.org_id]
    assignment = (await b.get(f"/api/v1/assignments/{world['assignment_id']}")).json()
    assert assignment["status"] == "INVITED"
    assert (await b.get(f"/api/v1/projects/{world['project_id']}")).json()[
        "name"
    ] == "Festival 2027"
