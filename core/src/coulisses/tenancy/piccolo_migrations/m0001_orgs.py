"""Orgs, memberships and the audit log."""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T08:00:00:000002"
VERSION = "1.38.0"
DESCRIPTION = "orgs, org_memberships, audit_log"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "tenancy",
        DESCRIPTION,
        [
            """CREATE TABLE orgs (
                id serial PRIMARY KEY,
                name varchar(200) NOT NULL,
                slug varchar(80) NOT NULL UNIQUE,
                timezone varchar(64) NOT NULL DEFAULT 'Europe/Paris',
                locale varchar(8) NOT NULL DEFAULT 'fr',
                created_at timestamptz NOT NULL DEFAULT now()
            )""",
            """CREATE TABLE org_memberships (
                id serial PRIMARY KEY,
                account integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                role varchar(16) NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'tech')),
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (account, org)
            )""",
            "CREATE INDEX org_memberships_org ON org_memberships (org)",
            """CREATE TABLE audit_log (
                id bigserial PRIMARY KEY,
                org integer REFERENCES orgs(id) ON DELETE CASCADE,
                actor integer REFERENCES accounts(id) ON DELETE SET NULL,
                action varchar(100) NOT NULL,
                target varchar(200),
                payload jsonb NOT NULL DEFAULT '{}',
                at timestamptz NOT NULL DEFAULT now()
            )""",
            "CREATE INDEX audit_log_org_at ON audit_log (org, at DESC)",
        ],
        ["DROP TABLE audit_log", "DROP TABLE org_memberships", "DROP TABLE orgs"],
    )
