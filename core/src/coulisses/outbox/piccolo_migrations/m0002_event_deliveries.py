"""Domain events waiting for (or handed to) each plugin's handler."""

from coulisses.db.sql import sql_migration

ID = "2026-12-01T17:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "event_deliveries"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "outbox",
        DESCRIPTION,
        [
            """CREATE TABLE event_deliveries (
                id bigserial PRIMARY KEY,
                event_id varchar(64) NOT NULL,
                kind varchar(200) NOT NULL,
                org_id integer,
                plugin varchar(100) NOT NULL,
                sealed text NOT NULL,
                status varchar(10) NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'done', 'dead', 'skipped')),
                attempts integer NOT NULL DEFAULT 0,
                last_error text,
                available_at timestamptz NOT NULL DEFAULT now(),
                locked_until timestamptz,
                created_at timestamptz NOT NULL DEFAULT now(),
                done_at timestamptz,
                UNIQUE (event_id, plugin)
            )""",
            """CREATE INDEX event_deliveries_due ON event_deliveries (available_at, id)
               WHERE status = 'pending'""",
            """CREATE INDEX event_deliveries_dead ON event_deliveries (id)
               WHERE status = 'dead'""",
            """CREATE INDEX event_deliveries_done ON event_deliveries (done_at)
               WHERE status IN ('done', 'skipped')""",
        ],
        ["DROP TABLE event_deliveries"],
    )
