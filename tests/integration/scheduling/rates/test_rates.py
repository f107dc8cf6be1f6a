"""Rate profiles: CRUD, resolution precedence (mission > user > role), bad input, RBAC and
tenant isolation."""

from __future__ import annotations

from typing import Any

from coulisses.db.connection import fetch
from tests.helpers import PASSWORD, OrgSession, error_code, signup

URL = "/api/v1/rates"


async def _user(org: OrgSession, **fields: Any) -> dict[str, Any]:
    body = {"first_name": "Lea", "last_name": "Roux", "employment_type": "Intermittent"}
    body.update(fields)
    response = await org.post("/api/v1/users", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _mission(org: OrgSession) -> dict[str, Any]:
    project = await org.post("/api/v1/projects", json={"name": "Festival 2027"})
    assert project.status_code == 201, project.text
    response = await org.post(
        "/api/v1/missions",
        json={
            "project_id": project.json()["id"],
            "title": "Exploitation Cour",
            "starts_at": "2027-07-10T19:00:00+02:00",
            "ends_at": "2027-07-11T01:00:00+02:00",
            "roles": [{"name": "technicien son", "quota": 2}],
        },
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _rate(org: OrgSession, **fields: Any) -> dict[str, Any]:
    response = await org.post(URL, json=fields)
    assert response.status_code == 201, response.text
    return dict(response.json())


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


async def test_rate_crud_in_integer_cents_with_currency(client):
    org = await signup(client)
    user = await _user(org)
    rate = await _rate(org, kind="hourly", amount_cents=1850, user_id=user["id"], label="annexe 8")
    assert rate["currency"] == "EUR"
    assert rate["target"] == "user"
    assert (rate["user_id"], rate["role_name"], rate["mission_id"]) == (user["id"], None, None)

    cachet = await _rate(
        org, kind="cachet", amount_cents=18000, currency="eur", role_name=" Artiste "
    )
    assert cachet["currency"] == "EUR"
    assert cachet["role_name"] == "Artiste"
    assert cachet["target"] == "role"

    assert (await org.get(f"{URL}/{rate['id']}")).json() == rate
    patched = await org.patch(f"{URL}/{rate['id']}", json={"amount_cents": 1900, "currency": "CHF"})
    assert patched.status_code == 200, patched.text
    assert (patched.json()["amount_cents"], patched.json()["currency"]) == (1900, "CHF")
    assert patched.json()["label"] == "annexe 8"

    listing = await org.get(URL)
    assert listing.json()["total"] == 2
    by_role = await org.get(URL, params={"role": "ARTISTE"})
    assert [r["id"] for r in by_role.json()["items"]] == [cachet["id"]]
    by_user = await org.get(URL, params={"user": user["id"]})
    assert [r["id"] for r in by_user.json()["items"]] == [rate["id"]]

    assert (await org.delete(f"{URL}/{rate['id']}")).status_code == 204
    gone = await org.get(f"{URL}/{rate['id']}")
    assert gone.status_code == 404
    assert error_code(gone) == "rate.not_found"
    actions = await fetch(
        "SELECT action FROM audit_log WHERE org = $1 AND action LIKE 'rate.%' ORDER BY id",
        org.org_id,
    )
    assert [a["action"] for a in actions] == [
        "rate.created",
        "rate.created",
        "rate.updated",
        "rate.deleted",
    ]


async def test_resolution_prefers_mission_then_user_then_role(client):
    org = await signup(client)
    user = await _user(org)
    mission = await _mission(org)
    params = {"user": user["id"], "mission": mission["id"], "role": "Technicien Son"}

    nothing = await org.get(f"{URL}/resolve", params=params)
    assert nothing.status_code == 200, nothing.text
    assert nothing.json() == {"rate": None, "source": None}

    role_rate = await _rate(org, kind="hourly", amount_cents=1600, role_name="technicien son")
    resolved = (await org.get(f"{URL}/resolve", params=params)).json()
    assert (resolved["source"], resolved["rate"]["id"]) == ("role", role_rate["id"])

    user_rate = await _rate(org, kind="hourly", amount_cents=1850, user_id=user["id"])
    resolved = (await org.get(f"{URL}/resolve", params=params)).json()
    assert (resolved["source"], resolved["rate"]["id"]) == ("user", user_rate["id"])

    mission_rate = await _rate(
        org, kind="per_mission", amount_cents=25000, mission_id=mission["id"]
    )
    resolved = (await org.get(f"{URL}/resolve", params=params)).json()
    assert (resolved["source"], resolved["rate"]["id"]) == ("mission", mission_rate["id"])
    assert resolved["rate"]["amount_cents"] == 25000

    # Levels without an argument are skipped.
    only_role = (await org.get(f"{URL}/resolve", params={"role": "technicien son"})).json()
    assert only_role["rate"]["id"] == role_rate["id"]
    other_user = await _user(org, first_name="Paul")
    fallback = await org.get(
        f"{URL}/resolve", params={"user": other_user["id"], "role": "technicien son"}
    )
    assert fallback.json()["source"] == "role"
    assert (await org.get(f"{URL}/resolve")).json() == {"rate": None, "source": None}


async def test_bad_input_is_refused_with_stable_codes_and_nothing_written(client):
    org = await signup(client)
    user = await _user(org)
    mission = await _mission(org)
    cases = [
        ({"kind": "hourly", "amount_cents": -1, "user_id": user["id"]}, 422, "rate.invalid_amount"),
        (
            {"kind": "hourly", "amount_cents": 10**12, "user_id": user["id"]},
            422,
            "rate.invalid_amount",
        ),
        (
            {"kind": "hourly", "amount_cents": 100, "currency": "XYZ", "user_id": user["id"]},
            422,
            "rate.invalid_currency",
        ),
        (
            {"kind": "hourly", "amount_cents": 100, "currency": "", "user_id": user["id"]},
            422,
            "rate.invalid_currency",
        ),
        ({"kind": "hourly", "amount_cents": 100}, 422, "rate.invalid_target"),
        (
            {
                "kind": "hourly",
                "amount_cents": 100,
                "user_id": user["id"],
                "mission_id": mission["id"],
            },
            422,
            "rate.invalid_target",
        ),
        ({"kind": "hourly", "amount_cents": 100, "role_name": "  "}, 422, "rate.invalid_role_name"),
        (
            {"kind": "monthly", "amount_cents": 100, "user_id": user["id"]},
            400,
            "request.validation",
        ),
        (
            {"kind": "hourly", "amount_cents": 18.5, "user_id": user["id"]},
            400,
            "request.validation",
        ),
        (
            {"kind": "hourly", "amount_cents": 100, "user_id": user["id"], "extra": 1},
            400,
            "request.validation",
        ),
        ({"kind": "hourly", "amount_cents": 100, "user_id": 999999}, 404, "user.not_found"),
        ({"kind": "hourly", "amount_cents": 100, "mission_id": 999999}, 404, "mission.not_found"),
    ]
    for body, status, code in cases:
        response = await org.post(URL, json=body)
        assert response.status_code == status, (body, response.text)
        assert error_code(response) == code, (body, response.text)
    assert (await org.get(URL)).json()["total"] == 0

    first = await _rate(org, kind="hourly", amount_cents=1850, user_id=user["id"])
    duplicate = await org.post(
        URL, json={"kind": "cachet", "amount_cents": 1, "user_id": user["id"]}
    )
    assert duplicate.status_code == 409
    assert error_code(duplicate) == "rate.duplicate"
    await _rate(org, kind="cachet", amount_cents=18000, role_name="Artiste")
    same_role = await org.post(
        URL, json={"kind": "cachet", "amount_cents": 1, "role_name": "artiste"}
    )
    assert error_code(same_role) == "rate.duplicate"

    for body, code in [
        ({"amount_cents": -5}, "rate.invalid_amount"),
        ({"currency": "EURO"}, "rate.invalid_currency"),
    ]:
        response = await org.patch(f"{URL}/{first['id']}", json=body)
        assert response.status_code == 422, response.text
        assert error_code(response) == code
    retarget = await org.patch(f"{URL}/{first['id']}", json={"user_id": user["id"]})
    assert retarget.status_code == 400
    assert (await org.get(f"{URL}/{first['id']}")).json() == first
    bad_page = await org.get(URL, params={"page": 9})
    assert error_code(bad_page) == "pagination.out_of_range"


async def test_other_org_ids_are_not_found(client, new_client):
    org_a = await signup(client)
    org_b = await signup(new_client())
    user_a = await _user(org_a)
    mission_a = await _mission(org_a)
    rate = await _rate(org_a, kind="hourly", amount_cents=1850, user_id=user_a["id"])
    rid = rate["id"]
    for response, code in [
        (await org_b.get(f"{URL}/{rid}"), "rate.not_found"),
        (await org_b.patch(f"{URL}/{rid}", json={"amount_cents": 1}), "rate.not_found"),
        (await org_b.delete(f"{URL}/{rid}"), "rate.not_found"),
        (
            await org_b.post(
                URL, json={"kind": "hourly", "amount_cents": 1, "user_id": user_a["id"]}
            ),
            "user.not_found",
        ),
        (
            await org_b.post(
                URL, json={"kind": "per_mission", "amount_cents": 1, "mission_id": mission_a["id"]}
            ),
            "mission.not_found",
        ),
        (await org_b.get(f"{URL}/resolve", params={"user": user_a["id"]}), "user.not_found"),
        (
            await org_b.get(f"{URL}/resolve", params={"mission": mission_a["id"]}),
            "mission.not_found",
        ),
    ]:
        assert response.status_code == 404, response.text
        assert error_code(response) == code
    assert (await org_b.get(URL)).json()["total"] == 0
    # a filter with another org's id answers like GET /users/<id>: 404
    foreign = await org_b.get(URL, params={"user": user_a["id"]})
    assert foreign.status_code == 404, foreign.text
    assert error_code(foreign) == "user.not_found"
    assert (await org_a.get(f"{URL}/{rid}")).json()["amount_cents"] == 1850


async def test_managers_read_rates_admins_manage_them_techs_see_nothing(client, new_client):
    owner = await signup(client)
    user = await _user(owner)
    rate = await _rate(owner, kind="hourly", amount_cents=1850, user_id=user["id"])
    manager = await _member(owner, new_client, "regie@example.org", "manager")
    admin = await _member(owner, new_client, "prod@example.org", "admin")
    tech = await _member(owner, new_client, "tech@example.org", "tech")

    assert (await manager.get(f"{URL}/{rate['id']}")).status_code == 200
    assert (await manager.get(f"{URL}/resolve", params={"user": user["id"]})).status_code == 200
    denied = await manager.patch(f"{URL}/{rate['id']}", json={"amount_cents": 1})
    assert denied.status_code == 403
    assert error_code(denied) == "auth.forbidden"
    assert (
        await admin.patch(f"{URL}/{rate['id']}", json={"amount_cents": 2000})
    ).status_code == 200
    for response in [await tech.get(URL), await tech.get(f"{URL}/{rate['id']}")]:
        assert response.status_code == 403
