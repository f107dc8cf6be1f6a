"""The plugin author's reference, generated from the SDK itself (``coulisses plugin
reference``): every hook specification and every host service, with its signature and
docstring, so ``docs/plugins/reference.md`` cannot drift from the code."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from coulisses_sdk import hookspecs, host

#: Host functions that are plumbing, not services for plugins.
_NOT_SERVICES = {"set_host", "get_host", "check_limit", "check_ids", "chunks"}


def _public_functions(module: Any, keep: Callable[[str, Any], bool]) -> list[tuple[str, Any]]:
    return [
        (name, obj)
        for name, obj in vars(module).items()
        if inspect.isfunction(obj)
        and obj.__module__ == module.__name__
        and not name.startswith("_")
        and keep(name, obj)
    ]


def _section(name: str, func: Any) -> list[str]:
    signature = str(inspect.signature(func)).replace("'", "")
    prefix = "async " if inspect.iscoroutinefunction(func) else ""
    doc = inspect.getdoc(func) or "(pas de description)"
    return [f"### `{name}`", "", "```python", f"{prefix}def {name}{signature}", "```", "", doc, ""]


def reference() -> str:
    hooks = _public_functions(hookspecs, lambda _n, f: hasattr(f, "coulisses_spec"))
    services = _public_functions(host, lambda n, _f: n not in _NOT_SERVICES)
    lines = [
        "# Reference du SDK : hooks et services de l'hote",
        "",
        "Generee par `coulisses plugin reference` depuis `coulisses_sdk.hookspecs` et",
        "`coulisses_sdk.host` : ne pas modifier a la main (un test compare). Le guide",
        "est `docs/plugins/guide.md`, le tutoriel `docs/plugins/tutoriel.md`, les evenements",
        "`docs/plugins/evenements.md`. Les descriptions viennent des docstrings (en anglais).",
        "",
        "## Hooks",
        "",
        "A implementer dans la classe du plugin avec `@hookimpl` (memes noms et",
        "arguments ; on peut en omettre, pas en inventer).",
        "",
    ]
    for name, func in hooks:
        lines += _section(name, func)
    lines += [
        "## Services de l'hote",
        "",
        "A importer de `coulisses_sdk` ; chaque lecture prend l'org explicitement et ne",
        "rend rien d'une autre org.",
        "",
    ]
    for name, func in services:
        lines += _section(name, func)
    return "\n".join(lines)
