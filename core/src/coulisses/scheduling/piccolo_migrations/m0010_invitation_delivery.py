"""What became of each invitation link: queued, sent, failed (with the last error), no channel."""

from coulisses.db.sql import sql_migration

ID = "2026-12-01T09:00:00:000002"
VERSION = "1.38.0"
DESCRIPTION = "invitation delivery state"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            """ALTER TABLE invitations
               ADD COLUMN delivery_status varchar(16) NOT NULL DEFAULT 'queued'
                   CHECK (delivery_status IN ('queued', 'sent', 'failed', 'no_channel')),
               ADD COLUMN delivery_channel varchar(64),
               ADD COLUMN delivery_error text,
               ADD COLUMN delivery_attempts integer NOT NULL DEFAULT 0,
               ADD COLUMN delivery_updated_at timestamptz NOT NULL DEFAULT now()""",
        ],
        [
            """ALTER TABLE invitations DROP COLUMN delivery_status,
               DROP COLUMN delivery_channel, DROP COLUMN delivery_error,
               DROP COLUMN delivery_attempts, DROP COLUMN delivery_updated_at""",
        ],
    )
