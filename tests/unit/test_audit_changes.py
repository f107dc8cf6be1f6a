"""before_after: the one rule for what an update's audit entry says it changed."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from coulisses.audit import REDACTED, before_after, plain

PARIS = dt.timezone(dt.timedelta(hours=2))


def test_only_the_fields_that_changed_are_kept():
    row = {"id": 4, "title": "Montage", "place": "Cour", "notes": "", "status": "DRAFT"}
    assert before_after(row, {"title": "Demontage", "place": "Cour"}) == {
        "before": {"title": "Montage"},
        "after": {"title": "Demontage"},
    }


def test_nothing_changed_gives_two_empty_sides():
    assert before_after({"a": 1, "b": [1, 2]}, {"a": 1, "b": (1, 2)}) == {
        "before": {},
        "after": {},
    }


def test_one_instant_in_two_spellings_is_no_change_and_changes_are_in_utc():
    stored = dt.datetime(2027, 7, 10, 17, 0, tzinfo=dt.UTC)
    same = dt.datetime(2027, 7, 10, 19, 0, tzinfo=PARIS)
    later = dt.datetime(2027, 7, 10, 20, 0, tzinfo=PARIS)
    assert before_after({"starts_at": stored}, {"starts_at": same})["after"] == {}
    assert before_after({"starts_at": stored}, {"starts_at": later}) == {
        "before": {"starts_at": "2027-07-10T17:00:00+00:00"},
        "after": {"starts_at": "2027-07-10T18:00:00+00:00"},
    }


def test_a_field_missing_from_before_counts_as_null():
    assert before_after({}, {"phone": "0600"}) == {
        "before": {"phone": None},
        "after": {"phone": "0600"},
    }
    assert before_after({"phone": None}, {"phone": None})["after"] == {}


def test_nested_objects_keep_only_their_changed_keys():
    before = {"config": {"greeting": "Salut", "punctuation": "!", "old": 1}}
    after = {"config": {"greeting": "Bonjour", "punctuation": "!", "new": 2}}
    assert before_after(before, after) == {
        "before": {"config": {"greeting": "Salut", "old": 1, "new": None}},
        "after": {"config": {"greeting": "Bonjour", "old": None, "new": 2}},
    }
    # A scope that appears or disappears is null on the other side, not an empty object.
    assert before_after({"CDI": None}, {"CDI": {"max_hours_day": 10.0}}) == {
        "before": {"CDI": None},
        "after": {"CDI": {"max_hours_day": 10.0}},
    }


def test_a_redacted_field_says_it_changed_and_nothing_more():
    diff = before_after(
        {"legal_ids": {"nir": "185057800608491"}, "phone": "1"},
        {"legal_ids": {"nir": "185052A34173207"}, "phone": "1"},
        redact=("legal_ids", "phone"),
    )
    assert diff == {"before": {"legal_ids": REDACTED}, "after": {"legal_ids": REDACTED}}
    assert "1850" not in json.dumps(diff)
    unchanged = before_after({"legal_ids": {}}, {"legal_ids": {}}, redact=("legal_ids",))
    assert unchanged["after"] == {}


def test_plain_makes_json_data():
    value = {
        "day": dt.date(2027, 7, 1),
        "time": dt.time(19, 30),
        "when": dt.datetime(2027, 7, 1, 20, 0, tzinfo=PARIS),
        "tags": {"son", "lumiere"},
        "amount": Decimal("12.50"),
        "pair": (1, 2),
    }
    assert plain(value) == {
        "day": "2027-07-01",
        "time": "19:30:00",
        "when": "2027-07-01T18:00:00+00:00",
        "tags": ["lumiere", "son"],
        "amount": "12.50",
        "pair": [1, 2],
    }
    json.dumps(plain(value))
