"""/api/v1/planning: the calendar's one read (missions, roles, assignments, users)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from litestar import Controller, Request, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.planning import service as planning
from coulisses.scheduling.planning.schemas import PLANNING_EXAMPLE, Planning
from coulisses.web.openapi import errors


class PlanningController(Controller):
    path = "/api/v1/planning"
    tags = ["planning"]

    @get(
        "/",
        operation_id="GetPlanning",
        responses={
            200: ResponseSpec(
                Planning,
                description="The window's missions, assignments shown, users they cite, and"
                " the projects and places of the missions by id (nothing repeated)",
                examples=[PLANNING_EXAMPLE],
            ),
            **errors(404, 422),
        },
        guards=[requires("planning.read")],
    )
    async def get_planning(
        self,
        request: Request[Any, Any, Any],
        starts_from: Annotated[
            str,
            QueryParameter(
                name="from",
                description="window start: an ISO date (from its first minute, org"
                " timezone) or a date-time with an offset",
            ),
        ],
        ends_to: Annotated[
            str,
            QueryParameter(
                name="to",
                description="window end: an ISO date (included: to its last minute) or a"
                f" date-time with an offset (excluded); at most {planning.MAX_WINDOW_DAYS}"
                " days after from",
            ),
        ],
        project: Annotated[
            int | None,
            QueryParameter(description="only the missions of this project", ge=1, le=2**31 - 1),
        ] = None,
        user: Annotated[
            int | None,
            QueryParameter(
                description="only this user's assignments, and the missions they are on",
                ge=1,
                le=2**31 - 1,
            ),
        ] = None,
        status: Annotated[
            list[str] | None,
            QueryParameter(
                description="assignment statuses shown (repeat or comma-separate):"
                " INVITED, ACCEPTED, DECLINED, CANCELLED"
            ),
        ] = None,
        group_by: Annotated[
            Literal["place"] | None,
            QueryParameter(
                description="place: also list the missions' ids per place (groups), by"
                " place name, the missions without a place last"
            ),
        ] = None,
    ) -> Planning:
        return await planning.planning(
            principal_of(request).org_id,
            starts_from,
            ends_to,
            project_id=project,
            user_id=user,
            statuses=planning.parse_statuses(status),
            group_by=group_by,
        )
