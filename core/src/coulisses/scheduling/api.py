"""Scheduling routes: one Controller per resource; parse, call a service, serialize."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath, FromQuery, QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling import assignments, conflicts, invitations, missions, projects, users
from coulisses.scheduling.common import page_request
from coulisses.scheduling.schemas import (
    AnswerIn,
    AssignmentCreate,
    AssignmentInvitedOut,
    AssignmentOut,
    AssignmentPage,
    AssignmentsBulkCreate,
    AssignmentsBulkOut,
    AssignmentStatus,
    BulkMissionsCreate,
    BulkMissionsOut,
    EmploymentType,
    InvitationOut,
    MissionBatch,
    MissionBatchOut,
    MissionCreate,
    MissionDuplicate,
    MissionOut,
    MissionPage,
    MissionRoleIn,
    MissionRoleUpdate,
    MissionStatus,
    MissionUpdate,
    ProjectCreate,
    ProjectOut,
    ProjectPage,
    ProjectStatus,
    ProjectUpdate,
    PublicAnswerOut,
    PublicInvitationOut,
    UserCreate,
    UserOut,
    UserPage,
    UserUpdate,
)
from coulisses.web.openapi import RATE_LIMITED, errors

Page = Annotated[int, QueryParameter(description="1-based page number")]
PageSize = Annotated[int, QueryParameter(description="1 to 200 items per page")]


def _user(row: dict[str, Any]) -> UserOut:
    return msgspec.convert(row, UserOut)


def _client_ip(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


def _assignment(row: dict[str, Any]) -> AssignmentOut:
    return msgspec.convert(row, AssignmentOut)


def _project(row: dict[str, Any]) -> ProjectOut:
    return msgspec.convert(row, ProjectOut)


def _mission(row: dict[str, Any]) -> MissionOut:
    return msgspec.convert(row, MissionOut)


class UserController(Controller):
    path = "/api/v1/users"
    tags = ["users"]

    @get("/", operation_id="ListUsers", responses=errors(422), guards=[requires("users.read")])
    async def list_users(
        self,
        request: Request[Any, Any, Any],
        page: Page = 1,
        page_size: PageSize = 50,
        q: FromQuery[str | None] = None,
        name: FromQuery[str | None] = None,
        skill: FromQuery[list[str] | None] = None,
        tag: FromQuery[list[str] | None] = None,
        employment_type: FromQuery[EmploymentType | None] = None,
    ) -> UserPage:
        principal = principal_of(request)
        result = await users.search_users(
            principal.org_id,
            page_request(page, page_size),
            q=q,
            name=name,
            skills=skill,
            tags=tag,
            employment_type=employment_type,
        )
        return UserPage(
            [_user(users.for_viewer(r, principal)) for r in result.items],
            result.page,
            result.page_size,
            result.total,
        )

    @post("/", operation_id="CreateUser", responses=errors(409), guards=[requires("users.manage")])
    async def create_user(
        self, request: Request[Any, Any, Any], data: Annotated[UserCreate, Body()]
    ) -> UserOut:
        return _user(await users.create_user(principal_of(request), data))

    @get("/{user_id:int}", operation_id="GetUser", guards=[requires("users.read")])
    async def get_user(self, request: Request[Any, Any, Any], user_id: FromPath[int]) -> UserOut:
        principal = principal_of(request)
        row = await users.get_user(principal.org_id, user_id)
        return _user(users.for_viewer(row, principal))

    @patch(
        "/{user_id:int}",
        operation_id="UpdateUser",
        responses=errors(409),
        guards=[requires("users.manage")],
    )
    async def update_user(
        self,
        request: Request[Any, Any, Any],
        user_id: FromPath[int],
        data: Annotated[UserUpdate, Body()],
    ) -> UserOut:
        return _user(await users.update_user(principal_of(request), user_id, data))

    @delete(
        "/{user_id:int}",
        operation_id="DeleteUser",
        responses=errors(409),
        guards=[requires("users.manage")],
    )
    async def delete_user(self, request: Request[Any, Any, Any], user_id: FromPath[int]) -> None:
        await users.delete_user(principal_of(request), user_id)


class ProjectController(Controller):
    path = "/api/v1/projects"
    tags = ["projects"]

    @get("/", operation_id="ListProjects", guards=[requires("projects.read")])
    async def list_projects(
        self,
        request: Request[Any, Any, Any],
        page: Page = 1,
        page_size: PageSize = 50,
        status: FromQuery[ProjectStatus | None] = None,
    ) -> ProjectPage:
        result = await projects.list_projects(
            principal_of(request).org_id, page_request(page, page_size), status
        )
        return ProjectPage(
            [_project(r) for r in result.items], result.page, result.page_size, result.total
        )

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
        data: Annotated[BulkMissionsCreate, Body()],
    ) -> BulkMissionsOut:
        rows = await missions.bulk_create(principal_of(request), project_id, data)
        return BulkMissionsOut(created=len(rows), items=[_mission(r) for r in rows])


class MissionController(Controller):
    path = "/api/v1/missions"
    tags = ["missions"]

    @get(
        "/", operation_id="ListMissions", responses=errors(422), guards=[requires("missions.read")]
    )
    async def list_missions(
        self,
        request: Request[Any, Any, Any],
        page: Page = 1,
        page_size: PageSize = 50,
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
        place: FromQuery[str | None] = None,
    ) -> MissionPage:
        result = await missions.search_missions(
            principal_of(request).org_id,
            page_request(page, page_size),
            starts_from=starts_from,
            ends_to=ends_to,
            project_id=project,
            status=status,
            role=role,
            place=place,
        )
        return MissionPage(
            [_mission(r) for r in result.items], result.page, result.page_size, result.total
        )

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


class AssignmentController(Controller):
    path = "/api/v1/assignments"
    tags = ["assignments"]

    @get(
        "/",
        operation_id="ListAssignments",
        responses=errors(404),
        guards=[requires("assignments.read")],
    )
    async def list_assignments(
        self,
        request: Request[Any, Any, Any],
        page: Page = 1,
        page_size: PageSize = 50,
        mission: FromQuery[int | None] = None,
        user: FromQuery[int | None] = None,
        project: FromQuery[int | None] = None,
        status: FromQuery[AssignmentStatus | None] = None,
        mine: Annotated[
            bool, QueryParameter(description="only those of the users linked to my account")
        ] = False,
    ) -> AssignmentPage:
        principal = principal_of(request)
        result = await assignments.list_assignments(
            principal.org_id,
            page_request(page, page_size),
            mission_id=mission,
            user_id=user,
            project_id=project,
            status=status,
            account_id=principal.account_id if mine else None,
        )
        return AssignmentPage(
            [_assignment(r) for r in result.items], result.page, result.page_size, result.total
        )

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
            principal_of(request), [(data.mission_role_id, data.user_id)]
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
        rows, warnings = await conflicts.invite_with_warnings(principal_of(request), pairs)
        return AssignmentsBulkOut(
            created=len(rows),
            items=[_assignment(r) for r in rows],
            warnings=warnings,
        )

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


Token = Annotated[str, QueryParameter(description="the token of the signed link")]


class InvitationController(Controller):
    """Public answers by signed link (no session, no CSRF) and the managers' revoke/resend."""

    path = "/api/v1/invitations"
    tags = ["invitations"]

    @get(
        "/{invitation_id:int}",
        operation_id="GetInvitation",
        guards=[requires("assignments.read")],
    )
    async def get_invitation(
        self, request: Request[Any, Any, Any], invitation_id: FromPath[int]
    ) -> InvitationOut:
        row = await invitations.get_invitation(principal_of(request).org_id, invitation_id)
        return msgspec.convert(row, InvitationOut)

    @get(
        "/{invitation_id:int}/public",
        operation_id="GetPublicInvitation",
        responses=errors(410),
        opt={"csrf_exempt": True, RATE_LIMITED: True},
    )
    async def get_public_invitation(
        self, request: Request[Any, Any, Any], invitation_id: FromPath[int], token: Token
    ) -> PublicInvitationOut:
        row = await invitations.public_view(invitation_id, token, client_ip=_client_ip(request))
        return msgspec.convert(row, PublicInvitationOut)

    @post(
        "/{invitation_id:int}/accept",
        operation_id="AcceptInvitation",
        responses=errors(409, 410),
        opt={"csrf_exempt": True, RATE_LIMITED: True},
        status_code=200,
    )
    async def accept(
        self, request: Request[Any, Any, Any], invitation_id: FromPath[int], token: Token
    ) -> PublicAnswerOut:
        row = await invitations.answer_by_token(
            invitation_id, token, accept=True, client_ip=_client_ip(request)
        )
        return msgspec.convert(row, PublicAnswerOut)

    @post(
        "/{invitation_id:int}/decline",
        operation_id="DeclineInvitation",
        responses=errors(409, 410),
        opt={"csrf_exempt": True, RATE_LIMITED: True},
        status_code=200,
    )
    async def decline(
        self,
        request: Request[Any, Any, Any],
        invitation_id: FromPath[int],
        token: Token,
        data: Annotated[AnswerIn | None, Body()] = None,
    ) -> PublicAnswerOut:
        reason = data.reason if data else None
        row = await invitations.answer_by_token(
            invitation_id, token, accept=False, reason=reason, client_ip=_client_ip(request)
        )
        return msgspec.convert(row, PublicAnswerOut)

    @post(
        "/{invitation_id:int}/revoke",
        operation_id="RevokeInvitation",
        responses=errors(409),
        guards=[requires("assignments.manage")],
        status_code=200,
    )
    async def revoke(
        self, request: Request[Any, Any, Any], invitation_id: FromPath[int]
    ) -> InvitationOut:
        row = await invitations.revoke(principal_of(request), invitation_id)
        return msgspec.convert(row, InvitationOut)

    @post(
        "/{invitation_id:int}/resend",
        operation_id="ResendInvitation",
        responses=errors(409),
        guards=[requires("assignments.manage")],
        status_code=200,
    )
    async def resend(
        self, request: Request[Any, Any, Any], invitation_id: FromPath[int]
    ) -> InvitationOut:
        row = await invitations.resend(principal_of(request), invitation_id)
        return msgspec.convert(row, InvitationOut)


SCHEDULING_CONTROLLERS: list[type[Controller]] = [
    UserController,
    ProjectController,
    MissionController,
    MissionBatchController,
    AssignmentController,
    InvitationController,
]
