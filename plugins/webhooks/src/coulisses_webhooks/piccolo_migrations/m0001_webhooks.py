"""Create the webhooks plugin tables (raw SQL: foreign keys to core, unique keys)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from coulisses_sdk.migrations import sql_migration

ID = "2026-12-01T17:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "webhooks tables"

FORWARDS = [
    """CREATE TABLE webhooks_endpoints (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        url varchar(2000) NOT NULL,
        description varchar(500) NOT NULL DEFAULT '',
        event_types jsonb NOT NULL DEFAULT '[]',
        active boolean NOT NULL DEFAULT true,
        secret varchar(100) NOT NULL,
        consecutive_failures integer NOT NULL DEFAULT 0,
        disabled_reason varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
    )""",
    "CREATE INDEX webhooks_endpoints_org ON webhooks_endpoints (org_id, id)",
    """CREATE TABLE webhooks_deliveries (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        endpoint_id integer NOT NULL REFERENCES webhooks_endpoints(id) ON DELETE CASCADE,
        event_id varchar(64) NOT NULL,
        event_type varchar(120) NOT NULL,
        body text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        failures integer NOT NULL DEFAULT 0,
        generation integer NOT NULL DEFAULT 0,
        last_http_status integer,
        last_error text,
        last_response text,
        next_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, event_id)
    )""",
    """CREATE INDEX webhooks_deliveries_log
        ON webhooks_deliveries (org_id, endpoint_id, id DESC)""",
]

BACKWARDS = [
    "DROP TABLE webhooks_deliveries",
    "DROP TABLE webhooks_endpoints",
]


async def forwards() -> MigrationManager:
    return sql_migration(ID, "webhooks", DESCRIPTION, FORWARDS, BACKWARDS)
