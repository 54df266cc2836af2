"""The statistics against a hand count on the seed plan (each number below was counted by
reading the plan's responsibility brackets, the tasks listed beside it), and the round tables
on a small plan whose lights are known."""

from __future__ import annotations

import datetime as dt

from taskmatrix.model.plan import Plan, Section, Task
from taskmatrix.model.rounds import Entry, Round, add_round, set_entry
from taskmatrix.model.stats import statistics


def table(tables, key):
    return next(t for t in tables if t.key == key)


def row(t, label):
    return next(r for r in t.rows if r[0] == label)


def test_unit_and_role_counts_match_a_hand_count_of_the_seed(seed_plan):
    tables = statistics(seed_plan)
    roles = table(tables, "unit_role")
    assert roles.header == ["单位", "牵头任务", "参与任务", "合计"]
    assert row(roles, "省科技厅") == ["省科技厅", 7, 16, 23]  # leads 6, 8, 10, 11, 12, 14, 15
    assert row(roles, "省教育厅")[1:3] == [3, 7]  # leads 50, 51, 52; takes part in 4, 5, 7, 9, 12, 15, 59
    assert row(roles, "省发展改革委")[1] == 16
    total = roles.rows[-1]
    assert total[0] == "合计" and total[1] == sum(len(t.leads) for t in seed_plan.tasks) == 102
    assert [r[0] for r in roles.rows[:2]] == ["省委组织部", "省委宣传部"]  # registry order


def test_unit_by_section_and_city_counts(seed_plan):
    tables = statistics(seed_plan)
    sections = table(tables, "unit_section")
    assert sections.header[1] == "一、优化提升空间发展格局" and sections.header[-1] == "合计"
    science = row(sections, "省科技厅")
    assert science[2] == 12 and science[-1] == 23  # 二、建设国际科技创新中心 (tasks 4–17): 4–15 name it
    assert all(r[-1] == sum(r[1:-1]) for r in sections.rows)
    cities = table(tables, "city")
    assert [r[0] for r in cities.rows[:3]] == ["广州市", "深圳市", "珠海市"]
    # 中山市 leads task 93 only; the other tasks reach it through 大湾区内地各市 or by name
    assert row(cities, "中山市")[1] == 1


def test_round_tables_count_lights_and_reports():
    plan = Plan(title="某某工作方案（2019年）", sections=[Section(1, "甲"), Section(2, "乙")])
    plan.tasks = [Task(1, 1, "一", leads=["省科技厅"], deadline="2019年6月底前"),
                  Task(2, 1, "二", leads=["省科技厅", "省财政厅"], deadline="2019年3月底前"),
                  Task(3, 2, "三", leads=["省财政厅"], deadline="长期坚持")]
    add_round(plan, Round("2019年第一季度", dt.date(2019, 1, 1), dt.date(2019, 3, 31)))
    set_entry(plan.tasks[0], "2019年第一季度", Entry("省科技厅", "已完成", progress="完成"))
    set_entry(plan.tasks[1], "2019年第一季度", Entry("省科技厅", "推进中", 90.0, progress="在建"))
    tables = statistics(plan, as_of=dt.date(2019, 4, 10))
    units = table(tables, "round_unit")
    assert units.header == ["牵头单位", "已完成", "正常推进", "预警", "逾期或严重滞后", "持续推进", "合计", "已报送", "报送率"]
    # 省科技厅: task 1 done (blue), task 2 past its deadline (red); 省财政厅: task 2 not reported
    # (red), task 3 ongoing (grey), nothing sent
    assert row(units, "省科技厅") == ["省科技厅", 1, 0, 0, 1, 0, 2, 2, "100%"]
    assert row(units, "省财政厅") == ["省财政厅", 0, 0, 0, 1, 1, 2, 0, "0%"]
    assert units.rows[-1] == ["合计", 1, 0, 0, 2, 1, 4, 2, "50%"]
    sections = table(tables, "round_section")
    assert row(sections, "一、甲") == ["一、甲", 1, 0, 0, 1, 0, 2, 2, "100%"]
    assert row(sections, "二、乙") == ["二、乙", 0, 0, 0, 0, 1, 1, 0, "0%"]


def test_a_plan_without_rounds_or_tasks_still_counts():
    tables = statistics(Plan(title="空"))
    assert [t.key for t in tables] == ["unit_role", "unit_section", "city"]
    assert all(t.rows[-1][0] == "合计" for t in tables)
