"""Data versions per org: what the planning's cache and ETag are keyed by.

Every transaction that writes a row the planning shows (orgs, projects, places, users,
missions, mission_roles, assignments, invitations) bumps a version of that row's org:
triggers, so that no write path can forget it (a route, a job, piccolo-admin, psql).

- The triggers are deferred to the commit: the version's row is locked last, when the
  transaction holds every other lock it will take, so it can never be part of a
  deadlock with the domain's own locks. They fire per row, and only the first row of
  an org in a transaction writes (a transaction-local flag): a bulk creation of 1,000
  missions bumps once.
- One row per org would make every writer of an org queue on it (64 crew accepting at
  once); the version is spread over 32 shards instead, chosen by the writing backend
  (one transaction at a time per backend), and a reader takes the whole vector
  (``coulisses.scheduling.planning.cache``).
- Each bump writes a fresh value of a sequence that no table owns (a
  ``TRUNCATE ... RESTART IDENTITY`` leaves it alone), so a vector never comes back, even
  after the versions themselves are emptied.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-02T11:00:00:000018"
VERSION = "1.38.0"
DESCRIPTION = "org data versions bumped by triggers (planning cache and ETag)"

_TABLES = (
    "projects",
    "places",
    "users",
    "missions",
    "mission_roles",
    "assignments",
    "invitations",
)

_BUMP = """CREATE FUNCTION {name}() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed_org integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.{column} ELSE NEW.{column} END;
    flag text := 'coulisses.data_version_' || changed_org;
BEGIN
    IF current_setting(flag, true) IS DISTINCT FROM 'bumped' THEN
        INSERT INTO org_data_versions (org, shard, version)
        VALUES (changed_org, pg_backend_pid() % 32, nextval('org_data_version_seq'))
        ON CONFLICT (org, shard) DO UPDATE SET version = EXCLUDED.version;
        PERFORM set_config(flag, 'bumped', true);
    END IF;
    RETURN NULL;
END $$"""


def _triggers(table: str, function: str) -> list[str]:
    return [
        f"""CREATE CONSTRAINT TRIGGER {table}_data_version AFTER INSERT OR UPDATE OR DELETE
            ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {function}()"""
    ]


def _drop_triggers(table: str) -> list[str]:
    return [f"DROP TRIGGER {table}_data_version ON {table}"]


async def forwards():  # type: ignore[no-untyped-def]
    statements = [
        "CREATE SEQUENCE org_data_version_seq",
        # No foreign key: a deleted org's rows are a few bytes, and its cascades must
        # not fail on them.
        """CREATE TABLE org_data_versions (
               org integer NOT NULL,
               shard smallint NOT NULL,
               version bigint NOT NULL,
               PRIMARY KEY (org, shard))""",
        _BUMP.format(name="bump_org_data_version", column="org"),
        _BUMP.format(name="bump_org_data_version_of_org", column="id"),
    ]
    for table in _TABLES:
        statements += _triggers(table, "bump_org_data_version")
    statements += _triggers("orgs", "bump_org_data_version_of_org")
    backwards = [s for table in (*_TABLES, "orgs") for s in _drop_triggers(table)]
    backwards += [
        "DROP FUNCTION bump_org_data_version_of_org()",
        "DROP FUNCTION bump_org_data_version()",
        "DROP TABLE org_data_versions",
        "DROP SEQUENCE org_data_version_seq",
    ]
    return sql_migration(ID, "scheduling", DESCRIPTION, statements, backwards)
