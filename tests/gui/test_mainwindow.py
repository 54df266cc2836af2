"""The main window: editing and undo, filters and docks, files, prompts, layout, language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.document.model import TaskRole
from taskmatrix.gui.settings import HEADER_STATE, RECENT_FILES
from taskmatrix.model.filters import FilterSpec
from tests.conftest import DATA

Button = QMessageBox.StandardButton


def shown(window):
    proxy = window.proxy
    return [proxy.index(r, 0).data(TaskRole).number for r in range(proxy.rowCount())]


def select(window, number):
    task = window.document.plan.task(number)
    assert window.table.select_task(task)
    return task


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


def test_closing_with_unsaved_changes_asks(window, monkeypatch):
    window.document.edit_field(0, "notes", "x")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Cancel)
    assert not window.close()
    assert window.isVisible()
    saved = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Save)
    monkeypatch.setattr(window.files, "save", lambda: saved.append(1) or False)
    assert not window.close()  # the save failed (or was cancelled): stay open
    assert saved == [1]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Discard)
    assert window.close()


def test_opening_another_file_asks_and_cancel_keeps_the_plan(window, monkeypatch, tmp_path):
    window.document.edit_field(0, "notes", "x")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Cancel)
    assert not window.files.open_path(DATA / "grid.xlsx")
    assert window.document.plan.tasks[0].notes == "x"


def test_a_read_started_early_is_used_or_cancelled(window, monkeypatch):
    from taskmatrix.gui.document.files import start_reading

    reading = start_reading(DATA / "list_basic.xlsx")
    assert window.files.open_path(DATA / "list_basic.xlsx", confirmed=True, reading=reading)
    assert window.document.plan.title == "某某行动计划" and reading.finished.is_set()

    window.document.edit_field(0, "notes", "x")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Cancel)
    reading = start_reading(DATA / "grid.xlsx", started=False)
    assert not window.files.open_path(DATA / "grid.xlsx", reading=reading)
    assert reading.cancel.is_set() and window.document.plan.tasks[0].notes == "x"


def test_open_errors_are_shown_and_leave_the_plan_as_it_was(window, monkeypatch, tmp_path):
    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: errors.append(text))
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 definitely not a workbook")
    plan = window.document.plan
    assert not window.files.open_path(bad)
    assert window.document.plan is plan and window.document.path is None
    assert len(errors) == 1 and "broken.xlsx" in errors[0] and "damaged" in errors[0]


def test_open_save_and_reopen_xlsx(window, monkeypatch, tmp_path, qtbot):
    source = tmp_path / "list_basic.xlsx"
    shutil.copy(DATA / "list_basic.xlsx", source)
    assert window.files.open_path(source)
    assert window.document.path == source and len(window.document.plan.tasks) == 5
    assert "list layout" in window.statusBar().currentMessage()
    assert window.settings.get(RECENT_FILES)[0] == str(source)
    window.document.edit_field(0, "status", "已完成")
    assert window.files.save()
    assert not window.document.is_modified()
    assert (tmp_path / "list_basic.bak.xlsx").exists()
    assert window.files.open_path(source)
    assert window.document.plan.tasks[0].status == "已完成"


def test_saving_the_built_in_plan_asks_for_a_name(window, monkeypatch, tmp_path):
    target = tmp_path / "分工表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.document.edit_field(0, "status", "推进中")
    window.actions_[ActionId.SAVE].trigger()
    assert target.exists() and window.document.path == target
    assert "— 分工表.xlsx[*] —" in window.windowTitle()


def test_export_json_and_csv(window, monkeypatch, tmp_path):
    for suffix in (".json", ".csv"):
        target = tmp_path / f"out{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        window.actions_[ActionId.EXPORT_JSON if suffix == ".json" else ActionId.EXPORT_CSV].trigger()
        assert target.exists()
    assert window.document.path is None  # exporting does not change the document's file


def test_drag_and_drop_opens_the_file(window, qtbot, tmp_path):
    source = tmp_path / "grid.xlsx"
    shutil.copy(DATA / "grid.xlsx", source)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.path == source, timeout=3000)
    assert len(window.document.plan.tasks) == 3


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


def test_show_task_clears_a_filter_that_hides_it(window):
    window.filter_bar.set_spec(FilterSpec(unit="省科技厅"))
    task = window.document.plan.task(1)
    window.show_task(task)
    assert window.table.current_task() is task


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


def _work(steps):
    import time

    from taskmatrix.io.errors import Cancelled

    def work(progress):
        for i in range(steps):
            time.sleep(0.005)
            if progress(i, steps) is False:
                raise Cancelled()
        return "done"

    return work


def _ticks_while(run):
    """Run ``run()`` and count how often a 10 ms GUI-thread timer fired meanwhile."""
    from PySide6.QtCore import QTimer

    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    assert run() == "done"
    timer.stop()
    return len(ticks)


def test_long_work_keeps_the_window_running(window):
    from taskmatrix.gui.worker import run_with_progress

    # About one second of work; the GUI thread's timers keep firing meanwhile.
    assert _ticks_while(lambda: run_with_progress(window, "working", _work(200))) > 40
    assert run_with_progress(window, "quick", lambda progress: 42) == 42


def test_long_work_shows_progress_and_can_be_cancelled(window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from taskmatrix.gui.worker import run_with_progress
    from taskmatrix.io.errors import Cancelled

    def cancel_when_shown():
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if dialogs:
            dialogs[0].canceled.emit()  # what its Cancel button does
        else:
            QTimer.singleShot(20, cancel_when_shown)

    QTimer.singleShot(50, cancel_when_shown)
    with pytest.raises(Cancelled):
        run_with_progress(window, "working", _work(1000))


def test_the_worker_runs_in_a_plain_python_thread(window):
    """No QThread: results, progress and errors pass through plain Python objects."""
    import threading

    from taskmatrix.gui.worker import run_with_progress

    seen = []

    def work(progress):
        seen.append(threading.current_thread())
        assert progress(1, 2) is True
        return "ok"

    before = set(threading.enumerate())
    assert run_with_progress(window, "working", work) == "ok"
    assert seen[0] is not threading.main_thread() and seen[0].name == "taskmatrix-worker"
    assert not seen[0].is_alive() and set(threading.enumerate()) == before

    def fail(progress):
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        run_with_progress(window, "failing", fail)


def test_gui_thread_work_keeps_the_window_running_and_can_be_cancelled(window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from taskmatrix.gui.worker import run_here_with_progress
    from taskmatrix.io.errors import Cancelled

    # Events are processed between the steps (every 50 ms).
    assert _ticks_while(lambda: run_here_with_progress(window, "painting", _work(200))) > 10

    def cancel_when_shown():
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if dialogs:
            dialogs[0].cancel()
        else:
            QTimer.singleShot(20, cancel_when_shown)

    QTimer.singleShot(50, cancel_when_shown)
    with pytest.raises(Cancelled):
        run_here_with_progress(window, "painting", _work(1000))


def test_open_from_the_command_line_path(qtbot, settings, tmp_path):
    from taskmatrix.gui.app import build_window

    source = tmp_path / "p.xlsx"
    shutil.copy(DATA / "list_basic.xlsx", source)
    win = build_window(Path(source), settings, "en", recovery_folder=tmp_path / "recovery")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.document.path == source, timeout=3000)
    assert win.document.plan.title == "某某行动计划"


def test_the_command_line_file_is_read_while_the_window_is_built(qtbot, settings, tmp_path, monkeypatch):
    import threading

    import taskmatrix.io.formats as formats
    from taskmatrix.gui.app import build_window
    from taskmatrix.gui.mainwindow import MainWindow

    reading = threading.Event()
    real_read, real_init = formats.read_plan, MainWindow.__init__
    seen = []

    def read(*args, **kwargs):
        reading.set()
        return real_read(*args, **kwargs)

    def init(self, *args, **kwargs):
        seen.append(reading.wait(5))  # the read began before the window was built
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(formats, "read_plan", read)
    monkeypatch.setattr(MainWindow, "__init__", init)
    source = tmp_path / "p.xlsx"
    shutil.copy(DATA / "list_basic.xlsx", source)
    win = build_window(source, settings, "en", recovery_folder=tmp_path / "recovery")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.document.path == source, timeout=3000)
    assert seen == [True] and win.document.plan.title == "某某行动计划"


def test_clicking_a_task_in_a_dock_list_selects_it_in_the_table(window, qtbot):
    window.filter_bar.set_unit("省科技厅")
    lists = window.units_dock.tasks
    _, view, model = lists._parts[1]
    assert model.index(0, 0).data().startswith("4. ")
    rect = view.visualRect(model.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.table.current_task() is window.document.plan.task(4)
