"""Orgs (tenants), memberships of accounts in orgs, and the audit log."""

from __future__ import annotations

from piccolo.columns import JSONB, Boolean, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.auth.tables import Account

ROLES = ("owner", "admin", "manager", "tech")


class Org(Table, tablename="orgs"):
    name = Varchar(length=200)
    slug = Varchar(length=80, unique=True)
    timezone = Varchar(length=64, default="Europe/Paris")
    locale = Varchar(length=8, default="fr")
    mfa_required_for_admins = Boolean(default=False)
    created_at = Timestamptz()
    #: Retention policies (m0004, docs/rgpd.md): days before the daily purge.
    audit_retention_days = Integer(default=730)
    invitation_retention_days = Integer(default=365)
    #: Swaps and handovers between crew wait for a manager's approval (m0005).
    swaps_require_approval = Boolean(default=True)


class OrgMembership(Table, tablename="org_memberships"):
    account = ForeignKey(Account)
    org = ForeignKey(Org)
    role = Varchar(length=16)
    created_at = Timestamptz()


class AuditLog(Table, tablename="audit_log"):
    org = ForeignKey(Org, null=True)
    actor = ForeignKey(Account, null=True)
    action = Varchar(length=100)
    target = Varchar(length=200, null=True)
    payload = JSONB(default="{}")
    at = Timestamptz()
