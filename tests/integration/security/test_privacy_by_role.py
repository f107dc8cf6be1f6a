"""Privacy by role, checked on every GET route of the OpenAPI document.

An org is seeded with a tech, a manager and colleagues whose private data carry
recognisable values (contact data, notes, legal ids, documents, rate profile, absence
note and refusal, decline reason, delivery error). Every GET route is then called as
the tech and as the manager: the tech's JSON, walked to every string, holds none of
the colleagues' private values but all of the tech's own; the manager's holds them
all; and field by field, the two answers differ only where the tech reads null in a
private field. A route a tech may not call answers 403 exactly when ``/auth/me``
leaves its action out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from coulisses.auth.rbac import ACTIONS
from coulisses.privacy import PRIVATE_FIELDS
from coulisses_sdk.testing import run_jobs
from tests.helpers import OrgSession, signup
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import make_mission, make_project, make_user

WINDOW = {"from": "2027-07-01", "to": "2027-07-31"}
NIR = "1 85 05 78 006 084 91"
SIRET = "732 829 320 00074"
#: The private fields of docs/rbac.md: the only ones a tech's answer may have as null
#: where the manager's has a value (written out, not read from the policy under test).
PRIVATE_NAMES = {
    "email",
    "phone",
    "notes",
    "rate_profile",
    "legal_ids",
    "documents",
    "decline_reason",
    "note",
    "decision_reason",
    "error",
    "reference",
}
#: Routes whose answer depends on who calls (their own inbox, role, menu): checked for
#: leaks, not compared field by field with the manager's.
PER_CALLER = {
    "/api/v1/auth/me",
    "/api/v1/dashboard",
    "/api/v1/orgs/current/manifest",
    "/api/v1/notifications",
    "/api/v1/notifications/preferences",
    "/api/v1/notifications/telegram/status",
    "/api/v1/hello/greetings",
    "/api/v1/hello/ping",
    # a tech's 507 h list holds their own line only
    "/api/v1/payroll/intermittents",
    # open places scored for the caller, and the caller's own applications
    "/api/v1/open-shifts/mine",
    "/api/v1/open-shifts/applications/mine",
}
#: Not JSON reads: the event stream (tests/integration/live/test_events_privacy.py), the
#: ICS feeds (no session; counts, never colleagues' names: tests/integration/scheduling/
#: calendar), probes, and the GDPR zips.
SKIPPED = {
    "/api/v1/events",
    "/api/v1/calendar/{file_name}",
    "/healthz",
    "/readyz",
    # zip downloads of one person's data (tests/integration/gdpr: who may export whom)
    "/api/v1/users/{user_id}/export",
    "/api/v1/users/me/export",
    # CSV/XLSX downloads of managers only (tests/integration/scheduling/imports: role check)
    "/api/v1/imports/{import_id}/report",
    "/api/v1/imports/templates/{kind}",
}
#: Response schemas' fields that look personal (email, note, reason...) but are not a
#: colleague's private data, and why.
PUBLIC_LOOKING = {
    ("MissionOut", "notes"): "the mission's brief, for its whole crew",
    ("AccountOut", "email"): "the caller's own account (/auth/me)",
    ("PlaceOut", "address"): "a venue's address, where the crew goes",
    ("PlaceOut", "notes"): "a venue's notes (access, parking), for the crew",
    ("PayrollExportOut", "error_code"): "a stable code (payroll.no_rules), of an export a"
    " tech sees only when it is their own",
    ("IntermittentOut", "elsewhere_note"): "where their hours elsewhere come from, of a 507 h"
    " count a tech reads only when it is their own",
    ("CivilStatusOut", "address"): "an intermittent's civil status, which a tech reads only"
    " when it is their own (403 for a colleague's)",
    ("AemRowOut", "address"): "an AEM line, for managers and above only (403 for a tech)",
}
SUSPICIOUS = re.compile(
    r"email|phone|note|reason|legal|document|reference|rate_profile|address|error"
)


class Org:
    """The seeded org: sessions, ids to fill path parameters, values to look for."""

    owner: OrgSession
    tech: OrgSession
    manager: OrgSession
    paths: dict[str, list[int | str]]
    secret: set[str]  # colleagues' private values: never in a tech's answers
    own: set[str]  # the tech's own private values: in the tech's answers


async def _seed(client: Any, new_client: Any, mail_sink: Any) -> Org:
    org = Org()
    org.owner = owner = await signup(client)
    org.tech = tech = await member_session(owner, new_client, "tech.privacy@example.org", "tech")
    org.manager = await member_session(owner, new_client, "boss.privacy@example.org", "manager")
    colleague = await member_session(owner, new_client, "paul.account@example.org", "tech")

    own = await make_user(
        owner,
        first_name="Tina",
        account_id=tech.account_id,
        email="tina.own@example.org",
        phone="+33 6 00 00 00 01",
        notes="OWN-NOTE",
        rate_profile="own_rate_profile",
        legal_ids={"nir": NIR},
        documents=[{"kind": "caces", "label": "OWN-DOC"}],
        skills=[{"name": "son", "level": 2, "reference": "OWN-CERT-REF"}],
    )
    paul = await make_user(
        owner,
        first_name="Paul",
        account_id=colleague.account_id,
        email="paul.private@example.org",
        phone="+33 6 99 88 77 66",
        notes="SECRETNOTE mariage de sa soeur",
        rate_profile="secret_rate_profile",
        legal_ids={"siret": SIRET},
        documents=[{"kind": "caces", "label": "SECRET-DOC", "number": "SECRET-DOC-NUMBER"}],
        skills=[
            {"name": "caces", "level": 3, "valid_until": "2030-03-01", "reference": "SECRET-REF"}
        ],
    )
    lea = await make_user(owner, first_name="Lea", email="lea.unreachable@example.org")

    place = await owner.post(
        "/api/v1/places",
        json={"name": "Cour d'honneur", "address": "Place du Palais", "notes": "quai 2"},
    )
    assert place.status_code == 201, place.text
    project = await make_project(owner)
    mission = await make_mission(
        owner, project["id"], roles=[{"name": "son", "quota": 5, "required_skills": []}]
    )
    role_id = mission["roles"][0]["id"]
    by_user = {}
    for mode, users in (("accept", (own, paul)), ("permfail", (lea,))):
        mail_sink.mode = mode  # only Lea's invitation fails: its error is private
        invited = await owner.post(
            "/api/v1/assignments/bulk_create",
            json={"mission_role_ids": [role_id], "user_ids": [u["id"] for u in users]},
        )
        assert invited.status_code == 201, invited.text
        await run_jobs()
        by_user.update({a["user_id"]: a for a in invited.json()["items"]})
    mail_sink.mode = "accept"
    for plugin in ("notifications", "hello", "webhooks", "payroll"):  # their reads are swept too
        await owner.enable(plugin)
    endpoint = await owner.post(
        "/api/v1/webhooks/endpoints/",
        json={"url": "https://hooks.example.org/erp", "event_types": ["*"]},
    )
    assert endpoint.status_code == 201, endpoint.text
    for session, user, reason in ((colleague, paul, "SECRET-DECLINE"), (tech, own, "OWN-DECLINE")):
        declined = await session.post(
            f"/api/v1/assignments/{by_user[user['id']]['id']}/decline", json={"reason": reason}
        )
        assert declined.status_code == 200, declined.text

    windows = {}
    for session, user, note in ((colleague, paul, "SECRET-ABSENCE"), (tech, own, "OWN-ABSENCE")):
        created = await session.post(
            "/api/v1/availability",
            json={
                "user_id": user["id"],
                "kind": "unavailable",
                "starts_at": "2027-07-12T08:00:00+02:00",
                "ends_at": "2027-07-13T20:00:00+02:00",
                "note": note,
            },
        )
        assert created.status_code == 201, created.text
        windows[user["id"]] = created.json()["id"]
    refused = await owner.post(
        f"/api/v1/availability/{windows[paul['id']]}/refuse", json={"reason": "SECRET-REFUSAL"}
    )
    assert refused.status_code == 200, refused.text
    rate = await owner.post(
        "/api/v1/rates", json={"kind": "cachet", "amount_cents": 25000, "user_id": paul["id"]}
    )
    assert rate.status_code == 201, rate.text

    lea_assignment = (await owner.get(f"/api/v1/assignments/{by_user[lea['id']]['id']}")).json()
    delivery_error = lea_assignment["invitation"]["delivery"]["error"]
    assert delivery_error
    assert "550" in delivery_error

    api_key = await owner.post(
        "/api/v1/orgs/current/api-keys", json={"name": "Export", "scopes": ["users:read"]}
    )
    assert api_key.status_code == 201, api_key.text

    export = await owner.post(
        "/api/v1/payroll/exports/",
        json={"kind": "monthly_totals", "format": "csv", "month": "2027-07"},
    )
    assert export.status_code == 202, export.text
    await run_jobs()

    from tests.integration.scheduling.mission_templates.test_mission_templates import _stage_day

    template = await owner.post("/api/v1/mission-templates", json=_stage_day())
    assert template.status_code == 201, template.text

    upload = await owner.post(
        "/api/v1/imports",
        data={"kind": "people"},
        files={"file": ("crew.csv", b"first_name,last_name,employment_type\nAnne,Roy,CDI\n")},
    )
    assert upload.status_code == 201, upload.text

    published = await owner.post(
        "/api/v1/open-shifts", json={"mission_role_id": mission["roles"][0]["id"]}
    )
    assert published.status_code == 200, published.text

    asked = await owner.post(
        "/api/v1/availability-requests",
        json={
            "title": "Festival",
            "starts_on": "2027-07-10",
            "ends_on": "2027-07-11",
            "user_ids": [own["id"], paul["id"], lea["id"]],
            "deadline": "2027-06-30T18:00:00+02:00",
        },
    )
    assert asked.status_code == 201, asked.text

    assignments = [by_user[u["id"]]["id"] for u in (own, paul, lea)]
    org.paths = {
        "open_shift_id": [published.json()["id"]],
        "user_id": [own["id"], paul["id"], lea["id"]],
        "project_id": [project["id"]],
        "mission_id": [mission["id"]],
        "assignment_id": assignments,
        "invitation_id": [by_user[u["id"]]["invitation"]["id"] for u in (own, paul, lea)],
        "window_id": list(windows.values()),
        "rate_id": [rate.json()["id"]],
        "name": ["notifications", "hello", "webhooks", "payroll"],
        "export_id": [export.json()["id"]],
        "endpoint_id": [endpoint.json()["id"]],
        "place_id": [place.json()["id"]],
        "key_id": [api_key.json()["id"]],
        "template_id": [template.json()["id"]],
        "import_id": [upload.json()["id"]],
        "absence_type_id": [
            t["id"] for t in (await owner.get("/api/v1/absence-types")).json()["items"]
        ],
        "availability_request_id": [asked.json()["id"]],
        "recipient_id": [r["id"] for r in asked.json()["recipients"]],
    }
    org.secret = {
        "paul.private@example.org",
        "+33 6 99 88 77 66",
        "SECRETNOTE",
        "secret_rate_profile",
        "73282932000074",
        "SECRET-DOC",
        "SECRET-REF",
        "SECRET-DECLINE",
        "SECRET-ABSENCE",
        "SECRET-REFUSAL",
        "lea.unreachable@example.org",
        delivery_error,
        # members' login addresses are contact data too
        "paul.account@example.org",
        "boss.privacy@example.org",
        owner.email,
    }
    org.own = {
        "tina.own@example.org",
        "OWN-NOTE",
        "own_rate_profile",
        "185057800608491",
        "OWN-DOC",
        "OWN-CERT-REF",
        "OWN-DECLINE",
        "OWN-ABSENCE",
    }
    return org


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _found(body: Any, values: set[str]) -> set[str]:
    text = list(_strings(body))
    return {v for v in values if any(v in s for s in text)}


def _differences(tech: Any, manager: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """Where the tech's JSON differs from the manager's, leaf by leaf (shapes must match)."""
    if isinstance(tech, dict) and isinstance(manager, dict):
        assert tech.keys() == manager.keys(), path
        for key in tech:
            yield from _differences(tech[key], manager[key], f"{path}.{key}")
    elif isinstance(tech, list) and isinstance(manager, list):
        assert len(tech) == len(manager), path
        for n, (a, b) in enumerate(zip(tech, manager, strict=True)):
            yield from _differences(a, b, f"{path}[{n}]")
    elif tech != manager:
        yield path, tech, manager


def _urls(spec: dict[str, Any], org: Org) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(route, url, query) for every GET of the document, every seeded id, every ``user``."""
    for route, item in spec["paths"].items():
        if "get" not in item or route in SKIPPED:
            continue
        params = item["get"].get("parameters", [])
        names = [p["name"] for p in params if p["in"] == "path"]
        missing = [n for n in names if n not in org.paths]
        assert not missing, f"{route}: seed a value for {missing} so privacy is checked here"
        query: dict[str, Any] = {}
        for p in params:
            if p["in"] == "query" and p.get("required"):
                query[p["name"]] = WINDOW.get(p["name"], "not-a-token")
        combos: list[dict[str, Any]] = [{}]
        for name in names:
            combos = [{**c, name: v} for c in combos for v in org.paths[name]]
        variants = [query]
        if any(p["in"] == "query" and p["name"] == "user" for p in params):
            variants += [{**query, "user": uid} for uid in org.paths["user_id"]]
        for combo in combos:
            url = route.format(**combo)
            for variant in variants:
                yield route, url, variant


def _route_actions(app: Any) -> dict[str, str]:
    """GET route path -> the RBAC action its guard checks (``requires(...)``)."""
    by_guard = {f"requires_{a.replace('.', '_')}": a for a in ACTIONS}
    found = {}
    for route in app.routes:
        for handler in getattr(route, "route_handlers", []):
            if "GET" not in handler.http_methods:
                continue
            for guard in handler.resolve_guards():
                action = by_guard.get(getattr(guard, "__name__", ""))
                if action:
                    found[route.path.replace(":int}", "}").replace(":str}", "}")] = action
    return found


@pytest.fixture
def spec(app: Any) -> dict[str, Any]:
    return dict(app.openapi_schema.to_schema())


async def test_a_tech_reads_no_colleagues_private_data_on_any_get_route(
    app, client, new_client, mail_sink, spec
):
    org = await _seed(client, new_client, mail_sink)
    me = (await org.tech.get("/api/v1/auth/me")).json()
    actions = set(me["actions"])
    guarded = _route_actions(app)
    seen_by_tech: set[str] = set()
    seen_by_manager: set[str] = set()
    allowed_routes: set[str] = set()
    compared = 0
    for route, url, query in _urls(spec, org):
        as_tech = await org.tech.get(url, params=query)
        as_manager = await org.manager.get(url, params=query)
        assert as_tech.status_code < 500, (url, query)
        assert as_manager.status_code < 500, (url, query)
        if route in guarded:
            forbidden = guarded[route] not in actions
            assert (as_tech.status_code == 403) == forbidden, (url, as_tech.status_code)
        if as_tech.status_code == 200:
            allowed_routes.add(route)
        tech_body = as_tech.json() if as_tech.content else None
        manager_body = as_manager.json() if as_manager.content else None
        leaked = _found(tech_body, org.secret)
        assert not leaked, (url, query, leaked)
        seen_by_tech |= _found(tech_body, org.own)
        seen_by_manager |= _found(manager_body, org.secret)
        if route in PER_CALLER or as_tech.status_code != 200:
            continue
        assert as_manager.status_code == 200, (url, as_manager.text)
        for where, tech_value, _ in _differences(tech_body, manager_body):
            field = re.sub(r"\[\d+\]", "", where).rsplit(".", 1)[-1]
            assert field in PRIVATE_NAMES, (url, where)
            assert tech_value is None, (url, where)
        compared += 1
    # The tech saw all of their own data, the manager everyone's.
    assert seen_by_tech == org.own
    assert seen_by_manager == org.secret
    # Sanity: the sweep did cover the reads a tech uses.
    for route in (
        "/api/v1/users",
        "/api/v1/users/{user_id}",
        "/api/v1/orgs/current/members",
        "/api/v1/assignments",
        "/api/v1/invitations/{invitation_id}",
        "/api/v1/availability/windows",
        "/api/v1/planning",
    ):
        assert route in allowed_routes, route
    assert "/api/v1/conflicts" not in allowed_routes
    assert "/api/v1/rates" not in allowed_routes
    assert compared > 20
    # Statically too: a field added later to a tech's read is classified.
    checked = _check_schemas(spec, allowed_routes)
    assert ("UserOut", "email") in checked
    assert ("PlanningAssignment", "decline_reason") in checked


async def test_a_tech_cannot_find_a_colleague_by_what_their_notes_or_email_say(client, new_client):
    owner = await signup(client)
    tech = await member_session(owner, new_client, "searcher@example.org", "tech")
    paul = await make_user(
        owner, first_name="Paul", email="zorglub@example.org", notes="hospitalisation"
    )
    for q in ("hospitalisation", "zorglub"):
        as_tech = (await tech.get("/api/v1/users", params={"q": q})).json()
        assert as_tech["total"] == 0, q
        as_owner = (await owner.get("/api/v1/users", params={"q": q})).json()
        assert [u["id"] for u in as_owner["items"]] == [paul["id"]], q
    by_name = (await tech.get("/api/v1/users", params={"q": "paul"})).json()
    assert [u["id"] for u in by_name["items"]] == [paul["id"]]


def _schema_fields(spec: dict[str, Any], ref: str, seen: set[str]) -> Iterator[tuple[str, str]]:
    name = ref.rsplit("/", 1)[-1]
    if name in seen:
        return
    seen.add(name)
    schema = spec["components"]["schemas"][name]
    for prop, body in schema.get("properties", {}).items():
        yield name, prop
        for nested in re.findall(r"'\$ref': '([^']+)'", str(body)):
            yield from _schema_fields(spec, nested, seen)


def _check_schemas(spec: dict[str, Any], routes: set[str]) -> set[tuple[str, str]]:
    """Every response field of these GET routes that looks personal (``absence_reason``)
    is private in coulisses.privacy or said public in PUBLIC_LOOKING."""
    private = {(cls.__name__, f) for cls, rule in PRIVATE_FIELDS.items() for f in rule.fields}
    seen: set[str] = set()
    checked = set()
    for route in sorted(routes):
        ok = spec["paths"][route]["get"]["responses"].get("200", {})
        for ref in re.findall(r"'\$ref': '([^']+)'", str(ok)):
            for schema, field in _schema_fields(spec, ref, seen):
                checked.add((schema, field))
                if not SUSPICIOUS.search(field):
                    continue
                assert (schema, field) in private or (schema, field) in PUBLIC_LOOKING, (
                    f"{schema}.{field} on GET {route}: add it to coulisses.privacy or to"
                    " PUBLIC_LOOKING with the reason"
                )
    return checked
