"""The dock models: model-tester clean, counts right, refreshed in place after edits."""

from __future__ import annotations

from taskmatrix.gui.dockmodels import CityTableModel, UnitRole, UnitTreeModel


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
