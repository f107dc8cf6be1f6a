"""Calendar feeds (ICS subscriptions) and the SEQUENCE of missions.

``calendar_feeds``: one row per feed, of a user (their missions), a project or a
place, reached by an opaque token stored hashed (like invitation tokens); the
subject is a real foreign key, so deleting the user, project or place deletes its
feed. One feed per subject (partial unique indexes).

``missions.sequence`` is the iCalendar SEQUENCE of a mission: a trigger adds one
whenever its times, title, place or status change, whatever code path writes the
row (mission service, batch actions, plugins), so calendar apps replace their copy.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-02T10:00:00:000017"
VERSION = "1.38.0"
DESCRIPTION = "calendar feeds and mission sequence"

#: The statements, in order.
FORWARDS = [
    "ALTER TABLE missions ADD COLUMN sequence integer NOT NULL DEFAULT 0",
    """CREATE FUNCTION missions_bump_sequence() RETURNS trigger
       LANGUAGE plpgsql AS $$
       BEGIN
           IF (NEW.starts_at, NEW.ends_at, NEW.title, NEW.place_id, NEW.status)
              IS DISTINCT FROM
              (OLD.starts_at, OLD.ends_at, OLD.title, OLD.place_id, OLD.status) THEN
               NEW.sequence := OLD.sequence + 1;
           END IF;
           RETURN NEW;
       END
       $$""",
    """CREATE TRIGGER missions_sequence BEFORE UPDATE ON missions
       FOR EACH ROW EXECUTE FUNCTION missions_bump_sequence()""",
    """CREATE TABLE calendar_feeds (
        id serial PRIMARY KEY,
        org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('user', 'project', 'place')),
        user_id integer REFERENCES users(id) ON DELETE CASCADE,
        project integer REFERENCES projects(id) ON DELETE CASCADE,
        place_id integer REFERENCES places(id) ON DELETE CASCADE,
        options jsonb NOT NULL DEFAULT '{}',
        token_hash varchar(64) NOT NULL UNIQUE,
        created_by integer REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_polled_at timestamptz,
        CHECK ((kind = 'user') = (user_id IS NOT NULL)),
        CHECK ((kind = 'project') = (project IS NOT NULL)),
        CHECK ((kind = 'place') = (place_id IS NOT NULL))
    )""",
    "CREATE UNIQUE INDEX calendar_feeds_user ON calendar_feeds (user_id) WHERE user_id IS NOT NULL",
    """CREATE UNIQUE INDEX calendar_feeds_project ON calendar_feeds (project)
       WHERE project IS NOT NULL""",
    """CREATE UNIQUE INDEX calendar_feeds_place ON calendar_feeds (place_id)
       WHERE place_id IS NOT NULL""",
    "CREATE INDEX calendar_feeds_org ON calendar_feeds (org)",
]
BACKWARDS = [
    "DROP TABLE calendar_feeds",
    "DROP TRIGGER missions_sequence ON missions",
    "DROP FUNCTION missions_bump_sequence()",
    "ALTER TABLE missions DROP COLUMN sequence",
]


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(ID, "scheduling", DESCRIPTION, FORWARDS, BACKWARDS)
