"""Reserves: invitees beyond a role's quota, promoted in the order they accepted.

``reserve`` marks an assignment that holds no place of its role. A reserve who
accepts gets ``reserve_rank`` from a sequence, drawn while the role row is
locked, so the ranks follow the order in which the accepts committed; the first
rank is promoted (``reserve`` false, ``promoted_at`` set) when a place frees up.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-01T10:00:00:000014"
VERSION = "1.38.0"
DESCRIPTION = "reserves on assignments"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            "CREATE SEQUENCE assignments_reserve_rank_seq AS bigint",
            """ALTER TABLE assignments
               ADD COLUMN reserve boolean NOT NULL DEFAULT false,
               ADD COLUMN reserve_rank bigint,
               ADD COLUMN promoted_at timestamptz,
               ADD CONSTRAINT assignments_reserve_rank CHECK (
                   NOT reserve OR status <> 'ACCEPTED' OR reserve_rank IS NOT NULL)""",
            # The queue of a role: its accepted reserves, first rank first.
            """CREATE INDEX assignments_reserve_queue ON assignments (mission_role, reserve_rank)
               WHERE reserve AND status = 'ACCEPTED'""",
        ],
        [
            "DROP INDEX assignments_reserve_queue",
            """ALTER TABLE assignments DROP CONSTRAINT assignments_reserve_rank,
               DROP COLUMN reserve, DROP COLUMN reserve_rank, DROP COLUMN promoted_at""",
            "DROP SEQUENCE assignments_reserve_rank_seq",
        ],
    )
