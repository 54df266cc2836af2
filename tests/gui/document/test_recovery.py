"""Autosave and crash recovery: copies written after edits, removed when saved or closed,
offered after a crash, restored as unsaved work."""

from __future__ import annotations

import json

import pytest

from taskmatrix.gui.document import recovery as rec
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.document.recovery import RecoveryManager, offer_restore, read_recovery
from taskmatrix.io.jsonio import dumps


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "recovery"


def make(seed_plan, folder, path=None, **kw):
    document = PlanDocument(seed_plan, path)
    manager = RecoveryManager(document, folder, quiet_ms=kw.pop("quiet_ms", 30), period_ms=kw.pop("period_ms", 60_000))
    return document, manager


def test_a_quiet_second_after_an_edit_writes_a_copy(qtbot, seed_plan, folder, tmp_path):
    source = tmp_path / "plan.xlsx"
    document, manager = make(seed_plan, folder, source)
    with qtbot.waitSignal(manager.written, timeout=3000):
        document.edit_field(0, "status", "推进中")
    assert manager.path.parent == folder and manager.path.exists()
    assert not list(tmp_path.glob("*.tmrec"))  # never next to the user's file
    header = json.loads(manager.path.read_text(encoding="utf-8").splitlines()[0])
    assert header["source"] == str(source) and header["task_count"] == 100 and header["saved_at"]
    assert dumps(read_recovery(manager.path)) == dumps(document.plan)
    manager.close()


def test_the_minute_timer_writes_too(qtbot, seed_plan, folder):
    document, manager = make(seed_plan, folder, quiet_ms=60_000, period_ms=50)
    document.edit_field(0, "notes", "x")
    with qtbot.waitSignal(manager.written, timeout=3000):
        pass
    assert read_recovery(manager.path).tasks[0].notes == "x"
    manager.close()


def test_saving_undoing_and_closing_remove_the_copy(qtbot, seed_plan, folder, tmp_path):
    document, manager = make(seed_plan, folder)
    document.edit_field(0, "notes", "x")
    manager.flush()
    assert manager.path.exists()
    document.undo_stack.undo()  # back at the saved state
    assert not manager.path.exists()
    document.edit_field(0, "notes", "y")
    manager.flush()
    document.mark_saved(tmp_path / "saved.xlsx")
    assert not manager.path.exists()
    document.edit_field(0, "notes", "z")
    manager.flush()
    manager.close()
    assert not list(folder.glob("*.tmrec")) and not list(folder.glob("*.lock"))


def test_nothing_is_written_without_unsaved_changes(seed_plan, folder):
    _, manager = make(seed_plan, folder)
    manager.flush()
    assert not manager.path.exists()
    manager.close()


def test_a_snapshot_restarts_when_the_plan_changes_midway(qtbot, seed_plan, folder, monkeypatch):
    monkeypatch.setattr(rec, "SLICE", 10)
    document, manager = make(seed_plan, folder, quiet_ms=20)
    document.edit_field(0, "notes", "first")
    manager._quiet.stop()
    manager.snapshot()
    manager._next_slice()  # one slice of ten tasks taken
    document.edit_field(50, "notes", "second")  # the plan changes under the snapshot
    with qtbot.waitSignal(manager.written, timeout=3000):
        pass
    copy = read_recovery(manager.path)
    assert copy.tasks[0].notes == "first" and copy.tasks[50].notes == "second"
    manager.close()


def test_after_a_crash_the_next_start_offers_and_restores(qtbot, seed_plan, folder, tmp_path, monkeypatch):
    source = tmp_path / "plan.xlsx"
    crashed_doc, crashed = make(seed_plan, folder, source)
    crashed_doc.edit_field(4, "progress", "已完成初稿")
    crashed.flush()
    crashed._lock.unlock()  # the process died: its lock is gone, its copy stays

    from taskmatrix.io.defaults import load_default_plan

    document, manager = make(load_default_plan().plan, folder)
    orphans = manager.orphans()
    assert [o.path for o in orphans] == [crashed.path] and orphans[0].source == source
    monkeypatch.setattr(rec, "ask", lambda box: next(b for b in box.buttons() if b.text() == "Restore"))
    assert offer_restore(None, manager)
    assert document.plan.tasks[4].progress == "已完成初稿"
    assert document.path == source and document.is_modified()
    assert not crashed.path.exists()
    assert manager.orphans() == []
    manager.close()


def test_discard_and_decide_later(qtbot, seed_plan, folder, monkeypatch):
    crashed_doc, crashed = make(seed_plan, folder)
    crashed_doc.edit_field(4, "progress", "x")
    crashed.flush()
    crashed._lock.unlock()
    from taskmatrix.io.defaults import load_default_plan

    _, manager = make(load_default_plan().plan, folder)
    monkeypatch.setattr(rec, "ask", lambda box: next(b for b in box.buttons() if b.text() == "Decide Later"))
    assert not offer_restore(None, manager)
    assert crashed.path.exists()
    monkeypatch.setattr(rec, "ask", lambda box: next(b for b in box.buttons() if b.text() == "Discard"))
    assert not offer_restore(None, manager)
    assert not crashed.path.exists()
    manager.close()


def test_a_running_apps_copy_is_not_offered(seed_plan, folder):
    other_doc, other = make(seed_plan, folder)
    other_doc.edit_field(0, "notes", "x")
    other.flush()
    from taskmatrix.io.defaults import load_default_plan

    _, manager = make(load_default_plan().plan, folder)
    assert manager.orphans() == []
    other.close()
    manager.close()


def test_the_app_wires_recovery_and_a_clean_exit_removes_it(qtbot, settings, tmp_path):
    from taskmatrix.gui.app import build_window

    folder = tmp_path / "rec"
    window = build_window(None, settings, "en", recovery_folder=folder)
    qtbot.addWidget(window)
    window.document.edit_field(0, "notes", "x")
    window.recovery.flush()
    assert window.recovery.path.exists()
    window.document.undo_stack.setClean()
    window.close()
    assert not list(folder.glob("*"))


@pytest.mark.parametrize("content", [b"[1, 2]\n", b"\xff\xfe garbage\n", b'{"format": "taskmatrix-recovery/1"}\n',
                                     b""])
def test_a_damaged_copy_is_set_aside_and_the_command_line_file_opens(qtbot, settings, tmp_path, content):
    import shutil

    from taskmatrix.gui.app import build_window
    from tests.conftest import DATA

    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "recovery-1-1.tmrec").write_bytes(content)  # left by a crash: no lock is held
    source = tmp_path / "p.xlsx"
    shutil.copy(DATA / "list_basic.xlsx", source)
    window = build_window(source, settings, "en", recovery_folder=folder)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.document.path == source, timeout=3000)
    assert window.document.plan.title == "某某行动计划"
    assert "damaged recovery copy was skipped" in window.statusBar().currentMessage()
    kept = folder / "recovery-1-1.tmrec.damaged"
    assert kept.read_bytes() == content  # kept byte for byte, not offered again
    assert not (folder / "recovery-1-1.tmrec").exists()


def test_a_copy_damaged_past_its_header_is_reported_and_kept(qtbot, seed_plan, folder, monkeypatch):
    _, manager = make(seed_plan, folder)
    bad = folder / "recovery-2-2.tmrec"
    bad.write_text('{"format": "taskmatrix-recovery/1", "saved_at": "2026-01-01T10:00:00", "task_count": 1}\n'
                   '{"number": "x"}\n', encoding="utf-8")
    shown = []
    monkeypatch.setattr(rec, "ask", lambda box: next(b for b in box.buttons() if b.text() == "Restore"))
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert offer_restore(None, manager) is False
    assert shown and "damaged" in shown[0] and (folder / "recovery-2-2.tmrec.damaged").exists()
    manager.close()


@pytest.mark.parametrize("obstacle", ["file", "read-only"])
def test_the_app_starts_without_autosave_when_its_folder_cannot_be_made(qtbot, settings, tmp_path, obstacle):
    import os

    from taskmatrix.gui.app import build_window

    if obstacle == "file":
        (tmp_path / "appdata").write_text("in the way")
        folder = tmp_path / "appdata" / "recovery"
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        (tmp_path / "ro").mkdir(mode=0o500)
        folder = tmp_path / "ro" / "recovery"
    window = build_window(None, settings, "en", recovery_folder=folder)
    qtbot.addWidget(window)
    assert window.recovery is None
    assert "Autosave is off" in window.statusBar().currentMessage()
    from PySide6.QtWidgets import QLabel

    assert window.statusBar().findChild(QLabel, "autosaveOff").text() == "Autosave off"
