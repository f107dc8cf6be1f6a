"""Routes under /api/v1/webhooks/: endpoints, their secret, a test ping, the delivery log.

Admins and owners only (``require_role("admin")`` on the controller); the host's gate
answers 404 to an org that has not enabled the plugin. No response but creation and
rotation carries the secret.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, delete, get, patch, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Body, FromPath

from coulisses_sdk import ListParams, current_principal, require_role
from coulisses_webhooks import service
from coulisses_webhooks.events import known_kinds
from coulisses_webhooks.schemas import (
    WebhookDeliveryOut,
    WebhookDeliveryPage,
    WebhookEndpointCreate,
    WebhookEndpointOut,
    WebhookEndpointPage,
    WebhookEndpointUpdate,
    WebhookEndpointWithSecret,
    WebhookEventTypesOut,
)


def _conflict(description: str) -> dict[int, ResponseSpec]:
    return {409: ResponseSpec(None, description=description)}


def _org(request: Request[Any, Any, Any]) -> int:
    return current_principal(request).org_id


class EndpointController(Controller):
    """The org's webhook endpoints and their delivery logs."""

    path = "/endpoints"
    guards = [require_role("admin")]

    @post(
        "/",
        operation_id="WebhooksCreateEndpoint",
        status_code=201,
        responses=_conflict("webhooks.too_many_endpoints"),
    )
    async def create_endpoint(
        self, request: Request[Any, Any, Any], data: Annotated[WebhookEndpointCreate, Body()]
    ) -> WebhookEndpointWithSecret:
        """Create an endpoint; the answer holds its secret, shown this once."""
        row, secret = await service.create_endpoint(_org(request), data)
        return WebhookEndpointWithSecret(**row, secret=secret)

    @get(
        "/",
        operation_id="WebhooksListEndpoints",
        dependencies={"listing": service.ENDPOINTS.dependency()},
    )
    async def list_endpoints(
        self, request: Request[Any, Any, Any], listing: ListParams
    ) -> WebhookEndpointPage:
        rows, total = await service.list_endpoints(_org(request), listing)
        return listing.page_of(WebhookEndpointPage, [WebhookEndpointOut(**r) for r in rows], total)

    @get("/{endpoint_id:int}", operation_id="WebhooksGetEndpoint")
    async def get_endpoint(
        self, request: Request[Any, Any, Any], endpoint_id: FromPath[int]
    ) -> WebhookEndpointOut:
        return WebhookEndpointOut(**await service.get_endpoint(_org(request), endpoint_id))

    @patch("/{endpoint_id:int}", operation_id="WebhooksUpdateEndpoint")
    async def update_endpoint(
        self,
        request: Request[Any, Any, Any],
        endpoint_id: FromPath[int],
        data: Annotated[WebhookEndpointUpdate, Body()],
    ) -> WebhookEndpointOut:
        return WebhookEndpointOut(**await service.update_endpoint(_org(request), endpoint_id, data))

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
    ) -> WebhookEndpointWithSecret:
        """A new secret, shown this once; the old one stops signing at once."""
        row, secret = await service.rotate_secret(_org(request), endpoint_id)
        return WebhookEndpointWithSecret(**row, secret=secret)

    @post(
        "/{endpoint_id:int}/ping",
        operation_id="WebhooksPingEndpoint",
        status_code=202,
        responses=_conflict("webhooks.endpoint_inactive"),
    )
    async def ping(
        self, request: Request[Any, Any, Any], endpoint_id: FromPath[int]
    ) -> WebhookDeliveryOut:
        """Queue a signed ``webhooks.ping`` request; follow it in the delivery log."""
        return WebhookDeliveryOut(**await service.ping(_org(request), endpoint_id))

    @get(
        "/{endpoint_id:int}/deliveries",
        operation_id="WebhooksListDeliveries",
        dependencies={"listing": service.DELIVERIES.dependency()},
    )
    async def list_deliveries(
        self, request: Request[Any, Any, Any], endpoint_id: FromPath[int], listing: ListParams
    ) -> WebhookDeliveryPage:
        """The endpoint's delivery log, newest first by default."""
        rows, total = await service.list_deliveries(_org(request), endpoint_id, listing)
        return listing.page_of(WebhookDeliveryPage, [WebhookDeliveryOut(**r) for r in rows], total)

    @post(
        "/{endpoint_id:int}/deliveries/{delivery_id:int}/redeliver",
        operation_id="WebhooksRedeliver",
        status_code=202,
        responses=_conflict("webhooks.endpoint_inactive, webhooks.not_redeliverable"),
    )
    async def redeliver(
        self,
        request: Request[Any, Any, Any],
        endpoint_id: FromPath[int],
        delivery_id: FromPath[int],
    ) -> WebhookDeliveryOut:
        """Send the delivery again now, with a fresh round of attempts."""
        return WebhookDeliveryOut(
            **await service.redeliver(_org(request), endpoint_id, delivery_id)
        )


class EventTypesController(Controller):
    path = "/event_types"
    guards = [require_role("admin")]

    @get("/", operation_id="WebhooksListEventTypes")
    async def list_event_types(self) -> WebhookEventTypesOut:
        """Every event type an endpoint may ask for (the core's and the plugins')."""
        return WebhookEventTypesOut(event_types=known_kinds())


CONTROLLERS = [EndpointController, EventTypesController]
