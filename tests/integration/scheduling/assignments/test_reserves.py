"""Reserves: an invitation beyond a role's quota is refused unless it asks for a reserve;
a reserve who accepts waits in line and gets the first place that frees up (a decline, a
cancel, a raised quota), announced by an AssignmentPromoted event."""

from __future__ import annotations

import json
from typing import Any

import asyncpg
import pytest

from coulisses.db.connection import database_url
from tests.helpers import OrgSession, error_code, signup
from tests.integration.scheduling.factories import make_mission, make_project, make_user
from tests.integration.scheduling.invitations.test_invitations import _link

NAMES = ["Lea", "Tom", "Zoe", "Max", "Ines", "Hugo", "Nina", "Paul", "Rose", "Theo"]


async def _role(org: OrgSession, quota: int, name: str = "son") -> tuple[dict[str, Any], int]:
    project = await make_project(org)
    mission = await make_mission(org, project["id"], roles=[{"name": name, "quota": quota}])
    return mission, mission["roles"][0]["id"]


async def _people(org: OrgSession, count: int) -> list[dict[str, Any]]:
    """``count`` users with an email each (their invitation links arrive by mail)."""
    return [
        await make_user(org, first_name=name, email=f"{name.lower()}@example.org")
        for name in NAMES[:count]
    ]


async def _invite(org: OrgSession, role_id: int, user: dict[str, Any], **extra: Any) -> Any:
    return await org.post(
        "/api/v1/assignments", json={"mission_role_id": role_id, "user_id": user["id"], **extra}
    )


async def _invited(org: OrgSession, role_id: int, user: dict[str, Any], **extra: Any) -> dict:
    response = await _invite(org, role_id, user, **extra)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _answer(client: Any, mail_sink: Any, user: dict[str, Any], verb: str) -> dict:
    """``user`` answers by the link of their last invitation email."""
    invitation_id, token = await _link(mail_sink, user["email"])
    response = await client.post(
        f"/api/v1/invitations/{invitation_id}/{verb}", params={"token": token}
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _assignment(org: OrgSession, assignment_id: int) -> dict[str, Any]:
    response = await org.get(f"/api/v1/assignments/{assignment_id}")
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _counts(org: OrgSession, mission_id: int) -> tuple[int, int, int]:
    """(pending, accepted, reserves) of the mission's first role; ``open`` checked too."""
    role = (await org.get(f"/api/v1/missions/{mission_id}")).json()["roles"][0]
    assert role["open"] == max(role["quota"] - role["accepted"], 0)
    return role["pending"], role["accepted"], role["reserves"]


async def _audit(org_id: int, action: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(database_url())
    try:
        rows = await conn.fetch(
            """SELECT target, payload::text FROM audit_log
               WHERE org = $1 AND action = $2 ORDER BY id""",
            org_id,
            action,
        )
    finally:
        await conn.close()
    return [{"target": r["target"], "payload": json.loads(r["payload"])} for r in rows]


@pytest.fixture
def fired(monkeypatch):
    """The domain events emitted after each commit, in order."""
    from coulisses.scheduling import common

    events: list = []

    async def capture(batch):
        events.extend(batch)

    monkeypatch.setattr(common, "emit_all", capture)
    return events


async def test_inviting_beyond_the_quota_is_409_and_writes_nothing(client):
    org = await signup(client)
    _, role_id = await _role(org, quota=1)
    lea, tom = await _people(org, 2)
    first = await _invited(org, role_id, lea)
    assert (first["reserve"], first["reserve_position"]) == (False, None)

    refused = await _invite(org, role_id, tom)
    assert refused.status_code == 409, refused.text
    assert error_code(refused) == "assignment.quota_would_exceed"
    error = refused.json()["error"]
    assert error["details"] == {
        "role": "son",
        "mission_role_id": role_id,
        "quota": 1,
        "taken": 1,
        "requested": 1,
        "mission_role_ids": [role_id],
    }
    assert "reserve" in error["message"]
    assert (await org.get("/api/v1/assignments")).json()["total"] == 1

    # A cancelled assignment holds no place any more: the next invitation fits.
    assert (await org.post(f"/api/v1/assignments/{first['id']}/cancel")).status_code == 200
    second = await _invited(org, role_id, tom)
    assert second["reserve"] is False


async def test_a_reserve_holds_no_place_and_shows_as_such_everywhere(client):
    org = await signup(client)
    mission, role_id = await _role(org, quota=1)
    lea = await make_user(org, first_name="Lea")
    me = await make_user(org, first_name="Tom", account_id=org.account_id)
    await _invited(org, role_id, lea)
    reserve = await _invited(org, role_id, me, reserve=True)
    assert reserve["status"] == "INVITED"
    assert (reserve["reserve"], reserve["reserve_position"], reserve["promoted_at"]) == (
        True,
        None,
        None,
    )
    assert reserve["invitation"]["answer"] is None
    assert await _counts(org, mission["id"]) == (1, 0, 1)

    planning = (
        await org.get("/api/v1/planning", params={"from": "2027-07-01", "to": "2027-07-31"})
    ).json()
    assert [
        (r["pending"], r["accepted"], r["open"], r["reserves"])
        for r in planning["missions"][0]["roles"]
    ] == [(1, 0, 1, 1)]
    shown = {a["user_id"]: a for a in planning["assignments"]}
    assert (shown[me["id"]]["reserve"], shown[lea["id"]]["reserve"]) == (True, False)
    minutes = {u["id"]: u["planned_minutes"] for u in planning["users"]}
    assert (minutes[lea["id"]], minutes[me["id"]]) == (360, 0)  # a reserve works no hours

    # My missions: the reserve accepts in the app, and waits first in line.
    mine = (await org.get("/api/v1/assignments", params={"mine": "true"})).json()["items"]
    assert [(a["id"], a["reserve"]) for a in mine] == [(reserve["id"], True)]
    accepted = await org.post(f"/api/v1/assignments/{reserve['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    body = accepted.json()
    assert (body["status"], body["reserve"], body["reserve_position"]) == ("ACCEPTED", True, 1)
    assert await _counts(org, mission["id"]) == (1, 0, 1)
    project = (await org.get(f"/api/v1/projects/{mission['project_id']}")).json()
    assert (project["accepted"], project["quota_total"]) == (0, 1)

    invited = await _audit(org.org_id, "assignment.invited")
    assert [e["payload"].get("reserve", False) for e in invited] == [False, True]


async def test_reserve_true_gives_the_free_places_first_in_the_order_given(client):
    org = await signup(client)
    _, role_id = await _role(org, quota=2)
    lea, tom, zoe, max_ = await _people(org, 4)
    await _invited(org, role_id, lea)
    bulk = await org.post(
        "/api/v1/assignments/bulk_create",
        json={
            "mission_role_ids": [role_id],
            "user_ids": [tom["id"], zoe["id"], max_["id"]],
            "reserve": True,
        },
    )
    assert bulk.status_code == 201, bulk.text
    assert [(a["user_id"], a["reserve"]) for a in bulk.json()["items"]] == [
        (tom["id"], False),
        (zoe["id"], True),
        (max_["id"], True),
    ]


async def test_a_bulk_invite_beyond_a_quota_is_all_or_nothing(client):
    org = await signup(client)
    project = await make_project(org)
    sound = await make_mission(org, project["id"], roles=[{"name": "son", "quota": 2}])
    light = await make_mission(
        org,
        project["id"],
        "2027-07-12T19:00:00+02:00",
        "2027-07-13T01:00:00+02:00",
        roles=[{"name": "lumiere", "quota": 1}],
    )
    lea, tom = await _people(org, 2)
    roles = [sound["roles"][0]["id"], light["roles"][0]["id"]]
    body = {"mission_role_ids": roles, "user_ids": [lea["id"], tom["id"]]}
    refused = await org.post("/api/v1/assignments/bulk_create", json=body)
    assert refused.status_code == 409, refused.text
    assert error_code(refused) == "assignment.quota_would_exceed"
    details = refused.json()["error"]["details"]
    assert (details["role"], details["quota"], details["taken"], details["requested"]) == (
        "lumiere",
        1,
        0,
        2,
    )
    assert details["mission_role_ids"] == [roles[1]]
    assert (await org.get("/api/v1/assignments")).json()["total"] == 0

    done = await org.post("/api/v1/assignments/bulk_create", json={**body, "reserve": True})
    assert done.status_code == 201, done.text
    flags = {(a["mission_role_id"], a["user_id"]): a["reserve"] for a in done.json()["items"]}
    assert flags == {
        (roles[0], lea["id"]): False,
        (roles[0], tom["id"]): False,
        (roles[1], lea["id"]): False,
        (roles[1], tom["id"]): True,
    }


async def test_the_public_page_says_reserve_and_reserves_queue_in_the_order_they_accept(
    client, new_client, mail_sink
):
    org = await signup(client)
    _, role_id = await _role(org, quota=1)
    lea, tom, zoe = await _people(org, 3)
    await _invited(org, role_id, lea)
    await _invited(org, role_id, tom, reserve=True)
    await _invited(org, role_id, zoe, reserve=True)

    invitation_id, token = await _link(mail_sink, tom["email"])
    assert "liste de reserve" in mail_sink.to(tom["email"])[-1].get_content()
    assert "liste de reserve" not in mail_sink.to(lea["email"])[-1].get_content()
    public = new_client("10.70.0.1")
    page = await public.get(f"/api/v1/invitations/{invitation_id}/public", params={"token": token})
    assert page.status_code == 200, page.text
    assert (page.json()["reserve"], page.json()["reserve_position"]) == (True, None)
    plain = await public.get(
        f"/api/v1/invitations/{(await _link(mail_sink, lea['email']))[0]}/public",
        params={"token": (await _link(mail_sink, lea["email"]))[1]},
    )
    assert plain.json()["reserve"] is False

    zoe_answer = await _answer(public, mail_sink, zoe, "accept")
    assert (zoe_answer["assignment_status"], zoe_answer["reserve"]) == ("ACCEPTED", True)
    assert zoe_answer["reserve_position"] == 1
    tom_answer = await _answer(public, mail_sink, tom, "accept")
    assert (tom_answer["reserve"], tom_answer["reserve_position"]) == (True, 2)
    replay = await _answer(public, mail_sink, zoe, "accept")
    assert (replay["replayed"], replay["reserve_position"]) == (True, 1)


async def test_a_decline_promotes_the_first_reserve_who_accepted(
    client, new_client, mail_sink, fired
):
    org = await signup(client)
    mission, role_id = await _role(org, quota=1)
    lea, tom, zoe = await _people(org, 3)
    held = await _invited(org, role_id, lea)
    late = await _invited(org, role_id, tom, reserve=True)
    first = await _invited(org, role_id, zoe, reserve=True)
    public = new_client("10.71.0.1")
    await _answer(public, mail_sink, zoe, "accept")
    await _answer(public, mail_sink, tom, "accept")
    fired.clear()

    await _answer(public, mail_sink, lea, "decline")

    promoted = await _assignment(org, first["id"])
    assert (promoted["status"], promoted["reserve"], promoted["reserve_position"]) == (
        "ACCEPTED",
        False,
        None,
    )
    assert promoted["promoted_at"] is not None
    waiting = await _assignment(org, late["id"])
    assert (waiting["reserve"], waiting["reserve_position"]) == (True, 1)
    assert await _counts(org, mission["id"]) == (0, 1, 1)
    assert [e.kind for e in fired] == ["AssignmentDeclined", "AssignmentPromoted"]
    event = fired[1]
    assert (event.assignment_id, event.user_id, event.cause, event.freed_assignment_id) == (
        first["id"],
        zoe["id"],
        "declined",
        held["id"],
    )
    [entry] = await _audit(org.org_id, "assignment.promoted")
    assert entry["target"] == f"assignment:{first['id']}"
    assert entry["payload"] == {
        "user_id": zoe["id"],
        "cause": "declined",
        "freed_assignment_id": held["id"],
    }
    # The promoted reserve's own page no longer says reserve.
    invitation_id, token = await _link(mail_sink, zoe["email"])
    page = await public.get(f"/api/v1/invitations/{invitation_id}/public", params={"token": token})
    assert page.json()["reserve"] is False


async def test_a_cancel_promotes_the_next_reserve_and_a_cancelled_reserve_frees_nothing(
    client, new_client, mail_sink, fired
):
    org = await signup(client)
    mission, role_id = await _role(org, quota=1)
    lea, tom, zoe = await _people(org, 3)
    held = await _invited(org, role_id, lea)
    first = await _invited(org, role_id, tom, reserve=True)
    second = await _invited(org, role_id, zoe, reserve=True)
    public = new_client("10.72.0.1")
    for user in (lea, tom, zoe):
        await _answer(public, mail_sink, user, "accept")
    fired.clear()

    # Cancelling a reserve frees no place: nobody is promoted, the next moves up.
    assert (await org.post(f"/api/v1/assignments/{first['id']}/cancel")).status_code == 200
    assert [e.kind for e in fired] == ["AssignmentCancelled"]
    assert (await _assignment(org, second["id"]))["reserve_position"] == 1

    cancelled = await org.post(f"/api/v1/assignments/{held['id']}/cancel")
    assert cancelled.status_code == 200, cancelled.text
    assert [e.kind for e in fired] == [
        "AssignmentCancelled",
        "AssignmentCancelled",
        "AssignmentPromoted",
    ]
    assert (fired[2].assignment_id, fired[2].cause, fired[2].freed_assignment_id) == (
        second["id"],
        "cancelled",
        held["id"],
    )
    assert (await _assignment(org, second["id"]))["reserve"] is False
    assert await _counts(org, mission["id"]) == (0, 1, 0)


async def test_raising_the_quota_promotes_reserves_in_the_order_they_accepted(
    client, new_client, mail_sink, fired
):
    org = await signup(client)
    mission, role_id = await _role(org, quota=1)
    lea, tom, zoe, max_, ines = await _people(org, 5)
    await _invited(org, role_id, lea)
    reserves = {
        u["id"]: await _invited(org, role_id, u, reserve=True) for u in (tom, zoe, max_, ines)
    }
    public = new_client("10.73.0.1")
    for user in (zoe, max_, tom):  # ines never answers: she is not in line
        await _answer(public, mail_sink, user, "accept")
    fired.clear()

    raised = await org.patch(f"/api/v1/missions/{mission['id']}/roles/{role_id}", json={"quota": 3})
    assert raised.status_code == 200, raised.text
    promoted = [(e.user_id, e.cause) for e in fired if e.kind == "AssignmentPromoted"]
    assert promoted == [(zoe["id"], "quota"), (max_["id"], "quota")]
    assert (await _assignment(org, reserves[tom["id"]]["id"]))["reserve_position"] == 1
    assert (await _assignment(org, reserves[ines["id"]]["id"]))["reserve"] is True
    assert await _counts(org, mission["id"]) == (1, 2, 2)

    # An invited reserve who declines frees nothing and promotes nobody.
    fired.clear()
    await _answer(public, mail_sink, ines, "decline")
    assert [e.kind for e in fired] == ["AssignmentDeclined"]


async def test_a_reserve_who_accepts_while_a_place_is_free_gets_it_at_once(
    client, new_client, mail_sink, fired
):
    org = await signup(client)
    mission, role_id = await _role(org, quota=1)
    lea, tom = await _people(org, 2)
    await _invited(org, role_id, lea)
    reserve = await _invited(org, role_id, tom, reserve=True)
    public = new_client("10.74.0.1")
    await _answer(public, mail_sink, lea, "decline")  # nobody accepted in line yet
    assert await _counts(org, mission["id"]) == (0, 0, 1)
    fired.clear()

    body = await _answer(public, mail_sink, tom, "accept")
    assert (body["assignment_status"], body["reserve"]) == ("ACCEPTED", False)
    assert [(e.kind, getattr(e, "cause", None)) for e in fired] == [
        ("AssignmentAccepted", None),
        ("AssignmentPromoted", "accepted"),
    ]
    assert fired[0].reserve is True
    assert (await _assignment(org, reserve["id"]))["promoted_at"] is not None
    assert await _counts(org, mission["id"]) == (0, 1, 0)


async def test_replacing_a_reserve_invites_a_reserve_and_replacing_a_holder_takes_its_place(
    client, fired
):
    org = await signup(client)
    _, role_id = await _role(org, quota=1)
    lea, tom, zoe, max_ = await _people(org, 4)
    held = await _invited(org, role_id, lea)
    reserve = await _invited(org, role_id, tom, reserve=True)

    swapped = await org.post(
        "/api/v1/conflicts/resolve",
        json={"assignment_id": reserve["id"], "replacement_user_id": zoe["id"]},
    )
    assert swapped.status_code == 201, swapped.text
    assert (swapped.json()["user_id"], swapped.json()["reserve"]) == (zoe["id"], True)
    holder = await org.post(
        "/api/v1/conflicts/resolve",
        json={"assignment_id": held["id"], "replacement_user_id": max_["id"]},
    )
    assert holder.status_code == 201, holder.text
    assert (holder.json()["user_id"], holder.json()["reserve"]) == (max_["id"], False)
    assert "AssignmentPromoted" not in [e.kind for e in fired]
