"""Each consistency check on a plan built to have it (and not on one without it); the nearest
registered names for an unknown unit; the checks kept up to date edit by edit; the ``check``
command's lines, JSON and exit codes."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from taskmatrix.model.checks import KINDS, Checker, check_plan, nearest_names
from taskmatrix.model.plan import Plan, Section, Task
from taskmatrix.model.rounds import Entry, Round, add_round, set_entry


def clean_plan() -> Plan:
    plan = Plan(title="某某工作方案（2019年）", sections=[Section(1, "总体")])
    plan.tasks = [Task(1, 1, "建设科技园", "推进珠海横琴科技园建设。", ["省科技厅"], ["珠海市"], "2019年底前"),
                  Task(2, 1, "发展教育", "支持中山大学发展，纪念孙中山。", ["省教育厅"], ["省财政厅"], "2020年6月底前"),
                  Task(3, 1, "完善交通", "建设广州至深圳的快速通道。", ["广州市"], ["深圳市", "省交通运输厅"], "长期坚持")]
    return plan


def kinds(plan: Plan, **kw) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for finding in check_plan(plan, **kw):
        found.setdefault(finding.kind, []).append(finding.task)
    return found


def test_a_clean_plan_has_no_findings():
    assert check_plan(clean_plan()) == []  # 孙中山, 中山大学 are not 中山市


@pytest.mark.parametrize("kind, change, task", [
    ("no_lead", lambda p: setattr(p.tasks[1], "leads", []), 2),
    ("joint_lead", lambda p: p.tasks[0].leads.append("省发展改革委"), 1),
    ("unknown_unit", lambda p: p.tasks[2].participants.append("省交通厅局"), 3),
    ("lead_and_participant", lambda p: p.tasks[1].participants.append("省教育厅"), 2),
    ("duplicate_number", lambda p: setattr(p.tasks[2], "number", 2), 2),
    ("missing_number", lambda p: setattr(p.tasks[2], "number", 5), 3),
    ("empty_title", lambda p: setattr(p.tasks[0], "title", "  "), 1),
    ("empty_body", lambda p: setattr(p.tasks[1], "body", ""), 2),
    ("city_not_responsible", lambda p: setattr(p.tasks[1], "body", "支持中山建设科学城。"), 2),
    ("bad_deadline", lambda p: setattr(p.tasks[0], "deadline", "待定"), 1),
])
def test_each_kind_is_found_on_its_task(kind, change, task):
    plan = clean_plan()
    change(plan)
    found = kinds(plan)
    assert list(found) == [kind] and task in found[kind]


def test_duplicate_and_missing_numbers_name_every_task_and_gap():
    plan = clean_plan()
    plan.tasks[1].number = 1
    plan.tasks[2].number = 4
    found = check_plan(plan)
    assert [(f.task, f.kind) for f in found] == [(1, "duplicate_number"), (2, "missing_number"), (3, "missing_number")]
    assert found[0].message() == "number 1 is used by 2 tasks"
    assert found[1].message() == "number 2 is missing (between 1 and 4)"


def test_no_report_after_a_round_and_only_then():
    plan = clean_plan()
    assert "no_report" not in kinds(plan)
    add_round(plan, Round("2019年第一季度", dt.date(2019, 1, 1), dt.date(2019, 3, 31)))
    set_entry(plan.tasks[0], "2019年第一季度", Entry("省科技厅", "推进中", progress="已选址"))
    assert kinds(plan) == {"no_report": [2, 3]}
    add_round(plan, Round("2019年第二季度"))
    assert kinds(plan, round_name="2019年第一季度") == {"no_report": [2, 3]}


def test_an_unknown_unit_comes_with_the_nearest_registered_names():
    plan = clean_plan()
    plan.tasks[0].participants.append("省发改")
    finding = next(f for f in check_plan(plan) if f.kind == "unknown_unit")
    assert finding.unit == "省发改" and finding.suggestions[0] == "省发展改革委"
    assert "did you mean 省发展改革委" in finding.message()
    names = plan.registry.names()
    assert nearest_names("省发改委", names)[0] == "省发展改革委"
    assert nearest_names("省教育局", names)[0] == "省教育厅"


def test_findings_follow_the_edits_task_by_task():
    plan = clean_plan()
    checker = Checker(plan)
    assert checker.findings() == []
    plan.tasks[1].leads = []
    checker.update([plan.tasks[1]])
    assert [(f.task, f.kind) for f in checker.findings()] == [(2, "no_lead")]
    plan.tasks.insert(2, Task(7, 1, "新任务", "内容", ["省科技厅"]))
    checker.update([plan.tasks[2]])
    assert {f.kind for f in checker.findings()} == {"no_lead", "missing_number"}
    del plan.tasks[2]
    plan.tasks[1].leads = ["省教育厅"]
    checker.update([plan.tasks[1]])
    assert checker.findings() == []


def test_every_kind_has_a_label_and_a_message():
    from taskmatrix.model.checks import KIND_LABELS, TEMPLATES

    assert set(KIND_LABELS) == set(KINDS) and set(KINDS) <= set(TEMPLATES)


# -- the command ---------------------------------------------------------------------------
def test_check_command_lines_json_and_exit_codes(tmp_path, capsys):
    from taskmatrix.cli import run
    from taskmatrix.io.jsonio import dumps

    plan = clean_plan()
    good = tmp_path / "good.json"
    good.write_text(dumps(plan), encoding="utf-8")
    assert run(["check", str(good)]) == 0
    assert capsys.readouterr().out == ""
    plan.tasks[1].leads = []
    plan.tasks[2].deadline = "待定"
    bad = tmp_path / "bad.json"
    bad.write_text(dumps(plan), encoding="utf-8")
    assert run(["check", str(bad)]) == 1
    assert capsys.readouterr().out.splitlines() == ["task 2: no lead", "task 3: deadline “待定” is not understood"]
    assert run(["check", str(bad), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc == [{"task": 2, "kind": "no_lead", "message": "no lead"},
                   {"task": 3, "kind": "bad_deadline", "message": "deadline “待定” is not understood"}]
    assert run(["check", str(tmp_path / "missing.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "missing.json" in err and "Traceback" not in err
    assert run(["check", str(bad), "--round", "2019年"]) == 2
    assert "no reporting rounds" in capsys.readouterr().err


def test_a_long_gap_lists_the_first_numbers_then_how_many_more():
    plan = clean_plan()
    plan.tasks[2].number = 1000
    found = [f for f in check_plan(plan) if f.kind == "missing_number"]
    assert len(found) == 51 and found[-1].message() == "and 947 more numbers are missing"
    assert [f.task for f in found[:3]] == [3, 4, 5]
