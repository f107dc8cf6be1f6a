"""Login rate limits, per account and per client IP (Redis or in-memory limiter)."""

from __future__ import annotations

import asyncio

from coulisses.settings import get_settings
from tests.integration.auth.support import assert_error, login, signup

WRONG = "Wrong-password-1"


async def test_account_is_locked_after_max_failures_even_with_the_right_password(
    client, new_client
):
    owner = await signup(client)
    attacker = new_client(ip="10.20.0.1")
    for _ in range(get_settings().login_max_attempts):
        assert_error(await login(attacker, owner.email, WRONG), 401, "auth.invalid_credentials")
    victim = new_client(ip="10.20.0.2")  # the lock is on the account, whatever the address
    response = await login(victim, owner.email)
    assert_error(response, 429, "auth.rate_limited")
    assert "cc_access" not in response.cookies


async def test_failures_below_the_limit_still_let_the_right_password_in(client, new_client):
    owner = await signup(client)
    browser = new_client()
    for _ in range(get_settings().login_max_attempts - 1):
        assert_error(await login(browser, owner.email, WRONG), 401, "auth.invalid_credentials")
    assert (await login(browser, owner.email)).status_code == 200


async def test_a_successful_login_resets_the_accounts_failure_count(client, new_client):
    owner = await signup(client)
    browser = new_client()
    for _ in range(2):
        for _ in range(get_settings().login_max_attempts - 1):
            assert (await login(browser, owner.email, WRONG)).status_code == 401
        assert (await login(browser, owner.email)).status_code == 200


async def test_email_variants_share_one_account_limit(client, new_client):
    owner = await signup(client)
    browser = new_client()
    variants = [owner.email, owner.email.upper(), f" {owner.email} ", owner.email.title()]
    for i in range(get_settings().login_max_attempts):
        await login(browser, variants[i % len(variants)], WRONG)
    assert_error(await login(browser, owner.email), 429, "auth.rate_limited")


async def test_the_account_limit_does_not_lock_other_accounts(client, new_client):
    locked = await signup(client)
    other = await signup(new_client())
    for i in range(get_settings().login_max_attempts):
        await login(new_client(ip=f"10.30.0.{i + 1}"), locked.email, WRONG)
    assert_error(await login(new_client(), locked.email), 429, "auth.rate_limited")
    assert (await login(new_client(), other.email)).status_code == 200


async def test_parallel_wrong_guesses_cannot_exceed_the_account_limit(client, new_client):
    owner = await signup(client)
    limit = get_settings().login_max_attempts
    clients = [new_client(ip=f"10.40.0.{i + 1}") for i in range(limit * 3)]
    responses = await asyncio.gather(*(login(c, owner.email, WRONG) for c in clients))
    codes = sorted(r.json()["error"]["code"] for r in responses)
    assert codes.count("auth.invalid_credentials") == limit
    assert codes.count("auth.rate_limited") == limit * 2


async def test_one_client_ip_is_limited_across_many_emails(client, new_client):
    owner = await signup(client)
    sprayer = new_client(ip="10.50.0.1")
    for i in range(get_settings().login_ip_max_attempts):
        response = await login(sprayer, f"user{i}@example.org", WRONG)
        assert_error(response, 401, "auth.invalid_credentials")
    # Even a real account with its right password is refused from that address...
    assert_error(await login(sprayer, owner.email), 429, "auth.rate_limited")
    # ...while the same account logs in from anywhere else.
    assert (await login(new_client(ip="10.50.0.2"), owner.email)).status_code == 200


async def test_successful_logins_do_not_count_against_the_client_ip(client, new_client):
    owner = await signup(client)
    office = new_client(ip="10.60.0.1")  # many colleagues behind one NAT address
    for _ in range(get_settings().login_ip_max_attempts + 2):
        assert (await login(office, owner.email)).status_code == 200


async def test_rate_limited_login_is_a_429_in_the_error_shape(client, new_client):
    owner = await signup(client)
    browser = new_client()
    for _ in range(get_settings().login_max_attempts):
        await login(browser, owner.email, WRONG)
    error = assert_error(await login(browser, owner.email, WRONG), 429, "auth.rate_limited")
    assert "details" not in error
