"""The unit and city docks in the window: choosing filters the table, lists follow edits, renames and merges are one step."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from taskmatrix.gui.document.model import TaskRole


def shown(window):
    proxy = window.proxy
    return [proxy.index(r, 0).data(TaskRole).number for r in range(proxy.rowCount())]


def test_choosing_a_unit_in_the_dock_filters_and_lists_its_tasks_by_role(window):
    dock = window.units_dock
    index = dock.units.unit_index("省科技厅")
    dock.chooser.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert window.filter_bar.spec.unit == "省科技厅"
    assert len(shown(window)) == 23
    groups = dock.tasks.groups()
    assert [g.label for g in groups] == ["Lead", "Taking part"]
    assert [t.number for t, _ in groups[0].tasks] == [6, 8, 10, 11, 12, 14, 15]
    window.filter_bar.role.setCurrentIndex(window.filter_bar.role.findData("lead"))
    assert shown(window) == [6, 8, 10, 11, 12, 14, 15]


def test_choosing_a_city_marks_tasks_through_a_group(window):
    dock = window.cities_dock
    dock.chooser.selectRow(dock.cities.city_row("江门市"))
    assert window.filter_bar.spec.city == "江门市"
    assert len(shown(window)) == 35
    direct, via = dock.tasks.groups()
    assert [t.number for t, _ in direct.tasks] == [53, 94]
    assert all(note == "through 大湾区内地各市" for _, note in via.tasks) and len(via.tasks) == 33


def test_docks_update_live_as_tasks_are_edited(window, qtbot):
    window.filter_bar.set_unit("省科技厅")
    before = len(window.units_dock.tasks.groups()[0].tasks)
    window.document.edit_field(0, "leads", ["省科技厅"])
    qtbot.waitUntil(lambda: len(window.units_dock.tasks.groups()[0].tasks) == before + 1, timeout=2000)
    index = window.units_dock.units.unit_index("省科技厅")
    assert window.units_dock.units.index(index.row(), 1, index.parent()).data() == 8


def test_an_edit_of_text_leaves_the_counts_and_refreshes_the_task_lists(window, qtbot, monkeypatch):
    from taskmatrix.gui.units import models as dockmodels

    window.filter_bar.set_unit("省科技厅")
    counted = []
    for model in (dockmodels.UnitTreeModel, dockmodels.CityTableModel):
        real = model.refresh
        monkeypatch.setattr(model, "refresh", lambda self, *a, real=real, **k: counted.append(1) or real(self, *a, **k))
    lead = window.units_dock.tasks.groups()[0].tasks[0][0]
    window.document.edit_field(window.document.model.row_of(lead), "title", "改过的标题")
    qtbot.waitUntil(lambda: window.units_dock.tasks._parts[0][2].line(0).endswith("改过的标题"), timeout=2000)
    assert counted == []  # no count changed: nothing recounted
    window.document.edit_field(window.document.model.row_of(lead), "participants", ["江门市"])
    qtbot.waitUntil(lambda: len(counted) == 2, timeout=2000)


def test_unit_rename_and_merge_are_one_step_each(window):
    doc = window.document
    doc.rename_unit("广东银保监局", "国家金融监督管理总局广东监管局")
    assert "国家金融监督管理总局广东监管局" in doc.plan.task(13).participants
    assert doc.undo_stack.count() == 1
    doc.merge_units("深圳银保监局", "国家金融监督管理总局广东监管局")
    assert "深圳银保监局" not in doc.plan.units_used()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert "广东银保监局" in doc.plan.task(13).participants


def test_unit_dialog(window, qtbot, monkeypatch):
    from taskmatrix.gui.units.dialog import UnitsDialog

    dialog = UnitsDialog(window.document, window, current="省大湾区办")
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "省大湾区办"
    dialog.aliases.setText("大湾区办、省推进大湾区建设领导小组办公室")
    dialog.save_button.click()
    assert window.document.plan.registry.canonical("大湾区办") == "省大湾区办"
    dialog.name.setText("省委大湾区办")
    dialog.rename_button.click()
    assert window.document.plan.task(96).leads == ["省委大湾区办"]
    monkeypatch.setattr("taskmatrix.gui.editing.dialogs.QInputDialog.getItem", lambda *a, **k: ("省港澳办", True))
    dialog.merge_button.click()
    assert window.document.plan.task(96).leads == ["省港澳办"]
    assert window.document.undo_stack.count() == 3


def test_clicking_a_task_in_a_dock_list_selects_it_in_the_table(window, qtbot):
    window.filter_bar.set_unit("省科技厅")
    lists = window.units_dock.tasks
    _, view, model = lists._parts[1]
    assert model.index(0, 0).data().startswith("4. ")
    rect = view.visualRect(model.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.table.current_task() is window.document.plan.task(4)
