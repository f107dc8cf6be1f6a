"""Users: the schedulable people of an org."""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T08:00:00:000003"
VERSION = "1.38.0"
DESCRIPTION = "users"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            """CREATE TABLE users (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                first_name varchar(100) NOT NULL,
                last_name varchar(100) NOT NULL,
                email varchar(255),
                phone varchar(40),
                employment_type varchar(16) NOT NULL
                    CHECK (employment_type IN ('CDI', 'CDD', 'Intermittent', 'Freelance')),
                account integer REFERENCES accounts(id) ON DELETE SET NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now()
            )""",
            "CREATE INDEX users_org ON users (org)",
        ],
        ["DROP TABLE users"],
    )
