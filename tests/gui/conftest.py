"""GUI tests run with the application object (the settings, document and window fixtures are
in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _application(qapp):
    """Every GUI test runs with the application object (models use timers and the event loop)."""
    return qapp
