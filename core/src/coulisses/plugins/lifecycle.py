"""Lifecycle hooks (``plugin_enabled``, ``plugin_disabled``, ``plugin_config_changed``).

Staged as a core job in the transaction that changes an org's plugin state
(the outbox), then called by the worker for the plugin concerned only; a hook
that raises is run again with backoff (SAQ retries), so a request never waits
for a plugin and a failure loses nothing.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any

from coulisses.outbox.service import stage_job
from coulisses.plugins.loader import get_registry

logger = logging.getLogger(__name__)

JOB = "core.plugin_lifecycle"
#: Attempts in all, first retry after 10 s, doubling (SAQ's exponential backoff) to ~1 h.
OPTIONS: dict[str, Any] = {"retries": 8, "retry_delay": 10.0, "retry_backoff": 3600.0}


async def stage_lifecycle(
    org_id: int,
    plugin: str,
    *,
    was_enabled: bool,
    enabled: bool,
    old_config: dict[str, Any],
    new_config: dict[str, Any],
) -> None:
    """Queue the lifecycle calls a change implies, in the caller's transaction."""
    calls: list[dict[str, Any]] = []
    if enabled and not was_enabled:
        calls.append({"hook": "plugin_enabled"})
    elif was_enabled and not enabled:
        calls.append({"hook": "plugin_disabled"})
    elif enabled and old_config != new_config:
        calls.append({"hook": "plugin_config_changed", "old": old_config, "new": new_config})
    for call in calls:
        await stage_job(JOB, {"org_id": org_id, "plugin": plugin, **call}, options=OPTIONS)


async def lifecycle_job(
    ctx: dict[str, Any],
    *,
    org_id: int,
    plugin: str,
    hook: str,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> None:
    """Call ``hook`` of ``plugin`` for ``org_id``; an exception makes SAQ retry the job."""
    from coulisses.plugins.service import is_enabled

    registry = get_registry()
    if plugin not in registry.plugins:
        logger.warning("%s of %s skipped: the plugin is not installed", hook, plugin)
        return
    if await is_enabled(org_id, plugin) == (hook == "plugin_disabled"):
        logger.info("%s of %s for org %s skipped: changed again since", hook, plugin, org_id)
        return
    others = [p for n, p in registry.plugins.items() if n != plugin]
    caller = registry.pm.subset_hook_caller(hook, remove_plugins=others)
    kwargs: dict[str, Any] = {"org_id": org_id}
    if hook == "plugin_config_changed":
        kwargs.update(old=old or {}, new=new or {})
    for result in caller(**kwargs):
        if inspect.isawaitable(result):
            await result
