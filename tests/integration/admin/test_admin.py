"""piccolo-admin at /admin: platform operators (superusers) only, same identity as the API."""

from __future__ import annotations

from coulisses.auth.service import create_account
from tests.helpers import PASSWORD, signup


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
