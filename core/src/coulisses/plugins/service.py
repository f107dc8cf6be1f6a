"""Per-tenant plugin enablement: read, enable/disable, configure (validated by the plugin)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from coulisses.audit import record_change
from coulisses.auth.passwords import email_error
from coulisses.auth.rbac import ROLE_RANK
from coulisses.db.connection import fetch, transaction
from coulisses.errors import DomainError, NotFound, field_error, pydantic_field_error
from coulisses.plugins.lifecycle import stage_lifecycle
from coulisses.plugins.loader import get_registry
from coulisses_sdk import Plugin, PluginPage
from coulisses_sdk.emails import InvalidEmailError
from coulisses_sdk.plugin import localized


@dataclass
class PluginState:
    name: str
    version: str
    title: str
    description: str
    titles: dict[str, str]
    descriptions: dict[str, str]
    depends_on: list[str]
    enabled: bool
    config: dict[str, Any]
    config_schema: dict[str, Any]


@dataclass
class ManifestEntry:
    plugin: str
    path: str
    label: dict[str, str]
    section: str
    min_role: str
    #: The page's ES module (a ``PluginPage``), with its content hash; None for a link.
    module_url: str | None = None
    #: A ``PluginPage`` that takes the whole width of the screen.
    wide: bool = False


@dataclass
class ManifestWidget:
    plugin: str
    slot: str
    module_url: str


async def manifest(org_id: int, role: str) -> tuple[list[ManifestEntry], list[ManifestWidget]]:
    """Menu entries and shell widgets of the plugins ``org_id`` has enabled that ``role``
    may see.

    Sorted by plugin name, then in the order each plugin registered them.
    """
    enabled = await enabled_names(org_id)
    rank = ROLE_RANK.get(role, -1)
    registry = get_registry()
    menu = registry.menu
    widgets = [
        ManifestWidget(name, w.slot, registry.module_urls[name][w.module])
        for name in sorted(enabled)
        for w in registry.widgets.get(name, [])
        if rank >= ROLE_RANK[w.min_role]
    ]
    entries = [
        ManifestEntry(
            name,
            e.path,
            dict(e.label),
            e.section,
            e.min_role,
            registry.module_urls.get(name, {}).get(e.module) if isinstance(e, PluginPage) else None,
            isinstance(e, PluginPage) and e.wide,
        )
        for name in sorted(enabled)
        for e in menu.get(name, [])
        if rank >= ROLE_RANK[e.min_role]
    ]
    return entries, widgets


async def enabled_names(org_id: int) -> set[str]:
    rows = await fetch("SELECT plugin FROM org_plugins WHERE org = $1 AND enabled", org_id)
    installed = get_registry().plugins
    return {r["plugin"] for r in rows if r["plugin"] in installed}


async def is_enabled(org_id: int, plugin: str) -> bool:
    rows = await fetch(
        "SELECT 1 FROM org_plugins WHERE org = $1 AND plugin = $2 AND enabled", org_id, plugin
    )
    return bool(rows) and plugin in get_registry().plugins


async def orgs_enabling(plugin: str) -> list[int]:
    rows = await fetch("SELECT org FROM org_plugins WHERE plugin = $1 AND enabled", plugin)
    return [r["org"] for r in rows]


def _english(text: str | Mapping[str, str]) -> str:
    """The API's plain-text field: English when given, else the French fallback."""
    texts = localized(text)
    return texts.get("en") or texts.get("fr", "")


def _default_config(name: str) -> dict[str, Any]:
    plugin = get_registry().plugins[name]
    try:
        return plugin.config_model().model_dump(mode="json")
    except ValidationError:
        return {}


async def list_states(org_id: int) -> list[PluginState]:
    rows = await fetch("SELECT plugin, enabled, config FROM org_plugins WHERE org = $1", org_id)
    stored = {r["plugin"]: r for r in rows}
    states = []
    for name, plugin in sorted(get_registry().plugins.items()):
        row = stored.get(name)
        config = json.loads(row["config"]) if row else _default_config(name)
        states.append(
            PluginState(
                name=name,
                version=plugin.version,
                title=_english(plugin.title) or name,
                description=_english(plugin.description),
                titles=localized(plugin.title) or {"fr": name},
                descriptions=localized(plugin.description),
                depends_on=list(plugin.depends_on),
                enabled=bool(row and row["enabled"]),
                config=config,
                config_schema=plugin.config_model.model_json_schema(),
            )
        )
    return states


async def get_state(org_id: int, name: str) -> PluginState:
    for state in await list_states(org_id):
        if state.name == name:
            return state
    raise NotFound("plugin.not_found", f"No installed plugin named {name}")


async def get_config(org_id: int, name: str) -> dict[str, Any]:
    """The config ``org_id`` saved for ``name``, else the plugin's defaults (enabled or not)."""
    if name not in get_registry().plugins:
        raise NotFound("plugin.not_found", f"No installed plugin named {name}")
    rows = await fetch(
        "SELECT config FROM org_plugins WHERE org = $1 AND plugin = $2", org_id, name
    )
    if rows:
        config: dict[str, Any] = json.loads(rows[0]["config"])
        return config
    return _default_config(name)


def _validate_config(plugin: Plugin, config: dict[str, Any]) -> dict[str, Any]:
    try:
        validated: dict[str, Any] = plugin.config_model.model_validate(config).model_dump(
            mode="json"
        )
    except ValidationError as exc:
        details = [
            field_error(
                {"field": ".".join(str(p) for p in err["loc"]), "message": err["msg"]},
                *pydantic_field_error(err),
            )
            for err in exc.errors()
        ]
        for err in exc.errors():
            # An ``coulisses_sdk.EmailAddress`` field: the platform's one email error.
            cause = err.get("ctx", {}).get("error")
            if isinstance(cause, InvalidEmailError):
                field = ".".join(str(p) for p in err["loc"])
                raise email_error(InvalidEmailError(field, cause.reason)) from exc
        raise DomainError(
            "plugin.invalid_config", f"Invalid config for plugin {plugin.name}", details, status=422
        ) from exc
    return validated


async def update(
    org_id: int,
    actor: int,
    name: str,
    *,
    enabled: bool | None = None,
    config: dict[str, Any] | None = None,
) -> PluginState:
    """Enable, disable or configure ``name`` for ``org_id`` in one transaction.

    Disabling keeps the plugin's data and config; dependencies must be enabled
    first and disabled last (``plugin.dependency_disabled`` / ``plugin.has_dependents``).
    """
    registry = get_registry()
    plugin = registry.plugins.get(name)
    if plugin is None:
        raise NotFound("plugin.not_found", f"No installed plugin named {name}")
    new_config = _validate_config(plugin, config) if config is not None else None
    async with transaction():
        # Serialise plugin changes of one org, so two requests cannot enable a
        # plugin and disable its dependency at the same time.
        await fetch("SELECT id FROM orgs WHERE id = $1 FOR UPDATE", org_id)
        current = await get_state(org_id, name)
        on = await enabled_names(org_id)
        new_enabled = current.enabled if enabled is None else enabled
        if new_enabled and not current.enabled:
            missing = [dep for dep in plugin.depends_on if dep not in on]
            if missing:
                raise DomainError(
                    "plugin.dependency_disabled",
                    f"Enable {', '.join(missing)} before {name}",
                    {"missing": missing},
                    status=409,
                )
        if current.enabled and not new_enabled:
            dependents = sorted(
                other.name
                for other in registry.plugins.values()
                if name in other.depends_on and other.name in on
            )
            if dependents:
                raise DomainError(
                    "plugin.has_dependents",
                    f"Disable {', '.join(dependents)} before {name}",
                    {"dependents": dependents},
                    status=409,
                )
        await fetch(
            """INSERT INTO org_plugins (org, plugin, enabled, config, updated_at)
               VALUES ($1, $2, $3, $4::jsonb, $5)
               ON CONFLICT (org, plugin)
               DO UPDATE SET enabled = EXCLUDED.enabled, config = EXCLUDED.config,
                             updated_at = EXCLUDED.updated_at""",
            org_id,
            name,
            new_enabled,
            json.dumps(current.config if new_config is None else new_config),
            dt.datetime.now(dt.UTC),
        )
        await record_change(
            org_id,
            actor,
            "plugin.updated",
            name,
            {"enabled": current.enabled, "config": current.config},
            {
                "enabled": new_enabled,
                "config": current.config if new_config is None else new_config,
            },
        )
        await stage_lifecycle(
            org_id,
            name,
            was_enabled=current.enabled,
            enabled=new_enabled,
            old_config=current.config,
            new_config=current.config if new_config is None else new_config,
        )
    return await get_state(org_id, name)
