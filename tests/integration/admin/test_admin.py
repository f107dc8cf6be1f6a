"""piccolo-admin at /admin: platform operators (superusers) only, same identity as the API."""

from __future__ import annotations

import json

from coulisses.auth.service import create_account
from coulisses.auth.tokens import hash_token
from coulisses.db.connection import fetch
from tests.helpers import PASSWORD, error_code, signup


async def _admin_login(client, email: str, password: str = PASSWORD):
    page = await client.get("/admin/")
    assert page.status_code == 200
    csrf = client.cookies.get("csrftoken")
    assert csrf, "piccolo-admin sets its CSRF cookie on the page"
    return await client.post(
        "/admin/public/login/",
        json={"username": email, "password": password},
        headers={
            "X-CSRFToken": csrf,
            "Origin": "http://testserver",
            "Referer": "http://testserver/admin/",
        },
    )


async def test_admin_redirects_to_trailing_slash_and_guards_its_prefix(client):
    response = await client.get("/admin")
    assert response.status_code == 308
    assert response.headers["location"] == "/admin/"
    assert (await client.get("/adminx")).status_code == 404


async def test_superuser_logs_into_admin_with_the_same_credentials_and_sees_core_tables(client):
    await create_account("ops@example.org", PASSWORD, superuser=True)
    login = await _admin_login(client, "ops@example.org")
    assert login.status_code in (200, 303), login.text
    tables = await client.get("/admin/api/tables/")
    assert tables.status_code == 200, tables.text
    names = set(tables.json())
    assert {"orgs", "accounts", "org_memberships", "org_plugins", "audit_log"} <= names
    assert "hello_greetings" in names  # installed plugins' admin tables


async def test_admin_lists_api_keys_without_their_hash_and_cannot_set_it(client, new_client):
    owner = await signup(new_client())
    created = await owner.post(
        "/api/v1/orgs/current/api-keys", json={"name": "Export", "scopes": ["audit:read"]}
    )
    assert created.status_code == 201, created.text
    key, key_id = created.json()["key"], created.json()["id"]
    await create_account("ops@example.org", PASSWORD, superuser=True)
    assert (await _admin_login(client, "ops@example.org")).status_code in (200, 303)
    assert "api_keys" in set((await client.get("/admin/api/tables/")).json())
    rows = await client.get("/admin/api/tables/api_keys/")
    assert rows.status_code == 200, rows.text
    assert rows.json()["rows"][0]["id"] == key_id
    assert rows.json()["rows"][0]["key_hash"] is None  # a secret column: never sent
    assert hash_token(key) not in rows.text
    assert key not in rows.text
    csrf = {"X-CSRFToken": client.cookies.get("csrftoken") or ""}
    patched = await client.patch(
        f"/admin/api/tables/api_keys/{key_id}/",
        json={"key_hash": "0" * 64, "revoked_at": "2026-12-01T10:00:00+00:00"},
        headers=csrf,
    )
    assert patched.status_code == 200, patched.text
    stored = (await fetch("SELECT key_hash, revoked_at FROM api_keys"))[0]
    assert stored["key_hash"] != "0" * 64
    assert stored["revoked_at"] is not None
    api = new_client()
    response = await api.get("/api/v1/audit", headers={"Authorization": f"Bearer {key}"})
    assert (response.status_code, error_code(response)) == (401, "api_key.revoked")
    # a key is never made here (it would have no clear value to give anyone)
    made = await client.post(
        "/admin/api/tables/api_keys/",
        json={
            "org": owner.org_id,
            "account": owner.account_id,
            "name": "x",
            "prefix": "ck_x",
            "key_hash": "1" * 64,
            "scopes": ["audit:read"],
        },
        headers=csrf,
    )
    assert made.status_code == 405, made.text
    assert len(await fetch("SELECT 1 FROM api_keys")) == 1


async def test_tenant_owner_gets_no_access_to_admin(client):
    owner = await signup(client)
    await _admin_login(client, owner.email)
    response = await client.get("/admin/api/tables/")
    assert response.status_code in (401, 403)


async def test_wrong_password_is_refused_by_admin_login(client):
    await create_account("ops2@example.org", PASSWORD, superuser=True)
    response = await _admin_login(client, "ops2@example.org", "Wrong-password-123")
    assert response.status_code == 401
    assert (await client.get("/admin/api/tables/")).status_code == 401


async def _audit(action: str) -> list[dict]:
    rows = await fetch("SELECT actor, payload FROM audit_log WHERE action = $1 ORDER BY id", action)
    return [{"actor": r["actor"], "payload": json.loads(r["payload"])} for r in rows]


async def test_non_superuser_with_the_right_password_gets_the_wrong_password_answer(client):
    owner = await signup(client)
    refused = await _admin_login(client, owner.email)
    assert refused.status_code == 401, refused.text
    assert "logged in" not in refused.text
    assert "id" not in refused.cookies  # no piccolo-admin session was opened
    wrong = await _admin_login(client, "nobody@example.org", "Wrong-password-123")
    assert (wrong.status_code, wrong.json()) == (refused.status_code, refused.json())
    assert error_code(refused) == "auth.invalid_credentials"
    assert (await client.get("/admin/api/tables/")).status_code == 401


async def test_admin_login_spelled_another_way_is_still_checked(client):
    owner = await signup(client)
    page = await client.get("/admin/")
    for path in ("/admin/public//login/", "/admin/public/login", "/admin/public/login/x"):
        response = await client.post(
            path,
            json={"username": owner.email, "password": PASSWORD},
            headers={"X-CSRFToken": page.cookies.get("csrftoken", "")},
        )
        assert "logged in" not in response.text, path
        assert response.status_code in (401, 404), (path, response.status_code)


async def test_admin_and_api_logins_share_the_account_lockout(client):
    from coulisses.settings import get_settings

    await create_account("ops3@example.org", PASSWORD, superuser=True)
    for _ in range(get_settings().login_max_attempts):
        response = await _admin_login(client, "ops3@example.org", "Wrong-password-123")
        assert response.status_code == 401
    api = await client.post(
        "/api/v1/auth/login", json={"email": "ops3@example.org", "password": PASSWORD}
    )
    assert api.status_code == 429
    locked = await _admin_login(client, "ops3@example.org")
    assert locked.status_code == 429
    assert error_code(locked) == "auth.rate_limited"


async def test_api_failures_lock_the_admin_login_too(client):
    from coulisses.settings import get_settings

    await create_account("ops4@example.org", PASSWORD, superuser=True)
    for _ in range(get_settings().login_max_attempts):
        await client.post(
            "/api/v1/auth/login", json={"email": "ops4@example.org", "password": "Wrong-pass-123"}
        )
    assert (await _admin_login(client, "ops4@example.org")).status_code == 429


async def test_admin_login_shares_the_per_ip_limit_of_the_api(client, new_client):
    from coulisses.settings import get_settings

    await create_account("ops5@example.org", PASSWORD, superuser=True)
    for n in range(get_settings().login_ip_max_attempts):
        response = await client.post(
            "/api/v1/auth/login", json={"email": f"x{n}@example.org", "password": "Wrong-pass-123"}
        )
        assert response.status_code == 401
    assert (await _admin_login(client, "ops5@example.org")).status_code == 429
    elsewhere = new_client("10.9.0.77")
    assert (await _admin_login(elsewhere, "ops5@example.org")).status_code == 200


async def test_admin_login_attempts_are_audited(client):
    account_id = await create_account("ops6@example.org", PASSWORD, superuser=True)
    await _admin_login(client, "ops6@example.org", "Wrong-password-123")
    assert (await _admin_login(client, "ops6@example.org")).status_code == 200
    refused = await _audit("admin.login_refused")
    assert [r["payload"]["email"] for r in refused] == ["ops6@example.org"]
    assert refused[0]["payload"]["code"] == "auth.invalid_credentials"
    assert refused[0]["payload"]["ip"] == "10.9.0.1"
    assert [r["actor"] for r in await _audit("admin.login")] == [account_id]


async def test_malformed_admin_login_bodies_get_a_4xx_with_a_code(client):
    page = await client.get("/admin/")
    headers = {"X-CSRFToken": page.cookies.get("csrftoken", "")}
    cases = [
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400),
        ({"content": b"username=a&password=b", "headers": {"content-type": "text/plain"}}, 415),
        ({"json": {"username": "a@example.org"}}, 422),
        ({"json": ["a", "b"]}, 422),
        ({"content": b"x" * 20_000, "headers": {"content-type": "application/json"}}, 413),
    ]
    for kwargs, status in cases:
        extra = kwargs.pop("headers", {})
        response = await client.post("/admin/public/login/", headers={**headers, **extra}, **kwargs)
        assert response.status_code == status, (kwargs, response.text)
        assert response.json()["error"]["code"]


async def test_admin_lists_event_deliveries_and_replays_dead_ones(client):
    from coulisses.db.connection import fetch

    await create_account("ops-events@example.org", PASSWORD, superuser=True)
    login = await _admin_login(client, "ops-events@example.org")
    assert login.status_code in (200, 303), login.text
    [dead] = await fetch(
        """INSERT INTO event_deliveries (event_id, kind, org_id, plugin, sealed, status, attempts,
                                         last_error)
           VALUES (md5(random()::text), 'MemberAdded', NULL, 'ghost', 'x', 'dead', 8, 'boom')
           RETURNING id"""
    )
    assert "event_deliveries" in set((await client.get("/admin/api/tables/")).json())
    headers = {
        "X-CSRFToken": client.cookies.get("csrftoken"),
        "Origin": "http://testserver",
        "Referer": "http://testserver/admin/",
    }
    form = "/admin/api/forms/replay-failed-events/"

    empty = await client.post(form, json={}, headers=headers)
    assert empty.status_code == 422, empty.text
    replayed = await client.post(form, json={"ids": f"{dead['id']}, 999999999"}, headers=headers)

    assert replayed.status_code == 200, replayed.text
    assert "1 delivery(ies) replayed; not dead-lettered: 999999999" in replayed.text
    [row] = await fetch("SELECT status, attempts FROM event_deliveries WHERE id = $1", dead["id"])
    assert (row["status"], row["attempts"]) == ("pending", 0)
    [entry] = await fetch(
        "SELECT payload FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1",
        "admin.events_replayed",
    )
    assert json.loads(entry["payload"])["ids"] == [dead["id"]]
    await fetch("DELETE FROM event_deliveries WHERE id = $1", dead["id"])


async def test_admin_reports_the_plugins_left_out_with_their_reason(client):
    from coulisses.plugins.loader import build_registry
    from coulisses_hello.plugin import HelloPlugin
    from coulisses_sdk import MemberAdded, Plugin, hookimpl
    from coulisses_sdk.testing import using_registry

    class Typo(Plugin):
        name = "typo"

        @hookimpl
        def member_addded(self, event: MemberAdded) -> None: ...

    await create_account("ops-plugins@example.org", PASSWORD, superuser=True)
    login = await _admin_login(client, "ops-plugins@example.org")
    assert login.status_code in (200, 303), login.text
    headers = {
        "X-CSRFToken": client.cookies.get("csrftoken"),
        "Origin": "http://testserver",
        "Referer": "http://testserver/admin/",
    }
    form = "/admin/api/forms/check-plugins/"

    with using_registry(build_registry([Typo(), HelloPlugin()])):
        every = await client.post(form, json={}, headers=headers)
        one = await client.post(form, json={"names": "hello, ghost"}, headers=headers)

    assert every.status_code == 200, every.text
    assert "hello: ok (version 0.1.0)" in every.text
    assert "typo: REJECTED: invalid hook implementation: " in every.text
    assert "member_addded" in every.text
    assert "hello: ok" in one.text
    assert "ghost: not installed" in one.text
    assert "typo" not in one.text


async def test_a_superuser_with_two_step_verification_is_refused_at_admin_login(client):
    from coulisses.sealing import seal

    account_id = await create_account("ops-mfa@example.org", PASSWORD, superuser=True)
    await fetch(
        """INSERT INTO mfa_totp (account, secret_sealed, confirmed_at)
           VALUES ($1, $2, now())""",
        account_id,
        seal("JBSWY3DPEHPK3PXP", "auth.mfa"),
    )
    refused = await _admin_login(client, "ops-mfa@example.org")
    assert refused.status_code == 401, refused.text
    assert error_code(refused) == "auth.mfa_admin_unsupported"
    assert "JBSWY3DPEHPK3PXP" not in refused.text
    assert (await client.get("/admin/api/tables/")).status_code in (401, 403)
    [entry] = await _audit("admin.login_refused")
    assert entry["payload"]["code"] == "auth.mfa_admin_unsupported"
    assert await _audit("admin.login") == []
