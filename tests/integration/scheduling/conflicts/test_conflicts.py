"""Conflicts through HTTP: each kind, configurable limits, suggestions, warnings on invite,
the resolve shortcut, tenant isolation and bad input."""

from __future__ import annotations

from typing import Any

from coulisses.db.connection import fetch
from tests.helpers import PASSWORD, OrgSession, error_code, signup
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

URL = "/api/v1/conflicts"
JULY = {"from": "2027-07-01", "to": "2027-07-31"}


def _at(day: int, time: str) -> str:
    """A local time in July 2027 (Paris, UTC+2); day 32 is 1 August."""
    if day > 31:
        return f"2027-08-{day - 31:02d}T{time}:00+02:00"
    return f"2027-07-{day:02d}T{time}:00+02:00"


async def _role(
    org: OrgSession,
    project_id: int,
    start: tuple[int, str],
    end: tuple[int, str],
    skills: list[str] | None = None,
    quota: int = 3,
) -> int:
    mission = await make_mission(
        org,
        project_id,
        _at(*start),
        _at(*end),
        roles=[{"name": "technicien", "quota": quota, "required_skills": skills or []}],
    )
    return int(mission["roles"][0]["id"])


async def _tech(org: OrgSession, name: str, level: int = 3, **fields: Any) -> int:
    body: dict[str, Any] = {"first_name": name, "skills": [{"name": "son", "level": level}]}
    body.update(fields)
    return int((await make_user(org, **body))["id"])


async def _report(org: OrgSession, **params: Any) -> dict[str, Any]:
    response = await org.get(URL, params={**JULY, **params})
    assert response.status_code == 200, response.text
    return dict(response.json())


def _of_kind(report: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [c for c in report["items"] if c["kind"] == kind]


async def _member(owner: OrgSession, new_client: Any, email: str, role: str) -> OrgSession:
    from coulisses.auth.tables import hash_password

    invited = await owner.post("/api/v1/orgs/current/members", json={"email": email, "role": role})
    assert invited.status_code == 201, invited.text
    await fetch(
        "UPDATE accounts SET password = $2 WHERE username = $1", email, hash_password(PASSWORD)
    )
    c = new_client()
    response = await c.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    body = response.json()
    return OrgSession(c, body["org_id"], body["account_id"], email)


async def _unavailable(org: OrgSession, user_id: int, start: str, end: str) -> None:
    response = await org.post(
        "/api/v1/availability",
        json={"user_id": user_id, "kind": "unavailable", "starts_at": start, "ends_at": end},
    )
    assert response.status_code == 201, response.text
    assert response.json()["status"] == "APPROVED"


async def test_overlap_is_reported_with_the_status_of_each_assignment(client):
    org = await signup(client)
    project = await make_project(org)
    me = await _tech(org, "Lea", account_id=org.account_id)
    first = await invite(org, await _role(org, project["id"], (10, "19:00"), (11, "01:00")), me)
    second = await invite(org, await _role(org, project["id"], (10, "22:00"), (11, "02:00")), me)
    accepted = await org.post(f"/api/v1/assignments/{first['id']}/accept")
    assert accepted.status_code == 200, accepted.text

    report = await _report(org)
    [overlap] = _of_kind(report, "overlap")
    assert overlap["user"]["id"] == me
    assert [(a["id"], a["status"]) for a in overlap["assignments"]] == [
        (first["id"], "ACCEPTED"),
        (second["id"], "INVITED"),
    ]
    assert overlap["assignments"][0]["mission_id"] == first["mission_id"]
    assert overlap["confirmed"] is False
    assert overlap["target_assignment_id"] == second["id"]
    assert overlap["hours"] == 3.0
    assert "same time" in overlap["message"]
    assert report["counts"]["overlap"] == 1
    assert report["timezone"] == "Europe/Paris"


async def test_daily_limit_counts_each_local_day_a_night_mission_covers(client):
    org = await signup(client)
    project = await make_project(org)
    user = await _tech(org, "Hugo")
    day = await invite(org, await _role(org, project["id"], (10, "08:00"), (10, "13:00")), user)
    night = await invite(org, await _role(org, project["id"], (10, "16:00"), (11, "02:00")), user)

    report = await _report(org)
    [over] = _of_kind(report, "max_hours_day")
    # 5 h + 8 h before midnight on the 10th; the 2 h after midnight belong to the 11th.
    assert (over["day"], over["hours"], over["limit_hours"]) == ("2027-07-10", 13.0, 10.0)
    assert {a["id"] for a in over["assignments"]} == {day["id"], night["id"]}
    assert over["target_assignment_id"] == night["id"]
    [rest] = _of_kind(report, "min_rest")
    assert (rest["hours"], rest["limit_hours"]) == (3.0, 11.0)
    assert [a["id"] for a in rest["assignments"]] == [day["id"], night["id"]]


async def test_weekly_limit_sums_an_iso_week_in_the_org_timezone(client):
    org = await signup(client)
    project = await make_project(org)
    user = await _tech(org, "Ines")
    # Monday 12 to Saturday 17 July: 6 x 9 h = 54 h in week 28, each day and rest fine.
    for day in range(12, 18):
        await invite(org, await _role(org, project["id"], (day, "08:00"), (day, "17:00")), user)
    # Sunday 18 belongs to the same ISO week, Monday 19 to the next one.
    await invite(org, await _role(org, project["id"], (19, "08:00"), (19, "10:00")), user)

    report = await _report(org)
    [week] = _of_kind(report, "max_hours_week")
    assert (week["week"], week["hours"], week["limit_hours"]) == ("2027-W28", 54.0, 48.0)
    assert len(week["assignments"]) == 6
    assert _of_kind(report, "max_hours_day") == []
    assert _of_kind(report, "min_rest") == []


async def test_short_rest_after_a_night_demontage(client):
    org = await signup(client)
    project = await make_project(org)
    user = await _tech(org, "Nina")
    night = await invite(org, await _role(org, project["id"], (12, "01:00"), (12, "04:00")), user)
    morning = await invite(org, await _role(org, project["id"], (12, "08:00"), (12, "13:00")), user)
    [rest] = _of_kind(await _report(org), "min_rest")
    assert [a["id"] for a in rest["assignments"]] == [night["id"], morning["id"]]
    assert (rest["hours"], rest["limit_hours"]) == (4.0, 11.0)
    assert rest["target_assignment_id"] == morning["id"]


async def test_assignment_during_approved_unavailability(client):
    org = await signup(client)
    project = await make_project(org)
    user = await _tech(org, "Omar")
    await _unavailable(org, user, _at(20, "08:00"), _at(20, "12:00"))
    busy = await invite(org, await _role(org, project["id"], (20, "10:00"), (20, "14:00")), user)
    await invite(org, await _role(org, project["id"], (21, "10:00"), (21, "14:00")), user)

    [hit] = _of_kind(await _report(org), "unavailable")
    assert [a["id"] for a in hit["assignments"]] == [busy["id"]]
    assert hit["unavailable"] == [
        {"starts_at": "2027-07-20T06:00:00Z", "ends_at": "2027-07-20T10:00:00Z"}
    ]


async def test_missing_required_skill(client):
    org = await signup(client)
    project = await make_project(org)
    user = await _tech(org, "Paul")
    role = await _role(org, project["id"], (14, "08:00"), (14, "12:00"), ["son", "cariste"])
    assignment = await invite(org, role, user)
    await invite(org, await _role(org, project["id"], (15, "08:00"), (15, "12:00"), ["son"]), user)

    [missing] = _of_kind(await _report(org), "missing_skill")
    assert missing["missing_skills"] == ["cariste"]
    assert [a["id"] for a in missing["assignments"]] == [assignment["id"]]


async def test_limits_are_configurable_per_org_and_per_employment_type(client, new_client):
    org = await signup(client)
    project = await make_project(org)
    cdi = await _tech(org, "Cdi", employment_type="CDI")
    intermittent = await _tech(org, "Inter", employment_type="Intermittent")
    role = await _role(org, project["id"], (10, "08:00"), (10, "19:00"))  # 11 h
    for user in (cdi, intermittent):
        await invite(org, role, user)
    over = _of_kind(await _report(org), "max_hours_day")
    assert sorted(c["user"]["id"] for c in over) == sorted([cdi, intermittent])

    rules = await org.get(f"{URL}/rules")
    assert rules.status_code == 200, rules.text
    assert rules.json()["defaults"] == {
        "max_hours_day": 10.0,
        "max_hours_week": 48.0,
        "min_rest_hours": 11.0,
    }
    put = await org.put(
        f"{URL}/rules",
        json={
            "org": {"max_hours_day": 10.5, "min_rest_hours": 12},
            "employment_types": {"Intermittent": {"max_hours_day": 12}},
        },
    )
    assert put.status_code == 200, put.text
    body = put.json()
    assert body["effective"]["CDI"] == {
        "max_hours_day": 10.5,
        "max_hours_week": 48.0,
        "min_rest_hours": 12.0,
    }
    assert body["effective"]["Intermittent"]["max_hours_day"] == 12.0
    assert body["effective"]["Intermittent"]["min_rest_hours"] == 12.0
    assert body["employment_types"]["CDD"] is None
    assert (await org.get(f"{URL}/rules")).json() == body

    [still] = _of_kind(await _report(org), "max_hours_day")
    assert (still["user"]["id"], still["limit_hours"]) == (cdi, 10.5)

    # Another org keeps the defaults; a PUT replaces everything (back to defaults here).
    other = await signup(new_client(), "Org B")
    assert (await other.get(f"{URL}/rules")).json()["effective"]["CDI"]["max_hours_day"] == 10.0
    reset = await org.put(f"{URL}/rules", json={})
    assert reset.json()["effective"]["Intermittent"]["max_hours_day"] == 10.0
    actions = await fetch(
        "SELECT count(*) AS n FROM audit_log WHERE org = $1 AND action = 'conflict_rules.updated'",
        org.org_id,
    )
    assert actions[0]["n"] == 2


async def test_bad_rules_are_refused_and_rules_need_an_admin(client, new_client):
    org = await signup(client)
    for body, code in (
        ({"org": {"max_hours_day": 25}}, "conflict_rules.invalid_limit"),
        ({"org": {"max_hours_week": 0}}, "conflict_rules.invalid_limit"),
        ({"employment_types": {"CDD": {"min_rest_hours": -1}}}, "conflict_rules.invalid_limit"),
        ({"org": {"max_hours_day": 1e308}}, "conflict_rules.invalid_limit"),
        ({"org": {"max_hours_day": "ten"}}, "request.validation"),
        ({"employment_types": {"Stagiaire": {}}}, "request.validation"),
    ):
        response = await org.put(f"{URL}/rules", json=body)
        assert response.status_code in (400, 422), response.text
        assert error_code(response) == code, body
    assert (await fetch("SELECT count(*) AS n FROM conflict_rules"))[0]["n"] == 0

    manager = await _member(org, new_client, "regie@example.org", "manager")
    assert (await manager.get(URL, params=JULY)).status_code == 200
    assert (await manager.get(f"{URL}/rules")).status_code == 200
    refused = await manager.put(f"{URL}/rules", json={"org": {"max_hours_day": 8}})
    assert refused.status_code == 403
    tech = await _member(org, new_client, "tech@example.org", "tech")
    assert (await tech.get(URL, params=JULY)).status_code == 403


async def _crowd(org: OrgSession) -> dict[str, Any]:
    """A conflict on a Thursday evening mission and people more or less able to take it."""
    project = await make_project(org)
    pid = project["id"]
    # Freelances rest 0 h: H is kept out by the daily limit alone.
    rules = await org.put(
        f"{URL}/rules", json={"employment_types": {"Freelance": {"min_rest_hours": 0}}}
    )
    assert rules.status_code == 200, rules.text
    ids = {
        "x": await _tech(org, "X"),
        "a": await _tech(org, "A", level=5),
        "b": await _tech(org, "B", level=2),
        "c": await _tech(org, "C", level=2),
        "busy": await _tech(org, "Busy", level=5),
        "unskilled": (await make_user(org, first_name="Unskilled"))["id"],
        "away": await _tech(org, "Away", level=5),
        "week": await _tech(org, "Week", level=5),
        "day": await _tech(org, "Day", level=5, employment_type="Freelance"),
        "rest": await _tech(org, "Rest", level=5),
    }
    target_role = await _role(org, pid, (15, "19:00"), (15, "23:00"), ["son"])
    await invite(org, await _role(org, pid, (15, "18:00"), (15, "22:00")), ids["x"])
    target = await invite(org, target_role, ids["x"])
    await invite(org, await _role(org, pid, (13, "08:00"), (13, "16:00")), ids["c"])
    await invite(org, await _role(org, pid, (15, "22:00"), (15, "23:30")), ids["busy"])
    await _unavailable(org, ids["away"], _at(15, "18:00"), _at(16, "00:00"))
    for day in (12, 13, 14, 17, 18):
        await invite(org, await _role(org, pid, (day, "08:00"), (day, "17:00")), ids["week"])
    await invite(org, await _role(org, pid, (15, "08:00"), (15, "15:00")), ids["day"])
    await invite(org, await _role(org, pid, (16, "06:00"), (16, "10:00")), ids["rest"])
    return {"ids": ids, "target": target, "target_role": target_role}


async def test_suggestions_are_ranked_and_leave_out_busy_unskilled_unavailable_and_full(client):
    org = await signup(client)
    crowd = await _crowd(org)
    ids = crowd["ids"]
    report = await _report(org)
    [overlap] = [c for c in _of_kind(report, "overlap") if c["user"]["id"] == ids["x"]]
    assert overlap["target_assignment_id"] == crowd["target"]["id"]
    suggested = [(s["user_id"], s["skill_score"], s["week_hours"]) for s in overlap["suggestions"]]
    assert suggested == [(ids["a"], 5, 0.0), (ids["b"], 2, 0.0), (ids["c"], 2, 8.0)]
    assert overlap["suggestions"][0]["first_name"] == "A"


async def test_at_most_five_suggestions(client):
    org = await signup(client)
    project = await make_project(org)
    x = await _tech(org, "X")
    for level in range(1, 8):
        await _tech(org, f"Free{level}", level=min(level, 5))
    await invite(org, await _role(org, project["id"], (15, "18:00"), (15, "22:00")), x)
    await invite(org, await _role(org, project["id"], (15, "19:00"), (15, "23:00"), ["son"]), x)
    [overlap] = _of_kind(await _report(org), "overlap")
    scores = [s["skill_score"] for s in overlap["suggestions"]]
    assert scores == [5, 5, 5, 4, 3]


async def test_invite_answers_with_the_conflicts_it_creates(client):
    org = await signup(client)
    project = await make_project(org)
    user = await _tech(org, "Lou")
    first_role = await _role(org, project["id"], (10, "19:00"), (11, "01:00"))
    clean = await invite(org, first_role, user)
    assert clean["warnings"] == []

    second_role = await _role(org, project["id"], (10, "23:00"), (11, "03:00"), ["cariste"])
    response = await org.post(
        "/api/v1/assignments", json={"mission_role_id": second_role, "user_id": user}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "INVITED"
    kinds = sorted(w["kind"] for w in body["warnings"])
    assert kinds == ["missing_skill", "overlap"]
    for warning in body["warnings"]:
        assert body["id"] in [a["id"] for a in warning["assignments"]]
        assert warning["suggestions"] == []

    other = await _tech(org, "Max")
    roles = [
        await _role(org, project["id"], (20, "08:00"), (20, "12:00")),
        await _role(org, project["id"], (20, "11:00"), (20, "15:00")),
    ]
    bulk = await org.post(
        "/api/v1/assignments/bulk_create",
        json={"mission_role_ids": roles, "user_ids": [other, user]},
    )
    assert bulk.status_code == 201, bulk.text
    warnings = bulk.json()["warnings"]
    assert sorted((w["kind"], w["user"]["id"]) for w in warnings) == sorted(
        [("overlap", other), ("overlap", user)]
    )
    assert bulk.json()["created"] == 4


async def test_resolve_replaces_the_conflicting_assignment_in_one_step(client):
    org = await signup(client)
    crowd = await _crowd(org)
    ids, target = crowd["ids"], crowd["target"]
    response = await org.post(
        f"{URL}/resolve", json={"assignment_id": target["id"], "replacement_user_id": ids["a"]}
    )
    assert response.status_code == 201, response.text
    new = response.json()
    assert (new["user_id"], new["mission_role_id"], new["status"]) == (
        ids["a"],
        crowd["target_role"],
        "INVITED",
    )
    assert new["warnings"] == []
    old = (await org.get(f"/api/v1/assignments/{target['id']}")).json()
    assert old["status"] == "CANCELLED"
    report = await _report(org)
    assert [c for c in _of_kind(report, "overlap") if c["user"]["id"] == ids["x"]] == []

    # A cancelled assignment has nothing to replace.
    again = await org.post(
        f"{URL}/resolve", json={"assignment_id": target["id"], "replacement_user_id": ids["b"]}
    )
    assert again.status_code == 409
    assert error_code(again) == "assignment.not_active"


async def test_resolve_failures_are_409_and_write_nothing(client):
    org = await signup(client)
    project = await make_project(org)
    x = await _tech(org, "X")
    y = await _tech(org, "Y")
    role = await _role(org, project["id"], (15, "19:00"), (15, "23:00"))
    target = await invite(org, role, x)
    await invite(org, role, y)
    before = await fetch("SELECT count(*) AS n FROM audit_log WHERE org = $1", org.org_id)
    for body, status, code in (
        ({"replacement_user_id": x}, 409, "assignment.same_user"),
        ({"replacement_user_id": y}, 409, "assignment.duplicate"),
        ({"replacement_user_id": 999999}, 404, "user.not_found"),
        ({"assignment_id": 999999, "replacement_user_id": y}, 404, "assignment.not_found"),
    ):
        response = await org.post(f"{URL}/resolve", json={"assignment_id": target["id"], **body})
        assert response.status_code == status, response.text
        assert error_code(response) == code
    assert (await org.get(f"/api/v1/assignments/{target['id']}")).json()["status"] == "INVITED"
    after = await fetch("SELECT count(*) AS n FROM audit_log WHERE org = $1", org.org_id)
    assert before == after
    huge = await org.post(f"{URL}/resolve", json={"assignment_id": 2**40, "replacement_user_id": y})
    assert huge.status_code == 400, huge.text
    missing = await org.post(f"{URL}/resolve", json={"assignment_id": target["id"]})
    assert missing.status_code == 400
    assert error_code(missing) == "request.validation"


async def test_ids_of_another_org_are_not_found(client, new_client):
    a = await signup(client, "Org A")
    b = await signup(new_client(), "Org B")
    project_b = await make_project(b)
    user_b = await _tech(b, "B1")
    role_b = await _role(b, project_b["id"], (10, "19:00"), (10, "23:00"))
    assignment_b = await invite(b, role_b, user_b)
    await invite(b, await _role(b, project_b["id"], (10, "20:00"), (10, "22:00")), user_b)
    project_a = await make_project(a)
    user_a = await _tech(a, "A1")
    assignment_a = await invite(
        a, await _role(a, project_a["id"], (11, "19:00"), (11, "23:00")), user_a
    )

    assert (await _report(a))["items"] == []
    assert len(_of_kind(await _report(b), "overlap")) == 1
    for params, code in (
        ({"user": user_b}, "user.not_found"),
        ({"project": project_b["id"]}, "project.not_found"),
    ):
        response = await a.get(URL, params={**JULY, **params})
        assert response.status_code == 404, response.text
        assert error_code(response) == code
    for body, code in (
        (
            {"assignment_id": assignment_b["id"], "replacement_user_id": user_a},
            "assignment.not_found",
        ),
        ({"assignment_id": assignment_a["id"], "replacement_user_id": user_b}, "user.not_found"),
    ):
        response = await a.post(f"{URL}/resolve", json=body)
        assert response.status_code == 404, response.text
        assert error_code(response) == code
    status = (await a.get(f"/api/v1/assignments/{assignment_a['id']}")).json()["status"]
    assert status == "INVITED"
    assert (await b.get(f"/api/v1/assignments/{assignment_b['id']}")).json()["status"] == "INVITED"


async def test_filters_by_user_and_project_and_local_days(client):
    org = await signup(client)
    festival = await make_project(org)
    tour = await make_project(org, name="Tournee")
    lea = await _tech(org, "Lea")
    max_ = await _tech(org, "Max")
    for user, project in ((lea, festival), (max_, tour)):
        await invite(org, await _role(org, project["id"], (10, "19:00"), (10, "23:00")), user)
        await invite(org, await _role(org, project["id"], (10, "20:00"), (10, "22:00")), user)
    assert len((await _report(org))["items"]) == 2
    assert [c["user"]["id"] for c in (await _report(org, user=lea))["items"]] == [lea]
    only_tour = (await _report(org, project=tour["id"]))["items"]
    assert [c["user"]["id"] for c in only_tour] == [max_]
    # A date is a local day: `to` includes it; another day has nothing.
    day = await org.get(URL, params={"from": "2027-07-10", "to": "2027-07-10"})
    assert day.json()["total"] == 2
    assert day.json()["window_end"] == "2027-07-10T22:00:00Z"
    empty = await org.get(URL, params={"from": "2027-07-11", "to": "2027-07-12"})
    assert empty.json()["total"] == 0
    exact = await org.get(
        URL, params={"from": "2027-07-10T20:30:00+02:00", "to": "2027-07-10T21:00:00Z"}
    )
    assert exact.json()["total"] == 2


async def test_bad_windows_are_4xx_with_stable_codes(client):
    org = await signup(client)
    cases = [
        ({"from": "2027-07-31", "to": "2027-07-01"}, 422, "validation.invalid_window"),
        (
            {"from": "2027-07-01T10:00:00+02:00", "to": "2027-07-01T10:00:00+02:00"},
            422,
            "validation.invalid_window",
        ),
        ({"from": "2027-13-45", "to": "2027-07-01"}, 422, "validation.invalid_date"),
        ({"from": "yesterday", "to": "2027-07-01"}, 422, "validation.invalid_date"),
        ({"from": "2027-07-01", "to": "2099-12-31"}, 422, "validation.window_too_long"),
        ({"from": "0001-01-01", "to": "0001-01-02"}, 422, "validation.invalid_date"),
        ({"from": "9999-12-30", "to": "9999-12-31"}, 422, "validation.invalid_date"),
        ({"from": "0001-01-01T00:00:00+14:00", "to": "2027-07-01"}, 422, "validation.invalid_date"),
        ({"from": "2027-07-01T08:00:00", "to": "2027-07-02"}, 422, "validation.naive_datetime"),
        ({"from": "2027-01-01", "to": "2027-06-30"}, 422, "validation.window_too_long"),
        ({"from": "2027-07-01"}, 400, "request.validation"),
        ({**JULY, "user": "abc"}, 400, "request.validation"),
        ({**JULY, "user": 2**40}, 400, "request.validation"),
    ]
    for params, status, code in cases:
        response = await org.get(URL, params=params)
        assert response.status_code == status, (params, response.text)
        assert error_code(response) == code, params
    too_long = await org.get(URL, params={"from": "2027-01-01", "to": "2027-06-30"})
    assert too_long.json()["error"]["details"] == {"max_days": 62}
    # 62 days of the org's wall clock is the longest report.
    longest = await org.get(URL, params={"from": "2027-07-01", "to": "2027-08-31"})
    assert longest.status_code == 200, longest.text


async def test_openapi_names_the_conflict_operations(client):
    schema = (await client.get("/api/docs/openapi.json")).json()
    report = schema["paths"]["/api/v1/conflicts"]["get"]
    assert report["operationId"] == "ListConflicts"
    assert {p["name"] for p in report["parameters"]} >= {"from", "to", "user", "project"}
    rules = schema["paths"]["/api/v1/conflicts/rules"]
    assert (rules["get"]["operationId"], rules["put"]["operationId"]) == (
        "GetConflictRules",
        "SetConflictRules",
    )
    assert schema["paths"]["/api/v1/conflicts/resolve"]["post"]["operationId"] == "ResolveConflict"
    invited = schema["components"]["schemas"]["AssignmentInvitedOut"]
    assert "warnings" in invited["properties"]
