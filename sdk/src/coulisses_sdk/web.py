"""What a plugin's route handlers may know about the caller."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler

from coulisses_sdk.frontend import ROLES

#: Key of a plugin Router's ``opt`` naming the plugin it belongs to.
PLUGIN_OPT_KEY = "coulisses_plugin"
#: Key of a route handler's ``opt`` marking it public (see :func:`public_route_opt`).
PUBLIC_OPT_KEY = "coulisses_public"


def public_route_opt() -> dict[str, Any]:
    """``opt`` of a plugin route that needs no session (signed links, webhooks).

    Such a route is reachable by anyone, whatever org: it must authenticate the
    request itself (a signature, a shared secret), then check that the org it
    concerns enabled the plugin (:func:`coulisses_sdk.host.is_enabled`). It is
    exempt from the CSRF check, so it must not rely on session cookies. Example::

        @get("/unsubscribe", opt=public_route_opt(), operation_id="SmsUnsubscribe")
        async def unsubscribe(token: str) -> str: ...
    """
    return {PUBLIC_OPT_KEY: True, "csrf_exempt": True}


@dataclass(frozen=True)
class Principal:
    """The authenticated caller, in the org that is active for this request."""

    account_id: int
    email: str
    org_id: int
    role: str
    is_superuser: bool = False


def current_principal(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    """The caller of a plugin route (routes of plugins always require a session)."""
    user = connection.scope.get("user")
    if not isinstance(user, Principal):
        raise NotAuthorizedException("Authentication required")
    return user


_RANK = {role: rank for rank, role in enumerate(ROLES)}


def require_role(min_role: str) -> Callable[[ASGIConnection[Any, Any, Any, Any], Any], None]:
    """A Litestar guard: the caller's org role must reach ``min_role``
    (``tech`` < ``manager`` < ``admin`` < ``owner``), else 403 ``auth.forbidden``.

    ::

        @get("/meals", guards=[require_role("manager")], operation_id="CateringMeals")
        async def meals(request: Request) -> MealPage: ...

    Put it on a handler, a controller or a router, as any guard.
    """
    if min_role not in _RANK:
        raise ValueError(f"unknown role {min_role!r} (known: {ROLES})")
    needed = _RANK[min_role]

    def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        if _RANK.get(current_principal(connection).role, -1) < needed:
            raise PermissionDeniedException(f"Requires the {min_role} role or above")

    guard.__name__ = f"require_{min_role}"
    return guard


class PluginError(Exception):
    """An error a plugin route answers in the platform's error shape.

    ``code`` is the plugin's own stable code; the host answers
    ``{"error": {"code": "<plugin>.<code>", "message": ..., "details": ...}}`` with
    ``status`` (a 4xx). Document each code with the plugin. ::

        raise PluginError("meal_full", "No meal left for this mission", status=409,
                          details={"mission_id": mission_id})
    """

    def __init__(self, code: str, message: str, *, status: int = 400, details: Any = None) -> None:
        if not code or not all(part.isidentifier() for part in code.split(".")):
            raise ValueError(f"invalid error code {code!r}: letters, digits, _ and dots")
        if not 400 <= status < 500:
            raise ValueError(f"a plugin error is a client error (4xx), not {status}")
        super().__init__(message)
        self.code = code
        self.message = message
        self.status_code = status
        self.details = details
