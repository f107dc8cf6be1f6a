"""Outgoing email over SMTP (any relay configured by env; aiosmtpd in dev and tests)."""

from __future__ import annotations

from email.message import EmailMessage

import aiosmtplib

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


async def send_email(to: str, subject: str, text: str, html: str | None = None) -> None:
    settings = get_settings()
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
