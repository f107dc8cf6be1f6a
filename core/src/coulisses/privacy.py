"""Field-level privacy by role: what a member sees of colleagues, in every API response
and every live event. The one place that says which fields are private (docs/rbac.md).

A viewer whose role has the action ``private_data.read`` (manager and above) sees
everything. Any other viewer (a tech) sees colleagues' names, roles, skills and
schedules, but gets ``null`` in their private fields: contact data, notes, legal ids,
documents, certificate references, rate profile, absence notes and decisions, decline
reasons, delivery errors (which quote addresses). Their own objects (their user profile,
their membership, their assignments and invitations, their availability windows) stay
whole.

- :data:`PRIVATE_FIELDS`: response struct -> the private fields and where the struct
  names its owner (a user id, an account id, or the struct that contains it).
- :data:`PRIVATE_EVENT_FIELDS`: live event kind -> the same for event payloads.

Every JSON response passes through :func:`redact` (the app's response class,
``coulisses.web.responses``) and every SSE event through :func:`redact_event`
(``coulisses.live.api``): a new route or a new field of a listed struct is covered
without code of its own. A new struct or event with private data gets a line here.
Search keeps the same promise: ``coulisses.scheduling.users.service.search_users``
matches only names, skills and tags for such a viewer.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import msgspec

from coulisses.auth.rbac import can
from coulisses.scheduling.assignments.schemas import AssignmentOut
from coulisses.scheduling.availability.schemas import AvailabilityOccurrence, AvailabilityOut
from coulisses.scheduling.dashboard.schemas import DashboardAssignment
from coulisses.scheduling.invitations.schemas import DeliveryOut, InvitationOut
from coulisses.scheduling.planning.schemas import PlanningAssignment
from coulisses.scheduling.users.schemas import Skill, UserOut
from coulisses.tenancy.schemas import MemberOut
from coulisses_sdk import Principal

#: The RBAC action that lifts every rule below.
READ_PRIVATE = "private_data.read"

Owner = Literal["user", "account", "parent"]


@dataclass(frozen=True)
class Rule:
    """``fields`` read as null unless the viewer owns the object.

    ``owner``: ``user`` (``key`` holds a user id, one of the viewer's users), ``account``
    (``key`` holds the viewer's account id) or ``parent`` (owned when the struct holding
    it is: a delivery inside an invitation inside an assignment).
    """

    fields: tuple[str, ...]
    owner: Owner
    key: str = ""


PRIVATE_FIELDS: dict[type[msgspec.Struct], Rule] = {
    UserOut: Rule(
        ("email", "phone", "notes", "rate_profile", "legal_ids", "documents"),
        "account",
        "account_id",
    ),
    #: a certificate number, like a document number; the skill and its expiry stay
    Skill: Rule(("reference",), "parent"),
    MemberOut: Rule(("email",), "account", "account_id"),
    AssignmentOut: Rule(("decline_reason",), "user", "user_id"),
    PlanningAssignment: Rule(("decline_reason",), "user", "user_id"),
    DashboardAssignment: Rule(("decline_reason",), "user", "user_id"),
    InvitationOut: Rule((), "user", "user_id"),
    DeliveryOut: Rule(("error",), "parent"),
    #: an absence type says why (maladie is health data): private like the note
    AvailabilityOut: Rule(("note", "decision_reason", "absence_type_id"), "user", "user_id"),
    AvailabilityOccurrence: Rule(("absence_type_id",), "user", "user_id"),
}

#: Live events (``DomainEvent.kind``) -> the payload keys hidden the same way.
PRIVATE_EVENT_FIELDS: dict[str, Rule] = {
    "MemberAdded": Rule(("email",), "account", "account_id"),
    "AssignmentDeclined": Rule(("reason",), "user", "user_id"),
    "InvitationDeliveryFailed": Rule(("error",), "user", "user_id"),
    #: why someone is away (maladie is health data), as on AvailabilityOut
    "AvailabilityChanged": Rule(("absence_type_id",), "user", "user_id"),
}


@dataclass(frozen=True)
class Viewer:
    """Who a response is for: their account, their users in the org, their right."""

    account_id: int | None
    user_ids: frozenset[int]
    sees_private: bool


ANONYMOUS = Viewer(None, frozenset(), False)


def viewer(principal: Principal | None, user_ids: frozenset[int] = frozenset()) -> Viewer:
    if principal is None:
        return ANONYMOUS
    return Viewer(principal.account_id, user_ids, can(principal, READ_PRIVATE))


def viewer_of(scope: Mapping[str, Any]) -> Viewer:
    """The viewer of a request, from what the auth middleware put in its scope."""
    principal = scope.get("user")
    if not isinstance(principal, Principal):
        return ANONYMOUS
    auth = scope.get("auth")
    user_ids: frozenset[int] = frozenset(getattr(auth, "user_ids", ()))
    return viewer(principal, user_ids)


def _owns(who: Viewer, rule: Rule, value: Any, parent_owned: bool) -> bool:
    if rule.owner == "parent":
        return parent_owned
    key = value.get(rule.key) if isinstance(value, Mapping) else getattr(value, rule.key)
    if rule.owner == "user":
        return key is not None and key in who.user_ids
    return key is not None and key == who.account_id


# -- responses ---------------------------------------------------------------------

_PLANS: dict[type[msgspec.Struct], tuple[Rule | None, tuple[str, ...]]] = {}


def _may_hold(tp: Any, seen: set[type]) -> bool:
    """Whether a value of annotation ``tp`` may contain a struct listed above."""
    if tp is Any or tp is object:
        return True
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _may_hold(typing.get_args(tp)[0], seen)
    if origin is not None:
        return any(_may_hold(arg, seen) for arg in typing.get_args(tp))
    if isinstance(tp, types.UnionType):
        return any(_may_hold(arg, seen) for arg in typing.get_args(tp))
    if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
        if _rule(tp) is not None:
            return True
        if tp in seen:
            return False
        seen.add(tp)
        return any(_may_hold(f.type, seen) for f in msgspec.structs.fields(tp))
    return False


def _rule(cls: type) -> Rule | None:
    for base in cls.__mro__:  # a subclass (AssignmentInvitedOut) keeps its base's rule
        rule = PRIVATE_FIELDS.get(base)
        if rule is not None:
            return rule
    return None


def _plan(cls: type[msgspec.Struct]) -> tuple[Rule | None, tuple[str, ...]]:
    """The struct's rule and the fields worth walking into (computed once per type)."""
    plan = _PLANS.get(cls)
    if plan is None:
        fields = tuple(f.name for f in msgspec.structs.fields(cls) if _may_hold(f.type, {cls}))
        plan = _PLANS[cls] = (_rule(cls), fields)
    return plan


def _walk(value: Any, who: Viewer, owned: bool) -> Any:
    if isinstance(value, msgspec.Struct):
        rule, fields = _plan(type(value))
        if rule is None and not fields:
            return value
        mine = owned if rule is None else _owns(who, rule, value, owned)
        changes: dict[str, Any] = {}
        if rule is not None and not mine:
            changes = {f: None for f in rule.fields if getattr(value, f) is not None}
        for name in fields:
            child = getattr(value, name)
            new = _walk(child, who, mine)
            if new is not child:
                changes[name] = new
        return msgspec.structs.replace(value, **changes) if changes else value
    if isinstance(value, list | tuple):
        items = [_walk(v, who, owned) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items) if isinstance(value, tuple) else items
    if isinstance(value, dict):
        out = {k: _walk(v, who, owned) for k, v in value.items()}
        return value if all(out[k] is value[k] for k in value) else out
    return value


def redact(content: Any, who: Viewer) -> Any:
    """``content`` as ``who`` may see it: private fields of others' objects set to null.

    Returns ``content`` itself when nothing changes (a manager's responses are not
    walked at all); never mutates it.
    """
    if who.sees_private:
        return content
    return _walk(content, who, False)


# -- live events -------------------------------------------------------------------


def redact_event(kind: str, data: dict[str, Any], who: Viewer) -> dict[str, Any]:
    """An event payload as ``who`` may see it (the stored event is left untouched)."""
    rule = PRIVATE_EVENT_FIELDS.get(kind)
    if rule is None or who.sees_private or _owns(who, rule, data, False):
        return data
    return {k: (None if k in rule.fields else v) for k, v in data.items()}
