"""Routes under /api/v1/webhooks/: endpoints, their secret, a test ping, the delivery log.

Admins and owners only (``require_role("admin")`` on the controller); the host's gate
answers 404 to an org that has not enabled the plugin. No response but creation and
rotation carries the secret.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Body, FromPath

from coulisses_sdk import ListParams, current_principal, require_role
from coulisses_webhooks import service
from coulisses_webhooks.events import known_kinds
from coulisses_webhooks.schemas import (
    DeliveryOut,
    DeliveryPage,
    EndpointCreate,
    EndpointOut,
    EndpointPage,
    EndpointUpdate,
    EndpointWithSecret,
    EventTypesOut,
)


def _org(request: Request[Any, Any, Any]) -> int:
    return current_principal(request).org_id


class EndpointController(Controller):
    """The org's webhook endpoints and their delivery logs."""

    path = "/endpoints"
    guards = [require_role("admin")]

    @post("/", operation_id="WebhooksCreateEndpoint", status_code=201)
    async def create_endpoint(
        self, request: Request[Any, Any, Any], data: Annotated[EndpointCreate, Body()]
    ) -> EndpointWithSecret:
        """Create an endpoint; the answer holds its secret, shown this once."""
        row, secret = await service.create_endpoint(_org(request), data)
        return EndpointWithSecret(**row, secret=secret)

    @get(
        "/",
        operation_id="WebhooksListEndpoints",
        dependencies={"listing": service.ENDPOINTS.dependency()},
    )
    async def list_endpoints(
        self, request: Request[Any, Any, Any], listing: ListParams
    ) -> EndpointPage:
        rows, total = await service.list_endpoints(_org(request), listing)
        return listing.page_of(EndpointPage, [EndpointOut(**r) for r in rows], total)

    @get("/{endpoint_id:int}", operation_id="WebhooksGetEndpoint")
    async def get_endpoint(
        self, request: Request[Any, Any, Any], endpoint_id: FromPath[int]
    ) -> EndpointOut:
        return EndpointOut(**await service.get_endpoint(_org(request), endpoint_id))

    @patch("/{endpoint_id:int}", operation_id="WebhooksUpdateEndpoint")
    async def update_endpoint(
        self,
        request: Request[Any, Any, Any],
        endpoint_id: FromPath[int],
        data: Annotated[EndpointUpdate, Body()],
    ) -> EndpointOut:
        return EndpointOut(**await service.update_endpoint(_org(request), endpoint_id, data))

    @delete("/{endpoint_id:int}", operation_id="WebhooksDeleteEndpoint", status_code=204)
    async def delete_endpoint(
        self, request: Request[Any, Any, Any], endpoint_id: FromPath[int]
    ) -> None:
        await service.delete_endpoint(_org(request), endpoint_id)

    @post(
        "/{endpoint_id:int}/rotate_secret",
        operation_id="WebhooksRotateSecret",
        status_code=200,
    )
    async def rotate_secret(
        self, request: Request[Any, Any, Any], endpoint_id: FromPath[int]
    ) -> EndpointWithSecret:
        """A new secret, shown this once; the old one stops signing at once."""
        row, secret = await service.rotate_secret(_org(request), endpoint_id)
        return EndpointWithSecret(**row, secret=secret)

    @post("/{endpoint_id:int}/ping", operation_id="WebhooksPingEndpoint", status_code=202)
    async def ping(
        self, request: Request[Any, Any, Any], endpoint_id: FromPath[int]
    ) -> DeliveryOut:
        """Queue a signed ``webhooks.ping`` request; follow it in the delivery log."""
        return DeliveryOut(**await service.ping(_org(request), endpoint_id))

    @get(
        "/{endpoint_id:int}/deliveries",
        operation_id="WebhooksListDeliveries",
        dependencies={"listing": service.DELIVERIES.dependency()},
    )
    async def list_deliveries(
        self, request: Request[Any, Any, Any], endpoint_id: FromPath[int], listing: ListParams
    ) -> DeliveryPage:
        """The endpoint's delivery log, newest first by default."""
        rows, total = await service.list_deliveries(_org(request), endpoint_id, listing)
        return listing.page_of(DeliveryPage, [DeliveryOut(**r) for r in rows], total)

    @post(
        "/{endpoint_id:int}/deliveries/{delivery_id:int}/redeliver",
        operation_id="WebhooksRedeliver",
        status_code=202,
    )
    async def redeliver(
        self,
        request: Request[Any, Any, Any],
        endpoint_id: FromPath[int],
        delivery_id: FromPath[int],
    ) -> DeliveryOut:
        """Send the delivery again now, with a fresh round of attempts."""
        return DeliveryOut(**await service.redeliver(_org(request), endpoint_id, delivery_id))


class EventTypesController(Controller):
    path = "/event_types"
    guards = [require_role("admin")]

    @get("/", operation_id="WebhooksListEventTypes")
    async def list_event_types(self) -> EventTypesOut:
        """Every event type an endpoint may ask for (the core's and the plugins')."""
        return EventTypesOut(event_types=known_kinds())


CONTROLLERS = [EndpointController, EventTypesController]
