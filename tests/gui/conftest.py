"""GUI fixtures: settings in a temporary file, a document and a window on the seed plan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from taskmatrix.gui.settings import Settings


@pytest.fixture(autouse=True)
def _application(qapp):
    """Every GUI test runs with the application object (models use timers and the event loop)."""
    return qapp


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def document(qapp, seed_plan):
    from taskmatrix.gui.document import PlanDocument

    return PlanDocument(seed_plan)


@pytest.fixture
def window(qtbot, document, settings):
    from taskmatrix.gui.mainwindow import MainWindow

    win = MainWindow(document, settings)
    # Close without the unsaved-changes prompt when the test ends.
    qtbot.addWidget(win, before_close_func=lambda w: w.document.undo_stack.setClean())
    win.show()
    qtbot.waitExposed(win)
    return win
