"""Services the host (core) provides to plugins at run time.

The core installs its implementation at startup with :func:`set_host`; plugins
call the module-level functions and never import the core. Every read takes
the org explicitly and returns nothing of another org: a resource of another org
(or none) is ``None``, or absent from a list.

List reads (``list_missions``, ``list_assignments_page``, ``list_users``,
``list_projects``, ``list_places``) return one :class:`CursorPage` of at most ``limit``
items (default :data:`DEFAULT_LIMIT`, 1 to :data:`MAX_LIMIT`, else ``ValueError``);
its ``next_cursor`` gives the next page. The ``iter_*`` helpers walk every page::

    async for mission in host.iter_missions(org_id, starts_from=day, starts_before=next_day):
        ...

Each read's docstring states its cost: how many queries, which index, how many rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol, TypeVar

from coulisses_sdk.context import (
    AnswerResult,
    AssignmentContext,
    AssignmentInfo,
    AssignmentSummary,
    CertificationAlert,
    Contact,
    CursorPage,
    MissionInfo,
    MissionRoleInfo,
    OrgInfo,
    PlaceInfo,
    ProjectInfo,
    RateInfo,
    UserInfo,
    WorkRow,
)
from coulisses_sdk.events import DomainEvent

T = TypeVar("T")

#: Assignment statuses that still hold a place (what "my missions" shows).
ACTIVE_STATUSES = ("INVITED", "ACCEPTED")
#: Items of one page of a list read when ``limit`` is not given.
DEFAULT_LIMIT = 100
#: Largest ``limit`` of a list read (a larger one is a ``ValueError``: walk the pages).
MAX_LIMIT = 1000
#: Most ids one grouped read (``get_users``, ``get_missions``, ``assignment_rates``) takes
#: (more is a ``ValueError``: split them, e.g. with :func:`chunks`).
MAX_IDS = 10_000


def check_ids(ids: Iterable[int]) -> list[int]:
    """``ids`` without repeats, in their first order, if they are at most :data:`MAX_IDS`
    ints, else ``ValueError``."""
    unique = list(dict.fromkeys(ids))
    if any(isinstance(i, bool) or not isinstance(i, int) for i in unique):
        raise ValueError("ids must be integers")
    if len(unique) > MAX_IDS:
        raise ValueError(f"at most {MAX_IDS} ids in one grouped read, got {len(unique)}")
    return unique


def chunks(ids: Iterable[int], size: int = MAX_IDS) -> Iterator[list[int]]:
    """``ids`` without repeats, in lists of at most ``size`` (for the grouped reads)."""
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


def check_limit(limit: int) -> int:
    """``limit`` if it is an int from 1 to :data:`MAX_LIMIT`, else ``ValueError``."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be an integer from 1 to {MAX_LIMIT}, got {limit!r}")
    return limit


class Host(Protocol):
    async def enqueue(
        self,
        job: str,
        *,
        org_id: int,
        plugin: str,
        defer_until: dt.datetime | None = None,
        retries: int | None = None,
        retry_delay: float | None = None,
        retry_backoff: bool | float | None = None,
        job_timeout: int | None = None,
        **kwargs: Any,
    ) -> None: ...

    async def plugin_config(self, org_id: int, plugin: str) -> dict[str, Any]: ...

    async def is_enabled(self, org_id: int, plugin: str) -> bool: ...

    async def org_info(self, org_id: int) -> OrgInfo | None: ...

    def read_snapshot(self) -> AbstractAsyncContextManager[str]: ...

    async def assignment_context(
        self, org_id: int, assignment_id: int
    ) -> AssignmentContext | None: ...

    async def list_assignments(
        self,
        org_id: int,
        *,
        user_id: int | None = None,
        mission_id: int | None = None,
        statuses: Sequence[str] = ACTIVE_STATUSES,
        starts_after: dt.datetime | None = None,
        starts_before: dt.datetime | None = None,
        invitation_expires_before: dt.datetime | None = None,
        limit: int = 100,
    ) -> list[AssignmentSummary]: ...

    async def list_assignments_page(
        self,
        org_id: int,
        *,
        user_id: int | None = None,
        mission_id: int | None = None,
        statuses: Sequence[str] = ACTIVE_STATUSES,
        starts_after: dt.datetime | None = None,
        starts_before: dt.datetime | None = None,
        invitation_expires_before: dt.datetime | None = None,
        limit: int = DEFAULT_LIMIT,
        cursor: str | None = None,
    ) -> CursorPage[AssignmentSummary]: ...

    async def get_assignment(self, org_id: int, assignment_id: int) -> AssignmentInfo | None: ...

    async def get_mission(self, org_id: int, mission_id: int) -> MissionInfo | None: ...

    async def list_missions(
        self,
        org_id: int,
        *,
        starts_from: dt.datetime,
        starts_before: dt.datetime,
        project_id: int | None = None,
        place_id: int | None = None,
        limit: int = DEFAULT_LIMIT,
        cursor: str | None = None,
    ) -> CursorPage[MissionInfo]: ...

    async def mission_roles(self, org_id: int, mission_id: int) -> list[MissionRoleInfo]: ...

    async def get_missions(
        self, org_id: int, mission_ids: Sequence[int]
    ) -> dict[int, MissionInfo]: ...

    async def get_user(self, org_id: int, user_id: int) -> UserInfo | None: ...

    async def get_users(self, org_id: int, user_ids: Sequence[int]) -> dict[int, UserInfo]: ...

    async def legal_ids(
        self, org_id: int, user_ids: Sequence[int]
    ) -> dict[int, dict[str, str]]: ...

    async def list_users(
        self, org_id: int, *, limit: int = DEFAULT_LIMIT, cursor: str | None = None
    ) -> CursorPage[UserInfo]: ...

    async def get_project(self, org_id: int, project_id: int) -> ProjectInfo | None: ...

    async def list_projects(
        self,
        org_id: int,
        *,
        statuses: Sequence[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        cursor: str | None = None,
    ) -> CursorPage[ProjectInfo]: ...

    async def get_place(self, org_id: int, place_id: int) -> PlaceInfo | None: ...

    async def list_places(
        self, org_id: int, *, limit: int = DEFAULT_LIMIT, cursor: str | None = None
    ) -> CursorPage[PlaceInfo]: ...

    async def effective_rate(
        self,
        org_id: int,
        *,
        user_id: int | None = None,
        role_name: str | None = None,
        mission_id: int | None = None,
    ) -> RateInfo | None: ...

    async def assignment_rate(self, org_id: int, assignment_id: int) -> RateInfo | None: ...

    async def assignment_rates(
        self, org_id: int, assignment_ids: Sequence[int]
    ) -> dict[int, RateInfo | None]: ...

    async def work_rows(
        self,
        org_id: int,
        *,
        starts_after: dt.datetime,
        starts_before: dt.datetime,
        statuses: Sequence[str] = ACTIVE_STATUSES,
        user_id: int | None = None,
    ) -> list[WorkRow]: ...

    async def member_contacts(self, org_id: int, roles: Sequence[str]) -> list[Contact]: ...

    async def expiring_certifications(
        self, org_id: int, *, within_days: int = 30, limit: int = 500
    ) -> list[CertificationAlert]: ...

    async def account_user_id(self, org_id: int, account_id: int) -> int | None: ...

    async def publish_live(
        self,
        org_id: int,
        plugin: str,
        kind: str,
        data: dict[str, Any],
        *,
        recipient_account_id: int | None = None,
    ) -> None: ...

    async def answer_invitation(
        self,
        org_id: int,
        invitation_id: int,
        *,
        user_id: int,
        accept: bool,
        via: str,
        reason: str | None = None,
    ) -> AnswerResult: ...

    async def rate_limit(
        self, plugin: str, key: str, *, limit: int, window_seconds: int
    ) -> bool: ...

    async def report_invitation_delivery(
        self,
        org_id: int,
        invitation_id: int,
        *,
        status: str,
        channel: str | None = None,
        error: str | None = None,
    ) -> None: ...
    def sign(self, purpose: str, payload: dict[str, Any]) -> str: ...

    def unsign(self, purpose: str, token: str) -> dict[str, Any] | None: ...

    def seal(self, purpose: str, value: Any) -> str: ...

    def unseal(self, purpose: str, token: str) -> Any: ...

    async def emit_event(self, event: DomainEvent) -> None: ...

    async def record_audit(
        self,
        org_id: int,
        plugin: str,
        action: str,
        *,
        actor_account_id: int | None,
        target: str | None = None,
        payload: dict[str, Any] | None = None,
    ) -> None: ...


_host: Host | None = None


def set_host(host: Host | None) -> None:
    global _host
    _host = host


def get_host() -> Host:
    if _host is None:
        raise RuntimeError("no Coulisses host is running")
    return _host


async def enqueue(
    job: str,
    *,
    org_id: int,
    plugin: str,
    defer_until: dt.datetime | None = None,
    retries: int | None = None,
    retry_delay: float | None = None,
    retry_backoff: bool | float | None = None,
    job_timeout: int | None = None,
    **kwargs: Any,
) -> None:
    """Queue ``job`` (a name registered through ``register_jobs``) for ``org_id``.

    The job is stamped with org and plugin; the worker re-checks that the org
    still has the plugin enabled before running it. Options (all optional):
    ``defer_until`` (an aware datetime: run it then, not now), ``retries`` (how
    many attempts in all, default 1), ``retry_delay`` (seconds before a retry),
    ``retry_backoff`` (``True``: the delay doubles on each attempt; a number:
    doubles up to that many seconds), ``job_timeout`` (seconds of one attempt).
    ``kwargs`` must be JSON values: they are the job's arguments.
    """
    await get_host().enqueue(
        job,
        org_id=org_id,
        plugin=plugin,
        defer_until=defer_until,
        retries=retries,
        retry_delay=retry_delay,
        retry_backoff=retry_backoff,
        job_timeout=job_timeout,
        **kwargs,
    )


async def plugin_config(org_id: int, plugin: str) -> dict[str, Any]:
    """The config ``org_id`` saved for ``plugin`` (the config model's defaults if none).

    The dict was validated by the plugin's ``config_model`` when it was saved;
    parse it again with that model to get typed values.
    """
    return await get_host().plugin_config(org_id, plugin)


async def is_enabled(org_id: int, plugin: str) -> bool:
    """Whether ``org_id`` has ``plugin`` enabled right now.

    Hooks, jobs and session routes are already gated by the host; a public
    route (see :func:`coulisses_sdk.web.public_route_opt`) checks it itself
    once it knows the org.
    """
    return await get_host().is_enabled(org_id, plugin)


async def org_info(org_id: int) -> OrgInfo | None:
    """Name, timezone and language of an org."""
    return await get_host().org_info(org_id)


def read_snapshot() -> AbstractAsyncContextManager[str]:
    """A block of reads for a heavy report, served by the read replica when the
    platform has one (``DATABASE_READ_URL``) and it has caught up with the primary.

    Inside, every query of the task (the host's reads and the plugin's own Piccolo
    queries) sees one consistent snapshot that holds every commit made before the block
    began. It yields where the reads go: ``"replica"``, or ``"primary"``,
    ``"primary_behind"``, ``"primary_unavailable"`` when they run on the primary as
    outside the block (no replica, replica behind or unreachable, or already inside a
    transaction). On the replica a write fails: write before the block. Cost: one
    query on the primary, one on the replica, and one replica connection held for the
    block.

    Example::

        # plugins/payroll/src/coulisses_payroll/report.py (extrait)
        async with read_snapshot():
            ...
            for row in await work_rows(
                ...
            actuals = await validated_actuals(
    """
    return get_host().read_snapshot()


async def assignment_context(org_id: int, assignment_id: int) -> AssignmentContext | None:
    """The assignment with its user, mission, role, project, managers and org (or None)."""
    return await get_host().assignment_context(org_id, assignment_id)


async def list_assignments(
    org_id: int,
    *,
    user_id: int | None = None,
    mission_id: int | None = None,
    statuses: Sequence[str] = ACTIVE_STATUSES,
    starts_after: dt.datetime | None = None,
    starts_before: dt.datetime | None = None,
    invitation_expires_before: dt.datetime | None = None,
    limit: int = 100,
) -> list[AssignmentSummary]:
    """The first ``limit`` assignments of ``org_id`` matching every filter given, soonest
    mission first (1 to :data:`MAX_LIMIT`, else ``ValueError``; never a silent cap).

    ``invitation_expires_before`` keeps assignments whose open (unanswered,
    not revoked) invitation expires before that instant. To read them all, walk
    :func:`iter_assignments` (or the pages of :func:`list_assignments_page`).

    Cost: one query on the ``(org, starts_at)`` assignments index, joined to the
    mission, role, place and latest open invitation of each row; O(``limit``) rows.
    """
    check_limit(limit)
    return await get_host().list_assignments(
        org_id,
        user_id=user_id,
        mission_id=mission_id,
        statuses=statuses,
        starts_after=starts_after,
        starts_before=starts_before,
        invitation_expires_before=invitation_expires_before,
        limit=limit,
    )


async def list_assignments_page(
    org_id: int,
    *,
    user_id: int | None = None,
    mission_id: int | None = None,
    statuses: Sequence[str] = ACTIVE_STATUSES,
    starts_after: dt.datetime | None = None,
    starts_before: dt.datetime | None = None,
    invitation_expires_before: dt.datetime | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> CursorPage[AssignmentSummary]:
    """One page of the assignments :func:`list_assignments` reads (same filters, same
    order: mission start, then assignment id), after ``cursor``.

    Cost: one query on the ``(org, starts_at)`` assignments index, starting at the
    cursor (keyset, no offset); O(``limit``) rows whatever the page.
    """
    check_limit(limit)
    return await get_host().list_assignments_page(
        org_id,
        user_id=user_id,
        mission_id=mission_id,
        statuses=statuses,
        starts_after=starts_after,
        starts_before=starts_before,
        invitation_expires_before=invitation_expires_before,
        limit=limit,
        cursor=cursor,
    )


async def _walk(
    read: Callable[[str | None], Awaitable[CursorPage[T]]],
) -> AsyncIterator[T]:
    cursor: str | None = None
    while True:
        page = await read(cursor)
        for item in page.items:
            yield item
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def iter_assignments(
    org_id: int,
    *,
    user_id: int | None = None,
    mission_id: int | None = None,
    statuses: Sequence[str] = ACTIVE_STATUSES,
    starts_after: dt.datetime | None = None,
    starts_before: dt.datetime | None = None,
    invitation_expires_before: dt.datetime | None = None,
    page_size: int = MAX_LIMIT,
) -> AsyncIterator[AssignmentSummary]:
    """Every assignment :func:`list_assignments` would read, page after page
    (``async for item in host.iter_assignments(org_id, mission_id=...)``).

    Cost: one :func:`list_assignments_page` query per ``page_size`` rows.
    """
    check_limit(page_size)
    return _walk(
        lambda cursor: list_assignments_page(
            org_id,
            user_id=user_id,
            mission_id=mission_id,
            statuses=statuses,
            starts_after=starts_after,
            starts_before=starts_before,
            invitation_expires_before=invitation_expires_before,
            limit=page_size,
            cursor=cursor,
        )
    )


async def get_assignment(org_id: int, assignment_id: int) -> AssignmentInfo | None:
    """The assignment ``assignment_id`` of ``org_id`` (``None`` if it is not the org's).

    Cost: one query by primary key (plus its latest open invitation); one row.
    """
    return await get_host().get_assignment(org_id, assignment_id)


async def get_mission(org_id: int, mission_id: int) -> MissionInfo | None:
    """The mission ``mission_id`` of ``org_id`` (``None`` if it is not the org's): the way
    to check that a mission id a plugin received belongs to the org.

    Cost: one query by primary key (with its place and org); one row.
    """
    return await get_host().get_mission(org_id, mission_id)


async def get_missions(org_id: int, mission_ids: Iterable[int]) -> dict[int, MissionInfo]:
    """The missions of ``org_id`` among ``mission_ids``, by id, in one read: the grouped
    :func:`get_mission` for a report that meets many missions. Ids of another org, or of
    no mission, are absent from the result. At most :data:`MAX_IDS` ids (repeats count
    once), else ``ValueError``.

    Cost: one query on the missions' primary key for every id at once (``= ANY``), with
    places and org; one row per mission found.
    """
    ids = check_ids(mission_ids)
    if not ids:
        return {}
    return await get_host().get_missions(org_id, ids)


async def list_missions(
    org_id: int,
    *,
    starts_from: dt.datetime,
    starts_before: dt.datetime,
    project_id: int | None = None,
    place_id: int | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> CursorPage[MissionInfo]:
    """One page of the missions of ``org_id`` that start in the window
    [``starts_from``, ``starts_before``) (aware datetimes), of ``project_id`` and at
    ``place_id`` when given; soonest first (then by id), after ``cursor``.

    A project or place of another org matches nothing (an empty page).
    Cost: one query on the ``(org, starts_at)`` missions index (the project's or
    place's index when filtered), from the cursor (keyset); O(``limit``) rows
    whatever the page.
    """
    check_limit(limit)
    _check_window(starts_from, starts_before)
    return await get_host().list_missions(
        org_id,
        starts_from=starts_from,
        starts_before=starts_before,
        project_id=project_id,
        place_id=place_id,
        limit=limit,
        cursor=cursor,
    )


def iter_missions(
    org_id: int,
    *,
    starts_from: dt.datetime,
    starts_before: dt.datetime,
    project_id: int | None = None,
    place_id: int | None = None,
    page_size: int = MAX_LIMIT,
) -> AsyncIterator[MissionInfo]:
    """Every mission :func:`list_missions` would read, page after page.

    Cost: one :func:`list_missions` query per ``page_size`` missions.
    """
    check_limit(page_size)
    _check_window(starts_from, starts_before)
    return _walk(
        lambda cursor: list_missions(
            org_id,
            starts_from=starts_from,
            starts_before=starts_before,
            project_id=project_id,
            place_id=place_id,
            limit=page_size,
            cursor=cursor,
        )
    )


def _check_window(starts_from: dt.datetime, starts_before: dt.datetime) -> None:
    if starts_from.tzinfo is None or starts_before.tzinfo is None:
        raise ValueError("starts_from and starts_before must be timezone-aware")


async def mission_roles(org_id: int, mission_id: int) -> list[MissionRoleInfo]:
    """The roles of the mission (by id), with how each is staffed; ``[]`` for a mission
    of another org.

    Cost: one query on the ``(org, mission)`` roles index, counting each role's
    assignments on the ``(mission_role, status)`` index; one row per role.
    """
    return await get_host().mission_roles(org_id, mission_id)


async def get_user(org_id: int, user_id: int) -> UserInfo | None:
    """The user (crew profile) ``user_id`` of ``org_id`` (``None`` if not the org's).

    Cost: one query by primary key; one row.
    """
    return await get_host().get_user(org_id, user_id)


async def get_users(org_id: int, user_ids: Iterable[int]) -> dict[int, UserInfo]:
    """The users of ``org_id`` among ``user_ids``, by id, in one read (the grouped
    :func:`get_user`). Ids of another org, or of no user, are absent from the result. At
    most :data:`MAX_IDS` ids (repeats count once), else ``ValueError``.

    Cost: one query on the users' primary key for every id at once (``= ANY``); one row
    per user found.
    """
    ids = check_ids(user_ids)
    if not ids:
        return {}
    return await get_host().get_users(org_id, ids)


async def legal_ids(org_id: int, user_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """The legal identifiers the org recorded for its people among ``user_ids`` (``nir``:
    the social security number, validated by the core; ``siret`` of a freelance...), by
    user id, for the declarations a plugin files for the employer (AEM, DPAE, contracts).
    A person with none, erased, or of another org is absent.

    Sensitive personal data: print it only where the declaration requires it, never in a
    log line, an event, a job argument or an error. Cost: one query on the users' primary
    key for every id at once; at most :data:`MAX_IDS` ids, else ``ValueError``.
    """
    ids = check_ids(user_ids)
    if not ids:
        return {}
    return await get_host().legal_ids(org_id, ids)


async def list_users(
    org_id: int, *, limit: int = DEFAULT_LIMIT, cursor: str | None = None
) -> CursorPage[UserInfo]:
    """One page of the users of ``org_id``, by id, after ``cursor``.

    Cost: one query on the primary key from the cursor, filtered by org; O(``limit``) rows.
    """
    check_limit(limit)
    return await get_host().list_users(org_id, limit=limit, cursor=cursor)


def iter_users(org_id: int, *, page_size: int = MAX_LIMIT) -> AsyncIterator[UserInfo]:
    """Every user of ``org_id``; one :func:`list_users` query per ``page_size`` users."""
    check_limit(page_size)
    return _walk(lambda cursor: list_users(org_id, limit=page_size, cursor=cursor))


async def get_project(org_id: int, project_id: int) -> ProjectInfo | None:
    """The project ``project_id`` of ``org_id`` (``None`` if not the org's).

    Cost: one query by primary key; one row.
    """
    return await get_host().get_project(org_id, project_id)


async def list_projects(
    org_id: int,
    *,
    statuses: Sequence[str] | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> CursorPage[ProjectInfo]:
    """One page of the projects of ``org_id`` (of ``statuses`` when given: ``DRAFT``,
    ``ACTIVE``, ``ARCHIVED``), by id, after ``cursor``.

    Cost: one query on the primary key from the cursor, filtered by org; O(``limit``) rows.
    """
    check_limit(limit)
    return await get_host().list_projects(org_id, statuses=statuses, limit=limit, cursor=cursor)


def iter_projects(
    org_id: int, *, statuses: Sequence[str] | None = None, page_size: int = MAX_LIMIT
) -> AsyncIterator[ProjectInfo]:
    """Every project of ``org_id``; one :func:`list_projects` query per ``page_size``."""
    check_limit(page_size)
    return _walk(
        lambda cursor: list_projects(org_id, statuses=statuses, limit=page_size, cursor=cursor)
    )


async def get_place(org_id: int, place_id: int) -> PlaceInfo | None:
    """The place ``place_id`` of ``org_id`` (``None`` if not the org's).

    Cost: one query by primary key; one row.
    """
    return await get_host().get_place(org_id, place_id)


async def list_places(
    org_id: int, *, limit: int = DEFAULT_LIMIT, cursor: str | None = None
) -> CursorPage[PlaceInfo]:
    """One page of the places of ``org_id``, by id, after ``cursor``.

    Cost: one query on the primary key from the cursor, filtered by org; O(``limit``) rows.
    """
    check_limit(limit)
    return await get_host().list_places(org_id, limit=limit, cursor=cursor)


def iter_places(org_id: int, *, page_size: int = MAX_LIMIT) -> AsyncIterator[PlaceInfo]:
    """Every place of ``org_id``; one :func:`list_places` query per ``page_size`` places."""
    check_limit(page_size)
    return _walk(lambda cursor: list_places(org_id, limit=page_size, cursor=cursor))


async def effective_rate(
    org_id: int,
    *,
    user_id: int | None = None,
    role_name: str | None = None,
    mission_id: int | None = None,
) -> RateInfo | None:
    """The rate that applies to ``user_id`` working as ``role_name`` (on ``mission_id``),
    by the core's precedence: the mission's rate, else the user's, else the role name's
    (org-wide, compared without case). Levels not given are skipped; ``None`` when no
    level has a rate, or when the user or mission is not the org's.

    Cost: at most three indexed queries (the user and mission checks, then one lookup
    on the unique rate indexes); one row.
    """
    return await get_host().effective_rate(
        org_id, user_id=user_id, role_name=role_name, mission_id=mission_id
    )


async def assignment_rate(org_id: int, assignment_id: int) -> RateInfo | None:
    """The rate that applies to an assignment: :func:`effective_rate` of its user, its
    mission role's name and its mission. ``None`` without a rate or for an assignment
    of another org.

    Cost: one query by primary key for the assignment, then :func:`effective_rate`.
    """
    return await get_host().assignment_rate(org_id, assignment_id)


async def assignment_rates(
    org_id: int, assignment_ids: Iterable[int]
) -> dict[int, RateInfo | None]:
    """The rate of each assignment of ``org_id`` among ``assignment_ids`` (the grouped
    :func:`assignment_rate`: same precedence, mission > user > role name), by assignment
    id: ``None`` for an assignment without a rate; assignments of another org, or ids of
    no assignment, are absent. At most :data:`MAX_IDS` ids (repeats count once), else
    ``ValueError``.

    Cost: one query: the assignments by primary key (``= ANY``), each joined to its
    role and to the three unique rate indexes (mission, user, role name); one row per
    assignment found.
    """
    ids = check_ids(assignment_ids)
    if not ids:
        return {}
    return await get_host().assignment_rates(org_id, ids)


#: Longest span :func:`work_rows` reads (a quarter and its margins; more is a ``ValueError``).
MAX_WORK_SPAN = dt.timedelta(days=100)


async def work_rows(
    org_id: int,
    *,
    starts_after: dt.datetime,
    starts_before: dt.datetime,
    statuses: Sequence[str] = ACTIVE_STATUSES,
    user_id: int | None = None,
) -> list[WorkRow]:
    """Every assignment of ``org_id`` whose mission starts in ``[starts_after,
    starts_before)`` with one of ``statuses`` (and of ``user_id`` when given), soonest
    mission first (then assignment id), each as a compact :class:`WorkRow`: the
    assignment, its user's name and employment type, its mission's project and time zone,
    and its rate (:func:`assignment_rate`'s precedence). Reserves are included (see
    ``WorkRow.reserve``).

    The bulk read of a pay report: what :func:`iter_assignments`, :func:`get_users`,
    :func:`get_missions` and :func:`assignment_rates` give together, in four queries
    whatever the number of rows and without an object per row. The span is at most
    :data:`MAX_WORK_SPAN` (aware datetimes, ``starts_after < starts_before``), else
    ``ValueError``.

    Cost: one query on the ``(org, starts_at)`` assignments index, each row joined by
    primary key to its mission and role; then one lookup each, by primary key or unique
    index, for the distinct users, the places' time zones and the rates (mission, user,
    role name). It runs in a transaction (the caller's, e.g. :func:`read_snapshot`'s)
    that asks for custom plans, so that a cached statement keeps a plan made for its span.

    Example::

        # plugins/payroll/src/coulisses_payroll/report.py (extrait)
        async with read_snapshot():
            ...
            found = [
                row
                for row in await work_rows(
                    org_id,
                    user_id=user_id,
                    statuses=PLANNED,
                    starts_after=month.start - _LOOK_BACK - _ZONE_SLACK,
                    starts_before=month.end + _ZONE_SLACK,
                )
                if not row.reserve
            ]
    """
    for instant in (starts_after, starts_before):
        if not isinstance(instant, dt.datetime) or instant.utcoffset() is None:
            raise ValueError("starts_after and starts_before are aware datetimes")
    if not starts_after < starts_before <= starts_after + MAX_WORK_SPAN:
        raise ValueError(
            f"starts_after must be before starts_before, at most {MAX_WORK_SPAN.days} days apart"
        )
    return await get_host().work_rows(
        org_id,
        starts_after=starts_after,
        starts_before=starts_before,
        statuses=tuple(statuses),
        user_id=user_id,
    )


async def member_contacts(org_id: int, roles: Sequence[str]) -> list[Contact]:
    """The active members of ``org_id`` whose role is one of ``roles``."""
    return await get_host().member_contacts(org_id, roles)


async def expiring_certifications(
    org_id: int, *, within_days: int = 30, limit: int = 500
) -> list[CertificationAlert]:
    """The certifications of ``org_id`` to renew today (the org's local date).

    Those whose ``valid_until`` falls within ``within_days`` days (0 to 365) from
    today, and those already expired whose user is still on an upcoming active
    assignment requiring the skill; soonest ``valid_until`` first, at most ``limit``.
    The same list as ``GET /api/v1/users/certifications/expiring``.
    """
    return await get_host().expiring_certifications(org_id, within_days=within_days, limit=limit)


async def account_user_id(org_id: int, account_id: int) -> int | None:
    """The user (schedulable person) of ``org_id`` linked to ``account_id``, if any."""
    return await get_host().account_user_id(org_id, account_id)


async def publish_live(
    org_id: int,
    plugin: str,
    kind: str,
    data: dict[str, Any],
    *,
    recipient_account_id: int | None = None,
) -> None:
    """Push ``data`` on the org's live stream (``GET /api/v1/events``) as ``<plugin>.<kind>``.

    With ``recipient_account_id`` only that account's streams receive it (the
    payload then carries ``recipient_account_id``). Without it every member of
    the org receives it, techs included: put no one's private data (contact
    details, notes, reasons; docs/rbac.md) in a broadcast payload. Never fails
    the caller.
    """
    await get_host().publish_live(
        org_id, plugin, kind, data, recipient_account_id=recipient_account_id
    )


async def answer_invitation(
    org_id: int,
    invitation_id: int,
    *,
    user_id: int,
    accept: bool,
    via: str,
    reason: str | None = None,
) -> AnswerResult:
    """Accept or decline an invitation for its own user, met on a channel the plugin trusts.

    Same rules as the signed link (expiry, revocation, idempotent replay, quota,
    overlap), audited, and the assignment event fires with ``via``. The
    invitation must belong to ``user_id`` in ``org_id``, else ``invitation.not_found``.
    """
    return await get_host().answer_invitation(
        org_id, invitation_id, user_id=user_id, accept=accept, via=via, reason=reason
    )


async def rate_limit(plugin: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one hit of ``key`` (namespaced by plugin); False once past ``limit`` in the window.

    Shared by every app process (Redis) when the deployment has Redis.
    """
    return await get_host().rate_limit(plugin, key, limit=limit, window_seconds=window_seconds)


async def report_invitation_delivery(
    org_id: int,
    invitation_id: int,
    *,
    status: str,
    channel: str | None = None,
    error: str | None = None,
) -> None:
    """Tell the host what became of an invitation link the plugin took in charge.

    ``status`` is ``sent``, ``failed`` (after the plugin's last attempt; ``error`` says
    why, without any link or token) or ``no_channel``; ``channel`` names the way it went
    (``email``, ``telegram``...). The planning shows it, and ``failed`` / ``no_channel``
    notify the inviting manager (event ``InvitationDeliveryFailed``). Reporting the same
    outcome twice changes nothing; an unknown invitation is ignored.
    """
    await get_host().report_invitation_delivery(
        org_id, invitation_id, status=status, channel=channel, error=error
    )


def sign(purpose: str, payload: dict[str, Any]) -> str:
    """``payload`` (a dict of JSON values) signed with the host's current key for ``purpose``.

    Use it for links a plugin mails out (unsubscribe, one-click actions): the token
    is URL-safe (``body.mac``), readable by anyone (do not put secrets in it) and
    carries no expiry of its own (put one in the payload if needed). ``purpose``
    (e.g. ``"<plugin>.unsubscribe"``, no ``:``) separates the uses of the key: a
    token signed for one purpose never verifies for another. The host's keys
    rotate (``COULISSES_SECRET_KEY`` signs, ``COULISSES_OLD_SECRET_KEYS`` still
    verify): a plugin holds no key of its own.
    """
    return get_host().sign(purpose, payload)


def unsign(purpose: str, token: str) -> dict[str, Any] | None:
    """The payload of a :func:`sign` token for ``purpose``, else None (forged, tampered,
    another purpose, or signed by a key the host no longer lists)."""
    return get_host().unsign(purpose, token)


def seal(purpose: str, value: Any) -> str:
    """``value`` (JSON values) encrypted and authenticated with the host's key for ``purpose``.

    Use it for what a plugin must store but nobody may read in the database, a dump
    or a log: a signing secret it has to use again, an API token of a partner
    service. The token is opaque ASCII (about 4/3 of the JSON plus 100 characters:
    store it in a ``Text`` column). ``purpose`` (e.g. ``"<plugin>.endpoint_secret"``,
    no ``:``) separates the uses of the key: a value sealed for one purpose never
    opens for another. Keys rotate with the host's (``COULISSES_OLD_SECRET_KEYS``
    still open older tokens; seal again to move a value to the current key).
    """
    return get_host().seal(purpose, value)


def unseal(purpose: str, token: str) -> Any:
    """The value :func:`seal` sealed for ``purpose``, else None (tampered, another purpose,
    not a token, or sealed under a key the host no longer lists)."""
    return get_host().unseal(purpose, token)


async def emit_event(event: DomainEvent) -> None:
    """Record ``event``, an instance of your plugin's own :class:`DomainEvent` subclass,
    in the current transaction (open one around your change and this call, so that both
    commit together: ``async with MyTable._meta.db.transaction(): ...``).

    After commit a worker hands it, like the core's events, to each plugin the org
    enabled that implements ``domain_event`` (a webhooks plugin forwards it), at least
    once, with retries. Name the class after your plugin (kinds are class names and must be
    unique in a deployment), keep its fields JSON values (str, int, float, bool,
    None, dates, lists, dicts). The core's own event classes are refused
    (``ValueError``): a plugin cannot forge an acceptance or a new member.
    """
    await get_host().emit_event(event)


async def record_audit(
    org_id: int,
    plugin: str,
    action: str,
    *,
    actor_account_id: int | None,
    target: str | None = None,
    payload: dict[str, Any] | None = None,
) -> None:
    """Append an entry to the org's audit log (``GET /api/v1/audit``, the Journal page) as
    ``<plugin>.<action>``, done by ``actor_account_id`` (``None``: the system) on ``target``
    (``"timesheet:42"``).

    ``action`` is lowercase words joined by dots or underscores (``timesheet_validated``),
    else ``ValueError``; the plugin prefix keeps a plugin from writing a core action. For an
    update put the changed fields in ``payload`` as ``{"before": {...}, "after": {...}}``
    (the Journal shows them field by field); keep the payload JSON values and no secret.
    Call it inside the transaction of the change (``async with MyTable._meta.db.transaction():``)
    so that the change and its entry commit or roll back together.

    Cost: one insert.
    """
    await get_host().record_audit(
        org_id,
        plugin,
        action,
        actor_account_id=actor_account_id,
        target=target,
        payload=payload,
    )
