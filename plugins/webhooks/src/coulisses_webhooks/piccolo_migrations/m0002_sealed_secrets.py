"""Endpoint secrets are stored sealed (coulisses_sdk.seal): a longer text column.

Secrets written before stay readable (they start with ``whsec_``) and are sealed
the next time a delivery uses them.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-02T09:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "sealed endpoint secrets"


async def _run(statement: str) -> None:
    engine = engine_finder()
    assert engine is not None
    await engine.run_ddl(statement)


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="webhooks", description=DESCRIPTION)

    async def run() -> None:
        await _run("ALTER TABLE webhooks_endpoints ALTER COLUMN secret TYPE text")

    manager.add_raw(run)
    return manager
