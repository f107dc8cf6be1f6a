"""Endpoint secrets are stored sealed with the host's key: a database dump does not give
the key of an org's signatures; secrets stored before sealing keep signing and get sealed."""

from __future__ import annotations

from test_webhooks_delivery import API, deliveries, make_endpoint

from coulisses_sdk import seal
from coulisses_sdk.testing import run_deferred_jobs, run_jobs
from coulisses_webhooks.tables import Endpoint


async def _stored(endpoint_id: int) -> str:
    [row] = await Endpoint.select(Endpoint.secret).where(Endpoint.id == endpoint_id)
    return str(row["secret"])


async def test_the_secret_is_stored_sealed_and_still_signs(org, receiver):
    await org.enable("webhooks")
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])
    stored = await _stored(endpoint["id"])
    assert endpoint["secret"] not in stored
    assert not stored.startswith("whsec_")

    rotated = await org.post(f"{API}/{endpoint['id']}/rotate_secret")
    assert rotated.status_code == 200, rotated.text
    receiver.secrets["/hooks/a"] = rotated.json()["secret"]
    assert rotated.json()["secret"] not in await _stored(endpoint["id"])

    assert (await org.post(f"{API}/{endpoint['id']}/ping")).status_code == 202
    await run_jobs()
    [delivery] = await deliveries(org, endpoint["id"])
    assert delivery["status"] == "delivered"  # the receiver verified the signature


async def test_a_secret_stored_before_sealing_signs_then_is_sealed_in_place(org, receiver):
    await org.enable("webhooks")
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])
    legacy = endpoint["secret"]
    await Endpoint.update({Endpoint.secret: legacy}).where(Endpoint.id == endpoint["id"])

    assert (await org.post(f"{API}/{endpoint['id']}/ping")).status_code == 202
    await run_jobs()

    [delivery] = await deliveries(org, endpoint["id"])
    assert delivery["status"] == "delivered"
    stored = await _stored(endpoint["id"])
    assert legacy not in stored
    assert not stored.startswith("whsec_")


async def test_an_unreadable_secret_sends_nothing_until_an_admin_rotates_it(org, receiver):
    # What a key the deployment no longer lists leaves behind (the SDK's seal test covers the
    # rotation itself): a token that does not open for this purpose.
    await org.enable("webhooks")
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])
    unreadable = seal("webhooks.another_purpose", endpoint["secret"])
    await Endpoint.update({Endpoint.secret: unreadable}).where(Endpoint.id == endpoint["id"])

    assert (await org.post(f"{API}/{endpoint['id']}/ping")).status_code == 202
    await run_jobs()
    [delivery] = await deliveries(org, endpoint["id"])
    assert delivery["status"] == "pending"  # retried later, never sent unsigned
    assert delivery["last_error"] == "secret unreadable: rotate it"
    assert receiver.received == []

    rotated = await org.post(f"{API}/{endpoint['id']}/rotate_secret")
    receiver.secrets["/hooks/a"] = rotated.json()["secret"]
    await run_deferred_jobs()

    assert [body["type"] for body in receiver.bodies()] == ["webhooks.ping"]
