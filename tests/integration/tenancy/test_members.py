"""Org members API: list, invite, change role, remove, last-owner protection."""

from __future__ import annotations

import re

from coulisses.db.connection import fetch
from tests.conftest import run_jobs
from tests.helpers import PASSWORD, OrgSession, error_code, signup

MEMBERS = "/api/v1/orgs/current/members"


async def login_as(make_client, email: str, password: str = PASSWORD) -> OrgSession:
    c = make_client()
    response = await c.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    body = response.json()
    return OrgSession(c, body["org_id"], body["account_id"], email)


async def set_password(email: str, password: str = PASSWORD) -> None:
    from coulisses.auth.tables import hash_password

    await fetch(
        "UPDATE accounts SET password = $2 WHERE username = $1", email, hash_password(password)
    )


async def test_owner_invites_new_account_which_gets_a_setup_link_by_email(client, mail_sink):
    owner = await signup(client)
    response = await owner.post(MEMBERS, json={"email": "Regie@Example.org", "role": "manager"})
    assert response.status_code == 201, response.text
    assert response.json()["email"] == "regie@example.org"
    assert response.json()["role"] == "manager"
    await run_jobs()
    [mail] = mail_sink.to("regie@example.org")
    body = mail.get_body(preferencelist=("plain",)).get_content()
    token = re.search(r"token=([\w\-%]+)", body).group(1)
    confirm = await client.post(
        "/api/v1/auth/password-reset/confirm",
        json={"token": token, "new_password": "Nouveau-Mot-2027"},
    )
    assert confirm.status_code == 200, confirm.text
    login = await client.post(
        "/api/v1/auth/login", json={"email": "regie@example.org", "password": "Nouveau-Mot-2027"}
    )
    assert login.status_code == 200
    assert login.json()["org_id"] == owner.org_id


async def test_members_list_shows_roles(client):
    owner = await signup(client)
    await owner.post(MEMBERS, json={"email": "tech@example.org", "role": "tech"})
    members = (await owner.get(MEMBERS)).json()["items"]
    assert {(m["email"], m["role"]) for m in members} == {
        (owner.email, "owner"),
        ("tech@example.org", "tech"),
    }


async def test_inviting_twice_is_a_conflict_and_bad_role_is_rejected(client):
    owner = await signup(client)
    assert (
        await owner.post(MEMBERS, json={"email": "a@example.org", "role": "tech"})
    ).status_code == 201
    again = await owner.post(MEMBERS, json={"email": "A@example.org", "role": "admin"})
    assert again.status_code == 409
    assert error_code(again) == "member.already_member"
    bad = await owner.post(MEMBERS, json={"email": "b@example.org", "role": "boss"})
    assert bad.status_code == 422
    assert error_code(bad) == "validation.role"
    assert not await fetch("SELECT 1 FROM accounts WHERE username = 'b@example.org'")


async def test_existing_account_of_another_org_can_be_invited(client, new_client):
    a = await signup(client)
    b = await signup(new_client())
    response = await a.post(MEMBERS, json={"email": b.email, "role": "admin"})
    assert response.status_code == 201
    me = (await b.get("/api/v1/auth/me")).json()
    assert {o["id"] for o in me["orgs"]} == {a.org_id, b.org_id}


async def test_tech_cannot_manage_members(client, new_client):
    owner = await signup(client)
    await owner.post(MEMBERS, json={"email": "tech@example.org", "role": "tech"})
    await set_password("tech@example.org")
    tech = await login_as(new_client, "tech@example.org")
    assert (await tech.get(MEMBERS)).status_code == 200
    denied = await tech.post(MEMBERS, json={"email": "x@example.org", "role": "tech"})
    assert denied.status_code == 403
    assert error_code(denied) == "auth.forbidden"


async def test_admin_cannot_grant_owner_role(client, new_client):
    owner = await signup(client)
    await owner.post(MEMBERS, json={"email": "adm@example.org", "role": "admin"})
    await set_password("adm@example.org")
    admin = await login_as(new_client, "adm@example.org")
    response = await admin.post(MEMBERS, json={"email": "y@example.org", "role": "owner"})
    assert response.status_code == 403
    assert error_code(response) == "member.owner_only"


async def test_change_role_then_remove_member(client):
    owner = await signup(client)
    created = (await owner.post(MEMBERS, json={"email": "m@example.org", "role": "tech"})).json()
    changed = await owner.patch(f"{MEMBERS}/{created['account_id']}", json={"role": "manager"})
    assert changed.status_code == 200
    assert changed.json()["role"] == "manager"
    removed = await owner.delete(f"{MEMBERS}/{created['account_id']}")
    assert removed.status_code == 204
    assert len((await owner.get(MEMBERS)).json()["items"]) == 1
    audit = await fetch("SELECT action FROM audit_log WHERE org = $1 ORDER BY id", owner.org_id)
    assert [a["action"] for a in audit][-3:] == [
        "member.added",
        "member.role_changed",
        "member.removed",
    ]


async def test_last_owner_cannot_be_demoted_or_removed(client):
    owner = await signup(client)
    demote = await owner.patch(f"{MEMBERS}/{owner.account_id}", json={"role": "admin"})
    assert demote.status_code == 409
    assert error_code(demote) == "member.last_owner"
    remove = await owner.delete(f"{MEMBERS}/{owner.account_id}")
    assert remove.status_code == 409
    assert error_code(remove) == "member.last_owner"
    # with a second owner, the first may step down
    second = (await owner.post(MEMBERS, json={"email": "o2@example.org", "role": "owner"})).json()
    assert second["role"] == "owner"
    assert (
        await owner.patch(f"{MEMBERS}/{owner.account_id}", json={"role": "admin"})
    ).status_code == 200


async def test_removed_member_loses_access_immediately(client, new_client):
    owner = await signup(client)
    created = (
        await owner.post(MEMBERS, json={"email": "gone@example.org", "role": "manager"})
    ).json()
    await set_password("gone@example.org")
    gone = await login_as(new_client, "gone@example.org")
    assert (await gone.get(MEMBERS)).status_code == 200
    await owner.delete(f"{MEMBERS}/{created['account_id']}")
    assert (await gone.get(MEMBERS)).status_code == 401


async def test_current_org_read_and_update_with_timezone_validation(client):
    owner = await signup(client, "Compagnie Vent")
    org = (await owner.get("/api/v1/orgs/current")).json()
    assert org["timezone"] == "Europe/Paris"
    assert org["locale"] == "fr"
    bad = await owner.patch("/api/v1/orgs/current", json={"timezone": "Mars/Olympus"})
    assert bad.status_code == 422
    assert error_code(bad) == "validation.timezone"
    ok = await owner.patch("/api/v1/orgs/current", json={"timezone": "America/Montreal"})
    assert ok.json()["timezone"] == "America/Montreal"
