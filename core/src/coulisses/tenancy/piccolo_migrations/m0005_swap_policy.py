"""The org's swap policy: whether a swap or handover between crew needs a manager's
approval before it is applied (docs/scheduling.md, "Echanges et cessions")."""

from coulisses.db.sql import sql_migration

ID = "2026-12-05T10:00:00:000005"
VERSION = "1.38.0"
DESCRIPTION = "orgs.swaps_require_approval"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "tenancy",
        DESCRIPTION,
        [
            """ALTER TABLE orgs
               ADD COLUMN swaps_require_approval boolean NOT NULL DEFAULT true""",
        ],
        ["ALTER TABLE orgs DROP COLUMN swaps_require_approval"],
    )
