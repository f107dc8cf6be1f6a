"""Config fields the web app can label in the member's language and show with the right widget.

A plugin's ``config_model`` is a pydantic model; its JSON schema drives the
settings form. Declaring a field with :func:`setting` adds what the form needs
beyond pydantic's English ``description``, as JSON schema extensions::

    class CateringConfig(BaseModel):
        model_config = ConfigDict(extra="forbid")

        lunch_at: TimeOfDay = setting(
            "12:30",
            label={"fr": "Heure du repas", "en": "Lunch time"},
            help={"fr": "Heure de l'org", "en": "Org time"},
        )
        diet: Literal["any", "veggie"] = setting(
            "any",
            label={"fr": "Regime", "en": "Diet"},
            choices={
                "any": {"fr": "Tout", "en": "Anything"},
                "veggie": {"fr": "Vegetarien", "en": "Vegetarian"},
            },
        )

- ``x-label``, ``x-help``: locale -> text; ``"fr"`` is required (the fallback).
- ``x-choices``: for an enum field, its value -> (locale -> text).
- ``x-widget``: ``"time"`` (a time picker, value ``HH:MM``), ``"email"``,
  ``"textarea"``; :data:`TimeOfDay` sets ``"time"`` itself.

:func:`config_label_problems` lists the fields of a model that lack a label in
a locale: call it in the plugin's tests (``coulisses_sdk.testing`` does it in
``assert_config_labelled``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints

#: The locales the web app speaks; ``fr`` is the fallback every text must have.
LOCALES = ("fr", "en")
#: The widgets the settings form knows beyond the type's default.
WIDGETS = ("time", "email", "textarea")
#: ``HH:MM``, 00:00 to 23:59.
HHMM_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"

#: A time of day ``HH:MM`` (e.g. the start of quiet hours), shown with a time picker.
TimeOfDay = Annotated[
    str,
    StringConstraints(pattern=HHMM_PATTERN),
    Field(json_schema_extra={"x-widget": "time"}),
]

Text = Mapping[str, str]


def _text(value: Text, what: str) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise TypeError(f"{what} maps a locale to its text, e.g. {{'fr': ..., 'en': ...}}")
    texts = {str(k): str(v) for k, v in value.items()}
    if not texts.get("fr", "").strip():
        raise ValueError(f"{what} needs a 'fr' text (the fallback)")
    unknown = set(texts) - set(LOCALES)
    if unknown:
        raise ValueError(f"{what} has unknown locales {sorted(unknown)} (known: {LOCALES})")
    return texts


def setting(
    default: Any = ...,
    *,
    label: Text,
    help: Text | None = None,
    choices: Mapping[Any, Text] | None = None,
    widget: str | None = None,
    **field_kwargs: Any,
) -> Any:
    """A pydantic ``Field`` carrying the form's labels (see the module docstring).

    ``field_kwargs`` go to ``Field`` (``ge``, ``max_length``, ``pattern``...). The
    English help text becomes the schema's ``description`` unless one is given.
    """
    extra: dict[str, Any] = {"x-label": _text(label, "label")}
    if help is not None:
        extra["x-help"] = _text(help, "help")
        field_kwargs.setdefault("description", extra["x-help"].get("en", extra["x-help"]["fr"]))
    if choices is not None:
        extra["x-choices"] = {
            str(value): _text(text, f"choice {value!r}") for value, text in choices.items()
        }
    if widget is not None:
        if widget not in WIDGETS:
            raise ValueError(f"unknown widget {widget!r} (known: {WIDGETS})")
        extra["x-widget"] = widget
    return Field(default, json_schema_extra=extra, **field_kwargs)


def _enum_values(node: dict[str, Any], defs: dict[str, Any]) -> list[Any] | None:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        node = {**defs.get(ref.removeprefix("#/$defs/"), {}), **node}
    for key in ("anyOf", "oneOf", "allOf"):
        for variant in node.get(key, []) or []:
            values = _enum_values(variant, defs)
            if values is not None:
                return values
    if "enum" in node:
        return list(node["enum"])
    if "const" in node:
        return [node["const"]]
    return None


def config_label_problems(model: type[BaseModel], locales: tuple[str, ...] = LOCALES) -> list[str]:
    """What the settings form could not say in every locale: one line per problem.

    A field without ``x-label`` in a locale, a help text missing a locale, an enum
    value without a label in ``x-choices``. Empty: the form is fully translated.
    """
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    problems: list[str] = []
    for name, node in schema.get("properties", {}).items():
        labels = node.get("x-label") or {}
        problems += [f"{name}: no {loc} label" for loc in locales if loc not in labels]
        helps = node.get("x-help")
        if helps is not None:
            problems += [f"{name}: no {loc} help" for loc in locales if loc not in helps]
        values = _enum_values(node, defs)
        if values is not None:
            choices = node.get("x-choices") or {}
            for value in values:
                texts = choices.get(str(value), {})
                problems += [
                    f"{name}: no {loc} label for choice {value!r}"
                    for loc in locales
                    if loc not in texts
                ]
    return problems
