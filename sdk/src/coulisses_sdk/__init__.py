"""Coulisses Crew SDK: everything a plugin may import.

A plugin imports only this package (never ``coulisses`` internals): the
``Plugin`` base, the ``hookimpl`` marker, the domain events it can react to,
the request principal, and the host services (enqueue a job).
"""

from coulisses_sdk.events import DomainEvent, MemberAdded, OrgCreated
from coulisses_sdk.hookspecs import PROJECT_NAME, hookimpl, hookspec
from coulisses_sdk.host import enqueue
from coulisses_sdk.plugin import EmptyConfig, Plugin
from coulisses_sdk.web import Principal, current_principal

__all__ = [
    "PROJECT_NAME",
    "DomainEvent",
    "EmptyConfig",
    "MemberAdded",
    "OrgCreated",
    "Plugin",
    "Principal",
    "current_principal",
    "enqueue",
    "hookimpl",
    "hookspec",
]

__version__ = "0.1.0"
