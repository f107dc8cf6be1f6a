"""Imports of people and missions from CSV/XLSX (docs/import.md).

``users.external_id`` and ``missions.external_id``: the id a row carries in the org's own
files (payroll software, spreadsheet), unique per org when given, so that importing the same
file again updates the rows instead of duplicating them.

``import_uploads``: an uploaded file, parsed (headers and cells as text), kept server-side
for one hour between the upload, the validation and the commit; the client only holds its
id. Nothing else reads it; expired rows are deleted by the next upload of any org.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-05T10:00:00:000025"
VERSION = "1.38.0"
DESCRIPTION = "external ids on users and missions; import uploads"

#: The statements, in order.
FORWARDS = [
    "ALTER TABLE users ADD COLUMN external_id varchar(100)",
    """ALTER TABLE users ADD CONSTRAINT users_org_external_id UNIQUE (org, external_id)""",
    "ALTER TABLE missions ADD COLUMN external_id varchar(100)",
    """ALTER TABLE missions ADD CONSTRAINT missions_org_external_id UNIQUE (org, external_id)""",
    """CREATE TABLE import_uploads (
        id serial PRIMARY KEY,
        org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        kind varchar(20) NOT NULL CHECK (kind IN ('people', 'missions')),
        file_name varchar(255) NOT NULL,
        headers jsonb NOT NULL,
        rows jsonb NOT NULL,
        created_by integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        mapping jsonb,
        expires_at timestamptz NOT NULL,
        imported_at timestamptz
    )""",
    "CREATE INDEX import_uploads_org ON import_uploads (org, id)",
    "CREATE INDEX import_uploads_expires ON import_uploads (expires_at)",
]
BACKWARDS = [
    "DROP TABLE import_uploads",
    "ALTER TABLE missions DROP COLUMN external_id",
    "ALTER TABLE users DROP COLUMN external_id",
]


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(ID, "scheduling", DESCRIPTION, FORWARDS, BACKWARDS)
