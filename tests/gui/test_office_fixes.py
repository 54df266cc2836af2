"""What an office user tripped over, each fixed: the editor and a deleted task, Ctrl+Z in a
field, the filter after edits, a partial unit name, the count at first start, English boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from taskmatrix.gui.actions import ActionId


def test_the_editor_clears_when_its_task_is_deleted(window, qtbot, monkeypatch):
    task = window.document.plan.task(3)
    window.show_task(task)
    assert window.editor.task is task
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.actions_[ActionId.DELETE_TASKS].trigger()
    assert task not in window.document.plan.tasks
    assert window.editor.task is None and not window.editor.title_edit.isEnabled()
    # Typing into where it was changes nothing and raises nothing.
    window.editor._commit("title", "改")
    assert all(t.title != "改" for t in window.document.plan.tasks)


def test_ctrl_z_in_an_untouched_field_undoes_the_plan(window, qtbot):
    window.show_task(window.document.plan.task(1))
    window.actions_[ActionId.ADD_TASK].trigger()
    new = window.editor.task
    assert new is not None and new in window.document.plan.tasks
    field = window.editor.title_edit
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert new not in window.document.plan.tasks  # the add is undone, not the field's fill
    assert window.editor.task is None
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.plan.tasks) == 101  # and redone


def test_ctrl_z_in_a_field_with_typing_undoes_the_typing_first(window, qtbot):
    window.show_task(window.document.plan.task(2))
    field = window.editor.title_edit
    field.setFocus()
    before = field.text()
    qtbot.keyClicks(field, "ab")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == before and window.document.undo_stack.index() == 0
    # A committed edit is the plan's to undo.
    field.end(False)
    qtbot.keyClicks(field, "cd")
    window.table.setFocus()
    assert window.document.plan.task(2).title == before + "cd"
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.task(2).title == before and field.text() == before


def test_a_partial_unit_name_and_enter_picks_the_best_match(window, qtbot):
    bar = window.filter_bar
    edit = bar.unit.lineEdit()
    for typed, expected in (("科技", "省科技厅"), ("发改", "省发展改革委"), ("江门", "江门市")):
        edit.setText(typed)
        edit.editingFinished.emit()
        assert bar.spec.unit == expected, typed
    edit.setText("没有这个单位")
    edit.editingFinished.emit()
    assert bar.spec.unit == "江门市" and edit.text() == "江门市"  # the box shows what filters


def test_the_count_shows_from_the_first_start(window):
    assert window.filter_bar.count.text() == "100 / 100 tasks"


def test_the_filter_applies_again_after_an_undone_rename(window, qtbot):
    window.document.rename_unit("广东银保监局", "国家金融监督管理总局广东监管局")
    window.filter_bar.search.setText("国家金融监督管理总局广东监管局")
    qtbot.waitUntil(lambda: window.proxy.rowCount() > 5)
    window.actions_[ActionId.UNDO].trigger()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)
    assert window.filter_bar.count.text() == "0 / 100 tasks"


def test_english_filter_boxes_show_their_first_choice_whole(qtbot, settings, qapp):
    from taskmatrix.gui.document.document import PlanDocument
    from taskmatrix.gui.mainwindow import MainWindow
    from taskmatrix.io.defaults import load_default_plan

    window = MainWindow(PlanDocument(load_default_plan().plan), settings, language="en")
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()
    bar = window.filter_bar
    for combo in (bar.section, bar.unit, bar.role, bar.city, bar.status):
        text = combo.itemText(0)
        room = combo.width() - 24  # the arrow
        assert combo.fontMetrics().horizontalAdvance(text) <= room, (text, combo.width())
