"""Swaps and handovers between crew: full flows with and without a manager's approval,
an open handover taken by the first of two concurrent takers, conflicts and skills checked
at each step (409 and nothing changed), and atomic application (exactly one holder)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import pytest

from coulisses.db.connection import fetch
from tests.helpers import OrgSession, error_code, signup
from tests.integration.scheduling.conflicts.test_conflicts import _member, _tech
from tests.integration.scheduling.factories import invite, make_mission, make_project

SWAPS = "/api/v1/swaps"
EVENING = ("2027-07-10T19:00:00+02:00", "2027-07-11T01:00:00+02:00")
NEXT_EVENING = ("2027-07-12T19:00:00+02:00", "2027-07-13T01:00:00+02:00")


@dataclass
class Crew:
    owner: OrgSession
    manager: OrgSession
    paul: OrgSession
    paul_id: int
    cleo: OrgSession
    cleo_id: int
    project_id: int


async def _crew(client: Any, new_client: Any, *, approval: bool = True) -> Crew:
    owner = await signup(client)
    if not approval:
        changed = await owner.patch("/api/v1/orgs/current", json={"swaps_require_approval": False})
        assert changed.status_code == 200, changed.text
        assert changed.json()["swaps_require_approval"] is False
    manager = await _member(owner, new_client, "max.swaps@example.org", "manager")
    paul = await _member(owner, new_client, "paul.swaps@example.org", "tech")
    cleo = await _member(owner, new_client, "cleo.swaps@example.org", "tech")
    paul_id = await _tech(owner, "Paul", account_id=paul.account_id)
    cleo_id = await _tech(owner, "Cleo", account_id=cleo.account_id)
    project = await make_project(owner)
    return Crew(owner, manager, paul, paul_id, cleo, cleo_id, project["id"])


async def _accepted(
    crew: Crew, who: OrgSession, user_id: int, times: tuple[str, str]
) -> dict[str, Any]:
    """A mission with one place (son) and ``user_id`` on it, ACCEPTED."""
    mission = await make_mission(
        crew.owner,
        crew.project_id,
        *times,
        roles=[{"name": "technicien son", "quota": 1, "required_skills": ["son"]}],
    )
    assignment = await invite(crew.owner, mission["roles"][0]["id"], user_id)
    accepted = await who.post(f"/api/v1/assignments/{assignment['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    return dict(accepted.json())


async def _holders(org: OrgSession, mission_id: int) -> list[tuple[int, str]]:
    response = await org.get("/api/v1/assignments", params={"mission": mission_id})
    assert response.status_code == 200, response.text
    return sorted(
        (a["user_id"], a["status"])
        for a in response.json()["items"]
        if a["status"] in ("INVITED", "ACCEPTED")
    )


async def _audit(org_id: int, action: str) -> list[dict[str, Any]]:
    return await fetch(
        "SELECT target, payload FROM audit_log WHERE org = $1 AND action = $2 ORDER BY id",
        org_id,
        action,
    )


@pytest.fixture
def fired(monkeypatch):
    """The domain events recorded by each command, in order (still recorded as usual)."""
    from coulisses.scheduling import common

    events: list[Any] = []
    original = common.emit_all

    async def capture(batch):
        events.extend(batch)
        await original(batch)

    monkeypatch.setattr(common, "emit_all", capture)
    return events


def _steps(fired: list[Any]) -> list[str]:
    return [e.step for e in fired if e.kind == "SwapChanged"]


async def test_a_handover_to_a_named_colleague_waits_for_the_manager_then_applies(
    client, new_client, fired
):
    crew = await _crew(client, new_client)
    mine = await _accepted(crew, crew.paul, crew.paul_id, EVENING)

    proposed = await crew.paul.post(
        SWAPS,
        json={
            "assignment_id": mine["id"],
            "kind": "handover",
            "target_user_id": crew.cleo_id,
            "comment": "Malade ce soir-la",
        },
    )
    assert proposed.status_code == 201, proposed.text
    swap = proposed.json()
    assert swap["status"] == "proposed"
    assert swap["requires_approval"] is True
    assert swap["offered"]["assignment_id"] == mine["id"]
    assert swap["target_name"] == "Cleo Martin"

    incoming = (await crew.cleo.get(f"{SWAPS}/mine")).json()["items"]
    assert [(s["id"], s["side"]) for s in incoming] == [(swap["id"], "colleague")]

    accepted = await crew.cleo.post(f"{SWAPS}/{swap['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "accepted_by_colleague"
    # Nothing changed hands yet: Paul still holds the place.
    assert await _holders(crew.owner, mine["mission_id"]) == [(crew.paul_id, "ACCEPTED")]

    # A tech cannot approve; the manager sees it waiting.
    assert (await crew.cleo.post(f"{SWAPS}/{swap['id']}/approve")).status_code == 403
    waiting = await crew.manager.get(SWAPS, params={"status": "accepted_by_colleague"})
    assert [s["id"] for s in waiting.json()["items"]] == [swap["id"]]

    approved = await crew.manager.post(f"{SWAPS}/{swap['id']}/approve")
    assert approved.status_code == 200, approved.text
    done = approved.json()
    assert done["status"] == "applied"
    assert done["decided_at"]
    assert done["applied_at"]
    assert done["accepted_at"]
    assert await _holders(crew.owner, mine["mission_id"]) == [(crew.cleo_id, "ACCEPTED")]
    old = (await crew.owner.get(f"/api/v1/assignments/{mine['id']}")).json()
    assert old["status"] == "CANCELLED"
    new = (await crew.owner.get(f"/api/v1/assignments/{done['new_assignment_id']}")).json()
    assert (new["user_id"], new["status"], new["mission_role_id"]) == (
        crew.cleo_id,
        "ACCEPTED",
        mine["mission_role_id"],
    )
    cancelled = await _audit(crew.owner.org_id, "assignment.cancelled")
    assert cancelled[-1]["target"] == f"assignment:{mine['id']}"
    assert '"swapped"' in str(cancelled[-1]["payload"])
    assert [
        len(await _audit(crew.owner.org_id, f"swap.{step}"))
        for step in ("proposed", "accepted", "approved", "applied")
    ] == [1, 1, 1, 1]
    assert _steps(fired) == ["proposed", "accepted", "approved", "applied"]
    applied = [e for e in fired if e.kind == "SwapChanged"][-1]
    assert (applied.swap_id, applied.colleague_user_id) == (swap["id"], crew.cleo_id)
    # A closed proposal cannot be acted on again.
    again = await crew.manager.post(f"{SWAPS}/{swap['id']}/approve")
    assert again.status_code == 409
    assert error_code(again) == "swap.not_open"


async def test_a_swap_without_approval_is_applied_when_the_colleague_accepts(
    client, new_client, fired
):
    crew = await _crew(client, new_client, approval=False)
    mine = await _accepted(crew, crew.paul, crew.paul_id, EVENING)
    theirs = await _accepted(crew, crew.cleo, crew.cleo_id, NEXT_EVENING)

    proposed = await crew.paul.post(
        SWAPS,
        json={
            "assignment_id": mine["id"],
            "kind": "swap",
            "target_user_id": crew.cleo_id,
            "target_assignment_id": theirs["id"],
        },
    )
    assert proposed.status_code == 201, proposed.text
    swap = proposed.json()
    assert swap["wanted"]["assignment_id"] == theirs["id"]
    assert swap["requires_approval"] is False

    accepted = await crew.cleo.post(f"{SWAPS}/{swap['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "applied"
    assert await _holders(crew.owner, mine["mission_id"]) == [(crew.cleo_id, "ACCEPTED")]
    assert await _holders(crew.owner, theirs["mission_id"]) == [(crew.paul_id, "ACCEPTED")]
    assert _steps(fired) == ["proposed", "accepted", "applied"]
    # Followers of assignments (webhooks, plugins) see each change of hands.
    applied_at = [getattr(e, "step", None) for e in fired].index("applied")
    moved = [
        e for e in fired[applied_at:] if e.kind in ("AssignmentCancelled", "AssignmentAccepted")
    ]
    assert len(moved) == 4
    given = {(e.assignment_id, e.user_id) for e in moved if e.kind == "AssignmentCancelled"}
    assert given == {(mine["id"], crew.paul_id), (theirs["id"], crew.cleo_id)}
    assert {(e.previous_status, e.reason) for e in moved if e.kind == "AssignmentCancelled"} == {
        ("ACCEPTED", "swapped")
    }
    taken = {(e.mission_id, e.user_id, e.via) for e in moved if e.kind == "AssignmentAccepted"}
    assert taken == {
        (mine["mission_id"], crew.cleo_id, "swap"),
        (theirs["mission_id"], crew.paul_id, "swap"),
    }
    new_ids = {e.assignment_id for e in moved if e.kind == "AssignmentAccepted"}
    rows = await fetch(
        "SELECT id, user_id, status FROM assignments WHERE id = ANY($1::int[])", list(new_ids)
    )
    assert {(r["user_id"], r["status"]) for r in rows} == {
        (crew.cleo_id, "ACCEPTED"),
        (crew.paul_id, "ACCEPTED"),
    }


async def test_the_manager_rejects_and_nothing_changes(client, new_client):
    crew = await _crew(client, new_client)
    mine = await _accepted(crew, crew.paul, crew.paul_id, EVENING)
    swap = (
        await crew.paul.post(
            SWAPS, json={"assignment_id": mine["id"], "target_user_id": crew.cleo_id}
        )
    ).json()
    assert (await crew.cleo.post(f"{SWAPS}/{swap['id']}/accept")).status_code == 200
    rejected = await crew.manager.post(
        f"{SWAPS}/{swap['id']}/reject", json={"comment": "Cleo est deja trop chargee"}
    )
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["status"] == "rejected"
    assert rejected.json()["decision_comment"] == "Cleo est deja trop chargee"
    assert await _holders(crew.owner, mine["mission_id"]) == [(crew.paul_id, "ACCEPTED")]


async def test_an_open_handover_goes_to_exactly_one_of_two_concurrent_takers(client, new_client):
    crew = await _crew(client, new_client, approval=False)
    lea = await _member(crew.owner, new_client, "lea.swaps@example.org", "tech")
    lea_id = await _tech(crew.owner, "Lea", account_id=lea.account_id)
    mine = await _accepted(crew, crew.paul, crew.paul_id, EVENING)

    proposed = await crew.paul.post(SWAPS, json={"assignment_id": mine["id"]})
    assert proposed.status_code == 201, proposed.text
    swap = proposed.json()
    assert swap["target_user_id"] is None
    seen = (await lea.get(f"{SWAPS}/mine")).json()["items"]
    assert [(s["side"], s["eligible"]) for s in seen] == [("open", True)]

    answers = await asyncio.gather(
        crew.cleo.post(f"{SWAPS}/{swap['id']}/accept"),
        lea.post(f"{SWAPS}/{swap['id']}/accept"),
    )
    codes = sorted(a.status_code for a in answers)
    assert codes == [200, 409], [a.text for a in answers]
    loser = next(a for a in answers if a.status_code == 409)
    assert error_code(loser) == "swap.not_open"
    winner = next(a for a in answers if a.status_code == 200).json()
    assert winner["colleague_user_id"] in (crew.cleo_id, lea_id)
    holders = await _holders(crew.owner, mine["mission_id"])
    assert holders == [(winner["colleague_user_id"], "ACCEPTED")]


async def test_a_conflict_found_at_acceptance_is_a_409_and_nothing_changes(client, new_client):
    crew = await _crew(client, new_client)
    mine = await _accepted(crew, crew.paul, crew.paul_id, EVENING)
    swap = (
        await crew.paul.post(
            SWAPS, json={"assignment_id": mine["id"], "target_user_id": crew.cleo_id}
        )
    ).json()
    # Meanwhile Cleo accepted another mission the same evening.
    other = await _accepted(crew, crew.cleo, crew.cleo_id, EVENING)

    refused = await crew.cleo.post(f"{SWAPS}/{swap['id']}/accept")
    assert refused.status_code == 409, refused.text
    body = refused.json()["error"]
    assert body["code"] == "swap.conflict"
    assert "overlap" in body["details"]["kinds"]
    assert (await crew.paul.get(f"{SWAPS}/mine")).json()["items"][0]["status"] == "proposed"
    assert await _holders(crew.owner, mine["mission_id"]) == [(crew.paul_id, "ACCEPTED")]
    assert await _holders(crew.owner, other["mission_id"]) == [(crew.cleo_id, "ACCEPTED")]
    assert await _audit(crew.owner.org_id, "swap.accepted") == []


async def test_skills_and_conflicts_are_checked_at_proposal(client, new_client):
    crew = await _crew(client, new_client)
    mine = await _accepted(crew, crew.paul, crew.paul_id, EVENING)
    novice = await _member(crew.owner, new_client, "nina.swaps@example.org", "tech")
    novice_id = await _tech(
        crew.owner, "Nina", account_id=novice.account_id, skills=[{"name": "lumiere", "level": 2}]
    )
    refused = await crew.paul.post(
        SWAPS, json={"assignment_id": mine["id"], "target_user_id": novice_id}
    )
    assert refused.status_code == 409, refused.text
    assert refused.json()["error"]["details"]["kinds"] == "missing_skill"
    assert await fetch("SELECT id FROM swaps WHERE org = $1", crew.owner.org_id) == []
    # ... and an open handover hides from those who are not eligible.
    open_one = await crew.paul.post(SWAPS, json={"assignment_id": mine["id"]})
    assert open_one.status_code == 201
    seen = (await novice.get(f"{SWAPS}/mine")).json()["items"]
    assert [(s["side"], s["eligible"]) for s in seen] == [("open", False)]
    taken = await novice.post(f"{SWAPS}/{open_one.json()['id']}/accept")
    assert taken.status_code == 409
    assert error_code(taken) == "swap.conflict"


async def test_bad_proposals_are_refused_with_stable_codes(client, new_client):
    crew = await _crew(client, new_client)
    mine = await _accepted(crew, crew.paul, crew.paul_id, EVENING)
    theirs = await _accepted(crew, crew.cleo, crew.cleo_id, NEXT_EVENING)
    cases = [
        (crew.cleo, {"assignment_id": mine["id"]}, 403, "swap.not_yours"),
        (crew.paul, {"assignment_id": mine["id"], "kind": "swap"}, 422, "swap.target_required"),
        (
            crew.paul,
            {
                "assignment_id": mine["id"],
                "target_user_id": crew.cleo_id,
                "target_assignment_id": theirs["id"],
            },
            422,
            "swap.target_assignment_unexpected",
        ),
        (
            crew.paul,
            {
                "assignment_id": mine["id"],
                "kind": "swap",
                "target_user_id": crew.cleo_id,
                "target_assignment_id": mine["id"],
            },
            422,
            "swap.target_assignment_mismatch",
        ),
        (
            crew.paul,
            {"assignment_id": mine["id"], "target_user_id": crew.paul_id},
            422,
            "swap.same_user",
        ),
        (crew.paul, {"assignment_id": 999999}, 404, "assignment.not_found"),
        (crew.owner, {"assignment_id": mine["id"]}, 403, "swap.no_user"),
    ]
    for who, body, status, code in cases:
        response = await who.post(SWAPS, json=body)
        assert (response.status_code, error_code(response)) == (status, code), (body, response.text)
    first = await crew.paul.post(SWAPS, json={"assignment_id": mine["id"]})
    assert first.status_code == 201
    twice = await crew.paul.post(SWAPS, json={"assignment_id": mine["id"]})
    assert (twice.status_code, error_code(twice)) == (409, "swap.already_open")
    # Only the proposer cancels; only a named colleague declines.
    assert (
        error_code(await crew.cleo.post(f"{SWAPS}/{first.json()['id']}/cancel"))
        == "swap.not_proposer"
    )
    assert (
        error_code(await crew.cleo.post(f"{SWAPS}/{first.json()['id']}/decline"))
        == "swap.open_to_all"
    )
    cancelled = await crew.paul.post(f"{SWAPS}/{first.json()['id']}/cancel")
    assert cancelled.json()["status"] == "cancelled"
    # Once cancelled, the assignment may be offered again, and the colleague may decline.
    again = await crew.paul.post(
        SWAPS, json={"assignment_id": mine["id"], "target_user_id": crew.cleo_id}
    )
    assert again.status_code == 201, again.text
    declined = await crew.cleo.post(
        f"{SWAPS}/{again.json()['id']}/decline", json={"comment": "Non"}
    )
    assert declined.json()["status"] == "declined"


async def test_a_proposal_expires_when_the_mission_starts(client, new_client):
    crew = await _crew(client, new_client)
    mine = await _accepted(crew, crew.paul, crew.paul_id, EVENING)
    swap = (
        await crew.paul.post(
            SWAPS, json={"assignment_id": mine["id"], "target_user_id": crew.cleo_id}
        )
    ).json()
    await fetch(
        "UPDATE swaps SET starts_at = now() - interval '1 minute' WHERE id = $1", swap["id"]
    )
    late = await crew.cleo.post(f"{SWAPS}/{swap['id']}/accept")
    assert (late.status_code, error_code(late)) == (409, "swap.not_open")
    assert late.json()["error"]["details"]["status"] == "expired"


async def test_the_cron_expires_open_proposals_once_and_announces_it(client, new_client, fired):
    from coulisses.jobs.queue import CORE_CRONS
    from coulisses.scheduling.swaps.service import expire_cron
    from tests.conftest import run_jobs

    assert any(func is expire_cron for func, _ in CORE_CRONS)  # the workers run it

    crew = await _crew(client, new_client)
    enabled = await crew.owner.patch(
        "/api/v1/orgs/current/plugins/notifications",
        json={"enabled": True, "config": {"quiet_start": "00:00", "quiet_end": "00:00"}},
    )
    assert enabled.status_code == 200, enabled.text
    mine = await _accepted(crew, crew.paul, crew.paul_id, EVENING)
    swap = (
        await crew.paul.post(
            SWAPS, json={"assignment_id": mine["id"], "target_user_id": crew.cleo_id}
        )
    ).json()
    await fetch(
        "UPDATE swaps SET starts_at = now() - interval '1 minute' WHERE id = $1", swap["id"]
    )
    # Two workers' runs at once: the proposal expires once, announced once.
    await asyncio.gather(expire_cron({}), expire_cron({}))
    assert await expire_cron({}) == 0
    expired = [e for e in fired if e.kind == "SwapChanged" and e.step == "expired"]
    assert [(e.swap_id, e.org_id, e.actor_account_id) for e in expired] == [
        (swap["id"], crew.owner.org_id, None)
    ]
    row = (await fetch("SELECT status, closed_at FROM swaps WHERE id = $1", swap["id"]))[0]
    assert row["status"] == "expired"
    assert row["closed_at"] is not None
    await run_jobs()
    await run_jobs()
    for who in (crew.paul, crew.cleo):
        assert (await _inbox(who)).count(("swap", "expired")) == 1
    # Nothing changed hands.
    assert await _holders(crew.owner, mine["mission_id"]) == [(crew.paul_id, "ACCEPTED")]


async def _inbox(org: OrgSession) -> list[tuple[str, str]]:
    response = await org.get("/api/v1/notifications")
    assert response.status_code == 200, response.text
    return [(i["kind"], i["data"].get("step")) for i in response.json()["items"]]


async def test_the_notifications_plugin_tells_the_colleague_the_managers_and_the_proposer(
    client, new_client
):
    from tests.conftest import run_jobs

    crew = await _crew(client, new_client)
    enabled = await crew.owner.patch(
        "/api/v1/orgs/current/plugins/notifications",
        json={"enabled": True, "config": {"quiet_start": "00:00", "quiet_end": "00:00"}},
    )
    assert enabled.status_code == 200, enabled.text
    mine = await _accepted(crew, crew.paul, crew.paul_id, EVENING)
    swap = (
        await crew.paul.post(
            SWAPS, json={"assignment_id": mine["id"], "target_user_id": crew.cleo_id}
        )
    ).json()
    await run_jobs()
    await run_jobs()
    assert ("swap", "proposed") in await _inbox(crew.cleo)

    assert (await crew.cleo.post(f"{SWAPS}/{swap['id']}/accept")).status_code == 200
    await run_jobs()
    await run_jobs()
    assert ("swap", "accepted") in await _inbox(crew.paul)
    assert ("swap", "accepted") in await _inbox(crew.manager)  # waiting for approval

    answers_before = [k for k, _ in await _inbox(crew.manager)].count("answer_received")
    assert (await crew.manager.post(f"{SWAPS}/{swap['id']}/approve")).status_code == 200
    await run_jobs()
    await run_jobs()
    for who in (crew.paul, crew.cleo):
        assert ("swap", "applied") in await _inbox(who)
    # The change of hands is told as a swap, not as a cancellation or a new answer.
    assert "assignment_cancelled" not in [k for k, _ in await _inbox(crew.paul)]
    answers_after = [k for k, _ in await _inbox(crew.manager)].count("answer_received")
    assert answers_after == answers_before
