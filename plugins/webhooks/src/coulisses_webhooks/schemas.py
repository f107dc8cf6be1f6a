"""Request and response bodies of the plugin's routes (pydantic, written by hand).

No response but ``WebhookEndpointWithSecret`` (creation, rotation) carries the secret.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from coulisses_sdk import Page


class WebhookEndpointCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=1, max_length=2000)
    description: str = Field(default="", max_length=500)
    #: Event kinds (class names, see ``GET /api/v1/webhooks/event_types``) or ``["*"]``.
    event_types: list[str] = Field(min_length=1, max_length=100)
    active: bool = True


class WebhookEndpointUpdate(BaseModel):
    """Only the fields sent change; ``active: true`` also clears the failure counter."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(default=None, min_length=1, max_length=2000)
    description: str | None = Field(default=None, max_length=500)
    event_types: list[str] | None = Field(default=None, min_length=1, max_length=100)
    active: bool | None = None


class WebhookEndpointOut(BaseModel):
    id: int
    url: str
    description: str
    event_types: list[str]
    active: bool
    consecutive_failures: int
    disabled_reason: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class WebhookEndpointWithSecret(WebhookEndpointOut):
    """The endpoint and its signing secret: shown once, keep it on the receiver's side."""

    secret: str


class WebhookEndpointPage(Page[WebhookEndpointOut]):
    items: list[WebhookEndpointOut]


class WebhookDeliveryOut(BaseModel):
    id: int
    endpoint_id: int
    event_id: str
    event_type: str
    #: pending, delivered, failed, or notice (a log entry: the endpoint was disabled).
    status: str
    attempts: int
    last_http_status: int | None
    last_error: str | None
    #: The first 500 characters of the receiver's last answer.
    last_response: str | None
    next_attempt_at: dt.datetime | None
    delivered_at: dt.datetime | None
    created_at: dt.datetime


class WebhookDeliveryPage(Page[WebhookDeliveryOut]):
    items: list[WebhookDeliveryOut]


class WebhookEventTypesOut(BaseModel):
    event_types: list[str]
