"""The API key scopes are mapped onto the RBAC matrix in one table (auth/rbac.py): every
scope opens some action, every mapped action names a real scope, and a key never gets
more than an admin nor anything outside its scopes."""

from __future__ import annotations

import pytest

from coulisses.auth.rbac import (
    ACTION_SCOPES,
    ACTIONS,
    KEY_ROLE,
    ROLE_RANK,
    SCOPES,
    KeyPrincipal,
    can,
    key_scope_refusal,
)
from coulisses_sdk import Principal


def key(*scopes: str) -> KeyPrincipal:
    return KeyPrincipal(
        account_id=7,
        email="key@api-keys.invalid",
        org_id=1,
        role=KEY_ROLE,
        api_key_id=1,
        scopes=frozenset(scopes),
    )


def test_every_scope_opens_an_action_and_every_mapped_action_names_a_scope():
    used = {scope for scope in ACTION_SCOPES.values() if scope is not None}
    assert used == set(SCOPES)
    assert set(ACTION_SCOPES) <= set(ACTIONS)


def test_a_key_never_exceeds_admin():
    assert KEY_ROLE == "admin"
    for action, minimum in ACTIONS.items():
        if ROLE_RANK[minimum] > ROLE_RANK[KEY_ROLE]:
            assert not can(key(*SCOPES), action), action


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_key_with_every_scope_may_do_exactly_the_mapped_actions(action):
    assert can(key(*SCOPES), action) == (action in ACTION_SCOPES), action


@pytest.mark.parametrize("scope", SCOPES)
def test_a_key_with_one_scope_may_do_only_what_that_scope_opens(scope):
    allowed = {a for a in ACTIONS if can(key(scope), a)}
    expected = {a for a, s in ACTION_SCOPES.items() if s in (scope, None)}
    assert allowed == expected
    if scope.endswith(":read"):
        assert not any(a.endswith((".manage", ".approve")) for a in allowed), allowed


def test_managing_keys_is_never_allowed_to_a_key():
    assert "api_keys.manage" not in ACTION_SCOPES
    assert key_scope_refusal(key(*SCOPES), "api_keys.manage") is not None


def test_a_session_principal_is_untouched_by_the_scopes():
    admin = Principal(account_id=1, email="a@example.org", org_id=1, role="admin")
    assert key_scope_refusal(admin, "missions.manage") is None
    assert can(admin, "api_keys.manage")
