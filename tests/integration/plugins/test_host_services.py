"""The host services plugins read and act through: assignment context, lists, members,
answering an invitation for its user, rate limits, job options, live events, public routes."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from litestar import get

from coulisses.db.connection import fetch
from coulisses_sdk import Plugin, hookimpl, host, public_route_opt
from coulisses_sdk.testing import app_client, event_stream, installed, next_event, signup
from tests.helpers import signup as signup_session
from tests.integration.plugins.support import PLUGINS
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user


async def _scenario(owner) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    user = await make_user(owner, email="crew@example.org")
    project = await make_project(owner)
    mission = await make_mission(owner, project["id"], place="Cour")
    assignment = await invite(owner, mission["roles"][0]["id"], user["id"])
    return user, mission, assignment


async def test_assignment_context_and_lists_are_scoped_to_the_org(client, new_client):
    owner = await signup_session(client)
    other = await signup_session(new_client(), "Other")
    user, mission, assignment = await _scenario(owner)

    context = await host.assignment_context(owner.org_id, assignment["id"])
    assert context is not None
    assert (context.user_id, context.user_email, context.user_first_name) == (
        user["id"],
        "crew@example.org",
        "Jean",
    )
    assert (context.mission_title, context.place, context.status) == (
        "Exploitation Cour",
        "Cour",
        "INVITED",
    )
    assert context.invitation_id == assignment["invitation"]["id"]
    assert context.org.timezone == "Europe/Paris"
    # Nobody is named manager of the project: the member who invited crew manages it.
    assert [m.account_id for m in context.managers] == [owner.account_id]
    assert await host.assignment_context(other.org_id, assignment["id"]) is None

    [summary] = await host.list_assignments(owner.org_id, user_id=user["id"])
    assert summary.invitation_id == assignment["invitation"]["id"]
    expiring = await host.list_assignments(
        owner.org_id,
        statuses=("INVITED",),
        invitation_expires_before=dt.datetime.now(dt.UTC) + dt.timedelta(days=15),
    )
    assert [s.assignment_id for s in expiring] == [assignment["id"]]
    assert await host.list_assignments(other.org_id, mission_id=mission["id"]) == []

    [me] = await host.member_contacts(owner.org_id, ["owner"])
    assert (me.account_id, me.email, me.role) == (owner.account_id, owner.email, "owner")
    assert await host.account_user_id(owner.org_id, owner.account_id) is None


async def test_answer_invitation_for_its_user_is_audited_idempotent_and_scoped(client):
    owner = await signup_session(client)
    user, _, assignment = await _scenario(owner)
    invitation_id = assignment["invitation"]["id"]

    wrong_user = await host.answer_invitation(
        owner.org_id, invitation_id, user_id=user["id"] + 1, accept=True, via="telegram"
    )
    assert (wrong_user.ok, wrong_user.code) == (False, "invitation.not_found")

    done = await host.answer_invitation(
        owner.org_id,
        invitation_id,
        user_id=user["id"],
        accept=False,
        via="telegram",
        reason="deja pris",
    )
    assert (done.ok, done.assignment_status, done.replayed) == (True, "DECLINED", False)
    again = await host.answer_invitation(
        owner.org_id, invitation_id, user_id=user["id"], accept=False, via="telegram"
    )
    assert (again.ok, again.replayed) == (True, True)
    other_way = await host.answer_invitation(
        owner.org_id, invitation_id, user_id=user["id"], accept=True, via="telegram"
    )
    assert (other_way.ok, other_way.code) == (False, "invitation.already_answered")

    [audit] = await fetch(
        "SELECT payload::text AS payload FROM audit_log WHERE action = 'assignment.declined'"
    )
    assert json.loads(audit["payload"])["via"] == "telegram"


async def test_rate_limit_counts_per_plugin_and_key(client):
    assert await host.rate_limit("p1", "k", limit=2, window_seconds=60)
    assert await host.rate_limit("p1", "k", limit=2, window_seconds=60)
    assert not await host.rate_limit("p1", "k", limit=2, window_seconds=60)
    assert await host.rate_limit("p2", "k", limit=2, window_seconds=60)


async def nothing(ctx: dict[str, Any], *, org_id: int, **kwargs: Any) -> None:
    return None


class Jobs(Plugin):
    name = "jobs-plugin"

    @hookimpl
    def register_jobs(self, register: Any) -> None:
        register(nothing)


async def test_enqueue_refuses_arguments_saq_would_swallow_and_naive_times(client):
    with installed(Jobs()):
        with pytest.raises(ValueError, match="reserved"):
            await host.enqueue("jobs-plugin.nothing", org_id=1, plugin="jobs-plugin", key="x")
        with pytest.raises(ValueError, match="timezone"):
            await host.enqueue(
                "jobs-plugin.nothing",
                org_id=1,
                plugin="jobs-plugin",
                defer_until=dt.datetime(2030, 1, 1),
            )
        await host.enqueue(
            "jobs-plugin.nothing",
            org_id=1,
            plugin="jobs-plugin",
            defer_until=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1),
            retries=3,
            retry_delay=1.0,
            retry_backoff=60.0,
            job_timeout=30,
        )


async def test_a_live_event_for_one_account_reaches_only_that_account(client, live_server):
    owner = await signup_session(client)
    async with event_stream(live_server, str(owner.client.cookies.get("cc_access"))) as lines:
        await host.publish_live(
            owner.org_id, "notes", "created", {"n": 1}, recipient_account_id=owner.account_id + 99
        )
        await host.publish_live(
            owner.org_id, "notes", "created", {"n": 2}, recipient_account_id=owner.account_id
        )
        await host.publish_live(owner.org_id, "notes", "created", {"n": 3})
        first = await next_event(lines, "notes.created")
        second = await next_event(lines, "notes.created")
    assert first["data"] == {"n": 2, "recipient_account_id": owner.account_id}
    assert second["data"] == {"n": 3}


@get("/open", opt=public_route_opt(), operation_id="PublicOpen")
async def open_route() -> dict[str, bool]:
    return {"open": True}


@get("/closed", operation_id="PublicClosed")
async def closed_route() -> dict[str, bool]:
    return {"open": False}


class Public(Plugin):
    name = "public-plugin"

    @hookimpl
    def register_routes(self, register: Any) -> None:
        register(open_route)
        register(closed_route)


async def test_a_public_plugin_route_needs_no_session_the_others_do(coulisses_database):
    async with app_client(Public()) as anonymous:
        assert (await anonymous.get("/api/v1/public-plugin/open")).json() == {"open": True}
        assert (await anonymous.get("/api/v1/public-plugin/closed")).status_code == 401
        owner = await signup(anonymous)
        assert (await owner.get("/api/v1/public-plugin/closed")).status_code == 404
        await owner.patch(f"{PLUGINS}/public-plugin", json={"enabled": True})
        assert (await owner.get("/api/v1/public-plugin/closed")).status_code == 200


async def test_seal_keeps_a_plugin_value_unreadable_bound_to_its_purpose_and_key(client):
    from coulisses_sdk import seal, unseal
    from coulisses_sdk.testing import rotated_secret_key

    value = {"secret": "whsec_abc", "n": 2}
    token = seal("hello.endpoint_secret", value)

    assert "whsec_abc" not in token
    assert token.isascii()
    assert unseal("hello.endpoint_secret", token) == value
    assert seal("hello.endpoint_secret", value) != token  # a fresh nonce each time
    assert unseal("hello.other", token) is None  # another purpose never opens it
    assert unseal("hello.endpoint_secret", token[:-4] + "AAAA") is None  # tampered
    assert unseal("hello.endpoint_secret", "whsec_abc") is None  # not a token
    with pytest.raises(ValueError, match="purpose"):
        seal("bad:purpose", value)
    with rotated_secret_key(keep_old=True):
        assert unseal("hello.endpoint_secret", token) == value
    with rotated_secret_key(keep_old=False):
        assert unseal("hello.endpoint_secret", token) is None


async def test_record_audit_writes_a_plugin_entry_in_the_transaction_of_the_change(client):
    from coulisses.db.connection import transaction

    owner = await signup_session(client)

    await host.record_audit(
        owner.org_id,
        "hello",
        "greeting_corrected",
        actor_account_id=owner.account_id,
        target="greeting:7",
        payload={"before": {"text": "bonjour"}, "after": {"text": "bonsoir"}},
    )

    async def failed_change() -> None:
        async with transaction():
            await host.record_audit(owner.org_id, "hello", "rolled_back", actor_account_id=None)
            raise RuntimeError("the change fails: its entry goes with it")

    with pytest.raises(RuntimeError, match="the change fails"):
        await failed_change()
    for plugin, action in (("hello", "mission.updated "), ("Hello", "x"), ("hello", "")):
        with pytest.raises(ValueError, match="invalid"):
            await host.record_audit(owner.org_id, plugin, action, actor_account_id=None)

    log = await owner.get("/api/v1/audit", params={"action": "hello."})
    assert log.status_code == 200, log.text
    [entry] = log.json()["items"]
    assert (entry["action"], entry["target"], entry["actor"]["id"]) == (
        "hello.greeting_corrected",
        "greeting:7",
        owner.account_id,
    )
    assert entry["payload"] == {"before": {"text": "bonjour"}, "after": {"text": "bonsoir"}}
