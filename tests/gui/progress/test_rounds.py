"""Progress tracking in the window: the round selector, report columns, lights and their
filter, editing a report in a table cell and in the editor (one undo step each), new rounds
drafted from the last, deadlines corrected, the summary strip, the progress report printed."""

from __future__ import annotations

import datetime as dt

import pytest

from taskmatrix.gui.progress import controller as progress_controller
from taskmatrix.model.lights import BLUE, RED
from taskmatrix.model.rounds import Entry, Round, entry_of


@pytest.fixture
def tracked(window, monkeypatch):
    """The window with two rounds added through the Progress menu's dialog."""
    names = iter([Round("2019年第一季度", dt.date(2019, 1, 1), dt.date(2019, 3, 31), dt.date(2019, 4, 5)),
                  Round("2019年第二季度")])

    def accept(self, dialog):
        if hasattr(dialog, "name"):
            dialog.name.setText("")
            wanted = next(names)
            dialog.round = lambda: wanted  # type: ignore[method-assign]
        return 1

    monkeypatch.setattr(progress_controller.RoundController, "exec_dialog", accept)
    assert window.rounds.new_round()
    return window


def column(window, key):
    return window.document.model.column_of(key)


def test_a_new_round_adds_the_report_columns_and_is_shown(tracked):
    window = tracked
    assert window.state.round == "2019年第一季度"
    assert window.filter_bar.round.currentData() == "2019年第一季度" and window.filter_bar.round.isVisible()
    keys = [c.key for c in window.document.model.columns]
    assert keys[-8:] == ["round:light", "round:status", "round:percent", "round:progress", "round:problems",
                         "round:next_steps", "round:reporter", "round:date"]
    window.document.undo_stack.undo()  # the round goes, and its columns with it
    assert window.document.plan.rounds == [] and "round:light" not in [c.key for c in window.document.model.columns]
    assert window.state.round == ""


def test_editing_a_report_in_a_cell_is_one_undo_step_and_sets_the_light(tracked):
    window = tracked
    task = window.document.plan.tasks[0]
    index = window.proxy.index(0, column(window, "round:status"))
    assert window.proxy.setData(index, "已完成") is True
    assert entry_of(task, "2019年第一季度").status == "已完成"
    assert entry_of(task, "2019年第一季度").unit == task.leads[0]  # the lead reports
    light = window.proxy.index(0, column(window, "round:light")).data()
    assert light == "✔ 完成"
    window.document.undo_stack.undo()
    assert entry_of(task, "2019年第一季度") is None
    percent = window.proxy.index(0, column(window, "round:percent"))
    assert window.proxy.setData(percent, "140") is False  # not a share: nothing changes
    assert window.document.undo_stack.index() == 1  # only the round (the status was undone, 140 refused)


def test_the_editor_shows_and_edits_the_report_of_the_round(tracked):
    window = tracked
    task = window.document.plan.tasks[2]
    window.table.select_task(task)
    editor = window.editor
    assert editor.report_box.isVisible() or not editor.report_box.isHidden()
    progress = editor.widgets["round:progress"]
    progress.setPlainText("完成前期研究")
    progress.committed.emit(progress.toPlainText())
    assert entry_of(task, "2019年第一季度").progress == "完成前期研究"
    date = editor.widgets["round:date"]
    date.setText("2019-02-30")
    date.editingFinished.emit()
    assert "cannot be used" in window.statusBar().currentMessage()  # no such day: refused, said
    assert entry_of(task, "2019年第一季度").date is None


def test_a_new_round_drafts_from_the_last_and_switching_repaints_the_columns(tracked, monkeypatch):
    window = tracked
    task = window.document.plan.tasks[0]
    window.proxy.setData(window.proxy.index(0, column(window, "round:progress")), "第一季度进展")
    assert window.rounds.new_round()
    assert window.state.round == "2019年第二季度"
    assert window.proxy.index(0, column(window, "round:progress")).data() == "第一季度进展"  # the draft
    window.proxy.setData(window.proxy.index(0, column(window, "round:progress")), "第二季度进展")
    window.state.set_round("2019年第一季度")
    assert window.proxy.index(0, column(window, "round:progress")).data() == "第一季度进展"  # history kept
    assert entry_of(task, "2019年第二季度").progress == "第二季度进展"


def test_filtering_by_light_and_by_reported_status(tracked):
    window = tracked
    plan = window.document.plan
    model = window.document.model
    for task in plan.tasks[:3]:
        model.set_report(task, "2019年第一季度", Entry(task.leads[0], "已完成"))
    window.filter_bar.light.setCurrentIndex(window.filter_bar.light.findData(BLUE))
    assert window.proxy.rowCount() == 3
    assert window.filter_bar.marker.isVisible()
    window.filter_bar.light.setCurrentIndex(window.filter_bar.light.findData(RED))
    reds = window.proxy.rowCount()
    assert 0 <= reds <= len(plan.tasks) - 3
    window.state.clear()  # clears the filters, keeps the round
    assert window.state.round == "2019年第一季度" and window.proxy.rowCount() == len(plan.tasks)
    window.filter_bar.status.setCurrentIndex(window.filter_bar.status.findData("已完成"))
    assert window.proxy.rowCount() == 3


def test_the_strip_counts_the_tasks_shown(tracked, qtbot):
    window = tracked
    model = window.document.model
    task = window.document.plan.tasks[0]
    model.set_report(task, "2019年第一季度", Entry(task.leads[0], "已完成"))
    window.round_strip.refresh()
    text = window.round_strip.full_text
    assert text.startswith("2019年第一季度 · 100 tasks shown: ✔ done 1")
    assert window.round_strip.toolTip() == text
    from PySide6.QtWidgets import QSizePolicy

    # cut (…) rather than widening the window: layouts give an Ignored widget no minimum
    assert window.round_strip.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored
    window.round_strip.resize(200, 30)
    assert window.round_strip.text().endswith("…") and window.round_strip.text() != text
    window.state.set_round("")
    window.round_strip.refresh()
    assert window.round_strip.isHidden()


def test_correcting_a_deadline_is_one_undo_step(tracked, monkeypatch):
    window = tracked
    task = window.document.plan.tasks[0]
    window.table.select_task(task)
    from taskmatrix.gui.progress import dialogs
    from taskmatrix.model.deadlines import Deadline

    corrected = Deadline(task.deadline, "fixed", None, dt.date(2020, 6, 30))
    monkeypatch.setattr(dialogs.DeadlineDialog, "deadline", lambda self: corrected)
    assert window.rounds.correct_deadline()
    assert task.due == corrected
    assert "2020-06-30" in window.editor.parsed_deadline.text()
    window.document.undo_stack.undo()
    assert task.due is None


def test_the_units_dock_lists_show_each_tasks_light(tracked):
    window = tracked
    window.state.set_unit("省科技厅")
    lead = window.units_dock.tasks.groups()[0]
    assert lead.tasks and all(note.split()[0] in "✖▲●✔○" for _, note in lead.tasks)


def test_the_progress_report_prints_for_the_plan_and_for_a_unit(tracked, monkeypatch):
    window = tracked
    shown = []
    monkeypatch.setattr(window.printing, "preview", lambda sheets, landscape=None: shown.append(
        (sheets, landscape)) or True)
    assert window.printing.print_progress()
    sheets, landscape = shown[-1]
    assert landscape is True and sheets[0].title == "重点任务进展情况汇总表"
    assert len(sheets[0].tables[0].rows) >= len(window.document.plan.tasks)
    window.state.set_unit("省科技厅")
    assert window.printing.print_unit_progress()
    assert shown[-1][0][0].title == "省科技厅重点任务进展情况汇总表"


def test_rounds_survive_an_autosave_copy(tracked, tmp_path):
    from taskmatrix.gui.document.recovery import RecoveryManager, read_recovery

    window = tracked
    task = window.document.plan.tasks[0]
    window.proxy.setData(window.proxy.index(0, column(window, "round:problems")), "资金缺口")
    manager = RecoveryManager(window.document, tmp_path / "rec")
    manager.flush()
    restored = read_recovery(manager.path)
    assert [r.name for r in restored.rounds] == ["2019年第一季度"]
    assert entry_of(restored.tasks[0], "2019年第一季度").problems == "资金缺口"
    assert restored.tasks[0].reports == task.reports
    manager.close()
