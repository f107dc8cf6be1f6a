"""Bodies of /api/v1/orgs/current/plugins and /api/v1/orgs/current/manifest."""

from __future__ import annotations

from typing import Any

import msgspec

from coulisses.auth.schemas import Strict
from coulisses_sdk import Page


class PluginOut(msgspec.Struct):
    name: str
    version: str
    #: Plain texts for integrators (English when the plugin gives it, else French).
    title: str
    description: str
    #: locale -> text, ``fr`` always there when the plugin has a text: what the web app shows.
    titles: dict[str, str]
    descriptions: dict[str, str]
    depends_on: list[str]
    enabled: bool
    config: dict[str, Any]
    config_schema: dict[str, Any]


class PluginUpdate(Strict):
    enabled: bool | None = None
    config: dict[str, Any] | None = None


class ManifestMenuEntry(msgspec.Struct):
    plugin: str
    path: str
    #: locale -> text; ``fr`` is always there (the fallback).
    label: dict[str, str]
    section: str
    min_role: str
    #: The URL of the page's ES module (``PluginPage``), with its content hash; the web
    #: app imports it when the member opens ``path``. None for a plain link.
    module_url: str | None = None
    #: The page takes the whole width of the screen (``PluginPage.wide``).
    wide: bool = False


class ManifestWidget(msgspec.Struct):
    plugin: str
    #: Where the web app renders it (``header``: the top bar).
    slot: str
    #: The URL of the widget's ES module, with its content hash.
    module_url: str


class FrontendManifest(msgspec.Struct):
    """What the web app shows for the org's enabled plugins, for the caller's role."""

    menu: list[ManifestMenuEntry]
    #: Shell widgets (``PluginWidget``), sorted by plugin name.
    widgets: list[ManifestWidget]


class PluginPage(Page[PluginOut]):
    """The list envelope of the installed plugins."""

    items: list[PluginOut]
