"""Conflict rules table (the schema is the SQL of ``m0007_conflict_rules``; this mirrors it)."""

from __future__ import annotations

from piccolo.columns import ForeignKey, Integer, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.tenancy.tables import Org


class ConflictRule(Table, tablename="conflict_rules"):
    """The org's limits (``employment_type`` null) or an employment_type's overrides.

    A null limit inherits: employment_type row -> org row -> built-in default.
    """

    org = ForeignKey(Org)
    employment_type = Varchar(length=16, null=True, default=None)
    max_day_minutes = Integer(null=True, default=None)
    max_week_minutes = Integer(null=True, default=None)
    min_rest_minutes = Integer(null=True, default=None)
    updated_at = Timestamptz()
