"""What a plugin adds to the web app: menu entries, its own pages and widgets, served to
each org in its manifest (see ``docs/plugins/guide.md``, the frontend contract)."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Org roles, lowest first (a member sees an entry when its role reaches ``min_role``).
ROLES = ("tech", "manager", "admin", "owner")
#: Menu sections of the web app: the main navigation and the settings group.
SECTIONS = ("main", "settings")
#: Places of the web app where a plugin widget renders (closed list): ``header`` is the
#: top bar, next to the account controls (on a phone too); ``dashboard`` is the home
#: dashboard, after the core's blocks.
WIDGET_SLOTS = ("header", "dashboard")


@dataclass(frozen=True)
class MenuEntry:
    """One link in the web app's menu, shown while the org has the plugin enabled.

    ``path`` is a web app path the plugin owns: ``/plugins/<plugin>`` (the
    generic plugin page) or below it (its own pages, see ``PluginPage``). ``label`` maps
    a locale to its text and must hold ``"fr"`` (the fallback). ``min_role`` is
    the lowest org role that sees the entry.
    """

    path: str
    label: dict[str, str] = field(default_factory=dict)
    section: str = "main"
    min_role: str = "tech"


@dataclass(frozen=True)
class PluginPage(MenuEntry):
    """A page the plugin brings itself: a menu entry whose screen is the plugin's own
    ES module, loaded by the web app only when the org has the plugin enabled.

    ``path`` is below ``/plugins/<plugin>/`` (e.g. ``/plugins/catering/meals``);
    ``module`` is the module's file, relative to the plugin's ``frontend_dir``
    (Vite's output shipped inside its package, e.g. ``"meals.js"``). The module's
    default export is a React component; it reaches React, the router, the query
    client, the API client, i18n and the UI kit through the host
    (``@coulisses/plugin-ui``), never bundling its own React.

    ``wide``: the page takes the whole width of the screen, as the core's planning does
    (a table of many columns, a timeline); by default it keeps the reading width of the
    core's other pages.
    """

    module: str = ""
    wide: bool = False


@dataclass(frozen=True)
class PluginWidget:
    """A small piece of the web app's shell the plugin brings itself (e.g. a bell in the
    header), loaded only while the org has the plugin enabled and the member's role
    reaches ``min_role``.

    ``slot`` is where it renders, one of ``WIDGET_SLOTS``: ``header`` (the shell's top
    bar, beside the account menu: a bell, a status dot) or ``dashboard`` (a card on the
    home dashboard, after the core's blocks: what needs the member today, linking to the
    plugin's page; render nothing when nothing does). ``module`` is its ES module,
    relative to the plugin's ``frontend_dir`` like a ``PluginPage``'s. The module's
    default export is a React component (no props) using the same host contract
    (``@coulisses/plugin-ui``). A widget that fails to load or render shows a small
    error mark in its place, never breaking the shell.
    """

    slot: str
    module: str
    min_role: str = "tech"
