"""Outgoing email over SMTP (any relay configured by env; aiosmtpd in dev and tests)."""

from __future__ import annotations

from email.message import EmailMessage

import aiosmtplib

from coulisses.observability.tracing import span
from coulisses.settings import get_settings


def build_message(to: str, subject: str, text: str, html: str | None = None) -> EmailMessage:
    settings = get_settings()
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return message


class PermanentFailure(Exception):
    """The relay refused the message for good (5xx): trying again would not help."""


async def send_email(to: str, subject: str, text: str, html: str | None = None) -> None:
    """Send through the configured relay; ``PermanentFailure`` on a 5xx refusal, any other
    exception for what may pass (relay down, timeout, 4xx)."""
    settings = get_settings()
    try:
        with span("smtp.send", **{"server.address": settings.smtp_host}):
            await aiosmtplib.send(
                build_message(to, subject, text, html),
                hostname=settings.smtp_host,
                port=settings.smtp_port,
                username=settings.smtp_user,
                password=settings.smtp_password,
                start_tls=settings.smtp_starttls,
                use_tls=settings.smtp_tls,
                timeout=20,
            )
    except aiosmtplib.SMTPRecipientsRefused as exc:
        if all(r.code >= 500 for r in exc.recipients):
            codes = ", ".join(f"{r.code} {r.message}" for r in exc.recipients)
            raise PermanentFailure(f"recipient refused: {codes}") from exc
        raise
    except aiosmtplib.SMTPResponseException as exc:
        if exc.code >= 500:
            raise PermanentFailure(f"refused: {exc.code} {exc.message}") from exc
        raise
