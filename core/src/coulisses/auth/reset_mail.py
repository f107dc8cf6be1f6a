"""Delivery of the password reset link: queued as an email job (never sent inline)."""

from __future__ import annotations

from urllib.parse import quote

from coulisses.jobs.queue import get_runtime
from coulisses.settings import get_settings


def reset_link(token: str) -> str:
    return f"{get_settings().public_url}/reset-password?token={quote(token)}"


async def deliver_reset(email: str, token: str) -> None:
    link = reset_link(token)
    text = (
        "Bonjour,\n\nPour choisir un nouveau mot de passe Coulisses Crew, ouvrez ce lien "
        f"(valable une heure, une seule fois) :\n{link}\n\n"
        "Si vous n'avez rien demande, ignorez ce message.\n"
    )
    await get_runtime().enqueue(
        "core.send_email", to=email, subject="Coulisses Crew : nouveau mot de passe", text=text
    )
