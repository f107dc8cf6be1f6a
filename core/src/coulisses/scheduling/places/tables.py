"""Places: tables."""

from __future__ import annotations

from piccolo.columns import DoublePrecision, ForeignKey, Text, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.tenancy.tables import Org


class Place(Table, tablename="places"):
    """Where missions happen; its timezone is the one of their local times."""

    org = ForeignKey(Org)
    name = Varchar(length=200)
    address = Text(default="")
    timezone = Varchar(length=64)
    latitude = DoublePrecision(null=True, default=None)
    longitude = DoublePrecision(null=True, default=None)
    notes = Text(default="")
    created_at = Timestamptz()
    updated_at = Timestamptz()
