"""Intermittents' civil status for AEMs and CDDU contracts (raw SQL: foreign key to core)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from coulisses_sdk.migrations import sql_migration

ID = "2026-12-03T06:00:00:000008"
VERSION = "1.38.0"
DESCRIPTION = "payroll civil status of intermittents"

FORWARDS = [
    """CREATE TABLE payroll_civil_status (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        user_id integer NOT NULL,
        birth_name varchar(100) NOT NULL DEFAULT '',
        birth_date date CHECK (birth_date IS NULL OR birth_date >= DATE '1900-01-01'),
        birth_place varchar(120) NOT NULL DEFAULT '',
        nationality varchar(60) NOT NULL DEFAULT '',
        address text NOT NULL DEFAULT '' CHECK (length(address) <= 300),
        updated_by integer,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, user_id)
    )""",
]

BACKWARDS = ["DROP TABLE payroll_civil_status"]


async def forwards() -> MigrationManager:
    return sql_migration(ID, "payroll", DESCRIPTION, FORWARDS, BACKWARDS)
