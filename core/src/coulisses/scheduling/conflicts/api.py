"""/api/v1/conflicts: the report, the rules of an org, and the resolve shortcut."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get, post, put
from litestar.params import Body, FromQuery, QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.assignments.schemas import AssignmentInvitedOut
from coulisses.scheduling.conflicts import service as conflicts
from coulisses.scheduling.conflicts.schemas import (
    ConflictReport,
    ConflictResolveIn,
    ConflictRulesIn,
    ConflictRulesOut,
)
from coulisses.web.openapi import errors

_BOUND = (
    "a date (in the org timezone; `to` includes its day) or a date-time with an offset;"
    " at most 62 days between from and to"
)


class ConflictController(Controller):
    path = "/api/v1/conflicts"
    tags = ["conflicts"]

    @get(
        "/",
        operation_id="ListConflicts",
        responses=errors(404, 422),
        guards=[requires("conflicts.read")],
    )
    async def list_conflicts(
        self,
        request: Request[Any, Any, Any],
        window_from: Annotated[str, QueryParameter(name="from", description=_BOUND)],
        window_to: Annotated[str, QueryParameter(name="to", description=_BOUND)],
        user: FromQuery[int | None] = None,
        project: FromQuery[int | None] = None,
    ) -> ConflictReport:
        return await conflicts.report_between(
            principal_of(request).org_id, window_from, window_to, user_id=user, project_id=project
        )

    @get("/rules", operation_id="GetConflictRules", guards=[requires("conflicts.read")])
    async def get_rules(self, request: Request[Any, Any, Any]) -> ConflictRulesOut:
        rules = await conflicts.get_rules(principal_of(request).org_id)
        return msgspec.convert(rules, ConflictRulesOut)

    @put("/rules", operation_id="SetConflictRules", guards=[requires("conflict_rules.manage")])
    async def set_rules(
        self, request: Request[Any, Any, Any], data: Annotated[ConflictRulesIn, Body()]
    ) -> ConflictRulesOut:
        rules = await conflicts.set_rules(principal_of(request), data)
        return msgspec.convert(rules, ConflictRulesOut)

    @post(
        "/resolve",
        operation_id="ResolveConflict",
        responses=errors(404, 409),
        guards=[requires("assignments.manage")],
    )
    async def resolve(
        self, request: Request[Any, Any, Any], data: Annotated[ConflictResolveIn, Body()]
    ) -> AssignmentInvitedOut:
        row, warnings = await conflicts.resolve(
            principal_of(request), data.assignment_id, data.replacement_user_id
        )
        return msgspec.convert({**row, "warnings": warnings}, AssignmentInvitedOut)
