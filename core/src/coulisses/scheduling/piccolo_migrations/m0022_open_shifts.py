"""Open shifts: a manager publishes the open places of a mission role; crew apply.

``open_shifts`` is one publication per mission role (``mission_role`` unique): its
``policy`` (``first_come``: accepted while places remain; ``manager_picks``: the
manager accepts or rejects), an optional ``tag`` (only users carrying it may apply),
``offer_hours`` (how long a waitlisted person has to answer an offered place) and its
``status`` (OPEN; FULL, closed automatically when the quota is reached; CLOSED,
unpublished by a manager).

``open_shift_applications`` holds each application: PENDING (manager_picks, waiting
for the manager), WAITLISTED (the role was full; ``seq`` is the arrival order, drawn
from a sequence while the role row is locked), OFFERED (a place freed up: answer
before ``offer_expires_at``), then ACCEPTED (``assignment`` is the ACCEPTED
assignment), REJECTED, WITHDRAWN, DECLINED, EXPIRED or CLOSED (the publication was
withdrawn). At most one active application (PENDING, WAITLISTED, OFFERED) per
person and publication (a partial unique index).
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-05T10:00:00:000022"
VERSION = "1.38.0"
DESCRIPTION = "open shifts: publications of a role's open places, applications and waitlist"

#: The statements, in order.
FORWARDS = [
    """CREATE TABLE open_shifts (
        id serial PRIMARY KEY,
        org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        mission_role integer NOT NULL UNIQUE REFERENCES mission_roles(id) ON DELETE CASCADE,
        policy varchar(16) NOT NULL CHECK (policy IN ('first_come', 'manager_picks')),
        tag varchar(100) CHECK (tag IS NULL OR btrim(tag) <> ''),
        offer_hours integer NOT NULL DEFAULT 24 CHECK (offer_hours BETWEEN 1 AND 336),
        status varchar(8) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FULL', 'CLOSED')),
        created_by integer REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org, id)
    )""",
    "CREATE INDEX open_shifts_org_status ON open_shifts (org, status)",
    "CREATE SEQUENCE open_shift_applications_seq",
    """CREATE TABLE open_shift_applications (
        id serial PRIMARY KEY,
        org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        open_shift integer NOT NULL,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status varchar(12) NOT NULL CHECK (status IN ('PENDING', 'WAITLISTED', 'OFFERED',
            'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'DECLINED', 'EXPIRED', 'CLOSED')),
        seq bigint NOT NULL DEFAULT nextval('open_shift_applications_seq'),
        offer_expires_at timestamptz,
        assignment integer REFERENCES assignments(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (org, open_shift) REFERENCES open_shifts (org, id) ON DELETE CASCADE,
        CHECK ((status = 'OFFERED') = (offer_expires_at IS NOT NULL))
    )""",
    """CREATE UNIQUE INDEX open_shift_applications_active ON open_shift_applications
       (open_shift, user_id) WHERE status IN ('PENDING', 'WAITLISTED', 'OFFERED')""",
    """CREATE INDEX open_shift_applications_queue ON open_shift_applications (open_shift, seq)
       WHERE status IN ('WAITLISTED', 'OFFERED')""",
    """CREATE INDEX open_shift_applications_offers ON open_shift_applications (offer_expires_at)
       WHERE status = 'OFFERED'""",
    "CREATE INDEX open_shift_applications_user ON open_shift_applications (org, user_id)",
]
BACKWARDS = [
    "DROP TABLE open_shift_applications",
    "DROP SEQUENCE open_shift_applications_seq",
    "DROP TABLE open_shifts",
]


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(ID, "scheduling", DESCRIPTION, FORWARDS, BACKWARDS)
