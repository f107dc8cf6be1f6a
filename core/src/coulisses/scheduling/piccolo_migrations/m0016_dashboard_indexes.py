"""Org-leading partial indexes for the dashboard's lists.

The dashboard reads the invitations still waiting (oldest first), the declines of the
last 24 hours and the links that could not be delivered lately. Each is a small part of
its table: partial indexes led by the org keep those reads bounded by the org's own
waiting, declined or undelivered rows, whatever the history holds.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-01T14:00:00:000016"
VERSION = "1.38.0"
DESCRIPTION = "org-leading partial indexes for the dashboard"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            """CREATE INDEX assignments_org_invited ON assignments (org, created_at)
               WHERE status = 'INVITED'""",
            """CREATE INDEX assignments_org_declined ON assignments (org, answered_at)
               WHERE status = 'DECLINED'""",
            """CREATE INDEX invitations_org_undelivered ON invitations (org, delivery_updated_at)
               WHERE delivery_status IN ('failed', 'no_channel')""",
        ],
        [
            "DROP INDEX invitations_org_undelivered",
            "DROP INDEX assignments_org_declined",
            "DROP INDEX assignments_org_invited",
        ],
    )
