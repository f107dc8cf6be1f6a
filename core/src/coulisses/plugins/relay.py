"""The hook relay: domain events to plugins and live streams, ``deliver_*`` hooks.

``emit`` records events in the caller's transaction: for the plugins the org has
enabled (``coulisses.plugins.dispatch``, delivered after commit by a worker, retried,
never inside the request) and for the org's live stream (the outbox). Call it inside
the transaction of the change, so that the change and its events commit together.

``deliver`` asks the same plugins to take a message (an invitation link, a
password reset link) in charge; the caller falls back to its own mailer when
none did.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Sequence
from typing import Any

from coulisses.db.connection import transaction
from coulisses.plugins.dispatch import PLATFORM_EVENTS, stage
from coulisses.plugins.loader import get_registry
from coulisses_sdk import DomainEvent

logger = logging.getLogger(__name__)


async def emit(event: DomainEvent) -> None:
    """Record ``event`` for the plugins its org enabled (platform events: all) and for
    the org's live stream, in the current transaction."""
    await emit_all([event])


async def emit_all(events: Sequence[DomainEvent]) -> None:
    """Record a batch (the enabled plugins are looked up once per org, not per event)."""
    from coulisses.live.bus import publish_events

    if not events:
        return
    async with transaction():
        await stage(events)
        await publish_events([e for e in events if not isinstance(e, PLATFORM_EVENTS)])


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
