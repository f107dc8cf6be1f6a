"""Create the payroll rule versions table (raw SQL: foreign key to core, unique key)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from coulisses_sdk.migrations import sql_migration

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


async def forwards() -> MigrationManager:
    return sql_migration(ID, "payroll", DESCRIPTION, FORWARDS, BACKWARDS)
