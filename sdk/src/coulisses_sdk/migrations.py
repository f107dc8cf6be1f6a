"""Migrations written in SQL, for what Piccolo's operations cannot say.

A plugin's table usually references core's ``orgs`` with ``ON DELETE CASCADE`` (an org's
rows leave with it), or needs a partial index, an exclusion constraint, a trigger:
Piccolo's auto-migrations cannot express them. A migration module then returns
:func:`sql_migration` from its ``forwards()``::

    ID = "2026-12-02T09:00:00:000001"
    VERSION = "1.38.0"
    DESCRIPTION = "meal notes"


    async def forwards():
        return sql_migration(
            ID,
            "catering",
            DESCRIPTION,
            ["ALTER TABLE catering_meals ADD COLUMN note text"],
            ["ALTER TABLE catering_meals DROP COLUMN note"],
        )

Such a migration is invisible to ``coulisses plugin makemigrations`` (it compares
Piccolo operations): do not mix the two on one table.
"""

from __future__ import annotations

from collections.abc import Sequence

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

__all__ = ["sql_migration"]


def sql_migration(
    migration_id: str,
    app_name: str,
    description: str,
    forwards: Sequence[str],
    backwards: Sequence[str] = (),
) -> MigrationManager:
    """A migration that runs ``forwards`` (``backwards`` to undo it), one statement at a
    time, inside the transaction Piccolo opens for the migration: all or nothing. Deferred
    constraints and triggers are checked at each statement (``SET CONSTRAINTS ALL
    IMMEDIATE``), so that an UPDATE and an ALTER of one table can follow each other."""
    manager = MigrationManager(
        migration_id=migration_id, app_name=app_name, description=description
    )

    async def run(statements: Sequence[str]) -> None:
        engine = engine_finder()
        if engine is None:
            raise RuntimeError("no Piccolo engine configured (PICCOLO_CONF)")
        # Deferred triggers (core's data versions) would otherwise leave events pending
        # after an UPDATE, and PostgreSQL refuses to ALTER a table that has some: a data
        # migration followed by a schema change in the same transaction.
        await engine.run_ddl("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in statements:
            await engine.run_ddl(statement)

    async def run_forwards() -> None:
        await run(forwards)

    async def run_backwards() -> None:
        await run(backwards)

    manager.add_raw(run_forwards)
    manager.add_raw_backwards(run_backwards)
    return manager
