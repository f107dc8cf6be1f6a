"""Open shifts: tables (m0022 creates them; piccolo-admin and table_finder read these)."""

from __future__ import annotations

from piccolo.columns import BigInt, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.scheduling.assignments.tables import Assignment
from coulisses.scheduling.missions.tables import MissionRole
from coulisses.scheduling.users.tables import User
from coulisses.tenancy.tables import Org

OPEN_SHIFT_POLICIES = ("first_come", "manager_picks")
OPEN_SHIFT_STATUSES = ("OPEN", "FULL", "CLOSED")
APPLICATION_STATUSES = (
    "PENDING",
    "WAITLISTED",
    "OFFERED",
    "ACCEPTED",
    "REJECTED",
    "WITHDRAWN",
    "DECLINED",
    "EXPIRED",
    "CLOSED",
)


class OpenShift(Table, tablename="open_shifts"):
    org = ForeignKey(Org)
    mission_role = ForeignKey(MissionRole)
    policy = Varchar(length=16)
    tag = Varchar(length=100, null=True, default=None)
    offer_hours = Integer(default=24)
    status = Varchar(length=8, default="OPEN")
    created_by = ForeignKey(Account, null=True)
    created_at = Timestamptz()
    updated_at = Timestamptz()


class OpenShiftApplication(Table, tablename="open_shift_applications"):
    org = ForeignKey(Org)
    open_shift = ForeignKey(OpenShift)
    user = ForeignKey(User, db_column_name="user_id")
    status = Varchar(length=12)
    #: Arrival order (drawn with the role row locked).
    seq = BigInt()
    offer_expires_at = Timestamptz(null=True, default=None)
    assignment = ForeignKey(Assignment, null=True)
    created_at = Timestamptz()
    updated_at = Timestamptz()
