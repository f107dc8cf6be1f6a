"""Data versions per org: what the planning's cache and ETag are keyed by.

Every statement that writes a row the planning shows (orgs, projects, places, users,
missions, mission_roles, assignments, invitations) bumps, in its own transaction, a
version of that row's org: triggers, so that no write path can forget it (a route, a
job, piccolo-admin, psql). One row per org would make every writer of an org queue on
it (64 crew accepting at once); the version is spread over 32 shards instead, chosen by
the writing backend (one transaction at a time per backend), and a reader takes the
whole vector (``coulisses.scheduling.planning.cache``). Each bump writes a fresh value
of a sequence that no table owns (a ``TRUNCATE ... RESTART IDENTITY`` leaves it alone),
so a vector never comes back, even after the versions themselves are emptied.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-02T01:00:00:000018"
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

_BUMP = """CREATE FUNCTION bump_org_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO org_data_versions (org, shard, version)
    SELECT d.org, pg_backend_pid() % 32, nextval('org_data_version_seq')
    FROM (SELECT DISTINCT {column} AS org FROM changed) d
    ON CONFLICT (org, shard) DO UPDATE SET version = EXCLUDED.version;
    RETURN NULL;
END $$"""


def _triggers(table: str, function: str) -> list[str]:
    out = []
    for event, transition in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        out.append(
            f"""CREATE TRIGGER {table}_data_version_{event.lower()} AFTER {event} ON {table}
                REFERENCING {transition} TABLE AS changed
                FOR EACH STATEMENT EXECUTE FUNCTION {function}()"""
        )
    return out


def _drop_triggers(table: str) -> list[str]:
    return [
        f"DROP TRIGGER {table}_data_version_{event} ON {table}"
        for event in ("insert", "update", "delete")
    ]


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
        _BUMP.format(column="org"),
        _BUMP.format(column="id").replace(
            "bump_org_data_version()", "bump_org_data_version_of_org()"
        ),
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
