"""Availability windows of users: one-off or recurring (RRULE), with an approval status."""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T09:00:00:000005"
VERSION = "1.38.0"
DESCRIPTION = "availability_windows"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            """CREATE TABLE availability_windows (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                kind varchar(16) NOT NULL CHECK (kind IN ('available', 'unavailable')),
                status varchar(16) NOT NULL DEFAULT 'REQUESTED'
                    CHECK (status IN ('REQUESTED', 'APPROVED', 'REFUSED')),
                starts_at timestamptz NOT NULL,
                ends_at timestamptz NOT NULL,
                rrule text,
                start_date date,
                start_time time,
                duration_minutes integer CHECK (duration_minutes > 0),
                note text NOT NULL DEFAULT '',
                requested_by integer REFERENCES accounts(id) ON DELETE SET NULL,
                decided_by integer REFERENCES accounts(id) ON DELETE SET NULL,
                decided_at timestamptz,
                decision_reason text,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                CHECK (ends_at > starts_at),
                CHECK (num_nulls(rrule, start_date, start_time, duration_minutes) IN (0, 4))
            )""",
            """CREATE INDEX availability_windows_user
                ON availability_windows (org, user_id, starts_at)""",
            """CREATE INDEX availability_windows_status
                ON availability_windows (org, status, created_at)""",
        ],
        ["DROP TABLE availability_windows"],
    )
