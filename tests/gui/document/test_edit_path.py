"""One edit path: a table cell, the editor dock and a dialog all go through the document's
request; a refused edit shows its reason the same way and changes nothing."""

from __future__ import annotations


def test_a_taken_number_typed_into_a_table_cell_is_refused_with_the_message(window, qtbot):
    # pytest-qt fails the test on an exception inside Qt's setData (today's traceback).
    first, second = window.document.plan.tasks[0], window.document.plan.tasks[1]
    number_column = window.document.model.column_of("number")
    index = window.proxy.index(0, number_column)
    assert window.proxy.setData(index, second.number) is False
    assert window.statusBar().currentMessage() == f"Task number {second.number} is taken."
    assert first.number == 1 and window.document.undo_stack.count() == 0


def test_the_editor_dock_shows_the_same_refusal(window, qtbot):
    second = window.document.plan.tasks[1]
    window.table.select_task(window.document.plan.tasks[0])
    window.editor.number.setValue(second.number)
    window.editor.number.editingFinished.emit()
    assert window.statusBar().currentMessage() == f"Task number {second.number} is taken."
    assert window.editor.number.value() == 1  # the editor shows the task as it is
    assert window.document.undo_stack.count() == 0


def test_an_accepted_cell_edit_is_one_undo_step(window):
    index = window.proxy.index(0, window.document.model.column_of("status"))
    assert window.proxy.setData(index, "推进中") is True
    assert window.document.plan.tasks[0].status == "推进中"
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert window.document.plan.tasks[0].status == ""


def test_a_refused_rename_in_the_units_dialog_says_why(window, monkeypatch):
    from taskmatrix.gui.units import dialog as units_dialog

    shown = []
    monkeypatch.setattr(units_dialog.QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog = units_dialog.UnitsDialog(window.document, window, current="省科技厅")
    dialog.name.setText("省教育厅")
    dialog._rename()
    assert shown == ["Unit 省教育厅 exists already; merge the two instead."]
    assert window.statusBar().currentMessage() == shown[0]
    assert window.document.undo_stack.count() == 0
