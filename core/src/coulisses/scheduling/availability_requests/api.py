"""/api/v1/availability-requests (managers ask people for their availability) and
/api/v1/availability-answers/{recipient_id} (the public answer page, by signed link)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, post, put
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Body, FromPath, QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.availability_requests import service
from coulisses.scheduling.availability_requests.schemas import (
    ANSWERS_EXAMPLE,
    DAY_HEATMAP_EXAMPLE,
    FESTIVAL_EXAMPLE,
    AnswersIn,
    AvailabilityRequestCreate,
    AvailabilityRequestDetailOut,
    AvailabilityRequestPage,
    DayHeatmapOut,
    HeatmapOut,
    PublicRequestOut,
    RemindOut,
    ReopenIn,
)
from coulisses.web.openapi import RATE_LIMITED, errors
from coulisses_sdk import ListParams

Token = Annotated[str, QueryParameter(description="the token of the signed link")]


def _client_ip(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


class AvailabilityRequestController(Controller):
    """Managers' requests: create, read (people x days and heat map), close, reopen,
    remind, delete."""

    path = "/api/v1/availability-requests"
    tags = ["availability requests"]
    guards = [requires("availability_requests.manage")]

    @get(
        "/",
        operation_id="ListAvailabilityRequests",
        dependencies={"listing": service.REQUESTS.dependency()},
    )
    async def list_requests(
        self, request: Request[Any, Any, Any], listing: ListParams
    ) -> AvailabilityRequestPage:
        rows, total = await service.list_requests(principal_of(request).org_id, listing)
        return listing.page_of(AvailabilityRequestPage, rows, total)

    @post("/", operation_id="CreateAvailabilityRequest", responses=errors(404, 422))
    async def create_request(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[AvailabilityRequestCreate, Body(examples=[FESTIVAL_EXAMPLE])],
    ) -> AvailabilityRequestDetailOut:
        """Each person asked gets an email with their own link (sent by the worker)."""
        row = await service.create_request(principal_of(request), data)
        return msgspec.convert(row, AvailabilityRequestDetailOut)

    @get(
        "/heatmap",
        operation_id="GetAvailabilityDayHeatmap",
        responses={
            200: ResponseSpec(
                DayHeatmapOut,
                description="Per day asked about (days nobody was asked about are left"
                " out): people asked, their answers, the requests behind",
                examples=[DAY_HEATMAP_EXAMPLE],
            ),
            **errors(404, 422),
        },
    )
    async def get_day_heatmap(
        self,
        request: Request[Any, Any, Any],
        from_day: Annotated[
            dt.date,
            QueryParameter(
                name="from",
                description="first day (the request's local days), included",
                examples=[Example(value="2027-07-01")],
            ),
        ],
        to_day: Annotated[
            dt.date,
            QueryParameter(
                name="to",
                description="last day, included; 62 days at most from `from`",
                examples=[Example(value="2027-07-31")],
            ),
        ],
        request_id: Annotated[
            int | None,
            QueryParameter(name="request", description="only this request (default: all)"),
        ] = None,
    ) -> DayHeatmapOut:
        """The heat map the planning shows: per day, over the requests that cover it, how
        many people were asked and how many said yes (to at least one slot), only if
        needed, no, or nothing. A person asked twice for a day counts once (their latest
        answer for it). 422 ``validation.invalid_window`` / ``validation.window_too_long``; 404
        ``availability_request.not_found`` for a ``request`` of another org."""
        row = await service.day_heatmap(
            principal_of(request).org_id, from_day, to_day, request_id=request_id
        )
        return msgspec.convert(row, DayHeatmapOut)

    @get("/{availability_request_id:int}", operation_id="GetAvailabilityRequest")
    async def get_request(
        self, request: Request[Any, Any, Any], availability_request_id: FromPath[int]
    ) -> AvailabilityRequestDetailOut:
        row = await service.get_request(principal_of(request).org_id, availability_request_id)
        return msgspec.convert(row, AvailabilityRequestDetailOut)

    @get("/{availability_request_id:int}/heatmap", operation_id="GetAvailabilityHeatmap")
    async def get_heatmap(
        self, request: Request[Any, Any, Any], availability_request_id: FromPath[int]
    ) -> HeatmapOut:
        """Per day and slot: how many said yes, if needed, no, and how many did not answer."""
        row = await service.heatmap(principal_of(request).org_id, availability_request_id)
        return msgspec.convert(row, HeatmapOut)

    @post(
        "/{availability_request_id:int}/close",
        operation_id="CloseAvailabilityRequest",
        status_code=200,
    )
    async def close_request(
        self, request: Request[Any, Any, Any], availability_request_id: FromPath[int]
    ) -> AvailabilityRequestDetailOut:
        row = await service.close_request(principal_of(request), availability_request_id)
        return msgspec.convert(row, AvailabilityRequestDetailOut)

    @post(
        "/{availability_request_id:int}/reopen",
        operation_id="ReopenAvailabilityRequest",
        responses=errors(410, 422),
        status_code=200,
    )
    async def reopen_request(
        self,
        request: Request[Any, Any, Any],
        availability_request_id: FromPath[int],
        data: Annotated[ReopenIn | None, Body()] = None,
    ) -> AvailabilityRequestDetailOut:
        """A request whose deadline has passed needs a new ``deadline``."""
        row = await service.reopen_request(principal_of(request), availability_request_id, data)
        return msgspec.convert(row, AvailabilityRequestDetailOut)

    @post(
        "/{availability_request_id:int}/remind",
        operation_id="RemindAvailabilityRequest",
        responses=errors(409, 410),
        status_code=200,
    )
    async def remind(
        self, request: Request[Any, Any, Any], availability_request_id: FromPath[int]
    ) -> RemindOut:
        """Email the link again now to everyone who has not answered ("relancer")."""
        row = await service.remind(principal_of(request), availability_request_id)
        return msgspec.convert(row, RemindOut)

    @delete("/{availability_request_id:int}", operation_id="DeleteAvailabilityRequest")
    async def delete_request(
        self, request: Request[Any, Any, Any], availability_request_id: FromPath[int]
    ) -> None:
        """Also deletes the answers and the availability windows they produced."""
        await service.delete_request(principal_of(request), availability_request_id)


class AvailabilityAnswerController(Controller):
    """The public answer page of one person (no session, no CSRF): the signed link is the
    credential."""

    path = "/api/v1/availability-answers"
    tags = ["availability requests"]

    @get(
        "/{recipient_id:int}",
        operation_id="GetPublicAvailabilityRequest",
        opt={"csrf_exempt": True, RATE_LIMITED: True},
    )
    async def get_public(
        self, request: Request[Any, Any, Any], recipient_id: FromPath[int], token: Token
    ) -> PublicRequestOut:
        row = await service.public_view(recipient_id, token, client_ip=_client_ip(request))
        return msgspec.convert(row, PublicRequestOut)

    @put(
        "/{recipient_id:int}",
        operation_id="AnswerAvailabilityRequest",
        responses=errors(409, 410, 422),
        opt={"csrf_exempt": True, RATE_LIMITED: True},
    )
    async def answer(
        self,
        request: Request[Any, Any, Any],
        recipient_id: FromPath[int],
        token: Token,
        data: Annotated[AnswersIn, Body(examples=[ANSWERS_EXAMPLE])],
    ) -> PublicRequestOut:
        """Replaces every answer of the person (and the availability windows they made)."""
        row = await service.answer(recipient_id, token, data, client_ip=_client_ip(request))
        return msgspec.convert(row, PublicRequestOut)
