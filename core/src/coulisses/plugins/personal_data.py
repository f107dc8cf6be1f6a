"""The personal data hooks (``personal_data_export``, ``personal_data_erase``): every
installed plugin is asked, enabled by the org or not, because disabling a plugin keeps
its data (docs/rgpd.md).

Unlike event hooks, a failing plugin is not logged and skipped: an export missing a
plugin's data would look complete, and an erasure must be all or nothing. The failure
becomes a 503 ``gdpr.plugin_failed`` naming the plugin, and the caller's transaction
(the erasure's) rolls back.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Mapping
from typing import Any

from coulisses.errors import DomainError
from coulisses.plugins.loader import get_registry

logger = logging.getLogger(__name__)


def _failed(name: str, hook: str) -> DomainError:
    return DomainError(
        "gdpr.plugin_failed",
        f"The plugin {name} failed to {hook.removeprefix('personal_data_')} its data:"
        " nothing was changed, try again later",
        details={"plugin": name},
        status=503,
    )


async def _call(hook: str, org_id: int, user_id: int) -> dict[str, Any]:
    """plugin name -> what its implementation returned (plugins without one are absent)."""
    registry = get_registry()
    out: dict[str, Any] = {}
    for name in sorted(registry.plugins):
        others = [p for n, p in registry.plugins.items() if n != name]
        caller = registry.pm.subset_hook_caller(hook, remove_plugins=others)
        if not caller.get_hookimpls():
            continue
        try:
            for result in caller(org_id=org_id, user_id=user_id):
                value = await result if inspect.isawaitable(result) else result
                if value:
                    if not isinstance(value, Mapping):
                        raise TypeError(f"{hook} must return a dict, got {type(value)!r}")
                    out.setdefault(name, {}).update(value)
        except DomainError:
            raise
        except Exception as exc:
            logger.exception("plugin %s failed on %s for org %s", name, hook, org_id)
            raise _failed(name, hook) from exc
    return out


async def export_plugin_data(org_id: int, user_id: int) -> dict[str, dict[str, list[Any]]]:
    """plugin -> kind -> rows, from every plugin that holds something about the user."""
    found = await _call("personal_data_export", org_id, user_id)
    out: dict[str, dict[str, list[Any]]] = {}
    for name, kinds in found.items():
        for kind, rows in kinds.items():
            if not isinstance(rows, list):
                raise _failed(name, "personal_data_export")
            out.setdefault(name, {})[str(kind)] = rows
    return out


async def erase_plugin_data(org_id: int, user_id: int) -> dict[str, dict[str, int]]:
    """plugin -> kind -> how many rows it changed; call it inside the erasure's transaction."""
    found = await _call("personal_data_erase", org_id, user_id)
    return {
        name: {str(k): int(v) for k, v in kinds.items() if isinstance(v, int)}
        for name, kinds in found.items()
    }
