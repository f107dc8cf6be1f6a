"""Roles x actions: the one RBAC matrix (documented in docs/rbac.md) and its Litestar guards.

API keys (docs/api.md, "Cles d'API") are mapped onto the same matrix here and
nowhere else: a key acts as a :class:`KeyPrincipal` with the role ``admin`` at most,
and each action additionally needs the key scope :data:`ACTION_SCOPES` names for it
(``missions:read`` for ``missions.read``...). An action missing from that table is
never allowed to a key (managing members' owners, API keys themselves, answering
"my" assignments).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from coulisses.apikeys.refusals import audit_refusal
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
    "api_keys.manage": "admin",
    "projects.read": "tech",
    "projects.manage": "manager",
    "places.read": "tech",
    "places.manage": "manager",
    "missions.read": "tech",
    "missions.manage": "manager",
    "assignments.read": "tech",
    "assignments.manage": "manager",
    "assignments.answer_own": "tech",
    "invitations.read": "tech",
    "invitations.manage": "manager",
    "availability.read": "tech",
    "availability.request_own": "tech",
    "availability.approve": "manager",
    "absence_types.read": "tech",
    "absence_types.manage": "manager",
    #: swaps and handovers of one's own ACCEPTED assignments (an API key never)
    "swaps.own": "tech",
    "swaps.approve": "manager",
    #: ask people for their availability; read everyone's answers
    "availability_requests.manage": "manager",
    "conflicts.read": "manager",
    "conflict_rules.manage": "admin",
    "rates.read": "manager",
    "rates.manage": "admin",
    "planning.read": "tech",
    "events.read": "tech",
    #: the caller's own ICS feed (an API key never: a key is nobody's person)
    "calendar_feeds.own": "tech",
    #: ICS feeds of projects and places
    "calendar_feeds.manage": "manager",
    "dev.outbox.read": "admin",
    #: colleagues' contact data, notes, legal ids, documents, absence notes, decline
    #: reasons and rate profiles; without it they read as null (coulisses.privacy).
    "private_data.read": "manager",
    #: GDPR (docs/rgpd.md): a person's data as a zip; one's own; erasure; retention
    "personal_data.export": "manager",
    "personal_data.export_own": "tech",
    "personal_data.erase": "admin",
    "retention.manage": "admin",
}


#: The role an API key acts with: never more (no owner-only action, ever).
KEY_ROLE = "admin"

#: Areas of the API key scopes, and whether each has a ``:write`` scope.
SCOPE_AREAS: dict[str, bool] = {
    "projects": True,
    "places": True,
    "missions": True,
    "assignments": True,
    "invitations": True,
    "users": True,
    "availability": True,
    "rates": True,
    "planning": False,
    "members": True,
    "plugins": True,
    "audit": False,
}

#: Every API key scope, sorted (the closed list of docs/api.md and OpenAPI).
SCOPES: tuple[str, ...] = tuple(
    sorted(
        [f"{area}:read" for area in SCOPE_AREAS]
        + [f"{area}:write" for area, writable in SCOPE_AREAS.items() if writable]
    )
)

#: action -> the scope a key needs for it; None: any valid key. An action absent from
#: this table is never allowed to a key.
ACTION_SCOPES: dict[str, str | None] = {
    "org.read": None,
    "members.read": "members:read",
    "members.manage": "members:write",
    "plugins.read": "plugins:read",
    "plugins.manage": "plugins:write",
    "users.read": "users:read",
    "users.manage": "users:write",
    "audit.read": "audit:read",
    "projects.read": "projects:read",
    "projects.manage": "projects:write",
    "places.read": "places:read",
    "places.manage": "places:write",
    "missions.read": "missions:read",
    "missions.manage": "missions:write",
    "assignments.read": "assignments:read",
    "assignments.manage": "assignments:write",
    "invitations.read": "invitations:read",
    "invitations.manage": "invitations:write",
    "availability.read": "availability:read",
    "availability.approve": "availability:write",
    "absence_types.read": "availability:read",
    "absence_types.manage": "availability:write",
    "swaps.approve": "assignments:write",
    "availability_requests.manage": "availability:write",
    "conflicts.read": "assignments:read",
    "rates.read": "rates:read",
    "rates.manage": "rates:write",
    "planning.read": "planning:read",
    "events.read": "planning:read",
    "private_data.read": "users:read",
}


@dataclass(frozen=True)
class KeyPrincipal(Principal):
    """The caller of a request authenticated by an org API key.

    ``account_id`` is the key's own account (inactive, member of no org): the key acts
    as a principal of its own, never as the person who created it.
    """

    api_key_id: int = 0
    scopes: frozenset[str] = field(default_factory=frozenset)


def key_scope_refusal(principal: Principal, action: str) -> str | None:
    """Why a key may not perform ``action`` (a sentence), or None when it may (or the
    principal is not a key)."""
    if not isinstance(principal, KeyPrincipal):
        return None
    if action not in ACTION_SCOPES:
        return f"An API key cannot perform {action}"
    scope = ACTION_SCOPES[action]
    if scope is not None and scope not in principal.scopes:
        return f"This API key lacks the scope {scope}"
    return None


def can(principal: Principal, action: str) -> bool:
    minimum = ACTIONS[action]
    if ROLE_RANK.get(principal.role, -1) < ROLE_RANK[minimum]:
        return False
    return key_scope_refusal(principal, action) is None


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
        if ROLE_RANK.get(principal.role, -1) < ROLE_RANK[ACTIONS[action]]:
            raise Forbidden("auth.forbidden", f"Your role cannot perform {action}")
        if isinstance(principal, KeyPrincipal):
            refusal = key_scope_refusal(principal, action)
            if refusal is not None:
                await refuse_key(connection, principal, action, refusal)

    guard.__name__ = f"requires_{action.replace('.', '_')}"
    return guard


async def refuse_key(
    connection: ASGIConnection[Any, Any, Any, Any], principal: KeyPrincipal, action: str, why: str
) -> None:
    """Audit an API key's refused use and raise its 403 (``api_key.insufficient_scope``
    when a scope would allow it, ``api_key.forbidden`` when no key ever may)."""
    request = {
        "method": connection.scope.get("method"),
        "path": connection.scope.get("path"),
        "action": action,
    }
    if action in ACTION_SCOPES:
        await audit_refusal(
            principal.org_id, principal.api_key_id, "api_key.insufficient_scope", **request
        )
        raise Forbidden("api_key.insufficient_scope", why)
    await audit_refusal(principal.org_id, principal.api_key_id, "api_key.forbidden", **request)
    raise Forbidden("api_key.forbidden", why)


async def authenticated(
    connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
) -> None:
    principal_of(connection)
