"""Endpoints and deliveries: the rules and the queries, always scoped by org.

Every function takes the org explicitly. Errors are :class:`PluginError` with stable
codes (``webhooks.<code>``); nothing is written when one is raised.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import secrets
import uuid
from typing import Any

from coulisses_sdk import DomainEvent, Listing, ListQuery, PluginError, enqueue, seal, unseal
from coulisses_webhooks.config import NAME, get_settings
from coulisses_webhooks.events import PING, known_kinds
from coulisses_webhooks.schemas import (
    WebhookDeliveryOut,
    WebhookEndpointCreate,
    WebhookEndpointOut,
    WebhookEndpointUpdate,
)
from coulisses_webhooks.tables import Delivery, Endpoint
from coulisses_webhooks.urls import check_url

DELIVER_JOB = f"{NAME}.deliver"
MAX_ENDPOINTS = 50
ALL = "*"

ENDPOINTS = Listing(
    sorts={"id": Endpoint.id, "url": Endpoint.url, "created_at": Endpoint.created_at},
    default="id",
    item=WebhookEndpointOut,
)
DELIVERIES = Listing(
    sorts={"id": Delivery.id, "created_at": Delivery.created_at},
    default="-id",
    item=WebhookDeliveryOut,
)

_ENDPOINT_FIELDS = (
    Endpoint.id,
    Endpoint.url,
    Endpoint.description,
    Endpoint.event_types,
    Endpoint.active,
    Endpoint.consecutive_failures,
    Endpoint.disabled_reason,
    Endpoint.created_at,
    Endpoint.updated_at,
)
_DELIVERY_FIELDS = (
    Delivery.id,
    Delivery.endpoint_id,
    Delivery.event_id,
    Delivery.event_type,
    Delivery.status,
    Delivery.attempts,
    Delivery.last_http_status,
    Delivery.last_error,
    Delivery.last_response,
    Delivery.next_attempt_at,
    Delivery.delivered_at,
    Delivery.created_at,
)


#: Every secret starts with it; a stored value that does is one written before sealing.
SECRET_PREFIX = "whsec_"
#: The purpose endpoint secrets are sealed for (coulisses_sdk.seal).
SEAL_PURPOSE = f"{NAME}.endpoint_secret"


def new_secret() -> str:
    """32 random bytes, URL-safe: the key of the endpoint's HMAC signatures."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def seal_secret(secret: str) -> str:
    """What the ``secret`` column stores: the secret sealed with the host's key."""
    return seal(SEAL_PURPOSE, secret)


def open_secret(stored: str) -> str | None:
    """The secret a ``secret`` column holds: unsealed, or as written before sealing
    (``whsec_...``); None when it was sealed under a key the host no longer lists."""
    if stored.startswith(SECRET_PREFIX):
        return stored
    value = unseal(SEAL_PURPOSE, stored)
    return value if isinstance(value, str) else None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _not_found() -> PluginError:
    return PluginError("endpoint_not_found", "No such webhook endpoint", status=404)


def check_event_types(values: list[str]) -> list[str]:
    """The kinds asked for, de-duplicated, if each is known (or ``["*"]`` alone)."""
    wanted = list(dict.fromkeys(v.strip() for v in values))
    if ALL in wanted:
        if len(wanted) > 1:
            raise PluginError(
                "invalid_event_types",
                'Use either ["*"] or a list of event types, not both',
                status=422,
                details={"field": "event_types"},
            )
        return [ALL]
    known = set(known_kinds())
    unknown = [v for v in wanted if v not in known]
    if unknown:
        raise PluginError(
            "unknown_event_type",
            f"Unknown event type(s): {', '.join(unknown)}",
            status=422,
            details={"field": "event_types", "unknown": unknown, "known": sorted(known)},
        )
    return wanted


def _endpoint_out(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    if isinstance(row["event_types"], str):
        row["event_types"] = json.loads(row["event_types"])
    return row


async def _endpoint(org_id: int, endpoint_id: int) -> dict[str, Any]:
    row = (
        await Endpoint.select(*_ENDPOINT_FIELDS)
        .where((Endpoint.org_id == org_id) & (Endpoint.id == endpoint_id))
        .first()
    )
    if row is None:
        raise _not_found()
    return _endpoint_out(row)


async def get_endpoint(org_id: int, endpoint_id: int) -> dict[str, Any]:
    return await _endpoint(org_id, endpoint_id)


async def list_endpoints(org_id: int, listing: ListQuery) -> tuple[list[dict[str, Any]], int]:
    mine = Endpoint.org_id == org_id
    total = int(await Endpoint.count().where(mine))
    listing.check_page(total)
    select = (
        Endpoint.select(*_ENDPOINT_FIELDS)
        .where(mine)
        .limit(listing.page_size)
        .offset(listing.offset)
    )
    rows = await ENDPOINTS.order(select, listing)
    return [_endpoint_out(r) for r in rows], total


async def create_endpoint(org_id: int, data: WebhookEndpointCreate) -> tuple[dict[str, Any], str]:
    """The new endpoint and its secret (the only time the caller sees it, with rotation)."""
    url = check_url(data.url, allow_http_loopback=get_settings().allow_http_loopback)
    kinds = check_event_types(data.event_types)
    async with Endpoint._meta.db.transaction():
        # Serialise creations of one org so that the cap holds under concurrency.
        await Endpoint.raw("SELECT pg_advisory_xact_lock(hashtext('webhooks'), {})", org_id)
        if await Endpoint.count().where(Endpoint.org_id == org_id) >= MAX_ENDPOINTS:
            raise PluginError(
                "too_many_endpoints",
                f"An org may have at most {MAX_ENDPOINTS} webhook endpoints",
                status=409,
            )
        secret = new_secret()
        now = _now()
        [row] = await Endpoint.insert(
            Endpoint(
                org_id=org_id,
                url=url,
                description=data.description.strip(),
                event_types=json.dumps(kinds),
                active=data.active,
                secret=seal_secret(secret),
                created_at=now,
                updated_at=now,
            )
        ).returning(Endpoint.id)
    return await _endpoint(org_id, row["id"]), secret


async def update_endpoint(
    org_id: int, endpoint_id: int, data: WebhookEndpointUpdate
) -> dict[str, Any]:
    current = await _endpoint(org_id, endpoint_id)
    sent = data.model_fields_set
    changes: dict[Any, Any] = {Endpoint.updated_at: _now()}
    if "url" in sent:
        if data.url is None:
            raise PluginError("invalid_url", "url cannot be null", status=422)
        changes[Endpoint.url] = check_url(
            data.url, allow_http_loopback=get_settings().allow_http_loopback
        )
    if "description" in sent:
        changes[Endpoint.description] = (data.description or "").strip()
    if "event_types" in sent:
        if data.event_types is None:
            raise PluginError("invalid_event_types", "event_types cannot be null", status=422)
        changes[Endpoint.event_types] = json.dumps(check_event_types(data.event_types))
    if "active" in sent and data.active is not None:
        changes[Endpoint.active] = data.active
        if data.active and not current["active"]:
            changes[Endpoint.consecutive_failures] = 0
            changes[Endpoint.disabled_reason] = None
    await Endpoint.update(changes).where((Endpoint.org_id == org_id) & (Endpoint.id == endpoint_id))
    return await _endpoint(org_id, endpoint_id)


async def delete_endpoint(org_id: int, endpoint_id: int) -> None:
    """Delete the endpoint and its delivery log (queued attempts then find nothing)."""
    await _endpoint(org_id, endpoint_id)
    await Endpoint.delete().where((Endpoint.org_id == org_id) & (Endpoint.id == endpoint_id))


async def rotate_secret(org_id: int, endpoint_id: int) -> tuple[dict[str, Any], str]:
    """A new secret; the old one stops signing at once (attempts still queued use the new)."""
    await _endpoint(org_id, endpoint_id)
    secret = new_secret()
    sealed = seal_secret(secret)
    await Endpoint.update({Endpoint.secret: sealed, Endpoint.updated_at: _now()}).where(
        (Endpoint.org_id == org_id) & (Endpoint.id == endpoint_id)
    )
    return await _endpoint(org_id, endpoint_id), secret


# -- deliveries ---------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def event_body(
    event_id: str, kind: str, org_id: int, created_at: dt.datetime, data: dict[str, Any]
) -> str:
    """The request body, serialised once: every attempt sends (and signs) the same bytes."""
    payload = {
        "id": event_id,
        "type": kind,
        "org_id": org_id,
        "created_at": created_at.isoformat(),
        "data": data,
    }
    return json.dumps(payload, default=_json_value, separators=(",", ":"))


def event_data(event: DomainEvent) -> dict[str, Any]:
    """The event's own fields (``id``, ``org_id`` and ``created_at`` are in the envelope)."""
    skip = {"event_id", "org_id", "at"}
    return {f.name: getattr(event, f.name) for f in dataclasses.fields(event) if f.name not in skip}


def wants(event_types: list[str], kind: str) -> bool:
    return ALL in event_types or kind in event_types


async def queue_attempt(
    org_id: int, delivery_id: int, event_id: str, generation: int, at: dt.datetime
) -> None:
    """Queue the attempt ``generation`` of a delivery, due at ``at`` (ids only: the job reads
    the secret from the table; ``event_id`` makes a job of a reused row id stale)."""
    await enqueue(
        DELIVER_JOB,
        org_id=org_id,
        plugin=NAME,
        defer_until=at if at > _now() else None,
        # A worker lost mid-job: the attempt is queued again rather than lost.
        retries=2,
        retry_delay=get_settings().retry_delay,
        delivery_id=delivery_id,
        event_id=event_id,
        generation=generation,
    )


async def stage_event(event: DomainEvent) -> int:
    """One delivery per active endpoint of the org that wants ``event`` and existed when it
    happened, each with its job, in one transaction; an event seen again creates nothing
    twice. How many were new."""
    kind = event.kind
    body = event_body(event.event_id, kind, event.org_id, event.at, event_data(event))
    created = 0
    async with Endpoint._meta.db.transaction():
        endpoints = await Endpoint.select(Endpoint.id, Endpoint.event_types).where(
            (Endpoint.org_id == event.org_id)
            & (Endpoint.active.eq(True))
            # A new endpoint gets the events from then on, not a backlog still in flight.
            & (Endpoint.created_at <= event.at)
        )
        now = _now()
        for endpoint in endpoints:
            if not wants(_endpoint_out(endpoint)["event_types"], kind):
                continue
            rows = await Delivery.raw(
                "INSERT INTO webhooks_deliveries (org_id, endpoint_id, event_id, event_type,"
                " body, next_attempt_at) VALUES ({}, {}, {}, {}, {}, {})"
                " ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id",
                event.org_id,
                endpoint["id"],
                event.event_id,
                kind,
                body,
                now,
            )
            if rows:
                await queue_attempt(event.org_id, rows[0]["id"], event.event_id, 0, now)
                created += 1
    return created


#: A pending delivery this far past its attempt time has lost its job (jobs run within
#: seconds of their time): dropped while the org had the plugin disabled, or a lost queue.
STUCK_AFTER_SECONDS = 60


async def resume_stuck(org_id: int) -> int:
    """Queue again, due now, every pending delivery of the org that has lost its job; how
    many. The new generation makes any job of theirs still around stale."""
    async with Endpoint._meta.db.transaction():
        rows = await Delivery.raw(
            "UPDATE webhooks_deliveries SET generation = generation + 1,"
            " next_attempt_at = now(), updated_at = now()"
            " WHERE org_id = {} AND status = 'pending'"
            " AND next_attempt_at < now() - make_interval(secs => {})"
            " RETURNING id, event_id, generation, next_attempt_at",
            org_id,
            STUCK_AFTER_SECONDS,
        )
        for row in rows:
            await queue_attempt(
                org_id, row["id"], row["event_id"], row["generation"], row["next_attempt_at"]
            )
    return len(rows)


async def _delivery(org_id: int, endpoint_id: int, delivery_id: int) -> dict[str, Any]:
    row = (
        await Delivery.select(*_DELIVERY_FIELDS)
        .where(
            (Delivery.org_id == org_id)
            & (Delivery.endpoint_id == endpoint_id)
            & (Delivery.id == delivery_id)
        )
        .first()
    )
    if row is None:
        raise PluginError("delivery_not_found", "No such delivery", status=404)
    return dict(row)


async def list_deliveries(
    org_id: int, endpoint_id: int, listing: ListQuery
) -> tuple[list[dict[str, Any]], int]:
    await _endpoint(org_id, endpoint_id)
    mine = (Delivery.org_id == org_id) & (Delivery.endpoint_id == endpoint_id)
    total = int(await Delivery.count().where(mine))
    listing.check_page(total)
    select = (
        Delivery.select(*_DELIVERY_FIELDS)
        .where(mine)
        .limit(listing.page_size)
        .offset(listing.offset)
    )
    rows = await DELIVERIES.order(select, listing)
    return [dict(r) for r in rows], total


def _require_active(endpoint: dict[str, Any]) -> None:
    if not endpoint["active"]:
        raise PluginError(
            "endpoint_inactive",
            "The endpoint is disabled: enable it first",
            status=409,
            details={"disabled_reason": endpoint["disabled_reason"]},
        )


async def ping(org_id: int, endpoint_id: int) -> dict[str, Any]:
    """Queue a ``webhooks.ping`` request to the endpoint (a delivery of the log like any)."""
    endpoint = await _endpoint(org_id, endpoint_id)
    _require_active(endpoint)
    event_id = uuid.uuid4().hex
    now = _now()
    body = event_body(event_id, PING, org_id, now, {"endpoint_id": endpoint_id})
    async with Endpoint._meta.db.transaction():
        [row] = await Delivery.insert(
            Delivery(
                org_id=org_id,
                endpoint_id=endpoint_id,
                event_id=event_id,
                event_type=PING,
                body=body,
                next_attempt_at=now,
                created_at=now,
                updated_at=now,
            )
        ).returning(Delivery.id)
        await queue_attempt(org_id, row["id"], event_id, 0, now)
    return await _delivery(org_id, endpoint_id, row["id"])


async def redeliver(org_id: int, endpoint_id: int, delivery_id: int) -> dict[str, Any]:
    """Send the delivery again now, with a fresh round of attempts (any attempt still queued
    for it is dropped)."""
    endpoint = await _endpoint(org_id, endpoint_id)
    current = await _delivery(org_id, endpoint_id, delivery_id)
    if current["status"] == "notice":
        raise PluginError("not_redeliverable", "This log entry is not a request", status=409)
    _require_active(endpoint)
    now = _now()
    async with Endpoint._meta.db.transaction():
        rows = await Delivery.raw(
            "UPDATE webhooks_deliveries SET status = 'pending', failures = 0,"
            " generation = generation + 1, next_attempt_at = {}, updated_at = {}"
            " WHERE org_id = {} AND endpoint_id = {} AND id = {} RETURNING generation, event_id",
            now,
            now,
            org_id,
            endpoint_id,
            delivery_id,
        )
        await queue_attempt(org_id, delivery_id, rows[0]["event_id"], rows[0]["generation"], now)
    return await _delivery(org_id, endpoint_id, delivery_id)
