"""Endpoint secrets are stored sealed (coulisses_sdk.seal): a longer text column.

Secrets written before stay readable (they start with ``whsec_``) and are sealed
the next time a delivery uses them.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from coulisses_sdk.migrations import sql_migration

ID = "2026-12-02T09:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "sealed endpoint secrets"


async def forwards() -> MigrationManager:
    return sql_migration(
        ID,
        "webhooks",
        DESCRIPTION,
        ["ALTER TABLE webhooks_endpoints ALTER COLUMN secret TYPE text"],
    )
