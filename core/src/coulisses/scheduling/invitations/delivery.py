"""Invitation delivery: bringing each signed link to its user, and knowing whether it arrived.

Issuing invitations stages one ``core.deliver_invitations`` job in the same
transaction (the outbox), with the links sealed. The job runs in the worker,
never in the request: the plugins the org enabled may take a link in charge
(hook ``deliver_invitation``; they report the outcome with
``report_invitation_delivery``), the core emails the others itself, and users
with no address and no plugin channel are ``no_channel``.

Each invitation carries its delivery state (``queued``, ``sent``, ``failed`` with
the last error, ``no_channel``), shown in the API and the planning. A link that
could not be delivered fires ``InvitationDeliveryFailed`` once, for the inviting
manager (live stream, plugins such as notifications).
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
from typing import Any
from zoneinfo import ZoneInfo

from coulisses.auth.tokens import hash_token
from coulisses.db.connection import fetch, transaction
from coulisses.mail.smtp import PermanentFailure, send_email
from coulisses.observability.metrics import DELIVERIES
from coulisses.outbox.service import stage_job
from coulisses.settings import get_settings
from coulisses_sdk import InvitationDeliveryFailed, zone_label

logger = logging.getLogger(__name__)

JOB = "core.deliver_invitations"
CHUNK = 100
STATUSES = ("queued", "sent", "failed", "no_channel")
#: Statuses a delivery may end in: a report never moves it back to ``queued``.
FINAL = ("sent", "failed", "no_channel")
PLUGIN_CHANNEL = "plugin"


class DeliveryPending(Exception):
    """Some links could not be sent yet: SAQ runs the job again later (sent ones are skipped)."""


async def stage_delivery(org_id: int, links: list[tuple[int, str]]) -> None:
    """Queue the delivery of ``(invitation_id, token)`` links, in the caller's transaction."""
    settings = get_settings()
    options = {
        "retries": settings.delivery_attempts,
        "retry_delay": settings.delivery_retry_delay,
        "retry_backoff": 600.0,
        "timeout": 600,
    }
    for start in range(0, len(links), CHUNK):
        chunk = [[i, t] for i, t in links[start : start + CHUNK]]
        await stage_job(JOB, {"org_id": org_id, "links": chunk}, org_id=org_id, options=options)


_SELECT = """SELECT i.id AS invitation_id, i.org, i.assignment, i.expires_at, i.token_hash,
       a.user_id, a.mission, a.reserve,
       a.created_by, u.email, u.first_name, u.last_name, u.account, m.title,
       COALESCE(pl.name, '') AS place, m.starts_at, r.name AS role, o.name AS org_name,
       o.timezone, pl.timezone AS place_timezone, o.locale,
       (SELECT count(*) FROM invitations p WHERE p.assignment = a.id) > 1 AS resent
FROM invitations i JOIN assignments a ON a.id = i.assignment
JOIN users u ON u.id = a.user_id JOIN missions m ON m.id = a.mission
JOIN mission_roles r ON r.id = a.mission_role JOIN orgs o ON o.id = i.org
LEFT JOIN places pl ON pl.id = m.place_id"""

#: Links still worth sending and not yet handed to a channel.
_DELIVERABLE = (
    _SELECT
    + """ WHERE i.org = $1 AND i.id = ANY($2::int[]) AND i.revoked_at IS NULL
    AND i.answer IS NULL AND a.status = 'INVITED' AND i.delivery_status = 'queued'
    AND i.delivery_channel IS NULL ORDER BY i.id"""
)


def link_url(invitation_id: int, token: str) -> str:
    """The page the crew member opens; it posts to /api/v1/invitations/{id}/accept|decline."""
    return f"{get_settings().public_url}/invitations/{invitation_id}?token={token}"


async def deliver_invitations_job(
    ctx: dict[str, Any], *, org_id: int, links: list[list[Any]]
) -> None:
    tokens = {int(i): str(t) for i, t in links}
    rows = [
        row
        for row in await fetch(_DELIVERABLE, org_id, list(tokens))
        # A link is sent only with the invitation it was issued for (never another row
        # that reused its id after a restore).
        if hmac.compare_digest(row["token_hash"], hash_token(tokens[row["invitation_id"]]))
    ]
    if not rows:
        return  # answered, revoked or already delivered before the job ran
    handled = await _through_plugins(rows, tokens)
    job = ctx.get("job")
    attempt = int(getattr(job, "attempts", 1) or 1)
    last = attempt >= int(getattr(job, "retries", 1) or 1)
    pending: list[tuple[dict[str, Any], str]] = []
    for row in rows:
        invitation_id = row["invitation_id"]
        if invitation_id in handled:
            await _set(org_id, invitation_id, "queued", PLUGIN_CHANNEL, None)
        elif not row["email"]:
            await _settle(org_id, row, "no_channel", None, "no email address")
        else:
            try:
                await _email(row, tokens[invitation_id])
            except PermanentFailure as exc:
                await _settle(org_id, row, "failed", "email", str(exc))
            except Exception as exc:
                pending.append((row, f"{type(exc).__name__}: {exc}"))
            else:
                await _set(org_id, invitation_id, "sent", "email", None)
    for row, error in pending:
        if last:
            await _settle(org_id, row, "failed", "email", error)
        else:
            await _set(org_id, row["invitation_id"], "queued", None, error)
    if pending and not last:
        raise DeliveryPending(f"{len(pending)} invitation email(s) to retry")


def local_when(starts_at: dt.datetime, org_timezone: str, place_timezone: str | None) -> str:
    """The start in the place's local time; when that is not the org's timezone, both
    are given, each labelled: ``10/07/2027 20:00 (Montreal), 11/07/2027 02:00 (Paris)``."""
    zone = place_timezone or org_timezone
    when = starts_at.astimezone(ZoneInfo(zone)).strftime("%d/%m/%Y %H:%M")
    if zone == org_timezone:
        return when
    org_when = starts_at.astimezone(ZoneInfo(org_timezone)).strftime("%d/%m/%Y %H:%M")
    return f"{when} ({zone_label(zone)}), {org_when} ({zone_label(org_timezone)})"


async def _email(row: dict[str, Any], token: str) -> None:
    when = local_when(row["starts_at"], row["timezone"], row["place_timezone"])
    text = (
        f"Bonjour {row['first_name']},\n\n"
        f"{row['org_name']} vous propose la mission {row['title']} ({row['role']}) "
        f"le {when}{' a ' + row['place'] if row['place'] else ''}.\n\n"
        + (
            "Le role est complet : vous etes sur la liste de reserve. Si vous acceptez,"
            " une place vous sera donnee des qu'elle se libere, dans l'ordre des"
            " acceptations.\n\n"
            if row["reserve"]
            else ""
        )
        + f"Repondre (accepter ou refuser) : {link_url(row['invitation_id'], token)}\n"
    )
    await send_email(row["email"], f"{row['org_name']} : mission {row['title']}", text)


async def _through_plugins(rows: list[dict[str, Any]], tokens: dict[int, str]) -> set[int]:
    """Ids of the invitations an enabled plugin took in charge."""
    from coulisses.plugins.relay import deliver as relay_deliver
    from coulisses_sdk import InvitationDelivery

    handled: set[int] = set()
    enabled: dict[int, list[str]] = {}  # one lookup per org for a bulk invitation
    for row in rows:
        url = link_url(row["invitation_id"], tokens[row["invitation_id"]])
        delivery = InvitationDelivery(
            org_id=row["org"],
            assignment_id=row["assignment"],
            invitation_id=row["invitation_id"],
            mission_id=row["mission"],
            user_id=row["user_id"],
            recipient_name=" ".join(p for p in (row["first_name"], row["last_name"]) if p),
            email=row["email"],
            locale=row["locale"],
            account_id=row["account"],
            answer_url=url,
            accept_url=f"{url}&answer=accept",
            decline_url=f"{url}&answer=decline",
            expires_at=row["expires_at"],
            resent=bool(row["resent"]),
        )

        def for_org(_org_id: int, d: InvitationDelivery = delivery) -> InvitationDelivery:
            return d

        if await relay_deliver("deliver_invitation", for_org, [delivery.org_id], enabled=enabled):
            handled.add(row["invitation_id"])
    return handled


async def _set(
    org_id: int, invitation_id: int, status: str, channel: str | None, error: str | None
) -> bool:
    """Record a delivery state; False when nothing changed. A link that reached its user
    stays ``sent`` (another channel failing later does not undo it), and a final failure
    is recorded once."""
    rows = await fetch(
        """UPDATE invitations SET delivery_status = $3, delivery_channel = $4,
                  delivery_error = $5, delivery_attempts = delivery_attempts + 1,
                  delivery_updated_at = now()
           WHERE org = $1 AND id = $2
             AND (delivery_status = 'queued' OR ($3 = 'sent' AND delivery_status <> 'sent'))
           RETURNING id""",
        org_id,
        invitation_id,
        status,
        channel,
        None if error is None else error[:1000],
    )
    if rows:
        DELIVERIES.labels(channel or "none", status).inc()
    return bool(rows)


async def _settle(
    org_id: int, row: dict[str, Any], status: str, channel: str | None, error: str | None
) -> None:
    """A final failure (``failed`` or ``no_channel``): record it and tell the inviter."""
    from coulisses.scheduling.common import emit_events

    async with transaction():
        if not await _set(org_id, row["invitation_id"], status, channel, error):
            return
        await emit_events(
            [
                InvitationDeliveryFailed(
                    org_id=org_id,
                    invitation_id=row["invitation_id"],
                    assignment_id=row["assignment"],
                    mission_id=row["mission"],
                    user_id=row["user_id"],
                    delivery_status=status,
                    channel=channel,
                    error=error,
                    inviter_account_id=row["created_by"],
                )
            ]
        )
    logger.warning(
        "invitation %s of org %s not delivered: %s", row["invitation_id"], org_id, status
    )


async def report(
    org_id: int, invitation_id: int, *, status: str, channel: str | None, error: str | None
) -> None:
    """A plugin's report on a link it took in charge (see the SDK's
    ``report_invitation_delivery``)."""
    if status not in FINAL:
        raise ValueError(f"delivery status must be one of {', '.join(FINAL)}")
    rows = await fetch(_SELECT + " WHERE i.org = $1 AND i.id = $2", org_id, invitation_id)
    if not rows:
        return
    if status == "sent":
        await _set(org_id, invitation_id, status, channel, None)
    else:
        await _settle(org_id, rows[0], status, channel, error)
