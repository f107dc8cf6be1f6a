"""The SDK test helpers work inside the core suite too, next to its own fixtures."""

from __future__ import annotations

from typing import Any

from litestar import Request, get

from coulisses_sdk import MemberAdded, Plugin, current_principal, hookimpl
from coulisses_sdk.testing import app_client, installed, run_events, run_jobs, signup, unique_email


@get("/whoami", operation_id="InlineWhoami")
async def whoami(request: Request[Any, Any, Any]) -> dict[str, Any]:
    principal = current_principal(request)
    return {"org_id": principal.org_id, "role": principal.role}


class Inline(Plugin):
    name = "inline"

    def __init__(self) -> None:
        self.events: list[MemberAdded] = []

    @hookimpl
    def register_routes(self, register: Any) -> None:
        register(whoami)

    @hookimpl
    def member_added(self, event: MemberAdded) -> None:
        self.events.append(event)


async def test_org_fixture_is_signed_up_and_can_enable_hello(org, enable_plugin):
    me = (await org.get("/api/v1/auth/me")).json()
    assert me["role"] == "owner"
    assert me["orgs"][0]["id"] == org.org_id

    state = await enable_plugin(org, "hello", config={"greeting": "Coucou"})

    assert state["enabled"] is True
    assert state["config"]["greeting"] == "Coucou"
    assert (await org.get("/api/v1/hello/ping")).status_code == 200


async def test_make_org_gives_independent_sessions(make_org):
    first, second = await make_org(), await make_org()

    assert first.org_id != second.org_id
    assert (await first.get("/api/v1/orgs/current")).json()["id"] == first.org_id
    assert (await second.get("/api/v1/orgs/current")).json()["id"] == second.org_id


async def test_installed_inline_plugin_receives_events_of_orgs_that_enabled_it(org):
    inline = Inline()
    with installed(inline):
        await org.enable("inline")
        await org.invite("regie@example.org")
        await run_events()

    assert [(e.org_id, e.email) for e in inline.events] == [(org.org_id, "regie@example.org")]


async def test_app_client_mounts_the_routes_of_an_inline_plugin(coulisses_database):
    async with app_client(Inline()) as client:
        owner = await signup(client)
        assert (await owner.get("/api/v1/inline/whoami")).status_code == 404

        await owner.enable("inline")

        response = await owner.get("/api/v1/inline/whoami")
        assert response.status_code == 200, response.text
        assert response.json() == {"org_id": owner.org_id, "role": "owner"}


async def test_invite_then_run_jobs_sends_the_invitation_email(org, mail_sink):
    email = unique_email()

    await org.invite(email, role="manager")
    await run_jobs()

    [mail] = mail_sink.to(email)
    assert "invitation" in str(mail["Subject"])
