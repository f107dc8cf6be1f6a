"""Sessions table of piccolo-admin."""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T08:00:00:000010"
VERSION = "1.38.0"
DESCRIPTION = "admin_sessions"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "admin",
        DESCRIPTION,
        [
            """CREATE TABLE admin_sessions (
                id serial PRIMARY KEY,
                token varchar(100) NOT NULL,
                user_id integer NOT NULL,
                expiry_date timestamp NOT NULL,
                max_expiry_date timestamp NOT NULL
            )""",
            "CREATE INDEX admin_sessions_token ON admin_sessions (token)",
        ],
        ["DROP TABLE admin_sessions"],
    )
