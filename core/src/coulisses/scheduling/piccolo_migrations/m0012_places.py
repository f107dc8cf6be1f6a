"""Places (name, address, IANA timezone, optional coordinates, notes) referenced by missions.

The free-text ``missions.place`` becomes a reference: each org's distinct texts
(trimmed, compared without case) become places of that org, in the org's
timezone (the one their times were read in until now), named after the most
used spelling; every mission points at its place and the text column goes. A
place's name is unique in its org (without case), which keeps that mapping and
the lookup by name of ``place`` in mission bodies unambiguous.

``missions (org, place_id) -> places (org, id)``: a mission can only reference a
place of its own org, whatever the code does.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-01T10:00:00:000012"
VERSION = "1.38.0"
DESCRIPTION = "places with timezones, referenced by missions"

#: The statements, in order (the migration test replays them in a rolled-back transaction).
FORWARDS = [
    """CREATE TABLE places (
        id serial PRIMARY KEY,
        org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL CHECK (btrim(name) <> ''),
        address text NOT NULL DEFAULT '',
        timezone varchar(64) NOT NULL,
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((latitude IS NULL) = (longitude IS NULL)),
        UNIQUE (org, id)
    )""",
    "CREATE UNIQUE INDEX places_org_name ON places (org, lower(name))",
    "ALTER TABLE missions ADD COLUMN place_id integer",
    """ALTER TABLE missions ADD CONSTRAINT missions_place_fk
       FOREIGN KEY (org, place_id) REFERENCES places (org, id)""",
    "CREATE INDEX missions_org_place ON missions (org, place_id) WHERE place_id IS NOT NULL",
    # One place per org and distinct text; its name is the most used spelling.
    """INSERT INTO places (org, name, timezone)
       SELECT DISTINCT ON (s.org, s.key) s.org, s.name, o.timezone
       FROM (SELECT org, lower(btrim(place)) AS key, btrim(place) AS name,
                    count(*) AS uses
             FROM missions WHERE btrim(place) <> ''
             GROUP BY org, lower(btrim(place)), btrim(place)) s
       JOIN orgs o ON o.id = s.org
       ORDER BY s.org, s.key, s.uses DESC, s.name""",
    """UPDATE missions m SET place_id = p.id FROM places p
       WHERE p.org = m.org AND lower(p.name) = lower(btrim(m.place))
         AND btrim(m.place) <> ''""",
    "ALTER TABLE missions DROP COLUMN place",
]
BACKWARDS = [
    "ALTER TABLE missions ADD COLUMN place varchar(200) NOT NULL DEFAULT ''",
    """UPDATE missions m SET place = p.name FROM places p
       WHERE p.org = m.org AND p.id = m.place_id""",
    "ALTER TABLE missions DROP COLUMN place_id",
    "DROP TABLE places",
]


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(ID, "scheduling", DESCRIPTION, FORWARDS, BACKWARDS)
