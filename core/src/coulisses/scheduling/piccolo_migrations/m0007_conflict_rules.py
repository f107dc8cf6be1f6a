"""Conflict rules per org and per employment_type, and an index for long assignments."""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T09:00:00:000007"
VERSION = "1.38.0"
DESCRIPTION = "conflict_rules"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            # A row with employment_type NULL holds the org's limits; a row per
            # employment_type overrides them. A NULL limit means "inherit" (from the
            # org row, then from the built-in defaults of coulisses.scheduling.conflicts).
            """CREATE TABLE conflict_rules (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                employment_type varchar(16)
                    CHECK (employment_type IN ('CDI', 'CDD', 'Intermittent', 'Freelance')),
                max_day_minutes integer CHECK (max_day_minutes BETWEEN 1 AND 1440),
                max_week_minutes integer CHECK (max_week_minutes BETWEEN 1 AND 10080),
                min_rest_minutes integer CHECK (min_rest_minutes BETWEEN 0 AND 10080),
                updated_at timestamptz NOT NULL DEFAULT now()
            )""",
            """CREATE UNIQUE INDEX conflict_rules_scope
                ON conflict_rules (org, coalesce(employment_type, ''))""",
            # The conflict report reads the active assignments overlapping a window:
            # those starting less than a day before it come from (org, starts_at); this
            # small partial index finds the longer ones (allow_long) still running.
            """CREATE INDEX assignments_long ON assignments (org, ends_at)
                WHERE ends_at - starts_at > interval '24 hours'""",
        ],
        ["DROP INDEX assignments_long", "DROP TABLE conflict_rules"],
    )
