"""Bodies of /api/v1/orgs/current/plugins."""

from __future__ import annotations

from typing import Any

import msgspec

from coulisses.auth.schemas import Strict


class PluginOut(msgspec.Struct):
    name: str
    version: str
    title: str
    description: str
    depends_on: list[str]
    enabled: bool
    config: dict[str, Any]
    config_schema: dict[str, Any]


class PluginUpdate(Strict):
    enabled: bool | None = None
    config: dict[str, Any] | None = None
