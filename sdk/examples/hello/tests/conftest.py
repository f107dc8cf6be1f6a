"""The hello plugin tests itself with the SDK harness only (no core test code)."""

import pytest

from coulisses_hello.plugin import plugin
from coulisses_sdk import Plugin

pytest_plugins = ["coulisses_sdk.testing"]


@pytest.fixture(scope="session")
def coulisses_plugins() -> list[Plugin]:
    """Only the plugin under test, whatever else is installed."""
    return [plugin]
