"""/api/v1/rates: rate profiles and the resolution of the one that applies."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath, FromQuery

from coulisses.auth.rbac import principal_of, requires
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
from coulisses_sdk import ListParams


def _rate(rate: rates.Rate | dict[str, Any]) -> RateOut:
    row = rate.as_dict() if isinstance(rate, rates.Rate) else rate
    return msgspec.convert(row, RateOut)


class RateController(Controller):
    path = "/api/v1/rates"
    tags = ["rates"]

    @get(
        "/",
        operation_id="ListRates",
        responses=errors(404),
        guards=[requires("rates.read")],
        dependencies={"listing": rates.RATES.dependency()},
    )
    async def list_rates(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        user: FromQuery[int | None] = None,
        mission: FromQuery[int | None] = None,
        role: FromQuery[str | None] = None,
        kind: FromQuery[RateKind | None] = None,
    ) -> RatePage:
        found, total = await rates.list_rates(
            principal_of(request).org_id,
            listing,
            user_id=user,
            mission_id=mission,
            role_name=role,
            kind=kind,
        )
        return listing.page_of(RatePage, [_rate(r) for r in found], total)

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
