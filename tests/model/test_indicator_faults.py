"""Indicators under faults: they follow renumbered and deleted tasks, keep their round's actual
values through a rename, refuse numbers that are not numbers, and a workbook's 指标 sheet edited
in Excel (a column added, ≤, 1,400, 二百, a renamed sheet) reads back without losing what it says."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.io.jsonio import dumps, loads, plan_from_dict
from taskmatrix.model import edits
from taskmatrix.model.indicators import extract, indicators_of
from taskmatrix.model.plan import Plan, Task


def kept_plan() -> Plan:
    plan = Plan(title="某某工作方案（2019年）")
    plan.tasks = [Task(3, None, "森林", "到2020年，森林覆盖率达到52%。", ["省林业局"]),
                  Task(7, None, "旅客", "机场旅客年吞吐量达1.4亿人次。", ["省交通运输厅"])]
    plan.indicators = [i.copy() for i in indicators_of(plan)]
    return plan


def test_kept_indicators_follow_their_tasks_numbers():
    plan = kept_plan()
    old = edits.renumber(plan)
    assert [i.task for i in plan.indicators] == [1, 2]
    edits.restore_numbers(plan, old)
    assert [i.task for i in plan.indicators] == [3, 7]
    edits.set_number(plan, plan.tasks[1], 9)
    assert [i.task for i in plan.indicators] == [3, 9]


def test_an_indicator_of_a_task_the_plan_lacks_is_kept_and_said():
    plan = kept_plan()
    doc = json.loads(dumps(plan))
    doc["indicators"][1]["task"] = 99
    again, notices = plan_from_dict(doc, "p.json")
    assert [i.task for i in again.indicators] == [3, 99]
    assert any("tasks 99" in n.localized() for n in notices)
    assert loads(dumps(again)).indicators == again.indicators  # and the file reopens


@pytest.mark.parametrize("change, message", [
    (lambda d: d["indicators"][0].update(value=1e308 * 10), "indicators[0].value"),
    (lambda d: d["indicators"][0].update(value=10 ** 400), "indicators[0].value"),
    (lambda d: d["indicators"][0].update(actuals={"R": "五十"}), "indicators[0].actuals"),
    (lambda d: d["indicators"][0].update(task="3"), "is not a task number"),
    (lambda d: d.update(indicators_kept="no"), "indicators_kept"),
    (lambda d: d.pop("indicators"), "is not a list"),
])
def test_numbers_that_are_not_numbers_are_refused(change, message):
    doc = json.loads(dumps(kept_plan()))
    change(doc)
    with pytest.raises(PlanFormatError, match=re.escape(message)):
        plan_from_dict(doc, "p.json")


def test_a_run_of_digits_is_not_a_target():
    assert extract(Task(1, body="企业达到" + "9" * 400 + "家。")) == []
    assert [i.value for i in extract(Task(1, body="企业达到200家。"))] == [200]


def test_an_indicator_too_long_for_a_cell_is_refused_on_save(tmp_path):
    from taskmatrix.io.excel.write import write_xlsx

    plan = kept_plan()
    plan.indicators[0].source = "长" * 40000
    with pytest.raises(PlanFormatError, match="indicator"):
        write_xlsx(plan, tmp_path / "p.xlsx")
    assert not (tmp_path / "p.xlsx").exists()


# -- the sheet edited in Excel ---------------------------------------------------------------
@pytest.fixture
def saved(tmp_path):
    from taskmatrix.io.formats import write_plan

    plan = kept_plan()
    plan.indicators = None  # read from the bodies
    path = tmp_path / "p.xlsx"
    write_plan(plan, path)
    return path


def _edit(path, change):
    import openpyxl

    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)


def test_an_edit_in_excel_is_read_back_even_if_they_were_not_kept(saved):
    from taskmatrix.io.formats import read_plan

    _edit(saved, lambda wb: wb["指标"].cell(2, 3, "1,400"))
    plan = read_plan(saved).plan
    assert plan.indicators is not None and plan.indicators[0].value == 1400


def test_columns_are_found_by_their_headers_and_symbols_read(saved):
    from taskmatrix.io.formats import read_plan

    def change(wb):
        ws = wb["指标"]
        ws.insert_cols(2)
        ws.cell(1, 2, "备注")
        ws.cell(2, 7, "≤")  # 比较, moved one column right
        ws.cell(3, 4, "二百")  # 目标值
        ws.cell(3, 6, "2020年")  # 年份 that does not read

    _edit(saved, change)
    result = read_plan(saved)
    first, second = result.plan.indicators
    assert (first.text, first.value, first.measure, first.comparison) == ("森林覆盖率", 52, "%", "<=")
    assert (second.value, second.measure, second.year) == (200, "人次", None)
    assert any("3:年份" in w.localized() for w in result.warnings)


def test_a_renamed_indicator_sheet_is_said(saved):
    from taskmatrix.io.formats import read_plan

    _edit(saved, lambda wb: setattr(wb["指标"], "title", "目标"))
    result = read_plan(saved)
    assert any("indicator sheet “指标” is missing" in w.localized() for w in result.warnings)


def test_inf_in_a_cell_is_left_empty_and_said(saved):
    from taskmatrix.io.formats import read_plan, write_plan

    _edit(saved, lambda wb: wb["指标"].cell(2, 3, "inf"))
    result = read_plan(saved)
    assert result.plan.indicators[0].value is None
    assert any("2:目标值" in w.localized() for w in result.warnings)
    write_plan(result.plan, saved)  # and it saves
    assert read_plan(saved).plan.indicators[0].value is None


def test_check_with_stdout_closed_gives_no_traceback(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(dumps(kept_plan()), encoding="utf-8")
    out = subprocess.run(f'"{sys.executable}" main.py check "{path}" >&-', shell=True, capture_output=True,
                         text=True, cwd=__import__("pathlib").Path(__file__).resolve().parents[2])
    assert out.returncode == 1 and "Traceback" not in out.stderr
