"""The ``webhooks.deliver`` job: one signed POST of one delivery, and what follows.

2xx: delivered, the endpoint's failure counter goes back to 0. Anything else (another
status, a network error, a timeout): the attempt is recorded (status code or error, the
first 500 characters of the answer) and the next one queued after a doubling delay;
after the last attempt the delivery is failed. When the endpoint's failed attempts in a
row reach the org's ``disable_after_failures``, it is disabled, its pending deliveries
failed, an entry written in its log, ``WebhookEndpointDisabled`` emitted and each admin
and owner told on the live stream.

Retries are queued by this module (``defer_until``) rather than by SAQ's retry options:
SAQ adds a random jitter to its backoff, and the delivery log must show when the next
attempt will happen. The job's arguments are ids; it reads the secret from the table.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any

import httpx

from coulisses_sdk import emit_event, member_contacts, publish_live
from coulisses_webhooks.config import NAME, get_settings, load_config
from coulisses_webhooks.events import DISABLED_NOTICE, WebhookEndpointDisabled
from coulisses_webhooks.service import event_body, open_secret, queue_attempt, seal_secret
from coulisses_webhooks.signature import EVENT_ID_HEADER, SIGNATURE_HEADER, signature_header
from coulisses_webhooks.tables import Delivery, Endpoint

logger = logging.getLogger(__name__)

EXCERPT = 500


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def retry_delay(failures: int) -> float:
    """Seconds before the attempt that follows the ``failures``-th failure in a row."""
    settings = get_settings()
    return float(min(settings.retry_max_delay, settings.retry_delay * 2 ** (failures - 1)))


async def _load(org_id: int, delivery_id: int) -> dict[str, Any] | None:
    rows = await Delivery.raw(
        "SELECT d.id, d.status, d.generation, d.failures, d.body, d.event_id, d.event_type,"
        " e.id AS endpoint_id, e.url, e.secret, e.active"
        " FROM webhooks_deliveries d JOIN webhooks_endpoints e ON e.id = d.endpoint_id"
        " WHERE d.org_id = {} AND d.id = {} AND e.org_id = {}",
        org_id,
        delivery_id,
        org_id,
    )
    return rows[0] if rows else None


async def _secret(org_id: int, row: dict[str, Any]) -> str | None:
    """The endpoint's secret; one stored before sealing is sealed now, in place."""
    stored = row["secret"]
    secret = open_secret(stored)
    if secret is not None and secret == stored:
        await Endpoint.update({Endpoint.secret: seal_secret(secret)}).where(
            (Endpoint.org_id == org_id)
            & (Endpoint.id == row["endpoint_id"])
            & (Endpoint.secret == stored)
        )
    return secret


async def _post(row: dict[str, Any], secret: str) -> tuple[int | None, str | None, str | None]:
    """(status code, error, answer excerpt) of one signed POST."""
    settings = get_settings()
    body = row["body"].encode("utf-8")
    headers = {
        "Content-Type": "application/json",
        "User-Agent": settings.user_agent,
        EVENT_ID_HEADER: row["event_id"],
        "Coulisses-Event-Type": row["event_type"],
        SIGNATURE_HEADER: signature_header(secret, body),
    }
    try:
        async with httpx.AsyncClient(timeout=settings.timeout, follow_redirects=False) as client:
            response = await client.post(row["url"], content=body, headers=headers)
    except httpx.HTTPError as exc:
        # The message names the failure (refused, timeout...), never the headers.
        return None, f"{type(exc).__name__}: {exc}"[:EXCERPT], None
    excerpt = response.text[:EXCERPT]
    if 200 <= response.status_code < 300:
        return response.status_code, None, excerpt
    return response.status_code, f"HTTP {response.status_code}", excerpt


async def deliver(
    ctx: dict[str, Any], *, org_id: int, delivery_id: int, event_id: str, generation: int
) -> None:
    """Attempt ``generation`` of delivery ``delivery_id``; a stale job (the delivery was
    delivered, redelivered, deleted, or already attempted) does nothing."""
    row = await _load(org_id, delivery_id)
    if (
        row is None
        or row["event_id"] != event_id
        or row["status"] != "pending"
        or row["generation"] != generation
    ):
        return
    if not row["active"]:
        await Delivery.raw(
            "UPDATE webhooks_deliveries SET status = 'failed', next_attempt_at = NULL,"
            " last_error = 'endpoint disabled', updated_at = now()"
            " WHERE org_id = {} AND id = {} AND generation = {} AND status = 'pending'",
            org_id,
            delivery_id,
            generation,
        )
        return
    secret = await _secret(org_id, row)
    if secret is None:
        # Sealed under a key the deployment no longer lists: nothing can be signed until
        # an admin rotates the secret; the failures count towards disabling the endpoint.
        await _failed(org_id, row, generation, None, "secret unreadable: rotate it", None)
        return
    status_code, error, excerpt = await _post(row, secret)
    if error is None:
        await _succeeded(org_id, row, generation, status_code, excerpt)
    else:
        await _failed(org_id, row, generation, status_code, error, excerpt)


async def _succeeded(
    org_id: int, row: dict[str, Any], generation: int, status_code: int | None, excerpt: str | None
) -> None:
    async with Endpoint._meta.db.transaction():
        done = await Delivery.raw(
            "UPDATE webhooks_deliveries SET status = 'delivered', attempts = attempts + 1,"
            " failures = 0, last_http_status = {}, last_error = NULL, last_response = {},"
            " next_attempt_at = NULL, delivered_at = now(), updated_at = now()"
            " WHERE org_id = {} AND id = {} AND generation = {} AND status = 'pending'"
            " RETURNING id",
            status_code,
            excerpt,
            org_id,
            row["id"],
            generation,
        )
        if done:
            await Endpoint.raw(
                "UPDATE webhooks_endpoints SET consecutive_failures = 0"
                " WHERE org_id = {} AND id = {}",
                org_id,
                row["endpoint_id"],
            )


async def _failed(
    org_id: int,
    row: dict[str, Any],
    generation: int,
    status_code: int | None,
    error: str,
    excerpt: str | None,
) -> None:
    failures = row["failures"] + 1
    last = failures >= get_settings().attempts
    next_at = None if last else _now() + dt.timedelta(seconds=retry_delay(failures))
    async with Endpoint._meta.db.transaction():
        done = await Delivery.raw(
            "UPDATE webhooks_deliveries SET status = {}, attempts = attempts + 1,"
            " failures = {}, generation = {}, last_http_status = {}, last_error = {},"
            " last_response = {}, next_attempt_at = {}, updated_at = now()"
            " WHERE org_id = {} AND id = {} AND generation = {} AND status = 'pending'"
            " RETURNING id",
            "failed" if last else "pending",
            failures,
            generation if last else generation + 1,
            status_code,
            error,
            excerpt,
            next_at,
            org_id,
            row["id"],
            generation,
        )
        if not done:
            return
        if next_at is not None:
            await queue_attempt(org_id, row["id"], row["event_id"], generation + 1, next_at)
        counted = await Endpoint.raw(
            "UPDATE webhooks_endpoints SET consecutive_failures = consecutive_failures + 1"
            " WHERE org_id = {} AND id = {} AND active RETURNING consecutive_failures",
            org_id,
            row["endpoint_id"],
        )
        if counted:
            threshold = (await load_config(org_id)).disable_after_failures
            in_a_row = counted[0]["consecutive_failures"]
            if in_a_row >= threshold:
                await _disable(org_id, row["endpoint_id"], in_a_row)


async def _disable(org_id: int, endpoint_id: int, failures: int) -> None:
    """Disable the endpoint, fail what it still had pending, log it, tell the admins (in the
    caller's transaction)."""
    reason = f"disabled after {failures} failed attempts in a row"
    disabled = await Endpoint.raw(
        "UPDATE webhooks_endpoints SET active = false, disabled_reason = {}, updated_at = now()"
        " WHERE org_id = {} AND id = {} AND active RETURNING id, description",
        reason,
        org_id,
        endpoint_id,
    )
    if not disabled:
        return
    await Delivery.raw(
        "UPDATE webhooks_deliveries SET status = 'failed', generation = generation + 1,"
        " next_attempt_at = NULL, last_error = 'endpoint disabled', updated_at = now()"
        " WHERE org_id = {} AND endpoint_id = {} AND status = 'pending'",
        org_id,
        endpoint_id,
    )
    now = _now()
    notice_id = uuid.uuid4().hex
    data = {"endpoint_id": endpoint_id, "failures": failures}
    await Delivery.insert(
        Delivery(
            org_id=org_id,
            endpoint_id=endpoint_id,
            event_id=notice_id,
            event_type=DISABLED_NOTICE,
            body=event_body(notice_id, DISABLED_NOTICE, org_id, now, data),
            status="notice",
            last_error=reason,
            created_at=now,
            updated_at=now,
        )
    )
    await emit_event(
        WebhookEndpointDisabled(org_id=org_id, endpoint_id=endpoint_id, failures=failures)
    )
    live = {
        "endpoint_id": endpoint_id,
        "description": disabled[0]["description"],
        "failures": failures,
    }
    for contact in await member_contacts(org_id, ["admin", "owner"]):
        await publish_live(
            org_id, NAME, "endpoint_disabled", live, recipient_account_id=contact.account_id
        )
    logger.warning(
        "webhook endpoint %s of org %s disabled after %s failed attempts in a row",
        endpoint_id,
        org_id,
        failures,
    )


__all__ = ["deliver", "retry_delay"]
