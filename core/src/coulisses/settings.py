"""Process settings, loaded once from the environment (see .env.example)."""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    env: str = Field(default="dev", alias="COULISSES_ENV")
    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    redis_url: str | None = Field(default=None, alias="REDIS_URL")
    data_dir: Path = Field(default=Path(".coulisses"), alias="COULISSES_DATA_DIR")
    secret_key: str = Field(
        default="dev-insecure-secret-change-me-in-production-please", alias="COULISSES_SECRET_KEY"
    )
    #: Comma-separated keys still accepted for verification (JWTs, encrypted payloads)
    #: after a rotation; ``secret_key`` signs and encrypts.
    old_secret_keys: str = Field(default="", alias="COULISSES_OLD_SECRET_KEYS")
    public_url: str = Field(default="http://127.0.0.1:8000", alias="COULISSES_PUBLIC_URL")
    access_ttl_seconds: int = Field(default=900, alias="COULISSES_ACCESS_TTL")
    refresh_ttl_seconds: int = Field(default=30 * 24 * 3600, alias="COULISSES_REFRESH_TTL")
    reset_ttl_seconds: int = Field(default=3600, alias="COULISSES_RESET_TTL")
    login_max_attempts: int = Field(default=5, alias="COULISSES_LOGIN_MAX_ATTEMPTS")
    login_ip_max_attempts: int = Field(default=20, alias="COULISSES_LOGIN_IP_MAX_ATTEMPTS")
    login_window_seconds: int = Field(default=900, alias="COULISSES_LOGIN_WINDOW")
    # Public invitation answers (no session): per client IP and per invitation.
    invitation_ip_max_attempts: int = Field(default=60, alias="COULISSES_INVITATION_IP_MAX")
    invitation_max_attempts: int = Field(default=10, alias="COULISSES_INVITATION_MAX")
    invitation_window_seconds: int = Field(default=300, alias="COULISSES_INVITATION_WINDOW")
    max_body_bytes: int = Field(default=1_000_000, alias="COULISSES_MAX_BODY_BYTES")
    smtp_host: str = Field(default="127.0.0.1", alias="SMTP_HOST")
    smtp_port: int = Field(default=1025, alias="SMTP_PORT")
    smtp_user: str | None = Field(default=None, alias="SMTP_USER")
    smtp_password: str | None = Field(default=None, alias="SMTP_PASSWORD")
    smtp_starttls: bool = Field(default=False, alias="SMTP_STARTTLS")
    smtp_tls: bool = Field(default=False, alias="SMTP_TLS")
    queue_name: str = Field(default="coulisses", alias="COULISSES_QUEUE_NAME")
    host: str = Field(default="127.0.0.1", alias="COULISSES_HOST")
    port: int = Field(default=8000, alias="COULISSES_PORT")
    mail_from: str = Field(default="Coulisses Crew <no-reply@coulisses.local>", alias="MAIL_FROM")

    @property
    def verification_keys(self) -> list[str]:
        """Every key that may have signed or encrypted something: the current one first."""
        old = [k.strip() for k in self.old_secret_keys.split(",") if k.strip()]
        return [self.secret_key, *old]

    @property
    def smtp_configured(self) -> bool:
        """SMTP_HOST was given (environment or .env) rather than left to its default."""
        return "smtp_host" in self.model_fields_set and bool(self.smtp_host.strip())

    @property
    def is_dev(self) -> bool:
        return self.env in {"dev", "test"}


@functools.cache
def get_settings() -> Settings:
    return Settings()
