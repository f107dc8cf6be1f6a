"""The ``Plugin`` base class: metadata the host checks before loading a plugin."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class EmptyConfig(BaseModel):
    """Config model of a plugin that has no settings."""

    model_config = ConfigDict(extra="forbid")


class Plugin:
    """Subclass it, set the metadata, add ``@hookimpl`` methods, expose an instance.

    The instance is what the ``coulisses.plugins`` entry point names::

        [project.entry-points."coulisses.plugins"]
        hello = "coulisses_hello.plugin:plugin"
    """

    #: Unique id, also the URL prefix ``/api/v1/<name>/`` (lowercase, ``[a-z0-9_-]``).
    name: ClassVar[str]
    #: The plugin's own version.
    version: ClassVar[str] = "0.0.0"
    #: Human title and description shown in org settings: a text, or a mapping of
    #: locale -> text that holds ``"fr"`` (the fallback), e.g.
    #: ``{"fr": "Restauration", "en": "Catering"}``.
    title: ClassVar[str | Mapping[str, str]] = ""
    description: ClassVar[str | Mapping[str, str]] = ""
    #: PEP 440 specifier of the core versions this plugin works with.
    core_requires: ClassVar[str] = ">=0.1,<1"
    #: Names of plugins that must be installed (and enabled for an org) first.
    depends_on: ClassVar[tuple[str, ...]] = ()
    #: Pydantic model validating the per-org config; its JSON schema drives the settings form
    #: (declare fields with ``coulisses_sdk.setting`` for labels in each language and widgets).
    config_model: ClassVar[type[BaseModel]] = EmptyConfig
    #: Folder of the plugin's prebuilt web assets (Vite's output), relative to the package
    #: of the module defining the plugin class; served to the orgs that enabled the plugin
    #: under ``/plugins/<name>/assets/``. Needed by a ``PluginPage`` or a ``PluginWidget``.
    frontend_dir: ClassVar[str | None] = None

    def __repr__(self) -> str:
        return f"<Plugin {self.name} {self.version}>"


def localized(text: str | Mapping[str, str]) -> dict[str, str]:
    """``text`` as locale -> text (a plain text is the ``fr`` one)."""
    if isinstance(text, str):
        return {"fr": text} if text else {}
    return {str(k): str(v) for k, v in text.items()}
