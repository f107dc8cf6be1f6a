"""Shared bits of the plugin machinery tests: members of other roles, inline plugins."""

from __future__ import annotations

from typing import Any

from coulisses.db.connection import fetch
from coulisses_sdk import MemberAdded, Plugin, hookimpl
from tests.helpers import PASSWORD, OrgSession

PLUGINS = "/api/v1/orgs/current/plugins"
MEMBERS = "/api/v1/orgs/current/members"


async def member_session(owner: OrgSession, make_client: Any, email: str, role: str) -> OrgSession:
    """Invite ``email`` with ``role`` into the owner's org, set its password, log in as it."""
    from coulisses.auth.tables import hash_password

    response = await owner.post(MEMBERS, json={"email": email, "role": role})
    assert response.status_code == 201, response.text
    await fetch(
        "UPDATE accounts SET password = $2 WHERE username = $1", email, hash_password(PASSWORD)
    )
    client = make_client()
    login = await client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200, login.text
    body = login.json()
    assert body["org_id"] == owner.org_id
    return OrgSession(client, body["org_id"], body["account_id"], email)


async def plugin_rows(org_id: int) -> list[dict[str, Any]]:
    return await fetch(
        "SELECT plugin, enabled, config::text AS config FROM org_plugins WHERE org = $1 "
        "ORDER BY plugin",
        org_id,
    )


class Recorder(Plugin):
    """Records the domain events it receives (sync hookimpls)."""

    name = "recorder"
    title = "Recorder"

    def __init__(self) -> None:
        self.events: list[Any] = []

    @hookimpl
    def member_added(self, event: MemberAdded) -> None:
        self.events.append(event)

    @hookimpl
    def org_created(self, event: Any) -> None:
        self.events.append(event)


class AsyncRecorder(Recorder):
    name = "async-recorder"

    @hookimpl
    async def member_added(self, event: MemberAdded) -> None:
        self.events.append(event)


class BoomSync(Plugin):
    name = "boom-sync"

    @hookimpl
    def member_added(self, event: MemberAdded) -> None:
        raise RuntimeError("boom-sync is broken")


class BoomAsync(Plugin):
    name = "boom-async"

    @hookimpl
    async def member_added(self, event: MemberAdded) -> None:
        raise RuntimeError("boom-async is broken")


class NeedsHello(Plugin):
    """Depends on the hello example plugin."""

    name = "needs-hello"
    depends_on = ("hello",)
