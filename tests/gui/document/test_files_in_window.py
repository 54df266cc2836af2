"""Files from the window: open, save, export, drop, the command line; unsaved changes asked about."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.settings import RECENT_FILES
from tests.conftest import DATA

Button = QMessageBox.StandardButton


def test_closing_with_unsaved_changes_asks(window, monkeypatch):
    window.document.edit_field(0, "notes", "x")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Cancel)
    assert not window.close()
    assert window.isVisible()
    saved = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Save)
    monkeypatch.setattr(window.files, "save", lambda: saved.append(1) or False)
    assert not window.close()  # the save failed (or was cancelled): stay open
    assert saved == [1]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Discard)
    assert window.close()


def test_opening_another_file_asks_and_cancel_keeps_the_plan(window, monkeypatch, tmp_path):
    window.document.edit_field(0, "notes", "x")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Cancel)
    assert not window.files.open_path(DATA / "grid.xlsx")
    assert window.document.plan.tasks[0].notes == "x"


def test_a_read_started_early_is_used_or_cancelled(window, monkeypatch):
    from taskmatrix.gui.document.files import start_reading

    reading = start_reading(DATA / "list_basic.xlsx")
    assert window.files.open_path(DATA / "list_basic.xlsx", confirmed=True, reading=reading)
    assert window.document.plan.title == "某某行动计划" and reading.finished.is_set()

    window.document.edit_field(0, "notes", "x")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Cancel)
    reading = start_reading(DATA / "grid.xlsx", started=False)
    assert not window.files.open_path(DATA / "grid.xlsx", reading=reading)
    assert reading.cancel.is_set() and window.document.plan.tasks[0].notes == "x"


def test_open_errors_are_shown_and_leave_the_plan_as_it_was(window, monkeypatch, tmp_path):
    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: errors.append(text))
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 definitely not a workbook")
    plan = window.document.plan
    assert not window.files.open_path(bad)
    assert window.document.plan is plan and window.document.path is None
    assert len(errors) == 1 and "broken.xlsx" in errors[0] and "damaged" in errors[0]


def test_open_save_and_reopen_xlsx(window, monkeypatch, tmp_path, qtbot):
    source = tmp_path / "list_basic.xlsx"
    shutil.copy(DATA / "list_basic.xlsx", source)
    assert window.files.open_path(source)
    assert window.document.path == source and len(window.document.plan.tasks) == 5
    assert "list layout" in window.statusBar().currentMessage()
    assert window.settings.get(RECENT_FILES)[0] == str(source)
    window.document.edit_field(0, "status", "已完成")
    assert window.files.save()
    assert not window.document.is_modified()
    assert (tmp_path / "list_basic.bak.xlsx").exists()
    assert window.files.open_path(source)
    assert window.document.plan.tasks[0].status == "已完成"


def test_saving_the_built_in_plan_asks_for_a_name(window, monkeypatch, tmp_path):
    target = tmp_path / "分工表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.document.edit_field(0, "status", "推进中")
    window.actions_[ActionId.SAVE].trigger()
    assert target.exists() and window.document.path == target
    assert "— 分工表.xlsx[*] —" in window.windowTitle()


def test_export_json_and_csv(window, monkeypatch, tmp_path):
    for suffix in (".json", ".csv"):
        target = tmp_path / f"out{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        window.actions_[ActionId.EXPORT_JSON if suffix == ".json" else ActionId.EXPORT_CSV].trigger()
        assert target.exists()
    assert window.document.path is None  # exporting does not change the document's file


def test_drag_and_drop_opens_the_file(window, qtbot, tmp_path):
    source = tmp_path / "grid.xlsx"
    shutil.copy(DATA / "grid.xlsx", source)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.path == source, timeout=3000)
    assert len(window.document.plan.tasks) == 3


def test_open_from_the_command_line_path(qtbot, settings, tmp_path):
    from taskmatrix.gui.app import build_window

    source = tmp_path / "p.xlsx"
    shutil.copy(DATA / "list_basic.xlsx", source)
    win = build_window(Path(source), settings, "en", recovery_folder=tmp_path / "recovery")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.document.path == source, timeout=3000)
    assert win.document.plan.title == "某某行动计划"


def test_the_command_line_file_is_read_while_the_window_is_built(qtbot, settings, tmp_path, monkeypatch):
    import threading

    import taskmatrix.io.formats as formats
    from taskmatrix.gui.app import build_window
    from taskmatrix.gui.mainwindow import MainWindow

    reading = threading.Event()
    real_read, real_init = formats.read_plan, MainWindow.__init__
    seen = []

    def read(*args, **kwargs):
        reading.set()
        return real_read(*args, **kwargs)

    def init(self, *args, **kwargs):
        seen.append(reading.wait(5))  # the read began before the window was built
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(formats, "read_plan", read)
    monkeypatch.setattr(MainWindow, "__init__", init)
    source = tmp_path / "p.xlsx"
    shutil.copy(DATA / "list_basic.xlsx", source)
    win = build_window(source, settings, "en", recovery_folder=tmp_path / "recovery")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.document.path == source, timeout=3000)
    assert seen == [True] and win.document.plan.title == "某某行动计划"
