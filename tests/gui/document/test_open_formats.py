"""Opening Word, PDF and old workbooks from the window: the open dialog, drag and drop,
recent files, and Save offering a new .xlsx beside the source."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from taskmatrix.gui.settings import RECENT_FILES
from tests.conftest import DATA


@pytest.fixture
def no_report(window, monkeypatch):
    shown = []
    monkeypatch.setattr(window.files, "exec_report", lambda dialog: shown.append(dialog) or 0)
    return shown


def drop(window, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))


def test_the_open_dialog_offers_every_format(window, no_report, tmp_path, monkeypatch):
    source = tmp_path / "plan.docx"
    shutil.copy(DATA / "seed.docx", source)
    offered = []

    def choose(parent, title, folder, filters, *args, **kwargs):
        offered.append(filters)
        return str(source), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    assert window.files.open_dialog()
    for pattern in ("*.docx", "*.pdf", "*.xls", "*.et", "*.ods", "*.xlsx", "*.txt", "*.csv", "*.json"):
        assert pattern in offered[0]
    assert window.document.path == source and len(window.document.plan.tasks) == 100
    assert window.settings.get(RECENT_FILES)[0] == str(source)


@pytest.mark.parametrize("name, count", [("seed.pdf", 100), ("matrix.docx", 3), ("list_basic.xls", 5),
                                         ("list_basic.ods", 5)])
def test_drag_and_drop_of_other_formats(window, qtbot, no_report, tmp_path, name, count):
    if not (DATA / name).exists():
        pytest.skip(f"{name} needs soffice to be made")
    source = tmp_path / name
    shutil.copy(DATA / name, source)
    drop(window, source)
    qtbot.waitUntil(lambda: window.document.path == source, timeout=5000)
    assert len(window.document.plan.tasks) == count


def test_a_dropped_old_word_file_says_to_save_it_as_docx(window, qtbot, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: said.append(text))
    source = tmp_path / "plan.doc"
    shutil.copy(DATA / "old_word.doc", source)
    before = window.document.plan
    drop(window, source)
    qtbot.waitUntil(lambda: bool(said), timeout=3000)
    assert "plan.doc" in said[0] and ".docx" in said[0]
    assert window.document.plan is before


def test_save_offers_a_new_xlsx_beside_the_source(window, no_report, tmp_path, monkeypatch):
    source = tmp_path / "计划.pdf"
    shutil.copy(DATA / "seed.pdf", source)
    assert window.files.open_path(source, confirmed=True)
    suggested = []

    def save_as(parent, title, path, filters, *args, **kwargs):
        suggested.append(path)
        return path, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.document.edit_field(0, "notes", "改")
    assert window.files.save()
    assert suggested == [str(tmp_path / "计划.xlsx")]
    assert (tmp_path / "计划.xlsx").exists() and source.read_bytes() == (DATA / "seed.pdf").read_bytes()
    assert window.document.path == tmp_path / "计划.xlsx" and not window.document.is_modified()
