"""Events of an org reach its endpoints, signed, once; retries, redelivery, auto-disable."""

from __future__ import annotations

from typing import Any

from webhooks_support import Receiver, free_port

from coulisses_sdk import MemberAdded
from coulisses_sdk.testing import (
    Factories,
    OrgClient,
    event_stream,
    next_event,
    run_deferred_jobs,
    run_jobs,
    unique_email,
)
from coulisses_webhooks.plugin import plugin

API = "/api/v1/webhooks/endpoints"


async def make_endpoint(
    org: OrgClient, receiver: Receiver, path: str, event_types: list[str], **extra: Any
) -> dict[str, Any]:
    response = await org.post(
        f"{API}/", json={"url": receiver.at(path), "event_types": event_types, **extra}
    )
    assert response.status_code == 201, response.text
    endpoint: dict[str, Any] = response.json()
    receiver.secrets[path] = endpoint["secret"]
    return endpoint


async def deliveries(org: OrgClient, endpoint_id: int) -> list[dict[str, Any]]:
    response = await org.get(f"{API}/{endpoint_id}/deliveries")
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_a_new_member_is_posted_signed_to_the_endpoint(org, receiver):
    await org.enable("webhooks")
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])
    email = unique_email()

    await org.invite(email, role="manager")
    await run_jobs()

    [received] = receiver.received
    assert received.payload["type"] == "MemberAdded"
    assert received.payload["org_id"] == org.org_id
    assert received.payload["data"]["email"] == email
    assert received.payload["data"]["role"] == "manager"
    assert received.payload["created_at"]
    assert received.headers["user-agent"].startswith("Coulisses-Webhooks/")
    assert received.headers["content-type"] == "application/json"
    [delivery] = await deliveries(org, endpoint["id"])
    assert delivery["event_id"] == received.payload["id"]
    assert delivery["status"] == "delivered"
    assert (delivery["attempts"], delivery["last_http_status"]) == (1, 200)
    assert delivery["last_error"] is None
    assert delivery["next_attempt_at"] is None


async def test_each_endpoint_gets_only_the_kinds_it_asked_for(org, receiver):
    await org.enable("webhooks")
    missions = await make_endpoint(org, receiver, "/hooks/missions", ["MissionChanged"])
    members = await make_endpoint(org, receiver, "/hooks/members", ["MemberAdded"])
    everything = await make_endpoint(org, receiver, "/hooks/all", ["*"])
    paused = await make_endpoint(org, receiver, "/hooks/paused", ["*"], active=False)

    mission = await Factories(org).mission(roles=[])
    await org.invite(unique_email())
    await run_jobs()

    assert [b["type"] for b in receiver.bodies("/hooks/missions")] == ["MissionChanged"]
    assert receiver.bodies("/hooks/missions")[0]["data"]["mission_id"] == mission["id"]
    assert [b["type"] for b in receiver.bodies("/hooks/members")] == ["MemberAdded"]
    assert sorted(b["type"] for b in receiver.bodies("/hooks/all")) == [
        "MemberAdded",
        "MissionChanged",
    ]
    assert receiver.bodies("/hooks/paused") == []
    assert receiver.refused == []
    assert len(await deliveries(org, missions["id"])) == 1
    assert len(await deliveries(org, members["id"])) == 1
    assert await deliveries(org, paused["id"]) == []
    assert len(await deliveries(org, everything["id"])) == 2


async def test_an_accepted_assignment_is_delivered(org, receiver):
    await org.enable("webhooks")
    await make_endpoint(org, receiver, "/hooks/a", ["AssignmentAccepted"])

    assignment = await Factories(org).assignment(accept=True)
    await run_jobs()

    [body] = receiver.bodies()
    assert body["type"] == "AssignmentAccepted"
    assert body["data"]["assignment_id"] == assignment["id"]


async def test_an_org_never_sees_nor_receives_another_orgs_endpoints(org, make_org, receiver):
    other = await make_org()
    await org.enable("webhooks")
    await other.enable("webhooks")
    mine = await make_endpoint(org, receiver, "/hooks/mine", ["MemberAdded"])
    await make_endpoint(other, receiver, "/hooks/theirs", ["MemberAdded"])

    await org.invite(unique_email())
    await run_jobs()

    assert len(receiver.bodies("/hooks/mine")) == 1
    assert receiver.bodies("/hooks/theirs") == []
    for method, url in (
        ("get", f"{API}/{mine['id']}"),
        ("get", f"{API}/{mine['id']}/deliveries"),
        ("patch", f"{API}/{mine['id']}"),
        ("post", f"{API}/{mine['id']}/ping"),
        ("post", f"{API}/{mine['id']}/rotate_secret"),
        ("delete", f"{API}/{mine['id']}"),
    ):
        kwargs = {"json": {"description": "x"}} if method == "patch" else {}
        response = await getattr(other, method)(url, **kwargs)
        assert response.status_code == 404, (method, url, response.text)
        assert response.json()["error"]["code"] == "webhooks.endpoint_not_found"
    assert [e["id"] for e in (await other.get(f"{API}/")).json()["items"]] != [mine["id"]]
    assert (await org.get(f"{API}/{mine['id']}")).status_code == 200


async def test_an_event_handed_over_twice_is_delivered_once(org, receiver):
    await org.enable("webhooks")
    await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])
    event = MemberAdded(
        org_id=org.org_id, account_id=org.account_id, email="x@example.org", role="tech"
    )

    await plugin.domain_event(event)
    await plugin.domain_event(event)
    await run_jobs()

    assert [b["id"] for b in receiver.bodies()] == [event.event_id]


async def test_a_receiver_down_for_a_while_gets_every_event_once_it_is_back(org, receiver):
    await org.enable("webhooks")
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])
    receiver.fail_with = 503
    emails = [unique_email(), unique_email()]

    for email in emails:
        await org.invite(email)
    await run_jobs()
    await run_deferred_jobs()

    assert receiver.received == []
    assert receiver.failed == 4
    for delivery in await deliveries(org, endpoint["id"]):
        assert delivery["status"] == "pending"
        assert (delivery["attempts"], delivery["last_http_status"]) == (2, 503)
        assert delivery["last_error"] == "HTTP 503"
        assert len(delivery["last_response"]) == 500
        assert delivery["next_attempt_at"] is not None
    assert (await org.get(f"{API}/{endpoint['id']}")).json()["consecutive_failures"] == 4

    receiver.fail_with = None
    await run_deferred_jobs()
    await run_deferred_jobs()

    assert sorted(b["data"]["email"] for b in receiver.bodies()) == sorted(emails)
    assert len(receiver.received) == 2
    for delivery in await deliveries(org, endpoint["id"]):
        assert (delivery["status"], delivery["attempts"]) == ("delivered", 3)
        assert delivery["next_attempt_at"] is None
    assert (await org.get(f"{API}/{endpoint['id']}")).json()["consecutive_failures"] == 0


async def test_a_closed_port_is_retried_and_delivered_once_the_url_answers(org, receiver):
    await org.enable("webhooks")
    closed = f"http://127.0.0.1:{free_port()}/hooks/a"
    response = await org.post(f"{API}/", json={"url": closed, "event_types": ["MemberAdded"]})
    endpoint = response.json()
    receiver.secrets["/hooks/a"] = endpoint["secret"]

    await org.invite(unique_email())
    await run_jobs()

    [delivery] = await deliveries(org, endpoint["id"])
    assert delivery["status"] == "pending"
    assert delivery["last_http_status"] is None
    assert delivery["last_error"].startswith("ConnectError")

    moved = await org.patch(f"{API}/{endpoint['id']}", json={"url": receiver.at("/hooks/a")})
    assert moved.status_code == 200, moved.text
    await run_deferred_jobs()

    assert len(receiver.received) == 1
    [delivery] = await deliveries(org, endpoint["id"])
    assert (delivery["status"], delivery["attempts"]) == ("delivered", 2)


async def test_the_last_failed_attempt_fails_the_delivery(org, receiver):
    from coulisses_webhooks.config import override_settings

    await org.enable("webhooks")
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])
    receiver.fail_with = 500

    with override_settings(attempts=2):
        await org.invite(unique_email())
        await run_jobs()
        await run_deferred_jobs()
        await run_deferred_jobs()

    assert receiver.failed == 2
    [delivery] = await deliveries(org, endpoint["id"])
    assert (delivery["status"], delivery["attempts"]) == ("failed", 2)
    assert delivery["next_attempt_at"] is None


async def test_redeliver_sends_the_same_event_again(org, receiver):
    await org.enable("webhooks")
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])
    await org.invite(unique_email())
    await run_jobs()
    [delivery] = await deliveries(org, endpoint["id"])

    response = await org.post(f"{API}/{endpoint['id']}/deliveries/{delivery['id']}/redeliver")
    assert response.status_code == 202, response.text
    assert response.json()["status"] == "pending"
    await run_jobs()

    first, second = receiver.received
    assert first.event_id == second.event_id == delivery["event_id"]
    assert first.payload == second.payload
    [again] = await deliveries(org, endpoint["id"])
    assert (again["status"], again["attempts"]) == ("delivered", 2)

    missing = await org.post(f"{API}/{endpoint['id']}/deliveries/999999/redeliver")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "webhooks.delivery_not_found"


async def test_ping_posts_a_signed_test_request(org, receiver):
    await org.enable("webhooks")
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])

    response = await org.post(f"{API}/{endpoint['id']}/ping")
    assert response.status_code == 202, response.text
    await run_jobs()

    [body] = receiver.bodies()
    assert body["type"] == "webhooks.ping"
    assert body["data"] == {"endpoint_id": endpoint["id"]}
    [delivery] = await deliveries(org, endpoint["id"])
    assert delivery["status"] == "delivered"


async def test_an_endpoint_failing_n_times_in_a_row_is_disabled_and_admins_told(
    org, receiver, live_url
):
    await org.enable("webhooks", config={"disable_after_failures": 3})
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"], description="ERP")
    watcher = await make_endpoint(org, receiver, "/hooks/watch", ["WebhookEndpointDisabled"])
    receiver.fail_with = 500

    async with event_stream(live_url, str(org.client.cookies.get("cc_access"))) as lines:
        await org.invite(unique_email())
        await org.invite(unique_email())
        await run_jobs()  # attempts 1 and 2 (one per delivery), nothing disabled yet
        assert (await org.get(f"{API}/{endpoint['id']}")).json()["active"] is True
        receiver.fail_with = None
        # The watcher is fine; only /hooks/a keeps failing.
        receiver.secrets.pop("/hooks/a")
        await run_deferred_jobs()
        told = await next_event(lines, "webhooks.endpoint_disabled")

    assert told["data"]["endpoint_id"] == endpoint["id"]
    assert told["data"]["description"] == "ERP"
    assert told["data"]["recipient_account_id"] == org.account_id
    state = (await org.get(f"{API}/{endpoint['id']}")).json()
    assert state["active"] is False
    assert state["disabled_reason"] == "disabled after 3 failed attempts in a row"
    log = await deliveries(org, endpoint["id"])
    assert log[0]["event_type"] == "webhooks.endpoint_disabled"
    assert log[0]["status"] == "notice"
    assert {d["status"] for d in log[1:]} == {"failed"}
    assert any(d["last_error"] == "endpoint disabled" for d in log[1:])
    # The plugin's own event reached the endpoint that asked for it.
    [notice] = receiver.bodies("/hooks/watch")
    assert notice["type"] == "WebhookEndpointDisabled"
    assert notice["data"] == {
        "actor_account_id": None,
        "endpoint_id": endpoint["id"],
        "failures": 3,
    }
    assert (await deliveries(org, watcher["id"]))[0]["status"] == "delivered"

    # Disabled: no new delivery; a ping is refused; enabling again resets the counter.
    await org.invite(unique_email())
    await run_jobs()
    assert len(await deliveries(org, endpoint["id"])) == len(log)
    refused = await org.post(f"{API}/{endpoint['id']}/ping")
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "webhooks.endpoint_inactive"
    enabled = await org.patch(f"{API}/{endpoint['id']}", json={"active": True})
    assert enabled.json()["consecutive_failures"] == 0
    assert enabled.json()["disabled_reason"] is None


async def test_a_stale_or_foreign_job_sends_nothing(org, make_org, receiver):
    from coulisses_webhooks.delivery import deliver

    await org.enable("webhooks")
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])
    await org.invite(unique_email())
    await run_jobs()
    [delivery] = await deliveries(org, endpoint["id"])
    redelivered = await org.post(f"{API}/{endpoint['id']}/deliveries/{delivery['id']}/redeliver")
    assert redelivered.status_code == 202
    other = await make_org()
    event_id = delivery["event_id"]

    # an older generation, another event at the same row id, another org: all stale
    await deliver(
        {}, org_id=org.org_id, delivery_id=delivery["id"], event_id=event_id, generation=0
    )
    await deliver(
        {}, org_id=org.org_id, delivery_id=delivery["id"], event_id="f" * 32, generation=1
    )
    await deliver(
        {}, org_id=other.org_id, delivery_id=delivery["id"], event_id=event_id, generation=1
    )
    assert len(receiver.received) == 1

    await run_jobs()  # the redelivery's own job (generation 1)
    assert len(receiver.received) == 2


async def test_pending_deliveries_resume_when_the_org_enables_the_plugin_again(org, receiver):
    from coulisses_webhooks.tables import Delivery

    await org.enable("webhooks")
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])
    receiver.fail_with = 503
    await org.invite(unique_email())
    await run_jobs()
    assert receiver.failed == 1
    disabled = await org.set_plugin("webhooks", enabled=False)
    assert disabled.status_code == 200, disabled.text
    receiver.fail_with = None

    await run_deferred_jobs()  # the retry is dropped: the org disabled the plugin
    assert receiver.received == []

    # An hour later (the database's clock: the retry is long overdue), enabled again.
    await Delivery.raw(
        "UPDATE webhooks_deliveries SET next_attempt_at = next_attempt_at - interval '1 hour'"
    )
    await org.enable("webhooks")
    await run_jobs()

    assert len(receiver.received) == 1
    [delivery] = await deliveries(org, endpoint["id"])
    assert (delivery["status"], delivery["attempts"]) == ("delivered", 2)


async def test_the_cron_requeues_a_delivery_whose_job_was_lost_and_only_that_one(org, receiver):
    from coulisses_sdk.testing import run_cron
    from coulisses_webhooks.tables import Delivery

    await org.enable("webhooks")
    endpoint = await make_endpoint(org, receiver, "/hooks/a", ["MemberAdded"])
    receiver.fail_with = 503
    await org.invite(unique_email())
    await org.invite(unique_email())
    await run_jobs()
    receiver.fail_with = None
    lost, waiting = await deliveries(org, endpoint["id"])
    # The first one's job is lost (say, the queue was flushed) and its time long past.
    await Delivery.raw(
        "UPDATE webhooks_deliveries SET next_attempt_at = now() - interval '1 hour',"
        " generation = generation + 10 WHERE id = {}",
        lost["id"],
    )

    await run_cron("webhooks.resume_stuck", org_id=org.org_id)

    assert [r.payload["id"] for r in receiver.received] == [lost["event_id"]]
    states = {d["id"]: d["status"] for d in await deliveries(org, endpoint["id"])}
    assert states == {lost["id"]: "delivered", waiting["id"]: "pending"}
