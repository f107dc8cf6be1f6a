"""Availability requests: tables (the SQL is m0024_availability_requests; this mirrors it)."""

from __future__ import annotations

from piccolo.columns import JSONB, Date, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.scheduling.places.tables import Place
from coulisses.scheduling.users.tables import User
from coulisses.tenancy.tables import Org


class AvailabilityRequest(Table, tablename="availability_requests"):
    """A question to people: their availability per day (and slot) over a period."""

    org = ForeignKey(Org)
    title = Varchar(length=200)
    message = Text(default="")
    starts_on = Date()
    ends_on = Date()
    slots = JSONB(default=[])
    place = ForeignKey(Place, db_column_name="place_id", null=True)
    timezone = Varchar(length=64)
    deadline = Timestamptz()
    remind_hours_before = Integer(null=True, default=None)
    closed_at = Timestamptz(null=True, default=None)
    created_by = ForeignKey(Account, null=True)
    created_at = Timestamptz()
    updated_at = Timestamptz()


class AvailabilityRequestRecipient(Table, tablename="availability_request_recipients"):
    """One person asked, with the hash (and the sealed copy) of their link's token."""

    org = ForeignKey(Org)
    request = ForeignKey(AvailabilityRequest, db_column_name="request_id")
    user = ForeignKey(User, db_column_name="user_id")
    token_hash = Varchar(length=64)
    token_sealed = Text()
    answered_at = Timestamptz(null=True, default=None)
    auto_reminded_at = Timestamptz(null=True, default=None)
    last_reminded_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz()


class AvailabilityRequestAnswer(Table, tablename="availability_request_answers"):
    """One answer of a recipient for a day and slot (``''``: the whole day)."""

    recipient = ForeignKey(AvailabilityRequestRecipient, db_column_name="recipient_id")
    day = Date()
    slot = Varchar(length=40, default="")
    answer = Varchar(length=16)
