"""Projects: managers (members with role manager or above), fill rate in get and list,
dates that must keep holding the project's missions, tenant isolation."""

from __future__ import annotations

from tests.helpers import OrgSession, error_code, signup
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

MEMBERS = "/api/v1/orgs/current/members"


async def _member(owner: OrgSession, email: str, role: str) -> int:
    response = await owner.post(MEMBERS, json={"email": email, "role": role})
    assert response.status_code == 201, response.text
    return int(response.json()["account_id"])


async def test_managers_are_set_on_create_replaced_on_update_and_listed(client):
    owner = await signup(client)
    manager = await _member(owner, "regie@example.org", "manager")
    admin = await _member(owner, "admin@example.org", "admin")
    project = await make_project(owner, managers=[manager, owner.account_id, manager])
    assert project["managers"] == sorted([manager, owner.account_id])

    patched = await owner.patch(f"/api/v1/projects/{project['id']}", json={"managers": [admin]})
    assert patched.status_code == 200, patched.text
    assert patched.json()["managers"] == [admin]
    assert (await owner.get(f"/api/v1/projects/{project['id']}")).json()["managers"] == [admin]
    renamed = await owner.patch(f"/api/v1/projects/{project['id']}", json={"name": "Autre"})
    assert renamed.json()["managers"] == [admin]
    listed = (await owner.get("/api/v1/projects")).json()["items"]
    assert [p["managers"] for p in listed] == [[admin]]
    cleared = await owner.patch(f"/api/v1/projects/{project['id']}", json={"managers": []})
    assert cleared.json()["managers"] == []


async def test_a_manager_who_leaves_the_org_is_no_longer_listed(client):
    owner = await signup(client)
    manager = await _member(owner, "parti@example.org", "manager")
    project = await make_project(owner, managers=[manager])
    removed = await owner.delete(f"{MEMBERS}/{manager}")
    assert removed.status_code == 204, removed.text
    assert (await owner.get(f"/api/v1/projects/{project['id']}")).json()["managers"] == []


async def test_bad_managers_are_refused_and_nothing_is_written(client, new_client):
    owner = await signup(client)
    tech = await _member(owner, "tech@example.org", "tech")
    stranger = await signup(new_client())
    cases = [
        ([tech], 422, "project.manager_role"),
        ([stranger.account_id], 404, "project.manager_not_found"),
        ([999999], 404, "project.manager_not_found"),
        (list(range(1, 52)), 422, "project.too_many_managers"),
        (["one"], 400, "request.validation"),
        ([2**40], 400, "request.validation"),
    ]
    for managers, status, code in cases:
        response = await owner.post(
            "/api/v1/projects", json={"name": "Festival", "managers": managers}
        )
        assert response.status_code == status, (managers, response.text)
        assert error_code(response) == code, managers
    assert (await owner.get("/api/v1/projects")).json()["total"] == 0

    project = await make_project(owner, managers=[owner.account_id])
    refused = await owner.patch(
        f"/api/v1/projects/{project['id']}", json={"name": "Renomme", "managers": [tech]}
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["details"] == {"account_ids": [tech]}
    unchanged = (await owner.get(f"/api/v1/projects/{project['id']}")).json()
    assert (unchanged["name"], unchanged["managers"]) == ("Festival 2027", [owner.account_id])


async def test_managers_of_an_archived_project_are_read_only(client):
    owner = await signup(client)
    project = await make_project(owner)
    assert (await owner.post(f"/api/v1/projects/{project['id']}/archive")).status_code == 200
    refused = await owner.patch(
        f"/api/v1/projects/{project['id']}", json={"managers": [owner.account_id]}
    )
    assert refused.status_code == 409
    assert error_code(refused) == "project.archived"


async def test_fill_rate_is_accepted_over_total_quota(client):
    owner = await signup(client)
    empty = await make_project(owner, name="Vide")
    project = await make_project(owner)
    first = await make_mission(owner, project["id"], roles=[{"name": "son", "quota": 2}])
    await make_mission(
        owner,
        project["id"],
        "2027-07-11T19:00:00+02:00",
        "2027-07-11T23:00:00+02:00",
        roles=[{"name": "son", "quota": 1}, {"name": "lumiere", "quota": 1}],
    )
    lea = await make_user(owner, first_name="Lea", account_id=owner.account_id)
    paul = await make_user(owner, first_name="Paul")
    role_id = first["roles"][0]["id"]
    mine = await invite(owner, role_id, lea["id"])
    await invite(owner, role_id, paul["id"])  # invited, not accepted: does not count
    accepted = await owner.post(f"/api/v1/assignments/{mine['id']}/accept")
    assert accepted.status_code == 200, accepted.text

    got = (await owner.get(f"/api/v1/projects/{project['id']}")).json()
    assert (got["quota_total"], got["accepted"], got["fill_rate"]) == (4, 1, 0.25)
    listed = {p["id"]: p for p in (await owner.get("/api/v1/projects")).json()["items"]}
    assert listed[project["id"]]["fill_rate"] == 0.25
    assert (listed[empty["id"]]["quota_total"], listed[empty["id"]]["fill_rate"]) == (0, None)


async def test_project_dates_cannot_leave_missions_outside(client):
    owner = await signup(client)
    project = await make_project(owner)  # 2027-07-01 .. 2027-07-31
    await make_mission(owner, project["id"])  # evening of 2027-07-10, ends after midnight
    narrowed = await owner.patch(
        f"/api/v1/projects/{project['id']}", json={"starts_on": "2027-07-11"}
    )
    assert narrowed.status_code == 409
    assert error_code(narrowed) == "project.missions_outside_dates"
    # The mission starts on the 10th: a project ending on the 10th still holds it.
    fine = await owner.patch(f"/api/v1/projects/{project['id']}", json={"ends_on": "2027-07-10"})
    assert fine.status_code == 200, fine.text
    assert fine.json()["ends_on"] == "2027-07-10"


async def test_managers_and_projects_of_another_org_answer_404(client, new_client):
    a = await signup(client)
    b = await signup(new_client())
    b_manager = await _member(b, "b-regie@example.org", "manager")
    b_project = await make_project(b, managers=[b_manager])
    for response in (
        await a.get(f"/api/v1/projects/{b_project['id']}"),
        await a.patch(f"/api/v1/projects/{b_project['id']}", json={"managers": []}),
    ):
        assert response.status_code == 404
        assert error_code(response) == "project.not_found"
    borrowed = await a.post("/api/v1/projects", json={"name": "X", "managers": [b_manager]})
    assert borrowed.status_code == 404
    assert error_code(borrowed) == "project.manager_not_found"
    assert (await b.get(f"/api/v1/projects/{b_project['id']}")).json()["managers"] == [b_manager]
