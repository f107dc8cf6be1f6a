"""coulisses_sdk.zone_label: the one way messages name a mission's clock."""

from __future__ import annotations

import pytest

from coulisses_sdk import zone_label


@pytest.mark.parametrize(
    ("timezone", "label"),
    [
        ("America/Montreal", "Montreal"),
        ("Europe/Paris", "Paris"),
        ("America/Argentina/Buenos_Aires", "Buenos Aires"),
        ("UTC", "UTC"),
    ],
)
def test_the_label_is_the_place_part_of_the_name(timezone, label):
    assert zone_label(timezone) == label
