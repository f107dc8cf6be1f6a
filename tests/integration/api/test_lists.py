"""Every list of the API keeps one contract (docs/api.md, "Listes"): the envelope
``{items, page, page_size, total}``, ``page``/``page_size``, ``sort`` from a whitelist,
``fields``, errors that name their parameter, and a 404 for a filter id of another org.

The first test enumerates every GET route of the app's OpenAPI document (core and the
installed plugins, all enabled) whose answer has ``items`` or is an array: a new list
route is checked without a line here.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import OrgSession
from tests.integration.auth.support import signup
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import (
    invite,
    make_mission,
    make_place,
    make_project,
    make_user,
)

ENVELOPE = {"items", "page", "page_size", "total"}

#: GET routes answering ``items`` that are not lists, and why (never silently).
NOT_LISTS = {
    "/api/v1/conflicts": "a report over a window: counts per kind, truncated flag, timezone",
}
#: Required query parameters of some lists.
REQUIRED = {
    "/api/v1/availability": {"from": "2027-07-01", "to": "2027-07-31"},
    "/api/v1/payroll/reports/monthly": {"month": "2027-07"},
    "/api/v1/payroll/reports/projects": {"month": "2027-07"},
}


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _answer_schema(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any] | None:
    content = operation["responses"].get("200", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    return _resolve(spec, schema) if schema else None


def _list_routes(spec: dict[str, Any]) -> list[str]:
    found = []
    for path, item in spec["paths"].items():
        operation = item.get("get")
        schema = _answer_schema(spec, operation) if operation else None
        if schema is None or path in NOT_LISTS:
            continue
        if schema.get("type") == "array" or "items" in schema.get("properties", {}):
            found.append(path)
    return sorted(found)


async def _seed(owner: OrgSession) -> dict[str, Any]:
    """Two of everything a list shows, so that page 2 of page_size 1 exists; the values of
    the path parameters of lists nested under a resource."""
    plugins = (await owner.get("/api/v1/orgs/current/plugins")).json()["items"]
    for plugin in plugins:
        await owner.enable(plugin["name"])
    soon = "2027-07-15"
    users = [
        await make_user(
            owner, first_name=name, skills=[{"name": "caces", "level": 1, "valid_until": soon}]
        )
        for name in ("Ana", "Bob")
    ]
    place = await make_place(owner)
    for name in ("Festival A", "Festival B"):
        project = await make_project(owner, name=name)
        mission = await make_mission(owner, project["id"], place_id=place["id"])
        for user in users:
            await invite(owner, mission["roles"][0]["id"], user["id"])
    await make_place(owner, name="Salle 2", timezone="Europe/Paris")
    for user in users:
        rate = {"kind": "cachet", "amount_cents": 30000, "currency": "EUR", "user_id": user["id"]}
        response = await owner.post("/api/v1/rates", json=rate)
        assert response.status_code == 201, response.text
        for day in ("2027-07-02", "2027-07-03"):
            window = {
                "user_id": user["id"],
                "kind": "unavailable",
                "starts_at": f"{day}T08:00:00+02:00",
                "ends_at": f"{day}T12:00:00+02:00",
            }
            response = await owner.post("/api/v1/availability", json=window)
            assert response.status_code == 201, response.text
    for email in ("regie@example.org", "son@example.org"):
        response = await owner.post(
            "/api/v1/orgs/current/members", json={"email": email, "role": "tech"}
        )
        assert response.status_code == 201, response.text
    params: dict[str, Any] = {}
    # Two mission templates, the first in two versions.
    for name in ("Journee A", "Journee B"):
        body = {"name": name, "title": "Plateau", "slots": [{"start": "08:00", "end": "12:00"}]}
        response = await owner.post("/api/v1/mission-templates", json=body)
        assert response.status_code == 201, response.text
        params.setdefault("template_id", response.json()["id"])
    response = await owner.patch(
        f"/api/v1/mission-templates/{params['template_id']}", json={"name": "Journee A2"}
    )
    assert response.status_code == 200, response.text
    if any(p["name"] == "payroll" for p in plugins):
        # A timesheet line's history lists its changes: an accepted assignment, two edits.
        # (the owner's own person answers in the app)
        mine = await make_user(owner, first_name="Paie", account_id=owner.account_id)
        mission = await make_mission(owner, (await make_project(owner, name="Paie"))["id"])
        assignment = await invite(owner, mission["roles"][0]["id"], mine["id"])
        accepted = await owner.post(f"/api/v1/assignments/{assignment['id']}/accept")
        assert accepted.status_code == 200, accepted.text
        line = f"/api/v1/payroll/timesheets/{assignment['id']}"
        for minutes in (15, 30):
            response = await owner.patch(line, json={"break_minutes": minutes})
            assert response.status_code == 200, response.text
        params["assignment_id"] = assignment["id"]
    if any(p["name"] == "webhooks" for p in plugins):
        # Two endpoints, and two test requests in the first one's log (a closed port: the
        # list is what is checked, not the sending).
        hooks = "/api/v1/webhooks/endpoints/"
        for n in (1, 2):
            body = {"url": f"http://127.0.0.1:9/{n}", "event_types": ["*"]}
            response = await owner.post(hooks, json=body)
            assert response.status_code == 201, response.text
            params.setdefault("endpoint_id", response.json()["id"])
        for _ in (1, 2):
            response = await owner.post(f"{hooks}{params['endpoint_id']}/ping")
            assert response.status_code == 202, response.text
    return params


@pytest.fixture
async def seeded(client: Any) -> tuple[OrgSession, dict[str, Any], dict[str, Any]]:
    owner = await signup(client)
    params = await _seed(owner)
    spec = (await owner.get("/api/docs/openapi.json")).json()
    return owner, spec, params


def _with(path: str, **params: Any) -> dict[str, Any]:
    return {**REQUIRED.get(path, {}), **params}


async def test_every_list_route_keeps_the_one_list_contract(seeded):
    owner, spec, path_ids = seeded
    routes = _list_routes(spec)
    # every list of the issue, core and plugins: a route lost from the scan fails here
    assert len(routes) >= 16, routes
    for route in routes:
        schema = _answer_schema(spec, spec["paths"][route]["get"])
        path = route.format(**path_ids)
        assert schema is not None
        assert schema.get("type") != "array", f"{path} answers a bare array"
        assert set(schema["required"]) >= ENVELOPE, (path, schema["required"])

        first = await owner.get(path, params=_with(path))
        assert first.status_code == 200, (path, first.text)
        body = first.json()
        assert body.keys() >= ENVELOPE, (path, body.keys())
        assert (body["page"], body["page_size"]) == (1, 50), path
        assert isinstance(body["items"], list)
        assert len(body["items"]) == min(50, body["total"]), path

        # the key fields and the sort keys, as the errors name them
        bad_fields = await owner.get(path, params=_with(path, fields="nope"))
        assert bad_fields.status_code == 400, (path, bad_fields.text)
        error = bad_fields.json()["error"]
        assert error["code"] == "request.invalid_fields"
        assert error["details"]["field"] == "fields"
        key = error["details"]["allowed"][0]
        bad_sort = await owner.get(path, params=_with(path, sort="nope,-id"))
        assert bad_sort.status_code == 400, (path, bad_sort.text)
        error = bad_sort.json()["error"]
        assert error["code"] == "request.invalid_sort"
        assert error["details"]["field"] == "sort"
        assert key in error["details"]["allowed"], path

        # page and page_size are honoured; page 2 holds another item
        one = (await owner.get(path, params=_with(path, page_size=1))).json()
        assert one["page_size"] == 1, path
        assert len(one["items"]) == min(1, body["total"]), path
        if body["total"] >= 2:
            two = await owner.get(path, params=_with(path, page_size=1, page=2))
            assert two.status_code == 200, (path, two.text)
            assert two.json()["page"] == 2
            assert two.json()["items"][0] != one["items"][0], path

        # bad pages name the parameter
        for params, code, field in [
            ({"page": 0}, "pagination.invalid", "page"),
            ({"page_size": 0}, "pagination.invalid", "page_size"),
            ({"page_size": 201}, "pagination.invalid", "page_size"),
            ({"page": body["total"] + 2, "page_size": 1}, "pagination.out_of_range", "page"),
        ]:
            response = await owner.get(path, params=_with(path, **params))
            assert response.status_code == 400, (path, params, response.text)
            error = response.json()["error"]
            assert (error["code"], error["details"]["field"]) == (code, field), (path, params)
        typed = await owner.get(path, params=_with(path, page="deux"))
        assert typed.status_code == 400, (path, typed.text)
        assert typed.json()["error"]["code"] == "request.validation"
        assert [d["field"] for d in typed.json()["error"]["details"]] == ["page"], path

        # fields keeps the key only; every sort key is accepted, both ways
        only = await owner.get(path, params=_with(path, fields=key))
        assert only.status_code == 200, (path, only.text)
        assert all(set(item) == {key} for item in only.json()["items"]), path
        for sort_key in error_keys(bad_sort):
            for sort in (sort_key, f"-{sort_key}"):
                response = await owner.get(path, params=_with(path, sort=sort))
                assert response.status_code == 200, (path, sort, response.text)
                assert response.json()["total"] == body["total"], (path, sort)


def error_keys(response: Any) -> list[str]:
    return list(response.json()["error"]["details"]["allowed"])


async def test_no_get_route_answers_a_bare_array(seeded):
    _, spec, _ = seeded
    bare = [
        path
        for path, item in spec["paths"].items()
        if "get" in item and (_answer_schema(spec, item["get"]) or {}).get("type") == "array"
    ]
    assert bare == []


async def _values(owner: OrgSession, path: str, field: str, **params: Any) -> list[Any]:
    response = await owner.get(path, params={**params, "fields": f"id,{field}"})
    assert response.status_code == 200, response.text
    return [item[field] for item in response.json()["items"]]


async def test_sort_orders_follow_the_keys_with_id_as_the_tiebreak(client):
    owner = await signup(client)
    for name in ("beta", "Alpha", "gamma"):
        await make_place(owner, name=name, timezone="Europe/Paris")
    assert await _values(owner, "/api/v1/places", "name") == ["Alpha", "beta", "gamma"]
    assert await _values(owner, "/api/v1/places", "name", sort="-name") == [
        "gamma",
        "beta",
        "Alpha",
    ]
    ids = await _values(owner, "/api/v1/places", "id", sort="-id")
    assert ids == sorted(ids, reverse=True)
    # same timezone everywhere: the id closes the order, in the first key's direction
    assert await _values(owner, "/api/v1/places", "id", sort="timezone") == sorted(ids)
    assert await _values(owner, "/api/v1/places", "id", sort="-timezone") == ids

    project = await make_project(owner)
    for start in ("2027-07-12T20:00:00+02:00", "2027-07-10T20:00:00+02:00"):
        await make_mission(
            owner, project["id"], starts_at=start, ends_at=start[:11] + "23:00:00+02:00"
        )
    starts = await _values(owner, "/api/v1/missions", "starts_at")
    assert starts == sorted(starts)
    assert await _values(owner, "/api/v1/missions", "starts_at", sort="-starts_at") == starts[::-1]


async def test_a_filter_id_of_another_org_is_a_404_like_get_by_id(client, new_client):
    owner = await signup(client)
    other = await signup(new_client())
    user = await make_user(other)
    project = await make_project(other)
    mission = await make_mission(other, project["id"])
    place = await make_place(other)
    for path, params, code in [
        ("/api/v1/assignments", {"mission": mission["id"]}, "mission.not_found"),
        ("/api/v1/assignments", {"user": user["id"]}, "user.not_found"),
        ("/api/v1/assignments", {"project": project["id"]}, "project.not_found"),
        ("/api/v1/missions", {"project": project["id"]}, "project.not_found"),
        ("/api/v1/missions", {"place_id": place["id"]}, "place.not_found"),
        ("/api/v1/rates", {"user": user["id"]}, "user.not_found"),
        ("/api/v1/rates", {"mission": mission["id"]}, "mission.not_found"),
        ("/api/v1/availability/windows", {"user": user["id"]}, "user.not_found"),
        (
            "/api/v1/availability",
            {"user": user["id"], "from": "2027-07-01", "to": "2027-07-02"},
            "user.not_found",
        ),
    ]:
        response = await owner.get(path, params=params)
        assert response.status_code == 404, (path, params, response.text)
        assert response.json()["error"]["code"] == code, (path, params)
        # the same id of the caller's own org filters normally
        mine = await other.get(path, params=params)
        assert mine.status_code == 200, (path, params, mine.text)
    unknown = await owner.get("/api/v1/assignments", params={"user": 2**31 - 1})
    assert unknown.status_code == 404
    assert unknown.json()["error"]["details"] == {"field": "user"}


async def test_fields_never_bypasses_the_privacy_of_a_tech(client, new_client):
    owner = await signup(client)
    await make_user(owner, email="private@example.org", phone="0601020304")
    tech = await member_session(owner, new_client, "tech@example.org", "tech")
    items = (await tech.get("/api/v1/users", params={"fields": "id,email,phone"})).json()["items"]
    assert items
    assert all(set(i) == {"id", "email", "phone"} for i in items)
    assert all(i["email"] is None and i["phone"] is None for i in items)


async def test_the_audit_log_pages_by_page_or_by_cursor_in_one_envelope(client):
    owner = await signup(client)
    for name in ("a", "b", "c"):
        await make_place(owner, name=name, timezone="Europe/Paris")
    first = (await owner.get("/api/v1/audit", params={"page_size": 2})).json()
    assert (first["page"], first["page_size"]) == (1, 2)
    assert first["total"] >= 4
    assert first["next_cursor"]
    by_cursor = await owner.get(
        "/api/v1/audit", params={"page_size": 2, "cursor": first["next_cursor"]}
    )
    by_page = await owner.get("/api/v1/audit", params={"page_size": 2, "page": 2})
    assert by_cursor.status_code == by_page.status_code == 200
    assert by_cursor.json()["page"] == 2
    assert by_cursor.json()["items"] == by_page.json()["items"]
    oldest = (await owner.get("/api/v1/audit", params={"sort": "created_at"})).json()
    assert oldest["items"][0]["action"] == "org.created"
    both = await owner.get("/api/v1/audit", params={"page": 2, "cursor": first["next_cursor"]})
    assert both.status_code == 400
    assert both.json()["error"]["details"]["field"] == "cursor"
    mixed = await owner.get("/api/v1/audit", params={"sort": "created_at,-id"})
    assert mixed.status_code == 400
    assert mixed.json()["error"]["code"] == "request.invalid_sort"
