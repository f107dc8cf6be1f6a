"""Users: skills with levels, tags, and a full-text search vector kept by a trigger."""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T09:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "user skills, tags, search vector"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            """ALTER TABLE users
                ADD COLUMN skills jsonb NOT NULL DEFAULT '[]'
                    CHECK (jsonb_typeof(skills) = 'array'),
                ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
                ADD COLUMN notes text NOT NULL DEFAULT '',
                ADD COLUMN search_vector tsvector""",
            # A trigger rather than a generated column: array_to_string and the
            # jsonb aggregation are not IMMUTABLE, and rows written outside the
            # service (seed, admin) must stay searchable.
            """CREATE FUNCTION users_search_vector() RETURNS trigger
               LANGUAGE plpgsql AS $$
               BEGIN
                   NEW.search_vector :=
                       setweight(to_tsvector('simple',
                           coalesce(NEW.first_name, '') || ' ' || coalesce(NEW.last_name, '')), 'A')
                       || setweight(to_tsvector('simple', coalesce((
                           SELECT string_agg(s->>'name', ' ')
                           FROM jsonb_array_elements(NEW.skills) AS s), '')), 'B')
                       || setweight(to_tsvector('simple',
                           array_to_string(NEW.tags, ' ')), 'B')
                       || setweight(to_tsvector('simple',
                           coalesce(NEW.email, '') || ' ' || coalesce(NEW.notes, '')), 'C');
                   RETURN NEW;
               END
               $$""",
            """CREATE TRIGGER users_search_vector BEFORE INSERT OR UPDATE ON users
               FOR EACH ROW EXECUTE FUNCTION users_search_vector()""",
            "UPDATE users SET notes = notes",
            "CREATE INDEX users_search ON users USING gin (search_vector)",
            "CREATE INDEX users_skills ON users USING gin (skills jsonb_path_ops)",
            "CREATE INDEX users_tags ON users USING gin (tags)",
            """CREATE UNIQUE INDEX users_org_account ON users (org, account)
               WHERE account IS NOT NULL""",
        ],
        [
            "DROP TRIGGER users_search_vector ON users",
            "DROP FUNCTION users_search_vector()",
            "DROP INDEX users_org_account",
            """ALTER TABLE users DROP COLUMN search_vector, DROP COLUMN notes,
               DROP COLUMN tags, DROP COLUMN skills""",
        ],
    )
