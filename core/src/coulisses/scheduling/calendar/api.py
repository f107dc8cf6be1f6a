"""Calendar feeds: api (the management routes, and the public ``.ics`` address)."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, delete, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Body, FromPath

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.calendar import service as feeds
from coulisses.scheduling.calendar.schemas import (
    CalendarFeedCreated,
    CalendarFeedOut,
    OwnCalendarFeedIn,
)
from coulisses.web.openapi import RATE_LIMITED, errors

#: Litestar adds ``; charset=utf-8`` to text types.
ICS_MEDIA_TYPE = "text/calendar"
#: Calendar apps poll; no shared cache may keep a person's missions.
CACHE_CONTROL = "private, max-age=300"


def _out_or_none(row: dict[str, Any] | None) -> CalendarFeedOut | None:
    return None if row is None else msgspec.convert(row, CalendarFeedOut)


def _created(row: dict[str, Any]) -> CalendarFeedCreated:
    return msgspec.convert(row, CalendarFeedCreated)


class MyCalendarFeedController(Controller):
    """The caller's own feed (the missions of the person linked to their account)."""

    path = "/api/v1/calendar-feeds/mine"
    tags = ["calendar"]

    @get("/", operation_id="GetMyCalendarFeed", guards=[requires("calendar_feeds.own")])
    async def get_my_calendar_feed(self, request: Request[Any, Any, Any]) -> CalendarFeedOut | None:
        """Without its address (shown only when created or regenerated); null when there is
        none (or no person of the org is linked to the caller's account)."""
        return _out_or_none(await feeds.get_own_feed(principal_of(request)))

    @post(
        "/",
        operation_id="CreateMyCalendarFeed",
        responses=errors(409),
        guards=[requires("calendar_feeds.own")],
    )
    async def create_my_calendar_feed(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[OwnCalendarFeedIn | None, Body()] = None,
    ) -> CalendarFeedCreated:
        """Create the feed, or regenerate it (new address; the old one answers 404).
        409 ``calendar_feed.no_user`` when the account is linked to no person of the org."""
        options = data or OwnCalendarFeedIn()
        row = await feeds.issue_own_feed(
            principal_of(request), include_invited=options.include_invited
        )
        return _created(row)

    @delete(
        "/",
        operation_id="DeleteMyCalendarFeed",
        responses=errors(404),
        guards=[requires("calendar_feeds.own")],
    )
    async def delete_my_calendar_feed(self, request: Request[Any, Any, Any]) -> None:
        await feeds.delete_own_feed(principal_of(request))


class SubjectCalendarFeedController(Controller):
    """Feeds of projects and places (managers), and a person's feed as a manager sees it."""

    path = "/api/v1"
    tags = ["calendar"]

    @get(
        "/projects/{project_id:int}/calendar-feed",
        operation_id="GetProjectCalendarFeed",
        guards=[requires("calendar_feeds.manage")],
    )
    async def get_project_calendar_feed(
        self, request: Request[Any, Any, Any], project_id: FromPath[int]
    ) -> CalendarFeedOut | None:
        return _out_or_none(
            await feeds.get_feed(principal_of(request).org_id, "project", project_id)
        )

    @post(
        "/projects/{project_id:int}/calendar-feed",
        operation_id="CreateProjectCalendarFeed",
        responses=errors(409),
        guards=[requires("calendar_feeds.manage")],
    )
    async def create_project_calendar_feed(
        self, request: Request[Any, Any, Any], project_id: FromPath[int]
    ) -> CalendarFeedCreated:
        """Create or regenerate the project's feed (its published missions)."""
        return _created(await feeds.issue_feed(principal_of(request), "project", project_id))

    @delete(
        "/projects/{project_id:int}/calendar-feed",
        operation_id="DeleteProjectCalendarFeed",
        guards=[requires("calendar_feeds.manage")],
    )
    async def delete_project_calendar_feed(
        self, request: Request[Any, Any, Any], project_id: FromPath[int]
    ) -> None:
        await feeds.delete_feed(principal_of(request), "project", project_id)

    @get(
        "/places/{place_id:int}/calendar-feed",
        operation_id="GetPlaceCalendarFeed",
        guards=[requires("calendar_feeds.manage")],
    )
    async def get_place_calendar_feed(
        self, request: Request[Any, Any, Any], place_id: FromPath[int]
    ) -> CalendarFeedOut | None:
        org_id = principal_of(request).org_id
        return _out_or_none(await feeds.get_feed(org_id, "place", place_id))

    @post(
        "/places/{place_id:int}/calendar-feed",
        operation_id="CreatePlaceCalendarFeed",
        responses=errors(409),
        guards=[requires("calendar_feeds.manage")],
    )
    async def create_place_calendar_feed(
        self, request: Request[Any, Any, Any], place_id: FromPath[int]
    ) -> CalendarFeedCreated:
        """Create or regenerate the place's feed (the published missions held there)."""
        return _created(await feeds.issue_feed(principal_of(request), "place", place_id))

    @delete(
        "/places/{place_id:int}/calendar-feed",
        operation_id="DeletePlaceCalendarFeed",
        guards=[requires("calendar_feeds.manage")],
    )
    async def delete_place_calendar_feed(
        self, request: Request[Any, Any, Any], place_id: FromPath[int]
    ) -> None:
        await feeds.delete_feed(principal_of(request), "place", place_id)

    @get(
        "/users/{user_id:int}/calendar-feed",
        operation_id="GetUserCalendarFeed",
        guards=[requires("users.manage")],
    )
    async def get_user_calendar_feed(
        self, request: Request[Any, Any, Any], user_id: FromPath[int]
    ) -> CalendarFeedOut | None:
        """Whether the person has a feed (null when none), when it was made and last read;
        never its address."""
        org_id = principal_of(request).org_id
        return _out_or_none(await feeds.get_feed(org_id, "user", user_id))

    @delete(
        "/users/{user_id:int}/calendar-feed",
        operation_id="DeleteUserCalendarFeed",
        guards=[requires("users.manage")],
    )
    async def delete_user_calendar_feed(
        self, request: Request[Any, Any, Any], user_id: FromPath[int]
    ) -> None:
        """Revoke a person's feed (a lost phone, a person who left)."""
        await feeds.delete_feed(principal_of(request), "user", user_id)


class CalendarFileController(Controller):
    """The feeds themselves: no session, the token in the address is the credential."""

    path = "/api/v1/calendar"
    tags = ["calendar"]

    @get(
        "/{file_name:str}",
        operation_id="GetCalendarFeedFile",
        media_type="text/calendar",
        responses={304: ResponseSpec(None, description="Not modified (If-None-Match)")},
        opt={"csrf_exempt": True, RATE_LIMITED: True},
    )
    async def get_calendar_feed_file(
        self, request: Request[Any, Any, Any], file_name: FromPath[str]
    ) -> Response[bytes]:
        """``<token>.ics``: the feed's iCalendar text (RFC 5545), with an ETag;
        ``If-None-Match`` with it answers 304. 404 ``calendar_feed.not_found`` for an
        unknown, regenerated or deleted address; 429 ``calendar_feed.rate_limited`` after
        too many unknown addresses from one client."""
        client_ip = request.client.host if request.client else "unknown"
        body, etag = await feeds.render(file_name, client_ip=client_ip)
        headers = {
            "ETag": etag,
            "Cache-Control": CACHE_CONTROL,
            "X-Content-Type-Options": "nosniff",
        }
        sent = {
            t.strip().removeprefix("W/")
            for t in request.headers.get("if-none-match", "").split(",")
        }
        if etag in sent or "*" in sent:
            return Response(b"", status_code=304, headers=headers)
        headers["Content-Disposition"] = 'inline; filename="coulisses.ics"'
        return Response(body, media_type=ICS_MEDIA_TYPE, headers=headers)
