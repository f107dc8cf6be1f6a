"""The hook relay: delivers domain events to the plugins an org has enabled.

Each enabled plugin is called through its own ``subset_hook_caller`` (every
other plugin removed), so one plugin's exception is logged and the others
still run (pretix's ``send_robust``); awaitables returned by async hook
implementations are awaited (datasette's ``await_me_maybe``). Call ``emit``
only after the transaction that produced the event has committed.
"""

from __future__ import annotations

import inspect
import logging
import re

from coulisses.plugins.loader import get_registry
from coulisses_sdk import DomainEvent, OrgCreated

logger = logging.getLogger(__name__)

_PLATFORM_EVENTS: tuple[type[DomainEvent], ...] = (OrgCreated,)


def hook_name(event: DomainEvent) -> str:
    """``MemberAdded`` -> ``member_added``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", event.kind).lower()


async def _call(plugin_name: str, name: str, event: DomainEvent) -> None:
    registry = get_registry()
    others = [p for n, p in registry.plugins.items() if n != plugin_name]
    caller = registry.pm.subset_hook_caller(name, remove_plugins=others)
    try:
        for result in caller(event=event):
            if inspect.isawaitable(result):
                await result
    except Exception:
        logger.exception("plugin %s failed on %s for org %s", plugin_name, name, event.org_id)


async def emit(event: DomainEvent) -> None:
    """Deliver ``event`` to each plugin its org has enabled (platform events: to all),
    then to the org's live stream."""
    await emit_all([event])


async def emit_all(events: list[DomainEvent]) -> None:
    """Deliver a batch; the enabled plugins are looked up once per org, not per event."""
    from coulisses.live.bus import publish_events
    from coulisses.plugins.service import enabled_names

    registry = get_registry()
    enabled: dict[int, list[str]] = {}
    live: list[DomainEvent] = []
    for event in events:
        if isinstance(event, _PLATFORM_EVENTS):
            targets = list(registry.plugins)
        else:
            if event.org_id not in enabled:
                enabled[event.org_id] = sorted(await enabled_names(event.org_id))
            targets = enabled[event.org_id]
        name = hook_name(event)
        for plugin_name in targets:
            await _call(plugin_name, name, event)
        if not isinstance(event, _PLATFORM_EVENTS):
            live.append(event)
    await publish_events(live)
