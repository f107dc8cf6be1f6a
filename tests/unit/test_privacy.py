"""Field-level privacy (coulisses.privacy): the policy is well-formed, and the one
redaction step hides exactly the private fields of other people's objects."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from typing import Any

import msgspec
import pytest

import coulisses_sdk.events as sdk_events
from coulisses.auth.rbac import ACTIONS, ROLE_RANK, actions_for
from coulisses.privacy import (
    ANONYMOUS,
    PRIVATE_EVENT_FIELDS,
    PRIVATE_FIELDS,
    Viewer,
    redact,
    redact_event,
)
from coulisses.scheduling.assignments.schemas import AssignmentInvitedOut, AssignmentPage
from coulisses.scheduling.availability.schemas import AvailabilityOut
from coulisses.scheduling.invitations.schemas import DeliveryOut, InvitationOut
from coulisses.scheduling.planning.schemas import Planning
from coulisses.scheduling.users.schemas import UserOut, UserPage
from coulisses.tenancy.schemas import MemberOut

NOW = dt.datetime(2027, 7, 1, 12, tzinfo=dt.UTC)
#: Field names that smell of personal data: each must be private or said public below.
SUSPICIOUS = re.compile(r"email|phone|note|reason|legal|document|rate|address|error|contact|iban")
#: Event fields that match SUSPICIOUS and are not personal (with why).
PUBLIC_EVENT_FIELDS: set[tuple[str, str]] = {
    # A fixed code ("swapped"), never a person's words (unlike AssignmentDeclined.reason).
    ("AssignmentCancelled", "reason"),
}

TECH = Viewer(account_id=10, user_ids=frozenset({100}), sees_private=False)
MANAGER = Viewer(account_id=20, user_ids=frozenset(), sees_private=True)


def _user(user_id: int, account_id: int | None) -> UserOut:
    return msgspec.convert(
        {
            "id": user_id,
            "first_name": "Paul",
            "last_name": "Durand",
            "employment_type": "Intermittent",
            "email": f"u{user_id}@example.org",
            "phone": "+33 6 11 22 33 44",
            "account_id": account_id,
            "skills": [
                {"name": "caces", "level": 3, "valid_until": "2030-01-01", "reference": "R-1"}
            ],
            "tags": ["regie"],
            "notes": "mariage de sa soeur",
            "rate_profile": "cachet",
            "legal_ids": {"siret": "73282932000074"},
            "documents": [{"kind": "caces", "label": "R489"}],
            "created_at": NOW,
            "updated_at": NOW,
        },
        UserOut,
    )


def _assignment(assignment_id: int, user_id: int) -> AssignmentInvitedOut:
    return msgspec.convert(
        {
            "id": assignment_id,
            "mission_id": 1,
            "mission_role_id": 1,
            "role_name": "son",
            "user_id": user_id,
            "status": "DECLINED",
            "starts_at": NOW,
            "ends_at": NOW,
            "duration_minutes": 0,
            "decline_reason": "malade",
            "answered_at": NOW,
            "created_at": NOW,
            "updated_at": NOW,
            "invitation": {
                "id": assignment_id,
                "assignment_id": assignment_id,
                "user_id": user_id,
                "expires_at": NOW,
                "revoked_at": None,
                "answer": "declined",
                "answered_at": NOW,
                "delivery": {
                    "status": "failed",
                    "channel": "email",
                    "error": "550 <x@example.org> unknown",
                    "attempts": 1,
                    "updated_at": NOW,
                },
            },
        },
        AssignmentInvitedOut,
    )


def test_every_private_field_exists_and_can_be_null() -> None:
    for cls, rule in PRIVATE_FIELDS.items():
        fields = {f.name: f.type for f in msgspec.structs.fields(cls)}
        for name in rule.fields:
            assert name in fields, (cls.__name__, name)
            assert msgspec.convert(None, fields[name]) is None, (cls.__name__, name)
        if rule.owner != "parent":
            assert rule.key in fields, (cls.__name__, rule.key)


def _event_classes() -> list[type[sdk_events.DomainEvent]]:
    found: list[type[sdk_events.DomainEvent]] = []
    todo = [sdk_events.DomainEvent]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_event_rule_names_a_real_event_and_its_fields() -> None:
    events = {cls.__name__: cls for cls in _event_classes()}
    for kind, rule in PRIVATE_EVENT_FIELDS.items():
        assert kind in events, kind
        names = {f.name for f in dataclasses.fields(events[kind])}
        assert set(rule.fields) <= names, kind
        assert rule.key in names, kind


def test_every_event_field_that_looks_personal_is_private() -> None:
    for cls in _event_classes():
        rule = PRIVATE_EVENT_FIELDS.get(cls.__name__)
        for field in dataclasses.fields(cls):
            if not SUSPICIOUS.search(field.name):
                continue
            classified = (rule is not None and field.name in rule.fields) or (
                cls.__name__,
                field.name,
            ) in PUBLIC_EVENT_FIELDS
            assert classified, f"{cls.__name__}.{field.name}: private or public? (privacy.py)"


def test_a_tech_gets_null_in_a_colleagues_private_fields_and_nothing_else_changes() -> None:
    colleague = _user(200, 30)
    seen = redact(colleague, TECH)
    private = PRIVATE_FIELDS[UserOut].fields
    for name in private:
        assert getattr(seen, name) is None, name
    for field in msgspec.structs.fields(UserOut):
        if field.name not in (*private, "skills"):
            assert getattr(seen, field.name) == getattr(colleague, field.name), field.name
    assert seen.skills[0].reference is None  # a certificate number, inside the profile
    assert (seen.skills[0].name, seen.skills[0].valid_until) == ("caces", dt.date(2030, 1, 1))
    assert colleague.email == "u200@example.org"  # the original is not mutated
    assert colleague.skills[0].reference == "R-1"


def test_own_objects_and_managers_see_everything_unchanged() -> None:
    own = _user(100, TECH.account_id)
    assert redact(own, TECH) is own
    page = UserPage(items=[_user(200, 30), own], page=1, page_size=50, total=2)
    assert redact(page, MANAGER) is page
    seen = redact(page, TECH)
    assert seen.items[0].email is None
    assert seen.items[1] is own


def test_nested_invitation_delivery_follows_the_assignments_owner() -> None:
    page = AssignmentPage(
        items=[_assignment(1, 200), _assignment(2, 100)], page=1, page_size=50, total=2
    )
    seen = redact(page, TECH)
    other, mine = seen.items
    assert isinstance(other, AssignmentInvitedOut)  # the subclass keeps its base's rule
    assert other.decline_reason is None
    assert other.invitation is not None
    assert other.invitation.delivery.error is None
    assert other.invitation.delivery.status == "failed"
    assert mine is page.items[1]


def test_a_struct_without_an_owner_of_its_own_is_hidden_when_alone() -> None:
    delivery = DeliveryOut("failed", "email", "550 <x@example.org>", 1, NOW)
    assert redact(delivery, TECH).error is None
    assert redact(delivery, ANONYMOUS).error is None
    invitation = InvitationOut(1, 1, 100, NOW, None, None, None, delivery)
    assert redact(invitation, TECH) is invitation  # the tech's own invitation


def test_containers_are_walked_and_untouched_parts_are_kept() -> None:
    member = MemberOut(30, "colleague@example.org", "A", "B", "tech", NOW)
    own = MemberOut(10, "me@example.org", "C", "D", "tech", NOW)
    seen = redact([member, own], TECH)
    assert seen[0].email is None
    assert seen[1] is own
    assert redact({"items": [member]}, TECH)["items"][0].email is None
    unchanged: dict[str, Any] = {"n": 1, "items": [own]}
    assert redact(unchanged, TECH) is unchanged


def test_planning_hides_only_colleagues_decline_reasons() -> None:
    planning = msgspec.convert(
        {
            "from": NOW,
            "to": NOW,
            "timezone": "Europe/Paris",
            "projects": {},
            "places": {},
            "missions": [],
            "assignments": [
                {
                    "id": i,
                    "mission_id": 1,
                    "mission_role_id": 1,
                    "user_id": user_id,
                    "status": "DECLINED",
                    "decline_reason": "raison",
                }
                for i, user_id in ((1, 200), (2, 100))
            ],
            "users": [],
        },
        Planning,
    )
    seen = redact(planning, TECH)
    assert [a.decline_reason for a in seen.assignments] == [None, "raison"]
    assert seen.missions is planning.missions
    assert seen.assignments[1] is planning.assignments[1]


def test_availability_notes_and_decisions_are_private() -> None:
    window = msgspec.convert(
        {
            "id": 1,
            "user_id": 200,
            "kind": "unavailable",
            "status": "REFUSED",
            "recurring": False,
            "starts_at": NOW,
            "ends_at": NOW,
            "rrule": None,
            "start_date": None,
            "start_time": None,
            "duration_minutes": None,
            "note": "mariage de sa soeur",
            "absence_type_id": 7,
            "requested_by": 30,
            "decided_by": 20,
            "decided_at": NOW,
            "decision_reason": "pic d'activite",
            "created_at": NOW,
            "updated_at": NOW,
        },
        AvailabilityOut,
    )
    seen = redact(window, TECH)
    assert (seen.note, seen.decision_reason, seen.absence_type_id) == (None, None, None)
    assert (seen.kind, seen.starts_at) == ("unavailable", NOW)
    own = redact(msgspec.structs.replace(window, user_id=100), TECH)
    assert (own.note, own.absence_type_id) == ("mariage de sa soeur", 7)


def test_events_hide_colleagues_private_keys_only() -> None:
    declined = {"org_id": 1, "user_id": 200, "reason": "malade", "mission_id": 3}
    assert redact_event("AssignmentDeclined", declined, TECH) == {**declined, "reason": None}
    assert redact_event("AssignmentDeclined", declined, MANAGER) is declined
    own = {**declined, "user_id": 100}
    assert redact_event("AssignmentDeclined", own, TECH) is own
    added = {"org_id": 1, "account_id": 30, "email": "x@example.org", "role": "tech"}
    assert redact_event("MemberAdded", added, TECH)["email"] is None
    assert redact_event("MissionChanged", {"mission_id": 1}, TECH) == {"mission_id": 1}


@pytest.mark.parametrize("role", list(ROLE_RANK))
def test_actions_are_read_from_the_guards_table(role: str) -> None:
    actions = actions_for(role)
    assert actions == sorted(actions)
    assert set(actions) == {a for a, low in ACTIONS.items() if ROLE_RANK[role] >= ROLE_RANK[low]}


def test_actions_grow_with_the_role_and_a_tech_may_not_read_private_data() -> None:
    ranked = sorted(ROLE_RANK, key=ROLE_RANK.__getitem__)
    for lower, higher in itertools.pairwise(ranked):
        assert set(actions_for(lower)) < set(actions_for(higher))
    assert "private_data.read" not in actions_for("tech")
    assert "private_data.read" in actions_for("manager")
    assert set(actions_for("owner")) == set(ACTIONS)
    assert actions_for(None) == []
    assert actions_for("guest") == []
