"""What a plugin's route handlers may know about the caller."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException

#: Key of a plugin Router's ``opt`` naming the plugin it belongs to.
PLUGIN_OPT_KEY = "coulisses_plugin"


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
