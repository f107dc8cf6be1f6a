"""Rate profiles attached to a user, a mission role name or a mission (after m0003: missions)."""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T09:00:00:000006"
VERSION = "1.38.0"
DESCRIPTION = "rates"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            """CREATE TABLE rates (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                kind varchar(16) NOT NULL CHECK (kind IN ('hourly', 'cachet', 'per_mission')),
                amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
                currency varchar(3) NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
                user_id integer REFERENCES users(id) ON DELETE CASCADE,
                role_name varchar(100),
                mission_id integer REFERENCES missions(id) ON DELETE CASCADE,
                label varchar(200) NOT NULL DEFAULT '',
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                CHECK (num_nonnulls(user_id, role_name, mission_id) = 1)
            )""",
            # One rate per attachment, so resolution never has to choose between two.
            "CREATE UNIQUE INDEX rates_user ON rates (org, user_id) WHERE user_id IS NOT NULL",
            """CREATE UNIQUE INDEX rates_role ON rates (org, lower(role_name))
                WHERE role_name IS NOT NULL""",
            """CREATE UNIQUE INDEX rates_mission ON rates (org, mission_id)
                WHERE mission_id IS NOT NULL""",
        ],
        ["DROP TABLE rates"],
    )
