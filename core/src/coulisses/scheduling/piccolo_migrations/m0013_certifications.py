"""Certifications: the daily digest of expiring skills, one row per org and local day.

The skills themselves stay in ``users.skills`` (jsonb): a skill with a ``valid_until``
is a certification, which needs no column of its own.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-01T10:00:00:000013"
VERSION = "1.38.0"
DESCRIPTION = "certification digests"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            """CREATE TABLE certification_digests (
                   id serial PRIMARY KEY,
                   org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
                   day date NOT NULL,
                   within_days integer NOT NULL CHECK (within_days BETWEEN 0 AND 365),
                   expiring integer NOT NULL DEFAULT 0 CHECK (expiring >= 0),
                   expired_assigned integer NOT NULL DEFAULT 0 CHECK (expired_assigned >= 0),
                   created_at timestamptz NOT NULL DEFAULT now(),
                   notified_at timestamptz,
                   UNIQUE (org, day)
               )""",
        ],
        ["DROP TABLE certification_digests"],
    )
