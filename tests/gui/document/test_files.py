"""Saving never loses work: fault injection during writes, read-only and locked files, a
file changed on disk since it was opened. Each leaves the old file byte-for-byte intact and
the plan unsaved in the app, and says why."""

from __future__ import annotations

import errno
import os
import shutil

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

import taskmatrix.io.atomic as atomic
import taskmatrix.io.excel.write as excel_write
from tests.conftest import DATA

Button = QMessageBox.StandardButton


@pytest.fixture
def opened(window, tmp_path):
    """The window with a workbook opened and one unsaved edit."""
    path = tmp_path / "plan.xlsx"
    shutil.copy(DATA / "list_basic.xlsx", path)
    assert window.files.open_path(path)
    window.document.edit_field(0, "status", "推进中")
    return window, path, path.read_bytes()


@pytest.fixture
def errors(monkeypatch):
    shown = []

    def critical(parent, title, text, buttons=None, default=None):
        shown.append(text)
        return Button.Cancel  # decline "save under another name?"

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return shown


def assert_unharmed(window, path, before):
    assert path.read_bytes() == before
    assert window.document.is_modified()
    assert sorted(p.name for p in path.parent.iterdir() if p.suffix in (".xlsx", ".tmp")) == ["plan.xlsx"]


def test_full_disk_during_the_write(opened, errors, monkeypatch):
    window, path, before = opened

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(excel_write, "_write_xlsxwriter", full)
    assert not window.files.save()
    assert "disk is full" in errors[0] and str(path) in errors[0]
    assert_unharmed(window, path, before)


def test_an_exception_halfway_through_the_write(opened, errors, monkeypatch):
    window, path, before = opened
    real = excel_write._task_sheet

    def half(plan, ws, cleaner, progress):
        real(plan, ws, cleaner, progress)
        raise RuntimeError("simulated crash after the task sheet")

    monkeypatch.setattr(excel_write, "_task_sheet", half)
    assert not window.files.save()
    assert "unexpected error" in errors[0] and "simulated crash" in errors[0]
    assert_unharmed(window, path, before)


def test_the_final_replace_fails_as_on_a_file_locked_by_excel(opened, errors, monkeypatch):
    window, path, before = opened

    def locked(src, dst):
        if str(dst) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(dst))
        return real_replace(src, dst)

    real_replace = os.replace
    monkeypatch.setattr(atomic.os, "replace", locked)
    assert not window.files.save()
    assert "no permission to write" in errors[0] or "locked" in errors[0]
    assert path.read_bytes() == before and window.document.is_modified()


def test_a_lock_file_from_excel_or_wps(opened, errors):
    window, path, before = opened
    (path.parent / "~$plan.xlsx").write_bytes(b"owner")
    assert not window.files.save()
    assert "Excel or WPS" in errors[0]
    assert path.read_bytes() == before and window.document.is_modified()


def test_read_only_file_offers_save_as_and_save_as_works(opened, monkeypatch):
    window, path, before = opened
    os.chmod(path, 0o444)
    other = path.parent / "copy.xlsx"
    offered = []

    def critical(parent, title, text, buttons=None, default=None):
        offered.append(text)
        return Button.Save  # yes, save under another name

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    assert window.files.save()
    assert "read-only" in offered[0]
    assert path.read_bytes() == before
    assert other.exists() and window.document.path == other and not window.document.is_modified()
    os.chmod(path, 0o644)


def test_read_only_folder(opened, errors, monkeypatch):
    window, path, before = opened
    monkeypatch.setattr(atomic.tempfile, "mkstemp", lambda **k: (_ for _ in ()).throw(
        PermissionError(errno.EACCES, "Permission denied")))
    assert not window.files.save()
    assert "no permission to write" in errors[0]
    assert path.read_bytes() == before and window.document.is_modified()


def test_a_file_changed_on_disk_is_noticed_before_overwriting(opened, monkeypatch):
    window, path, _ = opened
    path.write_bytes(path.read_bytes() + b"\0")  # someone else saved it meanwhile
    changed = path.read_bytes()
    asked = []
    monkeypatch.setattr(window.files, "ask_changed_on_disk", lambda p: asked.append(p) or "cancel")
    assert not window.files.save()
    assert asked == [path] and path.read_bytes() == changed and window.document.is_modified()
    monkeypatch.setattr(window.files, "ask_changed_on_disk", lambda p: "overwrite")
    assert window.files.save()
    assert path.read_bytes() != changed and not window.document.is_modified()
    assert (path.parent / "plan.bak.xlsx").read_bytes() == changed  # what they saved is the backup


def test_cells_excel_cannot_hold_are_cleaned_and_reported(window, monkeypatch, tmp_path):
    from taskmatrix.io.excel.read import read_xlsx

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    target = tmp_path / "clean.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.document.edit_field(2, "body", "复制自PDF\x0c的\x07文字")
    assert window.files.save()
    assert "control characters" in warnings[0] and "3" in warnings[0]
    assert read_xlsx(target).plan.tasks[2].body == "复制自PDF的文字"


def test_a_cell_over_excels_limit_is_refused_naming_the_task(window, errors, monkeypatch, tmp_path):
    target = tmp_path / "big.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.document.edit_field(6, "progress", "进" * 40000)
    assert not window.files.save()
    assert "task 7" in errors[0] and "32,767" in errors[0]
    assert not target.exists() and window.document.is_modified()
