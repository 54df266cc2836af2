"""Editing: the editor dock commits a field per undo step; tasks and sections added, moved, renumbered; undo keys in fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from taskmatrix.gui.actions import ActionId

Button = QMessageBox.StandardButton


def select(window, number):
    task = window.document.plan.task(number)
    assert window.table.select_task(task)
    return task


def test_editor_commits_each_field_as_one_undo_step(window):
    task = select(window, 7)
    editor = window.editor
    assert editor.title_edit.text() == "打造三大科技创新合作区"
    editor.title_edit.setText("改过的标题")
    editor.title_edit.editingFinished.emit()
    editor.body_edit.setPlainText("新的内容\n第二行")
    editor.body_edit.committed.emit(editor.body_edit.toPlainText())
    editor.participants.input.setText("省发改委")  # an alias resolves to the registered name
    editor.participants.input.returnPressed.emit()
    editor.leads.input.setText("某某研究院")  # unknown names are allowed
    editor.leads.input.returnPressed.emit()
    assert task.title == "改过的标题" and task.body == "新的内容\n第二行"
    assert task.leads == ["省发展改革委", "某某研究院"]  # 省发展改革委 is a lead already
    assert window.document.undo_stack.count() == 4
    for _ in range(4):
        window.document.undo_stack.undo()
    assert task.title == "打造三大科技创新合作区" and task.leads == ["省发展改革委"]
    assert editor.title_edit.text() == "打造三大科技创新合作区"


def test_editor_section_change_moves_the_task(window):
    task = select(window, 1)
    editor = window.editor
    editor.section.setCurrentIndex(editor.section.findData(9))
    editor.section.activated.emit(editor.section.currentIndex())
    assert task.section == 9 and window.document.plan.is_grouped()
    window.document.undo_stack.undo()
    assert window.document.plan.tasks[0] is task and task.section == 1


def test_add_duplicate_delete_move_renumber(window, monkeypatch):
    doc = window.document
    select(window, 3)
    window.actions_[ActionId.ADD_TASK].trigger()
    assert [t.number for t in doc.plan.tasks[:4]] == [1, 2, 3, 101]
    assert doc.plan.tasks[3].section == 1
    window.actions_[ActionId.DUPLICATE_TASK].trigger()
    assert doc.plan.tasks[4].number == 102
    window.actions_[ActionId.MOVE_UP].trigger()
    assert [t.number for t in doc.plan.tasks[:5]] == [1, 2, 3, 102, 101]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Yes)
    window.actions_[ActionId.DELETE_TASKS].trigger()
    assert 102 not in [t.number for t in doc.plan.tasks]
    window.actions_[ActionId.RENUMBER].trigger()
    assert [t.number for t in doc.plan.tasks] == list(range(1, 102))
    for _ in range(doc.undo_stack.count()):
        doc.undo_stack.undo()
    assert [t.number for t in doc.plan.tasks] == list(range(1, 101))


def test_sections_add_and_rename(window, monkeypatch):
    answers = iter([("新领域", True), ("改名的领域", True)])
    monkeypatch.setattr("taskmatrix.gui.editing.dialogs.QInputDialog.getText", lambda *a, **k: next(answers))
    window.actions_[ActionId.ADD_SECTION].trigger()
    assert window.document.plan.sections[-1].title == "新领域"
    assert window.filter_bar.section.findData(10) >= 0
    select(window, 1)
    window.actions_[ActionId.RENAME_SECTION].trigger()
    assert window.document.plan.sections[0].title == "改名的领域"
    assert window.proxy.index(0, 1).data() == "改名的领域"


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
