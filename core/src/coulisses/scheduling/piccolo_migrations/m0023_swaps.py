"""Swaps and handovers between crew (docs/scheduling.md, "Echanges et cessions").

A ``swaps`` row is one proposal and its whole history: who proposed which ACCEPTED
assignment, to whom (a named colleague, or NULL: anyone eligible), who accepted it,
who approved or rejected it, and the assignments the application created. Statuses:
proposed -> accepted_by_colleague -> approved -> applied, or declined, rejected,
cancelled, expired. At most one open proposal per assignment (a partial unique index).
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-05T10:00:00:000023"
VERSION = "1.38.0"
DESCRIPTION = "swaps: handovers and swaps of accepted assignments between crew"

#: The statuses of a proposal still waiting for someone.
OPEN = "('proposed', 'accepted_by_colleague')"

FORWARDS = [
    """CREATE TABLE swaps (
        id serial PRIMARY KEY,
        org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('handover', 'swap')),
        status varchar(24) NOT NULL DEFAULT 'proposed' CHECK (status IN (
            'proposed', 'accepted_by_colleague', 'approved', 'applied',
            'declined', 'rejected', 'cancelled', 'expired')),
        assignment_id integer NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
        proposer_user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        target_user_id integer REFERENCES users(id) ON DELETE CASCADE,
        target_assignment_id integer REFERENCES assignments(id) ON DELETE CASCADE,
        colleague_user_id integer REFERENCES users(id) ON DELETE CASCADE,
        message text CHECK (message IS NULL OR length(message) <= 500),
        requires_approval boolean NOT NULL,
        starts_at timestamptz NOT NULL,
        proposed_by integer REFERENCES accounts(id) ON DELETE SET NULL,
        accepted_by integer REFERENCES accounts(id) ON DELETE SET NULL,
        accepted_at timestamptz,
        decided_by integer REFERENCES accounts(id) ON DELETE SET NULL,
        decided_at timestamptz,
        decision_reason text CHECK (decision_reason IS NULL OR length(decision_reason) <= 500),
        applied_at timestamptz,
        closed_at timestamptz,
        new_assignment_id integer REFERENCES assignments(id) ON DELETE SET NULL,
        new_target_assignment_id integer REFERENCES assignments(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind = 'handover' OR (target_user_id IS NOT NULL
                                     AND target_assignment_id IS NOT NULL)),
        CHECK (target_user_id IS NULL OR target_user_id <> proposer_user_id)
    )""",
    f"""CREATE UNIQUE INDEX swaps_one_open_per_assignment ON swaps (assignment_id)
       WHERE status IN {OPEN}""",
    "CREATE INDEX swaps_org_status ON swaps (org, status, starts_at)",
    "CREATE INDEX swaps_org_target ON swaps (org, target_user_id) WHERE target_user_id IS NOT NULL",
]
BACKWARDS = ["DROP TABLE swaps"]


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(ID, "scheduling", DESCRIPTION, FORWARDS, BACKWARDS)
