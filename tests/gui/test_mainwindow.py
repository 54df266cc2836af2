"""The main window's wiring: its title, status bar and layout, the language, the menus built from the declarations."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.settings import HEADER_STATE


def test_title_shows_the_plan_the_file_and_a_modified_marker(window, tmp_path):
    assert window.windowTitle().startswith("广东省推进粤港澳大湾区建设三年行动计划")
    assert "— Built-in plan[*] — Task Matrix" in window.windowTitle()
    assert not window.isWindowModified()
    window.document.edit_field(0, "status", "推进中")
    assert window.isWindowModified()
    window.actions_[ActionId.UNDO].trigger()
    assert not window.isWindowModified()
    assert window.document.plan.tasks[0].status == ""
    text = tmp_path / "计划.txt"  # a text plan's title shows too
    text.write_text("某某三年行动方案\n\n1.做事。（省科技厅）\n", encoding="utf-8")
    assert window.files.open_path(text, confirmed=True)
    assert window.windowTitle() == "某某三年行动方案 — 计划.txt[*] — Task Matrix"


def test_header_state_and_layout_are_restored(window, qtbot, settings, seed_plan):
    from taskmatrix.gui.document.document import PlanDocument
    from taskmatrix.gui.mainwindow import MainWindow

    window.table.setColumnWidth(2, 333)
    window.save_layout()
    assert not settings.get(HEADER_STATE).isEmpty()
    second = MainWindow(PlanDocument(seed_plan), settings)
    qtbot.addWidget(second)
    second.restore_layout()
    assert second.table.columnWidth(2) == 333


def test_status_bar_counts_and_path(window):
    assert window.count_label.text() == "100 tasks · 9 sections · 56 units"
    assert window.path_label.text().startswith("Built-in plan")


@pytest.mark.parametrize("language,file_menu,header", [("zh_CN", "文件(&F)", "牵头单位"), ("en", "&File", "Lead units")])
def test_interface_language(qtbot, settings, language, file_menu, header):
    from taskmatrix.gui.app import build_window

    app = QApplication.instance()
    try:
        win = build_window(None, settings, language, recovery=False)
        qtbot.addWidget(win)
        assert win.menuBar().actions()[0].text() == file_menu
        col = win.document.model.column_of("leads")
        assert win.proxy.headerData(col, Qt.Orientation.Horizontal) == header
    finally:
        for translator in getattr(app, "_taskmatrix_translators", []):
            app.removeTranslator(translator)
        app._taskmatrix_translators = []
