"""Mission templates: an org's saved patterns of missions (slots in local wall-clock time,
day offsets, next-day ends, roles and quotas, required skills), versioned.

``mission_templates`` holds what identifies a template (its org, its current name and
version, whether it is archived); ``mission_template_versions`` keeps every version's
whole content, never changed once written, so that an edit never rewrites what missions
were created from. A name is unique in its org (without case) among the templates not
archived: an archived template frees its name and keeps its versions.

``missions (template_id, template_version)`` record which version a mission was created
from (null for the others); ``(org, template_id)`` references ``mission_templates (org, id)``,
so a mission can only point at a template of its own org.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-03T10:00:00:000019"
VERSION = "1.38.0"
DESCRIPTION = "mission templates and their versions; missions record their template"

#: The statements, in order.
FORWARDS = [
    """CREATE TABLE mission_templates (
        id serial PRIMARY KEY,
        org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL CHECK (btrim(name) <> ''),
        description text NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org, id)
    )""",
    """CREATE UNIQUE INDEX mission_templates_org_name ON mission_templates (org, lower(name))
       WHERE archived_at IS NULL""",
    """CREATE TABLE mission_template_versions (
        id serial PRIMARY KEY,
        org integer NOT NULL,
        template integer NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        name varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        title varchar(200) NOT NULL,
        slots jsonb NOT NULL,
        roles jsonb NOT NULL DEFAULT '[]',
        created_by integer REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (org, template) REFERENCES mission_templates (org, id) ON DELETE CASCADE,
        UNIQUE (org, template, version)
    )""",
    "ALTER TABLE missions ADD COLUMN template_id integer, ADD COLUMN template_version integer",
    """ALTER TABLE missions ADD CONSTRAINT missions_template_fk
       FOREIGN KEY (org, template_id) REFERENCES mission_templates (org, id)""",
    """CREATE INDEX missions_org_template ON missions (org, template_id)
       WHERE template_id IS NOT NULL""",
]
BACKWARDS = [
    "ALTER TABLE missions DROP COLUMN template_version, DROP COLUMN template_id",
    "DROP TABLE mission_template_versions",
    "DROP TABLE mission_templates",
]


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(ID, "scheduling", DESCRIPTION, FORWARDS, BACKWARDS)
