"""Piccolo app of the API keys area."""

import os

from piccolo.conf.apps import AppConfig, table_finder

APP_CONFIG = AppConfig(
    app_name="apikeys",
    migrations_folder_path=os.path.join(os.path.dirname(__file__), "piccolo_migrations"),
    table_classes=table_finder(modules=["coulisses.apikeys.tables"], exclude_imported=True),
    migration_dependencies=["coulisses.auth.piccolo_app", "coulisses.tenancy.piccolo_app"],
    commands=[],
)
