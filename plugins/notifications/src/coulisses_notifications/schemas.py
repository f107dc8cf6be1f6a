"""Request and response bodies of the plugin's routes (pydantic, written by hand)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from coulisses_sdk import Page

Channel = Literal["email", "telegram", "in_app"]
HHMM = r"^([01]\d|2[0-3]):[0-5]\d$"


class NotificationOut(BaseModel):
    id: int
    kind: str
    title: str
    body: str
    data: dict[str, Any]
    read_at: dt.datetime | None
    created_at: dt.datetime


class NotificationPage(Page[NotificationOut]):
    """The list envelope, plus the caller's unread count (all pages, whatever the filters)."""

    items: list[NotificationOut]
    unread: int


class ReadAllOut(BaseModel):
    marked: int


class TelegramStatusOut(BaseModel):
    bot_configured: bool
    bot_username: str | None
    linked: bool
    username: str | None = None
    linked_at: dt.datetime | None = None


class PreferencesOut(BaseModel):
    locale: str | None
    #: The quiet hours in force (the member's own, else the org's default).
    quiet_start: str
    quiet_end: str
    quiet_hours_from_org: bool
    channels: dict[str, list[str]]
    kinds: list[str]
    available_channels: list[str]
    timezone: str


class PreferencesUpdate(BaseModel):
    """Only the fields sent change; ``null`` goes back to the org's language or quiet hours.

    Quiet hours are set together (both bounds, or both null).
    """

    model_config = ConfigDict(extra="forbid")

    locale: Literal["fr", "en"] | None = None
    quiet_start: str | None = Field(default=None, pattern=HHMM)
    quiet_end: str | None = Field(default=None, pattern=HHMM)
    channels: dict[str, list[Channel]] | None = None


class SentMessageOut(BaseModel):
    id: int
    uid: str
    channel: str
    template: str
    recipient: str
    recipient_account_id: int | None
    recipient_user_id: int | None
    subject: str
    status: str
    attempts: int
    last_error: str | None
    scheduled_for: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    sent_at: dt.datetime | None


class TelegramCodeOut(BaseModel):
    """Send ``/start <code>`` to the bot, or open ``url`` (when the bot's username is set)."""

    code: str
    url: str | None
    bot_username: str | None
    expires_in_hours: int


class SentMessagePage(Page[SentMessageOut]):
    """The list envelope of the sent-messages log."""

    items: list[SentMessageOut]
