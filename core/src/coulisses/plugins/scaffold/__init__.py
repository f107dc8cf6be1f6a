"""``coulisses plugin new``: a plugin distribution from the Jinja2 template next to this file.

The template (``template/``) is a working plugin: a Piccolo table and its migration, a
route guarded by org role, an idempotent domain-event handler, a job that is also a
cron, a page (a prebuilt ES module and its Vite sources), a labelled config and tests
against the real core. In file names, ``__package__`` becomes the package name and
``__name__`` the plugin name; ``.j2`` files are rendered, the rest copied.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from coulisses import __version__ as core_version

TEMPLATE = Path(__file__).parent / "template"
#: A plugin name that is also a Python identifier part and a URL segment.
NAME_RE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


class ScaffoldError(ValueError):
    """The plugin cannot be generated (bad name, target not empty); the message says why."""


@dataclass(frozen=True)
class Names:
    name: str
    dist: str
    package: str
    class_name: str
    operation_prefix: str


def names_for(name: str) -> Names:
    if not NAME_RE.match(name):
        raise ScaffoldError(
            "Le nom du plugin : 2 a 40 caracteres, minuscules, chiffres et _ , "
            f"commencant par une lettre (recu : {name!r})"
        )
    camel = "".join(part.capitalize() for part in name.split("_") if part)
    return Names(
        name=name,
        dist=f"coulisses-{name.replace('_', '-')}",
        package=f"coulisses_{name}",
        class_name=f"{camel}Plugin",
        operation_prefix=camel,
    )


def _major_range(version: str) -> str:
    """``0.1.0`` -> ``>=0.1,<1``: any later release of the same major version."""
    major, minor = (int(p) for p in version.split(".")[:2])
    return f">={major}.{minor},<{major + 1}"


def new_plugin(
    name: str,
    target: Path,
    *,
    title_fr: str | None = None,
    title_en: str | None = None,
    sdk_version: str | None = None,
) -> list[Path]:
    """Write the plugin ``name`` into ``target`` (created; must be empty if it exists);
    the files written, relative to ``target``."""
    names = names_for(name)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target} existe deja et n'est pas vide")
    if sdk_version is None:
        from importlib.metadata import version

        sdk_version = version("coulisses-sdk")
    label = name.replace("_", " ").capitalize()
    context = {
        **names.__dict__,
        "title_fr": title_fr or label,
        "title_en": title_en or label,
        "core_range": _major_range(core_version),
        "sdk_range": _major_range(sdk_version),
        "migration_id": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S:%f"),
    }
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # noqa: S701 # nosec B701 - Python and TOML sources, not HTML
    )
    written: list[Path] = []
    for source in sorted(TEMPLATE.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        relative = source.relative_to(TEMPLATE)
        parts = [
            p.replace("__package__", names.package).replace("__name__", names.name)
            for p in relative.parts
        ]
        out = target.joinpath(*parts)
        if out.suffix == ".j2":
            out = out.with_suffix("")
            text = env.get_template(relative.as_posix()).render(context)
        else:
            text = source.read_text(encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        written.append(out.relative_to(target))
    return written
