"""Org API keys."""

from coulisses.db.sql import sql_migration

ID = "2026-12-01T17:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "org api keys"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "apikeys",
        DESCRIPTION,
        [
            """CREATE TABLE api_keys (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                account integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                name varchar(100) NOT NULL,
                prefix varchar(16) NOT NULL,
                key_hash varchar(64) NOT NULL UNIQUE,
                scopes varchar(40)[] NOT NULL,
                created_by integer REFERENCES accounts(id) ON DELETE SET NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                expires_at timestamptz,
                last_used_at timestamptz,
                revoked_at timestamptz,
                revoked_by integer REFERENCES accounts(id) ON DELETE SET NULL
            )""",
            "CREATE INDEX api_keys_org ON api_keys (org, created_at DESC, id DESC)",
        ],
        ["DROP TABLE api_keys"],
    )
