"""/api/v1/swaps: crew hand over or swap their ACCEPTED assignments; managers approve."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, get, post
from litestar.params import Body, FromPath, FromQuery

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.swaps import service as swaps
from coulisses.scheduling.swaps.schemas import (
    SwapCreate,
    SwapDecision,
    SwapOut,
    SwapPage,
    SwapStatus,
)
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


class SwapController(Controller):
    """A tech acts on their own proposals (``swaps.own``); managers list and decide
    (``swaps.approve``)."""

    path = "/api/v1/swaps"
    tags = ["swaps"]

    @get(
        "/",
        operation_id="ListSwaps",
        guards=[requires("swaps.approve")],
        dependencies={"listing": swaps.SWAPS.dependency()},
    )
    async def list_swaps(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        status: FromQuery[SwapStatus | None] = None,
    ) -> SwapPage:
        """Every proposal of the org; ``status=accepted_by_colleague``: those waiting
        for a manager's approval."""
        rows, total = await swaps.list_swaps(principal_of(request).org_id, listing, status=status)
        return listing.page_of(SwapPage, [swaps.swap_out(r) for r in rows], total)

    @get(
        "/mine",
        operation_id="ListMySwaps",
        guards=[requires("swaps.own")],
        dependencies={"listing": swaps.SWAPS.dependency()},
    )
    async def list_mine(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        status: FromQuery[SwapStatus | None] = None,
    ) -> SwapPage:
        """The caller's proposals (``side: proposer``), those addressed to them or that
        they took (``colleague``), and colleagues' handovers open to anyone (``open``,
        with ``eligible``). Empty for an account linked to no person."""
        items, total = await swaps.list_mine(principal_of(request), listing, status=status)
        return listing.page_of(SwapPage, items, total)

    @post(
        "/",
        operation_id="CreateSwap",
        responses=errors(403, 404, 409, 422),
        guards=[requires("swaps.own")],
    )
    async def create(
        self, request: Request[Any, Any, Any], data: Annotated[SwapCreate, Body()]
    ) -> SwapOut:
        """Offer one's ACCEPTED assignment: to a named colleague or to anyone eligible
        (``handover``), or in exchange for a named colleague's (``swap``). Checked
        against conflicts and skills when a colleague is named (409 ``swap.conflict``)."""
        return swaps.swap_out(await swaps.propose(principal_of(request), data))

    @post(
        "/{swap_id:int}/accept",
        operation_id="AcceptSwap",
        responses=errors(403, 409),
        guards=[requires("swaps.own")],
        status_code=200,
    )
    async def accept(self, request: Request[Any, Any, Any], swap_id: FromPath[int]) -> SwapOut:
        """The named colleague (or the first eligible taker of an open handover) accepts;
        applied at once unless the org requires a manager's approval."""
        return swaps.swap_out(await swaps.accept(principal_of(request), swap_id))

    @post(
        "/{swap_id:int}/decline",
        operation_id="DeclineSwap",
        responses=errors(403, 409, 422),
        guards=[requires("swaps.own")],
        status_code=200,
    )
    async def decline(
        self,
        request: Request[Any, Any, Any],
        swap_id: FromPath[int],
        data: Annotated[SwapDecision | None, Body()] = None,
    ) -> SwapOut:
        return swaps.swap_out(
            await swaps.decline(principal_of(request), swap_id, data.comment if data else None)
        )

    @post(
        "/{swap_id:int}/cancel",
        operation_id="CancelSwap",
        responses=errors(403, 409),
        guards=[requires("swaps.own")],
        status_code=200,
    )
    async def cancel(self, request: Request[Any, Any, Any], swap_id: FromPath[int]) -> SwapOut:
        return swaps.swap_out(await swaps.cancel(principal_of(request), swap_id))

    @post(
        "/{swap_id:int}/approve",
        operation_id="ApproveSwap",
        responses=errors(409),
        guards=[requires("swaps.approve")],
        status_code=200,
    )
    async def approve(self, request: Request[Any, Any, Any], swap_id: FromPath[int]) -> SwapOut:
        """Checked again against conflicts and skills, then applied in one transaction."""
        return swaps.swap_out(await swaps.approve(principal_of(request), swap_id))

    @post(
        "/{swap_id:int}/reject",
        operation_id="RejectSwap",
        responses=errors(409, 422),
        guards=[requires("swaps.approve")],
        status_code=200,
    )
    async def reject(
        self,
        request: Request[Any, Any, Any],
        swap_id: FromPath[int],
        data: Annotated[SwapDecision | None, Body()] = None,
    ) -> SwapOut:
        return swaps.swap_out(
            await swaps.reject(principal_of(request), swap_id, data.comment if data else None)
        )
