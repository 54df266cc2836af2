"""The docks as widgets: room for the lists, count columns wide enough for their numbers."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from taskmatrix.gui.document.model import TaskTableModel
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.units.docks import UnitsDock
from taskmatrix.model.plan import Task


def test_count_columns_fit_the_largest_total_and_choosing_keeps_the_splitter(qtbot, seed_plan):
    # 20,000 more tasks led by one unit: its category's total has five digits.
    start = seed_plan.tasks[-1].number + 1
    seed_plan.tasks.extend(Task(start + i, 1, f"任务{i}", leads=["省科技厅"]) for i in range(20_000))
    table = TaskTableModel(seed_plan)
    dock = UnitsDock(table, ViewState())
    qtbot.addWidget(dock)
    dock.resize(320, 900)
    dock.show()
    qtbot.waitExposed(dock)
    view = dock.chooser
    bold = QFontMetrics(dock.units.category_font())
    total = dock.units.index(1, 1).data()  # 省政府部门's lead total
    assert total >= 20_000
    assert view.header().sectionSize(1) > bold.horizontalAdvance(str(total))
    # The name column keeps most of the width.
    assert view.header().sectionSize(0) > view.header().sectionSize(1) + view.header().sectionSize(2)
    splitter = dock.widget()
    before = splitter.sizes()
    assert before[1] > 0.3 * sum(before)  # the task lists have room before anything is chosen
    dock.choose("省科技厅")
    qtbot.wait(10)
    assert splitter.sizes() == before
    assert dock.tasks.groups()[0].tasks and len(dock.tasks.groups()[0].tasks) >= 20_000
