"""Coulisses Crew SDK: everything a plugin may import.

A plugin imports only this package (never ``coulisses`` internals): the
``Plugin`` base, the ``hookimpl`` marker, the domain events it can react to,
the request principal, the web app menu entries, the deliveries it may take in charge, the
platform's one email address rule (``normalize_email``, ``EmailAddress``), the one list
envelope and list parameters (``Page``, ``Listing``, ``ListQuery``), and the host
services (enqueue a job, read the plugin config of an org, read assignment
context, list the certifications to renew, push a live event, answer an invitation for
its user, rate limits, sign and verify with the host's keys), ``zone_label`` to name
a mission's clock in messages, and ``setting`` / ``TimeOfDay`` to declare config fields
the settings form labels in each language.
Test helpers live in ``coulisses_sdk.testing``.
"""

from coulisses_sdk.config_fields import TimeOfDay, config_label_problems, setting
from coulisses_sdk.context import (
    AnswerResult,
    AssignmentContext,
    AssignmentSummary,
    CertificationAlert,
    Contact,
    InvitationDelivery,
    OrgInfo,
    PasswordResetDelivery,
)
from coulisses_sdk.emails import EmailAddress, InvalidEmailError, normalize_email
from coulisses_sdk.events import (
    AssignmentAccepted,
    AssignmentCancelled,
    AssignmentDeclined,
    AssignmentEvent,
    AssignmentInvited,
    AssignmentPromoted,
    CertificationsExpiring,
    DomainEvent,
    InvitationDeliveryFailed,
    MemberAdded,
    MissionChanged,
    OrgCreated,
)
from coulisses_sdk.frontend import MenuEntry
from coulisses_sdk.hookspecs import PROJECT_NAME, hookimpl, hookspec
from coulisses_sdk.host import (
    account_user_id,
    answer_invitation,
    assignment_context,
    emit_event,
    enqueue,
    expiring_certifications,
    is_enabled,
    list_assignments,
    member_contacts,
    org_info,
    plugin_config,
    publish_live,
    rate_limit,
    report_invitation_delivery,
    sign,
    unsign,
)
from coulisses_sdk.listing import ListError, Listing, ListParams, ListQuery, Page
from coulisses_sdk.plugin import EmptyConfig, Plugin
from coulisses_sdk.web import (
    PluginError,
    Principal,
    current_principal,
    public_route_opt,
    require_role,
)
from coulisses_sdk.zones import zone_label

__all__ = [
    "PROJECT_NAME",
    "AnswerResult",
    "AssignmentAccepted",
    "AssignmentCancelled",
    "AssignmentContext",
    "AssignmentDeclined",
    "AssignmentEvent",
    "AssignmentInvited",
    "AssignmentPromoted",
    "AssignmentSummary",
    "CertificationAlert",
    "CertificationsExpiring",
    "Contact",
    "DomainEvent",
    "EmailAddress",
    "EmptyConfig",
    "InvalidEmailError",
    "InvitationDelivery",
    "InvitationDeliveryFailed",
    "ListError",
    "ListParams",
    "ListQuery",
    "Listing",
    "MemberAdded",
    "MenuEntry",
    "MissionChanged",
    "OrgCreated",
    "OrgInfo",
    "Page",
    "PasswordResetDelivery",
    "Plugin",
    "PluginError",
    "Principal",
    "TimeOfDay",
    "account_user_id",
    "answer_invitation",
    "assignment_context",
    "config_label_problems",
    "current_principal",
    "emit_event",
    "enqueue",
    "expiring_certifications",
    "hookimpl",
    "hookspec",
    "is_enabled",
    "list_assignments",
    "member_contacts",
    "normalize_email",
    "org_info",
    "plugin_config",
    "public_route_opt",
    "publish_live",
    "rate_limit",
    "report_invitation_delivery",
    "require_role",
    "setting",
    "sign",
    "unsign",
    "zone_label",
]

__version__ = "0.1.0"
