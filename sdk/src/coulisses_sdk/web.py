"""What a plugin's route handlers may know about the caller."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException

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
