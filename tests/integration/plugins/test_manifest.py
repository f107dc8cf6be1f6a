"""GET /api/v1/orgs/current/manifest: menu entries of enabled plugins, per role; entry checks."""

from __future__ import annotations

import re
from typing import Any

import pytest

from coulisses.plugins.loader import build_registry
from coulisses_hello.plugin import HelloPlugin
from coulisses_hello.plugin import plugin as hello
from coulisses_sdk import MenuEntry, Plugin, hookimpl
from coulisses_sdk.testing import installed
from tests.helpers import error_code, signup
from tests.integration.plugins.support import PLUGINS, member_session

MANIFEST = "/api/v1/orgs/current/manifest"


class Menus(Plugin):
    """One entry per audience: everyone, managers up (settings section), owners."""

    name = "menus"
    title = "Menus"

    @hookimpl
    def register_frontend(self, register: Any) -> None:
        register(MenuEntry(path="/plugins/menus", label={"fr": "Tous", "en": "All"}))
        register(
            MenuEntry(
                path="/plugins/menus/setup",
                label={"fr": "Reglages"},
                section="settings",
                min_role="manager",
            )
        )
        register(
            MenuEntry(path="/plugins/menus/owners", label={"fr": "Proprios"}, min_role="owner")
        )


def paths(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [entry["path"] for entry in response.json()["menu"]]


async def test_entries_appear_only_while_the_plugin_is_enabled(client):
    owner = await signup(client)
    assert paths(await owner.get(MANIFEST)) == []

    assert (await owner.patch(f"{PLUGINS}/hello", json={"enabled": True})).status_code == 200
    response = await owner.get(MANIFEST)
    assert response.json()["menu"] == [
        {
            "plugin": "hello",
            "path": "/plugins/hello",
            "label": {"fr": "Hello", "en": "Hello"},
            "section": "main",
            "min_role": "tech",
            "module_url": None,
            "wide": False,
        }
    ]

    assert (await owner.patch(f"{PLUGINS}/hello", json={"enabled": False})).status_code == 200
    assert paths(await owner.get(MANIFEST)) == []


async def test_notifications_brings_its_pages_and_header_bell(client):
    owner = await signup(client)
    assert (await owner.get(MANIFEST)).json()["widgets"] == []
    enabled = await owner.patch(f"{PLUGINS}/notifications", json={"enabled": True})
    assert enabled.status_code == 200, enabled.text

    manifest = (await owner.get(MANIFEST)).json()
    inbox, preferences = manifest["menu"]
    assert inbox["plugin"] == "notifications"
    assert inbox["path"] == "/plugins/notifications/inbox"
    assert inbox["label"]["fr"] == "Notifications"
    assert inbox["module_url"].startswith("/plugins/notifications/assets/inbox.js?v=")
    assert preferences["section"] == "settings"
    assert preferences["module_url"].startswith("/plugins/notifications/assets/preferences.js?v=")
    [bell] = manifest["widgets"]
    assert bell["plugin"] == "notifications"
    assert bell["slot"] == "header"
    assert bell["module_url"].startswith("/plugins/notifications/assets/bell.js?v=")
    module = await owner.get(bell["module_url"])
    assert module.status_code == 200
    assert module.headers["content-type"].startswith("text/javascript")


async def test_a_page_asks_for_the_whole_width(client):
    owner = await signup(client)
    enabled = await owner.patch(f"{PLUGINS}/payroll", json={"enabled": True})
    assert enabled.status_code == 200, enabled.text
    wide = {e["path"]: e["wide"] for e in (await owner.get(MANIFEST)).json()["menu"]}
    # The accounting table has up to 16 columns; the other pages keep the reading width.
    assert wide.pop("/plugins/payroll/accounting") is True
    assert wide
    assert not any(wide.values()), wide


async def test_the_manifest_is_per_org(client, new_client):
    first = await signup(client)
    second = await signup(new_client())
    await first.patch(f"{PLUGINS}/hello", json={"enabled": True})

    assert paths(await first.get(MANIFEST)) == ["/plugins/hello"]
    assert paths(await second.get(MANIFEST)) == []


async def test_entries_are_filtered_by_the_callers_role(client, new_client):
    with installed(hello, Menus()):
        owner = await signup(client)
        tech = await member_session(owner, new_client, "tech-manifest@example.org", "tech")
        manager = await member_session(owner, new_client, "mgr-manifest@example.org", "manager")
        for name in ("hello", "menus"):
            response = await owner.patch(f"{PLUGINS}/{name}", json={"enabled": True})
            assert response.status_code == 200, response.text

        assert paths(await tech.get(MANIFEST)) == ["/plugins/hello", "/plugins/menus"]
        manager_menu = (await manager.get(MANIFEST)).json()["menu"]
        assert [e["path"] for e in manager_menu] == [
            "/plugins/hello",
            "/plugins/menus",
            "/plugins/menus/setup",
        ]
        assert manager_menu[2]["section"] == "settings"
        assert manager_menu[2]["min_role"] == "manager"
        assert paths(await owner.get(MANIFEST)) == [
            "/plugins/hello",
            "/plugins/menus",
            "/plugins/menus/setup",
            "/plugins/menus/owners",
        ]


async def test_without_a_session_it_is_401(client):
    response = await client.get(MANIFEST)

    assert response.status_code == 401, response.text
    assert error_code(response) == "auth.unauthenticated"


def _plugin_registering(*entries: Any) -> Plugin:
    class Bad(Plugin):
        name = "bad"

        @hookimpl
        def register_frontend(self, register: Any) -> None:
            for entry in entries:
                register(entry)

    return Bad()


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (MenuEntry(path="/projects", label={"fr": "x"}), r"must be /plugins/bad \(or below\)"),
        # The web app ships no page for a plugin: a /<plugin> path leads nowhere.
        (MenuEntry(path="/bad", label={"fr": "x"}), r"must be /plugins/bad"),
        (MenuEntry(path="/bad/inbox", label={"fr": "x"}), r"must be /plugins/bad"),
        (MenuEntry(path="/plugins/other", label={"fr": "x"}), r"must be /plugins/bad"),
        (MenuEntry(path="/badx", label={"fr": "x"}), r"must be /plugins/bad"),
        (MenuEntry(path="/bad/../projects", label={"fr": "x"}), r"must be /plugins/bad"),
        (MenuEntry(path="https://evil.example/bad", label={"fr": "x"}), r"must be"),
        (MenuEntry(path="/plugins/bad", label={"en": "x"}), r"'fr'"),
        (MenuEntry(path="/plugins/bad", label={"fr": " "}), r"'fr'"),
        (MenuEntry(path="/plugins/bad", label={"fr": "x"}, section="side"), r"section"),
        (MenuEntry(path="/plugins/bad", label={"fr": "x"}, min_role="boss"), r"min_role"),
        ({"path": "/bad", "label": {"fr": "x"}}, r"not a MenuEntry"),
    ],
)
def test_an_invalid_menu_entry_leaves_the_plugin_out_with_the_reason(entry, message):
    registry = build_registry([_plugin_registering(entry), HelloPlugin()])

    assert "bad" not in registry.plugins
    assert re.search(message, registry.rejected["bad"])
    assert registry.rejected["bad"].startswith("registration failed: ")
    assert "hello" in registry.plugins


def test_a_menu_path_registered_twice_leaves_the_plugin_out():
    entry = MenuEntry(path="/plugins/bad", label={"fr": "x"})
    registry = build_registry([_plugin_registering(entry, entry)])

    assert "registered twice" in registry.rejected["bad"]
    assert registry.plugins == {}


def test_valid_entries_are_collected_per_plugin():
    registry = build_registry([Menus(), hello])

    assert [e.path for e in registry.menu["menus"]] == [
        "/plugins/menus",
        "/plugins/menus/setup",
        "/plugins/menus/owners",
    ]
    assert [e.path for e in registry.menu["hello"]] == ["/plugins/hello"]
