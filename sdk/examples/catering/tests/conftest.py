"""The plugin tests itself against the real core with the SDK harness only."""

import pytest

from coulisses_catering.plugin import plugin
from coulisses_sdk import Plugin

pytest_plugins = ["coulisses_sdk.testing"]


@pytest.fixture(scope="session")
def coulisses_plugins() -> list[Plugin]:
    """Only the plugin under test, whatever else is installed."""
    return [plugin]
