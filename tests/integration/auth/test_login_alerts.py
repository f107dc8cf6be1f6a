"""A sign-in from a new device (browser family + network) emails the account."""

from __future__ import annotations

import asyncpg

from coulisses.auth.devices import browser_of, network_of
from coulisses.db.connection import database_url
from coulisses.settings import get_settings
from tests.conftest import run_jobs
from tests.helpers import PASSWORD

FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
FIREFOX_WINDOWS_NEXT = FIREFOX_WINDOWS.replace("128.0", "131.0")
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"
    " (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
)
SUBJECT = "Coulisses Crew : nouvelle connexion a votre compte"


async def _signup(new_client, ip: str, agent: str) -> str:
    client = new_client(ip)
    email = f"alerts-{ip.replace('.', '-')}@example.org"
    response = await client.post(
        "/api/v1/auth/signup",
        json={"email": email, "password": PASSWORD, "org_name": "Alertes"},
        headers={"User-Agent": agent},
    )
    assert response.status_code == 201, response.text
    return email


async def _login(new_client, ip: str, agent: str, email: str) -> None:
    response = await new_client(ip).post(
        "/api/v1/auth/login",
        json={"email": email, "password": PASSWORD},
        headers={"User-Agent": agent},
    )
    assert response.status_code == 200, response.text


def _alerts(mail_sink, email: str) -> list:
    return [m for m in mail_sink.to(email) if m["Subject"] == SUBJECT]


async def test_a_new_device_is_emailed_and_a_known_one_is_not(new_client, mail_sink):
    email = await _signup(new_client, "10.50.1.7", FIREFOX_WINDOWS)
    # The signup's browser, from its network after an update: known.
    await _login(new_client, "10.50.1.99", FIREFOX_WINDOWS_NEXT, email)
    await run_jobs()
    assert _alerts(mail_sink, email) == []

    # A phone on another network: new, emailed once with what it was.
    await _login(new_client, "10.60.2.3", SAFARI_IPHONE, email)
    await run_jobs()
    [alert] = _alerts(mail_sink, email)
    body = alert.get_content()
    assert "Safari sur iPhone" in body
    assert "10.60.2.0/24" in body
    assert "/login" in body
    # The same phone again: known now.
    await _login(new_client, "10.60.2.40", SAFARI_IPHONE, email)
    await run_jobs()
    assert len(_alerts(mail_sink, email)) == 1

    conn = await asyncpg.connect(database_url())
    try:
        devices = await conn.fetch(
            """SELECT d.browser, d.network FROM login_devices d JOIN accounts a
               ON a.id = d.account WHERE a.username = $1 ORDER BY d.id""",
            email,
        )
        audited = await conn.fetchval(
            "SELECT count(*) FROM audit_log WHERE action = 'auth.new_device'"
        )
    finally:
        await conn.close()
    assert [tuple(d) for d in devices] == [
        ("Firefox sur Windows", "10.50.1.0/24"),
        ("Safari sur iPhone", "10.60.2.0/24"),
    ]
    assert audited == 1


async def test_alerts_can_be_turned_off(new_client, mail_sink, monkeypatch):
    monkeypatch.setattr(get_settings(), "login_alerts", False)
    email = await _signup(new_client, "10.51.1.7", FIREFOX_WINDOWS)
    await _login(new_client, "10.61.2.3", SAFARI_IPHONE, email)
    await run_jobs()
    assert _alerts(mail_sink, email) == []


def test_devices_are_read_without_versions_and_by_network():
    assert browser_of(FIREFOX_WINDOWS) == browser_of(FIREFOX_WINDOWS_NEXT) == "Firefox sur Windows"
    chrome_android = (
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
        " Chrome/131.0.0.0 Mobile Safari/537.36"
    )
    assert browser_of(chrome_android) == "Chrome sur Android"
    edge = (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
        " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
    )
    assert browser_of(edge) == "Edge sur Windows"
    assert browser_of("curl/8.5.0") == "curl"
    assert browser_of("") == "client inconnu"
    assert network_of("203.0.113.77") == "203.0.113.0/24"
    assert network_of("2001:db8:1234:5678::1") == "2001:db8:1234::/48"
    assert network_of("not-an-ip") == "inconnu"
