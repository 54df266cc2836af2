"""The task table model: model-tester clean, exact change signals, edits through undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from taskmatrix.gui.document.model import SortRole, TaskRole, TaskTableModel
from taskmatrix.model.edits import EditError
from taskmatrix.model.plan import Task


def test_model_tester_on_the_seed(qtmodeltester, seed_plan):
    model = TaskTableModel(seed_plan)
    qtmodeltester.check(model, force_py=True)
    model.insert_task(3, Task(101, 1, "新任务"))
    model.set_field(0, "leads", ["省科技厅"])
    model.move_task(1, 1)
    model.remove_task(3)


def test_declared_columns_and_roles(seed_plan):
    model = TaskTableModel(seed_plan)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["No.", "Section", "Task", "Details", "Lead units", "Participating units", "Cities",
                       "Deadline", "Status", "Progress", "Notes"]
    index = model.index(0, model.column_of("participants"))
    assert index.data() == "省工业和信息化厅、省交通运输厅、大湾区内地各市"
    assert model.index(0, model.column_of("cities")).data().startswith("广州市、深圳市")
    assert model.index(0, 0).data(TaskRole) is seed_plan.tasks[0]
    assert model.index(9, 0).data(SortRole) == 10
    assert "<div>" in model.index(0, model.column_of("body")).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, model.column_of("number")).data(Qt.ItemDataRole.ToolTipRole) is None
    assert not model.flags(model.index(0, model.column_of("cities"))) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, model.column_of("title"))) & Qt.ItemFlag.ItemIsEditable


def test_extra_fields_become_columns(seed_plan):
    seed_plan.ensure_extra_fields(["督办领导"])
    seed_plan.tasks[0].extra["督办领导"] = "张三"
    model = TaskTableModel(seed_plan)
    assert model.headerData(model.columnCount() - 1, Qt.Orientation.Horizontal) == "督办领导"
    assert model.index(0, model.columnCount() - 1).data() == "张三"


def test_unknown_units_are_marked(seed_plan):
    seed_plan.tasks[0].participants.append("某某研究院")
    model = TaskTableModel(seed_plan)
    assert model.index(0, model.column_of("participants")).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, model.column_of("participants")).data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_single_edit_signals_exactly_its_cells(qtbot, seed_plan):
    model = TaskTableModel(seed_plan)
    changed = []
    model.dataChanged.connect(lambda a, b, roles=(): changed.append((a.row(), a.column(), b.row(), b.column())))
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    col = model.column_of("status")
    assert model.setData(model.index(4, col), "推进中")
    assert seed_plan.tasks[4].status == "推进中"
    assert changed == [(4, col, 4, col)] and resets == []
    changed.clear()
    model.setData(model.index(4, model.column_of("leads")), "省科技厅、省教育厅")
    assert seed_plan.tasks[4].leads == ["省科技厅", "省教育厅"]
    assert {c[1] for c in changed} == {model.column_of(k) for k in ("leads", "participants", "cities")}
    assert seed_plan.tasks[4].participants == ["大湾区内地各市"]  # 省教育厅 became a lead


def test_edit_handler_receives_edits_instead_of_applying_them(seed_plan):
    model = TaskTableModel(seed_plan)
    calls = []
    model.edit_handler = lambda row, key, value: calls.append((row, key, value))
    model.setData(model.index(2, model.column_of("title")), "新标题")
    model.setData(model.index(2, model.column_of("number")), "x")  # not a number: refused
    model.setData(model.index(2, model.column_of("title")), seed_plan.tasks[2].title)  # unchanged
    assert calls == [(2, "title", "新标题")]
    assert seed_plan.tasks[2].title != "新标题"


def test_section_change_moves_the_row_with_a_move_signal(qtbot, seed_plan):
    model = TaskTableModel(seed_plan)
    task = seed_plan.tasks[0]
    with qtbot.waitSignal(model.rowsMoved):
        old = model.set_field(0, "section", 9)
    # It goes among section 9's tasks by its number: first.
    assert old == 1 and seed_plan.tasks[94] is task and seed_plan.is_grouped()
    model.place_task(task, 0, 1)
    assert seed_plan.tasks[0] is task and task.section == 1
    with pytest.raises(EditError):
        model.set_field(0, "section", 42)
