"""The core's implementation of the SDK ``Host``: what plugins may ask of the core at run time."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any

from coulisses import sealing
from coulisses.auth import tokens
from coulisses.db.connection import replica_snapshot
from coulisses.errors import DomainError
from coulisses.plugins import host_reads, service
from coulisses.plugins.loader import get_registry
from coulisses.scheduling.invitations.delivery import report
from coulisses.scheduling.invitations.service import answer_for_user
from coulisses_sdk import (
    AnswerResult,
    AssignmentContext,
    AssignmentInfo,
    AssignmentSummary,
    CertificationAlert,
    Contact,
    CursorPage,
    DomainEvent,
    MissionInfo,
    MissionRoleInfo,
    OrgInfo,
    PlaceInfo,
    ProjectInfo,
    RateInfo,
    UserInfo,
    WorkRow,
)

if TYPE_CHECKING:
    from coulisses.jobs.queue import JobRuntime

logger = logging.getLogger(__name__)


def _job_fields() -> frozenset[str]:
    from saq import Job

    # ``sealed`` and ``options`` carry the job through the outbox.
    return frozenset(Job.__dataclass_fields__) | {"sealed", "options"}


_SAQ_JOB_FIELDS = _job_fields()


class CoreHost:
    """Installed with ``coulisses_sdk.host.set_host`` by the app lifespan."""

    def __init__(self, runtime: JobRuntime) -> None:
        self.runtime = runtime

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
    ) -> None:
        # A plugin may only queue its own jobs, so the org/plugin stamp is trustworthy.
        if not job.startswith(f"{plugin}.") or job not in get_registry().jobs:
            raise ValueError(f"unknown job {job} for plugin {plugin}")
        clash = sorted(set(kwargs) & _SAQ_JOB_FIELDS)
        if clash:  # SAQ would take them as job settings, not as the job's arguments
            raise ValueError(f"job arguments named {', '.join(clash)} are reserved")
        options: dict[str, Any] = {}
        if defer_until is not None:
            if defer_until.tzinfo is None:
                raise ValueError("defer_until must be timezone-aware")
            options["scheduled"] = int(defer_until.timestamp())
        if retries is not None:
            options["retries"] = max(1, retries)
        if retry_delay is not None:
            options["retry_delay"] = retry_delay
        if retry_backoff is not None:
            options["retry_backoff"] = retry_backoff
        if job_timeout is not None:
            options["timeout"] = job_timeout
        await self.runtime.enqueue(job, org_id=org_id, options=options, plugin=plugin, **kwargs)

    async def plugin_config(self, org_id: int, plugin: str) -> dict[str, Any]:
        return await service.get_config(org_id, plugin)

    async def is_enabled(self, org_id: int, plugin: str) -> bool:
        return await service.is_enabled(org_id, plugin)

    async def org_info(self, org_id: int) -> OrgInfo | None:
        return await host_reads.org_info(org_id)

    def read_snapshot(self) -> AbstractAsyncContextManager[str]:
        return replica_snapshot()

    async def assignment_context(self, org_id: int, assignment_id: int) -> AssignmentContext | None:
        return await host_reads.assignment_context(org_id, assignment_id)

    async def list_assignments(
        self,
        org_id: int,
        *,
        user_id: int | None = None,
        mission_id: int | None = None,
        statuses: Sequence[str] = ("INVITED", "ACCEPTED"),
        starts_after: dt.datetime | None = None,
        starts_before: dt.datetime | None = None,
        invitation_expires_before: dt.datetime | None = None,
        limit: int = 100,
    ) -> list[AssignmentSummary]:
        return await host_reads.list_assignments(
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
        self,
        org_id: int,
        *,
        user_id: int | None = None,
        mission_id: int | None = None,
        statuses: Sequence[str] = ("INVITED", "ACCEPTED"),
        starts_after: dt.datetime | None = None,
        starts_before: dt.datetime | None = None,
        invitation_expires_before: dt.datetime | None = None,
        limit: int = 100,
        cursor: str | None = None,
    ) -> CursorPage[AssignmentSummary]:
        return await host_reads.list_assignments_page(
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

    async def get_assignment(self, org_id: int, assignment_id: int) -> AssignmentInfo | None:
        return await host_reads.get_assignment(org_id, assignment_id)

    async def get_mission(self, org_id: int, mission_id: int) -> MissionInfo | None:
        return await host_reads.get_mission(org_id, mission_id)

    async def list_missions(
        self,
        org_id: int,
        *,
        starts_from: dt.datetime,
        starts_before: dt.datetime,
        project_id: int | None = None,
        place_id: int | None = None,
        limit: int = 100,
        cursor: str | None = None,
    ) -> CursorPage[MissionInfo]:
        return await host_reads.list_missions(
            org_id,
            starts_from=starts_from,
            starts_before=starts_before,
            project_id=project_id,
            place_id=place_id,
            limit=limit,
            cursor=cursor,
        )

    async def mission_roles(self, org_id: int, mission_id: int) -> list[MissionRoleInfo]:
        return await host_reads.mission_roles(org_id, mission_id)

    async def get_missions(self, org_id: int, mission_ids: Sequence[int]) -> dict[int, MissionInfo]:
        return await host_reads.get_missions(org_id, mission_ids)

    async def get_user(self, org_id: int, user_id: int) -> UserInfo | None:
        return await host_reads.get_user(org_id, user_id)

    async def get_users(self, org_id: int, user_ids: Sequence[int]) -> dict[int, UserInfo]:
        return await host_reads.get_users(org_id, user_ids)

    async def legal_ids(self, org_id: int, user_ids: Sequence[int]) -> dict[int, dict[str, str]]:
        return await host_reads.legal_ids(org_id, user_ids)

    async def list_users(
        self, org_id: int, *, limit: int = 100, cursor: str | None = None
    ) -> CursorPage[UserInfo]:
        return await host_reads.list_users(org_id, limit=limit, cursor=cursor)

    async def get_project(self, org_id: int, project_id: int) -> ProjectInfo | None:
        return await host_reads.get_project(org_id, project_id)

    async def list_projects(
        self,
        org_id: int,
        *,
        statuses: Sequence[str] | None = None,
        limit: int = 100,
        cursor: str | None = None,
    ) -> CursorPage[ProjectInfo]:
        return await host_reads.list_projects(org_id, statuses=statuses, limit=limit, cursor=cursor)

    async def get_place(self, org_id: int, place_id: int) -> PlaceInfo | None:
        return await host_reads.get_place(org_id, place_id)

    async def list_places(
        self, org_id: int, *, limit: int = 100, cursor: str | None = None
    ) -> CursorPage[PlaceInfo]:
        return await host_reads.list_places(org_id, limit=limit, cursor=cursor)

    async def effective_rate(
        self,
        org_id: int,
        *,
        user_id: int | None = None,
        role_name: str | None = None,
        mission_id: int | None = None,
    ) -> RateInfo | None:
        return await host_reads.effective_rate(
            org_id, user_id=user_id, role_name=role_name, mission_id=mission_id
        )

    async def assignment_rate(self, org_id: int, assignment_id: int) -> RateInfo | None:
        return await host_reads.assignment_rate(org_id, assignment_id)

    async def assignment_rates(
        self, org_id: int, assignment_ids: Sequence[int]
    ) -> dict[int, RateInfo | None]:
        return await host_reads.assignment_rates(org_id, assignment_ids)

    async def work_rows(
        self,
        org_id: int,
        *,
        starts_after: dt.datetime,
        starts_before: dt.datetime,
        statuses: Sequence[str] = ("INVITED", "ACCEPTED"),
        user_id: int | None = None,
    ) -> list[WorkRow]:
        return await host_reads.work_rows(
            org_id,
            starts_after=starts_after,
            starts_before=starts_before,
            statuses=statuses,
            user_id=user_id,
        )

    async def member_contacts(self, org_id: int, roles: Sequence[str]) -> list[Contact]:
        return await host_reads.member_contacts(org_id, roles)

    async def account_user_id(self, org_id: int, account_id: int) -> int | None:
        return await host_reads.account_user_id(org_id, account_id)

    async def expiring_certifications(
        self, org_id: int, *, within_days: int = 30, limit: int = 500
    ) -> list[CertificationAlert]:
        return await host_reads.expiring_certifications(
            org_id, within_days=within_days, limit=limit
        )

    async def publish_live(
        self,
        org_id: int,
        plugin: str,
        kind: str,
        data: dict[str, Any],
        *,
        recipient_account_id: int | None = None,
    ) -> None:
        from coulisses.live.bus import RECIPIENT_KEY
        from coulisses.outbox.service import stage_events

        payload = dict(data)
        payload.pop(RECIPIENT_KEY, None)
        if recipient_account_id is not None:
            payload[RECIPIENT_KEY] = recipient_account_id
        # Through the outbox: a live bus outage delays the event, never loses it.
        await stage_events([(org_id, f"{plugin}.{kind}", payload)])

    async def answer_invitation(
        self,
        org_id: int,
        invitation_id: int,
        *,
        user_id: int,
        accept: bool,
        via: str,
        reason: str | None = None,
    ) -> AnswerResult:
        try:
            row = await answer_for_user(
                org_id, invitation_id, user_id=user_id, accept=accept, via=via, reason=reason
            )
        except DomainError as exc:
            return AnswerResult(ok=False, code=exc.code)
        return AnswerResult(
            ok=True,
            assignment_id=row["assignment_id"],
            assignment_status=row["assignment_status"],
            replayed=row["replayed"],
            reserve=row["reserve"],
        )

    async def rate_limit(self, plugin: str, key: str, *, limit: int, window_seconds: int) -> bool:
        from coulisses.ratelimit import get_limiter

        hits = await get_limiter().hit(f"plugin:{plugin}:{key}", window_seconds)
        return hits <= limit

    async def report_invitation_delivery(
        self,
        org_id: int,
        invitation_id: int,
        *,
        status: str,
        channel: str | None = None,
        error: str | None = None,
    ) -> None:
        await report(org_id, invitation_id, status=status, channel=channel, error=error)

    def sign(self, purpose: str, payload: dict[str, Any]) -> str:
        _check_plugin_purpose(purpose)
        return tokens.sign(purpose, payload)

    def unsign(self, purpose: str, token: str) -> dict[str, Any] | None:
        _check_plugin_purpose(purpose)
        return tokens.unsign(purpose, token)

    def seal(self, purpose: str, value: Any) -> str:
        _check_plugin_purpose(purpose)
        return sealing.seal(value, f"plugin.{purpose}")

    def unseal(self, purpose: str, token: str) -> Any:
        _check_plugin_purpose(purpose)
        if not isinstance(token, str):
            return None
        try:
            return sealing.unseal(token, f"plugin.{purpose}")
        except sealing.SealError:
            return None

    async def emit_event(self, event: DomainEvent) -> None:
        from coulisses.plugins.dispatch import stage

        if not isinstance(event, DomainEvent) or type(event) is DomainEvent:
            raise ValueError("emit_event takes an instance of a DomainEvent subclass")
        if type(event).__module__ == CORE_EVENTS_MODULE:
            raise ValueError(f"{event.kind} is a core event: a plugin cannot emit it")
        await stage([event])

    async def record_audit(
        self,
        org_id: int,
        plugin: str,
        action: str,
        *,
        actor_account_id: int | None,
        target: str | None = None,
        payload: dict[str, Any] | None = None,
    ) -> None:
        from coulisses.audit.entries import record

        if not isinstance(plugin, str) or not _AUDIT_WORDS.match(plugin):
            raise ValueError(f"invalid plugin name {plugin!r}")
        if not isinstance(action, str) or not _AUDIT_WORDS.match(action):
            raise ValueError(f"invalid audit action {action!r}: lowercase words, dots, _")
        if target is not None and (not isinstance(target, str) or len(target) > 200):
            raise ValueError("target is a string of at most 200 characters")
        await record(org_id, actor_account_id, f"{plugin}.{action}", target, payload)


#: A plugin name or an audit action: lowercase words joined by dots or underscores.
_AUDIT_WORDS = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")

#: Where the core's event classes live (plugins define theirs in their own modules).
CORE_EVENTS_MODULE = "coulisses_sdk.events"

#: Purposes the core keeps for itself: a plugin cannot mint or read those tokens.
_CORE_PURPOSES = ("auth.", "core.", "invitation.")


def _check_plugin_purpose(purpose: str) -> None:
    if not isinstance(purpose, str) or not purpose or ":" in purpose:
        raise ValueError("purpose must be a non-empty string without ':'")
    if purpose.startswith(_CORE_PURPOSES):
        raise ValueError(f"purpose {purpose!r} is reserved for the core")
