"""User profile extras (rate profile label, legal ids, document metadata), project managers,
and pg_trgm for fuzzy name search where the server ships it.

The project managers table lives here too: one migration number was reserved
for this slice, and both changes come with it.
"""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T09:00:00:000008"
VERSION = "1.38.0"
DESCRIPTION = "user profile extras, project managers, optional pg_trgm"

# The embedded PostgreSQL has no contrib extensions, and a managed server may
# refuse CREATE EXTENSION: the failure is swallowed (the DO block's handler
# rolls back only its own subtransaction) and search falls back to full text.
_TRY_TRGM = """DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm unavailable (%): user search uses full text only', SQLERRM;
    END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX IF NOT EXISTS users_name_trgm ON users USING gin '
                '((first_name || '' '' || last_name) gin_trgm_ops)';
    END IF;
END
$$"""


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            """ALTER TABLE users
                ADD COLUMN rate_profile varchar(100),
                ADD COLUMN legal_ids jsonb NOT NULL DEFAULT '{}'
                    CHECK (jsonb_typeof(legal_ids) = 'object'),
                ADD COLUMN documents jsonb NOT NULL DEFAULT '[]'
                    CHECK (jsonb_typeof(documents) = 'array')""",
            # A serial id (not a composite key) so Piccolo and piccolo-admin can address rows.
            """CREATE TABLE project_managers (
                id serial PRIMARY KEY,
                org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                project integer NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
                account integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                UNIQUE (project, account)
            )""",
            "CREATE INDEX project_managers_account ON project_managers (org, account)",
            _TRY_TRGM,
        ],
        [
            "DROP INDEX IF EXISTS users_name_trgm",
            "DROP TABLE project_managers",
            """ALTER TABLE users DROP COLUMN documents, DROP COLUMN legal_ids,
               DROP COLUMN rate_profile""",
        ],
    )
