"""The import report in the window: shown after opening a file the reader was unsure about,
grouped by kind, and again from File → Import Report."""

from __future__ import annotations

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.document.report import ImportReportDialog

PLAN = ("某某方案\n\n一、任务\n\n1.做甲事。（某某研究院，省科技厅）\n\n3.做丙事。（某某中心）\n\n"
        "4.做丁事。\n\n" + "".join(f"一、重复{i}\n\n{i + 4}.做事。（省科技厅）\n\n" for i in range(1, 31)))


def test_opening_a_file_with_warnings_shows_the_grouped_report(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window.files, "exec_report", lambda dialog: shown.append(dialog) or 0)
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    assert window.files.open_path(path, confirmed=True)
    assert len(shown) == 1
    dialog = shown[0]
    assert isinstance(dialog, ImportReportDialog)
    assert "33 tasks in 31 sections" in dialog.summary.text()
    groups = {dialog.model.item(r).text(): dialog.model.item(r).rowCount() for r in range(dialog.model.rowCount())}
    # 30 repeated section numbers are one group of 30, not 30 lines.
    assert any(title.startswith("repeated section numbers") and n == 30 for title, n in groups.items())
    assert any(title.startswith("units not in the registry") and n == 2 for title, n in groups.items())
    assert any(title.startswith("numbered paragraphs without units") for title in groups)
    assert "33 tasks" in window.statusBar().currentMessage()


def test_the_report_can_be_shown_again_from_the_menu(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from taskmatrix.io.defaults import load_default_plan
    from taskmatrix.io.report import build_report

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    window.actions_[ActionId.IMPORT_REPORT].trigger()
    assert said and "not opened from a file" in said[0]
    shown = []
    monkeypatch.setattr(window.files, "exec_report", lambda dialog: shown.append(dialog) or 0)
    window.document.report = build_report(load_default_plan())  # as the app does for the embedded plan
    window.actions_[ActionId.IMPORT_REPORT].trigger()
    assert len(shown) == 1
    assert "100 tasks in 9 sections" in shown[0].summary.text()
    assert shown[0].tree.isHidden() and not shown[0].none.isHidden()  # nothing the reader was unsure of
    assert "first group of units leads" in shown[0].facts.text()


def test_a_clean_file_opens_without_the_dialog(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window.files, "exec_report", lambda dialog: shown.append(dialog) or 0)
    path = tmp_path / "clean.txt"
    path.write_text("1.做事。（省科技厅）\n", encoding="utf-8")
    assert window.files.open_path(path, confirmed=True)
    assert shown == []
    assert window.document.report is not None and str(window.document.report.summary).startswith("1 tasks")
