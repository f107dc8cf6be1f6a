"""What the plugin does about each thing that happens, run inside jobs (never in a request).

Each function reads what it needs through the SDK host (assignment context,
managers, assignments to remind), builds an ``Outgoing`` per recipient and
hands it to ``dispatch``. All of them are safe to run twice (dedup keys).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from typing import Any

from coulisses_notifications import dispatch as dispatching
from coulisses_notifications import preferences, snapshots
from coulisses_notifications.config import NotificationsConfig, get_settings
from coulisses_notifications.dispatch import Outgoing, Recipient, dispatch
from coulisses_notifications.i18n import Translator
from coulisses_notifications.telegram import links
from coulisses_sdk import AssignmentContext, CertificationAlert, host, plugin_config, zone_label

logger = logging.getLogger(__name__)

PLUGIN = dispatching.PLUGIN


async def load_config(org_id: int) -> NotificationsConfig:
    return NotificationsConfig.model_validate(await plugin_config(org_id, PLUGIN))


def mission_values(context: AssignmentContext) -> dict[str, Any]:
    return {
        "mission_title": context.mission_title,
        "place": context.place,
        "role_name": context.role_name,
        "project_name": context.project_name,
        "starts_at": context.starts_at,
        "ends_at": context.ends_at,
        "timezone": context.timezone,
    }


def user_of(context: AssignmentContext) -> Recipient:
    return Recipient(
        name=context.user_first_name or context.user_name,
        email=context.user_email,
        locale=context.locale,
        account_id=context.user_account_id,
        user_id=context.user_id,
    )


def _data(context: AssignmentContext) -> dict[str, Any]:
    return {
        "assignment_id": context.assignment_id,
        "mission_id": context.mission_id,
        "project_id": context.project_id,
    }


async def _remember(context: AssignmentContext) -> None:
    await snapshots.remember(
        context.org.org_id,
        context.mission_id,
        snapshots.Snapshot(
            title=context.mission_title,
            place=context.place,
            starts_at=context.starts_at,
            ends_at=context.ends_at,
        ),
    )


async def _telegram_invite(
    config: NotificationsConfig, context: AssignmentContext
) -> dict[str, Any]:
    """A one-time code to link Telegram, for a user who has not linked it yet."""
    settings = get_settings()
    if not (settings.telegram_configured and config.telegram_enabled):
        return {"telegram_url": None, "telegram_code": None}
    if await links.chats_for(
        context.org.org_id, user_id=context.user_id, account_id=context.user_account_id
    ):
        return {"telegram_url": None, "telegram_code": None}
    code = await links.new_code(
        context.org.org_id, user_id=context.user_id, account_id=context.user_account_id
    )
    username = settings.telegram_bot_username
    return {
        "telegram_url": f"https://t.me/{username}?start={code}" if username else None,
        "telegram_code": code,
    }


async def invitation(
    org_id: int,
    *,
    assignment_id: int,
    invitation_id: int,
    answer_url: str,
    accept_url: str,
    decline_url: str,
    expires_at: dt.datetime,
    resent: bool,
) -> None:
    context = await host.assignment_context(org_id, assignment_id)
    if context is None or context.status != "INVITED":
        return  # answered or cancelled before the job ran
    config = await load_config(org_id)
    await _remember(context)
    values = {
        **mission_values(context),
        "answer_url": answer_url,
        "accept_url": accept_url,
        "decline_url": decline_url,
        "expires_at": expires_at,
        "resent": resent,
        "reserve": context.reserve,
        **await _telegram_invite(config, context),
    }
    await dispatch(
        Outgoing(
            org=context.org,
            template="invitation",
            recipient=user_of(context),
            values=values,
            deadline=min(context.starts_at, expires_at),
            dedup_key=f"invitation:{invitation_id}",
            answer_invitation_id=invitation_id,
            data={**_data(context), "invitation_id": invitation_id},
        ),
        config,
    )


async def answer(
    org_id: int,
    *,
    assignment_id: int,
    accepted: bool,
    via: str,
    reason: str | None,
    actor_account_id: int | None,
) -> None:
    """Tell the project's managers that the crew member answered."""
    context = await host.assignment_context(org_id, assignment_id)
    if context is None:
        return
    config = await load_config(org_id)
    verb = "accepted" if accepted else "declined"
    for manager in context.managers:
        if manager.account_id in (actor_account_id, context.user_account_id):
            continue  # nobody is told what they did themselves
        await dispatch(
            Outgoing(
                org=context.org,
                template="answer_received",
                recipient=Recipient(
                    # An account without a name has its email as name: greet without it.
                    name="" if manager.name == manager.email else manager.name,
                    email=manager.email,
                    locale=context.org.locale,
                    account_id=manager.account_id,
                ),
                values={
                    **mission_values(context),
                    "answer": verb,
                    "user_name": context.user_name,
                    "reason": reason,
                    "via": via,
                    # An accepting reserve still waits for a place (promoted: no longer).
                    "reserve": accepted and context.reserve,
                },
                deadline=context.starts_at,
                dedup_key=f"answer:{assignment_id}:{verb}",
                data={**_data(context), "answer": verb, "user_id": context.user_id},
            ),
            config,
        )


async def cancelled(org_id: int, *, assignment_id: int, previous_status: str) -> None:
    context = await host.assignment_context(org_id, assignment_id)
    if context is None or previous_status not in ("INVITED", "ACCEPTED"):
        return
    await dispatch(
        Outgoing(
            org=context.org,
            template="assignment_cancelled",
            recipient=user_of(context),
            values=mission_values(context),
            deadline=context.starts_at,
            dedup_key=f"cancelled:{assignment_id}",
            data=_data(context),
        ),
        await load_config(org_id),
    )


async def promoted(org_id: int, *, assignment_id: int) -> None:
    """Tell a reserve who had accepted that a place freed up and is now theirs."""
    context = await host.assignment_context(org_id, assignment_id)
    if context is None or context.status != "ACCEPTED" or context.reserve:
        return  # cancelled before the job ran
    await dispatch(
        Outgoing(
            org=context.org,
            template="assignment_promoted",
            recipient=user_of(context),
            values=mission_values(context),
            deadline=context.starts_at,
            dedup_key=f"promoted:{assignment_id}",
            data=_data(context),
        ),
        await load_config(org_id),
    )


async def delivery_failed(
    org_id: int,
    *,
    assignment_id: int,
    invitation_id: int,
    delivery_status: str,
    inviter_account_id: int | None,
) -> None:
    """Tell the manager who invited, in the app, that the link did not reach the person."""
    from coulisses_notifications import center
    from coulisses_notifications.i18n import Translator

    context = await host.assignment_context(org_id, assignment_id)
    if context is None or inviter_account_id is None:
        return
    t = Translator(context.locale, context.timezone)
    label = f" ({zone_label(context.timezone)})" if context.timezone != context.org.timezone else ""
    values = {
        "user": context.user_name,
        "title": context.mission_title,
        "when": t.datetime(context.starts_at) + label,
    }
    key = "delivery_failed.no_channel" if delivery_status == "no_channel" else "delivery_failed"
    await center.add(
        org_id,
        inviter_account_id,
        kind="delivery_failed",
        title=t(f"{key}.title", **values),
        body=t(f"{key}.body", **values),
        data={**_data(context), "invitation_id": invitation_id},
    )


async def mission_changed(org_id: int, *, mission_id: int) -> None:
    """Tell the crew of a mission whose times or place changed (and only then)."""
    # Every page: a mission may have more crew than one page holds.
    crew = [item async for item in host.iter_assignments(org_id, mission_id=mission_id)]
    if not crew:
        return
    now = crew[0]
    before = await snapshots.get(org_id, mission_id)
    current = snapshots.Snapshot(
        title=now.mission_title, place=now.place, starts_at=now.starts_at, ends_at=now.ends_at
    )
    await snapshots.remember(org_id, mission_id, current)
    if before is None:
        return  # nobody was told anything by this plugin yet
    times_changed = (before.starts_at, before.ends_at) != (current.starts_at, current.ends_at)
    place_changed = before.place != current.place
    if not (times_changed or place_changed):
        return
    state = f"{current.starts_at.isoformat()}|{current.ends_at.isoformat()}|{current.place}"
    version = hashlib.sha256(state.encode()).hexdigest()[:16]
    config = await load_config(org_id)
    for item in crew:
        context = await host.assignment_context(org_id, item.assignment_id)
        if context is None:
            continue
        await dispatch(
            Outgoing(
                org=context.org,
                template="mission_changed",
                recipient=user_of(context),
                values={
                    **mission_values(context),
                    "times_changed": times_changed,
                    "place_changed": place_changed,
                    "old_starts_at": before.starts_at,
                    "old_ends_at": before.ends_at,
                    "old_place": before.place,
                },
                deadline=min(context.starts_at, before.starts_at),
                dedup_key=f"mission_changed:{mission_id}:{version}:{item.assignment_id}",
                data=_data(context),
            ),
            config,
        )


#: Lines of the digest email (the rest is counted, the app lists everything).
CERTIFICATION_LINES = 50
#: Lines per group in the in-app and Telegram texts.
CERTIFICATION_SHORT_LINES = 10
MANAGER_ROLES = ("manager", "admin", "owner")


def _certification_groups(
    t: Translator, alerts: list[CertificationAlert], within_days: int
) -> list[dict[str, Any]]:
    """The digest's lines in the recipient's language: expiring first, then expired."""

    def line(alert: CertificationAlert) -> dict[str, Any]:
        affected = ""
        if alert.affected_assignments and alert.next_affected_starts_at is not None:
            suffix = "one" if alert.affected_assignments == 1 else "other"
            affected = t(
                f"certifications_expiring.affected_{suffix}",
                count=alert.affected_assignments,
                next=t.datetime(alert.next_affected_starts_at),
            )
        return {
            "line": t(
                "certifications_expiring.line",
                user=alert.user_name,
                skill=alert.skill,
                until=t.date(alert.valid_until),
            ),
            "reference": (
                t("certifications_expiring.reference", reference=alert.reference)
                if alert.reference
                else ""
            ),
            "affected": affected,
        }

    groups = []
    for status, key in (("expiring", "expiring_title"), ("expired", "expired_title")):
        chosen = [a for a in alerts if a.status == status]
        if chosen:
            groups.append(
                {
                    "title": t(
                        f"certifications_expiring.{key}", days=within_days, count=len(chosen)
                    ),
                    "items": [line(a) for a in chosen],
                }
            )
    return groups


async def certifications_expiring(
    org_id: int, *, day: dt.date, within_days: int, expiring: int, expired_assigned: int
) -> int:
    """Tell the org's managers (manager, admin, owner) which certifications to renew.

    The list is read when the job runs (it may have changed since the check); one
    message per manager and day (dedup key), whatever the number of runs.
    """
    org = await host.org_info(org_id)
    if org is None:
        return 0
    alerts = await host.expiring_certifications(
        org_id, within_days=within_days, limit=CERTIFICATION_LINES
    )
    if not alerts:
        return 0
    config = await load_config(org_id)
    total = expiring + expired_assigned
    base = get_settings().public_url
    count = 0
    for manager in await host.member_contacts(org_id, MANAGER_ROLES):
        recipient = Recipient(
            name="" if manager.name == manager.email else manager.name,
            email=manager.email,
            locale=org.locale,
            account_id=manager.account_id,
        )
        prefs = await preferences.load(org_id, account_id=manager.account_id, user_id=None)
        t = Translator(prefs.locale or org.locale, org.timezone)
        groups = _certification_groups(t, alerts, within_days)
        shown = sum(min(len(g["items"]), CERTIFICATION_SHORT_LINES) for g in groups)
        await dispatch(
            Outgoing(
                org=org,
                template="certifications_expiring",
                recipient=recipient,
                values={
                    "today": t.date(day),
                    "groups": groups,
                    "total": total,
                    "expiring": expiring,
                    "expired_assigned": expired_assigned,
                    "within_days": within_days,
                    "more": max(0, total - len(alerts)),
                    "short_limit": CERTIFICATION_SHORT_LINES,
                    "short_more": max(0, total - shown),
                    "list_url": f"{base}/users/certifications",
                },
                dedup_key=f"certifications_expiring:{day.isoformat()}",
                data={
                    "day": day.isoformat(),
                    "within_days": within_days,
                    "expiring": expiring,
                    "expired_assigned": expired_assigned,
                },
            ),
            config,
        )
        count += 1
    return count


async def password_reset(
    org_id: int,
    *,
    account_id: int,
    email: str,
    locale: str,
    reset_url: str,
    expires_at: dt.datetime,
) -> None:
    org = await host.org_info(org_id)
    if org is None:
        return
    await dispatch(
        Outgoing(
            org=org,
            template="password_reset",
            recipient=Recipient(name="", email=email, locale=locale, account_id=account_id),
            values={"reset_url": reset_url, "expires_at": expires_at},
        ),
        await load_config(org_id),
    )


async def availability_request(
    org_id: int,
    *,
    user_id: int,
    account_id: int | None,
    name: str,
    email: str | None,
    locale: str,
    title: str,
    message: str | None,
    starts_on: dt.date,
    ends_on: dt.date,
    deadline: dt.datetime,
    timezone: str,
    answer_url: str,
    reminder: bool,
    dedup_key: str,
) -> None:
    """A request for availability (or its reminder), by email and Telegram as the
    person chose; the deadline is shown on the request's clock."""
    org = await host.org_info(org_id)
    if org is None:
        return
    await dispatch(
        Outgoing(
            org=org,
            template="availability_request",
            recipient=Recipient(
                name=name, email=email, locale=locale, account_id=account_id, user_id=user_id
            ),
            values={
                "title": title,
                "message": message or "",
                "starts_on": starts_on,
                "ends_on": ends_on,
                "expires_at": deadline,
                "timezone": timezone,
                "answer_url": answer_url,
                "reminder": reminder,
            },
            deadline=deadline,
            dedup_key=dedup_key,
        ),
        await load_config(org_id),
    )


async def reminders(org_id: int, now: dt.datetime | None = None) -> int:
    """Remind unanswered invitations before they expire and accepted missions before they start.

    Each reminder goes once (dedup keys), however often the cron runs.
    """
    now = now or dt.datetime.now(dt.UTC)
    config = await load_config(org_id)
    count = 0
    if config.reminder_before_expiry_hours:
        horizon = now + dt.timedelta(hours=config.reminder_before_expiry_hours)
        async for item in host.iter_assignments(
            org_id, statuses=("INVITED",), invitation_expires_before=horizon
        ):
            if item.invitation_expires_at is None or item.invitation_expires_at <= now:
                continue
            context = await host.assignment_context(org_id, item.assignment_id)
            if context is None:
                continue
            await dispatch(
                Outgoing(
                    org=context.org,
                    template="reminder_expiry",
                    recipient=user_of(context),
                    values={**mission_values(context), "expires_at": item.invitation_expires_at},
                    deadline=min(context.starts_at, item.invitation_expires_at),
                    dedup_key=f"reminder_expiry:{item.invitation_id}",
                    answer_invitation_id=item.invitation_id,
                    data={**_data(context), "invitation_id": item.invitation_id},
                ),
                config,
            )
            count += 1
    if config.reminder_before_mission_hours:
        horizon = now + dt.timedelta(hours=config.reminder_before_mission_hours)
        async for item in host.iter_assignments(
            org_id, statuses=("ACCEPTED",), starts_after=now, starts_before=horizon
        ):
            if item.reserve:
                continue  # not working (yet): no place on the mission
            context = await host.assignment_context(org_id, item.assignment_id)
            if context is None:
                continue
            await dispatch(
                Outgoing(
                    org=context.org,
                    template="reminder_mission",
                    recipient=user_of(context),
                    values=mission_values(context),
                    deadline=context.starts_at,
                    dedup_key=f"reminder_mission:{item.assignment_id}:{context.starts_at.isoformat()}",
                    data=_data(context),
                ),
                config,
            )
            count += 1
    return count


#: Who hears of each step of a swap (``SwapChanged.step``): the proposer, the named
#: colleague or the one who accepted, and the managers (who approve).
SWAP_AUDIENCE: dict[str, tuple[str, ...]] = {
    "proposed": ("target",),
    "accepted": ("proposer",),
    "approved": ("proposer", "colleague"),
    "rejected": ("proposer", "colleague"),
    "applied": ("proposer", "colleague"),
    "declined": ("proposer",),
    "cancelled": ("target", "colleague"),
    "expired": ("proposer", "target", "colleague"),
}


async def swap_changed(
    org_id: int,
    *,
    swap_id: int,
    step: str,
    assignment_id: int,
    proposer_user_id: int,
    target_user_id: int | None,
    colleague_user_id: int | None,
    requires_approval: bool,
) -> int:
    """Tell the people a swap concerns, in the app, of its new step; when a colleague
    accepted a proposal that needs approval, tell the managers it waits for them.
    Returns the number of notifications stored."""
    from coulisses_notifications import center

    context = await host.assignment_context(org_id, assignment_id)
    audience = SWAP_AUDIENCE.get(step, ())
    if context is None:
        return 0
    people = {
        "proposer": proposer_user_id,
        "target": target_user_id,
        "colleague": colleague_user_id or target_user_id,
    }
    ids = sorted({uid for who in audience if (uid := people[who]) is not None})
    users = await host.get_users(org_id, [*ids, proposer_user_id])
    accounts = sorted({u.account_id for uid, u in users.items() if uid in ids and u.account_id})
    waiting = step == "accepted" and requires_approval
    if waiting:
        managers = await host.member_contacts(org_id, MANAGER_ROLES)
        accounts = sorted({*accounts, *(m.account_id for m in managers)})
    proposer = users.get(proposer_user_id)
    t = Translator(context.locale, context.timezone)
    values = {
        "user": proposer.name if proposer else "",
        "title": context.mission_title,
        "when": t.datetime(context.starts_at),
    }
    key = "swap.waiting" if waiting else f"swap.{step}"
    for account_id in accounts:
        await center.add(
            org_id,
            account_id,
            kind="swap",
            title=t(f"{key}.title", **values),
            body=t(f"{key}.body", **values),
            data={**_data(context), "swap_id": swap_id, "step": step},
        )
    return len(accounts)


#: Open-shift steps -> template ``open_shift_<step>`` (``kinds.TEMPLATES``).
OPEN_SHIFT_STEPS = ("offered", "accepted", "waitlisted", "expired", "rejected")


async def open_shift(
    org_id: int,
    *,
    step: str,
    application_id: int,
    mission_id: int,
    mission_role_id: int,
    user_id: int,
    expires_at: dt.datetime | None = None,
) -> None:
    """Tell the applicant about a step of their application to open places: an offered
    place with its deadline (email too: transactional), the other steps in the app."""
    if step not in OPEN_SHIFT_STEPS:
        return
    org = await host.org_info(org_id)
    mission = await host.get_mission(org_id, mission_id)
    user = await host.get_user(org_id, user_id)
    if org is None or mission is None or user is None:
        return  # deleted before the job ran
    roles = {r.role_id: r.name for r in await host.mission_roles(org_id, mission_id)}
    values: dict[str, Any] = {
        "mission_title": mission.title,
        "place": mission.place,
        "role_name": roles.get(mission_role_id, ""),
        "project_name": "",
        "starts_at": mission.starts_at,
        "ends_at": mission.ends_at,
        "timezone": mission.timezone,
    }
    if expires_at is not None:
        values["expires_at"] = expires_at
    await dispatch(
        Outgoing(
            org=org,
            template=f"open_shift_{step}",
            recipient=Recipient(
                name=user.first_name or user.name,
                email=user.email,
                locale=org.locale,
                account_id=user.account_id,
                user_id=user.user_id,
            ),
            values=values,
            deadline=expires_at if step == "offered" else mission.starts_at,
            dedup_key=f"open_shift:{application_id}:{step}",
            data={
                "application_id": application_id,
                "mission_id": mission_id,
                "project_id": mission.project_id,
            },
        ),
        await load_config(org_id),
    )


async def availability_changed(
    org_id: int,
    *,
    window_id: int,
    user_id: int,
    step: str,
    kind: str,
    actor_account_id: int | None,
    starts_at: dt.datetime | None,
    ends_at: dt.datetime | None,
) -> int:
    """In the app: the managers hear of what a person asked for or declared themselves
    (a request to decide, a sick leave declared, a withdrawn absence); the person hears
    of what a manager decided or recorded for them. Nobody hears of their own act, and
    the reason (absence type, health data) is never written. Returns the count stored."""
    from coulisses_notifications import center

    users = await host.get_users(org_id, [user_id])
    person = users.get(user_id)
    if person is None:
        return 0
    org = await host.org_info(org_id)
    if org is None:
        return 0
    by_person = actor_account_id is not None and actor_account_id == person.account_id
    if by_person and step in ("requested", "recorded", "deleted"):
        audience = "managers"
        managers = await host.member_contacts(org_id, MANAGER_ROLES)
        accounts = sorted({m.account_id for m in managers} - {actor_account_id})
    elif not by_person and step in ("recorded", "approved", "refused", "deleted"):
        audience = "person"
        accounts = [person.account_id] if person.account_id else []
    else:
        return 0
    stored = 0
    for account_id in accounts:
        prefs = await preferences.load(org_id, account_id=account_id, user_id=None)
        t = Translator(prefs.locale or org.locale, org.timezone)
        period = (
            t("availability.period", start=t.datetime(starts_at), end=t.datetime(ends_at))
            if starts_at is not None and ends_at is not None
            else t("availability.period_recurring")
        )
        values = {
            "user": person.name,
            "what": t(f"availability.what.{kind}"),
            "period": period,
        }
        key = f"availability.{audience}.{step}"
        await center.add(
            org_id,
            account_id,
            kind="availability",
            title=t(f"{key}.title", **values),
            body=t(f"{key}.body", **values),
            data={"window_id": window_id, "user_id": user_id, "step": step},
        )
        stored += 1
    return stored
