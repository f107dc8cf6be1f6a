"""/api/v1/orgs/current/plugins (per-tenant enablement and config), the web app manifest
and the plugins' own web assets (``/plugins/<name>/assets/``)."""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Annotated, Any

from litestar import Controller, Request, get, patch
from litestar.datastructures import ETag
from litestar.params import Body, FromPath
from litestar.response import File, Response

from coulisses.auth.rbac import principal_of, requires
from coulisses.errors import NotFound
from coulisses.plugins import assets, service
from coulisses.plugins.loader import get_registry
from coulisses.plugins.schemas import (
    FrontendManifest,
    ManifestMenuEntry,
    ManifestWidget,
    PluginOut,
    PluginPage,
    PluginUpdate,
)
from coulisses.web import spa
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
    """Menu entries and shell widgets of the org's enabled plugins that the caller's role
    may see."""
    principal = principal_of(request)
    entries, widgets = await service.manifest(principal.org_id, principal.role)
    return FrontendManifest(
        menu=[ManifestMenuEntry(**asdict(e)) for e in entries],
        widgets=[ManifestWidget(**asdict(w)) for w in widgets],
    )


#: ``<name>/assets`` or ``<name>/assets/<path>``, below ``/plugins/``.
_ASSET_PATH = re.compile(r"^([^/]+)/assets(?:/(.*))?$")


@get("/plugins/{rest:path}", include_in_schema=False, status_code=200)
async def plugin_asset(
    request: Request[Any, Any, Any], rest: FromPath[str]
) -> File | Response[None]:
    """``/plugins/<name>/assets/<path>``: one file of an enabled plugin's assets, for a
    member of the org (401 without a session; 404 for an org without the plugin, an
    unknown file or a traversal).

    Any other path below ``/plugins/`` is a route of the web app (the generic plugin
    page, a plugin's own page): Litestar does not fall back from this route to the
    app's catch-all, so it answers the app here.
    """
    match = _ASSET_PATH.match(rest.lstrip("/"))
    if match is None:
        root = spa.web_app_root()
        if root is None:
            raise NotFound()
        return spa.web_app_file(root, "/plugins/" + rest.lstrip("/"))
    name, path = match.group(1), match.group(2) or ""
    principal = principal_of(request)
    folder = get_registry().assets.get(name)
    if folder is None or not await service.is_enabled(principal.org_id, name):
        raise NotFound()
    found = assets.asset_file(folder, path)
    if found is None:
        raise NotFound()
    digest = assets.content_hash(found)
    etag = ETag(value=digest)
    cache = assets.IMMUTABLE if request.query_params.get("v") == digest else assets.REVALIDATE
    headers = {"Cache-Control": cache, "X-Content-Type-Options": "nosniff"}
    sent = {t.strip() for t in request.headers.get("if-none-match", "").split(",")}
    if etag.to_header() in sent:
        return Response(None, status_code=304, headers={**headers, "ETag": etag.to_header()})
    return File(
        found,
        media_type=assets.media_type(found),
        content_disposition_type="inline",
        headers=headers,
        etag=etag,
    )
