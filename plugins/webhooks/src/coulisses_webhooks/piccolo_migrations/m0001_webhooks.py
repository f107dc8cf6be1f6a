"""Create the webhooks plugin tables (raw SQL: foreign keys to core, unique keys)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

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


async def _run(statements: list[str]) -> None:
    engine = engine_finder()
    assert engine is not None
    for statement in statements:
        await engine.run_ddl(statement)


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="webhooks", description=DESCRIPTION)

    async def run() -> None:
        await _run(FORWARDS)

    async def run_backwards() -> None:
        await _run(BACKWARDS)

    manager.add_raw(run)
    manager.add_raw_backwards(run_backwards)
    return manager
