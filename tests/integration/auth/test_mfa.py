"""Second factor (TOTP): enrolment, the login's second step, lockout, replay, recovery codes,
trusted devices, the org policy for owners and admins, and no secret in logs or errors.

The server's clock is pinned (``coulisses.auth.mfa._step``) so codes are computed for known
time steps: no test depends on the wall clock.
"""

from __future__ import annotations

import logging
from typing import Any

import pyotp
import pytest

from coulisses.auth import mfa
from coulisses.auth.tables import hash_password
from coulisses.db.connection import fetch
from tests.integration.auth.support import (
    PASSWORD,
    OrgSession,
    assert_error,
    login,
    set_cookies,
    signup,
)
from tests.integration.auth.test_password_reset import (
    CONFIRM,
    NEW_PASSWORD,
    REQUEST,
    _drain,
    _reset_token_from_email,
)

MFA = "/api/v1/auth/mfa"
LOGIN_MFA = "/api/v1/auth/login/mfa"
ME = "/api/v1/auth/me"
START_STEP = 60_000_000


class Clock:
    """The TOTP time step the server sees; ``tick`` moves it by one step (30 s)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.step = START_STEP
        monkeypatch.setattr(mfa, "_step", lambda at=None: self.step)

    def tick(self, steps: int = 1) -> None:
        self.step += steps


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


def code(secret: str, step: int) -> str:
    return pyotp.TOTP(secret).generate_otp(step)


async def enrol(owner: OrgSession, clock: Clock) -> tuple[str, list[str]]:
    """Turn MFA on for ``owner``: its secret and its recovery codes."""
    started = await owner.post(f"{MFA}/enrolment")
    assert started.status_code == 200, started.text
    secret = started.json()["secret"]
    confirmed = await owner.post(
        f"{MFA}/enrolment/confirm", json={"code": code(secret, clock.step)}
    )
    assert confirmed.status_code == 200, confirmed.text
    clock.tick()
    return secret, confirmed.json()["recovery_codes"]


async def challenge(client: Any, email: str) -> str:
    response = await login(client, email)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "mfa_required", body
    return str(body["challenge"])


async def audited(action: str) -> int:
    rows = await fetch("SELECT count(*) AS n FROM audit_log WHERE action = $1", action)
    return int(rows[0]["n"])


async def test_enrolment_is_on_only_after_a_valid_first_code(client, clock):
    owner = await signup(client)
    started = await owner.post(f"{MFA}/enrolment")
    assert started.status_code == 200, started.text
    body = started.json()
    secret = body["secret"]
    assert body["otpauth_uri"].startswith("otpauth://totp/Coulisses%20Crew:")
    assert f"secret={secret}" in body["otpauth_uri"]
    assert body["qr_svg_data_uri"].startswith("data:image/svg+xml")
    status = (await owner.get(MFA)).json()
    assert status["enabled"] is False
    assert status["pending"] is True

    wrong = await owner.post(f"{MFA}/enrolment/confirm", json={"code": "000000"})
    assert_error(wrong, 400, "auth.mfa_invalid_code")
    assert (await owner.get(MFA)).json()["enabled"] is False
    # Not on yet: the password alone still opens a session.
    assert (await login(client, owner.email)).json()["status"] == "session"

    confirmed = await owner.post(
        f"{MFA}/enrolment/confirm", json={"code": code(secret, clock.step)}
    )
    assert confirmed.status_code == 200, confirmed.text
    codes = confirmed.json()["recovery_codes"]
    assert len(codes) == 10
    assert len(set(codes)) == 10
    status = (await owner.get(MFA)).json()
    assert status["enabled"] is True
    assert status["recovery_codes_left"] == 10
    assert (await owner.get(ME)).json()["mfa_enabled"] is True

    stored = await fetch("SELECT secret_sealed FROM mfa_totp WHERE account = $1", owner.account_id)
    assert secret not in stored[0]["secret_sealed"]
    hashes = await fetch("SELECT code_hash FROM mfa_recovery_codes")
    assert all(h["code_hash"].startswith("$argon2") for h in hashes)
    assert not {h["code_hash"] for h in hashes} & set(codes)
    assert await audited("auth.mfa_enrolment_started") == 1
    assert await audited("auth.mfa_enabled") == 1
    assert_error(await owner.post(f"{MFA}/enrolment"), 409, "auth.mfa_already_enabled")


async def test_login_becomes_two_steps_and_the_first_opens_no_session(client, new_client, clock):
    owner = await signup(client)
    secret, _ = await enrol(owner, clock)

    browser = new_client()
    first = await login(browser, owner.email)
    assert first.status_code == 200, first.text
    assert first.json()["expires_in"] == 300
    assert "access_token" not in first.json()
    assert not set_cookies(first)
    assert_error(await browser.get(ME), 401, "auth.unauthenticated")

    second = await browser.post(
        LOGIN_MFA, json={"challenge": first.json()["challenge"], "code": code(secret, clock.step)}
    )
    assert second.status_code == 200, second.text
    assert second.json()["status"] == "session"
    assert {"cc_access", "cc_refresh", "cc_csrf"} <= set(set_cookies(second))
    assert "cc_mfa_trust" not in set_cookies(second)
    me = await browser.get(ME)
    assert me.status_code == 200
    assert me.json()["account"]["email"] == owner.email
    assert await audited("auth.mfa_challenged") == 1
    assert await audited("auth.mfa_passed") == 1

    # A wrong password never reaches the second step.
    wrong = await browser.post(
        "/api/v1/auth/login", json={"email": owner.email, "password": "Pas-le-bon-1"}
    )
    assert_error(wrong, 401, "auth.invalid_credentials")


async def test_a_code_cannot_be_replayed_within_its_window(client, new_client, clock):
    owner = await signup(client)
    secret, _ = await enrol(owner, clock)
    used = code(secret, clock.step)
    first = await new_client().post(
        LOGIN_MFA, json={"challenge": await challenge(new_client(), owner.email), "code": used}
    )
    assert first.status_code == 200, first.text
    # Same code, still inside its window (the next step accepts the previous one).
    clock.tick()
    again = await new_client().post(
        LOGIN_MFA, json={"challenge": await challenge(new_client(), owner.email), "code": used}
    )
    assert_error(again, 401, "auth.mfa_code_reused")
    # The code of the current step works.
    fresh = await new_client().post(
        LOGIN_MFA,
        json={
            "challenge": await challenge(new_client(), owner.email),
            "code": code(secret, clock.step),
        },
    )
    assert fresh.status_code == 200, fresh.text
    # Out of the window (two steps late): refused as wrong.
    clock.tick(3)
    late = await new_client().post(
        LOGIN_MFA,
        json={
            "challenge": await challenge(new_client(), owner.email),
            "code": code(secret, clock.step - 2),
        },
    )
    assert_error(late, 401, "auth.mfa_invalid_code")


async def test_repeated_wrong_codes_lock_the_second_step(client, new_client, clock):
    owner = await signup(client)
    secret, _ = await enrol(owner, clock)
    token = await challenge(new_client(), owner.email)
    for guess in ("111111", "222222", "333333", "444444", "555555"):
        wrong = await new_client().post(LOGIN_MFA, json={"challenge": token, "code": guess})
        assert_error(wrong, 401, "auth.mfa_invalid_code")
    # Locked: even the right code is refused, with no session.
    right = await new_client().post(
        LOGIN_MFA, json={"challenge": token, "code": code(secret, clock.step)}
    )
    error = assert_error(right, 429, "auth.mfa_locked")
    assert secret not in str(error)
    assert "cc_access" not in set_cookies(right)
    assert await audited("auth.mfa_locked") == 1
    assert await audited("auth.mfa_failed") == 6


async def test_a_recovery_code_opens_one_session_only_and_regenerating_replaces_them(
    client, new_client, clock
):
    owner = await signup(client)
    secret, codes = await enrol(owner, clock)
    spent = codes[0]
    # Typed with capitals and without its dash: still the code.
    typed = spent.replace("-", "").upper()
    ok = await new_client().post(
        LOGIN_MFA, json={"challenge": await challenge(new_client(), owner.email), "code": typed}
    )
    assert ok.status_code == 200, ok.text
    again = await new_client().post(
        LOGIN_MFA, json={"challenge": await challenge(new_client(), owner.email), "code": spent}
    )
    assert_error(again, 401, "auth.mfa_invalid_code")
    assert (await owner.get(MFA)).json()["recovery_codes_left"] == 9

    regenerated = await owner.post(f"{MFA}/recovery-codes", json={"code": code(secret, clock.step)})
    assert regenerated.status_code == 200, regenerated.text
    fresh = regenerated.json()["recovery_codes"]
    assert len(fresh) == 10
    # The same code again, from the session: a 400 (the session itself is fine).
    replayed = await owner.post(f"{MFA}/recovery-codes", json={"code": code(secret, clock.step)})
    assert_error(replayed, 400, "auth.mfa_code_reused")
    assert not set(fresh) & set(codes)
    old = await new_client().post(
        LOGIN_MFA,
        json={"challenge": await challenge(new_client(), owner.email), "code": codes[1]},
    )
    assert_error(old, 401, "auth.mfa_invalid_code")
    new = await new_client().post(
        LOGIN_MFA, json={"challenge": await challenge(new_client(), owner.email), "code": fresh[0]}
    )
    assert new.status_code == 200, new.text
    assert await audited("auth.mfa_recovery_codes_regenerated") == 1


async def test_a_forged_or_stale_challenge_is_refused(client, new_client, clock):
    owner = await signup(client)
    secret, _ = await enrol(owner, clock)
    token = await challenge(new_client(), owner.email)
    body, _, mac = token.partition(".")
    forged = await new_client().post(
        LOGIN_MFA, json={"challenge": f"{body}.{mac[::-1]}", "code": code(secret, clock.step)}
    )
    assert_error(forged, 401, "auth.mfa_challenge_invalid")
    # The password changed since the first step: that challenge is dead.
    changed = await owner.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": "Rideau-Rouge-2026"},
    )
    assert changed.status_code == 200, changed.text
    stale = await new_client().post(
        LOGIN_MFA, json={"challenge": token, "code": code(secret, clock.step)}
    )
    assert_error(stale, 401, "auth.mfa_challenge_invalid")


async def test_a_trusted_device_skips_the_second_step_until_revoked(client, new_client, clock):
    owner = await signup(client)
    secret, _ = await enrol(owner, clock)
    browser = new_client("10.9.7.1")
    trusted = await browser.post(
        LOGIN_MFA,
        json={
            "challenge": await challenge(browser, owner.email),
            "code": code(secret, clock.step),
            "trust_device": True,
        },
        headers={"User-Agent": "Mozilla/5.0 (Windows NT 10.0) Gecko/20100101 Firefox/128.0"},
    )
    assert trusted.status_code == 200, trusted.text
    cookie = set_cookies(trusted)["cc_mfa_trust"]
    assert cookie["httponly"]
    assert cookie["path"] == "/api/v1/auth"
    assert int(cookie["max-age"]) == 30 * 86400

    # Same browser: the password alone opens a session.
    assert (await login(browser, owner.email)).json()["status"] == "session"
    # Another browser, or the cookie under another account: the second step again.
    assert (await login(new_client(), owner.email)).json()["status"] == "mfa_required"
    other = await signup(new_client("10.9.7.2"))
    await enrol(other, clock)
    stolen = new_client("10.9.7.3")
    stolen.cookies.set("cc_mfa_trust", browser.cookies["cc_mfa_trust"], path="/api/v1/auth")
    assert (await login(stolen, other.email)).json()["status"] == "mfa_required"

    session = OrgSession(browser, owner.org_id, owner.account_id, owner.email)
    [device] = (await session.get(f"{MFA}/devices")).json()["items"]
    assert device["current"] is True
    assert device["browser"] == "Firefox sur Windows"
    assert (await owner.get(f"{MFA}/devices")).json()["items"][0]["current"] is False
    assert await audited("auth.mfa_device_trusted") == 1

    # Changing the password forgets every trusted device.
    changed = await session.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": "Rideau-Rouge-2026"},
    )
    assert changed.status_code == 200, changed.text
    again = await browser.post(
        "/api/v1/auth/login", json={"email": owner.email, "password": "Rideau-Rouge-2026"}
    )
    assert again.json()["status"] == "mfa_required"
    assert (await session.get(f"{MFA}/devices")).json()["total"] == 0


async def test_a_password_reset_forgets_every_trusted_device(client, new_client, clock, mail_sink):
    owner = await signup(client)
    secret, _ = await enrol(owner, clock)
    await _drain(mail_sink)
    browser = new_client()
    trusted = await browser.post(
        LOGIN_MFA,
        json={
            "challenge": await challenge(browser, owner.email),
            "code": code(secret, clock.step),
            "trust_device": True,
        },
    )
    assert trusted.status_code == 200, trusted.text
    assert (await login(browser, owner.email)).json()["status"] == "session"

    assert (await new_client().post(REQUEST, json={"email": owner.email})).status_code == 202
    token = await _reset_token_from_email(mail_sink, owner.email)
    confirmed = await new_client().post(
        CONFIRM, json={"token": token, "new_password": NEW_PASSWORD}
    )
    assert confirmed.status_code == 200, confirmed.text
    # The reset changed the password, not the second factor: the code is asked again.
    again = await login(browser, owner.email, NEW_PASSWORD)
    assert again.json()["status"] == "mfa_required"
    revoked = await fetch(
        "SELECT count(*) AS n FROM mfa_trusted_devices WHERE revoked_at IS NOT NULL"
    )
    assert revoked[0]["n"] == 1


async def test_a_revoked_device_asks_for_the_code_again(client, new_client, clock):
    owner = await signup(client)
    secret, _ = await enrol(owner, clock)
    browser = new_client()
    trusted = await browser.post(
        LOGIN_MFA,
        json={
            "challenge": await challenge(browser, owner.email),
            "code": code(secret, clock.step),
            "trust_device": True,
        },
    )
    assert trusted.status_code == 200, trusted.text
    [device] = (await owner.get(f"{MFA}/devices")).json()["items"]
    stranger = await signup(new_client("10.9.8.1"))
    assert_error(
        await stranger.delete(f"{MFA}/devices/{device['id']}"), 404, "auth.mfa_device_not_found"
    )
    revoked = await owner.delete(f"{MFA}/devices/{device['id']}")
    assert revoked.status_code == 204, revoked.text
    assert (await login(browser, owner.email)).json()["status"] == "mfa_required"
    assert await audited("auth.mfa_device_revoked") == 1


async def test_disabling_needs_the_password_and_a_current_code(client, new_client, clock):
    owner = await signup(client)
    secret, _ = await enrol(owner, clock)
    wrong_password = await owner.post(
        f"{MFA}/disable", json={"password": "Pas-le-bon-1", "code": code(secret, clock.step)}
    )
    assert_error(wrong_password, 400, "auth.invalid_credentials")
    wrong_code = await owner.post(f"{MFA}/disable", json={"password": PASSWORD, "code": "123456"})
    assert_error(wrong_code, 400, "auth.mfa_invalid_code")
    assert (await owner.get(MFA)).json()["enabled"] is True

    off = await owner.post(
        f"{MFA}/disable", json={"password": PASSWORD, "code": code(secret, clock.step)}
    )
    assert off.status_code == 204, off.text
    assert (await owner.get(MFA)).json() == {
        "enabled": False,
        "pending": False,
        "confirmed_at": None,
        "recovery_codes_left": 0,
        "required": False,
    }
    assert (await login(new_client(), owner.email)).json()["status"] == "session"
    assert await fetch("SELECT 1 FROM mfa_recovery_codes") == []
    assert await audited("auth.mfa_disabled") == 1


async def _member(org: OrgSession, email: str, role: str) -> None:
    rows = await fetch(
        """INSERT INTO accounts (username, email, password, first_name, last_name,
                                 active, admin, superuser)
           VALUES ($1, $1, $2, '', '', true, false, false) RETURNING id""",
        email,
        hash_password(PASSWORD),
    )
    await fetch(
        "INSERT INTO org_memberships (account, org, role) VALUES ($1, $2, $3)",
        rows[0]["id"],
        org.org_id,
        role,
    )


async def test_the_org_policy_limits_owners_and_admins_without_mfa_to_enrolment(
    client, new_client, clock
):
    owner = await signup(client)
    await _member(owner, "regie@example.org", "admin")
    await _member(owner, "plateau@example.org", "tech")
    turned_on = await owner.patch("/api/v1/orgs/current", json={"mfa_required_for_admins": True})
    assert turned_on.status_code == 200, turned_on.text
    assert turned_on.json()["mfa_required_for_admins"] is True
    changes = await fetch("SELECT payload FROM audit_log WHERE action = 'org.updated'")
    assert "mfa_required_for_admins" in str(changes[0]["payload"])

    # The owner's own session is limited at once, until they enrol.
    assert_error(await owner.get("/api/v1/orgs/current"), 403, "auth.mfa_enrolment_required")
    assert_error(await owner.get("/api/v1/users"), 403, "auth.mfa_enrolment_required")
    me = (await owner.get(ME)).json()
    assert me["mfa_enrolment_required"] is True
    assert (await owner.get(MFA)).json()["required"] is True

    # An admin without MFA who logs in gets the same limited session.
    admin = new_client()
    assert (await login(admin, "regie@example.org")).json()["status"] == "session"
    assert_error(await admin.get("/api/v1/projects"), 403, "auth.mfa_enrolment_required")
    assert (await admin.get(ME)).status_code == 200
    # A tech is not concerned.
    tech = new_client()
    await login(tech, "plateau@example.org")
    assert (await tech.get("/api/v1/orgs/current")).status_code == 200
    assert (await tech.get(ME)).json()["mfa_enrolment_required"] is False

    await enrol(owner, clock)
    assert (await owner.get("/api/v1/orgs/current")).status_code == 200
    assert (await owner.get(ME)).json()["mfa_enrolment_required"] is False


async def test_no_secret_or_code_in_logs_audit_or_errors(client, new_client, clock, caplog):
    caplog.set_level(logging.DEBUG)
    owner = await signup(client)
    started = await owner.post(f"{MFA}/enrolment")
    secret = started.json()["secret"]
    bad = await owner.post(f"{MFA}/enrolment/confirm", json={"code": "12345x"})
    assert secret not in bad.text
    confirmed = await owner.post(
        f"{MFA}/enrolment/confirm", json={"code": code(secret, clock.step)}
    )
    codes = confirmed.json()["recovery_codes"]
    clock.tick()
    token = await challenge(new_client(), owner.email)
    wrong = await new_client().post(LOGIN_MFA, json={"challenge": token, "code": "999999"})
    assert secret not in wrong.text
    used = await new_client().post(LOGIN_MFA, json={"challenge": token, "code": codes[0]})
    assert used.status_code == 200, used.text

    audit = await fetch("SELECT action, payload::text AS payload FROM audit_log")
    everything = caplog.text + "\n".join(f"{r['action']} {r['payload']}" for r in audit)
    assert secret not in everything
    assert not [c for c in codes if c in everything or c.replace("-", "") in everything]
    assert token not in everything
