"""/api/v1/availability: windows, their expanded occurrences, and their approval."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath, FromQuery, QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.availability import service as availability
from coulisses.scheduling.availability.schemas import (
    AvailabilityCreate,
    AvailabilityDecision,
    AvailabilityKind,
    AvailabilityOccurrence,
    AvailabilityOccurrencePage,
    AvailabilityOut,
    AvailabilityPage,
    AvailabilityStatus,
    AvailabilityUpdate,
)
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams

_BOUND = (
    "a date (in the org timezone; `to` includes its day) or a date-time with an offset"
    f" (`to` excluded); at most {availability.MAX_QUERY_DAYS} days between from and to"
)


def _window(row: dict[str, Any]) -> AvailabilityOut:
    return msgspec.convert(row, AvailabilityOut)


class AvailabilityController(Controller):
    path = "/api/v1/availability"
    tags = ["availability"]

    @get(
        "/",
        operation_id="ListAvailability",
        responses=errors(404, 422),
        guards=[requires("availability.read")],
        dependencies={"listing": availability.OCCURRENCES.dependency()},
    )
    async def list_occurrences(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        starts_from: Annotated[str, QueryParameter(name="from", description=_BOUND)],
        ends_to: Annotated[str, QueryParameter(name="to", description=_BOUND)],
        user: FromQuery[int | None] = None,
        kind: FromQuery[AvailabilityKind | None] = None,
        status: FromQuery[AvailabilityStatus | None] = None,
    ) -> AvailabilityOccurrencePage:
        """The occurrences of the windows in [from, to), in the org timezone; paged and
        sorted like every list."""
        rows = await availability.list_occurrences(
            principal_of(request).org_id,
            starts_from,
            ends_to,
            user_id=user,
            kind=kind,
            status=status,
        )
        found = [msgspec.convert(r, AvailabilityOccurrence) for r in rows]
        return listing.window(
            AvailabilityOccurrencePage, availability.OCCURRENCES.sort_in_memory(found, listing)
        )

    @get(
        "/windows",
        operation_id="ListAvailabilityWindows",
        responses=errors(404),
        guards=[requires("availability.read")],
        dependencies={"listing": availability.WINDOWS.dependency()},
    )
    async def list_windows(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        user: FromQuery[int | None] = None,
        kind: FromQuery[AvailabilityKind | None] = None,
        status: FromQuery[AvailabilityStatus | None] = None,
    ) -> AvailabilityPage:
        rows, total = await availability.list_windows(
            principal_of(request).org_id,
            listing,
            user_id=user,
            status=status,
            kind=kind,
        )
        return listing.page_of(AvailabilityPage, [_window(r) for r in rows], total)

    @post(
        "/",
        operation_id="CreateAvailability",
        responses=errors(404),
        guards=[requires("availability.request_own")],
    )
    async def create_window(
        self, request: Request[Any, Any, Any], data: Annotated[AvailabilityCreate, Body()]
    ) -> AvailabilityOut:
        return _window(await availability.create_window(principal_of(request), data))

    @get(
        "/{window_id:int}",
        operation_id="GetAvailability",
        guards=[requires("availability.read")],
    )
    async def get_window(
        self, request: Request[Any, Any, Any], window_id: FromPath[int]
    ) -> AvailabilityOut:
        return _window(await availability.get_window(principal_of(request).org_id, window_id))

    @patch(
        "/{window_id:int}",
        operation_id="UpdateAvailability",
        responses=errors(409),
        guards=[requires("availability.request_own")],
    )
    async def update_window(
        self,
        request: Request[Any, Any, Any],
        window_id: FromPath[int],
        data: Annotated[AvailabilityUpdate, Body()],
    ) -> AvailabilityOut:
        return _window(await availability.update_window(principal_of(request), window_id, data))

    @delete(
        "/{window_id:int}",
        operation_id="DeleteAvailability",
        guards=[requires("availability.request_own")],
    )
    async def delete_window(
        self, request: Request[Any, Any, Any], window_id: FromPath[int]
    ) -> None:
        await availability.delete_window(principal_of(request), window_id)

    @post(
        "/{window_id:int}/approve",
        operation_id="ApproveAvailability",
        responses=errors(409),
        guards=[requires("availability.approve")],
        status_code=200,
    )
    async def approve(
        self, request: Request[Any, Any, Any], window_id: FromPath[int]
    ) -> AvailabilityOut:
        return _window(await availability.approve_window(principal_of(request), window_id))

    @post(
        "/{window_id:int}/refuse",
        operation_id="RefuseAvailability",
        responses=errors(409),
        guards=[requires("availability.approve")],
        status_code=200,
    )
    async def refuse(
        self,
        request: Request[Any, Any, Any],
        window_id: FromPath[int],
        data: Annotated[AvailabilityDecision | None, Body()] = None,
    ) -> AvailabilityOut:
        reason = data.reason if data is not None else None
        return _window(await availability.refuse_window(principal_of(request), window_id, reason))
