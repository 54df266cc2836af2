"""The dock models: model-tester clean, counts right, refreshed in place after edits."""

from __future__ import annotations

from taskmatrix.gui.units.models import CityTableModel, UnitRole, UnitTreeModel


def test_unit_tree(qtmodeltester, seed_plan):
    model = UnitTreeModel()
    model.refresh(seed_plan)
    qtmodeltester.check(model)
    categories = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert categories[0] == "省委部门 (5)" and categories[-1].startswith("城市组")
    index = model.unit_index("省科技厅")
    row = index.row()
    parent = index.parent()
    assert index.data(UnitRole) == "省科技厅"
    assert (model.index(row, 1, parent).data(), model.index(row, 2, parent).data()) == (7, 16)
    seed_plan.tasks[0].leads = ["省科技厅"]
    changed = []
    model.dataChanged.connect(lambda *a: changed.append(1))
    model.refresh(seed_plan)
    assert model.index(row, 1, parent).data() == 8 and changed
    seed_plan.tasks[0].participants.append("某研究院")
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.refresh(seed_plan)
    assert resets and model.index(model.rowCount() - 1, 0).data().startswith("Unregistered units")


def test_city_table(qtmodeltester, seed_plan):
    model = CityTableModel()
    model.refresh(seed_plan)
    qtmodeltester.check(model)
    assert model.rowCount() == 21
    row = model.city_row("江门市")
    assert [model.index(row, c).data() for c in range(3)] == ["江门市", 2, 33]
    assert [model.index(model.city_row("汕头市"), c).data() for c in (1, 2)] == [0, 0]


def test_task_list_makes_only_the_lines_on_screen(qtmodeltester, qtbot, seed_plan):
    from PySide6.QtWidgets import QApplication, QTableView

    from taskmatrix.gui.units.models import TaskListModel

    model = TaskListModel()
    tasks = [(seed_plan.tasks[i % 100], "lead" if i % 3 == 0 else "") for i in range(20_000)]
    model.set_tasks(tasks)
    qtmodeltester.check(model)
    assert model.rowCount() == 20_000
    assert model.index(0, 0).data() == f"1. {seed_plan.tasks[0].title}  〔lead〕"
    assert model.index(1, 0).data() == f"2. {seed_plan.tasks[1].title}"
    made = []
    line = model.line
    model.line = lambda row: made.append(row) or line(row)  # type: ignore[method-assign]
    view = QTableView()
    qtbot.addWidget(view)
    counted = []
    count = model.rowCount
    model.rowCount = lambda *parent: counted.append(1) or count(*parent)  # type: ignore[method-assign]
    view.setModel(model)
    view.resize(300, 400)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()  # the view's delayed layout
    view.viewport().repaint()
    assert made and len(set(made)) < 200  # the rows on screen, not 20,000
    assert len(counted) < 2_000  # nor a look at every row (a QListView asks rowCount per row)
    view.scrollToBottom()
    QApplication.processEvents()
    view.viewport().repaint()
    assert 19_999 in made
