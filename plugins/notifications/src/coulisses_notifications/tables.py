"""The plugin's tables; every row carries its ``org_id`` and every query filters on it.

The schema is written in SQL (``piccolo_migrations/``) for the foreign keys to
core tables and the partial unique indexes; these classes mirror it.
"""

from piccolo.columns import (
    JSONB,
    BigInt,
    Integer,
    Serial,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table


class Notification(Table, tablename="notifications_notifications"):
    """One entry of a member's in-app notification center."""

    id = Serial(primary_key=True)

    org_id = Integer()
    account_id = Integer()
    kind = Varchar(length=40)
    title = Varchar(length=300)
    body = Text(default="")
    data = JSONB(default="{}")
    read_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz()


class Preference(Table, tablename="notifications_preferences"):
    """Choices of one member (``account_id``) or of one user who never logs in (``user_id``)."""

    id = Serial(primary_key=True)

    org_id = Integer()
    account_id = Integer(null=True, default=None)
    user_id = Integer(null=True, default=None)
    locale = Varchar(length=8, null=True, default=None)
    channels = JSONB(default="{}")
    #: Quiet hours; NULL follows the org's default (plugin config).
    quiet_start = Varchar(length=5, null=True, default=None)
    quiet_end = Varchar(length=5, null=True, default=None)
    updated_at = Timestamptz()


class SentMessage(Table, tablename="notifications_sent_messages"):
    """Every email or Telegram message: to whom, what, and how its delivery went."""

    id = Serial(primary_key=True)

    uid = Varchar(length=32, unique=True)
    org_id = Integer()
    channel = Varchar(length=16)
    template = Varchar(length=40)
    recipient = Varchar(length=255)
    recipient_account_id = Integer(null=True, default=None)
    recipient_user_id = Integer(null=True, default=None)
    subject = Varchar(length=300, default="")
    status = Varchar(length=16, default="queued")
    attempts = Integer(default=0)
    last_error = Text(null=True, default=None)
    dedup_key = Varchar(length=200, null=True, default=None)
    scheduled_for = Timestamptz(null=True, default=None)
    created_at = Timestamptz()
    updated_at = Timestamptz()
    sent_at = Timestamptz(null=True, default=None)


class TelegramLink(Table, tablename="notifications_telegram_links"):
    """A one-time code waiting for ``/start <code>``, then the chat it linked."""

    id = Serial(primary_key=True)

    org_id = Integer()
    user_id = Integer(null=True, default=None)
    account_id = Integer(null=True, default=None)
    code_hash = Varchar(length=64, null=True, default=None)
    code_expires_at = Timestamptz(null=True, default=None)
    chat_id = BigInt(null=True, default=None)
    telegram_username = Varchar(length=100, null=True, default=None)
    linked_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz()


class MissionSnapshot(Table, tablename="notifications_mission_snapshots"):
    """Times and place of a mission as last announced, to tell what an update changed."""

    id = Serial(primary_key=True)

    org_id = Integer()
    mission_id = Integer(unique=True)
    title = Varchar(length=200)
    place = Varchar(length=200, default="")
    starts_at = Timestamptz()
    ends_at = Timestamptz()
    updated_at = Timestamptz()
