"""Absence types table (the schema is the SQL of ``m0020_absence_types``; this mirrors it)."""

from __future__ import annotations

from piccolo.columns import Boolean, ForeignKey, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.tenancy.tables import Org


class AbsenceType(Table, tablename="absence_types"):
    """A kind of leave of an org; ``code`` never changes, a used type is deactivated."""

    org = ForeignKey(Org)
    code = Varchar(length=40)
    label = Varchar(length=100)
    color = Varchar(length=7, default="#6b7280")
    requires_approval = Boolean(default=True)
    active = Boolean(default=True)
    created_at = Timestamptz()
    updated_at = Timestamptz()
