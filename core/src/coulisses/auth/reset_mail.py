"""Delivery of the password reset link: queued as an email job (never sent inline).

When one of the account's orgs enabled a plugin that delivers password resets
(hook ``deliver_password_reset``), that plugin takes it in charge; otherwise
the core emails the link itself.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from coulisses.jobs.queue import get_runtime
from coulisses.settings import get_settings


def reset_link(token: str) -> str:
    return f"{get_settings().public_url}/reset-password?token={quote(token)}"


async def _through_plugins(email: str, link: str) -> bool:
    from coulisses.db.connection import fetch
    from coulisses.plugins.relay import deliver
    from coulisses_sdk import PasswordResetDelivery

    rows = await fetch(
        """SELECT a.id AS account_id, o.id AS org_id, o.locale
           FROM accounts a JOIN org_memberships m ON m.account = a.id
           JOIN orgs o ON o.id = m.org
           WHERE a.username = $1 AND a.active ORDER BY o.id""",
        email,
    )
    if not rows:
        return False
    locales = {r["org_id"]: r["locale"] for r in rows}
    expires_at = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=get_settings().reset_ttl_seconds)

    def make(org_id: int) -> PasswordResetDelivery:
        return PasswordResetDelivery(
            org_id=org_id,
            account_id=rows[0]["account_id"],
            email=email,
            locale=locales[org_id],
            reset_url=link,
            expires_at=expires_at,
        )

    return await deliver("deliver_password_reset", make, list(locales))


async def deliver_reset(email: str, token: str) -> None:
    link = reset_link(token)
    if await _through_plugins(email, link):
        return
    text = (
        "Bonjour,\n\nPour choisir un nouveau mot de passe Coulisses Crew, ouvrez ce lien "
        f"(valable une heure, une seule fois) :\n{link}\n\n"
        "Si vous n'avez rien demande, ignorez ce message.\n"
    )
    await get_runtime().enqueue(
        "core.send_email", to=email, subject="Coulisses Crew : nouveau mot de passe", text=text
    )
