"""/api/v1/rates: rate profiles and the resolution of the one that applies."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath, FromQuery, QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.common import page_request
from coulisses.scheduling.rates import service as rates
from coulisses.scheduling.rates.schemas import (
    RateCreate,
    RateKind,
    RateOut,
    RatePage,
    RateResolution,
    RateUpdate,
)
from coulisses.web.openapi import errors

Page = Annotated[int, QueryParameter(description="1-based page number")]
PageSize = Annotated[int, QueryParameter(description="1 to 200 items per page")]


def _rate(rate: rates.Rate | dict[str, Any]) -> RateOut:
    row = rate.as_dict() if isinstance(rate, rates.Rate) else rate
    return msgspec.convert(row, RateOut)


class RateController(Controller):
    path = "/api/v1/rates"
    tags = ["rates"]

    @get("/", operation_id="ListRates", responses=errors(404), guards=[requires("rates.read")])
    async def list_rates(
        self,
        request: Request[Any, Any, Any],
        page: Page = 1,
        page_size: PageSize = 50,
        user: FromQuery[int | None] = None,
        mission: FromQuery[int | None] = None,
        role: FromQuery[str | None] = None,
        kind: FromQuery[RateKind | None] = None,
    ) -> RatePage:
        result = await rates.list_rates(
            principal_of(request).org_id,
            page_request(page, page_size),
            user_id=user,
            mission_id=mission,
            role_name=role,
            kind=kind,
        )
        return RatePage(
            [_rate(r) for r in result.items], result.page, result.page_size, result.total
        )

    @get(
        "/resolve",
        operation_id="ResolveRate",
        responses=errors(404, 422),
        guards=[requires("rates.read")],
    )
    async def resolve(
        self,
        request: Request[Any, Any, Any],
        user: FromQuery[int | None] = None,
        mission: FromQuery[int | None] = None,
        role: FromQuery[str | None] = None,
    ) -> RateResolution:
        rate = await rates.resolve_rate(principal_of(request).org_id, user, mission, role)
        if rate is None:
            return RateResolution(rate=None, source=None)
        return msgspec.convert({"rate": rate.as_dict(), "source": rate.target}, RateResolution)

    @post(
        "/",
        operation_id="CreateRate",
        responses=errors(404, 409),
        guards=[requires("rates.manage")],
    )
    async def create_rate(
        self, request: Request[Any, Any, Any], data: Annotated[RateCreate, Body()]
    ) -> RateOut:
        return _rate(await rates.create_rate(principal_of(request), data))

    @get("/{rate_id:int}", operation_id="GetRate", guards=[requires("rates.read")])
    async def get_rate(self, request: Request[Any, Any, Any], rate_id: FromPath[int]) -> RateOut:
        return _rate(await rates.get_rate(principal_of(request).org_id, rate_id))

    @patch(
        "/{rate_id:int}",
        operation_id="UpdateRate",
        responses=errors(409),
        guards=[requires("rates.manage")],
    )
    async def update_rate(
        self,
        request: Request[Any, Any, Any],
        rate_id: FromPath[int],
        data: Annotated[RateUpdate, Body()],
    ) -> RateOut:
        return _rate(await rates.update_rate(principal_of(request), rate_id, data))

    @delete("/{rate_id:int}", operation_id="DeleteRate", guards=[requires("rates.manage")])
    async def delete_rate(self, request: Request[Any, Any, Any], rate_id: FromPath[int]) -> None:
        await rates.delete_rate(principal_of(request), rate_id)
