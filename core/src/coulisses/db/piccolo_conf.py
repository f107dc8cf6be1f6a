"""Piccolo configuration: the engine from DATABASE_URL and every app, core then plugins.

``DATABASE_URL`` must be set before the first query; the CLI and the test suite
start the embedded PostgreSQL and set it when it is missing.
"""

from __future__ import annotations

import os

from piccolo.conf.apps import AppRegistry
from piccolo.engine.postgres import PostgresEngine

from coulisses.db.apps import all_app_modules
from coulisses.db.connection import connect_options


def _dsn() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise RuntimeError("DATABASE_URL is not set: start the database through the coulisses CLI")
    return url.replace("postgresql+asyncpg://", "postgresql://")


# The connect timeout (settings.db_connect_timeout) applies to every connection; the
# statement timeouts only to the app's pool (coulisses.db.connection.open_pool).
DB = PostgresEngine(config={"dsn": _dsn(), **connect_options()}, log_queries=False)

APP_REGISTRY = AppRegistry(apps=all_app_modules())
