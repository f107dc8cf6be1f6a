"""Delivery hooks: an enabled plugin may take invitation, password reset and availability
request links in charge;
the core mails them itself when none does (or when the plugin fails)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from coulisses_sdk import (
    AvailabilityRequestDelivery,
    InvitationDelivery,
    PasswordResetDelivery,
    Plugin,
    hookimpl,
)
from coulisses_sdk.testing import installed
from tests.conftest import run_jobs
from tests.helpers import signup
from tests.integration.plugins.support import PLUGINS
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user


class Courier(Plugin):
    """Takes deliveries when ``accept`` is True; records what it was given."""

    name = "courier"

    def __init__(self, accept: Any = True) -> None:
        self.accept = accept
        self.deliveries: list[Any] = []

    @hookimpl
    async def deliver_invitation(self, delivery: InvitationDelivery) -> Any:
        self.deliveries.append(delivery)
        if isinstance(self.accept, Exception):
            raise self.accept
        return self.accept

    @hookimpl
    def deliver_password_reset(self, delivery: PasswordResetDelivery) -> Any:
        self.deliveries.append(delivery)
        return self.accept

    @hookimpl
    async def deliver_availability_request(self, delivery: AvailabilityRequestDelivery) -> Any:
        self.deliveries.append(delivery)
        if isinstance(self.accept, Exception):
            raise self.accept
        return self.accept


async def _invite_one(owner, email: str) -> dict[str, Any]:
    user = await make_user(owner, email=email)
    project = await make_project(owner)
    mission = await make_mission(owner, project["id"])
    return await invite(owner, mission["roles"][0]["id"], user["id"])


async def test_an_enabled_plugin_takes_the_invitation_link_and_the_core_sends_nothing(
    client, mail_sink
):
    courier = Courier()
    with installed(courier):
        owner = await signup(client)
        await owner.patch(f"{PLUGINS}/courier", json={"enabled": True})
        assignment = await _invite_one(owner, "crew@example.org")
        await run_jobs()

    assert mail_sink.to("crew@example.org") == []
    [delivery] = courier.deliveries
    assert delivery.org_id == owner.org_id
    assert delivery.assignment_id == assignment["id"]
    assert delivery.invitation_id == assignment["invitation"]["id"]
    assert delivery.email == "crew@example.org"
    assert delivery.recipient_name == "Jean Martin"
    assert delivery.locale == "fr"
    assert delivery.resent is False
    assert "token=" in delivery.answer_url
    assert delivery.accept_url == delivery.answer_url + "&answer=accept"
    assert delivery.decline_url == delivery.answer_url + "&answer=decline"


async def test_the_core_mails_the_link_when_the_plugin_declines_fails_or_is_disabled(
    client, mail_sink
):
    for accept, enabled, email in (
        (False, True, "declined@example.org"),
        (RuntimeError("smtp down"), True, "failed@example.org"),
        (True, False, "disabled@example.org"),
    ):
        courier = Courier(accept)
        with installed(courier):
            owner = await signup(client)
            await owner.patch(f"{PLUGINS}/courier", json={"enabled": enabled})
            await _invite_one(owner, email)
            await run_jobs()
        assert len(mail_sink.to(email)) == 1, email
        assert len(courier.deliveries) == (1 if enabled else 0)


async def test_a_resent_invitation_is_delivered_again_marked_resent(client, mail_sink):
    courier = Courier()
    with installed(courier):
        owner = await signup(client)
        await owner.patch(f"{PLUGINS}/courier", json={"enabled": True})
        assignment = await _invite_one(owner, "again@example.org")
        await run_jobs()
        response = await owner.post(f"/api/v1/invitations/{assignment['invitation']['id']}/resend")
        assert response.status_code == 200, response.text
        await run_jobs()

    first, second = courier.deliveries
    assert second.resent is True
    assert second.invitation_id != first.invitation_id


async def test_password_reset_goes_through_a_plugin_one_of_the_account_orgs_enabled(
    client, new_client, mail_sink
):
    courier = Courier()
    with installed(courier):
        owner = await signup(client)
        await owner.patch(f"{PLUGINS}/courier", json={"enabled": True})
        response = await new_client().post(
            "/api/v1/auth/password-reset", json={"email": owner.email}
        )
        assert response.status_code in (200, 202, 204), response.text
        await run_jobs()

    assert mail_sink.to(owner.email) == []
    [delivery] = courier.deliveries
    assert isinstance(delivery, PasswordResetDelivery)
    assert delivery.org_id == owner.org_id
    assert delivery.account_id == owner.account_id
    assert "/reset-password?token=" in delivery.reset_url


async def test_password_reset_is_mailed_by_the_core_without_such_a_plugin(
    client, new_client, mail_sink
):
    courier = Courier()
    with installed(courier):
        owner = await signup(client)  # courier installed but not enabled
        await new_client().post("/api/v1/auth/password-reset", json={"email": owner.email})
        await run_jobs()

    assert len(mail_sink.to(owner.email)) == 1
    assert courier.deliveries == []


async def _ask(owner, *emails: str) -> dict[str, Any]:
    users = [
        await make_user(owner, first_name="Ana", last_name="Lopez", email=email) for email in emails
    ]
    deadline = dt.datetime.now(dt.UTC) + dt.timedelta(days=20)
    response = await owner.post(
        "/api/v1/availability-requests",
        json={
            "title": "Festival 2027",
            "starts_on": "2027-07-10",
            "ends_on": "2027-07-12",
            "user_ids": [u["id"] for u in users],
            "deadline": deadline.isoformat(),
            "message": "Merci !",
        },
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_an_availability_request_and_its_reminder_go_through_an_enabled_plugin(
    client, mail_sink
):
    courier = Courier()
    with installed(courier):
        owner = await signup(client)
        await owner.patch(f"{PLUGINS}/courier", json={"enabled": True})
        request = await _ask(owner, "ana@example.org")
        await run_jobs()
        response = await owner.post(f"/api/v1/availability-requests/{request['id']}/remind")
        assert response.status_code == 200, response.text
        await run_jobs()

    assert mail_sink.to("ana@example.org") == []
    first, second = courier.deliveries
    assert isinstance(first, AvailabilityRequestDelivery)
    assert (first.org_id, first.request_id) == (owner.org_id, request["id"])
    assert first.recipient_name == "Ana Lopez"
    assert first.email == "ana@example.org"
    assert first.locale == "fr"
    assert first.title == "Festival 2027"
    assert first.message == "Merci !"
    assert (first.starts_on, first.ends_on) == (dt.date(2027, 7, 10), dt.date(2027, 7, 12))
    assert first.timezone == "Europe/Paris"
    assert f"/availability-answers/{first.recipient_id}?token=" in first.answer_url
    assert (first.reminder, second.reminder) == (False, True)
    assert second.answer_url == first.answer_url


async def test_the_core_mails_the_availability_link_when_no_plugin_takes_it(client, mail_sink):
    for accept, enabled, email in (
        (False, True, "declined-av@example.org"),
        (RuntimeError("down"), True, "failed-av@example.org"),
        (True, False, "disabled-av@example.org"),
    ):
        courier = Courier(accept)
        with installed(courier):
            owner = await signup(client)
            await owner.patch(f"{PLUGINS}/courier", json={"enabled": enabled})
            await _ask(owner, email)
            await run_jobs()
        [message] = mail_sink.to(email)
        assert "/availability-answers/" in message.get_content(), email
        assert len(courier.deliveries) == (1 if enabled else 0)
