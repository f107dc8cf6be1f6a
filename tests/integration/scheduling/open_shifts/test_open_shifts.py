"""Open shifts: publish a role's open places, first_come under 50 concurrent applicants,
the waitlist in arrival order, offers that expire to the next one, manager_picks, the
eligibility refusals, reserves keeping priority, and what a tech may see."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from coulisses.db.connection import fetch
from coulisses.scheduling.open_shifts import service as open_shifts
from coulisses_sdk import Principal
from tests.helpers import OrgSession, error_code, signup
from tests.integration.scheduling.conflicts.test_conflicts import _member
from tests.integration.scheduling.factories import make_mission, make_project, make_user

URL = "/api/v1/open-shifts"


async def _role(org: OrgSession, quota: int, skills: list[str] | None = None) -> dict[str, Any]:
    project = await make_project(org)
    return await make_mission(
        org,
        project["id"],
        roles=[{"name": "technicien", "quota": quota, "required_skills": skills or []}],
    )


async def _publish(org: OrgSession, role_id: int, **body: Any) -> dict[str, Any]:
    response = await org.post(URL, json={"mission_role_id": role_id, **body})
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _crew(
    owner: OrgSession, count: int, prefix: str = "crew", **fields: Any
) -> list[tuple[Principal, int]]:
    """``count`` tech members, each linked to a user: (principal, user id)."""
    out = []
    for i in range(count):
        email = f"{prefix}{i}.{owner.org_id}@example.org"
        invited = await owner.post(
            "/api/v1/orgs/current/members", json={"email": email, "role": "tech"}
        )
        assert invited.status_code == 201, invited.text
        account = (await fetch("SELECT id FROM accounts WHERE username = $1", email))[0]["id"]
        user = await make_user(owner, first_name=f"Crew{i}", account_id=account, **fields)
        out.append((Principal(account, email, owner.org_id, "tech"), int(user["id"])))
    return out


async def _statuses(shift_id: int) -> list[tuple[int, str]]:
    rows = await fetch(
        "SELECT user_id, status FROM open_shift_applications WHERE open_shift = $1 ORDER BY seq",
        shift_id,
    )
    return [(r["user_id"], r["status"]) for r in rows]


async def test_fifty_concurrent_applicants_on_three_places_three_accepted_rest_waitlisted(client):
    owner = await signup(client)
    mission = await _role(owner, quota=3)
    role_id = mission["roles"][0]["id"]
    shift = await _publish(owner, role_id, policy="first_come")
    assert (shift["status"], shift["free"]) == ("OPEN", 3)
    crew = await _crew(owner, 50)

    results = await asyncio.gather(*(open_shifts.apply(p, shift["id"]) for p, _ in crew))
    assert sorted(r["status"] for r in results).count("ACCEPTED") == 3
    assert sum(r["status"] == "WAITLISTED" for r in results) == 47

    accepted = await fetch(
        """SELECT count(*)::int AS n FROM assignments
           WHERE mission_role = $1 AND status = 'ACCEPTED'""",
        role_id,
    )
    assert accepted[0]["n"] == 3
    # The waitlist follows arrival order: positions 1..47 in the order of seq and of the
    # arrival time taken under the role's lock.
    rows = await fetch(
        """SELECT id, seq, created_at FROM open_shift_applications
           WHERE open_shift = $1 AND status = 'WAITLISTED' ORDER BY seq""",
        shift["id"],
    )
    assert [r["created_at"] for r in rows] == sorted(r["created_at"] for r in rows)
    first_three = await fetch(
        "SELECT status FROM open_shift_applications WHERE open_shift = $1 ORDER BY seq LIMIT 3",
        shift["id"],
    )
    assert [r["status"] for r in first_three] == ["ACCEPTED"] * 3
    positions = [
        (await open_shifts.get_application(owner.org_id, r["id"]))["position"] for r in rows
    ]
    assert positions == list(range(1, 48))
    full = await owner.get(f"{URL}/{shift['id']}")
    assert (full.json()["status"], full.json()["free"], full.json()["waitlisted"]) == (
        "FULL",
        0,
        47,
    )


async def test_a_freed_place_is_offered_in_order_and_an_expired_offer_moves_on(client):
    owner = await signup(client)
    mission = await _role(owner, quota=1)
    role_id = mission["roles"][0]["id"]
    shift = await _publish(owner, role_id, offer_hours=2)
    (p1, _), (p2, u2), (p3, u3) = await _crew(owner, 3)
    first = await open_shifts.apply(p1, shift["id"])
    assert first["status"] == "ACCEPTED"
    second = await open_shifts.apply(p2, shift["id"])
    third = await open_shifts.apply(p3, shift["id"])
    assert (second["status"], second["position"]) == ("WAITLISTED", 1)
    assert (third["status"], third["position"]) == ("WAITLISTED", 2)

    # The first one's assignment is cancelled: the place is offered to the second.
    cancelled = await owner.post(f"/api/v1/assignments/{first['assignment_id']}/cancel")
    assert cancelled.status_code == 200, cancelled.text
    offered = await open_shifts.get_application(owner.org_id, second["id"])
    assert offered["status"] == "OFFERED"
    deadline = offered["offer_expires_at"]
    assert (
        dt.timedelta(hours=1, minutes=59)
        < deadline - dt.datetime.now(dt.UTC)
        <= dt.timedelta(hours=2)
    )
    # A newcomer cannot jump the queue.
    (p4, _) = (await _crew(owner, 1, prefix="late"))[0]
    assert (await open_shifts.apply(p4, shift["id"]))["status"] == "WAITLISTED"

    # Nothing expires before the deadline; after it, the offer goes to the third.
    assert await open_shifts.expire_offers(deadline - dt.timedelta(seconds=1)) == 0
    assert await open_shifts.expire_offers(deadline + dt.timedelta(seconds=1)) == 1
    assert (await open_shifts.get_application(owner.org_id, second["id"]))["status"] == "EXPIRED"
    assert (await open_shifts.get_application(owner.org_id, third["id"]))["status"] == "OFFERED"

    # The third accepts: an ACCEPTED assignment, the publication FULL again.
    taken = await open_shifts.accept_offer(p3, third["id"])
    assert taken["status"] == "ACCEPTED"
    row = await fetch(
        "SELECT status, user_id FROM assignments WHERE id = $1", taken["assignment_id"]
    )
    assert (row[0]["status"], row[0]["user_id"]) == ("ACCEPTED", u3)
    assert (await owner.get(f"{URL}/{shift['id']}")).json()["status"] == "FULL"
    actions = [
        r["action"]
        for r in await fetch(
            "SELECT action FROM audit_log WHERE org = $1 AND action LIKE 'open_shift.%'"
            " ORDER BY id",
            owner.org_id,
        )
    ]
    for action in ("open_shift.offered", "open_shift.expired", "open_shift.accepted"):
        assert action in actions
    assert u2 != u3


async def test_declining_an_offer_passes_it_on_and_withdrawing_leaves_the_queue(client):
    owner = await signup(client)
    mission = await _role(owner, quota=1)
    shift = await _publish(owner, mission["roles"][0]["id"])
    (p1, _), (p2, _), (p3, _) = await _crew(owner, 3)
    first = await open_shifts.apply(p1, shift["id"])
    second = await open_shifts.apply(p2, shift["id"])
    third = await open_shifts.apply(p3, shift["id"])
    # The second withdraws from the waitlist: the third moves up.
    assert (await open_shifts.withdraw(p2, second["id"]))["status"] == "WITHDRAWN"
    assert (await open_shifts.get_application(owner.org_id, third["id"]))["position"] == 1
    await owner.post(f"/api/v1/assignments/{first['assignment_id']}/cancel")
    assert (await open_shifts.get_application(owner.org_id, third["id"]))["status"] == "OFFERED"
    # While the offer waits, the place is kept: a direct invitation is beyond the quota.
    someone = await make_user(owner, first_name="Direct")
    direct = await owner.post(
        "/api/v1/assignments",
        json={"mission_role_id": mission["roles"][0]["id"], "user_id": someone["id"]},
    )
    assert direct.status_code == 409, direct.text
    assert error_code(direct) == "assignment.quota_would_exceed"
    declined = await open_shifts.decline_offer(p3, third["id"])
    assert declined["status"] == "DECLINED"
    # Nobody waits: the place is free again and the publication OPEN.
    again = (await owner.get(f"{URL}/{shift['id']}")).json()
    assert (again["status"], again["free"]) == ("OPEN", 1)


async def test_reserves_keep_priority_over_the_waitlist(client, new_client):
    owner = await signup(client)
    mission = await _role(owner, quota=1)
    role_id = mission["roles"][0]["id"]
    holder = await make_user(owner, first_name="Holder")
    reserve = await make_user(owner, first_name="Reserve")
    held = await owner.post(
        "/api/v1/assignments", json={"mission_role_id": role_id, "user_id": holder["id"]}
    )
    assert held.status_code == 201
    res = await owner.post(
        "/api/v1/assignments",
        json={"mission_role_id": role_id, "user_id": reserve["id"], "reserve": True},
    )
    assert res.status_code == 201
    await fetch(
        "UPDATE assignments SET status = 'ACCEPTED', reserve_rank = 1 WHERE id = $1",
        res.json()["id"],
    )
    shift = await _publish(owner, role_id)
    (p1, _) = (await _crew(owner, 1))[0]
    waiting = await open_shifts.apply(p1, shift["id"])
    assert waiting["status"] == "WAITLISTED"
    await owner.post(f"/api/v1/assignments/{held.json()['id']}/cancel")
    promoted = await fetch("SELECT reserve FROM assignments WHERE id = $1", res.json()["id"])
    assert promoted[0]["reserve"] is False
    assert (await open_shifts.get_application(owner.org_id, waiting["id"]))[
        "status"
    ] == "WAITLISTED"


async def test_manager_picks_applicants_and_rejects_others(client, new_client):
    owner = await signup(client)
    mission = await _role(owner, quota=1)
    shift = await _publish(owner, mission["roles"][0]["id"], policy="manager_picks")
    (p1, _), (p2, _) = await _crew(owner, 2)
    a1 = await open_shifts.apply(p1, shift["id"])
    a2 = await open_shifts.apply(p2, shift["id"])
    assert (a1["status"], a2["status"]) == ("PENDING", "PENDING")
    picked = await owner.post(f"{URL}/applications/{a2['id']}/pick")
    assert picked.status_code == 200, picked.text
    assert picked.json()["status"] == "ACCEPTED"
    full = await owner.post(f"{URL}/applications/{a1['id']}/pick")
    assert (full.status_code, error_code(full)) == (409, "open_shift.full")
    rejected = await owner.post(f"{URL}/applications/{a1['id']}/reject")
    assert rejected.json()["status"] == "REJECTED"
    again = await owner.post(f"{URL}/applications/{a1['id']}/reject")
    assert (again.status_code, error_code(again)) == (409, "open_shift.invalid_transition")


async def test_ineligible_restricted_and_closed_are_refused_with_codes(client, new_client):
    owner = await signup(client)
    mission = await _role(owner, quota=2, skills=["son"])
    role_id = mission["roles"][0]["id"]
    shift = await _publish(owner, role_id)
    tech = await _member(owner, new_client, "tina.open@example.org", "tech")
    await make_user(owner, first_name="Tina", account_id=tech.account_id, tags=["regie"])

    # No skill "son": 409 open_shift.ineligible, nothing written.
    refused = await tech.post(f"{URL}/{shift['id']}/apply")
    assert (refused.status_code, error_code(refused)) == (409, "open_shift.ineligible")
    assert "missing_skill" in refused.json()["error"]["details"]["kinds"]
    assert await _statuses(shift["id"]) == []
    listed = await tech.get(f"{URL}/mine")
    assert listed.status_code == 200
    assert listed.json()["items"] == []

    # Restricted to another tag: 403.
    other = await _role(owner, quota=1)
    restricted = await _publish(owner, other["roles"][0]["id"], tag="son")
    refused = await tech.post(f"{URL}/{restricted['id']}/apply")
    assert (refused.status_code, error_code(refused)) == (403, "open_shift.restricted")

    # With the tag: listed with a score, applies, cannot apply twice; closed: 409.
    mine = await _publish(owner, other["roles"][0]["id"], tag="Regie")
    listed = (await tech.get(f"{URL}/mine")).json()["items"]
    assert [s["id"] for s in listed] == [mine["id"]]
    assert 0 <= listed[0]["score"] <= 100
    assert "applications" not in listed[0]
    applied = await tech.post(f"{URL}/{mine['id']}/apply")
    assert applied.json()["status"] == "ACCEPTED", applied.text
    twice = await tech.post(f"{URL}/{mine['id']}/apply")
    assert twice.status_code == 409
    closed = await owner.post(f"{URL}/{shift['id']}/close")
    assert closed.json()["status"] == "CLOSED"
    late = await tech.post(f"{URL}/{shift['id']}/apply")
    assert (late.status_code, error_code(late)) == (409, "open_shift.closed")

    # A tech cannot publish nor see the applicants; managers can.
    assert (await tech.post(URL, json={"mission_role_id": role_id})).status_code == 403
    assert (await tech.get(URL, params={"mission": mission["id"]})).status_code == 403
    # Another tech cannot act on Tina's application.
    other_tech = await _member(owner, new_client, "olga.open@example.org", "tech")
    await make_user(owner, first_name="Olga", account_id=other_tech.account_id)
    stolen = await other_tech.post(f"{URL}/applications/{applied.json()['id']}/withdraw")
    assert (stolen.status_code, error_code(stolen)) == (403, "open_shift.not_applicant")


async def test_a_recurring_availability_counts_in_the_matching_score(client, new_client):
    owner = await signup(client)
    mission = await _role(owner, quota=2)  # Saturday 10 July 2027, 19:00-01:00 Paris
    shift = await _publish(owner, mission["roles"][0]["id"])
    tech = await _member(owner, new_client, "rita.open@example.org", "tech")
    rita = await make_user(owner, first_name="Rita", account_id=tech.account_id)

    async def availability_part() -> float:
        listed = (await tech.get(f"{URL}/mine")).json()["items"]
        [item] = [s for s in listed if s["id"] == shift["id"]]
        return float(item["score_parts"]["availability"])

    assert await availability_part() == 0.0
    # Every Saturday evening until 02:00, set by a manager (approved): the shift is covered.
    weekly = await owner.post(
        "/api/v1/availability",
        json={
            "user_id": rita["id"],
            "kind": "available",
            "rrule": "FREQ=WEEKLY;BYDAY=SA;COUNT=4",
            "start_date": "2027-07-03",
            "start_time": "18:00",
            "duration_minutes": 8 * 60,
        },
    )
    assert weekly.status_code == 201, weekly.text
    assert weekly.json()["status"] == "APPROVED"
    assert await availability_part() == 1.0


def test_spans_that_meet_cover_a_night_shift():
    from coulisses.scheduling.open_shifts.service import covers

    def at(day: int, hour: int) -> dt.datetime:
        return dt.datetime(2027, 7, day, hour, tzinfo=dt.UTC)

    evening = {"starts_at": at(10, 17), "ends_at": at(11, 0)}
    night = {"starts_at": at(11, 0), "ends_at": at(11, 6)}
    assert covers([night, evening], at(10, 19), at(11, 1))
    assert not covers([evening], at(10, 19), at(11, 1))
    assert not covers([{"starts_at": at(10, 20), "ends_at": at(11, 6)}], at(10, 19), at(11, 1))
    assert not covers([], at(10, 19), at(11, 1))


async def test_another_orgs_open_shift_is_a_404(client, new_client):
    owner = await signup(client)
    mission = await _role(owner, quota=1)
    shift = await _publish(owner, mission["roles"][0]["id"])
    other = await signup(new_client(), "Autre org")
    for method, path in (
        ("get", f"{URL}/{shift['id']}"),
        ("post", f"{URL}/{shift['id']}/apply"),
        ("post", f"{URL}/{shift['id']}/close"),
    ):
        response = await getattr(other, method)(path)
        assert response.status_code in (403, 404), (path, response.text)
    publish = await other.post(URL, json={"mission_role_id": mission["roles"][0]["id"]})
    assert (publish.status_code, error_code(publish)) == (404, "mission_role.not_found")
    assert (await owner.get(f"{URL}/{shift['id']}")).json()["status"] == "OPEN"
