"""Email telling an account it was added to an org (with a password setup link if new)."""

from __future__ import annotations

from coulisses.auth.reset_mail import reset_link
from coulisses.jobs.queue import get_runtime
from coulisses.settings import get_settings


async def deliver_member_invite(
    email: str, org_name: str, role: str, setup_token: str | None
) -> None:
    lines = [f"Bonjour,\n\nVous avez ete ajoute a l'organisation {org_name} (role : {role})."]
    if setup_token:
        lines.append(
            "Choisissez votre mot de passe avec ce lien (valable 7 jours) :\n"
            + reset_link(setup_token)
        )
    else:
        lines.append(f"Connectez-vous sur {get_settings().public_url}.")
    await get_runtime().enqueue(
        "core.send_email",
        to=email,
        subject=f"Coulisses Crew : invitation dans {org_name}",
        text="\n\n".join(lines) + "\n",
    )
