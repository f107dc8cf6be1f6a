"""Assignments: tables."""

from __future__ import annotations

from piccolo.columns import (
    BigInt,
    Boolean,
    ForeignKey,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.scheduling.missions.tables import Mission, MissionRole
from coulisses.scheduling.users.tables import User
from coulisses.tenancy.tables import Org

ASSIGNMENT_STATUSES = ("INVITED", "ACCEPTED", "DECLINED", "CANCELLED")


class Assignment(Table, tablename="assignments"):
    org = ForeignKey(Org)
    mission = ForeignKey(Mission)
    mission_role = ForeignKey(MissionRole)
    user = ForeignKey(User, db_column_name="user_id")
    status = Varchar(length=16, default="INVITED")
    starts_at = Timestamptz()
    ends_at = Timestamptz()
    decline_reason = Text(null=True, default=None)
    created_by = ForeignKey(Account, null=True)
    answered_at = Timestamptz(null=True, default=None)
    #: Beyond the role's quota: holds no place until promoted (m0014).
    reserve = Boolean(default=False)
    #: Order in which reserves accepted (a sequence drawn under the role's lock).
    reserve_rank = BigInt(null=True, default=None)
    promoted_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz()
    updated_at = Timestamptz()
