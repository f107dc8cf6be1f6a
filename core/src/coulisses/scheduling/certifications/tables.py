"""Certifications: tables (the schema is the SQL of ``m0013_certifications``; this mirrors it)."""

from __future__ import annotations

from piccolo.columns import Date, ForeignKey, Integer, Timestamptz
from piccolo.table import Table

from coulisses.tenancy.tables import Org


class CertificationDigest(Table, tablename="certification_digests"):
    """One run of the daily check for an org and local day (unique): what it found, and
    when its ``CertificationsExpiring`` event went out (null: nothing to tell)."""

    org = ForeignKey(Org)
    day = Date()
    within_days = Integer()
    expiring = Integer(default=0)
    expired_assigned = Integer(default=0)
    created_at = Timestamptz()
    notified_at = Timestamptz(null=True, default=None)
