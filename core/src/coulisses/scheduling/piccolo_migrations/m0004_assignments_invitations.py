"""Assignments (with the database-level double-booking rule) and invitations."""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T09:00:00:000003"
VERSION = "1.38.0"
DESCRIPTION = "assignments, invitations"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            # starts_at/ends_at/user_id are copied from the mission and the user so
            # that one GiST constraint can forbid overlapping ACCEPTED assignments
            # (btree_gist is absent from core PostgreSQL, hence int8range).
            """CREATE TABLE assignments (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                mission integer NOT NULL REFERENCES missions(id) ON DELETE CASCADE,
                mission_role integer NOT NULL REFERENCES mission_roles(id) ON DELETE CASCADE,
                user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                status varchar(16) NOT NULL DEFAULT 'INVITED'
                    CHECK (status IN ('INVITED', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
                starts_at timestamptz NOT NULL,
                ends_at timestamptz NOT NULL,
                decline_reason text,
                created_by integer REFERENCES accounts(id) ON DELETE SET NULL,
                answered_at timestamptz,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT assignments_no_overlap EXCLUDE USING gist (
                    int8range(user_id, user_id, '[]') WITH &&,
                    tstzrange(starts_at, ends_at) WITH &&
                ) WHERE (status = 'ACCEPTED')
            )""",
            """CREATE UNIQUE INDEX assignments_one_active ON assignments (mission, user_id)
               WHERE status IN ('INVITED', 'ACCEPTED')""",
            "CREATE INDEX assignments_org_starts ON assignments (org, starts_at)",
            "CREATE INDEX assignments_user ON assignments (user_id, starts_at)",
            "CREATE INDEX assignments_role ON assignments (mission_role, status)",
            """CREATE TABLE invitations (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                assignment integer NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
                purpose varchar(40) NOT NULL DEFAULT 'assignment.answer',
                token_hash varchar(64) NOT NULL,
                expires_at timestamptz NOT NULL,
                revoked_at timestamptz,
                answer varchar(16) CHECK (answer IN ('ACCEPTED', 'DECLINED')),
                answered_at timestamptz,
                reason text,
                created_at timestamptz NOT NULL DEFAULT now()
            )""",
            "CREATE INDEX invitations_assignment ON invitations (assignment)",
        ],
        ["DROP TABLE invitations", "DROP TABLE assignments"],
    )
