"""The org's legal identity, the projects' numero d'objet and the intermittents' profiles
(raw SQL: foreign key to core, checks)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from coulisses_sdk.migrations import sql_migration

ID = "2026-12-02T03:00:00:000004"
VERSION = "1.38.0"
DESCRIPTION = "payroll legal identity and intermittent profiles"

FORWARDS = [
    """CREATE TABLE payroll_org_identity (
        org_id integer PRIMARY KEY REFERENCES orgs(id) ON DELETE CASCADE,
        legal_name varchar(200) NOT NULL DEFAULT '',
        address text NOT NULL DEFAULT '',
        siret char(14) CHECK (siret ~ '^[0-9]{14}$'),
        ape varchar(6) CHECK (ape ~ '^[0-9]{2}\\.[0-9]{2}[A-Z]$'),
        idcc char(4) CHECK (idcc ~ '^[0-9]{4}$'),
        licences jsonb NOT NULL DEFAULT '[]'::jsonb,
        guso boolean NOT NULL DEFAULT false,
        updated_by integer,
        updated_at timestamptz NOT NULL DEFAULT now()
    )""",
    """CREATE TABLE payroll_project_identity (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        project_id integer NOT NULL,
        numero_objet varchar(32),
        updated_by integer,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, project_id)
    )""",
    """CREATE TABLE payroll_intermittent_profiles (
        id serial PRIMARY KEY,
        org_id integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        user_id integer NOT NULL,
        annexe smallint NOT NULL DEFAULT 8 CHECK (annexe IN (8, 10)),
        elsewhere_minutes integer NOT NULL DEFAULT 0
            CHECK (elsewhere_minutes BETWEEN 0 AND 600000),
        elsewhere_note text NOT NULL DEFAULT '',
        updated_by integer,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, user_id)
    )""",
]

BACKWARDS = [
    "DROP TABLE payroll_intermittent_profiles",
    "DROP TABLE payroll_project_identity",
    "DROP TABLE payroll_org_identity",
]


async def forwards() -> MigrationManager:
    return sql_migration(ID, "payroll", DESCRIPTION, FORWARDS, BACKWARDS)
