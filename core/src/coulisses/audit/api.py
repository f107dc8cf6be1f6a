"""/api/v1/audit: the org's audit log, for owners and admins."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, get
from litestar.params import QueryParameter

from coulisses.audit import service
from coulisses.audit.schemas import AuditPage
from coulisses.auth.rbac import principal_of, requires
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


class AuditController(Controller):
    path = "/api/v1/audit"
    tags = ["audit"]

    @get(
        "/",
        operation_id="ListAuditEntries",
        responses=errors(404, 422),
        guards=[requires("audit.read")],
        dependencies={"listing": service.ENTRIES.dependency()},
    )
    async def list_entries(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        actor: Annotated[
            int | None,
            QueryParameter(
                description="only what this account did (an account id of the org)",
                ge=1,
                le=2**31 - 1,
            ),
        ] = None,
        action: Annotated[
            str | None,
            QueryParameter(
                description="an action (mission.updated), or a prefix ending with a dot (mission.)",
                min_length=1,
                max_length=100,
            ),
        ] = None,
        target: Annotated[
            str | None,
            QueryParameter(
                description="a target, exactly as entries name it (mission:42)",
                min_length=1,
                max_length=200,
            ),
        ] = None,
        starts_from: Annotated[
            str | None,
            QueryParameter(
                name="from",
                description="entries at or after: an ISO date (from its first minute, org"
                " timezone) or a date-time with an offset",
            ),
        ] = None,
        ends_to: Annotated[
            str | None,
            QueryParameter(
                name="to",
                description="entries before: an ISO date (included: to its last minute, org"
                " timezone) or a date-time with an offset (excluded)",
            ),
        ] = None,
    ) -> AuditPage:
        return await service.list_entries(
            principal_of(request).org_id,
            listing,
            actor=actor,
            action=action,
            target=target,
            starts_from=starts_from,
            ends_to=ends_to,
        )
