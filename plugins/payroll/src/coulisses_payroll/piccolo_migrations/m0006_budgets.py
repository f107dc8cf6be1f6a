"""Project budgets (raw SQL: foreign key to core's orgs, unique key, checks)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from coulisses_sdk.migrations import sql_migration

ID = "2026-12-03T04:00:00:000006"
VERSION = "1.38.0"
DESCRIPTION = "payroll project budgets"

FORWARDS = [
    """CREATE TABLE payroll_project_budgets (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        project_id integer NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents BETWEEN 0 AND 100000000000),
        currency varchar(3) NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
        updated_by integer,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, project_id)
    )""",
]

BACKWARDS = ["DROP TABLE payroll_project_budgets"]


async def forwards() -> MigrationManager:
    return sql_migration(ID, "payroll", DESCRIPTION, FORWARDS, BACKWARDS)
