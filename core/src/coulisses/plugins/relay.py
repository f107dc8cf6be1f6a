"""The hook relay: delivers domain events to the plugins an org has enabled.

Each enabled plugin is called through its own ``subset_hook_caller`` (every
other plugin removed), so one plugin's exception is logged and the others
still run (pretix's ``send_robust``); awaitables returned by async hook
implementations are awaited (datasette's ``await_me_maybe``). Call ``emit``
only after the transaction that produced the event has committed.

``deliver`` asks the same plugins to take a message (an invitation link, a
password reset link) in charge; the caller falls back to its own mailer when
none did.
"""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

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


async def deliver(
    hook: str,
    make: Callable[[int], Any],
    org_ids: Sequence[int],
    *,
    enabled: dict[int, list[str]] | None = None,
) -> bool:
    """Call the ``deliver_*`` hook ``hook`` of each plugin enabled by one of ``org_ids``.

    A plugin enabled by several of these orgs is called once, with
    ``make(org_id)`` for the first of them. True when at least one plugin
    returned True (it took the delivery in charge); a failing plugin is logged
    and counts as not delivered. ``enabled`` caches the enabled plugins per org
    across calls (a bulk invitation).
    """
    from coulisses.plugins.service import enabled_names

    registry = get_registry()
    cache = {} if enabled is None else enabled
    chosen: dict[str, int] = {}
    for org_id in org_ids:
        if org_id not in cache:
            cache[org_id] = sorted(await enabled_names(org_id))
        for name in cache[org_id]:
            chosen.setdefault(name, org_id)
    handled = False
    for name, org_id in chosen.items():
        others = [p for n, p in registry.plugins.items() if n != name]
        caller = registry.pm.subset_hook_caller(hook, remove_plugins=others)
        try:
            for result in caller(delivery=make(org_id)):
                outcome = await result if inspect.isawaitable(result) else result
                handled = handled or outcome is True
        except Exception:
            logger.exception("plugin %s failed on %s for org %s", name, hook, org_id)
    return handled
