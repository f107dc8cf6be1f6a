"""Erasure of a person (docs/rgpd.md): ``users.erased_at`` says when the person was
pseudonymised. The row stays (assignments and audit entries keep pointing at it); an
erased person cannot be erased twice (409 ``user.already_erased``).
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-04T10:00:00:000021"
VERSION = "1.38.0"
DESCRIPTION = "users.erased_at (GDPR erasure)"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "scheduling",
        DESCRIPTION,
        ["ALTER TABLE users ADD COLUMN erased_at timestamptz"],
        ["ALTER TABLE users DROP COLUMN erased_at"],
    )
