"""Rate profiles table (the schema is the SQL of ``m0006_rates``; this mirrors it)."""

from __future__ import annotations

from piccolo.columns import BigInt, ForeignKey, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.scheduling.missions.tables import Mission
from coulisses.scheduling.users.tables import User
from coulisses.tenancy.tables import Org

RATE_KINDS = ("hourly", "cachet", "per_mission")


class Rate(Table, tablename="rates"):
    """Attached to exactly one of ``user``, ``role_name`` or ``mission`` (a CHECK says so)."""

    org = ForeignKey(Org)
    kind = Varchar(length=16)
    amount_cents = BigInt()
    currency = Varchar(length=3, default="EUR")
    user = ForeignKey(User, db_column_name="user_id", null=True)
    role_name = Varchar(length=100, null=True, default=None)
    mission = ForeignKey(Mission, db_column_name="mission_id", null=True)
    label = Varchar(length=200, default="")
    created_at = Timestamptz()
    updated_at = Timestamptz()
