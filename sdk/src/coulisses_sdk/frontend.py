"""What a plugin adds to the web app: menu entries, served to each org in its manifest."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Org roles, lowest first (a member sees an entry when its role reaches ``min_role``).
ROLES = ("tech", "manager", "admin", "owner")
#: Menu sections of the web app: the main navigation and the settings group.
SECTIONS = ("main", "settings")


@dataclass(frozen=True)
class MenuEntry:
    """One link in the web app's menu, shown while the org has the plugin enabled.

    ``path`` is a web app path the plugin owns: ``/plugins/<plugin>`` (the
    generic plugin page) or below it, or ``/<plugin>`` (a page the web app
    ships for the plugin, e.g. ``/notifications``) or below it. ``label`` maps
    a locale to its text and must hold ``"fr"`` (the fallback). ``min_role`` is
    the lowest org role that sees the entry.
    """

    path: str
    label: dict[str, str] = field(default_factory=dict)
    section: str = "main"
    min_role: str = "tech"
