"""The event kinds an endpoint may ask for, and the plugin's own event.

Kinds are the class names of :class:`coulisses_sdk.DomainEvent` subclasses: the core's
and those of every loaded plugin (a plugin's event classes are imported when the host
loads it, in the web process and in the worker alike), so the list is complete.
"""

from __future__ import annotations

from dataclasses import dataclass

from coulisses_sdk import AssignmentEvent, DomainEvent

#: Bases that are never emitted themselves.
_ABSTRACT = {DomainEvent.__name__, AssignmentEvent.__name__}
#: The kind of the test request (never a domain event).
PING = "webhooks.ping"
#: The kind of the delivery log's entry written when an endpoint is disabled.
DISABLED_NOTICE = "webhooks.endpoint_disabled"


@dataclass(frozen=True, kw_only=True)
class WebhookEndpointDisabled(DomainEvent):
    """An endpoint was disabled after ``failures`` failed attempts in a row."""

    endpoint_id: int
    failures: int


def known_kinds() -> list[str]:
    """Every domain event kind known to this process, sorted."""
    found: set[str] = set()
    todo: list[type[DomainEvent]] = [DomainEvent]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return sorted(found - _ABSTRACT)
