"""Indexes for reading the audit log (GET /api/v1/audit).

The listing walks an org's entries newest first by (at, id) and resumes after a cursor
with ``(at, id) < (...)``: an index on (org, at DESC, id DESC) answers it from the
index alone, where (org, at DESC) made entries sharing one timestamp (one transaction)
a sort step. The actor and target filters get their own org-leading indexes, so a
filter on a rare actor or target does not walk the whole history of the org.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-01T10:00:00:000016"
VERSION = "1.38.0"
DESCRIPTION = "audit_log indexes for reading"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "tenancy",
        DESCRIPTION,
        [
            "CREATE INDEX audit_log_org_at_id ON audit_log (org, at DESC, id DESC)",
            "DROP INDEX audit_log_org_at",
            """CREATE INDEX audit_log_org_actor ON audit_log (org, actor, at DESC, id DESC)
               WHERE actor IS NOT NULL""",
            """CREATE INDEX audit_log_org_target ON audit_log (org, target, at DESC, id DESC)
               WHERE target IS NOT NULL""",
        ],
        [
            "DROP INDEX audit_log_org_target",
            "DROP INDEX audit_log_org_actor",
            "CREATE INDEX audit_log_org_at ON audit_log (org, at DESC)",
            "DROP INDEX audit_log_org_at_id",
        ],
    )
