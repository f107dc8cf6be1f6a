"""Plugins bring their own pages and shell widgets: ``PluginPage`` / ``PluginWidget``
checks at load, the manifest's module URLs, and ``GET /plugins/<name>/assets/<path>``
served only to orgs that enabled the plugin.

The catering example (``sdk/examples/catering``, a distribution outside the workspace)
is imported from its sources and installed with the SDK's ``installed()``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from coulisses_sdk import Plugin, PluginPage, PluginWidget, hookimpl
from coulisses_sdk.testing import installed
from tests.helpers import signup
from tests.integration.plugins.support import PLUGINS, member_session

ROOT = Path(__file__).resolve().parents[3]
CATERING_SRC = ROOT / "sdk" / "examples" / "catering" / "src"
MANIFEST = "/api/v1/orgs/current/manifest"
ASSETS = "/plugins/catering/assets"


@pytest.fixture
def catering() -> Iterator[Any]:
    sys.path.insert(0, str(CATERING_SRC))
    try:
        from coulisses_catering.plugin import plugin

        with installed(plugin) as registry:
            assert registry.rejected == {}
            yield plugin
    finally:
        sys.path.remove(str(CATERING_SRC))


async def _module_url(owner: Any) -> str:
    [entry] = (await owner.get(MANIFEST)).json()["menu"]
    assert entry["plugin"] == "catering"
    assert entry["path"] == "/plugins/catering/meals"
    url: str = entry["module_url"]
    return url


async def test_an_enabled_org_gets_the_page_module_as_javascript_with_a_long_cache(
    client, catering
):
    owner = await signup(client)
    assert (await owner.patch(f"{PLUGINS}/catering", json={"enabled": True})).status_code == 200
    url = await _module_url(owner)
    assert url.startswith(f"{ASSETS}/meals.js?v=")

    response = await owner.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "private, max-age=31536000, immutable"
    assert response.headers["x-content-type-options"] == "nosniff"
    shipped = CATERING_SRC / "coulisses_catering" / "web" / "meals.js"
    assert response.content == shipped.read_bytes()
    digest = url.rsplit("=", 1)[1]
    assert response.headers["etag"] == f'"{digest}"'

    # Without the hash (a stale URL): revalidated by its ETag, 304 when unchanged.
    plain = await owner.get(f"{ASSETS}/meals.js")
    assert plain.headers["cache-control"] == "private, no-cache"
    again = await owner.get(f"{ASSETS}/meals.js", headers={"If-None-Match": f'"{digest}"'})
    assert again.status_code == 304
    assert again.content == b""


async def test_another_org_and_a_disabled_plugin_never_get_the_bundle(client, new_client, catering):
    owner = await signup(client)
    other = await signup(new_client())
    await owner.patch(f"{PLUGINS}/catering", json={"enabled": True})
    url = await _module_url(owner)

    assert (await other.get(MANIFEST)).json()["menu"] == []
    refused = await other.get(url)
    assert refused.status_code == 404
    assert b"export" not in refused.content

    await owner.patch(f"{PLUGINS}/catering", json={"enabled": False})
    assert (await owner.get(url)).status_code == 404


async def test_without_a_session_the_bundle_is_refused(client, new_client, catering):
    owner = await signup(client)
    await owner.patch(f"{PLUGINS}/catering", json={"enabled": True})
    url = await _module_url(owner)

    anonymous = await new_client().get(url)
    assert anonymous.status_code == 401
    assert b"export" not in anonymous.content


@pytest.mark.parametrize(
    "path",
    [
        "%2e%2e/plugin.py",
        "..%2fplugin.py",
        "%2e%2e%2f%2e%2e%2fcoulisses_catering/plugin.py",
        "web/../../plugin.py",
        ".hidden.js",
        "missing.js",
        "",
    ],
)
async def test_no_file_outside_the_assets_folder_is_served(client, catering, path):
    owner = await signup(client)
    await owner.patch(f"{PLUGINS}/catering", json={"enabled": True})

    response = await owner.get(f"{ASSETS}/{path}")
    assert response.status_code == 404
    assert b"import" not in response.content


async def test_other_paths_below_plugins_are_web_app_routes(tmp_path, monkeypatch, app, catering):
    # Litestar does not fall back from /plugins/{rest} to the app's catch-all: the
    # asset route answers the app for the plugin pages themselves (a reload works).
    (tmp_path / "index.html").write_text("<!doctype html><title>app</title>")
    monkeypatch.setenv("COULISSES_FRONTEND_DIST", str(tmp_path))
    from coulisses.web.app import create_app

    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as web:
        for path in ("/plugins/catering", "/plugins/catering/meals", "/plugins/catering/meals/3"):
            response = await web.get(path)
            assert response.status_code == 200, path
            assert response.headers["content-type"].startswith("text/html")
            assert "<title>app</title>" in response.text
        assert (await web.get("/plugins/catering/meals.js")).status_code == 404
        assert (await web.get(f"{ASSETS}/meals.js")).status_code == 401


async def test_an_unknown_plugin_has_no_assets(client, catering):
    owner = await signup(client)
    assert (await owner.get("/plugins/nothing/assets/meals.js")).status_code == 404


def _page_plugin(**page: Any) -> Plugin:
    frontend = page.pop("frontend_dir", "web")
    fields = {"path": "/plugins/pages/main", "label": {"fr": "Page"}, "module": "meals.js", **page}

    class Pages(Plugin):
        name = "pages"
        title = "Pages"
        frontend_dir = frontend

        @hookimpl
        def register_frontend(self, register: Any) -> None:
            register(PluginPage(**fields))

    return Pages()


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ({"path": "/plugins/pages"}, "must be below /plugins/pages/"),
        ({"path": "/pages/main"}, "must be /plugins/pages (or below)"),
        ({"path": "/plugins/pages/assets"}, "must be below /plugins/pages/"),
        ({"module": "../evil.js"}, "must be a .js file"),
        ({"module": "meals.css"}, "must be a .js file"),
        ({"module": "other.js"}, "not found"),
        ({"frontend_dir": None}, "needs Plugin.frontend_dir"),
        ({"frontend_dir": "../.."}, "is not a folder of its package"),
    ],
)
def test_a_bad_page_leaves_the_plugin_out_with_the_reason(page, reason, tmp_path, monkeypatch):
    # The inline plugin's "package" is this test module's folder: give it a web/ folder.
    plugin = _page_plugin(**page)
    package = tmp_path / "pkg"
    (package / "web").mkdir(parents=True)
    (package / "web" / "meals.js").write_text("export default function Page() {}\n")
    module = type(sys)("pages_plugin_module")
    module.__file__ = str(package / "plugin.py")
    monkeypatch.setitem(sys.modules, "pages_plugin_module", module)
    type(plugin).__module__ = "pages_plugin_module"

    with installed(plugin) as registry:
        assert "pages" not in registry.plugins
        assert reason in registry.rejected["pages"]


def test_a_good_page_is_accepted_with_its_module_url(tmp_path, monkeypatch):
    plugin = _page_plugin()
    package = tmp_path / "pkg"
    (package / "web").mkdir(parents=True)
    (package / "web" / "meals.js").write_text("export default function Page() {}\n")
    module = type(sys)("pages_plugin_module")
    module.__file__ = str(package / "plugin.py")
    monkeypatch.setitem(sys.modules, "pages_plugin_module", module)
    type(plugin).__module__ = "pages_plugin_module"

    with installed(plugin) as registry:
        assert registry.rejected == {}
        assert registry.assets["pages"] == (package / "web").resolve()
        assert registry.module_urls["pages"]["meals.js"].startswith(
            "/plugins/pages/assets/meals.js?v="
        )


def _widget_plugin(
    tmp_path: Path, monkeypatch: Any, *widgets: Any, frontend: str | None = "web"
) -> Plugin:
    """An inline plugin registering ``widgets``, its package a temp folder with web/bell.js."""

    class Widgets(Plugin):
        name = "widgets"
        title = "Widgets"
        frontend_dir = frontend

        @hookimpl
        def register_frontend(self, register: Any) -> None:
            for widget in widgets:
                register(widget)

    package = tmp_path / "pkg"
    (package / "web").mkdir(parents=True)
    (package / "web" / "bell.js").write_text("export default function Bell() {}\n")
    module = type(sys)("widgets_plugin_module")
    module.__file__ = str(package / "plugin.py")
    monkeypatch.setitem(sys.modules, "widgets_plugin_module", module)
    Widgets.__module__ = "widgets_plugin_module"
    return Widgets()


@pytest.mark.parametrize(
    ("widgets", "frontend", "reason"),
    [
        ([PluginWidget(slot="footer", module="bell.js")], "web", "widget slot 'footer' not in"),
        ([PluginWidget(slot="header", module="../bell.js")], "web", "must be a .js file"),
        ([PluginWidget(slot="header", module="bell.css")], "web", "must be a .js file"),
        ([PluginWidget(slot="header", module="other.js")], "web", "not found"),
        ([PluginWidget(slot="header", module="bell.js", min_role="boss")], "web", "min_role"),
        ([PluginWidget(slot="header", module="bell.js")], None, "needs Plugin.frontend_dir"),
        (
            [PluginWidget(slot="header", module="bell.js")] * 2,
            "web",
            "a second widget in slot header",
        ),
    ],
)
def test_a_bad_widget_leaves_the_plugin_out_with_the_reason(
    widgets, frontend, reason, tmp_path, monkeypatch
):
    plugin = _widget_plugin(tmp_path, monkeypatch, *widgets, frontend=frontend)

    with installed(plugin) as registry:
        assert "widgets" not in registry.plugins
        assert reason in registry.rejected["widgets"]


async def test_the_manifest_lists_widgets_of_enabled_plugins_for_allowed_roles(
    client, new_client, tmp_path, monkeypatch
):
    plugin = _widget_plugin(
        tmp_path, monkeypatch, PluginWidget(slot="header", module="bell.js", min_role="manager")
    )
    with installed(plugin) as registry:
        assert registry.rejected == {}
        owner = await signup(client)
        tech = await member_session(owner, new_client, "tech-widget@example.org", "tech")
        assert (await owner.get(MANIFEST)).json()["widgets"] == []

        assert (await owner.patch(f"{PLUGINS}/widgets", json={"enabled": True})).status_code == 200
        [widget] = (await owner.get(MANIFEST)).json()["widgets"]
        assert widget["plugin"] == "widgets"
        assert widget["slot"] == "header"
        assert widget["module_url"].startswith("/plugins/widgets/assets/bell.js?v=")
        assert (await owner.get(widget["module_url"])).status_code == 200
        # Below the widget's min_role: not listed (the menu is filtered the same way).
        assert (await tech.get(MANIFEST)).json()["widgets"] == []

        assert (await owner.patch(f"{PLUGINS}/widgets", json={"enabled": False})).status_code == 200
        assert (await owner.get(MANIFEST)).json()["widgets"] == []
        assert (await owner.get(widget["module_url"])).status_code == 404
