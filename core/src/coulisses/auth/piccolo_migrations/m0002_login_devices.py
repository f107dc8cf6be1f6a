"""The devices an account signed in from (login alerts)."""

from coulisses.db.sql import sql_migration

ID = "2026-12-02T09:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "login devices"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "auth",
        DESCRIPTION,
        [
            """CREATE TABLE login_devices (
                id bigserial PRIMARY KEY,
                account integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                fingerprint varchar(64) NOT NULL,
                browser varchar(100) NOT NULL,
                network varchar(64) NOT NULL,
                first_seen timestamptz NOT NULL DEFAULT now(),
                last_seen timestamptz NOT NULL DEFAULT now(),
                UNIQUE (account, fingerprint)
            )""",
        ],
    )
