"""Retention policies of an org (docs/rgpd.md): how many days audit entries and closed
invitations (answered, revoked or expired) are kept before the daily ``retention_cron``
deletes them. Bounds are checked here too, so no write path can store a silly value.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-04T10:00:00:000003"
VERSION = "1.38.0"
DESCRIPTION = "orgs retention policies (audit log, closed invitations)"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "tenancy",
        DESCRIPTION,
        [
            """ALTER TABLE orgs
               ADD COLUMN audit_retention_days integer NOT NULL DEFAULT 730
                   CHECK (audit_retention_days BETWEEN 90 AND 3650),
               ADD COLUMN invitation_retention_days integer NOT NULL DEFAULT 365
                   CHECK (invitation_retention_days BETWEEN 30 AND 3650)""",
        ],
        [
            """ALTER TABLE orgs DROP COLUMN invitation_retention_days,
               DROP COLUMN audit_retention_days""",
        ],
    )
