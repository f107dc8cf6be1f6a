"""Per-org plugin enablement and configuration."""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T08:00:00:000004"
VERSION = "1.38.0"
DESCRIPTION = "org_plugins"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "plugins",
        DESCRIPTION,
        [
            """CREATE TABLE org_plugins (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                plugin varchar(64) NOT NULL,
                enabled boolean NOT NULL DEFAULT false,
                config jsonb NOT NULL DEFAULT '{}',
                updated_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (org, plugin)
            )""",
        ],
        ["DROP TABLE org_plugins"],
    )
