"""Services the host (core) provides to plugins at run time.

The core installs its implementation at startup with :func:`set_host`; plugins
call the module-level functions and never import the core.
"""

from __future__ import annotations

from typing import Any, Protocol


class Host(Protocol):
    async def enqueue(self, job: str, *, org_id: int, plugin: str, **kwargs: Any) -> None: ...

    async def plugin_config(self, org_id: int, plugin: str) -> dict[str, Any]: ...


_host: Host | None = None


def set_host(host: Host | None) -> None:
    global _host
    _host = host


def get_host() -> Host:
    if _host is None:
        raise RuntimeError("no Coulisses host is running")
    return _host


async def enqueue(job: str, *, org_id: int, plugin: str, **kwargs: Any) -> None:
    """Queue ``job`` (a name registered through ``register_jobs``) for ``org_id``.

    The job is stamped with org and plugin; the worker re-checks that the org
    still has the plugin enabled before running it.
    """
    await get_host().enqueue(job, org_id=org_id, plugin=plugin, **kwargs)


async def plugin_config(org_id: int, plugin: str) -> dict[str, Any]:
    """The config ``org_id`` saved for ``plugin`` (the config model's defaults if none).

    The dict was validated by the plugin's ``config_model`` when it was saved;
    parse it again with that model to get typed values.
    """
    return await get_host().plugin_config(org_id, plugin)
