"""Projects: api."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath, FromQuery

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.common import ProjectStatus
from coulisses.scheduling.missions import service as missions
from coulisses.scheduling.missions.api import _mission
from coulisses.scheduling.missions.schemas import (
    FESTIVAL_EXAMPLE,
    BulkMissionsCreate,
    BulkMissionsOut,
)
from coulisses.scheduling.projects import service as projects
from coulisses.scheduling.projects.schemas import (
    ProjectCreate,
    ProjectOut,
    ProjectPage,
    ProjectUpdate,
)
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


def _project(row: dict[str, Any]) -> ProjectOut:
    return msgspec.convert(row, ProjectOut)


class ProjectController(Controller):
    path = "/api/v1/projects"
    tags = ["projects"]

    @get(
        "/",
        operation_id="ListProjects",
        guards=[requires("projects.read")],
        dependencies={"listing": projects.PROJECTS.dependency()},
    )
    async def list_projects(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        status: FromQuery[ProjectStatus | None] = None,
    ) -> ProjectPage:
        rows, total = await projects.list_projects(principal_of(request).org_id, listing, status)
        return listing.page_of(ProjectPage, [_project(r) for r in rows], total)

    @post(
        "/",
        operation_id="CreateProject",
        responses=errors(404),
        guards=[requires("projects.manage")],
    )
    async def create_project(
        self, request: Request[Any, Any, Any], data: Annotated[ProjectCreate, Body()]
    ) -> ProjectOut:
        return _project(await projects.create_project(principal_of(request), data))

    @get("/{project_id:int}", operation_id="GetProject", guards=[requires("projects.read")])
    async def get_project(
        self, request: Request[Any, Any, Any], project_id: FromPath[int]
    ) -> ProjectOut:
        return _project(await projects.get_project(principal_of(request).org_id, project_id))

    @patch(
        "/{project_id:int}",
        operation_id="UpdateProject",
        responses=errors(409),
        guards=[requires("projects.manage")],
    )
    async def update_project(
        self,
        request: Request[Any, Any, Any],
        project_id: FromPath[int],
        data: Annotated[ProjectUpdate, Body()],
    ) -> ProjectOut:
        return _project(await projects.update_project(principal_of(request), project_id, data))

    @post(
        "/{project_id:int}/archive",
        operation_id="ArchiveProject",
        responses=errors(409),
        guards=[requires("projects.manage")],
        status_code=200,
    )
    async def archive_project(
        self, request: Request[Any, Any, Any], project_id: FromPath[int]
    ) -> ProjectOut:
        return _project(await projects.archive_project(principal_of(request), project_id))

    @delete(
        "/{project_id:int}",
        operation_id="DeleteProject",
        responses=errors(409),
        guards=[requires("projects.manage")],
    )
    async def delete_project(
        self, request: Request[Any, Any, Any], project_id: FromPath[int]
    ) -> None:
        await projects.delete_project(principal_of(request), project_id)

    @post(
        "/{project_id:int}/missions:bulk_create",
        operation_id="BulkCreateMissions",
        responses=errors(409),
        guards=[requires("missions.manage")],
    )
    async def bulk_create(
        self,
        request: Request[Any, Any, Any],
        project_id: FromPath[int],
        data: Annotated[BulkMissionsCreate, Body(examples=[FESTIVAL_EXAMPLE])],
    ) -> BulkMissionsOut:
        rows = await missions.bulk_create(principal_of(request), project_id, data)
        return BulkMissionsOut(created=len(rows), items=[_mission(r) for r in rows])
