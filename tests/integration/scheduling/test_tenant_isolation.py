"""Tenant isolation: another org gets 404 on every scheduling route with this org's ids."""

from __future__ import annotations

from tests.conftest import run_jobs
from tests.helpers import error_code, signup
from tests.integration.scheduling.factories import (
    invite,
    make_mission,
    make_place,
    make_project,
    make_swap,
    make_user,
)


async def test_other_org_gets_404_on_every_scheduling_route(client, new_client, mail_sink):
    a = await signup(client)
    project = await make_project(a)
    place = await make_place(a)
    mission = await make_mission(a, project["id"], place_id=place["id"])
    role_id = mission["roles"][0]["id"]
    user = await make_user(a, email="crew-a@example.org")
    assignment = await invite(a, role_id, user["id"])
    invitation_id = assignment["invitation"]["id"]
    swap = await make_swap(a, role_id)
    await run_jobs()

    b = await signup(new_client())
    b_user = await make_user(b, account_id=b.account_id)
    b_project = await make_project(b)
    b_mission = await make_mission(b, b_project["id"])
    pid, mid, uid, aid = project["id"], mission["id"], user["id"], assignment["id"]
    sid = swap["id"]
    routes = [
        ("POST", "/api/v1/swaps", {"assignment_id": swap["offered"]["assignment_id"]}),
        ("POST", f"/api/v1/swaps/{sid}/accept", None),
        ("POST", f"/api/v1/swaps/{sid}/decline", None),
        ("POST", f"/api/v1/swaps/{sid}/cancel", None),
        ("POST", f"/api/v1/swaps/{sid}/approve", None),
        ("POST", f"/api/v1/swaps/{sid}/reject", None),
        ("GET", f"/api/v1/users/{uid}", None),
        ("PATCH", f"/api/v1/users/{uid}", {"first_name": "X"}),
        ("DELETE", f"/api/v1/users/{uid}", None),
        ("GET", f"/api/v1/projects/{pid}", None),
        ("PATCH", f"/api/v1/projects/{pid}", {"name": "X"}),
        ("POST", f"/api/v1/projects/{pid}/archive", None),
        ("DELETE", f"/api/v1/projects/{pid}", None),
        (
            "POST",
            f"/api/v1/projects/{pid}/missions:bulk_create",
            {"title": "X", "days": ["2027-07-01"], "slots": [{"start": "08:00", "end": "09:00"}]},
        ),
        ("GET", f"/api/v1/missions/{mid}", None),
        ("PATCH", f"/api/v1/missions/{mid}", {"title": "X"}),
        ("DELETE", f"/api/v1/missions/{mid}", None),
        ("POST", f"/api/v1/missions/{mid}/publish", None),
        ("POST", f"/api/v1/missions/{mid}/unpublish", None),
        ("POST", f"/api/v1/missions/{mid}/roles", {"name": "x", "quota": 1}),
        ("PATCH", f"/api/v1/missions/{mid}/roles/{role_id}", {"quota": 3}),
        ("DELETE", f"/api/v1/missions/{mid}/roles/{role_id}", None),
        ("PATCH", f"/api/v1/missions/{b_mission['id']}/roles/{role_id}", {"quota": 3}),
        (
            "POST",
            "/api/v1/missions",
            {
                "project_id": pid,
                "title": "X",
                "starts_at": "2027-07-01T08:00:00Z",
                "ends_at": "2027-07-01T09:00:00Z",
            },
        ),
        ("GET", f"/api/v1/assignments/{aid}", None),
        ("POST", f"/api/v1/assignments/{aid}/cancel", None),
        ("POST", f"/api/v1/assignments/{aid}/accept", None),
        ("POST", f"/api/v1/assignments/{aid}/decline", None),
        ("POST", "/api/v1/assignments", {"mission_role_id": role_id, "user_id": b_user["id"]}),
        (
            "POST",
            "/api/v1/assignments",
            {"mission_role_id": b_mission["roles"][0]["id"], "user_id": uid},
        ),
        (
            "POST",
            "/api/v1/assignments/bulk_create",
            {"mission_role_ids": [role_id], "user_ids": [b_user["id"]]},
        ),
        (
            "POST",
            "/api/v1/assignments/check",
            {"invite": {"mission_role_ids": [role_id], "user_ids": [b_user["id"]]}},
        ),
        (
            "POST",
            "/api/v1/assignments/check",
            {"invite": {"mission_role_ids": [b_mission["roles"][0]["id"]], "user_ids": [uid]}},
        ),
        (
            "POST",
            "/api/v1/assignments/check",
            {
                "move": {
                    "mission_id": mid,
                    "starts_at": "2027-07-10T18:00:00Z",
                    "ends_at": "2027-07-10T20:00:00Z",
                }
            },
        ),
        ("GET", f"/api/v1/places/{place['id']}", None),
        ("PATCH", f"/api/v1/places/{place['id']}", {"name": "X"}),
        ("DELETE", f"/api/v1/places/{place['id']}", None),
        ("PATCH", f"/api/v1/missions/{b_mission['id']}", {"place_id": place["id"]}),
        ("GET", f"/api/v1/invitations/{invitation_id}", None),
        ("POST", f"/api/v1/invitations/{invitation_id}/revoke", None),
        ("POST", f"/api/v1/invitations/{invitation_id}/resend", None),
        ("GET", f"/api/v1/projects/{pid}/calendar-feed", None),
        ("POST", f"/api/v1/projects/{pid}/calendar-feed", None),
        ("DELETE", f"/api/v1/projects/{pid}/calendar-feed", None),
        ("GET", f"/api/v1/places/{place['id']}/calendar-feed", None),
        ("POST", f"/api/v1/places/{place['id']}/calendar-feed", None),
        ("DELETE", f"/api/v1/places/{place['id']}/calendar-feed", None),
        ("GET", f"/api/v1/users/{uid}/calendar-feed", None),
        ("DELETE", f"/api/v1/users/{uid}/calendar-feed", None),
    ]
    # Open shifts (m0022): a's publication of the role, and a's own application to it.
    # (a's owner is the person make_swap linked, with the skill son.)
    other = await make_mission(
        a, project["id"], "2027-07-12T09:00:00+02:00", "2027-07-12T12:00:00+02:00"
    )
    published = await a.post(
        "/api/v1/open-shifts", json={"mission_role_id": other["roles"][0]["id"]}
    )
    assert published.status_code == 200, published.text
    shift_id = published.json()["id"]
    applied = await a.post(f"/api/v1/open-shifts/{shift_id}/apply")
    assert applied.status_code == 200, applied.text
    app_id = applied.json()["id"]
    routes += [
        ("GET", f"/api/v1/open-shifts/{shift_id}", None),
        ("GET", f"/api/v1/open-shifts?mission={mid}", None),
        ("POST", "/api/v1/open-shifts", {"mission_role_id": role_id}),
        ("POST", f"/api/v1/open-shifts/{shift_id}/close", None),
        ("POST", f"/api/v1/open-shifts/{shift_id}/apply", None),
        *(
            ("POST", f"/api/v1/open-shifts/applications/{app_id}/{action}", None)
            for action in ("withdraw", "accept-offer", "decline-offer", "pick", "reject")
        ),
    ]
    for method, url, body in routes:
        kwargs = {"json": body} if body is not None else {}
        if method == "GET":
            response = await b.get(url)
        else:
            response = await getattr(b, method.lower())(url, **kwargs)
        assert response.status_code == 404, (method, url, response.text)
        assert error_code(response).endswith("not_found"), (method, url, response.text)

    # Listings of B never show A's rows; filtered by A's ids, they answer 404 like
    # GET /<noun>/<id> (docs/api.md, "Listes").
    for url in ("/api/v1/users", "/api/v1/projects", "/api/v1/places", "/api/v1/missions"):
        listing = (await b.get(url)).json()
        ids = {item["id"] for item in listing["items"]}
        assert not ids & {pid, mid, uid, aid} or url in ("/api/v1/users", "/api/v1/projects")
    for url, params in [
        ("/api/v1/missions", {"project": pid}),
        ("/api/v1/assignments", {"mission": mid}),
        ("/api/v1/assignments", {"user": uid}),
    ]:
        response = await b.get(url, params=params)
        assert response.status_code == 404, (url, params, response.text)
        assert error_code(response).endswith("not_found"), (url, params)
    assert {u["id"] for u in (await b.get("/api/v1/users")).json()["items"]} == {b_user["id"]}
    assert {p["id"] for p in (await b.get("/api/v1/projects")).json()["items"]} == {b_project["id"]}
    # Nothing of A changed.
    assert (await a.get(f"/api/v1/missions/{mid}")).json()["title"] == mission["title"]
    assert (await a.get(f"/api/v1/places/{place['id']}")).json() == {**place, "mission_count": 1}
    assert (await b.get("/api/v1/places")).json()["total"] == 0
    assert (await a.get(f"/api/v1/assignments/{aid}")).json()["status"] == "INVITED"
    assert (await a.get(f"/api/v1/projects/{pid}")).json()["status"] == "DRAFT"
    assert (await b.get("/api/v1/swaps")).json()["total"] == 0
    assert [s["status"] for s in (await a.get("/api/v1/swaps")).json()["items"]] == ["proposed"]
    kept = (await a.get(f"/api/v1/open-shifts/{shift_id}")).json()
    assert kept["status"] != "CLOSED"
    assert [x["status"] for x in kept["applications"]] == ["ACCEPTED"]
