"""Settings of the notifications plugin: per org (the plugin config) and per deployment (env).

``NotificationsConfig`` is the plugin's ``config_model``: what an org admin
sets in Org settings -> Plugins (sender, reminders, limits). ``Settings`` is
read once from the environment: SMTP relay, Telegram bot, retries. Secrets
live only in the environment, never in an org's config.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from coulisses_sdk import EmailAddress, TimeOfDay, setting


def texts(key: str) -> dict[str, str]:
    """``key`` of the plugin's catalogs in every locale (labels of the settings form)."""
    from coulisses_notifications.i18n import LOCALES, catalog

    return {locale: catalog(locale)[key] for locale in LOCALES}


def _setting(name: str, default: Any, *, helped: bool = True, **kwargs: Any) -> Any:
    help_texts = texts(f"config.{name}.help") if helped else None
    return setting(default, label=texts(f"config.{name}.label"), help=help_texts, **kwargs)


class NotificationsConfig(BaseModel):
    """Per-org settings (validated when saved; every field has a default).

    Labels and help texts of the settings form come from the plugin's catalogs
    (``locales/<lang>.json``, keys ``config.<field>.label`` / ``.help``).
    """

    model_config = ConfigDict(extra="forbid")

    sender_name: str | None = _setting("sender_name", None, max_length=100)
    sender_email: EmailAddress | None = _setting("sender_email", None, max_length=254)
    reply_to: EmailAddress | None = _setting("reply_to", None, max_length=254)
    quiet_start: TimeOfDay = _setting("quiet_start", "22:00")
    quiet_end: TimeOfDay = _setting("quiet_end", "08:00")
    email_enabled: bool = _setting("email_enabled", True, helped=False)
    telegram_enabled: bool = _setting("telegram_enabled", True, helped=False)
    reminder_before_expiry_hours: int = _setting(
        "reminder_before_expiry_hours", 48, ge=0, le=24 * 14
    )
    reminder_before_mission_hours: int = _setting(
        "reminder_before_mission_hours", 24, ge=0, le=24 * 14
    )
    urgent_margin_hours: int = _setting("urgent_margin_hours", 2, ge=0, le=48)
    invitations_per_org_per_hour: int = _setting(
        "invitations_per_org_per_hour", 1000, ge=1, le=100_000
    )
    invitations_per_recipient_per_day: int = _setting(
        "invitations_per_recipient_per_day", 20, ge=1, le=1000
    )


def _env(env: Mapping[str, str], name: str, fallback: str | None = None) -> str | None:
    value = env.get(f"NOTIFICATIONS_{name}")
    if value not in (None, ""):
        return value
    if fallback is not None:
        value = env.get(fallback)
        if value not in (None, ""):
            return value
    return None


def _dotenv(path: Path) -> dict[str, str]:
    """``KEY=value`` lines of a ``.env`` file (the core reads the same file for its settings)."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        values[key.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return values


def _bool(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Settings(BaseModel):
    """Deployment settings, from ``NOTIFICATIONS_*`` variables (see .env.example)."""

    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_tls: bool = False
    smtp_timeout: float = 20.0
    mail_from: str = "Coulisses Crew <no-reply@coulisses.local>"
    public_url: str = "http://127.0.0.1:8000"
    #: Attempts in all for one message, and the first retry delay (doubling up to the max).
    send_attempts: int = 5
    retry_delay: float = 30.0
    retry_max_delay: float = 3600.0
    telegram_bot_token: str | None = None
    telegram_api_url: str = "https://api.telegram.org"
    telegram_bot_username: str | None = None
    telegram_webhook_secret: str | None = None
    telegram_timeout: float = 15.0
    #: How long a Telegram link code stays valid, in hours.
    telegram_code_ttl_hours: int = 14 * 24

    @property
    def telegram_configured(self) -> bool:
        return bool(self.telegram_bot_token)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """From ``env`` (default: a ``.env`` file in the working directory, then the
        environment, which wins)."""
        if env is None:
            env = {**_dotenv(Path(".env")), **os.environ}
        values: dict[str, Any] = {
            "smtp_host": _env(env, "SMTP_HOST", "SMTP_HOST"),
            "smtp_port": _env(env, "SMTP_PORT", "SMTP_PORT"),
            "smtp_user": _env(env, "SMTP_USER", "SMTP_USER"),
            "smtp_password": _env(env, "SMTP_PASSWORD", "SMTP_PASSWORD"),
            "smtp_timeout": _env(env, "SMTP_TIMEOUT"),
            "mail_from": _env(env, "MAIL_FROM", "MAIL_FROM"),
            "public_url": _env(env, "PUBLIC_URL", "COULISSES_PUBLIC_URL"),
            "send_attempts": _env(env, "SEND_ATTEMPTS"),
            "retry_delay": _env(env, "RETRY_DELAY"),
            "retry_max_delay": _env(env, "RETRY_MAX_DELAY"),
            "telegram_bot_token": _env(env, "TELEGRAM_BOT_TOKEN"),
            "telegram_api_url": _env(env, "TELEGRAM_API_URL"),
            "telegram_bot_username": _env(env, "TELEGRAM_BOT_USERNAME"),
            "telegram_webhook_secret": _env(env, "TELEGRAM_WEBHOOK_SECRET"),
            "telegram_timeout": _env(env, "TELEGRAM_TIMEOUT"),
            "telegram_code_ttl_hours": _env(env, "TELEGRAM_CODE_TTL_HOURS"),
        }
        settings = cls.model_validate({k: v for k, v in values.items() if v is not None})
        return settings.model_copy(
            update={
                "smtp_starttls": _bool(_env(env, "SMTP_STARTTLS", "SMTP_STARTTLS"), False),
                "smtp_tls": _bool(_env(env, "SMTP_TLS", "SMTP_TLS"), False),
                "public_url": settings.public_url.rstrip("/"),
                "telegram_api_url": settings.telegram_api_url.rstrip("/"),
            }
        )


_settings: Settings | None = None


def get_settings() -> Settings:
    global _settings
    if _settings is None:
        _settings = Settings.from_env()
    return _settings


@contextlib.contextmanager
def override_settings(**changes: Any) -> Iterator[Settings]:
    """Tests: replace some settings for the duration of the block."""
    global _settings
    previous = get_settings()
    _settings = previous.model_copy(update=changes)
    try:
        yield _settings
    finally:
        _settings = previous
