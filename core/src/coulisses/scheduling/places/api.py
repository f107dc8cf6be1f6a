"""Places: api."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath, QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.places import service as places
from coulisses.scheduling.places.schemas import PlaceCreate, PlaceOut, PlacePage, PlaceUpdate
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


def _place(row: dict[str, Any]) -> PlaceOut:
    return msgspec.convert(row, PlaceOut)


class PlaceController(Controller):
    path = "/api/v1/places"
    tags = ["places"]

    @get(
        "/",
        operation_id="ListPlaces",
        guards=[requires("places.read")],
        dependencies={"listing": places.PLACES.dependency()},
    )
    async def list_places(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        text: Annotated[
            str | None,
            QueryParameter(
                name="q",
                description="only the places whose name or address contains this text",
                max_length=200,
            ),
        ] = None,
    ) -> PlacePage:
        rows, total = await places.list_places(principal_of(request).org_id, listing, text)
        return listing.page_of(PlacePage, [_place(r) for r in rows], total)

    @post(
        "/",
        operation_id="CreatePlace",
        responses=errors(409),
        guards=[requires("places.manage")],
    )
    async def create_place(
        self, request: Request[Any, Any, Any], data: Annotated[PlaceCreate, Body()]
    ) -> PlaceOut:
        return _place(await places.create_place(principal_of(request), data))

    @get("/{place_id:int}", operation_id="GetPlace", guards=[requires("places.read")])
    async def get_place(self, request: Request[Any, Any, Any], place_id: FromPath[int]) -> PlaceOut:
        return _place(await places.get_place(principal_of(request).org_id, place_id))

    @patch(
        "/{place_id:int}",
        operation_id="UpdatePlace",
        responses=errors(409),
        guards=[requires("places.manage")],
    )
    async def update_place(
        self,
        request: Request[Any, Any, Any],
        place_id: FromPath[int],
        data: Annotated[PlaceUpdate, Body()],
    ) -> PlaceOut:
        return _place(await places.update_place(principal_of(request), place_id, data))

    @delete(
        "/{place_id:int}",
        operation_id="DeletePlace",
        responses=errors(409),
        guards=[requires("places.manage")],
    )
    async def delete_place(self, request: Request[Any, Any, Any], place_id: FromPath[int]) -> None:
        """Refused with 409 ``place.in_use`` while missions reference the place."""
        await places.delete_place(principal_of(request), place_id)
