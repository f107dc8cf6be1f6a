"""/api/v1/planning: the calendar's one read (missions, roles, assignments, users).

Answered from the process's cache of encoded bodies when the org's data has not changed
since (``cache.py``), with an ETag: a calendar that sends it back gets a 304.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal, TypeVar, cast

from litestar import Controller, Request, Response, get
from litestar.datastructures import ResponseHeader
from litestar.enums import MediaType
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import QueryParameter
from litestar.serialization import encode_json

from coulisses.auth.rbac import principal_of, requires
from coulisses.db.connection import REPLICA_ERRORS, replica_reads, transaction
from coulisses.errors import NotFound
from coulisses.observability.metrics import REPLICA_READS
from coulisses.privacy import redact, viewer_of
from coulisses.scheduling.planning import cache
from coulisses.scheduling.planning import service as planning
from coulisses.scheduling.planning.schemas import PLANNING_EXAMPLE, Planning
from coulisses.web.openapi import errors

logger = logging.getLogger(__name__)
T = TypeVar("T")

#: Revalidate every time (If-None-Match): the body changes with any write of the org.
CACHE_CONTROL = "private, no-cache"


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
            304: ResponseSpec(
                None,
                description="Not modified: the ETag sent in If-None-Match is still the"
                " planning's (nothing of the org changed)",
            ),
            **errors(404, 422),
        },
        response_headers=[
            ResponseHeader(
                name="ETag",
                description="The version of this planning: send it back in If-None-Match",
                documentation_only=True,
            )
        ],
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
        mine: Annotated[
            bool,
            QueryParameter(
                description="only the signed-in account's own assignments and their missions"
                " (its user in the org; an empty planning when it has none): what My"
                " Missions keeps for offline reading; with user, both apply."
            ),
        ] = False,
    ) -> Response[Planning]:
        org_id = principal_of(request).org_id
        statuses = planning.parse_statuses(status)
        who = viewer_of(request.scope)
        nobody = False
        if mine:
            # An account has one user per org (the lowest id, should a merge leave two);
            # with user= as well, both filters apply (like /assignments?mine=true&user=).
            me = min(who.user_ids, default=None)
            nobody = me is None or (user is not None and user != me)
            user = user if nobody else me
        # The key is read before the data (cache.py): an entry is never older than it.
        versions = await cache.data_versions(org_id)
        audience = "all" if who.sees_private else (who.account_id, tuple(sorted(who.user_ids)))
        query = (starts_from, ends_to, project, user, tuple(statuses or ()), group_by, nobody)
        key = (org_id, versions, query, audience)
        etag = cache.etag_of(key)
        headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
        if etag in _etags(request.headers.get("if-none-match")):
            return _encoded(b"", headers, status_code=304)
        bodies = cache.body_cache()
        fresh = "no-cache" in (request.headers.get("cache-control") or "").lower()
        body = bodies.get(key) if bodies is not None and not fresh else None
        if body is None:

            async def read() -> Planning:
                return await planning.planning(
                    org_id,
                    starts_from,
                    ends_to,
                    project_id=project,
                    user_id=user,
                    statuses=statuses,
                    group_by=group_by,
                    nobody=nobody,
                )

            content = await _from_replica(org_id, versions, read) or await read()
            body = encode_json(redact(content, who))
            if bodies is not None:
                bodies.put(key, body)
        return _encoded(body, headers)


async def _from_replica(
    org_id: int, versions: tuple[tuple[int, int], ...], read: Callable[[], Awaitable[T]]
) -> T | None:
    """``read()`` on the read replica (``DATABASE_READ_URL``) when it has caught up with
    ``versions`` (read on the primary: the key of the response); None without a replica,
    when it lags behind them or cannot be reached (the caller reads from the primary)."""
    with replica_reads() as routed:
        if not routed:
            return None
        try:
            async with transaction():
                if await cache.data_versions(org_id) != versions:
                    REPLICA_READS.labels("primary_behind").inc()
                    return None
                result = await read()
        except NotFound:
            # A project or person created since the replica's last planning write.
            REPLICA_READS.labels("primary_behind").inc()
            return None
        except REPLICA_ERRORS:
            logger.warning("read replica unavailable: planning read from the primary")
            REPLICA_READS.labels("primary_unavailable").inc()
            return None
    REPLICA_READS.labels("replica").inc()
    return result


def _encoded(body: bytes, headers: dict[str, str], status_code: int = 200) -> Response[Planning]:
    """A planning already encoded (the OpenAPI keeps documenting ``Planning``)."""
    response = Response(body, media_type=MediaType.JSON, headers=headers, status_code=status_code)
    return cast("Response[Planning]", response)


def _etags(header: str | None) -> list[str]:
    """The entity tags of an If-None-Match header (weak ones compare as strong: RFC 9110
    uses the weak comparison for If-None-Match)."""
    if not header:
        return []
    return [part.strip().removeprefix("W/") for part in header.split(",")]
