"""Database wiring: Piccolo configuration, embedded PostgreSQL, migrations."""

import os

os.environ.setdefault("PICCOLO_CONF", "coulisses.db.piccolo_conf")
