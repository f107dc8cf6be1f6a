"""The notifications plugin: email, Telegram and in-app notifications for the crew and managers.

Hooks stay thin: they check a rate limit or a condition, queue a job and
return. The jobs (``jobs.py``) read what they need through the SDK host and
hand messages to ``dispatch``. Nothing here imports the core.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from coulisses_notifications import jobs, messages, personal_data
from coulisses_notifications.api import CONTROLLERS
from coulisses_notifications.config import NotificationsConfig, texts
from coulisses_notifications.kinds import EMAIL, TELEGRAM
from coulisses_notifications.reactions import load_config
from coulisses_notifications.tables import Notification, SentMessage, TelegramLink
from coulisses_sdk import (
    AssignmentAccepted,
    AssignmentCancelled,
    AssignmentDeclined,
    AssignmentPromoted,
    AvailabilityChanged,
    AvailabilityRequestDelivery,
    CertificationsExpiring,
    InvitationDelivery,
    InvitationDeliveryFailed,
    MissionChanged,
    OpenShiftApplicationAccepted,
    OpenShiftApplicationRejected,
    OpenShiftEvent,
    OpenShiftOffered,
    OpenShiftOfferExpired,
    OpenShiftWaitlisted,
    PasswordResetDelivery,
    Plugin,
    PluginPage,
    PluginWidget,
    SwapChanged,
    enqueue,
    hookimpl,
    rate_limit,
    report_invitation_delivery,
)

logger = logging.getLogger(__name__)

NAME = "notifications"
#: The plugin's pages in the web app (its own ES modules, built from frontend/).
INBOX_PATH = f"/plugins/{NAME}/inbox"
PREFERENCES_PATH = f"/plugins/{NAME}/preferences"


class NotificationsPlugin(Plugin):
    name = NAME
    version = "0.1.0"
    title = texts("config.title")
    description = texts("config.description")
    core_requires = ">=0.1,<1"
    config_model = NotificationsConfig
    #: Vite's output (``frontend/`` builds into it), shipped in the wheel.
    frontend_dir = "web"

    # -- what the plugin brings ------------------------------------------------

    @hookimpl
    async def personal_data_export(self, org_id: int, user_id: int) -> dict[str, Any]:
        return await personal_data.export(org_id, user_id)

    @hookimpl
    async def personal_data_erase(self, org_id: int, user_id: int) -> dict[str, int]:
        return await personal_data.erase(org_id, user_id)

    @hookimpl
    def register_routes(self, register: Any) -> None:
        for controller in CONTROLLERS:
            register(controller)

    @hookimpl
    def register_piccolo_apps(self, register: Any) -> None:
        register("coulisses_notifications.piccolo_app")

    @hookimpl
    def register_jobs(self, register: Any) -> None:
        for job in (
            jobs.send_email,
            jobs.send_telegram,
            jobs.on_invitation,
            jobs.on_answer,
            jobs.on_cancelled,
            jobs.on_promoted,
            jobs.on_open_shift,
            jobs.on_mission_changed,
            jobs.on_password_reset,
            jobs.on_availability_request,
            jobs.on_delivery_failed,
            jobs.on_certifications_expiring,
            jobs.on_swap_changed,
            jobs.on_availability_changed,
        ):
            register(job)
        register(jobs.send_reminders, cron="*/10 * * * *")

    @hookimpl
    def register_admin_tables(self, register: Any) -> None:
        for table in (SentMessage, Notification, TelegramLink):
            register(table)

    @hookimpl
    def register_frontend(self, register: Any) -> None:
        # The plugin's own pages and header bell (frontend/ builds them into web/).
        register(
            PluginPage(
                path=INBOX_PATH,
                label={"fr": "Notifications", "en": "Notifications"},
                module="inbox.js",
            )
        )
        register(
            PluginPage(
                path=PREFERENCES_PATH,
                label={
                    "fr": "Pr\u00e9f\u00e9rences de notification",
                    "en": "Notification settings",
                },
                section="settings",
                module="preferences.js",
            )
        )
        register(PluginWidget(slot="header", module="bell.js"))

    # -- deliveries the core hands over ------------------------------------------

    @hookimpl
    async def deliver_invitation(self, delivery: InvitationDelivery) -> bool:
        """Take every invitation of the org in charge; over a rate limit it is logged, not sent."""
        config = await load_config(delivery.org_id)
        org_ok = await rate_limit(
            NAME,
            f"invite:org:{delivery.org_id}",
            limit=config.invitations_per_org_per_hour,
            window_seconds=3600,
        )
        user_ok = await rate_limit(
            NAME,
            f"invite:user:{delivery.org_id}:{delivery.user_id}",
            limit=config.invitations_per_recipient_per_day,
            window_seconds=24 * 3600,
        )
        if not (org_ok and user_ok):
            which = "org" if not org_ok else "recipient"
            await messages.record(
                delivery.org_id,
                channel=EMAIL if delivery.email else TELEGRAM,
                template="invitation",
                recipient=delivery.email or f"user:{delivery.user_id}",
                account_id=delivery.account_id,
                user_id=delivery.user_id,
                status="throttled",
                error=f"rate limit per {which} reached; invitation {delivery.invitation_id}",
            )
            logger.warning(
                "invitation %s not sent: rate limit per %s", delivery.invitation_id, which
            )
            await report_invitation_delivery(
                delivery.org_id,
                delivery.invitation_id,
                status="failed",
                channel=NAME,
                error=f"notifications.rate_limited_per_{which}",
            )
            return True
        await enqueue(
            f"{NAME}.on_invitation",
            org_id=delivery.org_id,
            plugin=NAME,
            assignment_id=delivery.assignment_id,
            invitation_id=delivery.invitation_id,
            answer_url=delivery.answer_url,
            accept_url=delivery.accept_url,
            decline_url=delivery.decline_url,
            expires_at=delivery.expires_at.isoformat(),
            resent=delivery.resent,
        )
        return True

    @hookimpl
    async def deliver_password_reset(self, delivery: PasswordResetDelivery) -> bool:
        await enqueue(
            f"{NAME}.on_password_reset",
            org_id=delivery.org_id,
            plugin=NAME,
            account_id=delivery.account_id,
            email=delivery.email,
            locale=delivery.locale,
            reset_url=delivery.reset_url,
            expires_at=delivery.expires_at.isoformat(),
        )
        return True

    @hookimpl
    async def deliver_availability_request(self, delivery: AvailabilityRequestDelivery) -> bool:
        # A fresh key per delivery: a manager's second reminder is sent, a retried job is not.
        await enqueue(
            f"{NAME}.on_availability_request",
            org_id=delivery.org_id,
            plugin=NAME,
            user_id=delivery.user_id,
            account_id=delivery.account_id,
            name=delivery.recipient_name,
            email=delivery.email,
            locale=delivery.locale,
            title=delivery.title,
            message=delivery.message,
            starts_on=delivery.starts_on.isoformat(),
            ends_on=delivery.ends_on.isoformat(),
            deadline=delivery.deadline.isoformat(),
            timezone=delivery.timezone,
            answer_url=delivery.answer_url,
            reminder=delivery.reminder,
            dedup_key=f"availability_request:{delivery.recipient_id}:{uuid.uuid4().hex}",
        )
        return True

    # -- domain events -------------------------------------------------------------

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

    @hookimpl
    async def assignment_accepted(self, event: AssignmentAccepted) -> None:
        if event.via == "swap":
            return  # the swap's own notice ("applied") told the people concerned
        await enqueue(
            f"{NAME}.on_answer",
            org_id=event.org_id,
            plugin=NAME,
            assignment_id=event.assignment_id,
            accepted=True,
            via=event.via,
            actor_account_id=event.actor_account_id,
        )

    @hookimpl
    async def assignment_declined(self, event: AssignmentDeclined) -> None:
        await enqueue(
            f"{NAME}.on_answer",
            org_id=event.org_id,
            plugin=NAME,
            assignment_id=event.assignment_id,
            accepted=False,
            via=event.via,
            reason=event.reason,
            actor_account_id=event.actor_account_id,
        )

    @hookimpl
    async def assignment_cancelled(self, event: AssignmentCancelled) -> None:
        if event.reason == "swapped":
            return  # handed over through a swap, not a cancellation: see swap_changed
        await enqueue(
            f"{NAME}.on_cancelled",
            org_id=event.org_id,
            plugin=NAME,
            assignment_id=event.assignment_id,
            previous_status=event.previous_status,
        )

    @hookimpl
    async def assignment_promoted(self, event: AssignmentPromoted) -> None:
        await enqueue(
            f"{NAME}.on_promoted",
            org_id=event.org_id,
            plugin=NAME,
            assignment_id=event.assignment_id,
        )

    @staticmethod
    async def _open_shift(event: OpenShiftEvent, step: str, **extra: Any) -> None:
        await enqueue(
            f"{NAME}.on_open_shift",
            org_id=event.org_id,
            plugin=NAME,
            step=step,
            application_id=event.application_id,
            mission_id=event.mission_id,
            mission_role_id=event.mission_role_id,
            user_id=event.user_id,
            **extra,
        )

    @hookimpl
    async def open_shift_offered(self, event: OpenShiftOffered) -> None:
        await self._open_shift(event, "offered", expires_at=event.expires_at.isoformat())

    @hookimpl
    async def open_shift_application_accepted(self, event: OpenShiftApplicationAccepted) -> None:
        await self._open_shift(event, "accepted")

    @hookimpl
    async def open_shift_waitlisted(self, event: OpenShiftWaitlisted) -> None:
        await self._open_shift(event, "waitlisted")

    @hookimpl
    async def open_shift_offer_expired(self, event: OpenShiftOfferExpired) -> None:
        await self._open_shift(event, "expired")

    @hookimpl
    async def open_shift_application_rejected(self, event: OpenShiftApplicationRejected) -> None:
        await self._open_shift(event, "rejected")

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

    @hookimpl
    async def availability_changed(self, event: AvailabilityChanged) -> None:
        # The absence type (why) stays out of the job: the notice never says it.
        await enqueue(
            f"{NAME}.on_availability_changed",
            org_id=event.org_id,
            plugin=NAME,
            window_id=event.window_id,
            user_id=event.user_id,
            step=event.step,
            kind=event.window_kind,
            actor_account_id=event.actor_account_id,
            starts_at=event.starts_at.isoformat() if event.starts_at else None,
            ends_at=event.ends_at.isoformat() if event.ends_at else None,
        )

    @hookimpl
    async def mission_changed(self, event: MissionChanged) -> None:
        if event.change == "updated":
            await enqueue(
                f"{NAME}.on_mission_changed",
                org_id=event.org_id,
                plugin=NAME,
                mission_id=event.mission_id,
            )


plugin = NotificationsPlugin()
