"""Create the notifications plugin tables (raw SQL: foreign keys to core, partial indexes)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from coulisses_sdk.migrations import sql_migration

ID = "2026-11-26T09:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "notifications tables"

FORWARDS = [
    """CREATE TABLE notifications_notifications (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        title varchar(300) NOT NULL,
        body text NOT NULL DEFAULT '',
        data jsonb NOT NULL DEFAULT '{}',
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
    )""",
    """CREATE INDEX notifications_notifications_inbox
        ON notifications_notifications (org_id, account_id, id DESC)""",
    """CREATE TABLE notifications_preferences (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        account_id integer REFERENCES accounts(id) ON DELETE CASCADE,
        user_id integer REFERENCES users(id) ON DELETE CASCADE,
        locale varchar(8),
        channels jsonb NOT NULL DEFAULT '{}',
        quiet_start varchar(5),
        quiet_end varchar(5),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(account_id, user_id) = 1)
    )""",
    """CREATE UNIQUE INDEX notifications_preferences_account
        ON notifications_preferences (org_id, account_id) WHERE account_id IS NOT NULL""",
    """CREATE UNIQUE INDEX notifications_preferences_user
        ON notifications_preferences (org_id, user_id) WHERE user_id IS NOT NULL""",
    """CREATE TABLE notifications_sent_messages (
        id serial PRIMARY KEY,
        uid varchar(32) NOT NULL UNIQUE,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        channel varchar(16) NOT NULL,
        template varchar(40) NOT NULL,
        recipient varchar(255) NOT NULL,
        recipient_account_id integer,
        recipient_user_id integer,
        subject varchar(300) NOT NULL DEFAULT '',
        status varchar(16) NOT NULL DEFAULT 'queued',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        dedup_key varchar(200),
        scheduled_for timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
    )""",
    """CREATE INDEX notifications_sent_messages_org
        ON notifications_sent_messages (org_id, id DESC)""",
    """CREATE UNIQUE INDEX notifications_sent_messages_dedup
        ON notifications_sent_messages (org_id, channel, dedup_key)
        WHERE dedup_key IS NOT NULL""",
    """CREATE TABLE notifications_telegram_links (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        user_id integer REFERENCES users(id) ON DELETE CASCADE,
        account_id integer REFERENCES accounts(id) ON DELETE CASCADE,
        code_hash varchar(64) UNIQUE,
        code_expires_at timestamptz,
        chat_id bigint,
        telegram_username varchar(100),
        linked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(account_id, user_id) >= 1)
    )""",
    """CREATE INDEX notifications_telegram_links_chat
        ON notifications_telegram_links (chat_id) WHERE chat_id IS NOT NULL""",
    """CREATE TABLE notifications_mission_snapshots (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        mission_id integer NOT NULL UNIQUE REFERENCES missions(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        place varchar(200) NOT NULL DEFAULT '',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
    )""",
]

BACKWARDS = [
    "DROP TABLE notifications_mission_snapshots",
    "DROP TABLE notifications_telegram_links",
    "DROP TABLE notifications_sent_messages",
    "DROP TABLE notifications_preferences",
    "DROP TABLE notifications_notifications",
]


async def forwards() -> MigrationManager:
    return sql_migration(ID, "notifications", DESCRIPTION, FORWARDS, BACKWARDS)
