"""A plugin's prebuilt web assets: where they live and their content hash (the route
``GET /plugins/<name>/assets/<path>`` serving them is in ``coulisses.plugins.api``).

A plugin ships Vite's output inside its package (``Plugin.frontend_dir``); each
``PluginPage`` or ``PluginWidget`` names its ES module there. The manifest gives the web
app the module's URL with the file's content hash (``?v=``): such a URL is cached for a year, any
other is revalidated by its ETag. Another org, or a visitor without a session, gets
the same answer as for a file that does not exist, so it never downloads the bundle.
"""

from __future__ import annotations

import hashlib
import mimetypes
import sys
from functools import lru_cache
from pathlib import Path

from coulisses_sdk import Plugin

IMMUTABLE = "private, max-age=31536000, immutable"
REVALIDATE = "private, no-cache"
#: Explicit types: ``mimetypes`` varies between systems, and a module script must be
#: served with a JavaScript type or the browser refuses it.
MEDIA_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".map": "application/json",
    ".json": "application/json",
    ".svg": "image/svg+xml",
}
#: Length of the content hash in module URLs and ETags.
HASH_LEN = 16


def frontend_root(plugin: Plugin) -> Path | None:
    """The plugin's assets folder, resolved, or None when it declares none.

    ``frontend_dir`` is relative to the package of the module that defines the
    plugin's class (``coulisses_catering/plugin.py`` -> ``coulisses_catering/``).
    Raises ``ValueError`` when it is declared but is not a folder inside the package.
    """
    declared = plugin.frontend_dir
    if declared is None:
        return None
    module = sys.modules.get(type(plugin).__module__)
    source = getattr(module, "__file__", None)
    if not isinstance(declared, str) or not declared or source is None:
        raise ValueError(f"plugin {plugin.name}: frontend_dir {declared!r} cannot be resolved")
    package = Path(source).resolve().parent
    root = (package / declared).resolve()
    if not root.is_relative_to(package) or not root.is_dir():
        raise ValueError(
            f"plugin {plugin.name}: frontend_dir {declared!r} is not a folder of its package"
        )
    return root


def asset_file(root: Path, path: str) -> Path | None:
    """``root / path`` if it is a file inside ``root`` (no traversal, no hidden file)."""
    parts = path.split("/")
    if not path or any(p in ("", ".", "..") or p.startswith(".") for p in parts):
        return None
    candidate = (root / path).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


@lru_cache(maxsize=256)
def _digest(path: Path, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LEN]


def content_hash(path: Path) -> str:
    """The file's content hash (cached while its modification time and size stay)."""
    stat = path.stat()
    return _digest(path, stat.st_mtime_ns, stat.st_size)


def module_url(plugin: str, root: Path, module: str) -> str:
    """Where the web app imports ``module`` from: its URL with the content hash."""
    found = asset_file(root, module)
    if found is None:
        raise ValueError(f"plugin {plugin}: module {module!r} not found in {root}")
    return f"/plugins/{plugin}/assets/{module}?v={content_hash(found)}"


def media_type(path: Path) -> str:
    return (
        MEDIA_TYPES.get(path.suffix)
        or mimetypes.guess_type(path.name)[0]
        or "application/octet-stream"
    )
