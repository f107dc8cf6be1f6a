"""Embedded PostgreSQL 16 from the ``pgserver`` wheel, used when DATABASE_URL is unset."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


class EmbeddedPostgres:
    """A PostgreSQL server in ``data_dir``; ``stop()`` must be called on exit (see STACK_NOTES)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir.resolve()
        self._server: Any = None

    def start(self) -> str:
        runtime = Path(tempfile.gettempdir()) / f"coulisses-runtime-{os.getuid()}"
        runtime.mkdir(mode=0o700, exist_ok=True)
        os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
        import pgserver  # imported late: it is heavy and only needed here

        self.data_dir.mkdir(parents=True, exist_ok=True)
        get_server: Any = pgserver.get_server  # type: ignore[attr-defined]
        self._server = get_server(self.data_dir, cleanup_mode="stop")
        uri: str = self._server.get_uri()
        logger.info("embedded PostgreSQL running in %s", self.data_dir)
        return uri

    def stop(self) -> None:
        if self._server is not None:
            try:
                self._server.cleanup()
            finally:
                self._server = None


def ensure_database(data_dir: Path) -> EmbeddedPostgres | None:
    """Start the embedded server and export DATABASE_URL unless one is configured."""
    if os.environ.get("DATABASE_URL"):
        return None
    server = EmbeddedPostgres(data_dir / "pgdata")
    os.environ["DATABASE_URL"] = server.start()
    return server
