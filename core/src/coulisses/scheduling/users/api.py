"""Users: api."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.openapi.spec import Example
from litestar.params import Body, FromPath, FromQuery, QueryParameter

from coulisses.auth.rbac import can, principal_of, requires
from coulisses.privacy import READ_PRIVATE
from coulisses.scheduling.common import EmploymentType
from coulisses.scheduling.users import service as users
from coulisses.scheduling.users.schemas import UserCreate, UserOut, UserPage, UserUpdate
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


def _user(row: dict[str, Any]) -> UserOut:
    return msgspec.convert(row, UserOut)


class UserController(Controller):
    path = "/api/v1/users"
    tags = ["users"]

    @get(
        "/",
        operation_id="ListUsers",
        responses=errors(422),
        guards=[requires("users.read")],
        dependencies={"listing": users.USERS.dependency()},
    )
    async def list_users(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        q: FromQuery[str | None] = None,
        name: FromQuery[str | None] = None,
        skill: FromQuery[list[str] | None] = None,
        tag: FromQuery[list[str] | None] = None,
        employment_type: FromQuery[EmploymentType | None] = None,
        skill_valid_on: Annotated[
            dt.date | None,
            QueryParameter(
                description="With skill: keep users whose skills are valid that day"
                " (an expired certification does not match)",
                examples=[Example(value="2027-07-14")],
            ),
        ] = None,
    ) -> UserPage:
        principal = principal_of(request)
        rows, total = await users.search_users(
            principal.org_id,
            listing,
            q=q,
            name=name,
            skills=skill,
            tags=tag,
            employment_type=employment_type,
            match_private=can(principal, READ_PRIVATE),
            skill_valid_on=skill_valid_on,
        )
        return listing.page_of(UserPage, [_user(r) for r in rows], total)

    @post("/", operation_id="CreateUser", responses=errors(409), guards=[requires("users.manage")])
    async def create_user(
        self, request: Request[Any, Any, Any], data: Annotated[UserCreate, Body()]
    ) -> UserOut:
        return _user(await users.create_user(principal_of(request), data))

    @get("/{user_id:int}", operation_id="GetUser", guards=[requires("users.read")])
    async def get_user(self, request: Request[Any, Any, Any], user_id: FromPath[int]) -> UserOut:
        return _user(await users.get_user(principal_of(request).org_id, user_id))

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
