"""The transactional outbox and the deployment's random instance id."""

from coulisses.db.sql import sql_migration

ID = "2026-12-01T09:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "outbox, instance_info"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "outbox",
        DESCRIPTION,
        [
            """CREATE TABLE outbox (
                id bigserial PRIMARY KEY,
                kind varchar(8) NOT NULL CHECK (kind IN ('job', 'event')),
                name varchar(200) NOT NULL,
                org_id integer,
                sealed text NOT NULL,
                options jsonb NOT NULL DEFAULT '{}',
                attempts integer NOT NULL DEFAULT 0,
                last_error text,
                available_at timestamptz NOT NULL DEFAULT now(),
                created_at timestamptz NOT NULL DEFAULT now(),
                pushed_at timestamptz
            )""",
            "CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE pushed_at IS NULL",
            "CREATE INDEX outbox_pushed ON outbox (pushed_at) WHERE pushed_at IS NOT NULL",
            # One row: Redis keys (live streams, rate limits, queues) are namespaced by this
            # id, so a database reset or restore next to a kept Redis starts from clean keys.
            """CREATE TABLE instance_info (
                id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
                instance_id uuid NOT NULL DEFAULT gen_random_uuid(),
                created_at timestamptz NOT NULL DEFAULT now()
            )""",
            "INSERT INTO instance_info DEFAULT VALUES",
        ],
        ["DROP TABLE instance_info", "DROP TABLE outbox"],
    )
