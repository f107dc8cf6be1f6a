"""Reserves under concurrency: the role row is the lock, so concurrent invitations count
places one after the other, two frees never promote the same reserve twice, and reserves
who accept at once queue in the order they got the lock (and so committed)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import asyncpg

from coulisses.db.connection import database_url
from tests.helpers import error_code, signup
from tests.integration.scheduling.assignments.test_reserves import (
    NAMES,
    _answer,
    _assignment,
    _audit,
    _invited,
    _people,
    _role,
)
from tests.integration.scheduling.factories import make_user
from tests.integration.scheduling.invitations.test_invitations import _link


async def _held(org, role_id: int) -> int:
    """Places held on the role by active non-reserve assignments, read in the database."""
    conn = await asyncpg.connect(database_url())
    try:
        return int(
            await conn.fetchval(
                """SELECT count(*) FROM assignments WHERE mission_role = $1
                   AND status IN ('INVITED', 'ACCEPTED') AND NOT reserve""",
                role_id,
            )
        )
    finally:
        await conn.close()


async def test_concurrent_invitations_on_the_last_place_let_exactly_one_through(client):
    org = await signup(client)
    _, role_id = await _role(org, quota=1)
    users = [await make_user(org, first_name=name) for name in NAMES[:8]]
    responses = await asyncio.gather(
        *(
            org.post("/api/v1/assignments", json={"mission_role_id": role_id, "user_id": u["id"]})
            for u in users
        )
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * 7, [r.text for r in responses if r.status_code >= 500]
    assert {error_code(r) for r in responses if r.status_code == 409} == {
        "assignment.quota_would_exceed"
    }
    assert await _held(org, role_id) == 1


async def test_concurrent_frees_promote_each_reserve_once_first_in_line_first(
    client, new_client, mail_sink
):
    org = await signup(client)
    mission, role_id = await _role(org, quota=4)
    people = await _people(org, 10)
    holders, reserves = people[:4], people[4:]
    held = [await _invited(org, role_id, u) for u in holders]
    queued = [await _invited(org, role_id, u, reserve=True) for u in reserves]
    public = new_client("10.80.0.1")
    for user in holders[:2]:  # two accepted holders (cancelled), two invited (declining)
        await _answer(public, mail_sink, user, "accept")
    for user in reserves:  # in line in this order
        await _answer(public, mail_sink, user, "accept")
    links = [await _link(mail_sink, u["email"]) for u in holders[2:]]

    frees = [org.post(f"/api/v1/assignments/{a['id']}/cancel") for a in held[:2]] + [
        new_client(f"10.80.1.{i}").post(
            f"/api/v1/invitations/{invitation_id}/decline", params={"token": token}
        )
        for i, (invitation_id, token) in enumerate(links)
    ]
    responses = await asyncio.gather(*frees)
    assert [r.status_code for r in responses] == [200] * 4, [r.text for r in responses]

    promoted = [e["target"] for e in await _audit(org.org_id, "assignment.promoted")]
    assert sorted(promoted) == sorted(f"assignment:{a['id']}" for a in queued[:4])
    for position, assignment in enumerate(queued[4:], start=1):
        row = await _assignment(org, assignment["id"])
        assert (row["reserve"], row["reserve_position"]) == (True, position)
    assert await _held(org, role_id) == 4
    role = (await org.get(f"/api/v1/missions/{mission['id']}")).json()["roles"][0]
    assert (role["accepted"], role["pending"], role["open"], role["reserves"]) == (4, 0, 0, 2)


async def test_reserves_accepting_at_once_queue_in_the_order_they_committed(
    client, new_client, mail_sink
):
    org = await signup(client)
    mission, role_id = await _role(org, quota=1)
    people = await _people(org, 9)
    await _invited(org, role_id, people[0])
    queued = {u["id"]: await _invited(org, role_id, u, reserve=True) for u in people[1:]}
    links = {u["id"]: await _link(mail_sink, u["email"]) for u in people[1:]}

    responses = await asyncio.gather(
        *(
            new_client(f"10.81.0.{i}").post(
                f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
            )
            for i, (invitation_id, token) in enumerate(links.values())
        )
    )
    assert [r.status_code for r in responses] == [200] * 8, [r.text for r in responses]
    positions = {
        user_id: (await _assignment(org, a["id"]))["reserve_position"]
        for user_id, a in queued.items()
    }
    assert sorted(positions.values()) == list(range(1, 9))
    # The accepts' audit entries are written under the same role lock as the ranks:
    # the queue is the order in which the accepts held the lock, one after the other.
    accepted = [e["payload"]["user_id"] for e in await _audit(org.org_id, "assignment.accepted")]
    assert accepted == sorted(positions, key=positions.__getitem__)

    raised = await org.patch(f"/api/v1/missions/{mission['id']}/roles/{role_id}", json={"quota": 4})
    assert raised.status_code == 200, raised.text
    promoted = [e["payload"]["user_id"] for e in await _audit(org.org_id, "assignment.promoted")]
    assert promoted == accepted[:3]


async def _wait_for_lock_waiters(count: int, within: float = 30.0) -> None:
    """Until ``count`` backends wait for a lock on a mission role row (never a sleep-and-hope)."""
    conn = await asyncpg.connect(database_url())
    try:
        deadline = time.monotonic() + within
        while True:
            waiting = await conn.fetchval(
                """SELECT count(*) FROM pg_stat_activity
                   WHERE datname = current_database() AND wait_event_type = 'Lock'
                     AND query LIKE '%FROM mission_roles WHERE id = $1 FOR UPDATE%'"""
            )
            if waiting >= count:
                return
            assert time.monotonic() < deadline, f"{waiting} waiters, expected {count}"
            await asyncio.sleep(0.02)
    finally:
        await conn.close()


async def test_a_reserve_who_reaches_the_role_lock_first_is_first_in_line(
    client, new_client, mail_sink
):
    org = await signup(client)
    _, role_id = await _role(org, quota=1)
    lea, tom, zoe = await _people(org, 3)
    await _invited(org, role_id, lea)
    first = await _invited(org, role_id, zoe, reserve=True)
    second = await _invited(org, role_id, tom, reserve=True)
    zoe_link, tom_link = await _link(mail_sink, zoe["email"]), await _link(mail_sink, tom["email"])

    def accept(link: tuple[int, str], ip: str) -> Any:
        return new_client(ip).post(
            f"/api/v1/invitations/{link[0]}/accept", params={"token": link[1]}
        )

    blocker = await asyncpg.connect(database_url())
    try:
        transaction = blocker.transaction()
        await transaction.start()
        await blocker.execute("SELECT 1 FROM mission_roles WHERE id = $1 FOR UPDATE", role_id)
        zoe_accept = asyncio.ensure_future(accept(zoe_link, "10.82.0.1"))
        await _wait_for_lock_waiters(1)
        tom_accept = asyncio.ensure_future(accept(tom_link, "10.82.0.2"))
        await _wait_for_lock_waiters(2)
        await transaction.rollback()
        answers = await asyncio.gather(zoe_accept, tom_accept)
    finally:
        await blocker.close()
    assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
    assert [a.json()["reserve_position"] for a in answers] == [1, 2]
    assert (await _assignment(org, first["id"]))["reserve_position"] == 1
    assert (await _assignment(org, second["id"]))["reserve_position"] == 2


async def test_a_reserve_accepting_while_the_holder_declines_is_promoted_exactly_once(
    client, new_client, mail_sink
):
    org = await signup(client)
    people = await _people(org, 6)
    pairs = []
    for holder, reserve in zip(people[::2], people[1::2], strict=True):
        mission, role_id = await _role(org, quota=1)
        await _invited(org, role_id, holder)
        pairs.append((mission, role_id, await _invited(org, role_id, reserve, reserve=True)))
    links = [(await _link(mail_sink, u["email"])) for u in people]

    calls = []
    for i, (invitation_id, token) in enumerate(links):
        verb = "decline" if i % 2 == 0 else "accept"
        calls.append(
            new_client(f"10.83.0.{i}").post(
                f"/api/v1/invitations/{invitation_id}/{verb}", params={"token": token}
            )
        )
    responses = await asyncio.gather(*calls)
    assert [r.status_code for r in responses] == [200] * 6, [r.text for r in responses]
    promoted = [e["target"] for e in await _audit(org.org_id, "assignment.promoted")]
    assert sorted(promoted) == sorted(f"assignment:{a['id']}" for _, _, a in pairs)
    for _, role_id, reserve in pairs:
        row = await _assignment(org, reserve["id"])
        assert (row["status"], row["reserve"]) == ("ACCEPTED", False)
        assert await _held(org, role_id) == 1
