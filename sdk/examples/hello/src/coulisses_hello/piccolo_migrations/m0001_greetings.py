"""Create hello_greetings, in SQL for its foreign key to core's ``orgs`` (an org's
greetings leave with it): ``coulisses_sdk.migrations.sql_migration``."""

from coulisses_sdk.migrations import sql_migration

ID = "2026-11-25T09:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "hello_greetings"


async def forwards():
    return sql_migration(
        ID,
        "hello",
        DESCRIPTION,
        [
            """CREATE TABLE hello_greetings (
                id serial PRIMARY KEY,
                org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                email varchar(255) NOT NULL,
                message varchar(500) NOT NULL,
                delivered integer NOT NULL DEFAULT 0,
                created_at timestamptz NOT NULL DEFAULT now()
            )"""
        ],
        ["DROP TABLE hello_greetings"],
    )
