"""Services the host (core) provides to plugins at run time.

The core installs its implementation at startup with :func:`set_host`; plugins
call the module-level functions and never import the core. Every read takes
the org explicitly and returns nothing of another org.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from coulisses_sdk.context import (
    AnswerResult,
    AssignmentContext,
    AssignmentSummary,
    CertificationAlert,
    Contact,
    OrgInfo,
)
from coulisses_sdk.events import DomainEvent

#: Assignment statuses that still hold a place (what "my missions" shows).
ACTIVE_STATUSES = ("INVITED", "ACCEPTED")


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

    async def emit_event(self, event: DomainEvent) -> None: ...


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
    """Assignments of ``org_id`` matching every filter given, soonest mission first.

    ``invitation_expires_before`` keeps assignments whose open (unanswered,
    not revoked) invitation expires before that instant.
    """
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
