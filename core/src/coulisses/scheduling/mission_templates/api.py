"""Mission templates: api."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath, QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.mission_templates import service as templates
from coulisses.scheduling.mission_templates.schemas import (
    APPLY_EXAMPLE,
    STAGE_DAY_EXAMPLE,
    MissionTemplateApplied,
    MissionTemplateApply,
    MissionTemplateCreate,
    MissionTemplateOut,
    MissionTemplatePage,
    MissionTemplateUpdate,
    MissionTemplateVersionOut,
    MissionTemplateVersionPage,
)
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


def _template(row: dict[str, Any]) -> MissionTemplateOut:
    return msgspec.convert(row, MissionTemplateOut)


class MissionTemplateController(Controller):
    """Managers' saved patterns of missions (every route needs ``missions.manage``)."""

    path = "/api/v1/mission-templates"
    tags = ["mission-templates"]
    guards = [requires("missions.manage")]

    @get(
        "/",
        operation_id="ListMissionTemplates",
        dependencies={"listing": templates.TEMPLATES.dependency()},
    )
    async def list_templates(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        text: Annotated[
            str | None,
            QueryParameter(
                name="q", description="only the templates whose name contains this text",
                max_length=200,
            ),
        ] = None,
    ) -> MissionTemplatePage:  # fmt: skip
        rows, total = await templates.list_templates(principal_of(request).org_id, listing, text)
        return listing.page_of(MissionTemplatePage, [_template(r) for r in rows], total)

    @post("/", operation_id="CreateMissionTemplate", responses=errors(409))
    async def create_template(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[MissionTemplateCreate, Body(examples=[STAGE_DAY_EXAMPLE])],
    ) -> MissionTemplateOut:
        return _template(await templates.create_template(principal_of(request), data))

    @get("/{template_id:int}", operation_id="GetMissionTemplate")
    async def get_template(
        self, request: Request[Any, Any, Any], template_id: FromPath[int]
    ) -> MissionTemplateOut:
        return _template(await templates.get_template(principal_of(request).org_id, template_id))

    @patch("/{template_id:int}", operation_id="UpdateMissionTemplate", responses=errors(409))
    async def update_template(
        self,
        request: Request[Any, Any, Any],
        template_id: FromPath[int],
        data: Annotated[MissionTemplateUpdate, Body()],
    ) -> MissionTemplateOut:
        """Any change makes a new version; the previous ones stay under ``/versions``."""
        return _template(await templates.update_template(principal_of(request), template_id, data))

    @delete("/{template_id:int}", operation_id="DeleteMissionTemplate")
    async def delete_template(
        self, request: Request[Any, Any, Any], template_id: FromPath[int]
    ) -> None:
        """Archives the template: gone from every route, its name free again; the missions
        made from it keep their reference."""
        await templates.archive_template(principal_of(request), template_id)

    @get(
        "/{template_id:int}/versions",
        operation_id="ListMissionTemplateVersions",
        dependencies={"listing": templates.VERSIONS.dependency()},
    )
    async def list_versions(
        self, request: Request[Any, Any, Any], template_id: FromPath[int], listing: ListParams
    ) -> MissionTemplateVersionPage:
        rows, total = await templates.list_versions(
            principal_of(request).org_id, template_id, listing
        )
        items = [msgspec.convert(r, MissionTemplateVersionOut) for r in rows]
        return listing.page_of(MissionTemplateVersionPage, items, total)

    @post(
        "/{template_id:int}/apply",
        operation_id="ApplyMissionTemplate",
        responses=errors(409),
    )
    async def apply_template(
        self,
        request: Request[Any, Any, Any],
        template_id: FromPath[int],
        data: Annotated[MissionTemplateApply, Body(examples=[APPLY_EXAMPLE])],
    ) -> MissionTemplateApplied:
        """Every mission of the template over the days and places, or none (one bulk
        creation per place, in one transaction)."""
        version, ids = await templates.apply_template(principal_of(request), template_id, data)
        return MissionTemplateApplied(
            template_id=template_id, version=version, created=len(ids), mission_ids=ids
        )
