"""/api/v1/orgs/current/api-keys: owners and admins create, list and revoke org API keys."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, delete, get, post
from litestar.params import Body, FromPath

from coulisses.apikeys import service
from coulisses.apikeys.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyOut, ApiKeyPage
from coulisses.auth.rbac import principal_of, requires
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


class ApiKeyController(Controller):
    path = "/api/v1/orgs/current/api-keys"
    tags = ["api-keys"]
    guards = [requires("api_keys.manage")]

    @get(
        "/",
        operation_id="ListApiKeys",
        dependencies={"listing": service.KEYS.dependency()},
    )
    async def list_keys(self, request: Request[Any, Any, Any], listing: ListParams) -> ApiKeyPage:
        rows, total = await service.list_keys(principal_of(request).org_id, listing)
        return listing.page_of(ApiKeyPage, [ApiKeyOut(**r) for r in rows], total)

    @post("/", operation_id="CreateApiKey", responses=errors(422))
    async def create_key(
        self, request: Request[Any, Any, Any], data: Annotated[ApiKeyCreate, Body()]
    ) -> ApiKeyCreated:
        row, key = await service.create_key(
            principal_of(request), data.name, data.scopes, data.expires_at
        )
        return ApiKeyCreated(**row, key=key)

    @get("/{key_id:int}", operation_id="GetApiKey", responses=errors(404))
    async def get_key(self, request: Request[Any, Any, Any], key_id: FromPath[int]) -> ApiKeyOut:
        return ApiKeyOut(**await service.get_key(principal_of(request).org_id, key_id))

    @delete("/{key_id:int}", operation_id="RevokeApiKey", responses=errors(404))
    async def revoke_key(self, request: Request[Any, Any, Any], key_id: FromPath[int]) -> None:
        await service.revoke_key(principal_of(request), key_id)
