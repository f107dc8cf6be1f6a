"""DPAE declarations of engagements (raw SQL: foreign key to core, unique key)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from coulisses_sdk.migrations import sql_migration

ID = "2026-12-02T04:00:00:000005"
VERSION = "1.38.0"
DESCRIPTION = "payroll DPAE declarations"

FORWARDS = [
    """CREATE TABLE payroll_dpae (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        user_id integer NOT NULL,
        project_id integer NOT NULL,
        first_day date NOT NULL,
        reference varchar(64) NOT NULL DEFAULT '',
        declared_on date NOT NULL,
        declared_by integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, user_id, project_id, first_day)
    )""",
]

BACKWARDS = ["DROP TABLE payroll_dpae"]


async def forwards() -> MigrationManager:
    return sql_migration(ID, "payroll", DESCRIPTION, FORWARDS, BACKWARDS)
