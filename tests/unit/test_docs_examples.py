"""Every code example in the docs is a doctest or is copied from a tested example.

A fenced block in a code language (python, toml, js, ts, tsx) must be one of:

- a doctest: it holds ``>>>`` lines, and this test runs them;
- an extract: its first line is a comment naming the file it comes from
  (``# sdk/examples/hello/src/coulisses_hello/plugin.py`` or
  ``// sdk/examples/catering/frontend/src/meals.tsx``, optionally followed by
  ``(extrait)``); every other non-blank line, stripped, appears in that file in the
  same order. A line ``...``, ``# ...`` or ``// ...`` marks an elision. The files
  named are run by the suite (the example plugins, the first-party plugins, the
  scaffold's template), so a wrong example fails here rather than in a partner's hands.

``docs/plugins/reference.md`` is generated from the SDK's docstrings: its signature
blocks come from the code itself, and the ``Example::`` blocks of those docstrings
follow the extract rule (first line ``# <path>``).
"""

from __future__ import annotations

import doctest
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted(
    path
    for path in [*ROOT.joinpath("docs").rglob("*.md"), *ROOT.glob("README.md")]
    if path.name != "CHANGELOG.md"
)
CODE_LANGUAGES = {"python", "py", "toml", "js", "mjs", "ts", "tsx"}
#: Where an extract may come from: code the suite runs.
TESTED_ROOTS = (
    "sdk/examples/",
    "plugins/",
    "core/src/coulisses/plugins/scaffold/template/",
    "tests/",
)
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
SOURCE_LINE = re.compile(r"^\s*(?:#|//)\s*(?P<path>[\w./-]+\.\w+)(?:\s+\(extrait\))?\s*$")
ELISION = {"...", "# ...", "// ...", "/* ... */", "{/* ... */}"}
GENERATED = {"docs/plugins/reference.md"}


@dataclass(frozen=True)
class Example:
    doc: str
    line: int
    language: str
    body: str

    def __str__(self) -> str:
        return f"{self.doc}:{self.line} ({self.language})"


def _docstring_examples(doc: str, text: str) -> list[Example]:
    """The indented literal blocks after a line ending in ``Example::`` (generated docs)."""
    found: list[Example] = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if not line.rstrip().endswith("Example::"):
            continue
        block: list[str] = []
        for following in lines[index + 1 :]:
            if following.strip() and not following.startswith("    "):
                break
            block.append(following[4:])
        body = "\n".join(block).strip("\n") + "\n"
        found.append(Example(doc, index + 1, "python", body))
    return found


def _examples() -> list[Example]:
    examples: list[Example] = []
    for path in DOCS:
        doc = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        if doc in GENERATED:
            examples.extend(_docstring_examples(doc, text))
            continue
        for match in FENCE.finditer(text):
            language = match.group(1).lower()
            if language in CODE_LANGUAGES:
                line = text.count("\n", 0, match.start()) + 1
                examples.append(Example(doc, line, language, match.group(2)))
    return examples


EXAMPLES = _examples()


def _check_extract(example: Example) -> None:
    lines = example.body.splitlines()
    first = SOURCE_LINE.match(lines[0]) if lines else None
    assert first, (
        f"{example}: not a doctest and its first line does not name the tested file it comes "
        "from (e.g. '# sdk/examples/hello/src/coulisses_hello/plugin.py')"
    )
    source_path = first.group("path")
    assert source_path.startswith(TESTED_ROOTS), f"{example}: {source_path} is not run by the suite"
    source = ROOT / source_path
    assert source.is_file(), f"{example}: {source_path} does not exist"
    source_lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines()]
    position = 0
    for wanted in (line.strip() for line in lines[1:]):
        if not wanted or wanted in ELISION:
            continue
        try:
            position = source_lines.index(wanted, position) + 1
        except ValueError:
            pytest.fail(f"{example}: line {wanted!r} is not in {source_path} (in this order)")


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_an_example_is_a_doctest_or_a_tested_extract(example: Example) -> None:
    if ">>>" in example.body:
        parser = doctest.DocTestParser()
        test = parser.get_doctest(example.body, {}, str(example), example.doc, example.line)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner.run(test)
        assert runner.failures == 0, f"{example}: doctest failed (output above)"
        return
    _check_extract(example)


def test_the_docs_hold_examples() -> None:
    # The collection itself is checked: a broken fence pattern would pass everything.
    docs = {example.doc for example in EXAMPLES}
    assert {"docs/plugins/guide.md", "docs/plugins/reference.md", "docs/webhooks.md"} <= docs
    assert len(EXAMPLES) >= 30
