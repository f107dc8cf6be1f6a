"""GET /api/v1/auth/me lists the actions of the caller's role in the active org, and
they are exactly what the route guards let through."""

from __future__ import annotations

from typing import Any

import pytest

from coulisses.auth.rbac import ACTIONS, ROLE_RANK, actions_for
from coulisses.errors import Forbidden
from coulisses_sdk import Principal
from tests.helpers import signup
from tests.integration.plugins.support import member_session


async def test_me_lists_each_roles_actions(client, new_client):
    owner = await signup(client)
    sessions = {"owner": owner}
    for role in ("admin", "manager", "tech"):
        sessions[role] = await member_session(owner, new_client, f"{role}.me@example.org", role)
    for role, session in sessions.items():
        me = (await session.get("/api/v1/auth/me")).json()
        assert me["role"] == role
        assert me["actions"] == actions_for(role), role
    tech = set(actions_for("tech"))
    assert {"planning.read", "assignments.answer_own", "availability.request_own"} <= tech
    assert not {"missions.manage", "assignments.manage", "conflicts.read", "audit.read"} & tech


async def test_the_actions_are_documented_as_a_closed_list(app):
    spec = app.openapi_schema.to_schema()
    actions = spec["components"]["schemas"]["MeOut"]["properties"]["actions"]
    assert actions["items"]["enum"] == sorted(ACTIONS)
    assert "actions" in spec["components"]["schemas"]["MeOut"]["required"]


class _Connection:
    def __init__(self, principal: Principal) -> None:
        self.scope: dict[str, Any] = {"user": principal}


@pytest.mark.parametrize("role", list(ROLE_RANK))
async def test_every_guarded_route_lets_through_exactly_the_listed_actions(app, role):
    principal = Principal(account_id=1, email="x@example.org", org_id=1, role=role)
    allowed = set(actions_for(role))
    by_guard = {f"requires_{a.replace('.', '_')}": a for a in ACTIONS}
    checked = set()
    for route in app.routes:
        for handler in getattr(route, "route_handlers", []):
            for guard in handler.resolve_guards():
                action = by_guard.get(getattr(guard, "__name__", ""))
                if action is None:
                    continue
                try:
                    await guard(_Connection(principal), handler)
                    passed = True
                except Forbidden:
                    passed = False
                assert passed == (action in allowed), (route.path, action, role)
                checked.add(action)
    # Every action of the table guards a route, but those a service reads (the privacy
    # step, the owner-only role changes) and audit.read (its route comes with the audit API).
    assert set(ACTIONS) - checked <= {"private_data.read", "owners.manage", "audit.read"}
