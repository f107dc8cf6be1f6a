"""Create catering_meals (Piccolo's migration manager, as its auto-migrations write it)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Integer, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow

ID = "2026-12-01T17:28:33:867949"
VERSION = "1.38.0"
DESCRIPTION = "catering_meals"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="catering", description=DESCRIPTION)
    manager.add_table(class_name="Meal", tablename="catering_meals")
    columns = [
        ("id", Serial, {"primary_key": True, "null": False}),
        ("org_id", Integer, {"default": 0, "null": False, "index": True}),
        ("mission_id", Integer, {"default": 0, "null": False, "index": True}),
        ("label", Varchar, {"length": 200, "default": "", "null": False}),
        ("quantity", Integer, {"default": 0, "null": False}),
        ("event_id", Varchar, {"length": 64, "default": "", "null": True, "unique": True}),
        ("created_at", Timestamptz, {"default": TimestamptzNow(), "null": False}),
    ]
    for name, column_class, params in columns:
        manager.add_column(
            table_class_name="Meal",
            tablename="catering_meals",
            column_name=name,
            db_column_name=name,
            column_class_name=column_class.__name__,
            column_class=column_class,
            params={
                "index": False,
                "unique": False,
                "secret": False,
                "primary_key": False,
                **params,
            },
        )
    return manager
