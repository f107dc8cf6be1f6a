"""Every stable error code and conflict kind the API can send has its words in both web catalogs.

The inventory is read from the code itself (an AST walk of core, sdk, plugins and admin), not
from a hand-kept list: a code passed as the ``code`` argument of any function or class (the
``DomainError`` family, ``error_body``, the guards' senders, helpers such as ``_skill_error``),
including codes built by an f-string from a helper's literal arguments
(``f"user.invalid_{field}"`` with ``_name(..., "first_name")``). The web app words an error from
its code and the scalar values of its ``details`` (see frontend/src/lib/i18n/translate.ts), so a
catalog entry may only use placeholders every raise site of that code sends.
"""

from __future__ import annotations

import ast
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coulisses.errors import FIELD_ERROR_CODES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "core/src", ROOT / "sdk/src", ROOT / "admin/src", *ROOT.glob("plugins/*/src")]
LOCALES = ROOT / "frontend/src/locales"
API_DOC = ROOT / "docs/api.md"
CONFLICT_SCHEMAS = ROOT / "core/src/coulisses/scheduling/conflicts/schemas.py"
CODE = re.compile(r"^[a-z][a-z_]*(\.[a-z][a-z_]*)*$")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass
class Producer:
    """A callable that takes an error code: where its ``code`` and ``details`` arguments sit."""

    code_index: int
    details_index: int | None
    code_default: str | None = None
    #: keys of the ``details`` dict it builds itself (when it has no ``details`` parameter)
    inner_details: frozenset[str] | None = None
    #: f-string codes it builds from one of its parameters: (template, parameter index)
    templates: list[tuple[str, int]] = field(default_factory=list)
    params: list[str] = field(default_factory=list)


@dataclass
class Inventory:
    #: code -> the details keys of each raise site (None: not a dict literal)
    sites: dict[str, list[frozenset[str] | None]] = field(default_factory=lambda: defaultdict(list))

    def add(self, code: str, keys: frozenset[str] | None) -> None:
        assert CODE.match(code), f"not a stable code: {code!r}"
        self.sites[code].append(keys)

    def params(self, code: str) -> frozenset[str]:
        """The details keys every raise site of ``code`` sends."""
        sets = [keys or frozenset() for keys in self.sites[code]]
        return frozenset.intersection(*sets) if sets else frozenset()


def _modules() -> dict[str, ast.Module]:
    """Parsed sources by dotted module name (``coulisses.errors``)."""
    modules: dict[str, ast.Module] = {}
    for root in SOURCES:
        for path in sorted(root.rglob("*.py")):
            if "piccolo_migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(root).with_suffix("").parts)
            modules[name.removesuffix(".__init__")] = ast.parse(path.read_text(encoding="utf-8"))
    return modules


def _callee(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _arg(node: ast.Call, index: int | None, name: str) -> ast.expr | None:
    for keyword in node.keywords:
        if keyword.arg == name:
            return keyword.value
    if index is not None and 0 <= index < len(node.args):
        return node.args[index]
    return None


def _dict_keys(node: ast.expr | None) -> frozenset[str] | None:
    """The keys of a ``details`` argument; None when they cannot be read (not a dict literal)."""
    if node is None or (isinstance(node, ast.Constant) and node.value is None):
        return frozenset()
    if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) for k in node.keys):
        return frozenset(str(k.value) for k in node.keys if isinstance(k, ast.Constant))
    return None


def _signature(fn: ast.FunctionDef | ast.AsyncFunctionDef, *, method: bool) -> list[str]:
    names = [a.arg for a in fn.args.posonlyargs + fn.args.args]
    return names[1:] if method else names


class _Resolver:
    """Which definition a called name means in a module: its own, else the imported one."""

    def __init__(self, modules: dict[str, ast.Module]) -> None:
        self.local: dict[str, dict[str, ast.AST]] = {}
        self.imported: dict[str, dict[str, str]] = {}
        for name, module in modules.items():
            self.local[name] = {
                n.name: n
                for n in ast.walk(module)
                if isinstance(n, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            }
            self.imported[name] = {
                alias.asname or alias.name: f"{n.module}"
                for n in ast.walk(module)
                if isinstance(n, ast.ImportFrom) and n.module
                for alias in n.names
            }

    def where(self, module: str, name: str, depth: int = 0) -> str | None:
        """The module defining ``name`` as ``module`` sees it, through re-exports
        (``from coulisses_sdk import PluginError`` is ``coulisses_sdk.web``'s)."""
        if name in self.local.get(module, {}):
            return module
        source = self.imported.get(module, {}).get(name)
        if source is not None and depth < 5:
            return self.where(source, name, depth + 1)
        return None


#: The SDK's plugin error: the host prefixes its code with the plugin's name.
PLUGIN_ERROR = ("coulisses_sdk.web", "PluginError")
NOT_PLUGINS = {"coulisses", "coulisses_sdk", "coulisses_admin"}


def _as_sent(code: str, module: str, resolve: _Resolver, call: ast.Call) -> str:
    """``code`` as the API sends it: a plugin's ``PluginError("meal_full")`` answers
    ``catering.meal_full`` (core/src/coulisses/errors.py, plugin_error_handler)."""
    package = module.split(".")[0]
    name = _callee(call)
    if package in NOT_PLUGINS or not package.startswith("coulisses_") or name is None:
        return code
    if (resolve.where(module, name), name) != PLUGIN_ERROR:
        return code
    plugin = package.removeprefix("coulisses_")
    return code if code.startswith(f"{plugin}.") else f"{plugin}.{code}"


def _producers(
    modules: dict[str, ast.Module], resolve: _Resolver
) -> dict[tuple[str, str], Producer]:
    """Functions and classes with a ``code`` parameter (by module and name), subclasses of
    such a class included; then helpers that build a code with an f-string."""
    producers: dict[tuple[str, str], Producer] = {}
    bases: dict[tuple[str, str], tuple[str, str]] = {}

    def register(
        key: tuple[str, str], fn: ast.FunctionDef | ast.AsyncFunctionDef, *, method: bool
    ) -> None:
        params = _signature(fn, method=method)
        if "code" not in params:
            return
        defaults = dict(zip(reversed(params), reversed(fn.args.defaults), strict=False))
        default = defaults.get("code")
        inner: frozenset[str] | None = frozenset()
        for call in ast.walk(fn):
            if isinstance(call, ast.Call) and (details := _arg(call, None, "details")) is not None:
                inner = _dict_keys(details)
        producers[key] = Producer(
            code_index=params.index("code"),
            details_index=params.index("details") if "details" in params else None,
            code_default=default.value if isinstance(default, ast.Constant) else None,
            inner_details=inner,
            params=params,
        )

    for module_name, module in modules.items():
        for node in ast.walk(module):
            key = (module_name, getattr(node, "name", ""))
            if isinstance(node, ast.ClassDef):
                init = next(
                    (
                        b
                        for b in node.body
                        if isinstance(b, ast.FunctionDef) and b.name == "__init__"
                    ),
                    None,
                )
                if init is not None:
                    register(key, init, method=True)
                elif node.bases and isinstance(node.bases[0], ast.Name):
                    base = node.bases[0].id
                    if (where := resolve.where(module_name, base)) is not None:
                        bases[key] = (where, base)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                register(key, node, method=False)
    # A subclass without its own __init__ takes its base's signature (Conflict, Gone...).
    changed = True
    while changed:
        changed = False
        for key, base in bases.items():
            if key not in producers and base in producers:
                inherited = producers[base]
                producers[key] = Producer(
                    inherited.code_index, inherited.details_index, params=inherited.params
                )
                changed = True
    for module_name, module in modules.items():
        for fn in ast.walk(module):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                _template(module_name, fn, producers, resolve)
    return producers


def _producer(
    producers: dict[tuple[str, str], Producer], resolve: _Resolver, module: str, call: ast.Call
) -> Producer | None:
    name = _callee(call)
    where = resolve.where(module, name) if name else None
    return producers.get((where, name)) if where and name else None


def _template(
    module: str,
    fn: ast.FunctionDef | ast.AsyncFunctionDef,
    producers: dict[tuple[str, str], Producer],
    resolve: _Resolver,
) -> None:
    """A helper that raises ``f"prefix.{param}"``: its codes are resolved at its call sites."""
    params = _signature(fn, method=False)
    for call in ast.walk(fn):
        if not isinstance(call, ast.Call):
            continue
        target = _producer(producers, resolve, module, call)
        code = _arg(call, target.code_index, "code") if target else None
        if target is None or not isinstance(code, ast.JoinedStr):
            continue
        names = [
            p.value.id
            for p in code.values
            if isinstance(p, ast.FormattedValue) and isinstance(p.value, ast.Name)
        ]
        assert names[1:] == [], f"{module}.{fn.name}: a code built from several values"
        assert names[0] in params, f"{module}.{fn.name}: a code built from a non-parameter"
        template = "".join(p.value if isinstance(p, ast.Constant) else "{}" for p in code.values)
        helper = producers.setdefault(
            (module, fn.name), Producer(code_index=-1, details_index=None, params=params)
        )
        helper.templates.append((template, params.index(names[0])))
        helper.inner_details = _dict_keys(_arg(call, target.details_index, "details"))


def inventory() -> Inventory:
    modules = _modules()
    resolve = _Resolver(modules)
    producers = _producers(modules, resolve)
    found = Inventory()
    for producer in producers.values():
        if producer.code_default:
            found.add(producer.code_default, frozenset())
    for module_name, module in modules.items():
        for node in ast.walk(module):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                if any("CODES" in n for n in names):
                    for value in node.value.values:
                        if isinstance(value, ast.Constant) and isinstance(value.value, str):
                            found.add(value.value, frozenset())
            if not isinstance(node, ast.Call):
                continue
            producer = _producer(producers, resolve, module_name, node)
            if producer is None:
                continue
            if producer.code_index >= 0:
                code = _arg(node, producer.code_index, "code")
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    keys = (
                        _dict_keys(_arg(node, producer.details_index, "details"))
                        if producer.details_index is not None
                        else producer.inner_details
                    )
                    found.add(_as_sent(code.value, module_name, resolve, node), keys)
            for template, index in producer.templates:
                value = _arg(node, index, producer.params[index])
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.add(template.format(value.value), producer.inner_details)
    return found


def documented_codes() -> set[str]:
    text = API_DOC.read_text(encoding="utf-8")
    section = text.split("## Codes stables", 1)[1]
    codes: set[str] = set()
    for line in section.splitlines():
        match = re.match(r"^\| ([^|]+) \| [^|]+ \|", line)
        if match and match.group(1).strip() not in {"code", "---"}:
            codes.update(c.strip() for c in match.group(1).split("/"))
    return codes


def conflict_kinds() -> list[str]:
    module = ast.parse(CONFLICT_SCHEMAS.read_text(encoding="utf-8"))
    for node in module.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "ConflictKind" for t in node.targets
        ):
            assert isinstance(node.value, ast.Subscript)
            assert isinstance(node.value.slice, ast.Tuple)
            return [str(e.value) for e in node.value.slice.elts if isinstance(e, ast.Constant)]
    raise AssertionError("ConflictKind not found")


def catalogs() -> dict[str, dict[str, str]]:
    return {
        locale: json.loads((LOCALES / f"{locale}.json").read_text(encoding="utf-8"))
        for locale in ("fr", "en")
    }


def error_key(code: str) -> str:
    """The catalog key of a code, as translate.ts builds it."""
    return "error_" + code.replace(".", "_")


# -- the inventory itself --------------------------------------------------------------


def test_the_inventory_finds_codes_raised_directly_through_helpers_and_f_strings():
    codes = inventory().sites
    assert "assignment.overlap" in codes  # Conflict("assignment.overlap", ...)
    assert "not_found" in codes  # NotFound's default
    assert "request.method_not_allowed" in codes  # _HTTP_CODES
    assert "request.too_deep" in codes  # the input guard's own sender
    assert "user.invalid_skill_level" in codes  # _skill_error(...)
    assert "user.invalid_first_name" in codes  # f"user.invalid_{field}" via _name
    assert "place.invalid_notes" in codes  # f"place.invalid_{field}" via _text
    assert "validation.tag" in codes  # f"validation.{field}" via clean_names
    assert "invitation.expired" in codes  # Gone, a subclass without __init__
    # PluginError imported from coulisses_sdk (a re-export), prefixed like the host does
    assert "webhooks.endpoint_not_found" in codes
    assert "endpoint_not_found" not in codes


def test_the_inventory_knows_which_details_a_code_always_sends():
    found = inventory()
    assert found.params("validation.window_too_long") >= {"max_days"}
    assert found.params("request.too_deep") == {"max_depth"}
    assert found.params("user.invalid_skill_level") == {"index", "skill", "field"}
    assert found.params("place.invalid_name") == {"field"}


# -- docs/api.md ---------------------------------------------------------------------


def test_every_code_the_api_can_send_is_documented_in_the_api_code_table():
    missing = sorted(set(inventory().sites) - documented_codes())
    assert not missing, f"codes raised but absent from docs/api.md's table: {missing}"


def test_every_documented_code_is_still_raised_somewhere():
    stale = sorted(
        documented_codes() - set(inventory().sites) - set(FIELD_ERROR_CODES) - {"http.<statut>"}
    )
    assert not stale, f"codes in docs/api.md that the code never sends: {stale}"


# -- the web catalogs ------------------------------------------------------------------


def test_every_error_code_has_a_french_and_an_english_sentence():
    books = catalogs()
    codes = set(inventory().sites) | set(FIELD_ERROR_CODES) | {"network.unreachable"}
    missing = sorted(
        f"{locale}:{error_key(code)}"
        for code in codes
        for locale, book in books.items()
        if not book.get(error_key(code), "").strip()
    )
    assert not missing, f"error codes without words: {missing}"


def test_error_sentences_use_only_the_details_the_api_sends():
    found = inventory()
    sent: dict[str, frozenset[str]] = {code: found.params(code) for code in found.sites}
    sent.update({code: frozenset(params) for code, params in FIELD_ERROR_CODES.items()})
    sent["http.status"] = frozenset()
    wrong = []
    for locale, book in catalogs().items():
        for code, params in sent.items():
            used = set(PLACEHOLDER.findall(book.get(error_key(code), "")))
            # {code} is the code itself, which the fallback sentence shows.
            if extra := used - params - {"code"}:
                wrong.append(
                    f"{locale}:{error_key(code)} uses {sorted(extra)}, sent {sorted(params)}"
                )
    assert not wrong, wrong


def test_the_unknown_code_fallback_shows_the_code_in_both_languages():
    for book in catalogs().values():
        assert "{code}" in book["error_unknown"]


def test_every_conflict_kind_has_its_name_and_its_sentence_in_both_languages():
    books = catalogs()
    kinds = conflict_kinds()
    assert "overlap" in kinds
    assert "skill_expired" in kinds
    missing = sorted(
        f"{locale}:{prefix}{kind}"
        for kind in kinds
        for prefix in ("conflict_kind_", "conflict_text_")
        for locale, book in books.items()
        if not book.get(f"{prefix}{kind}", "").strip()
    )
    assert not missing, f"conflict kinds without words: {missing}"


def test_field_error_codes_are_documented():
    documented = documented_codes()
    assert not sorted(set(FIELD_ERROR_CODES) - documented)


def _placeholders(book: dict[str, Any], key: str) -> set[str]:
    return set(PLACEHOLDER.findall(book.get(key, "")))


def test_french_and_english_sentences_take_the_same_placeholders():
    fr, en = catalogs()["fr"], catalogs()["en"]
    differ = [
        k
        for k in fr
        if (k.startswith(("error_", "conflict_"))) and _placeholders(fr, k) != _placeholders(en, k)
    ]
    assert not differ, differ
