"""/api/v1/open-shifts: publish a role's open places, apply, waitlist and offers."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get, post
from litestar.params import Body, FromPath, FromQuery

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.open_shifts import service as open_shifts
from coulisses.scheduling.open_shifts.schemas import (
    ApplicationOut,
    ApplicationPage,
    OpenShiftForMe,
    OpenShiftForMePage,
    OpenShiftOut,
    OpenShiftPage,
    OpenShiftPublish,
)
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


def _shift(row: dict[str, Any]) -> OpenShiftOut:
    return msgspec.convert(row, OpenShiftOut)


def _application(row: dict[str, Any]) -> ApplicationOut:
    return msgspec.convert(row, ApplicationOut)


class OpenShiftController(Controller):
    path = "/api/v1/open-shifts"
    tags = ["open-shifts"]

    @get(
        "/",
        operation_id="ListOpenShifts",
        responses=errors(404),
        guards=[requires("assignments.manage")],
        dependencies={"listing": open_shifts.OPEN_SHIFTS.dependency()},
    )
    async def list_open_shifts(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        mission: FromQuery[int | None] = None,
    ) -> OpenShiftPage:
        """The publications (of a mission's roles) with their applicants and waitlist."""
        rows, total = await open_shifts.list_open_shifts(
            principal_of(request).org_id, listing, mission
        )
        return listing.page_of(OpenShiftPage, [_shift(r) for r in rows], total)

    @post(
        "/",
        operation_id="PublishOpenShift",
        responses=errors(404, 409, 422),
        guards=[requires("assignments.manage")],
        status_code=200,
    )
    async def publish(
        self, request: Request[Any, Any, Any], data: Annotated[OpenShiftPublish, Body()]
    ) -> OpenShiftOut:
        """Publish (or update and reopen) the open places of a mission role."""
        return _shift(
            await open_shifts.publish(
                principal_of(request), data.mission_role_id, data.policy, data.tag, data.offer_hours
            )
        )

    @get(
        "/mine",
        operation_id="ListOpenShiftsForMe",
        guards=[requires("assignments.answer_own")],
        dependencies={"listing": open_shifts.FOR_ME.dependency()},
    )
    async def list_for_me(
        self, request: Request[Any, Any, Any], listing: ListParams
    ) -> OpenShiftForMePage:
        """The open places I may apply to, best match first (score 0-100: skills,
        availability, hours that week, past reliability); empty when my account is linked
        to no person of the org."""
        rows = await open_shifts.list_for_me(principal_of(request))
        found = [msgspec.convert(r, OpenShiftForMe) for r in rows]
        return listing.window(OpenShiftForMePage, open_shifts.FOR_ME.sort_in_memory(found, listing))

    @get(
        "/applications/mine",
        operation_id="ListMyOpenShiftApplications",
        guards=[requires("assignments.answer_own")],
        dependencies={"listing": open_shifts.APPLICATIONS.dependency()},
    )
    async def my_applications(
        self, request: Request[Any, Any, Any], listing: ListParams
    ) -> ApplicationPage:
        """My applications (newest first by default)."""
        rows, total = await open_shifts.my_applications(principal_of(request), listing)
        return listing.page_of(ApplicationPage, [_application(r) for r in rows], total)

    @get(
        "/{open_shift_id:int}",
        operation_id="GetOpenShift",
        responses=errors(404),
        guards=[requires("assignments.manage")],
    )
    async def get_open_shift(
        self, request: Request[Any, Any, Any], open_shift_id: FromPath[int]
    ) -> OpenShiftOut:
        return _shift(await open_shifts.get_open_shift(principal_of(request).org_id, open_shift_id))

    @post(
        "/{open_shift_id:int}/close",
        operation_id="CloseOpenShift",
        responses=errors(404),
        guards=[requires("assignments.manage")],
        status_code=200,
    )
    async def close(
        self, request: Request[Any, Any, Any], open_shift_id: FromPath[int]
    ) -> OpenShiftOut:
        """Unpublish: waiting applications and offers are CLOSED."""
        return _shift(await open_shifts.close(principal_of(request), open_shift_id))

    @post(
        "/{open_shift_id:int}/apply",
        operation_id="ApplyToOpenShift",
        responses=errors(403, 404, 409),
        guards=[requires("assignments.answer_own")],
        status_code=200,
    )
    async def apply(
        self, request: Request[Any, Any, Any], open_shift_id: FromPath[int]
    ) -> ApplicationOut:
        """Apply: ACCEPTED with a place (first_come), PENDING (manager_picks) or WAITLISTED
        when the role is full. 403 open_shift.restricted, 409 open_shift.ineligible."""
        return _application(await open_shifts.apply(principal_of(request), open_shift_id))

    @post(
        "/applications/{application_id:int}/withdraw",
        operation_id="WithdrawOpenShiftApplication",
        responses=errors(403, 404, 409),
        guards=[requires("assignments.answer_own")],
        status_code=200,
    )
    async def withdraw(
        self, request: Request[Any, Any, Any], application_id: FromPath[int]
    ) -> ApplicationOut:
        return _application(await open_shifts.withdraw(principal_of(request), application_id))

    @post(
        "/applications/{application_id:int}/accept-offer",
        operation_id="AcceptOpenShiftOffer",
        responses=errors(403, 404, 409),
        guards=[requires("assignments.answer_own")],
        status_code=200,
    )
    async def accept_offer(
        self, request: Request[Any, Any, Any], application_id: FromPath[int]
    ) -> ApplicationOut:
        return _application(await open_shifts.accept_offer(principal_of(request), application_id))

    @post(
        "/applications/{application_id:int}/decline-offer",
        operation_id="DeclineOpenShiftOffer",
        responses=errors(403, 404, 409),
        guards=[requires("assignments.answer_own")],
        status_code=200,
    )
    async def decline_offer(
        self, request: Request[Any, Any, Any], application_id: FromPath[int]
    ) -> ApplicationOut:
        return _application(await open_shifts.decline_offer(principal_of(request), application_id))

    @post(
        "/applications/{application_id:int}/pick",
        operation_id="PickOpenShiftApplicant",
        responses=errors(404, 409),
        guards=[requires("assignments.manage")],
        status_code=200,
    )
    async def pick(
        self, request: Request[Any, Any, Any], application_id: FromPath[int]
    ) -> ApplicationOut:
        """Give a place to a PENDING or WAITLISTED applicant (409 open_shift.full)."""
        return _application(await open_shifts.pick(principal_of(request), application_id))

    @post(
        "/applications/{application_id:int}/reject",
        operation_id="RejectOpenShiftApplicant",
        responses=errors(404, 409),
        guards=[requires("assignments.manage")],
        status_code=200,
    )
    async def reject(
        self, request: Request[Any, Any, Any], application_id: FromPath[int]
    ) -> ApplicationOut:
        return _application(await open_shifts.reject(principal_of(request), application_id))
