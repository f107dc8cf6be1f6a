"""Availability requests ("Doodle for shifts"): a manager asks people for their availability
over a period, each answers per day (and slot) through a signed link.

``availability_requests`` holds the question (period, optional named slots, deadline, the
reminder delay). ``availability_request_recipients`` holds one row per person asked, with
the SHA-256 of their link's token (what a link is checked against) and the token sealed
under the app's secret keys (so a reminder sends the same link again; a database leak alone
opens neither), when they answered and when they were reminded. ``availability_request_answers`` holds one row per (recipient, day, slot): ``slot``
is ``''`` for a whole-day request.

The answers also fill ``availability_windows``: each window produced by a request carries
``availability_request_id``, so answering again replaces that request's windows of that
person and deleting the request deletes them (ON DELETE CASCADE).
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-05T10:00:00:000024"
VERSION = "1.38.0"
DESCRIPTION = "availability requests, their recipients and answers; windows know their request"

#: The statements, in order.
FORWARDS = [
    """CREATE TABLE availability_requests (
        id serial PRIMARY KEY,
        org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL CHECK (btrim(title) <> ''),
        message text NOT NULL DEFAULT '',
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        slots jsonb NOT NULL DEFAULT '[]'::jsonb,
        place_id integer,
        timezone varchar(64) NOT NULL,
        deadline timestamptz NOT NULL,
        remind_hours_before integer CHECK (remind_hours_before BETWEEN 1 AND 720),
        closed_at timestamptz,
        created_by integer REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on AND ends_on - starts_on < 93),
        UNIQUE (org, id),
        FOREIGN KEY (org, place_id) REFERENCES places (org, id) ON DELETE SET NULL (place_id)
    )""",
    """CREATE INDEX availability_requests_org ON availability_requests (org, created_at)""",
    """CREATE TABLE availability_request_recipients (
        id serial PRIMARY KEY,
        org integer NOT NULL,
        request_id integer NOT NULL,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash varchar(64) NOT NULL,
        token_sealed text NOT NULL,
        answered_at timestamptz,
        auto_reminded_at timestamptz,
        last_reminded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (request_id, user_id),
        FOREIGN KEY (org, request_id) REFERENCES availability_requests (org, id)
            ON DELETE CASCADE
    )""",
    """CREATE INDEX availability_request_recipients_pending
       ON availability_request_recipients (request_id) WHERE answered_at IS NULL""",
    """CREATE TABLE availability_request_answers (
        recipient_id integer NOT NULL
            REFERENCES availability_request_recipients(id) ON DELETE CASCADE,
        day date NOT NULL,
        slot varchar(40) NOT NULL DEFAULT '',
        answer varchar(16) NOT NULL CHECK (answer IN ('yes', 'no', 'if_needed')),
        PRIMARY KEY (recipient_id, day, slot)
    )""",
    "ALTER TABLE availability_windows ADD COLUMN availability_request_id integer",
    """ALTER TABLE availability_windows ADD CONSTRAINT availability_windows_request_fk
       FOREIGN KEY (org, availability_request_id) REFERENCES availability_requests (org, id)
       ON DELETE CASCADE""",
    """CREATE INDEX availability_windows_request ON availability_windows
       (availability_request_id, user_id) WHERE availability_request_id IS NOT NULL""",
]
BACKWARDS = [
    "ALTER TABLE availability_windows DROP COLUMN availability_request_id",
    "DROP TABLE availability_request_answers",
    "DROP TABLE availability_request_recipients",
    "DROP TABLE availability_requests",
]


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(ID, "scheduling", DESCRIPTION, FORWARDS, BACKWARDS)
