"""Availability windows table (the schema is the SQL of ``m0005_availability``; this mirrors it)."""

from __future__ import annotations

from piccolo.columns import Date, ForeignKey, Integer, Text, Time, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.scheduling.absences.tables import AbsenceType
from coulisses.scheduling.users.tables import User
from coulisses.tenancy.tables import Org

AVAILABILITY_KINDS = ("available", "unavailable")
AVAILABILITY_STATUSES = ("REQUESTED", "APPROVED", "REFUSED")


class AvailabilityWindow(Table, tablename="availability_windows"):
    """One-off (``rrule`` null) or recurring; ``starts_at``/``ends_at`` span the series."""

    org = ForeignKey(Org)
    user = ForeignKey(User, db_column_name="user_id")
    kind = Varchar(length=16)
    status = Varchar(length=16, default="REQUESTED")
    starts_at = Timestamptz()
    ends_at = Timestamptz()
    rrule = Text(null=True, default=None)
    start_date = Date(null=True, default=None)
    start_time = Time(null=True, default=None)
    duration_minutes = Integer(null=True, default=None)
    note = Text(default="")
    #: only on an ``unavailable`` window (m0020)
    absence_type = ForeignKey(AbsenceType, db_column_name="absence_type_id", null=True)
    requested_by = ForeignKey(Account, null=True)
    decided_by = ForeignKey(Account, null=True)
    decided_at = Timestamptz(null=True, default=None)
    decision_reason = Text(null=True, default=None)
    created_at = Timestamptz()
    updated_at = Timestamptz()
