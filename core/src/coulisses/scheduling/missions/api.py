"""Missions: api."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath, FromQuery, QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.common import MissionStatus
from coulisses.scheduling.missions import service as missions
from coulisses.scheduling.missions.schemas import (
    BulkMissionsOut,
    MissionBatch,
    MissionBatchOut,
    MissionCreate,
    MissionDuplicate,
    MissionOut,
    MissionPage,
    MissionRoleIn,
    MissionRoleUpdate,
    MissionUpdate,
)
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


def _mission(row: dict[str, Any]) -> MissionOut:
    return msgspec.convert(row, MissionOut)


class MissionController(Controller):
    path = "/api/v1/missions"
    tags = ["missions"]

    @get(
        "/",
        operation_id="ListMissions",
        responses=errors(404, 422),
        guards=[requires("missions.read")],
        dependencies={"listing": missions.MISSIONS.dependency()},
    )
    async def list_missions(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        starts_from: Annotated[
            dt.datetime | None,
            QueryParameter(name="from", description="missions ending after this instant"),
        ] = None,
        ends_to: Annotated[
            dt.datetime | None,
            QueryParameter(name="to", description="missions starting before this instant"),
        ] = None,
        project: FromQuery[int | None] = None,
        status: FromQuery[MissionStatus | None] = None,
        role: FromQuery[str | None] = None,
        place: Annotated[
            str | None,
            QueryParameter(description="only the missions whose place's name contains this text"),
        ] = None,
        place_id: Annotated[
            int | None,
            QueryParameter(description="only the missions of this place", ge=1, le=2**31 - 1),
        ] = None,
    ) -> MissionPage:
        rows, total = await missions.search_missions(
            principal_of(request).org_id,
            listing,
            starts_from=starts_from,
            ends_to=ends_to,
            project_id=project,
            status=status,
            role=role,
            place=place,
            place_id=place_id,
        )
        return listing.page_of(MissionPage, [_mission(r) for r in rows], total)

    @post(
        "/",
        operation_id="CreateMission",
        responses=errors(404, 409),
        guards=[requires("missions.manage")],
    )
    async def create_mission(
        self, request: Request[Any, Any, Any], data: Annotated[MissionCreate, Body()]
    ) -> MissionOut:
        return _mission(await missions.create_mission(principal_of(request), data))

    @get("/{mission_id:int}", operation_id="GetMission", guards=[requires("missions.read")])
    async def get_mission(
        self, request: Request[Any, Any, Any], mission_id: FromPath[int]
    ) -> MissionOut:
        return _mission(await missions.get_mission(principal_of(request).org_id, mission_id))

    @patch(
        "/{mission_id:int}",
        operation_id="UpdateMission",
        responses=errors(409),
        guards=[requires("missions.manage")],
    )
    async def update_mission(
        self,
        request: Request[Any, Any, Any],
        mission_id: FromPath[int],
        data: Annotated[MissionUpdate, Body()],
    ) -> MissionOut:
        return _mission(await missions.update_mission(principal_of(request), mission_id, data))

    @delete(
        "/{mission_id:int}",
        operation_id="DeleteMission",
        responses=errors(409),
        guards=[requires("missions.manage")],
    )
    async def delete_mission(
        self, request: Request[Any, Any, Any], mission_id: FromPath[int]
    ) -> None:
        await missions.delete_mission(principal_of(request), mission_id)

    @post(
        "/{mission_id:int}/duplicate",
        operation_id="DuplicateMission",
        responses=errors(409),
        guards=[requires("missions.manage")],
    )
    async def duplicate(
        self,
        request: Request[Any, Any, Any],
        mission_id: FromPath[int],
        data: Annotated[MissionDuplicate, Body()],
    ) -> BulkMissionsOut:
        rows = await missions.duplicate_mission(principal_of(request), mission_id, data)
        return BulkMissionsOut(created=len(rows), items=[_mission(r) for r in rows])

    @post(
        "/{mission_id:int}/publish",
        operation_id="PublishMission",
        responses=errors(409),
        guards=[requires("missions.manage")],
        status_code=200,
    )
    async def publish(
        self, request: Request[Any, Any, Any], mission_id: FromPath[int]
    ) -> MissionOut:
        return _mission(await missions.set_published(principal_of(request), mission_id, True))

    @post(
        "/{mission_id:int}/unpublish",
        operation_id="UnpublishMission",
        responses=errors(409),
        guards=[requires("missions.manage")],
        status_code=200,
    )
    async def unpublish(
        self, request: Request[Any, Any, Any], mission_id: FromPath[int]
    ) -> MissionOut:
        return _mission(await missions.set_published(principal_of(request), mission_id, False))

    @post(
        "/{mission_id:int}/roles",
        operation_id="AddMissionRole",
        responses=errors(409),
        guards=[requires("missions.manage")],
    )
    async def add_role(
        self,
        request: Request[Any, Any, Any],
        mission_id: FromPath[int],
        data: Annotated[MissionRoleIn, Body()],
    ) -> MissionOut:
        return _mission(await missions.add_role(principal_of(request), mission_id, data))

    @patch(
        "/{mission_id:int}/roles/{role_id:int}",
        operation_id="UpdateMissionRole",
        responses=errors(409),
        guards=[requires("missions.manage")],
    )
    async def update_role(
        self,
        request: Request[Any, Any, Any],
        mission_id: FromPath[int],
        role_id: FromPath[int],
        data: Annotated[MissionRoleUpdate, Body()],
    ) -> MissionOut:
        return _mission(
            await missions.update_role(principal_of(request), mission_id, role_id, data)
        )

    @delete(
        "/{mission_id:int}/roles/{role_id:int}",
        operation_id="DeleteMissionRole",
        responses=errors(409),
        guards=[requires("missions.manage")],
        status_code=200,
    )
    async def delete_role(
        self, request: Request[Any, Any, Any], mission_id: FromPath[int], role_id: FromPath[int]
    ) -> MissionOut:
        return _mission(await missions.delete_role(principal_of(request), mission_id, role_id))


class MissionBatchController(Controller):
    """``missions:batch``, in the style of ``missions:bulk_create`` (a verb, not an id)."""

    path = "/api/v1/missions:batch"
    tags = ["missions"]

    @post(
        "/",
        operation_id="BatchMissions",
        responses=errors(404, 409),
        guards=[requires("missions.manage")],
        status_code=200,
    )
    async def batch(
        self, request: Request[Any, Any, Any], data: Annotated[MissionBatch, Body()]
    ) -> MissionBatchOut:
        """Publish, unpublish or delete many missions at once: all or nothing."""
        changed, rows = await missions.batch(principal_of(request), data)
        return MissionBatchOut(
            action=data.action, changed_ids=changed, items=[_mission(r) for r in rows]
        )
