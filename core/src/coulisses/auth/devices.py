"""Login alerts: a sign-in from a new device tells the account by email.

No GeoIP: a device is the browser family and system read from the User-Agent (no
version numbers, which change with every update) together with the client's network
(its /24 for IPv4, /48 for IPv6, so a phone moving between addresses of one provider
stays known). The first device of an account (its signup, or its first login) is
recorded silently; any later sign-in from another (family, network) pair is recorded
and emailed to the account, with the time, the browser and the network, and what to do
if it was not them. ``COULISSES_LOGIN_ALERTS=false`` turns the emails off (devices are
still recorded). Audited as ``auth.new_device``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import re

from coulisses.audit.entries import record
from coulisses.db.connection import fetch
from coulisses.jobs.queue import get_runtime
from coulisses.settings import get_settings

_BROWSERS = (
    ("Edge", re.compile(r"\bEdg(?:e|A|iOS)?/")),
    ("Opera", re.compile(r"\bOPR/")),
    ("Firefox", re.compile(r"\b(?:Firefox|FxiOS)/")),
    ("Chrome", re.compile(r"\b(?:Chrome|CriOS|Chromium)/")),
    ("Safari", re.compile(r"\bSafari/")),
)
_SYSTEMS = (
    ("iPhone", re.compile(r"iPhone")),
    ("iPad", re.compile(r"iPad")),
    ("Android", re.compile(r"Android")),
    ("Windows", re.compile(r"Windows")),
    ("macOS", re.compile(r"Mac OS X|Macintosh")),
    ("ChromeOS", re.compile(r"CrOS")),
    ("Linux", re.compile(r"Linux")),
)


def browser_of(user_agent: str) -> str:
    """``Firefox sur Windows``; an unknown agent by its first word, without versions."""
    browser = next((name for name, pattern in _BROWSERS if pattern.search(user_agent)), None)
    system = next((name for name, pattern in _SYSTEMS if pattern.search(user_agent)), None)
    if browser or system:
        return f"{browser or 'navigateur'} sur {system or 'systeme inconnu'}"
    first = re.sub(r"[/\d._;()]+.*$", "", user_agent.strip())[:60]
    return first or "client inconnu"


def network_of(ip: str) -> str:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return "inconnu"
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


async def note_device(account_id: int, ip: str, user_agent: str, *, alert: bool = True) -> bool:
    """Record the device of a sign-in (in the caller's transaction); True when it is new
    for an account that had others (the alert was queued when ``alert``)."""
    browser, network = browser_of(user_agent), network_of(ip)
    fingerprint = hashlib.sha256(f"{browser}|{network}".encode()).hexdigest()
    rows = await fetch(
        """WITH seen AS (SELECT count(*) AS n FROM login_devices WHERE account = $1)
           INSERT INTO login_devices (account, fingerprint, browser, network)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (account, fingerprint) DO UPDATE SET last_seen = now()
           RETURNING (xmax = 0) AS inserted, (SELECT n FROM seen) AS before""",
        account_id,
        fingerprint,
        browser[:100],
        network,
    )
    new = bool(rows[0]["inserted"]) and int(rows[0]["before"]) > 0
    if not new:
        return False
    await record(None, account_id, "auth.new_device", f"account:{account_id}",
                 {"browser": browser, "network": network})  # fmt: skip
    if alert and get_settings().login_alerts:
        accounts = await fetch("SELECT email FROM accounts WHERE id = $1", account_id)
        when = dt.datetime.now(dt.UTC).strftime("%d/%m/%Y %H:%M UTC")
        text = (
            "Bonjour,\n\nUne connexion a votre compte Coulisses Crew vient d'avoir lieu depuis"
            " un appareil que nous ne connaissions pas :\n\n"
            f"  Date : {when}\n  Appareil : {browser}\n  Reseau : {network}\n\n"
            "Si c'etait vous, il n'y a rien a faire.\n"
            "Sinon, changez tout de suite votre mot de passe (page de connexion, "
            f'"Mot de passe oublie") : {get_settings().public_url}/login\n'
        )
        await get_runtime().enqueue(
            "core.send_email",
            to=accounts[0]["email"],
            subject="Coulisses Crew : nouvelle connexion a votre compte",
            text=text,
        )
    return True
