"""Pure edit operations and their inverses."""

import pytest
from hypothesis import given, settings, strategies as st

from taskmatrix.model import edits
from taskmatrix.model.plan import Plan, Section, Task, chinese_numeral, parse_chinese_numeral
from taskmatrix.model.units import UnitRegistry
from tests.fuzz import examples


@pytest.fixture
def plan():
    p = Plan(title="t", sections=[Section(1, "甲"), Section(2, "乙"), Section(3, "丙")])
    p.tasks = [
        Task(1, 1, "一", leads=["省科技厅"], participants=["广东银保监局", "省教育厅"]),
        Task(2, 1, "二", leads=["广东银保监局"], participants=["国家金融监督管理总局广东监管局"]),
        Task(3, 2, "三", leads=["省教育厅"], participants=["广州市"]),
        Task(4, 3, "四", leads=["省财政厅"]),
    ]
    return p


def numbers(p):
    return [t.number for t in p.tasks]


def test_set_text_and_extra_return_old_values(plan):
    task = plan.tasks[0]
    assert edits.set_text(task, "status", "推进中") == ""
    assert task.status == "推进中"
    with pytest.raises(edits.EditError):
        edits.set_text(task, "leads", "x")
    assert edits.set_extra(task, "督办", "是") == ""
    assert task.extra["督办"] == "是"


def test_set_units_keeps_lead_out_of_participants(plan):
    task = plan.tasks[0]
    old = edits.set_units(task, "leads", ["省科技厅", "省教育厅", "省教育厅", ""])
    assert old == ["省科技厅"]
    assert task.leads == ["省科技厅", "省教育厅"]
    assert task.participants == ["广东银保监局"]


def test_set_number_refuses_duplicates(plan):
    with pytest.raises(edits.EditError):
        edits.set_number(plan, plan.tasks[0], 2)
    assert edits.set_number(plan, plan.tasks[0], 10) == 1


def test_set_section_moves_the_task_into_its_block_and_back(plan):
    task = plan.tasks[0]
    old_section, old_index = edits.set_section(plan, task, 3)
    assert (old_section, old_index) == (1, 0)
    assert numbers(plan) == [2, 3, 1, 4]
    assert plan.is_grouped()
    edits.place_task(plan, task, old_index, old_section)
    assert numbers(plan) == [1, 2, 3, 4] and task.section == 1
    with pytest.raises(edits.EditError):
        edits.set_section(plan, task, 9)


def test_insert_and_remove_tasks(plan):
    plan.extra_fields = ["督办"]
    index = edits.new_task_index(plan, 2)
    assert index == 3
    edits.insert_task(plan, index, Task(plan.next_task_number(), 2, "新"))
    assert numbers(plan) == [1, 2, 3, 5, 4]
    assert plan.tasks[3].extra == {"督办": ""}
    with pytest.raises(edits.EditError):
        edits.insert_task(plan, 0, Task(1))
    assert edits.remove_task(plan, 3).title == "新"
    assert edits.new_task_index(plan, 1, after=0) == 1


def test_move_within_a_section_swaps_and_crosses_boundaries(plan):
    assert edits.move_task(plan, 1, -1) == (0, 1)
    assert numbers(plan) == [2, 1, 3, 4]
    # Moving down past the section's end puts the task into the next section, same row.
    assert edits.move_task(plan, 1, 1) == (1, 1)
    assert plan.tasks[1].section == 2 and plan.is_grouped()
    assert edits.move_task(plan, 1, -1) == (1, 2)
    assert plan.tasks[1].section == 1
    with pytest.raises(edits.EditError):
        edits.move_task(plan, 3, 1)


def test_renumber_and_restore(plan):
    plan.tasks[0].number = 7
    old = edits.renumber(plan)
    assert numbers(plan) == [1, 2, 3, 4]
    edits.restore_numbers(plan, old)
    assert numbers(plan) == [7, 2, 3, 4]


def test_sections_add_rename_remove(plan):
    section = edits.add_section(plan, "丁")
    assert section.number == 4 and section.label == "四、丁"
    assert edits.rename_section(plan, 4, "戊") == "丁"
    assert edits.remove_section(plan, 4)[0] == 3
    with pytest.raises(edits.EditError):
        edits.remove_section(plan, 1)


def test_rename_unit_everywhere_keeps_the_old_name_as_alias(plan):
    snap = edits.rename_unit(plan, "省教育厅", "省教育委员会")
    assert plan.tasks[0].participants == ["广东银保监局", "省教育委员会"]
    assert plan.tasks[2].leads == ["省教育委员会"]
    assert plan.registry.canonical("省教育厅") == "省教育委员会"
    edits.restore_units(plan, snap)
    assert plan.tasks[2].leads == ["省教育厅"]
    assert plan.registry == UnitRegistry.default()
    with pytest.raises(edits.EditError):
        edits.rename_unit(plan, "省教育厅", "省科技厅")


def test_merge_units_deduplicates_and_keeps_lead_role(plan):
    snap = edits.merge_units(plan, "广东银保监局", "国家金融监督管理总局广东监管局")
    assert plan.tasks[0].participants == ["国家金融监督管理总局广东监管局", "省教育厅"]
    assert plan.tasks[1].leads == ["国家金融监督管理总局广东监管局"]
    assert plan.tasks[1].participants == []
    assert "广东银保监局" not in plan.registry
    assert plan.registry.canonical("广东银保监局") == "国家金融监督管理总局广东监管局"
    edits.restore_units(plan, snap)
    assert plan.tasks[1].participants == ["国家金融监督管理总局广东监管局"]
    assert "广东银保监局" in plan.registry


def test_update_unit_registers_an_unknown_unit(plan):
    plan.tasks[3].participants = ["省新机构"]
    assert plan.unknown_units() == ["国家金融监督管理总局广东监管局", "省新机构"]
    snap = edits.update_unit(plan, "省新机构", "省政府部门", ["新机构", "省新机构"])
    assert plan.registry.get("省新机构").aliases == ["新机构"]
    assert plan.unknown_units() == ["国家金融监督管理总局广东监管局"]
    edits.restore_units(plan, snap)
    assert "省新机构" not in plan.registry


def test_regroup_is_stable(plan):
    plan.tasks.reverse()
    edits.regroup(plan)
    assert numbers(plan) == [2, 1, 3, 4]


@pytest.mark.parametrize("n,text", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"),
                                    (21, "二十一"), (100, "一百"), (105, "一百零五"), (110, "一百一十"),
                                    (1000, "一千"), (1010, "一千零一十"), (10000, "一万"),
                                    (10005, "一万零五"), (12345, "一万二千三百四十五"),
                                    (100010, "十万零一十")])
def test_chinese_numerals_both_ways(n, text):
    assert chinese_numeral(n) == text
    assert parse_chinese_numeral(text) == n


@settings(max_examples=examples(300), deadline=None)
@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_numerals_round_trip(n):
    assert parse_chinese_numeral(chinese_numeral(n)) == n
