"""The Analysis menu in the window: the checks pane follows the edits, hides kinds, shows a
finding's task, exports and prints; the indicators pane edits as one undo step each, with the
round's actual value and met state; the statistics view's tables and charts, exports and print."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from taskmatrix.gui.actions import ActionId
from taskmatrix.model.rounds import Round, add_round


@pytest.fixture
def printed(window, monkeypatch):
    shown: list = []
    monkeypatch.setattr(window.printing, "preview", lambda sheets, landscape=None: shown.append(sheets) or True)
    return shown


def kinds_shown(window):
    return [f.kind for f in window.checks.model.findings()]


def test_checks_pane_follows_an_edit_and_shows_the_task(window, qtbot):
    assert window.checks.dock is None  # not worked out at start-up
    window.actions_[ActionId.SHOW_CHECKS].trigger()
    dock = window.checks.dock
    assert dock is not None and dock.isVisible()
    assert "no_lead" not in kinds_shown(window)
    window.document.edit_field(4, "leads", [])  # task 5 loses its lead
    qtbot.waitUntil(lambda: "no_lead" in kinds_shown(window), timeout=2000)
    finding = next(f for f in window.checks.model.findings() if f.kind == "no_lead")
    assert finding.task == window.document.plan.tasks[4].number
    row = window.checks.model.findings().index(finding)
    index = dock.proxy.mapFromSource(window.checks.model.index(row, 2))
    dock.view.clicked.emit(index)
    assert window.table.current_task() is window.document.plan.tasks[4]
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: "no_lead" not in kinds_shown(window), timeout=2000)


def test_a_kind_can_be_hidden_and_the_counts_say_so(window):
    dock = window.checks.show_checks()
    assert "city_not_responsible" in kinds_shown(window)
    total = len(window.checks.model.all_findings())
    dock.kind_actions["city_not_responsible"].setChecked(False)
    assert "city_not_responsible" not in kinds_shown(window)
    assert dock.count_label.text().endswith(f"{total} findings") and "of" in dock.count_label.text()
    dock.kind_actions["city_not_responsible"].setChecked(True)
    assert len(window.checks.model.findings()) == total


def test_findings_export_as_csv_and_print(window, tmp_path, printed):
    window.document.edit_field(0, "leads", [])
    path = tmp_path / "findings.csv"
    assert window.checks.export_findings(path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["任务", "类别", "问题"]
    assert [str(window.document.plan.tasks[0].number), "No lead", "no lead"] in rows
    window.actions_[ActionId.PRINT_FINDINGS].trigger()
    sheet = printed[-1][0]
    assert sheet.title == "一致性检查结果" and len(sheet.tables[0].rows) == len(rows) - 1


def test_a_round_without_reports_is_a_finding(window, qtbot):
    window.checks.show_checks()
    window.document.push(_add_round_command(window))
    qtbot.waitUntil(lambda: "no_report" in kinds_shown(window), timeout=2000)


def _add_round_command(window):
    from taskmatrix.gui.document.reports import RoundsCommand

    return RoundsCommand(window.document.model, "add", lambda plan: add_round(plan, Round("2019年第一季度")),
                         lambda plan, _: plan.rounds.clear())


# -- indicators ----------------------------------------------------------------------------
def test_indicators_edit_as_one_undo_step_each(window):
    from taskmatrix.gui.indicators.model import ACTUAL, TEXT, VALUE

    dock = window.indicators.show_indicators()
    model = window.indicators.model
    assert model.rowCount() >= 15 and not model.kept  # the seed's targets, read from the bodies
    forest = next(r for r, i in enumerate(model.indicators()) if i.text == "大湾区内地森林覆盖率")
    view = dock.view
    view.setCurrentIndex(model.index(forest, VALUE))
    assert model.setData(model.index(forest, VALUE), "55")
    assert model.kept and window.document.plan.indicators[forest].value == 55
    assert view.currentIndex().row() == forest  # the edit keeps the place in the table
    assert model.setData(model.index(forest, TEXT), "森林覆盖率")
    assert window.document.undo_stack.count() == 2
    assert not model.setData(model.index(forest, VALUE), "大约五十五左右吧")  # not a number: refused, nothing changes
    assert window.document.undo_stack.count() == 2
    window.document.undo_stack.undo()
    assert window.document.plan.indicators[forest].text == "大湾区内地森林覆盖率"
    window.document.undo_stack.undo()
    assert window.document.plan.indicators is None and not model.kept
    editable = Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(forest, TEXT)) & editable
    assert not model.flags(model.index(forest, ACTUAL)) & editable  # no round shown: no actual value
    assert "read from the task bodies" in dock.state_label.text()


def test_actual_values_of_the_round_shown_meet_or_miss(window):
    from taskmatrix.gui.indicators.model import ACTUAL, MET

    window.document.push(_add_round_command(window))
    window.state.set_round("2019年第一季度")
    window.indicators.show_indicators()
    model = window.indicators.model
    forest = next(r for r, i in enumerate(model.indicators()) if i.text == "大湾区内地森林覆盖率")
    assert model.headerData(ACTUAL, Qt.Orientation.Horizontal) == "Actual (2019年第一季度)"
    assert model.setData(model.index(forest, ACTUAL), "53")
    assert model.data(model.index(forest, MET)) == "Met"
    assert model.setData(model.index(forest, ACTUAL), "50")
    assert model.data(model.index(forest, MET)) == "Not met"
    assert window.document.plan.indicators[forest].actuals == {"2019年第一季度": 50.0}


def test_reading_again_drops_the_edits_in_one_step(window):
    from taskmatrix.gui.indicators.model import VALUE

    window.indicators.show_indicators()
    model = window.indicators.model
    model.setData(model.index(0, VALUE), "1")
    asked: list[str] = []
    window.indicators.ask = lambda text: asked.append(text) or False  # "No": nothing changes
    window.actions_[ActionId.REREAD_INDICATORS].trigger()
    assert asked and window.document.plan.indicators[0].value == 1
    window.indicators.ask = lambda text: True
    window.actions_[ActionId.REREAD_INDICATORS].trigger()
    assert window.document.plan.indicators is None
    window.document.undo_stack.undo()
    assert window.document.plan.indicators[0].value == 1


# -- statistics ----------------------------------------------------------------------------
def test_statistics_view_tables_and_painted_bars(window, qtbot):
    window.actions_[ActionId.SHOW_STATISTICS].trigger()
    dialog = window.stats.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.tabs.count() == 3 and dialog.tabs.tabText(0) == "Units"
    view = dialog.views[0]
    model = view.model()
    assert model.rowCount() == len(dialog.tables[0].rows)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # descending by lead tasks: the total row stays last
    assert model.index(0, 0).data() == "省发展改革委" and model.index(model.rowCount() - 1, 0).data() == "合计"
    chart = dialog.charts[0]
    chart.resize(700, chart.sizeHint().height())
    image = chart.grab().toImage()
    assert len(chart.bars) >= len(dialog.tables[0].rows) - 1  # one bar or more per unit
    bar = chart.bars[0]
    colour = QColor(image.pixel(int(bar.center().x()), int(bar.center().y())))
    assert colour.name() in ("#337ab7", "#e0a800")  # a bar painted in a series colour


def test_statistics_export_and_print(window, tmp_path, printed):
    import openpyxl

    window.stats.show_statistics()
    assert window.stats.export(tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx")["统计"]
    values = [c.value for c in ws["A"] if c.value]
    assert "各单位牵头、参与任务数" in values and "省科技厅" in values
    assert window.stats.export(tmp_path / "s.csv")
    assert "省科技厅,7,16,23" in (tmp_path / "s.csv").read_text(encoding="utf-8-sig")
    assert window.stats.export(tmp_path / "s.png")
    assert (tmp_path / "s.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    window.stats.print_statistics()
    sheet = printed[-1][0]
    assert sheet.title == "统计" and len(sheet.tables) == 3 and sheet.images


def test_the_progress_report_prints_with_the_rounds_statistics(window, printed):
    window.document.push(_add_round_command(window))
    window.state.set_round("2019年第一季度")
    window.actions_[ActionId.PRINT_PROGRESS].trigger()
    sheets = printed[-1]
    assert [s.name for s in sheets][-1] == "统计" and sheets[-1].title == "2019年第一季度推进情况统计"
    assert sheets[-1].images and dt.date.today()


def test_the_checks_model_changes_only_the_rows_an_edit_touches(seed_plan, valid_model, qapp):
    from taskmatrix.gui.checks.model import ChecksModel
    from taskmatrix.gui.document.model import TaskTableModel
    from taskmatrix.gui.state import ViewState
    from taskmatrix.model.checks import Checker

    tasks = TaskTableModel(seed_plan)
    model = valid_model(ChecksModel(tasks, ViewState()))  # the tester watches every insert and removal
    resets: list = []
    model.modelReset.connect(lambda: resets.append(1))
    for row, leads in ((10, []), (50, ["省科技厅", "省教育厅"]), (10, ["省科技厅"])):
        tasks.set_field(row, "leads", leads)
        model.update_now()
        assert model.findings() == Checker(seed_plan).findings()
    tasks.set_field(99, "body", "")
    model.set_hidden("empty_body", True)
    model.update_now()
    assert "empty_body" not in {f.kind for f in model.findings()}
    assert resets == []


def test_kept_indicators_survive_an_autosave_copy(window, tmp_path):
    from taskmatrix.gui.document.recovery import RecoveryManager, read_recovery
    from taskmatrix.gui.indicators.model import VALUE

    window.indicators.show_indicators()
    model = window.indicators.model
    manager = RecoveryManager(window.document, tmp_path / "rec")
    window.document.edit_field(0, "title", "改过的标题")
    manager.flush()
    assert read_recovery(manager.path).indicators is None  # read from the bodies: read again
    model.setData(model.index(0, VALUE), "321")
    manager.flush()
    restored = read_recovery(manager.path)
    assert restored.indicators == window.document.plan.indicators and restored.indicators[0].value == 321
    manager.close()


def test_the_window_starts_without_pandas():
    """pandas is imported when statistics are first asked for, not at start-up."""
    import subprocess
    import sys

    code = ("import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
            "from taskmatrix.gui.document.document import PlanDocument\n"
            "from taskmatrix.gui.mainwindow import MainWindow\n"
            "from taskmatrix.gui.settings import Settings\n"
            "from taskmatrix.io.defaults import load_default_plan\n"
            "from PySide6.QtCore import QSettings\n"
            "import tempfile\n"
            "s = Settings(QSettings(tempfile.mkdtemp() + '/s.ini', QSettings.Format.IniFormat))\n"
            "w = MainWindow(PlanDocument(load_default_plan().plan), s)\n"
            "print('pandas' in sys.modules)\n"
            "w.stats.compute()\n"
            "print('pandas' in sys.modules)\n"
            "w.document.undo_stack.setClean()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_deleting_a_task_takes_its_kept_indicators_and_undo_brings_them_back(window):
    from taskmatrix.gui.indicators.model import VALUE

    window.indicators.show_indicators()
    model = window.indicators.model
    model.setData(model.index(0, VALUE), "300")  # keep them
    number = window.document.plan.indicators[0].task
    task = next(t for t in window.document.plan.tasks if t.number == number)
    count = len(window.document.plan.indicators)
    window.document.delete_tasks([task])
    assert all(i.task != number for i in window.document.plan.indicators)
    assert model.rowCount() < count
    window.document.undo_stack.undo()
    assert len(window.document.plan.indicators) == count and window.document.plan.indicators[0].value == 300


def test_a_value_that_does_not_read_is_refused_with_a_message(window):
    from taskmatrix.gui.indicators.model import YEAR

    window.indicators.show_indicators()
    model = window.indicators.model
    said: list[str] = []
    window.document.refused.connect(said.append)
    assert not model.setData(model.index(0, YEAR), "两千零二十")
    assert said and "两千零二十" in said[-1] and "1900–2200" in said[-1] and window.document.undo_stack.count() == 0
    from taskmatrix.gui.indicators.model import COMPARISON, VALUE

    assert model.setData(model.index(0, VALUE), "1.5万") and window.document.plan.indicators[0].value == 15000
    assert model.setData(model.index(0, COMPARISON), "≤") and window.document.plan.indicators[0].comparison == "<="
    assert not model.setData(model.index(0, COMPARISON), "大约") and ">=、<=、=" in said[-1]


def test_a_chart_of_thousands_of_rows_is_bounded():
    from PySide6.QtGui import QFont

    from taskmatrix.model.stats import StatTable
    from taskmatrix.sheets.charts import MAX_BARS, chart_rows, charts_image

    table = StatTable("unit_role", "各单位", ["单位", "牵头", "参与", "合计"],
                      [[f"单位{i}", 1, 2, 3] for i in range(5000)] + [["合计", 5000, 10000, 15000]], [1, 2])
    assert len(chart_rows(table)) == MAX_BARS
    image = charts_image([table], QFont(), 800)
    assert 0 < image.height() < 40 * MAX_BARS


def test_an_unknown_unit_is_replaced_by_a_suggestion_in_one_step(window):
    task = window.document.plan.tasks[7]
    window.document.request_field(task, "participants", [*task.participants, "省发改"])
    window.checks.show_checks()
    finding = next(f for f in window.checks.model.findings() if f.kind == "unknown_unit")
    assert finding.suggestions[0] == "省发展改革委"
    steps = window.document.undo_stack.count()
    assert window.checks.use_name(finding, "省发展改革委")
    assert "省发改" not in task.participants and "省发展改革委" in task.units()
    assert "unknown_unit" not in kinds_shown(window)
    assert window.document.undo_stack.count() == steps + 1
    window.document.undo_stack.undo()
    assert "省发改" in task.participants
