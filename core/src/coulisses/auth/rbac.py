"""Roles x actions: the one RBAC matrix (documented in docs/rbac.md) and its Litestar guards."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from coulisses.errors import Forbidden, Unauthorized
from coulisses_sdk import Principal

ROLE_RANK = {"tech": 0, "manager": 1, "admin": 2, "owner": 3}

#: action -> lowest role allowed. Every guarded route names one action.
ACTIONS: dict[str, str] = {
    "org.read": "tech",
    "members.read": "tech",
    "members.manage": "admin",
    "owners.manage": "owner",
    "plugins.read": "tech",
    "plugins.manage": "admin",
    "users.read": "tech",
    "users.manage": "manager",
    "audit.read": "admin",
    "projects.read": "tech",
    "projects.manage": "manager",
    "places.read": "tech",
    "places.manage": "manager",
    "missions.read": "tech",
    "missions.manage": "manager",
    "assignments.read": "tech",
    "assignments.manage": "manager",
    "assignments.answer_own": "tech",
    "availability.read": "tech",
    "availability.request_own": "tech",
    "availability.approve": "manager",
    "conflicts.read": "manager",
    "conflict_rules.manage": "admin",
    "rates.read": "manager",
    "rates.manage": "admin",
    "planning.read": "tech",
    "events.read": "tech",
    "dev.outbox.read": "admin",
    #: colleagues' contact data, notes, legal ids, documents, absence notes, decline
    #: reasons and rate profiles; without it they read as null (coulisses.privacy).
    "private_data.read": "manager",
}


def can(principal: Principal, action: str) -> bool:
    minimum = ACTIONS[action]
    return ROLE_RANK.get(principal.role, -1) >= ROLE_RANK[minimum]


def actions_for(role: str | None) -> list[str]:
    """The actions ``role`` may perform, sorted: what ``GET /auth/me`` tells the web app.

    Read from the very table the guards use, so the two never disagree.
    """
    if role not in ROLE_RANK:
        return []
    rank = ROLE_RANK[role]
    return sorted(action for action, minimum in ACTIONS.items() if rank >= ROLE_RANK[minimum])


def principal_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    user = connection.scope.get("user")
    if not isinstance(user, Principal):
        raise Unauthorized("auth.unauthenticated", "Authentication required")
    return user


Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Coroutine[Any, Any, None]]


def requires(action: str) -> Guard:
    """Guard allowing members whose role reaches the action's minimum role."""
    if action not in ACTIONS:
        raise KeyError(f"unknown RBAC action {action}")

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        principal = principal_of(connection)
        if not can(principal, action):
            raise Forbidden("auth.forbidden", f"Your role cannot perform {action}")

    guard.__name__ = f"requires_{action.replace('.', '_')}"
    return guard


async def authenticated(
    connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
) -> None:
    principal_of(connection)
