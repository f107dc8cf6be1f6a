"""Org API keys: created by owners/admins, shown once, stored hashed, used as Bearer,
limited to their scopes, revocable, expiring, rate-limited, audited, never leaked."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

import httpx
import pytest

from coulisses.apikeys.service import KEY_ACCOUNT_DOMAIN
from coulisses.auth.rbac import SCOPES
from coulisses.auth.tokens import hash_token
from coulisses.db.connection import fetch
from coulisses.settings import get_settings
from tests.helpers import OrgSession, error_code, signup
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import make_mission, make_project

KEYS = "/api/v1/orgs/current/api-keys"


async def create_key(org: OrgSession, scopes: list[str], **body: Any) -> dict[str, Any]:
    response = await org.post(KEYS, json={"name": "Export paie", "scopes": scopes, **body})
    assert response.status_code == 201, response.text
    return dict(response.json())


def bearer(app_client: httpx.AsyncClient, key: str) -> httpx.AsyncClient:
    """A client without cookies, authenticated only by the key (as curl would be)."""
    app_client.headers["Authorization"] = f"Bearer {key}"
    return app_client


async def test_a_key_is_shown_once_and_only_its_hash_is_stored(client):
    owner = await signup(client)
    created = await create_key(owner, ["missions:read", "missions:read", "projects:read"])
    key = created["key"]
    assert key.startswith("ck_")
    assert len(key) >= 3 + 43
    assert created["prefix"] == key[:7]
    assert created["scopes"] == ["missions:read", "projects:read"]
    assert created["created_by"]["account_id"] == owner.account_id
    assert created["revoked_at"] is None
    assert created["last_used_at"] is None
    rows = await fetch("SELECT * FROM api_keys")
    assert rows[0]["key_hash"] == hash_token(key)
    assert key not in json.dumps([{k: str(v) for k, v in r.items()} for r in rows])
    listed = (await owner.get(KEYS)).json()
    assert listed["total"] == 1
    assert "key" not in listed["items"][0]
    assert key not in (await owner.get(KEYS)).text
    assert key not in (await owner.get(f"{KEYS}/{created['id']}")).text


async def test_a_key_reads_with_its_scope_and_cannot_write_without_it(client, new_client):
    owner = await signup(client)
    project = await make_project(owner)
    mission = await make_mission(owner, project["id"])
    key = (await create_key(owner, ["missions:read"]))["key"]
    api = bearer(new_client(), key)
    response = await api.get(f"/api/v1/missions/{mission['id']}")
    assert response.status_code == 200, response.text
    assert response.json()["id"] == mission["id"]
    # a write needs missions:write; no CSRF token is asked of a Bearer request
    response = await api.patch(f"/api/v1/missions/{mission['id']}", json={"title": "Autre"})
    assert response.status_code == 403
    assert error_code(response) == "api_key.insufficient_scope"
    # missions:read does not open the members, nor the projects
    response = await api.get("/api/v1/orgs/current/members")
    assert (response.status_code, error_code(response)) == (403, "api_key.insufficient_scope")
    response = await api.get(f"/api/v1/projects/{project['id']}")
    assert (response.status_code, error_code(response)) == (403, "api_key.insufficient_scope")
    # last use recorded
    listed = (await owner.get(KEYS)).json()["items"][0]
    assert listed["last_used_at"] is not None


async def test_a_write_key_writes_and_the_audit_names_the_key(client, new_client):
    owner = await signup(client)
    project = await make_project(owner)
    mission = await make_mission(owner, project["id"])
    created = await create_key(owner, ["missions:read", "missions:write"])
    api = bearer(new_client(), created["key"])
    response = await api.patch(f"/api/v1/missions/{mission['id']}", json={"title": "Montage"})
    assert response.status_code == 200, response.text
    assert (await owner.get(f"/api/v1/missions/{mission['id']}")).json()["title"] == "Montage"
    audit = (await owner.get("/api/v1/audit", params={"action": "mission."})).json()["items"]
    actor = audit[0]["actor"]
    assert actor["email"].endswith("@" + KEY_ACCOUNT_DOMAIN)
    assert actor["display_name"] == "API key Export paie"
    assert actor["id"] != owner.account_id


async def test_a_revoked_key_is_refused_at_once_and_the_refusal_audited(client, new_client):
    owner = await signup(client)
    created = await create_key(owner, ["projects:read"])
    api = bearer(new_client(), created["key"])
    assert (await api.get("/api/v1/projects")).status_code == 200
    assert (await owner.delete(f"{KEYS}/{created['id']}")).status_code == 204
    response = await api.get("/api/v1/projects")
    assert (response.status_code, error_code(response)) == (401, "api_key.revoked")
    assert created["key"] not in response.text
    listed = (await owner.get(f"{KEYS}/{created['id']}")).json()
    assert listed["revoked_at"] is not None
    # revoking again changes nothing
    assert (await owner.delete(f"{KEYS}/{created['id']}")).status_code == 204
    actions = [
        e["action"]
        for e in (await owner.get("/api/v1/audit", params={"action": "api_key."})).json()["items"]
    ]
    assert sorted(actions) == ["api_key.created", "api_key.refused", "api_key.revoked"]


async def test_an_expired_key_is_refused(client, new_client):
    owner = await signup(client)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    created = await create_key(owner, ["projects:read"], expires_at=soon.isoformat())
    api = bearer(new_client(), created["key"])
    assert (await api.get("/api/v1/projects")).status_code == 200
    await fetch("UPDATE api_keys SET expires_at = now() - interval '1 second'")
    response = await api.get("/api/v1/projects")
    assert (response.status_code, error_code(response)) == (401, "api_key.expired")


async def test_an_unknown_key_is_refused(new_client):
    api = bearer(new_client(), "ck_" + "A" * 43)
    response = await api.get("/api/v1/projects")
    assert (response.status_code, error_code(response)) == (401, "api_key.invalid")


async def test_a_key_never_sees_another_orgs_data(client, new_client):
    owner = await signup(client)
    other = await signup(new_client())
    theirs = await make_project(other)
    mine = await make_project(owner)
    key = (await create_key(owner, ["projects:read"]))["key"]
    api = bearer(new_client(), key)
    assert (await api.get(f"/api/v1/projects/{theirs['id']}")).status_code == 404
    listed = (await api.get("/api/v1/projects")).json()["items"]
    assert [p["id"] for p in listed] == [mine["id"]]
    # nor another org's keys
    their_key = await create_key(other, ["projects:read"])
    assert (await owner.delete(f"{KEYS}/{their_key['id']}")).status_code == 404
    assert (await owner.get(f"{KEYS}/{their_key['id']}")).status_code == 404


async def test_a_key_is_rate_limited(client, new_client, monkeypatch):
    owner = await signup(client)
    monkeypatch.setattr(get_settings(), "api_key_max_requests", 3)
    created = await create_key(owner, ["projects:read"])
    api = bearer(new_client(), created["key"])
    for _ in range(3):
        assert (await api.get("/api/v1/projects")).status_code == 200
    for _ in range(2):
        response = await api.get("/api/v1/projects")
        assert (response.status_code, error_code(response)) == (429, "api_key.rate_limited")
        assert int(response.headers["Retry-After"]) == get_settings().api_key_window_seconds
    # another key of the org has its own count
    other = bearer(new_client(), (await create_key(owner, ["projects:read"]))["key"])
    assert (await other.get("/api/v1/projects")).status_code == 200
    refused = await fetch(
        "SELECT payload::text AS p FROM audit_log WHERE action = 'api_key.refused'"
    )
    assert len(refused) == 1  # the first refusal of the window, not every one
    assert "api_key.rate_limited" in refused[0]["p"]


async def test_only_owners_and_admins_manage_keys(client, new_client):
    owner = await signup(client)
    admin = await member_session(owner, new_client, "admin.keys@example.org", "admin")
    assert (
        await admin.post(KEYS, json={"name": "CI", "scopes": ["audit:read"]})
    ).status_code == 201
    assert (await admin.get(KEYS)).json()["total"] == 1
    manager = await member_session(owner, new_client, "manager.keys@example.org", "manager")
    response = await manager.post(KEYS, json={"name": "CI", "scopes": ["audit:read"]})
    assert (response.status_code, error_code(response)) == (403, "auth.forbidden")
    assert (await manager.get(KEYS)).status_code == 403


async def test_a_key_cannot_manage_keys_nor_act_as_a_session(client, new_client):
    owner = await signup(client)
    key = (await create_key(owner, list(SCOPES)))["key"]
    api = bearer(new_client(), key)
    response = await api.post(KEYS, json={"name": "x", "scopes": ["audit:read"]})
    assert (response.status_code, error_code(response)) == (403, "api_key.forbidden")
    assert (await api.get(KEYS)).status_code == 403
    # no owner-only action: a key with members:write cannot grant the owner role
    response = await api.post(
        "/api/v1/orgs/current/members", json={"email": "new.owner@example.org", "role": "owner"}
    )
    assert response.status_code == 403
    # the session routes do not know a key
    assert (await api.get("/api/v1/auth/me")).status_code == 401
    assert len(await fetch("SELECT 1 FROM api_keys")) == 1  # no key made by the key


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"name": "x", "scopes": []}, "api_key.invalid_scope"),
        ({"name": "x", "scopes": ["missions:delete"]}, "api_key.invalid_scope"),
        ({"name": "x", "scopes": ["audit:write"]}, "api_key.invalid_scope"),
        ({"name": "   ", "scopes": ["audit:read"]}, "api_key.invalid_name"),
        (
            {"name": "x", "scopes": ["audit:read"], "expires_at": "2020-01-01T00:00:00Z"},
            "api_key.invalid_expiry",
        ),
    ],
)
async def test_bad_key_requests_are_422_and_write_nothing(client, body, code):
    owner = await signup(client)
    response = await owner.post(KEYS, json=body)
    assert (response.status_code, error_code(response)) == (422, code)
    assert await fetch("SELECT 1 FROM api_keys") == []


async def test_the_key_never_reaches_logs_audit_or_errors(client, new_client, caplog):
    caplog.set_level(logging.DEBUG)
    owner = await signup(client)
    created = await create_key(owner, ["missions:read"])
    key = created["key"]
    api = bearer(new_client(), key)
    bodies = [
        (await api.get("/api/v1/orgs/current/members")).text,  # 403
        (await api.get("/api/v1/missions/999999")).text,  # 404
        (await api.post("/api/v1/missions", content=b"{not json")).text,  # 400
    ]
    await owner.delete(f"{KEYS}/{created['id']}")
    bodies.append((await api.get("/api/v1/missions/1")).text)  # 401
    for body in bodies:
        assert key[3:] not in body  # not even without its ck_ prefix
    audit = await fetch("SELECT payload::text AS p, target, action FROM audit_log")
    assert audit
    assert all(key not in json.dumps(row) for row in audit)
    assert key[7:] not in caplog.text
    assert {row["action"] for row in audit} >= {"api_key.created", "api_key.refused"}


async def test_plugin_routes_need_the_plugins_scopes(client, new_client):
    owner = await signup(client)
    await owner.enable("hello")
    without = bearer(new_client(), (await create_key(owner, ["projects:read"]))["key"])
    response = await without.get("/api/v1/hello/ping")
    assert (response.status_code, error_code(response)) == (403, "api_key.insufficient_scope")
    reader = bearer(new_client(), (await create_key(owner, ["plugins:read"]))["key"])
    response = await reader.get("/api/v1/hello/ping")
    assert response.status_code == 200, response.text
    assert response.json()["org_id"] == owner.org_id
    # the plugin's own role guard (manager and up) lets the key's admin role through
    assert (await reader.get("/api/v1/hello/greetings")).status_code == 200
    # turning a plugin off is a write
    response = await reader.patch("/api/v1/orgs/current/plugins/hello", json={"enabled": False})
    assert (response.status_code, error_code(response)) == (403, "api_key.insufficient_scope")
    writer = bearer(new_client(), (await create_key(owner, ["plugins:write"]))["key"])
    response = await writer.patch("/api/v1/orgs/current/plugins/hello", json={"enabled": False})
    assert response.status_code == 200, response.text
    # a disabled plugin answers 404 to a key as to anyone
    assert (await reader.get("/api/v1/hello/ping")).status_code == 404


async def test_the_clear_key_is_nowhere_in_the_database(client, new_client):
    from tests.integration.security.test_no_token_material import _database_dump

    owner = await signup(client)
    key = (await create_key(owner, ["missions:read"]))["key"]
    api = bearer(new_client(), key)
    assert (await api.get("/api/v1/orgs/current/members")).status_code == 403
    dump = await _database_dump()
    assert hash_token(key) in dump
    assert key[3:] not in dump


def test_request_log_lines_mask_a_key():
    from coulisses.logs import redact

    key = "ck_" + "x1Y2z3" * 7
    line = f'127.0.0.1 - "GET /api/v1/projects?api_key={key} HTTP/1.1" 401 Bearer {key}'
    cleaned = redact(line)
    assert key[3:] not in cleaned
    assert "ck_[redacted]" in cleaned
