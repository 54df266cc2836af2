"""Rounds, reports and lights: a new round drafts from the last, reports follow renamed units
and renumbered tasks, lights turn on their boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from taskmatrix.model import edits
from taskmatrix.model.deadlines import Deadline, parse_deadline
from taskmatrix.model.lights import BLUE, GREEN, GREY, RED, YELLOW, Thresholds, light_of, printed, worst
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.progress import Progress, report_rows
from taskmatrix.model.rounds import Entry, Round, add_round, change_round, entry_of, remove_round, set_entry

D = dt.date
YEAR_END = parse_deadline("2019年底前")  # 2019-12-31
START = D(2019, 1, 1)


@pytest.mark.parametrize("status, percent, as_of, light", [
    ("已完成", None, D(2020, 3, 1), BLUE),  # done, even when late
    ("推进中", None, D(2020, 1, 1), RED),  # a day past the deadline
    ("推进中", None, D(2019, 12, 31), YELLOW),  # the last day: due soon, not yet overdue
    ("推进中", None, D(2019, 12, 1), YELLOW),  # 30 days before: due soon
    ("推进中", None, D(2019, 11, 30), GREEN),  # 31 days before
    ("滞后", None, D(2019, 3, 1), YELLOW),  # reported late
    ("推进中", 10.0, D(2019, 7, 2), RED),  # expected 50 %: 40 points behind
    ("推进中", 25.0, D(2019, 7, 2), YELLOW),  # 25 points behind: past yellow, not red
    ("推进中", 45.0, D(2019, 7, 2), GREEN),  # 5 points behind: on track
    ("暂缓", None, D(2020, 6, 1), GREY),  # paused
])
def test_light_boundaries(status, percent, as_of, light):
    entry = Entry("省科技厅", status, percent)
    assert light_of(entry, YEAR_END, as_of, START, Thresholds()) == light


def test_ongoing_and_recurring_tasks_are_grey_unless_late():
    assert light_of(None, parse_deadline("长期坚持"), D(2030, 1, 1)) == GREY
    assert light_of(Entry("x", "滞后"), parse_deadline("每年"), D(2030, 1, 1)) == YELLOW
    assert light_of(None, Deadline(""), D(2030, 1, 1)) == GREY  # no deadline, nothing to be late for


def test_thresholds_move_the_boundaries():
    entry = Entry("x", "推进中", 25.0)
    assert light_of(entry, YEAR_END, D(2019, 7, 2), START, Thresholds(red_behind=20)) == RED
    assert light_of(Entry("x", "推进中"), YEAR_END, D(2019, 11, 1), START, Thresholds(soon_days=61)) == YELLOW


def test_printed_lights_and_the_worst_of_several():
    assert printed(RED) == "✖ 红灯" and printed(BLUE) == "✔ 完成"
    assert worst([GREEN, BLUE, YELLOW]) == YELLOW and worst([]) == ""


def _plan() -> Plan:
    plan = Plan(title="某某工作方案（2019年）")
    plan.tasks = [Task(1, None, "甲", leads=["省科技厅", "省教育厅"], deadline="2019年底前"),
                  Task(2, None, "乙", leads=["省财政厅"], participants=["省科技厅"], deadline="长期坚持")]
    return plan


def test_a_new_round_starts_from_the_last_rounds_entries_as_a_draft():
    plan = _plan()
    add_round(plan, Round("2019年第一季度", D(2019, 1, 1), D(2019, 3, 31), D(2019, 4, 5)))
    first = plan.tasks[0]
    set_entry(first, "2019年第一季度", Entry("省科技厅", "推进中", 20.0, "已启动", reporter="张三", date=D(2019, 4, 1)))
    add_round(plan, Round("2019年第二季度"))
    draft = entry_of(first, "2019年第二季度")
    assert draft is not None and (draft.status, draft.percent, draft.progress, draft.date) == ("推进中", 20.0, "已启动", None)
    draft.progress = "已完成一半"
    assert entry_of(first, "2019年第一季度").progress == "已启动"  # the last round is history
    with pytest.raises(edits.EditError):
        add_round(plan, Round("2019年第一季度"))


def test_rounds_rename_and_remove_carry_their_reports():
    plan = _plan()
    add_round(plan, Round("一季度"))
    set_entry(plan.tasks[0], "一季度", Entry("省科技厅", "推进中"))
    from taskmatrix.model.indicators import Indicator

    plan.indicators = [Indicator(plan.tasks[0].number, "森林覆盖率", 52, "%", actuals={"一季度": 50.0})]
    change_round(plan, "一季度", Round("2019年第一季度"))
    assert entry_of(plan.tasks[0], "2019年第一季度").status == "推进中"
    assert plan.indicators[0].actuals == {"2019年第一季度": 50.0}  # the actual value follows the rename
    index, removed, reports, actuals = remove_round(plan, "2019年第一季度")
    assert plan.rounds == [] and plan.tasks[0].reports == {} and plan.indicators[0].actuals == {}
    from taskmatrix.model.rounds import put_back_round

    put_back_round(plan, index, removed, reports, actuals)
    assert entry_of(plan.tasks[0], "2019年第一季度").status == "推进中"
    assert plan.indicators[0].actuals == {"2019年第一季度": 50.0}


def test_reports_follow_a_renamed_unit_a_merge_and_undo():
    plan = _plan()
    add_round(plan, Round("R"))
    set_entry(plan.tasks[0], "R", Entry("省科技厅", "推进中", progress="x"))
    snapshot = edits.rename_unit(plan, "省科技厅", "省科学技术厅")
    assert entry_of(plan.tasks[0], "R", "省科学技术厅").progress == "x"
    edits.restore_units(plan, snapshot)
    assert entry_of(plan.tasks[0], "R", "省科技厅").progress == "x"
    edits.merge_units(plan, "省科技厅", "省教育厅")
    assert plan.tasks[0].reports["R"]["省教育厅"].progress == "x"


def test_renumbering_keeps_each_tasks_history_with_it():
    plan = _plan()
    add_round(plan, Round("R"))
    set_entry(plan.tasks[1], "R", Entry("省财政厅", "推进中"))
    edits.renumber(plan, start=10)
    assert plan.tasks[1].number == 11 and entry_of(plan.tasks[1], "R").status == "推进中"


def test_progress_lights_by_unit_and_the_worst_of_the_leads():
    plan = _plan()
    add_round(plan, Round("R"))
    first = plan.tasks[0]
    set_entry(first, "R", Entry("省科技厅", "已完成"))
    set_entry(first, "R", Entry("省教育厅", "推进中"))
    as_of = D(2020, 1, 5)
    assert Progress(plan, "R", as_of=as_of).light(first) == RED  # the education office is overdue
    assert Progress(plan, "R", unit="省科技厅", as_of=as_of).light(first) == BLUE
    counts = Progress(plan, "R", as_of=as_of).summary()
    assert counts == {RED: 1, GREY: 1}
    rows = report_rows(plan, "R")
    assert [(t.number, e.unit) for t, e in rows] == [(1, "省科技厅"), (1, "省教育厅"), (2, "省财政厅")]
    assert [(t.number, e.unit) for t, e in report_rows(plan, "R", unit="省科技厅")] == [(1, "省科技厅"), (2, "省科技厅")]


def test_a_corrected_deadline_wins_over_its_text():
    plan = _plan()
    plan.tasks[0].due = Deadline("2019年底前", "fixed", None, D(2020, 6, 30))
    assert Progress(plan, "R", as_of=D(2020, 1, 5)).light(plan.tasks[0]) == GREEN
