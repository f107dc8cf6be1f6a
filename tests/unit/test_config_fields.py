"""coulisses_sdk.setting / TimeOfDay / config_label_problems: the settings form's labels."""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel, ValidationError

from coulisses_sdk import TimeOfDay, config_label_problems, setting

FR_EN = {"fr": "D\u00e9but", "en": "Start"}


class Labelled(BaseModel):
    start: TimeOfDay = setting("22:00", label=FR_EN, help={"fr": "Aide", "en": "Help"})
    diet: Literal["any", "veggie"] | None = setting(
        None,
        label={"fr": "R\u00e9gime", "en": "Diet"},
        choices={"any": {"fr": "Tout", "en": "Anything"}, "veggie": {"fr": "V", "en": "V"}},
    )
    active: bool = setting(True, label={"fr": "Actif", "en": "Active"})


def test_the_schema_carries_labels_help_choices_and_the_time_widget():
    props = Labelled.model_json_schema()["properties"]

    assert props["start"]["x-label"] == FR_EN
    assert props["start"]["x-help"] == {"fr": "Aide", "en": "Help"}
    assert props["start"]["x-widget"] == "time"
    # The English help is the description integrators read in the raw schema.
    assert props["start"]["description"] == "Help"
    assert props["diet"]["x-choices"]["veggie"] == {"fr": "V", "en": "V"}
    assert config_label_problems(Labelled) == []


@pytest.mark.parametrize("value", ["24:00", "7:30", "07:60", "0730", ""])
def test_a_time_of_day_is_hh_mm(value):
    with pytest.raises(ValidationError):
        Labelled(start=value)
    assert Labelled(start="07:30").start == "07:30"


def test_missing_texts_are_each_reported():
    class Partial(BaseModel):
        plain: int = 1
        half: str = setting("x", label={"fr": "Moiti\u00e9"}, help={"fr": "Aide"})
        kind: Literal["a", "b"] = setting("a", label=FR_EN, choices={"a": {"fr": "A", "en": "A"}})

    assert config_label_problems(Partial) == [
        "plain: no fr label",
        "plain: no en label",
        "half: no en label",
        "half: no en help",
        "kind: no fr label for choice 'b'",
        "kind: no en label for choice 'b'",
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"label": {"en": "Start"}}, "needs a 'fr' text"),
        ({"label": {"fr": "D", "de": "Anfang"}}, "unknown locales"),
        ({"label": FR_EN, "widget": "colour"}, "unknown widget"),
        ({"label": FR_EN, "help": {"en": "x"}}, "help needs a 'fr' text"),
    ],
)
def test_a_plugin_author_mistake_fails_at_import(kwargs, message):
    with pytest.raises(ValueError, match=message):
        setting("x", **kwargs)
