"""Scheduling routes: one Controller per resource; parse, call a service, serialize."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath, Parameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling import users
from coulisses.scheduling.common import page_request
from coulisses.scheduling.schemas import (
    EmploymentType,
    UserCreate,
    UserOut,
    UserPage,
    UserUpdate,
)

Page = Annotated[int, Parameter(query="page", ge=1, default=1)]
PageSize = Annotated[int, Parameter(query="page_size", ge=1, le=200, default=50)]


def _user(row: dict[str, Any]) -> UserOut:
    return msgspec.convert(row, UserOut)


class UserController(Controller):
    path = "/api/v1/users"
    tags = ["users"]

    @get("/", operation_id="ListUsers", guards=[requires("users.read")])
    async def list_users(
        self,
        request: Request[Any, Any, Any],
        page: Page,
        page_size: PageSize,
        q: str | None = None,
        name: str | None = None,
        skill: list[str] | None = None,
        tag: list[str] | None = None,
        employment_type: EmploymentType | None = None,
    ) -> UserPage:
        result = await users.search_users(
            principal_of(request).org_id,
            page_request(page, page_size),
            q=q,
            name=name,
            skills=skill,
            tags=tag,
            employment_type=employment_type,
        )
        return UserPage(
            [_user(r) for r in result.items], result.page, result.page_size, result.total
        )

    @post("/", operation_id="CreateUser", guards=[requires("users.manage")])
    async def create_user(
        self, request: Request[Any, Any, Any], data: Annotated[UserCreate, Body()]
    ) -> UserOut:
        return _user(await users.create_user(principal_of(request), data))

    @get("/{user_id:int}", operation_id="GetUser", guards=[requires("users.read")])
    async def get_user(self, request: Request[Any, Any, Any], user_id: FromPath[int]) -> UserOut:
        return _user(await users.get_user(principal_of(request).org_id, user_id))

    @patch("/{user_id:int}", operation_id="UpdateUser", guards=[requires("users.manage")])
    async def update_user(
        self,
        request: Request[Any, Any, Any],
        user_id: FromPath[int],
        data: Annotated[UserUpdate, Body()],
    ) -> UserOut:
        return _user(await users.update_user(principal_of(request), user_id, data))

    @delete("/{user_id:int}", operation_id="DeleteUser", guards=[requires("users.manage")])
    async def delete_user(self, request: Request[Any, Any, Any], user_id: FromPath[int]) -> None:
        await users.delete_user(principal_of(request), user_id)


SCHEDULING_CONTROLLERS: list[type[Controller]] = [UserController]
