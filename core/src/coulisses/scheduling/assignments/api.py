"""Assignments: api."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get, post
from litestar.params import Body, FromPath, FromQuery, QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.assignments import service as assignments
from coulisses.scheduling.assignments.schemas import (
    AssignmentCreate,
    AssignmentInvitedOut,
    AssignmentOut,
    AssignmentPage,
    AssignmentsBulkCreate,
    AssignmentsBulkOut,
)
from coulisses.scheduling.common import AssignmentStatus
from coulisses.scheduling.conflicts import service as conflicts
from coulisses.scheduling.conflicts.schemas import ConflictCheckIn, ConflictCheckOut
from coulisses.scheduling.invitations.schemas import (
    AnswerIn,
)
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


def _assignment(row: dict[str, Any]) -> AssignmentOut:
    return msgspec.convert(row, AssignmentOut)


class AssignmentController(Controller):
    path = "/api/v1/assignments"
    tags = ["assignments"]

    @get(
        "/",
        operation_id="ListAssignments",
        responses=errors(404),
        guards=[requires("assignments.read")],
        dependencies={"listing": assignments.ASSIGNMENTS.dependency()},
    )
    async def list_assignments(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        mission: FromQuery[int | None] = None,
        user: FromQuery[int | None] = None,
        project: FromQuery[int | None] = None,
        status: FromQuery[AssignmentStatus | None] = None,
        mine: Annotated[
            bool, QueryParameter(description="only those of the users linked to my account")
        ] = False,
    ) -> AssignmentPage:
        principal = principal_of(request)
        rows, total = await assignments.list_assignments(
            principal.org_id,
            listing,
            mission_id=mission,
            user_id=user,
            project_id=project,
            status=status,
            account_id=principal.account_id if mine else None,
        )
        return listing.page_of(AssignmentPage, [_assignment(r) for r in rows], total)

    @post(
        "/",
        operation_id="CreateAssignment",
        responses=errors(404, 409),
        guards=[requires("assignments.manage")],
    )
    async def create_assignment(
        self, request: Request[Any, Any, Any], data: Annotated[AssignmentCreate, Body()]
    ) -> AssignmentInvitedOut:
        rows, warnings = await conflicts.invite_with_warnings(
            principal_of(request), [(data.mission_role_id, data.user_id)], reserve=data.reserve
        )
        return msgspec.convert({**rows[0], "warnings": warnings}, AssignmentInvitedOut)

    @post(
        "/bulk_create",
        operation_id="BulkCreateAssignments",
        responses=errors(404, 409),
        guards=[requires("assignments.manage")],
    )
    async def bulk_create(
        self, request: Request[Any, Any, Any], data: Annotated[AssignmentsBulkCreate, Body()]
    ) -> AssignmentsBulkOut:
        pairs = [(r, u) for r in data.mission_role_ids for u in data.user_ids]
        rows, warnings = await conflicts.invite_with_warnings(
            principal_of(request), pairs, reserve=data.reserve
        )
        return AssignmentsBulkOut(
            created=len(rows),
            items=[_assignment(r) for r in rows],
            warnings=warnings,
        )

    @post(
        "/check",
        operation_id="CheckAssignments",
        responses=errors(404, 409, 422),
        guards=[requires("assignments.manage")],
        status_code=200,
    )
    async def check(
        self, request: Request[Any, Any, Any], data: Annotated[ConflictCheckIn, Body()]
    ) -> ConflictCheckOut:
        """Dry run: the conflicts that inviting (``invite``) or moving a mission (``move``)
        would create, with the same kinds and codes as the report. Writes nothing."""
        return ConflictCheckOut(conflicts=await conflicts.check(principal_of(request).org_id, data))

    @get(
        "/{assignment_id:int}", operation_id="GetAssignment", guards=[requires("assignments.read")]
    )
    async def get_assignment(
        self, request: Request[Any, Any, Any], assignment_id: FromPath[int]
    ) -> AssignmentOut:
        return _assignment(
            await assignments.get_assignment(principal_of(request).org_id, assignment_id)
        )

    @post(
        "/{assignment_id:int}/cancel",
        operation_id="CancelAssignment",
        responses=errors(409),
        guards=[requires("assignments.manage")],
        status_code=200,
    )
    async def cancel(
        self, request: Request[Any, Any, Any], assignment_id: FromPath[int]
    ) -> AssignmentOut:
        return _assignment(await assignments.cancel(principal_of(request), assignment_id))

    @post(
        "/{assignment_id:int}/accept",
        operation_id="AcceptMyAssignment",
        responses=errors(409),
        guards=[requires("assignments.answer_own")],
        status_code=200,
    )
    async def accept(
        self, request: Request[Any, Any, Any], assignment_id: FromPath[int]
    ) -> AssignmentOut:
        return _assignment(
            await assignments.answer_own(principal_of(request), assignment_id, accept=True)
        )

    @post(
        "/{assignment_id:int}/decline",
        operation_id="DeclineMyAssignment",
        responses=errors(409),
        guards=[requires("assignments.answer_own")],
        status_code=200,
    )
    async def decline(
        self,
        request: Request[Any, Any, Any],
        assignment_id: FromPath[int],
        data: Annotated[AnswerIn | None, Body()] = None,
    ) -> AssignmentOut:
        reason = data.reason if data else None
        return _assignment(
            await assignments.answer_own(
                principal_of(request), assignment_id, accept=False, reason=reason
            )
        )
