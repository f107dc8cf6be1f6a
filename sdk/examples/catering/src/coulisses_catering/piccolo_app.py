"""Piccolo app of the catering plugin (its migrations run after core's)."""

import os

from piccolo.conf.apps import AppConfig, table_finder

APP_CONFIG = AppConfig(
    app_name="catering",
    migrations_folder_path=os.path.join(os.path.dirname(__file__), "piccolo_migrations"),
    table_classes=table_finder(modules=["coulisses_catering.tables"], exclude_imported=True),
    migration_dependencies=[],
    commands=[],
)
