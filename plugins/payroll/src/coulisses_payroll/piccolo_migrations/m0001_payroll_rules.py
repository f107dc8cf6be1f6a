"""Create the payroll rule versions table (raw SQL: foreign key to core, unique key)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-01T21:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "payroll rule versions"

FORWARDS = [
    """CREATE TABLE payroll_rule_versions (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        profile varchar(32) NOT NULL,
        employment_type varchar(32) NOT NULL,
        effective_from date NOT NULL,
        params jsonb NOT NULL,
        created_by integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, profile, employment_type, effective_from)
    )""",
]

BACKWARDS = ["DROP TABLE payroll_rule_versions"]


async def _run(statements: list[str]) -> None:
    engine = engine_finder()
    assert engine is not None
    for statement in statements:
        await engine.run_ddl(statement)


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="payroll", description=DESCRIPTION)

    async def run() -> None:
        await _run(FORWARDS)

    async def run_backwards() -> None:
        await _run(BACKWARDS)

    manager.add_raw(run)
    manager.add_raw_backwards(run_backwards)
    return manager
