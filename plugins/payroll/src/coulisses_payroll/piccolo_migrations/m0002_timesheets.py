"""Create the timesheet lines and their history (raw SQL: foreign key to core, unique key)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from coulisses_sdk.migrations import sql_migration

ID = "2026-12-02T01:00:00:000002"
VERSION = "1.38.0"
DESCRIPTION = "payroll timesheet lines and events"

FORWARDS = [
    """CREATE TABLE payroll_timesheet_lines (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        assignment_id integer NOT NULL,
        user_id integer NOT NULL,
        mission_id integer NOT NULL,
        actual_start timestamptz,
        actual_end timestamptz,
        break_minutes integer NOT NULL DEFAULT 0 CHECK (break_minutes >= 0),
        comment text NOT NULL DEFAULT '',
        status varchar(16) NOT NULL DEFAULT 'draft'
            CHECK (status IN ('draft', 'submitted', 'validated')),
        validated_by integer,
        validated_at timestamptz,
        updated_by integer,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((actual_start IS NULL) = (actual_end IS NULL)),
        CHECK (actual_end IS NULL OR actual_end > actual_start),
        CHECK ((status = 'validated') = (validated_at IS NOT NULL)),
        UNIQUE (org_id, assignment_id)
    )""",
    "CREATE INDEX payroll_timesheet_lines_user ON payroll_timesheet_lines (org_id, user_id)",
    "CREATE INDEX payroll_timesheet_lines_status ON payroll_timesheet_lines (org_id, status)",
    """CREATE TABLE payroll_timesheet_events (
        id bigserial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        line_id integer NOT NULL REFERENCES payroll_timesheet_lines(id) ON DELETE CASCADE,
        assignment_id integer NOT NULL,
        actor integer,
        at timestamptz NOT NULL DEFAULT now(),
        action varchar(16) NOT NULL,
        before jsonb NOT NULL DEFAULT '{}'::jsonb,
        after jsonb NOT NULL DEFAULT '{}'::jsonb,
        reason text
    )""",
    """CREATE INDEX payroll_timesheet_events_line
        ON payroll_timesheet_events (org_id, assignment_id, id)""",
]

BACKWARDS = ["DROP TABLE payroll_timesheet_events", "DROP TABLE payroll_timesheet_lines"]


async def forwards() -> MigrationManager:
    return sql_migration(ID, "payroll", DESCRIPTION, FORWARDS, BACKWARDS)
