"""Coulisses Crew SDK: everything a plugin may import.

A plugin imports only this package (never ``coulisses`` internals): the
``Plugin`` base, the ``hookimpl`` marker, the domain events it can react to,
the request principal, and the host services (enqueue a job, read the
plugin config of an org). Test helpers live in ``coulisses_sdk.testing``.
"""

from coulisses_sdk.events import (
    AssignmentAccepted,
    AssignmentCancelled,
    AssignmentDeclined,
    AssignmentEvent,
    AssignmentInvited,
    DomainEvent,
    MemberAdded,
    MissionChanged,
    OrgCreated,
)
from coulisses_sdk.hookspecs import PROJECT_NAME, hookimpl, hookspec
from coulisses_sdk.host import enqueue, plugin_config
from coulisses_sdk.plugin import EmptyConfig, Plugin
from coulisses_sdk.web import Principal, current_principal

__all__ = [
    "PROJECT_NAME",
    "AssignmentAccepted",
    "AssignmentCancelled",
    "AssignmentDeclined",
    "AssignmentEvent",
    "AssignmentInvited",
    "DomainEvent",
    "EmptyConfig",
    "MemberAdded",
    "MissionChanged",
    "OrgCreated",
    "Plugin",
    "Principal",
    "current_principal",
    "enqueue",
    "hookimpl",
    "hookspec",
    "plugin_config",
]

__version__ = "0.1.0"
