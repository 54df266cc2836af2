"""The filter bar and the table in the window: filters narrow, clear, keep their place; cells edit; a hidden task is revealed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.document.model import TaskRole
from taskmatrix.model.filters import FilterSpec


def shown(window):
    proxy = window.proxy
    return [proxy.index(r, 0).data(TaskRole).number for r in range(proxy.rowCount())]


def select(window, number):
    task = window.document.plan.task(number)
    assert window.table.select_task(task)
    return task


def test_filter_bar_text_narrows_and_clear_all_restores(window, qtbot):
    bar = window.filter_bar
    bar.search.setText("中医药 横琴")  # typed Chinese is set on the widget (keyClicks cannot send it)
    assert 86 in shown(window) and len(shown(window)) < 10
    assert bar.marker.isVisible()
    assert bar.count.text() == f"{len(shown(window))} / 100 tasks"
    window.actions_[ActionId.CLEAR_FILTERS].trigger()
    assert len(shown(window)) == 100 and not bar.marker.isVisible()
    assert bar.search.text() == ""


def test_the_filter_bar_does_not_move_when_a_filter_turns_on(window, qtbot):
    bar = window.filter_bar
    widgets = (bar.search, bar.section, bar.unit, bar.role, bar.city, bar.status, bar.count, bar.clear)

    def places():
        qtbot.wait(10)  # the layout runs on the next pass of the event loop
        return [w.geometry() for w in widgets]

    before = places()
    assert not bar.marker.isVisible()
    bar.set_unit("省科技厅")
    assert bar.marker.isVisible() and bar.count.text() == f"{len(shown(window))} / 100 tasks"
    assert places() == before
    bar.set_city("汕头市")  # nothing: the count gets shorter
    assert bar.count.text() == "0 / 100 tasks" and places() == before
    bar.clear_all()
    assert places() == before


def test_filter_bar_combos(window):
    bar = window.filter_bar
    bar.section.setCurrentIndex(bar.section.findData(9))
    assert shown(window) == [96, 97, 98, 99, 100]
    bar.unit.setCurrentIndex(bar.unit.findData("省大湾区办"))
    bar.unit.activated.emit(bar.unit.currentIndex())
    assert shown(window) == [96, 97, 98, 100]
    bar.role.setCurrentIndex(bar.role.findData("participant"))
    assert shown(window) == []
    bar.clear_all()
    bar.city.setCurrentIndex(bar.city.findData("江门市"))
    assert len(shown(window)) == 35


def test_editing_a_cell_changes_the_plan_and_is_undoable(window):
    proxy = window.proxy
    col = window.document.model.column_of("title")
    assert proxy.setData(proxy.index(2, col), "新的任务标题")
    assert window.document.plan.tasks[2].title == "新的任务标题"
    assert window.document.undo_stack.count() == 1
    window.actions_[ActionId.UNDO].trigger()
    assert window.document.plan.tasks[2].title == "发挥大湾区在区域发展新格局中的引领和支撑作用"
    window.actions_[ActionId.REDO].trigger()
    assert window.document.plan.tasks[2].title == "新的任务标题"


def test_a_taken_number_is_refused_without_an_undo_step(window):
    task = select(window, 5)
    window.editor.number.setValue(6)
    window.editor.number.editingFinished.emit()
    assert task.number == 5 and window.document.undo_stack.count() == 0
    assert "6" in window.statusBar().currentMessage()


def test_show_task_clears_a_filter_that_hides_it(window):
    window.filter_bar.set_spec(FilterSpec(unit="省科技厅"))
    task = window.document.plan.task(1)
    window.show_task(task)
    assert window.table.current_task() is task


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
