"""Mission templates: tables (the SQL is m0019_mission_templates)."""

from __future__ import annotations

from piccolo.columns import JSONB, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.tenancy.tables import Org


class MissionTemplate(Table, tablename="mission_templates"):
    """A saved pattern of missions: its current name and version; archived, it is gone
    from every route and its name is free again."""

    org = ForeignKey(Org)
    name = Varchar(length=200)
    description = Text(default="")
    version = Integer(default=1)
    archived_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz()
    updated_at = Timestamptz()


class MissionTemplateVersion(Table, tablename="mission_template_versions"):
    """One version's whole content, written once."""

    org = ForeignKey(Org)
    template = ForeignKey(MissionTemplate)
    version = Integer()
    name = Varchar(length=200)
    description = Text(default="")
    title = Varchar(length=200)
    slots = JSONB()
    roles = JSONB(default="[]")
    created_by = ForeignKey(Account, null=True)
    created_at = Timestamptz()
