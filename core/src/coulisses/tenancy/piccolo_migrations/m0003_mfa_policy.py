"""The org's MFA policy: owners and admins must use a second factor when it is on."""

from coulisses.db.sql import sql_migration

ID = "2026-12-02T13:00:00:000002"
VERSION = "1.38.0"
DESCRIPTION = "orgs.mfa_required_for_admins"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "tenancy",
        DESCRIPTION,
        [
            """ALTER TABLE orgs
               ADD COLUMN mfa_required_for_admins boolean NOT NULL DEFAULT false""",
        ],
        ["ALTER TABLE orgs DROP COLUMN mfa_required_for_admins"],
    )
