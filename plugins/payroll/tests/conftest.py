"""The payroll plugin's API tests run the real core with the SDK harness (the engine tests
need none of it: they use no fixture of it)."""

from __future__ import annotations

import pytest

from coulisses_payroll.plugin import plugin
from coulisses_sdk import Plugin

pytest_plugins = ["coulisses_sdk.testing"]


@pytest.fixture(scope="session")
def coulisses_plugins() -> list[Plugin]:
    """Only the plugin under test, whatever else is installed."""
    return [plugin]
