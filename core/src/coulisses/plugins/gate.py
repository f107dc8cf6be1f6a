"""The one gate of plugin routes: 404 for orgs that have not enabled the plugin.

A route a plugin marks public (``coulisses_sdk.web.public_route_opt``: signed
links, webhooks) has no session, hence no org here: it authenticates the
request and checks the org's enablement itself.
"""

from __future__ import annotations

from typing import Any

from litestar import Router
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from coulisses.auth.rbac import KeyPrincipal, principal_of, refuse_key
from coulisses.errors import NotFound
from coulisses.plugins.loader import PluginRegistry
from coulisses.plugins.service import is_enabled
from coulisses_sdk.web import PLUGIN_OPT_KEY, PUBLIC_OPT_KEY


async def plugin_gate(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """App-level guard: a no-op unless the route belongs to a plugin (its Router's ``opt``)."""
    plugin = handler.opt.get(PLUGIN_OPT_KEY)
    if plugin is None or handler.opt.get(PUBLIC_OPT_KEY):
        return
    principal = principal_of(connection)
    if not await is_enabled(principal.org_id, plugin):
        raise NotFound()
    if isinstance(principal, KeyPrincipal):
        # A plugin's routes are one area for API keys: reads need plugins:read, any
        # other method plugins:write (the plugin's own role guards apply on top).
        safe = connection.scope.get("method") in ("GET", "HEAD", "OPTIONS")
        scope = "plugins:read" if safe else "plugins:write"
        if scope not in principal.scopes:
            await refuse_key(
                connection,
                principal,
                "plugins.read" if safe else "plugins.manage",
                f"This API key lacks the scope {scope}",
            )


def plugin_routers(registry: PluginRegistry) -> list[Router]:
    return [
        Router(
            path=f"/api/v1/{name}",
            route_handlers=handlers,
            opt={PLUGIN_OPT_KEY: name},
            tags=[f"plugin:{name}"],
        )
        for name, handlers in registry.routes.items()
        if handlers
    ]
