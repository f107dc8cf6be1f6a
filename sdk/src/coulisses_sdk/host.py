"""Services the host (core) provides to plugins at run time.

The core installs its implementation at startup with :func:`set_host`; plugins
call the module-level functions and never import the core.
"""

from __future__ import annotations

from typing import Any, Protocol


class Host(Protocol):
    async def enqueue(self, job: str, *, org_id: int, plugin: str, **kwargs: Any) -> None: ...


_host: Host | None = None


def set_host(host: Host | None) -> None:
    global _host
    _host = host


async def enqueue(job: str, *, org_id: int, plugin: str, **kwargs: Any) -> None:
    """Queue ``job`` (a name registered through ``register_jobs``) for ``org_id``.

    The job is stamped with org and plugin; the worker re-checks that the org
    still has the plugin enabled before running it.
    """
    if _host is None:
        raise RuntimeError("no Coulisses host is running")
    await _host.enqueue(job, org_id=org_id, plugin=plugin, **kwargs)
