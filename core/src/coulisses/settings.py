"""Process settings, loaded once from the environment (see .env.example)."""

from __future__ import annotations

import functools
import itertools
import math
import os
import secrets
from collections import Counter
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: Values that were published (code, docs, examples): never a valid key outside dev.
PUBLISHED_KEYS = frozenset(
    {
        "dev-insecure-secret-change-me-in-production-please",
        "change-me-to-a-long-random-secret-of-32-bytes-or-more",
    }
)
_PLACEHOLDER_WORDS = ("change-me", "changeme", "insecure", "example", "placeholder")
MIN_KEY_BYTES = 32
#: Estimated bits of entropy a key must at least show (32 random bytes carry 256).
MIN_KEY_BITS = 128
DEV_KEY_FILE = "secret_key"
GENERATE_HINT = 'python -c "import secrets; print(secrets.token_urlsafe(48))"'


class InsecureSecretKeyError(RuntimeError):
    """Outside dev, a missing, short, published or low-entropy secret key."""


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot sign anything outside dev, or None when it looks random enough.

    A heuristic, not a proof: it refuses short keys, published values, placeholders
    and strings whose characters are too repetitive or too predictable.
    """
    if not key:
        return "it is empty"
    if key in PUBLISHED_KEYS or any(word in key.lower() for word in _PLACEHOLDER_WORDS):
        return "it is a published example value"
    if len(key.encode()) < MIN_KEY_BYTES:
        return f"it is shorter than {MIN_KEY_BYTES} bytes"
    counts = Counter(key)
    per_char = -sum(n / len(key) * math.log2(n / len(key)) for n in counts.values())
    steps = [ord(b) - ord(a) for a, b in itertools.pairwise(key)]
    predictable = sum(1 for d in steps if d in (-1, 0, 1)) / len(steps)
    if len(counts) < 12 or per_char * len(key) < MIN_KEY_BITS or predictable > 0.5:
        return "it looks too regular to be random (low entropy)"
    return None


def load_or_create_dev_key(data_dir: Path) -> str:
    """The dev key kept in the data folder (mode 600), created on first use."""
    path = data_dir / DEV_KEY_FILE
    try:
        key = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        key = ""
    if key:
        return key
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process (app, worker) created it first: use theirs
        return path.read_text(encoding="ascii").strip() or key
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    env: str = Field(default="dev", alias="COULISSES_ENV")
    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    #: A read replica (streaming replication) for the planning's and the reports' reads
    #: (``replica_reads``, ``replica_snapshot``); empty: none.
    database_read_url: str = Field(default="", alias="DATABASE_READ_URL")
    redis_url: str | None = Field(default=None, alias="REDIS_URL")
    data_dir: Path = Field(default=Path(".coulisses"), alias="COULISSES_DATA_DIR")
    #: Signs (and encrypts) everything. Outside dev it must be set and look random
    #: (see :meth:`check_secret_keys`); in dev, when unset, a random key is generated
    #: once and kept in ``data_dir``. Never a published default.
    secret_key: str = Field(default="", alias="COULISSES_SECRET_KEY")
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
    # Public invitation answers (no session), see docs/scheduling.md: wrong tokens per
    # client IP (strict), valid answers per invitation and, far higher, per client IP.
    invitation_bad_token_max: int = Field(default=20, alias="COULISSES_INVITATION_BAD_TOKEN_MAX")
    invitation_ip_max_attempts: int = Field(default=600, alias="COULISSES_INVITATION_IP_MAX")
    invitation_max_attempts: int = Field(default=10, alias="COULISSES_INVITATION_MAX")
    invitation_window_seconds: int = Field(default=300, alias="COULISSES_INVITATION_WINDOW")
    # Requests per org API key in a fixed window (docs/api.md, "Cles d'API").
    api_key_max_requests: int = Field(default=600, ge=1, alias="COULISSES_API_KEY_MAX_REQUESTS")
    api_key_window_seconds: int = Field(default=60, ge=1, alias="COULISSES_API_KEY_WINDOW")
    max_body_bytes: int = Field(default=1_000_000, alias="COULISSES_MAX_BODY_BYTES")
    # Encoded planning responses kept per process, in MB (0: none); see planning/cache.py.
    planning_cache_mb: int = Field(default=64, ge=0, le=4096, alias="COULISSES_PLANNING_CACHE_MB")
    smtp_host: str = Field(default="127.0.0.1", alias="SMTP_HOST")
    smtp_port: int = Field(default=1025, alias="SMTP_PORT")
    smtp_user: str | None = Field(default=None, alias="SMTP_USER")
    smtp_password: str | None = Field(default=None, alias="SMTP_PASSWORD")
    smtp_starttls: bool = Field(default=False, alias="SMTP_STARTTLS")
    smtp_tls: bool = Field(default=False, alias="SMTP_TLS")
    #: Attempts to deliver an invitation link by the core's email, and the first delay
    #: between attempts (doubled each time, at most 10 minutes).
    delivery_attempts: int = Field(default=5, ge=1, le=20, alias="COULISSES_DELIVERY_ATTEMPTS")
    delivery_retry_delay: float = Field(
        default=30.0, ge=0, le=3600, alias="COULISSES_DELIVERY_RETRY_DELAY"
    )
    #: Domain events handed to plugins: attempts before a delivery is dead-lettered, the
    #: first delay between attempts (doubled each time, at most an hour) and how long one
    #: handler may run (seconds).
    event_attempts: int = Field(default=8, ge=1, le=30, alias="COULISSES_EVENT_ATTEMPTS")
    event_retry_delay: float = Field(
        default=10.0, ge=0, le=3600, alias="COULISSES_EVENT_RETRY_DELAY"
    )
    event_handler_timeout: float = Field(
        default=30.0, gt=0, le=3600, alias="COULISSES_EVENT_HANDLER_TIMEOUT"
    )
    queue_name: str = Field(default="coulisses", alias="COULISSES_QUEUE_NAME")
    host: str = Field(default="127.0.0.1", alias="COULISSES_HOST")
    port: int = Field(default=8000, alias="COULISSES_PORT")
    # Failing fast when a backing service hangs (seconds; see docs/pannes.md).
    db_connect_timeout: float = Field(default=5.0, gt=0, alias="COULISSES_DB_CONNECT_TIMEOUT")
    db_acquire_timeout: float = Field(default=5.0, gt=0, alias="COULISSES_DB_ACQUIRE_TIMEOUT")
    db_statement_timeout: float = Field(default=10.0, gt=0, alias="COULISSES_DB_STATEMENT_TIMEOUT")
    redis_timeout: float = Field(default=2.0, gt=0, alias="COULISSES_REDIS_TIMEOUT")
    mail_from: str = Field(default="Coulisses Crew <no-reply@coulisses.local>", alias="MAIL_FROM")
    #: /metrics outside dev: a scraper sending this Bearer token, or one of these networks.
    metrics_token: str = Field(default="", alias="COULISSES_METRICS_TOKEN")
    metrics_allow: str = Field(default="127.0.0.1/32,::1/128", alias="COULISSES_METRICS_ALLOW")
    #: A running job is touched every third of this (seconds); one left untouched longer
    #: (its worker died) is run again by another worker (coulisses.jobs.queue.job_options).
    job_heartbeat: int = Field(default=30, ge=2, le=3600, alias="COULISSES_JOB_HEARTBEAT")
    #: ``coulisses worker`` serves its own /metrics on this port (0: not served).
    worker_metrics_port: int = Field(
        default=0, ge=0, le=65535, alias="COULISSES_WORKER_METRICS_PORT"
    )
    worker_metrics_host: str = Field(default="0.0.0.0", alias="COULISSES_WORKER_METRICS_HOST")  # noqa: S104
    #: Email an account when it signs in from a new device (coulisses.auth.devices).
    login_alerts: bool = Field(default=True, alias="COULISSES_LOGIN_ALERTS")
    #: ``json`` (one object per line) or ``text``; empty: text in dev, json elsewhere.
    log_format: Literal["", "json", "text"] = Field(default="", alias="COULISSES_LOG_FORMAT")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", alias="COULISSES_LOG_LEVEL"
    )

    @field_validator("metrics_allow")
    @classmethod
    def _networks(cls, value: str) -> str:
        import ipaddress

        for part in value.split(","):
            if part.strip():
                ipaddress.ip_network(part.strip(), strict=False)  # ValueError names it
        return value

    @model_validator(mode="after")
    def _dev_key(self) -> Settings:
        self.secret_key = self.secret_key.strip()
        if not self.secret_key and self.is_dev:
            self.secret_key = load_or_create_dev_key(self.data_dir)
        return self

    def check_secret_keys(self) -> None:
        """Outside dev, raise :class:`InsecureSecretKeyError` unless every key looks random."""
        if self.is_dev:
            return
        named = [("COULISSES_SECRET_KEY", self.secret_key)]
        named += [("COULISSES_OLD_SECRET_KEYS", k) for k in self.verification_keys[1:]]
        for variable, key in named:
            problem = key_problem(key)
            if problem is not None:
                raise InsecureSecretKeyError(
                    f"{variable} is not a usable secret key outside dev ({problem}): set it to "
                    f"at least {MIN_KEY_BYTES} random bytes, e.g. the output of {GENERATE_HINT}"
                )

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
