"""/api/v1/orgs/current/plugins (per-tenant enablement and config) and the web app manifest."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from litestar import Controller, Request, get, patch
from litestar.params import Body, FromPath

from coulisses.auth.rbac import principal_of, requires
from coulisses.plugins import service
from coulisses.plugins.schemas import (
    FrontendManifest,
    ManifestMenuEntry,
    PluginOut,
    PluginPage,
    PluginUpdate,
)
from coulisses.web.openapi import errors
from coulisses_sdk import Listing, ListParams

#: Sort keys of the plugins list: installed plugins are few and held in memory (the
#: registry), so they are sorted there.
PLUGINS = Listing(
    sorts={"name": "name", "title": "title", "version": "version", "enabled": "enabled"},
    default="name",
    item=PluginOut,
    key=("name",),
)


class OrgPluginsController(Controller):
    path = "/api/v1/orgs/current/plugins"
    tags = ["plugins"]

    @get(
        "/",
        operation_id="ListOrgPlugins",
        guards=[requires("plugins.read")],
        dependencies={"listing": PLUGINS.dependency()},
    )
    async def list_plugins(
        self, request: Request[Any, Any, Any], listing: ListParams
    ) -> PluginPage:
        states = await service.list_states(principal_of(request).org_id)
        found = [PluginOut(**asdict(s)) for s in states]
        return listing.window(PluginPage, PLUGINS.sort_in_memory(found, listing))

    @get("/{name:str}", operation_id="GetOrgPlugin", guards=[requires("plugins.read")])
    async def get_plugin(self, request: Request[Any, Any, Any], name: FromPath[str]) -> PluginOut:
        return PluginOut(**asdict(await service.get_state(principal_of(request).org_id, name)))

    @patch(
        "/{name:str}",
        operation_id="UpdateOrgPlugin",
        responses=errors(409),
        guards=[requires("plugins.manage")],
    )
    async def update_plugin(
        self,
        request: Request[Any, Any, Any],
        name: FromPath[str],
        data: Annotated[PluginUpdate, Body()],
    ) -> PluginOut:
        principal = principal_of(request)
        state = await service.update(
            principal.org_id,
            principal.account_id,
            name,
            enabled=data.enabled,
            config=data.config,
        )
        return PluginOut(**asdict(state))


@get(
    "/api/v1/orgs/current/manifest",
    operation_id="GetFrontendManifest",
    tags=["plugins"],
    guards=[requires("org.read")],
)
async def get_frontend_manifest(request: Request[Any, Any, Any]) -> FrontendManifest:
    """Menu entries of the org's enabled plugins that the caller's role may see."""
    principal = principal_of(request)
    entries = await service.manifest(principal.org_id, principal.role)
    return FrontendManifest(menu=[ManifestMenuEntry(**asdict(e)) for e in entries])
