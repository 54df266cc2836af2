"""Rounds and deadlines in JSON: every report, the round dates, the statuses and a corrected
deadline read back as written; the documented shape; bad rounds refused with a message."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.io.jsonio import dumps, loads
from taskmatrix.model.deadlines import Deadline
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.rounds import Entry, Round, add_round, set_entry


def plan_with_rounds() -> Plan:
    plan = Plan(title="某某工作方案（2019年）")
    plan.tasks = [Task(1, None, "甲", leads=["省科技厅", "省教育厅"], deadline="2019年6月底前"),
                  Task(2, None, "乙", leads=["省财政厅"], deadline="年内"),
                  Task(3, None, "丙", leads=["省民政厅"], deadline="2019年底前",
                       due=Deadline("2019年底前", "fixed", None, dt.date(2020, 3, 31), False))]
    add_round(plan, Round("2019年第一季度", dt.date(2019, 1, 1), dt.date(2019, 3, 31), dt.date(2019, 4, 5)))
    set_entry(plan.tasks[0], "2019年第一季度", Entry("省科技厅", "推进中", 40.0, "完成选址", "资金未到位", "开工建设",
                                                   "张三", dt.date(2019, 4, 2)))
    set_entry(plan.tasks[0], "2019年第一季度", Entry("省教育厅", "未启动"))
    add_round(plan, Round("2019年第二季度"))
    set_entry(plan.tasks[1], "2019年第二季度", Entry("省财政厅", "已完成", progress="已拨付"))
    plan.statuses = ["未启动", "推进中", "已完成", "滞后", "暂缓", "已销号"]
    return plan


def test_rounds_reports_statuses_and_corrections_round_trip():
    plan = plan_with_rounds()
    again = loads(dumps(plan))
    assert again.rounds == plan.rounds
    assert [t.reports for t in again.tasks] == [t.reports for t in plan.tasks]
    assert again.statuses == plan.statuses
    assert again.tasks[2].due == plan.tasks[2].due and again.tasks[0].due is None
    assert dumps(again) == dumps(plan)


def test_the_documented_shape():
    doc = json.loads(dumps(plan_with_rounds()))
    assert doc["tasks"][0]["deadline"] == {"text": "2019年6月底前", "kind": "fixed", "start": None,
                                           "end": "2019-06-30", "fuzzy": False}
    assert doc["tasks"][1]["deadline"]["end"] == "2019-12-31" and doc["tasks"][1]["deadline"]["fuzzy"] is True
    first = doc["rounds"][0]
    assert {k: first[k] for k in ("name", "start", "end", "due")} == {
        "name": "2019年第一季度", "start": "2019-01-01", "end": "2019-03-31", "due": "2019-04-05"}
    entry = first["entries"][0]
    assert set(entry) == {"task", "unit", "status", "percent", "progress", "problems", "next_steps", "reporter",
                          "date", "light"}
    assert (entry["task"], entry["unit"], entry["percent"], entry["date"]) == (1, "省科技厅", 40.0, "2019-04-02")
    assert entry["light"] in ("red", "yellow", "green", "blue", "grey")
    second = {(e["task"], e["unit"]): e for e in doc["rounds"][1]["entries"]}
    assert second[(2, "省财政厅")]["light"] == "blue"
    assert second[(1, "省科技厅")]["progress"] == "完成选址"  # the draft the second round started from


def test_an_old_file_with_a_text_deadline_still_reads():
    doc = json.loads(dumps(plan_with_rounds()))
    doc["tasks"][0]["deadline"] = "2019年6月底前"
    del doc["rounds"], doc["statuses"]
    plan = loads(json.dumps(doc))
    assert plan.tasks[0].deadline == "2019年6月底前" and plan.tasks[0].due is None and plan.rounds == []


@pytest.mark.parametrize("change, message", [
    (lambda d: d["rounds"][0].update(name=""), "is not a round"),
    (lambda d: d["rounds"].append(dict(d["rounds"][0])), "appears twice"),
    (lambda d: d["rounds"][0]["entries"][0].update(task=99), "names task 99"),
    (lambda d: d["rounds"][0]["entries"][0].update(percent=140), "from 0 to 100"),
    (lambda d: d["rounds"][0].update(due="2019-02-30"), "not YYYY-MM-DD"),
    (lambda d: d["tasks"][0]["deadline"].update(kind="soon"), "not a deadline"),
])
def test_bad_rounds_are_refused_with_a_message(change, message):
    doc = json.loads(dumps(plan_with_rounds()))
    change(doc)
    with pytest.raises(PlanFormatError, match=message):
        loads(json.dumps(doc))


# -- the same in a workbook ------------------------------------------------------------------------
def test_rounds_reopen_exactly_from_a_workbook_and_other_sheets_stay(tmp_path):
    import openpyxl

    from taskmatrix.io.formats import read_plan, write_plan

    plan = plan_with_rounds()
    path = tmp_path / "plan.xlsx"
    write_plan(plan, path)
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert names == ["任务分工表", "责任矩阵", "单位汇总", "进展-2019年第一季度", "进展-2019年第二季度"]
    again = read_plan(path).plan
    assert again.rounds == plan.rounds and again.statuses == plan.statuses
    assert [t.reports for t in again.tasks] == [t.reports for t in plan.tasks]
    assert [t.due for t in again.tasks] == [t.due for t in plan.tasks]  # the corrected deadline too
    # Saved again (spliced into itself): the rounds are rewritten, nothing doubles.
    write_plan(again, path)
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert names == ["任务分工表", "责任矩阵", "单位汇总", "进展-2019年第一季度", "进展-2019年第二季度"]
    third = read_plan(path).plan
    assert [t.reports for t in third.tasks] == [t.reports for t in plan.tasks]
    assert third.tasks[2].due == plan.tasks[2].due


def test_a_round_sheet_shows_each_report_with_its_light(tmp_path):
    import openpyxl

    from taskmatrix.io.formats import write_plan

    path = tmp_path / "plan.xlsx"
    write_plan(plan_with_rounds(), path)
    ws = openpyxl.load_workbook(path)["进展-2019年第一季度"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0] == ["序号", "重点任务", "填报单位", "状态", "完成进度", "进展情况", "存在问题", "下步计划", "填报人", "填报日期",
                       "亮灯"]
    assert rows[1][:10] == [1, "甲", "省科技厅", "推进中", "40%", "完成选址", "资金未到位", "开工建设", "张三", "2019-04-02"]
    assert rows[1][10].split()[0] in "✖▲●✔○"
