"""One field's error gets a stable code and params, whatever sentence msgspec or pydantic wrote."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec
import pydantic
import pytest

from coulisses.errors import FIELD_ERROR_CODES, msgspec_field_error, pydantic_field_error


class Body(msgspec.Struct, forbid_unknown_fields=True):
    count: Annotated[int, msgspec.Meta(ge=1, le=5)]
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=3, pattern="^[a-z]+$")]
    kind: Literal["a", "b"]
    when: Annotated[str, msgspec.Meta(max_length=40)] = ""


GOOD: dict[str, Any] = {"count": 1, "name": "ab", "kind": "a"}


def _msgspec_message(body: dict[str, Any]) -> str:
    with pytest.raises(msgspec.ValidationError) as caught:
        msgspec.json.decode(msgspec.json.encode(body), type=Body)
    return str(caught.value).split(" - ", 1)[0]


@pytest.mark.parametrize(
    ("change", "code", "params"),
    [
        ({"count": 0}, "field.too_small", {"min": 1}),
        ({"count": 9}, "field.too_large", {"max": 5}),
        ({"count": "x"}, "field.type", {}),
        ({"name": ""}, "field.too_short", {"min": 1}),
        ({"name": "abcd"}, "field.too_long", {"max": 3}),
        ({"name": "A"}, "field.pattern", {}),
        ({"kind": "z"}, "field.choice", {}),
        ({"colour": 1}, "field.unknown", {"name": "colour"}),
        ({"kind": None}, "field.type", {}),
    ],
)
def test_msgspec_sentences_map_to_field_codes(change, code, params):
    assert msgspec_field_error(_msgspec_message({**GOOD, **change})) == (code, params)


def test_a_missing_field_a_missing_body_and_an_odd_sentence():
    missing = _msgspec_message({"name": "ab", "kind": "a"})
    assert msgspec_field_error(missing) == ("field.required", {})
    assert msgspec_field_error("A JSON request body is required") == ("field.required", {})
    assert msgspec_field_error("Invalid RFC3339 encoded datetime") == ("field.format", {})
    assert msgspec_field_error("Something new from msgspec") == ("field.invalid", {})


class Config(pydantic.BaseModel, extra="forbid"):
    hours: int = pydantic.Field(default=1, ge=1, le=24)
    label: str = pydantic.Field(default="a", min_length=1, max_length=3)
    quiet: str = pydantic.Field(default="22:00", pattern=r"^\d{2}:\d{2}$")
    mode: Literal["email", "sms"] = "email"


def _pydantic_error(body: dict[str, Any]) -> Any:
    with pytest.raises(pydantic.ValidationError) as caught:
        Config.model_validate(body)
    return caught.value.errors()[0]


@pytest.mark.parametrize(
    ("body", "code", "params"),
    [
        ({"hours": 0}, "field.too_small", {"min": 1}),
        ({"hours": 25}, "field.too_large", {"max": 24}),
        ({"hours": "many"}, "field.type", {}),
        ({"label": ""}, "field.too_short", {"min": 1}),
        ({"label": "abcd"}, "field.too_long", {"max": 3}),
        ({"quiet": "late"}, "field.pattern", {}),
        ({"mode": "fax"}, "field.choice", {}),
        ({"other": 1}, "field.unknown", {"name": "other"}),
    ],
)
def test_pydantic_errors_map_to_the_same_field_codes(body, code, params):
    assert pydantic_field_error(_pydantic_error(body)) == (code, params)


def test_every_code_the_mappings_give_is_a_declared_field_code():
    for code, params in [
        msgspec_field_error("Expected `int` >= 1"),
        pydantic_field_error({"type": "value_error", "loc": ("x",)}),
        pydantic_field_error({"type": "datetime_parsing", "loc": ("x",)}),
    ]:
        assert code in FIELD_ERROR_CODES
        assert set(params) <= set(FIELD_ERROR_CODES[code])
