"""Create hello_greetings (plain Piccolo migration: a plugin needs nothing from core here)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-25T09:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "hello_greetings"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="hello", description=DESCRIPTION)

    async def run():
        await engine_finder().run_ddl(
            """CREATE TABLE hello_greetings (
                id serial PRIMARY KEY,
                org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                email varchar(255) NOT NULL,
                message varchar(500) NOT NULL,
                delivered integer NOT NULL DEFAULT 0,
                created_at timestamptz NOT NULL DEFAULT now()
            )"""
        )

    async def run_backwards():
        await engine_finder().run_ddl("DROP TABLE hello_greetings")

    manager.add_raw(run)
    manager.add_raw_backwards(run_backwards)
    return manager
