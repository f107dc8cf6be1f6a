"""Piccolo app of the payroll plugin (its migrations run after core's)."""

import os

from piccolo.conf.apps import AppConfig, table_finder

APP_CONFIG = AppConfig(
    app_name="payroll",
    migrations_folder_path=os.path.join(os.path.dirname(__file__), "piccolo_migrations"),
    table_classes=table_finder(modules=["coulisses_payroll.tables"], exclude_imported=True),
    # Foreign keys point at orgs.
    migration_dependencies=["coulisses.tenancy.piccolo_app"],
    commands=[],
)
