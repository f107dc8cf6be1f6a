"""Per-tenant plugin enablement: the one table every plugin gate reads."""

from __future__ import annotations

from piccolo.columns import JSONB, Boolean, ForeignKey, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.tenancy.tables import Org


class OrgPlugin(Table, tablename="org_plugins"):
    org = ForeignKey(Org)
    plugin = Varchar(length=64)
    enabled = Boolean(default=False)
    config = JSONB(default="{}")
    updated_at = Timestamptz()
