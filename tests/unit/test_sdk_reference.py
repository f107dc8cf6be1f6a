"""docs/plugins/reference.md is the reference the SDK generates: regenerate it when a hook
or a host service changes (``coulisses plugin reference > docs/plugins/reference.md``)."""

from __future__ import annotations

from pathlib import Path

from coulisses.plugins.reference import reference
from coulisses_sdk import hookspecs, host

DOC = Path(__file__).resolve().parents[2] / "docs" / "plugins" / "reference.md"


def test_the_committed_reference_is_the_generated_one():
    assert DOC.read_text(encoding="utf-8") == reference(), (
        "docs/plugins/reference.md is stale: uv run coulisses plugin reference > "
        "docs/plugins/reference.md"
    )


def test_every_hook_and_every_service_has_a_documented_entry():
    text = reference()
    hooks = [n for n, f in vars(hookspecs).items() if hasattr(f, "coulisses_spec")]
    assert {"domain_event", "mission_changed", "plugin_enabled", "register_jobs"} <= set(hooks)
    for name in hooks:
        assert f"### `{name}`" in text
    for name in ("get_mission", "list_missions", "enqueue", "emit_event", "sign"):
        assert callable(getattr(host, name))
        assert f"### `{name}`" in text
    assert "(pas de description)" not in text
