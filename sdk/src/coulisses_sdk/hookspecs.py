"""Every hook a plugin can implement, in one file (the contract between core and plugins).

Registration hooks run once at boot and receive a ``register`` callback so the
host validates and de-duplicates what a plugin contributes. Event hooks run
after the transaction that produced the event has committed, only for plugins
the event's org has enabled, each plugin isolated from the others' errors.
An implementation may be ``async``: the host awaits what it returns. Hook
order is not guaranteed; never rely on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pluggy

from coulisses_sdk.context import (
    AvailabilityRequestDelivery,
    InvitationDelivery,
    PasswordResetDelivery,
)
from coulisses_sdk.events import (
    AssignmentAccepted,
    AssignmentCancelled,
    AssignmentDeclined,
    AssignmentInvited,
    AssignmentPromoted,
    AvailabilityChanged,
    AvailabilityRequestAnswered,
    CertificationsExpiring,
    DomainEvent,
    InvitationDeliveryFailed,
    MemberAdded,
    MissionChanged,
    OpenShiftApplicationAccepted,
    OpenShiftApplicationRejected,
    OpenShiftOffered,
    OpenShiftOfferExpired,
    OpenShiftWaitlisted,
    OrgCreated,
    SwapChanged,
)
from coulisses_sdk.frontend import MenuEntry

PROJECT_NAME = "coulisses"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


# -- registration hooks (called once at boot, for every installed plugin) -----


@hookspec
def register_routes(register: Callable[[Any], None]) -> None:
    """Contribute Litestar route handlers, controllers or routers.

    ``register(handler)`` mounts ``handler`` under ``/api/v1/<plugin>/``. Every
    such route requires a session, and answers 404 for an org that has not
    enabled the plugin. Example::

        # sdk/examples/hello/src/coulisses_hello/plugin.py (extrait)
        @get("/ping", operation_id="HelloPing")
        async def ping(request: Request[Any, Any, Any]) -> dict[str, Any]:
            ...

        @hookimpl
        def register_routes(self, register: Any) -> None:
            register(list_greetings)
            register(ping)
    """


@hookspec
def register_piccolo_apps(register: Callable[[str], None]) -> None:
    """Contribute Piccolo apps by module path, e.g. ``register("coulisses_hello.piccolo_app")``.

    The app's ``APP_CONFIG`` must declare ``migration_dependencies`` on the core
    apps it references; ``coulisses migrate`` runs its migrations after core's.
    Every row of a plugin table should carry an ``org_id``.
    """


@hookspec
def register_jobs(register: Callable[..., None]) -> None:
    """Contribute SAQ job functions: ``register(func)`` or ``register(func, cron="*/5 * * * *")``.

    A job is called as ``await func(ctx, org_id=..., **kwargs)`` and is named
    ``<plugin>.<func.__name__>`` for :func:`coulisses_sdk.enqueue`. A cron job
    is called once per enabling org, as ``func(ctx, org_id=...)``, on its schedule;
    it is a job too: ``enqueue`` runs it now for one org, and
    ``coulisses_sdk.testing.run_cron`` runs it in tests. ``ctx["attempt"]``
    is the current attempt (1 for the first run) and ``ctx["max_attempts"]`` the
    last one (``retries`` given to ``enqueue``): a job that raises is run again
    until then.
    """


@hookspec
def register_frontend(register: Callable[[MenuEntry], None]) -> None:
    """Contribute menu entries, pages and widgets of the web app: ``register(MenuEntry(...))``.

    The org's manifest (``GET /api/v1/orgs/current/manifest``) lists an entry
    only while the org has enabled the plugin and the member's role reaches
    ``min_role``. ``path`` must be ``/plugins/<plugin>`` (or below); ``label`` needs a
    ``"fr"`` text. A bad entry leaves the plugin out (with the reason). A
    ``PluginPage(path=..., module="meals.js")`` is an entry whose screen is the plugin's
    own ES module, served from ``Plugin.frontend_dir``; a
    ``PluginWidget(slot="header", module="bell.js")`` is a module the web app renders
    in its shell (one per slot and plugin; slots in ``coulisses_sdk.frontend.WIDGET_SLOTS``).
    Example::

        # sdk/examples/hello/src/coulisses_hello/plugin.py (extrait)
        @hookimpl
        def register_frontend(self, register: Any) -> None:
            # The web app's generic plugin page (metadata and config form).
            register(MenuEntry(path=f"/plugins/{NAME}", label={"fr": "Hello", "en": "Hello"}))
    """


@hookspec
def register_admin_tables(register: Callable[[Any], None]) -> None:
    """Contribute Piccolo tables shown to platform operators in piccolo-admin."""


# -- domain events (per tenant, after commit) --------------------------------
#
# Each event is written with the change that produced it and delivered after commit
# by a worker, never inside the user's request: at least once, retried with backoff
# while the handler raises or exceeds its timeout, then dead-lettered (operators list
# and replay them with ``coulisses events failed`` / ``coulisses events replay``).
# ``event.event_id`` is the same at every attempt: make the handler idempotent with it.


@hookspec
def domain_event(event: DomainEvent) -> Any:
    """Every domain event of an org that enabled the plugin, whatever its kind
    (``event.kind``), including events other plugins define: for a plugin that
    forwards events (webhooks, an audit trail). Delivered like the typed hooks below.
    """


@hookspec
def org_created(event: OrgCreated) -> Any:
    """An org was just created (signup).

    A new org has enabled nothing yet, so this one event goes to every installed
    plugin (a plugin may prepare defaults for the org); it stays isolated per plugin.
    """


@hookspec
def member_added(event: MemberAdded) -> Any:
    """An account became member of ``event.org_id`` with ``event.role``."""


@hookspec
def mission_changed(event: MissionChanged) -> Any:
    """A mission was created, updated (title, place, times...), published, unpublished or deleted.

    ``event.change`` names which; ``event.mission_id`` and ``event.project_id`` locate it.
    A bulk creation fires one event per mission. Example::

        # sdk/examples/catering/src/coulisses_catering/plugin.py (extrait)
        @hookimpl
        async def mission_changed(self, event: MissionChanged) -> None:
            ...
            if event.change != "created":
                return
            mission = await get_mission(event.org_id, event.mission_id)
            if mission is None:  # deleted since
                return
            await _plan_meals(event.org_id, mission.mission_id, mission.title, event.event_id)
    """


@hookspec
def assignment_invited(event: AssignmentInvited) -> Any:
    """A user was invited on a mission role (a new INVITED assignment).

    ``event.invitation_id`` is the signed link created with it; the link itself
    (its token) is never given to plugins. ``event.reserve`` is True for an
    invitee beyond the role's quota (on the reserve list).
    """


@hookspec
def assignment_accepted(event: AssignmentAccepted) -> Any:
    """An INVITED assignment became ACCEPTED.

    ``event.via`` is ``"link"`` (public signed invitation), ``"app"`` (the
    logged-in user linked to the assignee) or the channel of a plugin that
    answered for the user (``"telegram"``). A replayed link fires nothing.
    ``event.reserve`` is True when a reserve accepted: available, but without a
    place until ``assignment_promoted`` fires for the same assignment.
    """


@hookspec
def assignment_declined(event: AssignmentDeclined) -> Any:
    """An INVITED assignment became DECLINED, with the optional ``event.reason``."""


@hookspec
def assignment_cancelled(event: AssignmentCancelled) -> Any:
    """A manager cancelled an INVITED or ACCEPTED assignment (``event.previous_status``)."""


@hookspec
def assignment_promoted(event: AssignmentPromoted) -> Any:
    """A reserve who had accepted was given a place of the role (a place freed up).

    ``event.cause`` is ``declined`` or ``cancelled`` (``event.freed_assignment_id``
    let the place go), ``quota`` (the role's quota was raised) or ``accepted`` (the
    reserve accepted while a place was free). Reserves are promoted in the order in
    which they accepted. Tell the person they now work on the mission. Example::

        # plugins/notifications/src/coulisses_notifications/plugin.py (extrait)
        @hookimpl
        async def assignment_promoted(self, event: AssignmentPromoted) -> None:
            await enqueue(
                f"{NAME}.on_promoted",
                org_id=event.org_id,
                plugin=NAME,
                assignment_id=event.assignment_id,
            )
    """


@hookspec
def invitation_delivery_failed(event: InvitationDeliveryFailed) -> Any:
    """An invitation link could not be delivered (``event.delivery_status`` is ``failed``
    or ``no_channel``); ``event.inviter_account_id`` is the manager to tell. Example::

        # plugins/notifications/src/coulisses_notifications/plugin.py (extrait)
        @hookimpl
        async def invitation_delivery_failed(self, event: InvitationDeliveryFailed) -> None:
            await enqueue(
                f"{NAME}.on_delivery_failed",
                org_id=event.org_id,
                plugin=NAME,
                assignment_id=event.assignment_id,
                invitation_id=event.invitation_id,
                delivery_status=event.delivery_status,
                inviter_account_id=event.inviter_account_id,
            )
    """


@hookspec
def swap_changed(event: SwapChanged) -> Any:
    """A swap between crew moved on a step (``event.step``: ``proposed``, ``accepted``,
    ``approved``, ``rejected``, ``applied``, ``declined``, ``cancelled``).

    ``event.swap_kind`` is ``handover`` or ``swap``; ``event.proposer_user_id``,
    ``event.target_user_id`` (None: open to anyone eligible) and
    ``event.colleague_user_id`` (who accepted) say whom it concerns. ``applied``
    follows ``accepted`` (no approval needed) or ``approved`` in the same batch: the
    proposer's assignment is then CANCELLED and the colleague holds a new ACCEPTED
    one. Example::

        # plugins/notifications/src/coulisses_notifications/plugin.py (extrait)
        @hookimpl
        async def swap_changed(self, event: SwapChanged) -> None:
            await enqueue(
                f"{NAME}.on_swap_changed",
                org_id=event.org_id,
                plugin=NAME,
                swap_id=event.swap_id,
                step=event.step,
                assignment_id=event.assignment_id,
                proposer_user_id=event.proposer_user_id,
                target_user_id=event.target_user_id,
                colleague_user_id=event.colleague_user_id,
                requires_approval=event.requires_approval,
            )
    """


@hookspec
def availability_request_answered(event: AvailabilityRequestAnswered) -> Any:
    """A person answered an availability request through their link (``event.answers``
    days or slots answered; each answer replaces the previous one). It carries ids only:
    read the answers with the manager's API (``GET /api/v1/availability-requests/{id}``).
    """


@hookspec
def availability_changed(event: AvailabilityChanged) -> Any:
    """A person's availability window (absence, leave) was requested, recorded, approved,
    refused or deleted (``event.step``). The notifications plugin tells the managers of
    a request and the person of the decision; ``absence_type_id`` is private (health
    data): never show it to colleagues.
    """


@hookspec
def certifications_expiring(event: CertificationsExpiring) -> Any:
    """The daily check found certifications to renew (at most once per org and local day).

    ``event.day`` is the org's local date, ``event.within_days`` the horizon,
    ``event.expiring`` / ``event.expired_assigned`` the counts. The event names
    nobody: read the list in a job. Example::

        # plugins/notifications/src/coulisses_notifications/plugin.py (extrait)
        @hookimpl
        async def certifications_expiring(self, event: CertificationsExpiring) -> None:
            await enqueue(
                f"{NAME}.on_certifications_expiring",
                org_id=event.org_id,
                plugin=NAME,
                day=event.day.isoformat(),
                within_days=event.within_days,
                expiring=event.expiring,
                expired_assigned=event.expired_assigned,
            )
    """


# -- lifecycle (per org, for the plugin concerned only, run by the worker) ------


@hookspec
def plugin_enabled(org_id: int) -> Any:
    """Org ``org_id`` has just enabled this plugin: backfill what it needs.

    Lifecycle hooks are called for the plugin concerned only, by the worker after
    the change has committed (the request never waits for them), and run again
    with backoff when they raise: make them idempotent. Host services
    (``plugin_config``, ``enqueue``...) are available. When the state changed again
    before the call (disabled meanwhile), the call is skipped. Example::

        # sdk/examples/catering/src/coulisses_catering/plugin.py (extrait)
        @hookimpl
        async def plugin_enabled(self, org_id: int) -> None:
            await enqueue(f"{NAME}.backfill_meals", org_id=org_id, plugin=NAME)
    """


@hookspec
def plugin_disabled(org_id: int) -> Any:
    """Org ``org_id`` has just disabled this plugin (its data and config are kept)."""


@hookspec
def plugin_config_changed(org_id: int, old: dict[str, Any], new: dict[str, Any]) -> Any:
    """Org ``org_id`` saved a new config for this plugin while it is enabled.

    ``old`` and ``new`` are the validated configs (JSON-shaped dicts).
    """


# -- deliveries (per tenant; the core falls back to its own mailer) ------------


@hookspec
def deliver_invitation(delivery: InvitationDelivery) -> Any:
    """Bring an invitation link to its user instead of the core's plain email.

    Called after the invitation was committed (new assignment or resend), only
    for plugins ``delivery.org_id`` has enabled, each isolated from the others.
    Return ``True`` when the plugin takes the delivery in charge (queue a job:
    no slow I/O here); when no plugin returns ``True`` the core emails the link
    itself. A plugin that takes it reports the outcome with
    ``report_invitation_delivery`` (sent, failed, no_channel), which the planning
    shows. Runs in the core's delivery job, not in the request. The URLs carry the
    secret token: never store or log them (job arguments are sealed by the host).
    Example::

        # plugins/notifications/src/coulisses_notifications/plugin.py (extrait)
        @hookimpl
        async def deliver_invitation(self, delivery: InvitationDelivery) -> bool:
            ...
            await enqueue(
                f"{NAME}.on_invitation",
                org_id=delivery.org_id,
                plugin=NAME,
                assignment_id=delivery.assignment_id,
                invitation_id=delivery.invitation_id,
                answer_url=delivery.answer_url,
                ...
            )
            return True
    """


@hookspec
def deliver_password_reset(delivery: PasswordResetDelivery) -> Any:
    """Bring a password reset link to an account instead of the core's plain email.

    Called when one of the account's orgs enabled the plugin (``delivery.org_id``
    is that org). Return ``True`` to take it in charge, as for ``deliver_invitation``.
    """


@hookspec
def deliver_availability_request(delivery: AvailabilityRequestDelivery) -> Any:
    """Bring a request for availability (or a reminder of it) to one person asked,
    instead of the core's plain French email.

    Called in the core's job, once per person still to reach, only for plugins
    ``delivery.org_id`` has enabled. Return ``True`` to take it in charge (queue a
    job: no slow I/O here); when no plugin does, the core emails the link itself
    (a person without an email address is then left unreached: the manager sees
    them as not answered). ``answer_url`` carries a secret token: never store or log
    it (job arguments are sealed by the host). Example::

        # plugins/notifications/src/coulisses_notifications/plugin.py (extrait)
        @hookimpl
        async def deliver_availability_request(self, delivery: AvailabilityRequestDelivery) -> bool:
            ...
            await enqueue(
                f"{NAME}.on_availability_request",
                org_id=delivery.org_id,
                plugin=NAME,
                ...
                answer_url=delivery.answer_url,
                reminder=delivery.reminder,
                ...
            )
            return True
    """


# -- personal data (GDPR, docs/rgpd.md; every installed plugin, enabled or not) --


@hookspec
def personal_data_export(org_id: int, user_id: int) -> Any:
    """Return what this plugin stores about user ``user_id`` of org ``org_id``.

    Called when a member exports a person's data (``GET /api/v1/users/{id}/export``,
    or their own through ``/api/v1/users/me/export``), for every installed plugin,
    enabled by the org or not (a disabled plugin keeps its data). Return a dict
    ``{kind: [row, ...]}``: each kind becomes ``plugins/<plugin>/<kind>.csv`` in the
    zip and a key of the JSON document; rows are flat dicts of JSON values (a nested
    value is written as JSON in the CSV). Return ``{}`` (or nothing) when the plugin
    holds nothing about people. An exception fails the whole export (a partial export
    would look complete). Example (the payroll plugin; its ``personal_data.py`` reads
    timesheets, profiles, DPAE and exports with the plugin's Piccolo tables)::

        # plugins/payroll/src/coulisses_payroll/plugin.py (extrait)
        @hookimpl
        async def personal_data_export(self, org_id: int, user_id: int) -> dict[str, Any]:
            return await personal_data.export(org_id, user_id)
    """


@hookspec
def demo_seeded(org_id: int, account_id: int) -> Any:
    """The demo org (``python3 dev.py demo``, ``coulisses seed``) is built and the seed
    enabled this plugin for it: add the plugin's own demo data through the plugin's own
    services (``account_id`` is the demo owner's, the author of what is written). Called
    once per seed, after the core's data, for the plugins the seed enables only; an
    exception fails the seed. Example (the payroll plugin fills the employer identity and
    the numeros d'objet its contracts and AEMs print)::

        # plugins/payroll/src/coulisses_payroll/plugin.py (extrait)
        @hookimpl
        async def demo_seeded(self, org_id: int, account_id: int) -> None:
            await demo.seed(org_id, account_id)
    """


@hookspec
def personal_data_erase(org_id: int, user_id: int) -> Any:
    """Erase what this plugin stores about user ``user_id`` of org ``org_id``.

    Called when an admin erases a person (``POST /api/v1/users/{id}/erase``), for
    every installed plugin, inside the core's transaction and before the core
    pseudonymises the person (``get_user`` still answers with their name and
    account, to find what the plugin holds about them): write with the plugin's
    Piccolo tables (they join the current transaction) and raise to refuse, which rolls
    back the whole erasure, core's changes included. Delete or blank free text, contact
    data and identifiers; keep rows the org must keep (hours worked, pay) pointing at the
    user id, which the core pseudonymises. Return ``{kind: count}`` of what changed (the
    counts go into the ``user.erased`` audit entry) or nothing. Run twice, it must change
    nothing the second time. Example (the payroll plugin blanks timesheet comments and
    notes, keeps hours and DPAE)::

        # plugins/payroll/src/coulisses_payroll/plugin.py (extrait)
        @hookimpl
        async def personal_data_erase(self, org_id: int, user_id: int) -> dict[str, int]:
            return await personal_data.erase(org_id, user_id)
    """


@hookspec
def open_shift_application_accepted(event: OpenShiftApplicationAccepted) -> Any:
    """An application to open places gave the user a place: ``event.assignment_id`` is
    their ACCEPTED assignment; ``event.via`` is ``first_come``, ``manager`` or ``offer``.
    Tell the person they work on the mission."""


@hookspec
def open_shift_application_rejected(event: OpenShiftApplicationRejected) -> Any:
    """A manager rejected an application (policy ``manager_picks``)."""


@hookspec
def open_shift_waitlisted(event: OpenShiftWaitlisted) -> Any:
    """The role was full: the user is on its waitlist at ``event.position``."""


@hookspec
def open_shift_offered(event: OpenShiftOffered) -> Any:
    """A freed place is offered to the first on the waitlist, to accept or decline before
    ``event.expires_at`` (then it goes to the next one). Tell the person, by email too:
    the deadline is short. Example::

        # plugins/notifications/src/coulisses_notifications/plugin.py (extrait)
        @hookimpl
        async def open_shift_offered(self, event: OpenShiftOffered) -> None:
            await self._open_shift(event, "offered", expires_at=event.expires_at.isoformat())
    """


@hookspec
def open_shift_offer_expired(event: OpenShiftOfferExpired) -> Any:
    """The user let an offered place's deadline pass; the next on the waitlist gets it."""
