"""Password reset by an emailed single-use link, delivered over real SMTP."""

from __future__ import annotations

import re
from urllib.parse import unquote

from coulisses.db.connection import fetch
from tests.conftest import run_jobs
from tests.integration.auth.support import (
    PASSWORD,
    assert_error,
    counts,
    login,
    signup,
)

REQUEST = "/api/v1/auth/password-reset"
CONFIRM = "/api/v1/auth/password-reset/confirm"
NEW_PASSWORD = "Nouveau-Decor-77"
LINK = re.compile(r"http://testserver/reset-password\?token=(\S+)")


async def _drain(mail_sink) -> None:
    """Send what earlier tests left queued (invitations...) so this test sees only its mail."""
    await run_jobs()
    mail_sink.clear()


async def _reset_token_from_email(mail_sink, address: str) -> str:
    await run_jobs()
    messages = mail_sink.to(address)
    assert len(messages) == 1, [str(m["To"]) for m in mail_sink.messages]
    body = messages[0].get_body(preferencelist=("plain",)).get_content()
    match = LINK.search(body)
    assert match, body
    return unquote(match.group(1))


async def test_reset_request_for_an_unknown_email_is_202_and_sends_nothing(client, mail_sink):
    await _drain(mail_sink)
    before = await counts()
    response = await client.post(REQUEST, json={"email": "ghost@example.org"})
    assert response.status_code == 202
    await run_jobs()
    assert mail_sink.messages == []
    assert await counts() == before


async def test_reset_request_answers_the_same_for_known_and_unknown_emails(client, new_client):
    owner = await signup(client)
    known = await new_client().post(REQUEST, json={"email": owner.email})
    unknown = await new_client().post(REQUEST, json={"email": "ghost@example.org"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert known.headers.get("set-cookie") is None
    assert unknown.headers.get("set-cookie") is None


async def test_reset_link_is_emailed_over_smtp_and_sets_a_new_password(
    client, new_client, mail_sink
):
    owner = await signup(client)
    assert (
        await new_client().post(REQUEST, json={"email": owner.email.upper()})
    ).status_code == 202
    token = await _reset_token_from_email(mail_sink, owner.email)
    message = mail_sink.to(owner.email)[0]
    assert "mot de passe" in str(message["Subject"])

    confirmed = await new_client().post(
        CONFIRM, json={"token": token, "new_password": NEW_PASSWORD}
    )
    assert confirmed.status_code == 200, confirmed.text
    assert_error(await login(new_client(), owner.email), 401, "auth.invalid_credentials")
    relogin = await login(new_client(), owner.email, NEW_PASSWORD)
    assert relogin.status_code == 200, relogin.text
    assert relogin.json()["account_id"] == owner.account_id


async def test_reset_token_is_stored_hashed_never_in_clear(client, new_client, mail_sink):
    owner = await signup(client)
    await new_client().post(REQUEST, json={"email": owner.email})
    token = await _reset_token_from_email(mail_sink, owner.email)
    rows = await fetch("SELECT token_hash FROM password_reset_tokens")
    assert len(rows) == 1
    assert rows[0]["token_hash"] != token
    assert token not in rows[0]["token_hash"]


async def test_replaying_a_used_reset_token_is_400_invalid_reset_token(
    client, new_client, mail_sink
):
    owner = await signup(client)
    await new_client().post(REQUEST, json={"email": owner.email})
    token = await _reset_token_from_email(mail_sink, owner.email)
    first = await new_client().post(CONFIRM, json={"token": token, "new_password": NEW_PASSWORD})
    assert first.status_code == 200
    replay = await new_client().post(
        CONFIRM, json={"token": token, "new_password": "Encore-Autre-88"}
    )
    assert_error(replay, 400, "auth.invalid_reset_token")
    assert (await login(new_client(), owner.email, NEW_PASSWORD)).status_code == 200


async def test_expired_reset_token_is_400_invalid_reset_token(client, new_client, mail_sink):
    owner = await signup(client)
    await new_client().post(REQUEST, json={"email": owner.email})
    token = await _reset_token_from_email(mail_sink, owner.email)
    await fetch("UPDATE password_reset_tokens SET expires_at = now() - interval '1 second'")
    response = await new_client().post(CONFIRM, json={"token": token, "new_password": NEW_PASSWORD})
    assert_error(response, 400, "auth.invalid_reset_token")
    assert (await login(new_client(), owner.email)).status_code == 200


async def test_unknown_reset_token_is_400_invalid_reset_token(new_client):
    response = await new_client().post(
        CONFIRM, json={"token": "made-up-token", "new_password": NEW_PASSWORD}
    )
    assert_error(response, 400, "auth.invalid_reset_token")


async def test_reset_with_a_weak_password_is_422_and_leaves_the_link_usable(
    client, new_client, mail_sink
):
    owner = await signup(client)
    await new_client().post(REQUEST, json={"email": owner.email})
    token = await _reset_token_from_email(mail_sink, owner.email)
    weak = await new_client().post(CONFIRM, json={"token": token, "new_password": "court"})
    assert_error(weak, 422, "auth.weak_password")
    good = await new_client().post(CONFIRM, json={"token": token, "new_password": NEW_PASSWORD})
    assert good.status_code == 200, good.text


async def test_reset_revokes_every_existing_session_of_the_account(client, new_client, mail_sink):
    owner = await signup(client)
    await new_client().post(REQUEST, json={"email": owner.email})
    token = await _reset_token_from_email(mail_sink, owner.email)
    await new_client().post(CONFIRM, json={"token": token, "new_password": NEW_PASSWORD})
    assert_error(await owner.post("/api/v1/auth/refresh"), 401, "auth.invalid_refresh")


async def test_using_one_reset_link_voids_the_other_pending_links(client, new_client, mail_sink):
    owner = await signup(client)
    await new_client().post(REQUEST, json={"email": owner.email})
    older = await _reset_token_from_email(mail_sink, owner.email)
    mail_sink.clear()
    await new_client().post(REQUEST, json={"email": owner.email})
    newer = await _reset_token_from_email(mail_sink, owner.email)
    used = await new_client().post(CONFIRM, json={"token": newer, "new_password": NEW_PASSWORD})
    assert used.status_code == 200
    stale = await new_client().post(
        CONFIRM, json={"token": older, "new_password": "Encore-Autre-88"}
    )
    assert_error(stale, 400, "auth.invalid_reset_token")


async def test_password_change_voids_pending_reset_links(client, new_client, mail_sink):
    owner = await signup(client)
    await new_client().post(REQUEST, json={"email": owner.email})
    token = await _reset_token_from_email(mail_sink, owner.email)
    changed = await owner.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
    )
    assert changed.status_code == 200, changed.text
    stale = await new_client().post(
        CONFIRM, json={"token": token, "new_password": "Encore-Autre-88"}
    )
    assert_error(stale, 400, "auth.invalid_reset_token")


async def test_reset_request_with_a_malformed_email_is_422_validation_email(client, mail_sink):
    await _drain(mail_sink)
    before = await counts()
    assert_error(
        await client.post(REQUEST, json={"email": "not-an-email"}), 422, "validation.email"
    )
    await run_jobs()
    assert mail_sink.messages == []
    assert await counts() == before


async def test_reset_requests_are_rate_limited_per_address(client, new_client, mail_sink):
    owner = await signup(client)
    for _ in range(5):
        assert (await new_client().post(REQUEST, json={"email": owner.email})).status_code == 202
    assert_error(
        await new_client().post(REQUEST, json={"email": owner.email}), 429, "auth.rate_limited"
    )
    await run_jobs()
    assert len(mail_sink.to(owner.email)) == 5
