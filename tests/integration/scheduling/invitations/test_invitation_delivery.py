"""Invitations reach people, or say that they did not: each carries its delivery state
(queued, sent, failed with the last error, no_channel), the planning shows it, and a link
that could not be delivered tells the inviting manager (event InvitationDeliveryFailed)."""

from __future__ import annotations

from typing import Any

from coulisses_sdk import (
    InvitationDelivery,
    InvitationDeliveryFailed,
    Plugin,
    hookimpl,
    report_invitation_delivery,
)
from coulisses_sdk.testing import installed, run_events
from tests.conftest import run_jobs
from tests.helpers import signup
from tests.integration.plugins.support import PLUGINS
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user


class Witness(Plugin):
    """Records the delivery failures it is told about; optionally takes the links itself."""

    name = "witness"

    def __init__(self, take: bool = False) -> None:
        self.take = take
        self.failures: list[InvitationDeliveryFailed] = []
        self.taken: list[InvitationDelivery] = []

    @hookimpl
    def invitation_delivery_failed(self, event: InvitationDeliveryFailed) -> None:
        self.failures.append(event)

    @hookimpl
    def deliver_invitation(self, delivery: InvitationDelivery) -> bool:
        if self.take:
            self.taken.append(delivery)
        return self.take


async def _invited(owner: Any, **user: Any) -> dict[str, Any]:
    project = await make_project(owner)
    mission = await make_mission(owner, project["id"])
    person = await make_user(owner, **user)
    return await invite(owner, mission["roles"][0]["id"], person["id"])


async def _delivery(owner: Any, assignment_id: int) -> dict[str, Any]:
    body = (await owner.get(f"/api/v1/assignments/{assignment_id}")).json()
    return dict(body["invitation"]["delivery"])


async def _planning_status(owner: Any, assignment_id: int) -> str | None:
    response = await owner.get(
        "/api/v1/planning", params={"from": "2027-07-01", "to": "2027-07-31"}
    )
    assert response.status_code == 200, response.text
    [row] = [a for a in response.json()["assignments"] if a["id"] == assignment_id]
    return row["delivery_status"]


async def test_an_invitation_is_queued_then_sent_and_the_planning_shows_it(client, mail_sink):
    owner = await signup(client)
    assignment = await _invited(owner, email="crew@example.org")
    assert assignment["invitation"]["delivery"]["status"] == "queued"
    await run_jobs()

    delivery = await _delivery(owner, assignment["id"])
    assert delivery["status"] == "sent"
    assert delivery["channel"] == "email"
    assert delivery["error"] is None
    assert await _planning_status(owner, assignment["id"]) == "sent"
    assert len(mail_sink.to("crew@example.org")) == 1


async def test_a_user_without_address_is_no_channel_and_the_inviter_is_told(client, mail_sink):
    witness = Witness()
    with installed(witness):
        owner = await signup(client)
        await owner.patch(f"{PLUGINS}/witness", json={"enabled": True})
        assignment = await _invited(owner)
        await run_jobs()

    delivery = await _delivery(owner, assignment["id"])
    assert delivery["status"] == "no_channel"
    [event] = witness.failures
    assert event.invitation_id == assignment["invitation"]["id"]
    assert event.delivery_status == "no_channel"
    assert event.inviter_account_id == owner.account_id


async def test_a_relay_that_keeps_failing_ends_failed_with_its_last_error(client, mail_sink):
    witness = Witness()
    with installed(witness):
        owner = await signup(client)
        await owner.patch(f"{PLUGINS}/witness", json={"enabled": True})
        mail_sink.mode = "tempfail"
        assignment = await _invited(owner, email="unlucky@example.org")
        await run_jobs()

    delivery = await _delivery(owner, assignment["id"])
    assert delivery["status"] == "failed"
    assert delivery["channel"] == "email"
    assert "451" in delivery["error"]
    assert delivery["attempts"] == 3  # COULISSES_DELIVERY_ATTEMPTS in tests/conftest.py
    assert len(mail_sink.to("unlucky@example.org")) == 3
    assert await _planning_status(owner, assignment["id"]) == "failed"
    [event] = witness.failures
    assert event.delivery_status == "failed"
    assert event.inviter_account_id == owner.account_id
    assert "token" not in (event.error or "")

    # The manager resends once the relay is back: a new link, queued then sent.
    mail_sink.mode = "accept"
    resent = await owner.post(f"/api/v1/invitations/{assignment['invitation']['id']}/resend")
    assert resent.status_code == 200, resent.text
    assert resent.json()["delivery"]["status"] == "queued"
    await run_jobs()
    assert (await _delivery(owner, assignment["id"]))["status"] == "sent"


async def test_a_lasting_refusal_fails_at_once(client, mail_sink):
    owner = await signup(client)
    mail_sink.mode = "permfail"
    assignment = await _invited(owner, email="nobody@example.org")
    await run_jobs()
    delivery = await _delivery(owner, assignment["id"])
    assert delivery["status"] == "failed"
    assert delivery["attempts"] == 1
    assert "550" in delivery["error"]


async def test_a_plugin_that_takes_the_link_reports_what_became_of_it(
    client, new_client, mail_sink
):
    witness = Witness(take=True)
    with installed(witness):
        owner = await signup(client)
        await owner.patch(f"{PLUGINS}/witness", json={"enabled": True})
        first = await _invited(owner, email="sms@example.org")
        second = await _invited(owner, email="sms2@example.org")
        await run_jobs()
        assert (await _delivery(owner, first["id"]))["status"] == "queued"
        assert (await _delivery(owner, first["id"]))["channel"] == "plugin"

        await report_invitation_delivery(
            owner.org_id, first["invitation"]["id"], status="sent", channel="sms"
        )
        await report_invitation_delivery(
            owner.org_id, second["invitation"]["id"], status="failed", channel="sms", error="x"
        )
        # A later failure on another channel does not undo a delivered link.
        await report_invitation_delivery(
            owner.org_id, first["invitation"]["id"], status="failed", channel="sms", error="y"
        )
        # Another org's invitation id is ignored.
        other = await signup(new_client())
        await report_invitation_delivery(
            other.org_id, second["invitation"]["id"], status="sent", channel="sms"
        )
        await run_events()

    assert mail_sink.to("sms@example.org") == []
    assert (await _delivery(owner, first["id"])) | {"updated_at": None} == {
        "status": "sent",
        "channel": "sms",
        "error": None,
        "attempts": 2,
        "updated_at": None,
    }
    assert (await _delivery(owner, second["id"]))["status"] == "failed"
    assert [e.invitation_id for e in witness.failures] == [second["invitation"]["id"]]


async def test_a_link_revoked_before_its_delivery_ran_is_never_sent(client, mail_sink):
    owner = await signup(client)
    assignment = await _invited(owner, email="late@example.org")
    revoked = await owner.post(f"/api/v1/invitations/{assignment['invitation']['id']}/revoke")
    assert revoked.status_code == 200, revoked.text
    await run_jobs()
    assert mail_sink.to("late@example.org") == []
