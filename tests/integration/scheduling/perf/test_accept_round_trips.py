"""The public accept path makes few round trips: one Redis pipeline for every rate-limit
key, and no statement beyond what the answer needs (pooled connections go back to the
pool without asyncpg's reset statement)."""

from __future__ import annotations

import os

from coulisses.db.connection import engine, transaction
from coulisses.settings import get_settings
from tests.helpers import error_code
from tests.integration.scheduling.invitations.test_invitation_rate_limit import _invitation
from tests.roundtrips import counting

RESET = "pg_advisory_unlock_all"
#: without REDIS_URL the rate limits are counted in memory: no Redis round trip at all
REDIS_TRIPS = 1 if os.environ.get("REDIS_URL") else 0


async def test_an_accept_takes_one_redis_round_trip_and_fourteen_statements(
    client, new_client, mail_sink
):
    org, assignment, invitation_id, token = await _invitation(client, mail_sink)
    public = new_client("10.50.0.1")
    with counting() as seen:
        response = await public.post(
            f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
        )
    assert response.status_code == 200, response.text
    assert response.json()["assignment_status"] == "ACCEPTED"
    assert response.json()["replayed"] is False
    stored = (await org.get(f"/api/v1/assignments/{assignment['id']}")).json()
    assert stored["status"] == "ACCEPTED"
    assert stored["invitation"]["answer"] == "ACCEPTED"

    # The three rate-limit keys (per address, per invitation, wrong tokens of the
    # address) in one MULTI/EXEC pipeline.
    assert len(seen.redis) == REDIS_TRIPS, seen.redis
    if REDIS_TRIPS:
        assert sorted(seen.redis[0]) == ["GET", "INCRBY", "INCRBY", "SET", "SET"]
    # Token check; BEGIN, lock and read the invitation, the answer itself (lock the
    # invitations, the assignment and the role, count the accepted, two updates, the
    # audit entry), what the page shows, COMMIT; after commit, the org's plugins and the
    # live event. No connection reset between them.
    assert not [s for s in seen.sql if RESET in s]
    assert len(seen.sql) <= 14, seen.sql


async def test_a_replay_and_a_wrong_token_stay_cheap(client, new_client, mail_sink):
    _, _, invitation_id, token = await _invitation(client, mail_sink)
    url = f"/api/v1/invitations/{invitation_id}/accept"
    public = new_client("10.50.0.2")
    assert (await public.post(url, params={"token": token})).status_code == 200

    with counting() as replay:
        again = await public.post(url, params={"token": token})
    assert again.status_code == 200
    assert again.json()["replayed"] is True
    assert len(replay.redis) == REDIS_TRIPS
    # Token check; BEGIN, lock, read what the page shows, COMMIT.
    assert len(replay.sql) == 5, replay.sql

    with counting() as wrong:
        forged = await new_client("10.50.0.3").post(url, params={"token": "forged"})
    assert forged.status_code == 404
    assert error_code(forged) == "invitation.not_found"
    assert len(wrong.redis) == REDIS_TRIPS
    assert len(wrong.sql) == 1, wrong.sql


async def test_wrong_tokens_past_the_limit_are_refused_then_even_a_valid_link(
    client, new_client, mail_sink
):
    _, _, invitation_id, token = await _invitation(client, mail_sink)
    limit = get_settings().invitation_bad_token_max
    noisy = new_client("10.50.0.4")
    url = f"/api/v1/invitations/{invitation_id}/accept"
    codes = [
        (await noisy.post(url, params={"token": f"forged-{n}"})).status_code
        for n in range(limit + 1)
    ]
    assert codes == [404] * limit + [429]
    refused = await noisy.post(url, params={"token": token})
    assert refused.status_code == 429
    assert error_code(refused) == "invitation.rate_limited"


async def test_pooled_connections_keep_no_state_of_the_previous_transaction(client):
    pool = engine().pool
    assert pool is not None
    with counting() as seen:
        async with transaction():
            from coulisses.db.connection import fetch

            rows = await fetch(
                "SELECT set_config('plan_cache_mode', 'force_custom_plan', true) AS mode"
            )
            assert rows[0]["mode"] == "force_custom_plan"
        # The pool has 10 connections: whichever comes back, none keeps the setting.
        for _ in range(12):
            async with pool.acquire() as conn:
                assert await conn.fetchval("SHOW plan_cache_mode") == "auto"
                assert not conn.is_in_transaction()
    assert not [s for s in seen.sql if RESET in s]
