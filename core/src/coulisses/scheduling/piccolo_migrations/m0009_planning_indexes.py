"""Index for the planning window: missions of an org overlapping [from, to).

A btree on (org, starts_at) bounds a window from one side only (``ends_at > from``
is a filter), so a month in the middle of a long history reads every earlier
mission. A GiST index on the org (as a one-value int4range, since btree_gist is
not in core PostgreSQL) and the mission's time range answers ``&&`` from both
sides, whatever the length of the missions (``allow_long`` ones included).
"""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T09:00:00:000009"
VERSION = "1.38.0"
DESCRIPTION = "planning window index on missions"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            """CREATE INDEX missions_org_window ON missions USING gist (
                int4range(org, org, '[]'), tstzrange(starts_at, ends_at)
            )""",
        ],
        ["DROP INDEX missions_org_window"],
    )
