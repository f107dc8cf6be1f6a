"""Projects, missions and mission roles."""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T09:00:00:000002"
VERSION = "1.38.0"
DESCRIPTION = "projects, missions, mission_roles"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            """CREATE TABLE projects (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                name varchar(200) NOT NULL,
                description text NOT NULL DEFAULT '',
                status varchar(16) NOT NULL DEFAULT 'DRAFT'
                    CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')),
                starts_on date,
                ends_on date,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
            )""",
            "CREATE INDEX projects_org ON projects (org, status)",
            """CREATE TABLE missions (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                project integer NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
                title varchar(200) NOT NULL,
                place varchar(200) NOT NULL DEFAULT '',
                notes text NOT NULL DEFAULT '',
                starts_at timestamptz NOT NULL,
                ends_at timestamptz NOT NULL,
                allow_long boolean NOT NULL DEFAULT false,
                status varchar(16) NOT NULL DEFAULT 'DRAFT'
                    CHECK (status IN ('DRAFT', 'PUBLISHED')),
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                CHECK (ends_at > starts_at),
                CHECK (allow_long OR ends_at - starts_at <= interval '24 hours')
            )""",
            "CREATE INDEX missions_org_starts ON missions (org, starts_at)",
            "CREATE INDEX missions_project ON missions (project, starts_at)",
            """CREATE TABLE mission_roles (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                mission integer NOT NULL REFERENCES missions(id) ON DELETE CASCADE,
                name varchar(100) NOT NULL,
                quota integer NOT NULL CHECK (quota >= 0),
                required_skills text[] NOT NULL DEFAULT '{}',
                UNIQUE (mission, name)
            )""",
            "CREATE INDEX mission_roles_org_name ON mission_roles (org, name)",
        ],
        ["DROP TABLE mission_roles", "DROP TABLE missions", "DROP TABLE projects"],
    )
