"""/api/v1/absence-types (an org's kinds of leave) and /api/v1/availability/{id}/overlaps
(what approving an absence would leave uncovered)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath, FromQuery

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.absences import service as absences
from coulisses.scheduling.absences.schemas import (
    AbsenceOverlapsOut,
    AbsenceTypeCreate,
    AbsenceTypeOut,
    AbsenceTypePage,
    AbsenceTypeUpdate,
)
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


class AbsenceTypeController(Controller):
    """Everyone reads the types (a tech picks one to request leave); managers change them."""

    path = "/api/v1/absence-types"
    tags = ["absences"]

    @get(
        "/",
        operation_id="ListAbsenceTypes",
        guards=[requires("absence_types.read")],
        dependencies={"listing": absences.TYPES.dependency()},
    )
    async def list_types(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        active: FromQuery[bool | None] = None,
    ) -> AbsenceTypePage:
        rows, total = await absences.list_types(
            principal_of(request).org_id, listing, active=active
        )
        return listing.page_of(AbsenceTypePage, [absences.type_out(r) for r in rows], total)

    @post(
        "/",
        operation_id="CreateAbsenceType",
        responses=errors(409, 422),
        guards=[requires("absence_types.manage")],
    )
    async def create_type(
        self, request: Request[Any, Any, Any], data: Annotated[AbsenceTypeCreate, Body()]
    ) -> AbsenceTypeOut:
        return absences.type_out(await absences.create_type(principal_of(request), data))

    @get(
        "/{absence_type_id:int}",
        operation_id="GetAbsenceType",
        guards=[requires("absence_types.read")],
    )
    async def get_type(
        self, request: Request[Any, Any, Any], absence_type_id: FromPath[int]
    ) -> AbsenceTypeOut:
        return absences.type_out(
            await absences.get_type(principal_of(request).org_id, absence_type_id)
        )

    @patch(
        "/{absence_type_id:int}",
        operation_id="UpdateAbsenceType",
        responses=errors(422),
        guards=[requires("absence_types.manage")],
    )
    async def update_type(
        self,
        request: Request[Any, Any, Any],
        absence_type_id: FromPath[int],
        data: Annotated[AbsenceTypeUpdate, Body()],
    ) -> AbsenceTypeOut:
        """``active: false`` deactivates a type: gone from new requests, kept on past ones."""
        return absences.type_out(
            await absences.update_type(principal_of(request), absence_type_id, data)
        )

    @delete(
        "/{absence_type_id:int}",
        operation_id="DeleteAbsenceType",
        responses=errors(409),
        guards=[requires("absence_types.manage")],
    )
    async def delete_type(
        self, request: Request[Any, Any, Any], absence_type_id: FromPath[int]
    ) -> None:
        """Only an unused type: one that windows carry answers 409 ``absence_type.in_use``."""
        await absences.delete_type(principal_of(request), absence_type_id)


class AbsenceOverlapController(Controller):
    path = "/api/v1/availability"
    tags = ["availability"]

    @get(
        "/{window_id:int}/overlaps",
        operation_id="ListAbsenceOverlaps",
        guards=[requires("availability.approve")],
    )
    async def overlaps(
        self, request: Request[Any, Any, Any], window_id: FromPath[int]
    ) -> AbsenceOverlapsOut:
        """The ACCEPTED assignments of the window's user that its occurrences meet, each
        with ranked replacements: what a manager reads before approving an absence
        (approving cancels nothing)."""
        return await absences.overlaps(principal_of(request).org_id, window_id)
