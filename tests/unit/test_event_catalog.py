"""docs/plugins/evenements.md is the catalog the code generates: regenerate it when an event
changes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from coulisses.plugins.dispatch import decode, encode, event_catalog, event_types
from coulisses_sdk import events

DOC = Path(__file__).resolve().parents[2] / "docs" / "plugins" / "evenements.md"


def test_the_committed_catalog_is_the_generated_one():
    assert DOC.read_text(encoding="utf-8") == event_catalog(core_only=True), (
        "docs/plugins/evenements.md is stale: "
        "uv run coulisses events catalog --core-only > docs/plugins/evenements.md"
    )


def test_every_core_event_is_in_the_catalog_and_round_trips_through_its_payload():
    catalog = event_catalog(core_only=True)
    core = [c for c in event_types().values() if c.__module__ == events.__name__]
    concrete = [
        c for c in core if c.__name__ not in ("DomainEvent", "AssignmentEvent", "OpenShiftEvent")
    ]
    assert len(concrete) >= 10
    for cls in concrete:
        assert f"## {cls.__name__}\n" in catalog
        values = {
            f.name: 7 if f.type in ("int", "int | None") else "x"
            for f in dataclasses.fields(cls)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        }
        for f in dataclasses.fields(cls):
            if f.name in values and f.type == "dt.datetime":
                values[f.name] = __import__("datetime").datetime(
                    2027, 7, 14, 9, 30, tzinfo=__import__("datetime").UTC
                )
        if "day" in values:
            values["day"] = __import__("datetime").date(2027, 7, 14)
        event = cls(**values)
        assert decode(cls.__name__, encode(event)) == event
