"""Request and response bodies of the plugin's routes (pydantic, written by hand).

No response but ``EndpointWithSecret`` (creation, rotation) carries the secret.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from coulisses_sdk import Page


class EndpointCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=1, max_length=2000)
    description: str = Field(default="", max_length=500)
    #: Event kinds (class names, see ``GET /api/v1/webhooks/event_types``) or ``["*"]``.
    event_types: list[str] = Field(min_length=1, max_length=100)
    active: bool = True


class EndpointUpdate(BaseModel):
    """Only the fields sent change; ``active: true`` also clears the failure counter."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(default=None, min_length=1, max_length=2000)
    description: str | None = Field(default=None, max_length=500)
    event_types: list[str] | None = Field(default=None, min_length=1, max_length=100)
    active: bool | None = None


class EndpointOut(BaseModel):
    id: int
    url: str
    description: str
    event_types: list[str]
    active: bool
    consecutive_failures: int
    disabled_reason: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class EndpointWithSecret(EndpointOut):
    """The endpoint and its signing secret: shown once, keep it on the receiver's side."""

    secret: str


class EndpointPage(Page[EndpointOut]):
    items: list[EndpointOut]


class DeliveryOut(BaseModel):
    id: int
    endpoint_id: int
    event_id: str
    event_type: str
    #: pending, delivered, failed, or notice (a log entry: the endpoint was disabled).
    status: str
    attempts: int
    last_status_code: int | None
    last_error: str | None
    #: The first 500 characters of the receiver's last answer.
    last_response: str | None
    next_attempt_at: dt.datetime | None
    delivered_at: dt.datetime | None
    created_at: dt.datetime


class DeliveryPage(Page[DeliveryOut]):
    items: list[DeliveryOut]


class EventTypesOut(BaseModel):
    event_types: list[str]
