"""Org-leading indexes for the planning's id lists: roles and assignments of a set of missions.

The planning reads the roles and the assignments of the missions of its window
by ``org = $1 AND mission = ANY($2)``. Without an index led by the org, the
custom plan of a month (800 mission ids against every org's rows) scanned the
whole of ``mission_roles`` and ``assignments``, so one org paid for the rows of
all the others. With ``(org, mission)`` both custom and generic plans are index
scans bounded by the org (see tests/integration/scheduling/perf/).
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-01T10:00:00:000015"
VERSION = "1.38.0"
DESCRIPTION = "org-leading indexes for the planning"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        [
            "CREATE INDEX mission_roles_org_mission ON mission_roles (org, mission)",
            "CREATE INDEX assignments_org_mission ON assignments (org, mission)",
        ],
        ["DROP INDEX assignments_org_mission", "DROP INDEX mission_roles_org_mission"],
    )
