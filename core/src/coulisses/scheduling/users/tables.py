"""Users: tables."""

from __future__ import annotations

from piccolo.columns import (
    JSONB,
    Array,
    ForeignKey,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.tenancy.tables import Org

EMPLOYMENT_TYPES = ("CDI", "CDD", "Intermittent", "Freelance")


class User(Table, tablename="users"):
    org = ForeignKey(Org)
    first_name = Varchar(length=100)
    last_name = Varchar(length=100)
    email = Varchar(length=255, null=True)
    phone = Varchar(length=40, null=True)
    employment_type = Varchar(length=16)
    account = ForeignKey(Account, null=True)
    skills = JSONB(default="[]")
    tags = Array(Varchar())
    notes = Text(default="")
    rate_profile = Varchar(length=100, null=True, default=None)
    legal_ids = JSONB(default="{}")
    documents = JSONB(default="[]")
    created_at = Timestamptz()
    updated_at = Timestamptz()
    #: When the person was erased (pseudonymised, m0021, docs/rgpd.md); null otherwise.
    erased_at = Timestamptz(null=True, default=None)
    #: The person's id in the org's own files, unique per org (m0025, imports).
    external_id = Varchar(length=100, null=True, default=None)
