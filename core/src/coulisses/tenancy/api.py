"""/api/v1/orgs/current and its members."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath

from coulisses.auth.rbac import principal_of, requires
from coulisses.tenancy import service
from coulisses.tenancy.schemas import (
    MemberInvite,
    MemberOut,
    MemberPage,
    MemberUpdate,
    OrgOut,
    OrgUpdate,
)
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


class OrgController(Controller):
    path = "/api/v1/orgs/current"
    tags = ["orgs"]

    @get("/", operation_id="GetCurrentOrg", guards=[requires("org.read")])
    async def get_org(self, request: Request[Any, Any, Any]) -> OrgOut:
        return OrgOut(**asdict(await service.get_org(principal_of(request).org_id)))

    @patch("/", operation_id="UpdateCurrentOrg", guards=[requires("members.manage")])
    async def update_org(
        self, request: Request[Any, Any, Any], data: Annotated[OrgUpdate, Body()]
    ) -> OrgOut:
        org = await service.update_org(
            principal_of(request),
            name=data.name,
            timezone=data.timezone,
            locale=data.locale,
            mfa_required_for_admins=data.mfa_required_for_admins,
            swaps_require_approval=data.swaps_require_approval,
        )
        return OrgOut(**asdict(org))

    @get(
        "/members",
        operation_id="ListMembers",
        guards=[requires("members.read")],
        dependencies={"listing": service.MEMBERS.dependency()},
    )
    async def list_members(
        self, request: Request[Any, Any, Any], listing: ListParams
    ) -> MemberPage:
        rows, total = await service.list_members(principal_of(request).org_id, listing)
        return listing.page_of(MemberPage, [MemberOut(**m) for m in rows], total)

    @post(
        "/members",
        operation_id="InviteMember",
        responses=errors(409),
        guards=[requires("members.manage")],
    )
    async def invite(
        self, request: Request[Any, Any, Any], data: Annotated[MemberInvite, Body()]
    ) -> MemberOut:
        return MemberOut(
            **await service.invite_member(principal_of(request), data.email, data.role)
        )

    @patch(
        "/members/{account_id:int}",
        operation_id="ChangeMemberRole",
        responses=errors(409),
        guards=[requires("members.manage")],
    )
    async def change_role(
        self,
        request: Request[Any, Any, Any],
        account_id: FromPath[int],
        data: Annotated[MemberUpdate, Body()],
    ) -> MemberOut:
        return MemberOut(**await service.change_role(principal_of(request), account_id, data.role))

    @delete(
        "/members/{account_id:int}",
        operation_id="RemoveMember",
        responses=errors(409),
        guards=[requires("members.manage")],
    )
    async def remove(self, request: Request[Any, Any, Any], account_id: FromPath[int]) -> None:
        await service.remove_member(principal_of(request), account_id)
