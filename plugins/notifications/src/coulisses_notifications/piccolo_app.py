"""Piccolo app of the notifications plugin (its migrations run after core's)."""

import os

from piccolo.conf.apps import AppConfig, table_finder

APP_CONFIG = AppConfig(
    app_name="notifications",
    migrations_folder_path=os.path.join(os.path.dirname(__file__), "piccolo_migrations"),
    table_classes=table_finder(modules=["coulisses_notifications.tables"], exclude_imported=True),
    # Foreign keys point at orgs, accounts, users and missions.
    migration_dependencies=[
        "coulisses.auth.piccolo_app",
        "coulisses.tenancy.piccolo_app",
        "coulisses.scheduling.piccolo_app",
    ],
    commands=[],
)
