"""Create the export files (raw SQL: foreign key to core, checks)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from coulisses_sdk.migrations import sql_migration

ID = "2026-12-02T02:00:00:000003"
VERSION = "1.38.0"
DESCRIPTION = "payroll export files"

FORWARDS = [
    """CREATE TABLE payroll_exports (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL
            CHECK (kind IN ('monthly_totals', 'payroll_office', 'statement')),
        format varchar(8) NOT NULL CHECK (format IN ('csv', 'xlsx', 'pdf')),
        month varchar(7) NOT NULL,
        project_id integer,
        user_id integer,
        excel_fr boolean NOT NULL DEFAULT true,
        status varchar(16) NOT NULL DEFAULT 'queued'
            CHECK (status IN ('queued', 'running', 'done', 'failed')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        error_code varchar(64),
        content bytea,
        content_type varchar(100) NOT NULL DEFAULT '',
        filename varchar(200) NOT NULL DEFAULT '',
        size integer NOT NULL DEFAULT 0 CHECK (size >= 0),
        created_by integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        expires_at timestamptz NOT NULL,
        CHECK (status <> 'done' OR finished_at IS NOT NULL)
    )""",
    "CREATE INDEX payroll_exports_owner ON payroll_exports (org_id, created_by, id)",
    "CREATE INDEX payroll_exports_expiry ON payroll_exports (org_id, expires_at)",
]

BACKWARDS = ["DROP TABLE payroll_exports"]


async def forwards() -> MigrationManager:
    return sql_migration(ID, "payroll", DESCRIPTION, FORWARDS, BACKWARDS)
