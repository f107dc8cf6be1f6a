"""The plugin's SAQ jobs: reactions (one per kind of event), sends, and the reminder cron.

Send jobs are queued with ``retries`` and an exponential ``retry_backoff``
(``NOTIFICATIONS_SEND_ATTEMPTS``, ``NOTIFICATIONS_RETRY_DELAY``): a transient
failure (relay down, timeout, 4xx, Telegram 429/5xx) raises so SAQ runs the
job again later; a lasting refusal (SMTP 5xx, Telegram 400/403) or the last
failed attempt is recorded as ``failed`` with its error, and the job ends.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from coulisses_notifications import mailer, messages, reactions
from coulisses_notifications.config import get_settings
from coulisses_notifications.telegram.client import TelegramClient, TelegramError
from coulisses_sdk import report_invitation_delivery

logger = logging.getLogger(__name__)

_DONE = ("sent", "failed", "throttled")


def _attempt(ctx: dict[str, Any]) -> tuple[int, int]:
    return int(ctx.get("attempt", 1)), int(ctx.get("max_attempts", 1))


def _when(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


async def _failed(
    ctx: dict[str, Any],
    org_id: int,
    uid: str,
    exc: Exception,
    *,
    permanent: bool,
    channel: str,
    invitation_id: int | None,
) -> None:
    """Record a failed attempt; re-raise (SAQ retries) unless it was the last or it is lasting."""
    attempt, last = _attempt(ctx)
    error = f"{type(exc).__name__}: {exc}"
    final = permanent or attempt >= last
    await messages.mark(
        org_id, uid, status="failed" if final else "retrying", attempts=attempt, error=error
    )
    if not final:
        raise exc
    logger.warning("message %s failed after %s attempt(s): %s", uid, attempt, error)
    if invitation_id is not None:
        await report_invitation_delivery(
            org_id, invitation_id, status="failed", channel=channel, error=error
        )


async def _sent(
    ctx: dict[str, Any], org_id: int, uid: str, *, channel: str, invitation_id: int | None
) -> None:
    await messages.mark(org_id, uid, status="sent", attempts=_attempt(ctx)[0])
    if invitation_id is not None:
        await report_invitation_delivery(org_id, invitation_id, status="sent", channel=channel)


async def send_email(
    ctx: dict[str, Any],
    *,
    org_id: int,
    uid: str,
    to: str,
    subject: str,
    text: str,
    html: str | None = None,
    from_: str,
    reply_to: str | None = None,
    unsubscribe_url: str | None = None,
    invitation_id: int | None = None,
) -> None:
    row = await messages.get(org_id, uid)
    if row is None or row["status"] in _DONE:
        return
    message = mailer.build(
        to=to,
        subject=subject,
        text=text,
        html=html,
        from_=from_,
        reply_to=reply_to,
        unsubscribe_url=unsubscribe_url,
        uid=uid,
    )
    try:
        await mailer.send(message)
    except mailer.PermanentFailure as exc:
        await _failed(
            ctx, org_id, uid, exc, permanent=True, channel="email", invitation_id=invitation_id
        )
        return
    except Exception as exc:
        await _failed(
            ctx, org_id, uid, exc, permanent=False, channel="email", invitation_id=invitation_id
        )
        return
    await _sent(ctx, org_id, uid, channel="email", invitation_id=invitation_id)


async def send_telegram(
    ctx: dict[str, Any],
    *,
    org_id: int,
    uid: str,
    chat_id: int,
    text: str,
    reply_markup: dict[str, Any] | None = None,
    invitation_id: int | None = None,
) -> None:
    row = await messages.get(org_id, uid)
    if row is None or row["status"] in _DONE:
        return
    settings = get_settings()
    if not settings.telegram_configured:
        await messages.mark(org_id, uid, status="failed", attempts=0, error="bot not configured")
        return
    try:
        async with TelegramClient.from_settings(settings) as client:
            await client.send_message(chat_id, text, reply_markup)
    except TelegramError as exc:
        await _failed(
            ctx,
            org_id,
            uid,
            exc,
            permanent=exc.permanent,
            channel="telegram",
            invitation_id=invitation_id,
        )
        return
    await _sent(ctx, org_id, uid, channel="telegram", invitation_id=invitation_id)


async def on_invitation(
    ctx: dict[str, Any],
    *,
    org_id: int,
    assignment_id: int,
    invitation_id: int,
    answer_url: str,
    accept_url: str,
    decline_url: str,
    expires_at: str,
    resent: bool = False,
) -> None:
    await reactions.invitation(
        org_id,
        assignment_id=assignment_id,
        invitation_id=invitation_id,
        answer_url=answer_url,
        accept_url=accept_url,
        decline_url=decline_url,
        expires_at=_when(expires_at),
        resent=resent,
    )


async def on_answer(
    ctx: dict[str, Any],
    *,
    org_id: int,
    assignment_id: int,
    accepted: bool,
    via: str,
    reason: str | None = None,
    actor_account_id: int | None = None,
) -> None:
    await reactions.answer(
        org_id,
        assignment_id=assignment_id,
        accepted=accepted,
        via=via,
        reason=reason,
        actor_account_id=actor_account_id,
    )


async def on_cancelled(
    ctx: dict[str, Any], *, org_id: int, assignment_id: int, previous_status: str
) -> None:
    await reactions.cancelled(org_id, assignment_id=assignment_id, previous_status=previous_status)


async def on_promoted(ctx: dict[str, Any], *, org_id: int, assignment_id: int) -> None:
    await reactions.promoted(org_id, assignment_id=assignment_id)


async def on_open_shift(
    ctx: dict[str, Any],
    *,
    org_id: int,
    step: str,
    application_id: int,
    mission_id: int,
    mission_role_id: int,
    user_id: int,
    expires_at: str | None = None,
) -> None:
    await reactions.open_shift(
        org_id,
        step=step,
        application_id=application_id,
        mission_id=mission_id,
        mission_role_id=mission_role_id,
        user_id=user_id,
        expires_at=dt.datetime.fromisoformat(expires_at) if expires_at else None,
    )


async def on_delivery_failed(
    ctx: dict[str, Any],
    *,
    org_id: int,
    assignment_id: int,
    invitation_id: int,
    delivery_status: str,
    inviter_account_id: int | None = None,
) -> None:
    await reactions.delivery_failed(
        org_id,
        assignment_id=assignment_id,
        invitation_id=invitation_id,
        delivery_status=delivery_status,
        inviter_account_id=inviter_account_id,
    )


async def on_mission_changed(ctx: dict[str, Any], *, org_id: int, mission_id: int) -> None:
    await reactions.mission_changed(org_id, mission_id=mission_id)


async def on_password_reset(
    ctx: dict[str, Any],
    *,
    org_id: int,
    account_id: int,
    email: str,
    locale: str,
    reset_url: str,
    expires_at: str,
) -> None:
    await reactions.password_reset(
        org_id,
        account_id=account_id,
        email=email,
        locale=locale,
        reset_url=reset_url,
        expires_at=_when(expires_at),
    )


async def on_availability_request(
    ctx: dict[str, Any],
    *,
    org_id: int,
    user_id: int,
    account_id: int | None,
    name: str,
    email: str | None,
    locale: str,
    title: str,
    message: str | None,
    starts_on: str,
    ends_on: str,
    deadline: str,
    timezone: str,
    answer_url: str,
    reminder: bool,
    dedup_key: str,
) -> None:
    await reactions.availability_request(
        org_id,
        user_id=user_id,
        account_id=account_id,
        name=name,
        email=email,
        locale=locale,
        title=title,
        message=message,
        starts_on=dt.date.fromisoformat(starts_on),
        ends_on=dt.date.fromisoformat(ends_on),
        deadline=_when(deadline),
        timezone=timezone,
        answer_url=answer_url,
        reminder=reminder,
        dedup_key=dedup_key,
    )


async def on_certifications_expiring(
    ctx: dict[str, Any],
    *,
    org_id: int,
    day: str,
    within_days: int,
    expiring: int,
    expired_assigned: int,
) -> None:
    await reactions.certifications_expiring(
        org_id,
        day=dt.date.fromisoformat(day),
        within_days=within_days,
        expiring=expiring,
        expired_assigned=expired_assigned,
    )


async def send_reminders(ctx: dict[str, Any], *, org_id: int) -> None:
    """Cron, every 10 minutes, once per org that enabled the plugin."""
    await reactions.reminders(org_id)


async def on_swap_changed(
    ctx: dict[str, Any],
    *,
    org_id: int,
    swap_id: int,
    step: str,
    assignment_id: int,
    proposer_user_id: int,
    target_user_id: int | None = None,
    colleague_user_id: int | None = None,
    requires_approval: bool = False,
) -> None:
    await reactions.swap_changed(
        org_id,
        swap_id=swap_id,
        step=step,
        assignment_id=assignment_id,
        proposer_user_id=proposer_user_id,
        target_user_id=target_user_id,
        colleague_user_id=colleague_user_id,
        requires_approval=requires_approval,
    )


async def on_availability_changed(
    ctx: dict[str, Any],
    *,
    org_id: int,
    window_id: int,
    user_id: int,
    step: str,
    kind: str,
    actor_account_id: int | None = None,
    starts_at: str | None = None,
    ends_at: str | None = None,
) -> None:
    await reactions.availability_changed(
        org_id,
        window_id=window_id,
        user_id=user_id,
        step=step,
        kind=kind,
        actor_account_id=actor_account_id,
        starts_at=_when(starts_at) if starts_at else None,
        ends_at=_when(ends_at) if ends_at else None,
    )
