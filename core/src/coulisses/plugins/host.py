"""The core's implementation of the SDK ``Host``: what plugins may ask of the core at run time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coulisses.plugins import service
from coulisses.plugins.loader import get_registry

if TYPE_CHECKING:
    from coulisses.jobs.queue import JobRuntime


class CoreHost:
    """Installed with ``coulisses_sdk.host.set_host`` by the app lifespan."""

    def __init__(self, runtime: JobRuntime) -> None:
        self.runtime = runtime

    async def enqueue(self, job: str, *, org_id: int, plugin: str, **kwargs: Any) -> None:
        # A plugin may only queue its own jobs, so the org/plugin stamp is trustworthy.
        if not job.startswith(f"{plugin}.") or job not in get_registry().jobs:
            raise ValueError(f"unknown job {job} for plugin {plugin}")
        await self.runtime.enqueue(job, org_id=org_id, plugin=plugin, **kwargs)

    async def plugin_config(self, org_id: int, plugin: str) -> dict[str, Any]:
        return await service.get_config(org_id, plugin)
