"""Discovery of installed plugins (stevedore), compatibility checks, pluggy registration.

What plugins contribute through the registration hooks is collected once here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version
from stevedore import ExtensionManager

from coulisses import __version__ as core_version
from coulisses.plugins import assets
from coulisses_sdk import MenuEntry, Plugin, PluginPage, PluginWidget, hookspecs
from coulisses_sdk.frontend import ROLES, SECTIONS, WIDGET_SLOTS
from coulisses_sdk.hookspecs import PROJECT_NAME
from coulisses_sdk.plugin import localized

logger = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "coulisses.plugins"
_NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{1,62}$")
#: Names a plugin cannot take: its routes live under ``/api/v1/<name>/`` and its
#: jobs under ``<name>.``, next to the core's own prefixes.
RESERVED_NAMES = frozenset(
    {
        "core",
        "admin",
        "api",
        "assignments",
        "auth",
        "availability",
        "conflicts",
        "docs",
        "events",
        "invitations",
        "me",
        "missions",
        "orgs",
        "planning",
        "plugins",
        "projects",
        "public",
        "rates",
        "reports",
        "users",
    }
)


@dataclass
class JobSpec:
    name: str
    plugin: str
    func: Callable[..., Any]
    cron: str | None = None


@dataclass
class PluginRegistry:
    pm: pluggy.PluginManager
    plugins: dict[str, Plugin] = field(default_factory=dict)
    #: Plugins found but left out, with the reason (shown by ``coulisses plugins list``).
    rejected: dict[str, str] = field(default_factory=dict)
    routes: dict[str, list[Any]] = field(default_factory=dict)
    apps: dict[str, list[str]] = field(default_factory=dict)
    jobs: dict[str, JobSpec] = field(default_factory=dict)
    admin_tables: list[Any] = field(default_factory=list)
    #: Web app menu entries, per plugin (served, filtered, by the org manifest).
    menu: dict[str, list[MenuEntry]] = field(default_factory=dict)
    #: Web app shell widgets, per plugin (served, filtered, by the org manifest).
    widgets: dict[str, list[PluginWidget]] = field(default_factory=dict)
    #: Folder of each plugin's prebuilt web assets (``Plugin.frontend_dir``), resolved.
    assets: dict[str, Path] = field(default_factory=dict)
    #: Per plugin, each page or widget module -> its URL with the content hash (the manifest's).
    module_urls: dict[str, dict[str, str]] = field(default_factory=dict)

    def piccolo_apps(self) -> list[str]:
        return [module for modules in self.apps.values() for module in modules]

    def get(self, name: str) -> Plugin | None:
        return self.plugins.get(name)


def _discover(failures: dict[str, str] | None = None) -> list[Plugin]:
    """Instances named by the ``coulisses.plugins`` entry points (a class is instantiated).

    An entry point that fails to import is logged and, if given, noted in ``failures``.
    """
    found: list[Plugin] = []

    def on_error(_manager: Any, entrypoint: Any, exc: BaseException) -> None:
        logger.error("plugin entry point %s failed to load: %s", entrypoint, exc)
        if failures is not None:
            failures[str(getattr(entrypoint, "name", entrypoint))] = f"failed to load: {exc!r}"

    manager: ExtensionManager[Any] = ExtensionManager(
        namespace=ENTRY_POINT_GROUP,
        invoke_on_load=False,
        on_load_failure_callback=on_error,
    )
    for ext in manager:
        obj = ext.plugin
        found.append(obj() if isinstance(obj, type) else obj)
    return found


def _check(plugin: Plugin) -> str | None:
    if not isinstance(plugin, Plugin):
        return f"{plugin!r} is not a coulisses_sdk.Plugin"
    name = getattr(plugin, "name", None)
    if not isinstance(name, str) or not _NAME_RE.match(name):
        return f"invalid plugin name {name!r}"
    if name in RESERVED_NAMES:
        return f"plugin name {name!r} is reserved by the core"
    try:
        spec = SpecifierSet(plugin.core_requires)
    except InvalidSpecifier:
        return f"invalid core_requires {plugin.core_requires!r}"
    if not spec.contains(Version(core_version), prereleases=True):
        return f"requires core {plugin.core_requires}, this core is {core_version}"
    for attr in ("title", "description"):
        text = getattr(plugin, attr)
        if not isinstance(text, str) and not localized(text).get("fr"):
            return f"{attr} maps locales to texts and needs a 'fr' text (the fallback)"
    return None


_PATH_RE = re.compile(r"^(/[a-z0-9_-]+)+$")
#: A page module: a ``.js`` file below the assets folder (no hidden part, no ``..``).
_MODULE_RE = re.compile(r"^([A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*\.m?js$")


def check_menu_entry(plugin: str, entry: Any) -> MenuEntry:
    """``entry`` if it is a valid menu entry of ``plugin``, else ``ValueError``.

    A plugin links only to pages it owns: ``/plugins/<plugin>`` (the web app's
    generic plugin page) or a path below it (its own pages). The web app ships no
    page for any plugin: first-party ones bring theirs like any other.
    """
    if not isinstance(entry, MenuEntry):
        raise ValueError(f"plugin {plugin}: menu entry {entry!r} is not a MenuEntry")
    path = entry.path
    root = f"/plugins/{plugin}"
    if not (
        isinstance(path, str)
        and _PATH_RE.match(path)
        and (path == root or path.startswith(root + "/"))
    ):
        raise ValueError(f"plugin {plugin}: menu path {path!r} must be {root} (or below)")
    label = entry.label
    if (
        not isinstance(label, dict)
        or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in label.items()
        )
        or "fr" not in label
    ):
        raise ValueError(f"plugin {plugin}: menu label of {path} needs non-empty texts and 'fr'")
    if entry.section not in SECTIONS:
        raise ValueError(f"plugin {plugin}: menu section {entry.section!r} not in {SECTIONS}")
    if entry.min_role not in ROLES:
        raise ValueError(f"plugin {plugin}: menu min_role {entry.min_role!r} not in {ROLES}")
    if isinstance(entry, PluginPage):
        below = f"/plugins/{plugin}/"
        if not path.startswith(below) or path.startswith(f"{below}assets"):
            raise ValueError(
                f"plugin {plugin}: page path {path!r} must be below {below} (not {below}assets)"
            )
        _check_module(plugin, "page", entry.module)
    return entry


def _check_module(plugin: str, what: str, module: Any) -> None:
    if not isinstance(module, str) or ".." in module or not _MODULE_RE.match(module):
        raise ValueError(
            f"plugin {plugin}: {what} module {module!r} must be a .js file of frontend_dir"
        )


def check_widget(plugin: str, widget: PluginWidget) -> PluginWidget:
    """``widget`` if its slot is one of ``WIDGET_SLOTS``, its role known and its module a
    ``.js`` path of ``frontend_dir``, else ``ValueError`` (the file is checked later)."""
    if widget.slot not in WIDGET_SLOTS:
        raise ValueError(f"plugin {plugin}: widget slot {widget.slot!r} not in {WIDGET_SLOTS}")
    if widget.min_role not in ROLES:
        raise ValueError(f"plugin {plugin}: widget min_role {widget.min_role!r} not in {ROLES}")
    _check_module(plugin, "widget", widget.module)
    return widget


def _hook_problem(plugin: Plugin) -> str | None:
    """Why pluggy refuses ``plugin``'s hook implementations (a misspelled hook, an
    argument the spec does not offer), checked alone so it takes no other plugin down."""
    scratch = pluggy.PluginManager(PROJECT_NAME)
    scratch.add_hookspecs(hookspecs)
    try:
        scratch.register(plugin, name=plugin.name)
        scratch.check_pending()
    except pluggy.PluginValidationError as exc:
        return f"invalid hook implementation: {exc}"
    return None


def _drop_missing_dependencies(accepted: dict[str, Plugin], registry: PluginRegistry) -> None:
    """Leave out plugins whose dependencies are not accepted, until nothing changes."""
    changed = True
    while changed:
        changed = False
        for name, plugin in list(accepted.items()):
            missing = [dep for dep in plugin.depends_on if dep not in accepted]
            if missing:
                registry.rejected[name] = f"missing dependency: {', '.join(missing)}"
                logger.error("plugin %s left out: missing %s", name, missing)
                del accepted[name]
                changed = True


def build_registry(candidates: Iterable[Plugin]) -> PluginRegistry:
    """The registry of the plugins that pass every check; the others are left out with
    their reason in ``rejected`` (a broken plugin never takes the core or another down)."""
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    registry = PluginRegistry(pm=pm)
    accepted: dict[str, Plugin] = {}
    for plugin in candidates:
        problem = _check(plugin)
        if problem is None and plugin.name in accepted:
            problem = "another installed plugin has the same name"
        if problem is None:
            problem = _hook_problem(plugin)
        if problem:
            registry.rejected[str(getattr(plugin, "name", plugin))] = problem
            logger.error("plugin %s left out: %s", getattr(plugin, "name", plugin), problem)
            continue
        accepted[plugin.name] = plugin
    _drop_missing_dependencies(accepted, registry)
    # What each plugin registers (routes, jobs, menu...) is checked per plugin too.
    contributions: dict[str, _Contribution] = {}
    for name, plugin in accepted.items():
        try:
            contributions[name] = _contribution(name, plugin, registry.jobs)
        except Exception as exc:
            registry.rejected[name] = f"registration failed: {exc}"
            logger.error("plugin %s left out: registration failed: %s", name, exc)
    accepted = {n: p for n, p in accepted.items() if n in contributions}
    _drop_missing_dependencies(accepted, registry)
    for name, plugin in accepted.items():
        pm.register(plugin, name=name)
        registry.plugins[name] = plugin
        done = contributions[name]
        registry.routes[name] = done.routes
        registry.apps[name] = done.apps
        registry.menu[name] = done.menu
        registry.widgets[name] = done.widgets
        if done.assets is not None:
            registry.assets[name] = done.assets
            registry.module_urls[name] = done.module_urls
        registry.admin_tables.extend(done.admin_tables)
        registry.jobs.update(done.jobs)
    pm.check_pending()
    return registry


@dataclass
class _Contribution:
    routes: list[Any] = field(default_factory=list)
    apps: list[str] = field(default_factory=list)
    jobs: dict[str, JobSpec] = field(default_factory=dict)
    admin_tables: list[Any] = field(default_factory=list)
    menu: list[MenuEntry] = field(default_factory=list)
    widgets: list[PluginWidget] = field(default_factory=list)
    assets: Path | None = None
    module_urls: dict[str, str] = field(default_factory=dict)


def _contribution(name: str, plugin: Plugin, taken_jobs: dict[str, JobSpec]) -> _Contribution:
    """Call each registration hook of ``plugin`` once, so what it registers is tagged with
    it; raises on a bad registration (a job named twice, a bad menu entry...)."""
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    pm.register(plugin, name=name)
    out = _Contribution()
    pm.hook.register_routes(register=out.routes.append)
    pm.hook.register_piccolo_apps(register=out.apps.append)

    def add_job(func: Callable[..., Any], cron: str | None = None) -> None:
        job_name = f"{name}.{func.__name__}"
        if job_name in out.jobs or job_name in taken_jobs:
            raise ValueError(f"job {job_name} registered twice")
        out.jobs[job_name] = JobSpec(job_name, name, func, cron)

    pm.hook.register_jobs(register=add_job)
    pm.hook.register_admin_tables(register=out.admin_tables.append)

    def add_frontend(item: MenuEntry | PluginWidget) -> None:
        if isinstance(item, PluginWidget):
            widget = check_widget(name, item)
            if any(other.slot == widget.slot for other in out.widgets):
                raise ValueError(f"plugin {name}: a second widget in slot {widget.slot}")
            out.widgets.append(widget)
            return
        checked = check_menu_entry(name, item)
        if any(other.path == checked.path for other in out.menu):
            raise ValueError(f"plugin {name}: menu path {checked.path} registered twice")
        out.menu.append(checked)

    pm.hook.register_frontend(register=add_frontend)
    out.assets = assets.frontend_root(plugin)
    modules = [(f"page {e.path}", e.module) for e in out.menu if isinstance(e, PluginPage)]
    modules += [(f"widget {w.slot}", w.module) for w in out.widgets]
    for what, module in modules:
        if out.assets is None:
            raise ValueError(f"plugin {name}: {what} needs Plugin.frontend_dir")
        out.module_urls[module] = assets.module_url(name, out.assets, module)
    return out


_registry: PluginRegistry | None = None


def get_registry() -> PluginRegistry:
    """The process-wide registry of installed plugins, built on first use."""
    global _registry
    if _registry is None:
        failures: dict[str, str] = {}
        registry = build_registry(_discover(failures))
        registry.rejected.update(failures)
        _registry = registry
    return _registry


def set_registry(registry: PluginRegistry | None) -> PluginRegistry | None:
    """Replace the registry and return the previous one (tests install inline plugins so)."""
    global _registry
    previous, _registry = _registry, registry
    return previous


def discover_plugins() -> list[Plugin]:
    return _discover()
