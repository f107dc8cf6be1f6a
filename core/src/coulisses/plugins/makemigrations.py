"""``coulisses plugin makemigrations``: Piccolo's auto-migrations for one plugin's apps.

Piccolo compares the plugin's tables (``tables.py``) with the schema its migrations
build (each migration's ``MigrationManager`` operations) and writes a new migration
file with the difference, in the app's ``piccolo_migrations`` folder. Migrations
written by hand with raw SQL (``add_raw``) are invisible to that comparison: keep
the tables Piccolo can describe in Piccolo operations (as ``coulisses plugin new``
does), and raw SQL for what Piccolo cannot express.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from piccolo.apps.migrations.commands.new import (
    NoChanges,
    _create_migrations_folder,
    _create_new_migration,
)
from piccolo.conf.apps import AppConfig

from coulisses.plugins.loader import get_registry


class MakeMigrationsError(ValueError):
    """The plugin is not installed, or has no Piccolo app."""


@dataclass(frozen=True)
class AppMigration:
    app_name: str
    #: The file written, or None when the tables match the migrations already.
    path: Path | None


async def make_migrations(plugin: str, *, description: str = "") -> list[AppMigration]:
    """Write a migration for each Piccolo app of ``plugin`` whose tables changed."""
    registry = get_registry()
    if plugin not in registry.plugins:
        known = ", ".join(sorted(registry.plugins)) or "aucun"
        reason = registry.rejected.get(plugin)
        raise MakeMigrationsError(
            f"Plugin {plugin} ecarte : {reason}"
            if reason
            else f"Plugin {plugin} non installe (installes : {known})"
        )
    modules = registry.apps.get(plugin) or []
    if not modules:
        raise MakeMigrationsError(f"Le plugin {plugin} n'enregistre aucune app Piccolo")
    out: list[AppMigration] = []
    for module in modules:
        app_config: AppConfig = importlib.import_module(module).APP_CONFIG
        _create_migrations_folder(app_config.resolved_migrations_folder_path)
        try:
            meta = await _create_new_migration(app_config, auto=True, description=description)
        except NoChanges:
            out.append(AppMigration(app_config.app_name, None))
        else:
            out.append(AppMigration(app_config.app_name, Path(meta.migration_path)))
    return out
