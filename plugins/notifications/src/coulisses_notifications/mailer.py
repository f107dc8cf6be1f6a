"""Email over SMTP (aiosmtplib): building the message and telling lasting refusals from hiccups."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formataddr, make_msgid, parseaddr

import aiosmtplib

from coulisses_notifications.config import Settings, get_settings


class PermanentFailure(Exception):
    """The relay refused the message for good (5xx): retrying would not help."""


def sender(name: str | None, address: str | None, settings: Settings) -> str:
    """``Name <address>``: the org's sender if set, else the deployment's default From."""
    default_name, default_address = parseaddr(settings.mail_from)
    return formataddr((name or default_name or "Coulisses Crew", address or default_address))


def build(
    *,
    to: str,
    subject: str,
    text: str,
    html: str | None,
    from_: str,
    reply_to: str | None = None,
    unsubscribe_url: str | None = None,
    uid: str | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = from_
    message["To"] = to
    message["Subject"] = subject
    domain = parseaddr(from_)[1].partition("@")[2] or "coulisses.local"
    message["Message-ID"] = make_msgid(idstring=uid, domain=domain)
    if reply_to:
        message["Reply-To"] = reply_to
    if unsubscribe_url:
        # RFC 8058 one-click unsubscribe: mail clients POST to the URL.
        message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if uid:
        message["X-Coulisses-Message"] = uid
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return message


async def send(message: EmailMessage, settings: Settings | None = None) -> None:
    """Send through the configured relay; ``PermanentFailure`` for a 5xx refusal."""
    settings = settings or get_settings()
    try:
        await aiosmtplib.send(
            message,
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_user,
            password=settings.smtp_password,
            start_tls=settings.smtp_starttls,
            use_tls=settings.smtp_tls,
            timeout=settings.smtp_timeout,
        )
    except aiosmtplib.SMTPRecipientsRefused as exc:
        details = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
        if all(r.code >= 500 for r in exc.recipients):
            raise PermanentFailure(f"recipient refused: {details}") from exc
        raise
    except aiosmtplib.SMTPResponseException as exc:
        if exc.code >= 500:
            raise PermanentFailure(f"refused: {exc.code} {exc.message}") from exc
        raise
