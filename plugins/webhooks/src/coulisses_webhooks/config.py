"""Settings of the webhooks plugin: per org (the plugin config) and per deployment (env).

``WebhooksConfig`` is what an org admin sets in Org settings -> Plugins. ``Settings``
is read once from the environment (``WEBHOOKS_*``, then ``COULISSES_ENV``): attempts,
delays, timeout, and whether plain-http loopback URLs are allowed (dev and test only).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from coulisses_sdk import plugin_config, setting

NAME = "webhooks"


class WebhooksConfig(BaseModel):
    """Per-org settings (every field has a default)."""

    model_config = ConfigDict(extra="forbid")

    disable_after_failures: int = setting(
        20,
        label={
            "fr": "D\u00e9sactiver apr\u00e8s N \u00e9checs",
            "en": "Disable after N failures",
        },
        help={
            "fr": "Un point de terminaison est d\u00e9sactiv\u00e9 apr\u00e8s ce nombre "
            "d'essais \u00e9chou\u00e9s de suite (les admins sont pr\u00e9venus).",
            "en": "An endpoint is disabled after this many failed attempts in a row "
            "(admins are told).",
        },
        ge=1,
        le=1000,
    )


async def load_config(org_id: int) -> WebhooksConfig:
    return WebhooksConfig.model_validate(await plugin_config(org_id, NAME))


def _dotenv(path: Path) -> dict[str, str]:
    """``KEY=value`` lines of a ``.env`` file (the core reads the same file)."""
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


class Settings(BaseModel):
    """Deployment settings (see docs/webhooks.md)."""

    #: Attempts of one delivery in all (the first one included).
    attempts: int = Field(default=10, ge=1, le=100)
    #: Seconds before the first retry; doubles at each failure, up to ``retry_max_delay``.
    retry_delay: float = Field(default=30.0, gt=0)
    retry_max_delay: float = Field(default=6 * 3600.0, gt=0)
    #: Seconds of one HTTP request.
    timeout: float = Field(default=10.0, gt=0, le=60)
    #: Plain http to a loopback address (127.0.0.1, ::1, localhost): dev and test only.
    allow_http_loopback: bool = False
    user_agent: str = "Coulisses-Webhooks/0.1"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        if env is None:
            env = {**_dotenv(Path(".env")), **os.environ}
        values: dict[str, Any] = {}
        for field, var in (
            ("attempts", "WEBHOOKS_ATTEMPTS"),
            ("retry_delay", "WEBHOOKS_RETRY_DELAY"),
            ("retry_max_delay", "WEBHOOKS_RETRY_MAX_DELAY"),
            ("timeout", "WEBHOOKS_TIMEOUT"),
        ):
            if env.get(var):
                values[field] = env[var]
        # The core's default environment is dev; production sets COULISSES_ENV=prod.
        values["allow_http_loopback"] = env.get("COULISSES_ENV", "dev") in {"dev", "test"}
        return cls.model_validate(values)


_settings: Settings | None = None


def get_settings() -> Settings:
    global _settings
    if _settings is None:
        _settings = Settings.from_env()
    return _settings


@contextlib.contextmanager
def override_settings(**changes: Any) -> Iterator[Settings]:
    """Tests: replace some settings for the duration of a block."""
    global _settings
    previous = get_settings()
    _settings = previous.model_copy(update=changes)
    try:
        yield _settings
    finally:
        _settings = previous
