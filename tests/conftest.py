"""Shared fixtures. Qt runs on the offscreen platform; settings go to a temporary folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


@pytest.fixture
def data_file(tmp_path: Path):
    """Copy a file from tests/data into tmp_path and return the copy's path."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copyfile(DATA / name, target)
        return target

    return copy


@pytest.fixture
def seed_text() -> str:
    from taskmatrix.io.defaults import default_plan_text

    return default_plan_text()


@pytest.fixture
def seed_plan():
    from taskmatrix.io.defaults import load_default_plan

    return load_default_plan().plan


# -- GUI: settings in a temporary file, a document and a window on the seed plan -----------------
@pytest.fixture
def settings(tmp_path):
    """The app's settings in a temporary file."""
    from PySide6.QtCore import QSettings

    from taskmatrix.gui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def document(qapp, seed_plan):
    from taskmatrix.gui.document.document import PlanDocument

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


@pytest.fixture
def valid_model(qtmodeltester):
    """Check an item model with pytest-qt's model tester (the Python checks, which name what
    is wrong); returns the model."""
    def check(model):
        qtmodeltester.check(model, force_py=True)
        return model

    return check
