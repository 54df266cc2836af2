"""The conventions of other issuers' plan texts (State Council, ministries, cities), each on a
short text written for the test, asserting the exact tasks, units, cities and sections."""

import pytest

from taskmatrix.io.plaintext import parse_plan_text
from taskmatrix.io.report import build_report
from taskmatrix.io.textplan import SUBHEADING_FIELD
from taskmatrix.model.queries import task_cities


def read(text):
    return parse_plan_text(text)


def rows(plan):
    return [(t.number, t.section, t.title, t.leads, t.participants) for t in plan.tasks]


def kinds(result):
    return {w.kind for w in result.warnings}


# -- 1. numbering -----------------------------------------------------------------------------
def test_tasks_numbered_with_chinese_numerals_in_parentheses():
    text = ("一、第一部分\n\n（一）做好甲事。内容甲。（财政部、教育部负责）\n\n"
            "（二）做好乙事。（科技部负责）\n\n二、第二部分\n\n（三）做好丙事。（民政部负责）\n")
    plan = read(text).plan
    assert rows(plan) == [
        (1, 1, "做好甲事", ["财政部", "教育部"], []),
        (2, 1, "做好乙事", ["科技部"], []),
        (3, 2, "做好丙事", ["民政部"], []),
    ]
    assert plan.tasks[0].body == "内容甲。"


@pytest.mark.parametrize("sep", [".", "．", "﹒", "、"])
def test_arabic_number_separators(sep):
    plan = read(f"1{sep}做甲事。（财政部负责）\n\n2{sep}做乙事。（科技部负责）").plan
    assert [(t.number, t.title) for t in plan.tasks] == [(1, "做甲事"), (2, "做乙事")]


def test_a_title_starting_with_digits_is_the_next_task_when_the_numbering_says_so():
    text = "10.做甲事。（财政部负责）\n\n11.121人才梯队项目。培养人才。（科技部负责）\n\n12.做丙事。（教育部负责）"
    plan = read(text).plan
    assert [(t.number, t.title) for t in plan.tasks] == [(10, "做甲事"), (11, "121人才梯队项目"), (12, "做丙事")]


def test_a_number_followed_by_digits_out_of_sequence_stays_text():
    text = "1.做甲事。资金达到\n5.5亿元。（财政部负责）\n\n2.做乙事。（科技部负责）"
    plan = read(text).plan
    assert [t.number for t in plan.tasks] == [1, 2]
    assert plan.tasks[0].body == "资金达到5.5亿元。"


# -- 2. sub-headings and framing items ----------------------------------------------------------
SUBHEADINGS = """一、总体要求

（一）坚持改革创新。持续改善营商环境。

（二）坚持开放引领。对标国际先进水平。

二、主要任务

（一）统筹两个市场，打造制造中心。

1.拓展市场。推广试点。（税务总局、财政部负责，排在第一位的部门为牵头部门，下同）

2.释放产能。允许承接委托加工。（海关总署、商务部负责）

（二）推动创新创业，打造研发中心。

3.促进研发。免于提交许可证件。（海关总署负责）
"""


def test_subheadings_between_numbered_tasks_are_neither_sections_nor_tasks():
    result = read(SUBHEADINGS)
    plan = result.plan
    assert [(s.number, s.title) for s in plan.sections] == [(1, "总体要求"), (2, "主要任务")]
    assert rows(plan) == [
        (1, 2, "拓展市场", ["税务总局"], ["财政部"]),
        (2, 2, "释放产能", ["海关总署"], ["商务部"]),
        (3, 2, "促进研发", ["海关总署"], []),
    ]
    # Each task keeps its sub-heading; task 2 is not swallowed by the sub-heading after it.
    assert [t.extra[SUBHEADING_FIELD] for t in plan.tasks] == [
        "统筹两个市场，打造制造中心", "统筹两个市场，打造制造中心", "推动创新创业，打造研发中心"]
    assert plan.tasks[1].body == "允许承接委托加工。"
    # The principles under 总体要求 carry no units: framing text, kept in the preamble.
    assert "坚持改革创新。持续改善营商环境。" in plan.preamble
    assert "framing" in kinds(result)


def test_framing_items_are_not_tasks_while_the_numbering_runs_on():
    text = ("一、总体要求\n\n（一）指导思想。以新思想为指导。\n\n（二）发展目标。\n\n到2020年，达到目标。\n\n"
            "二、重点任务\n\n（三）完善创新体系。加快创新。（工业和信息化部、科技部等负责。列第一位者为牵头单位，下同）\n\n"
            "（四）推进协同发展。（农业农村部、商务部等负责）\n")
    result = read(text)
    plan = result.plan
    assert rows(plan) == [
        (3, 2, "完善创新体系", ["工业和信息化部"], ["科技部"]),
        (4, 2, "推进协同发展", ["农业农村部"], ["商务部"]),
    ]
    assert "到2020年，达到目标。" in plan.preamble and "以新思想为指导。" in plan.preamble
    assert "numbering" not in kinds(result)  # 3 follows the framing items 1 and 2


# -- 3. the lead rule stated in the text ----------------------------------------------------------
def test_lead_rule_in_the_first_parenthesis_carries_to_the_following_tasks():
    text = ("（一）甲事。（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）\n\n"
            "（二）乙事。（财政部、工业和信息化部、人民银行、银保监会负责）\n\n"
            "（三）丙事。（人力资源社会保障部、科技部、财政部，各省级人民政府按职责分工负责）\n")
    result = read(text)
    assert rows(result.plan) == [
        (1, None, "甲事", ["人力资源社会保障部"], ["财政部"]),
        (2, None, "乙事", ["财政部"], ["工业和信息化部", "人民银行", "银保监会"]),
        (3, None, "丙事", ["人力资源社会保障部"], ["科技部", "财政部", "各省级人民政府"]),
    ]
    facts = [str(f) for f in result.facts]
    assert any("first unit listed leads" in f and "列第一位者为牵头单位" in f for f in facts)
    assert not result.plan.unknown_units()  # the rule sentence is not a unit


def test_without_a_stated_rule_the_first_group_leads_jointly():
    plan = read("1.甲事。（财政部、教育部，科技部）").plan
    assert rows(plan) == [(1, None, "甲事", ["财政部", "教育部"], ["科技部"])]


def test_a_rule_without_xiatong_holds_for_its_own_task_only():
    text = "1.甲事。（财政部、教育部负责，排在第一位的部门为牵头部门）\n\n2.乙事。（科技部、民政部）"
    plan = read(text).plan
    assert plan.tasks[0].leads == ["财政部"] and plan.tasks[1].leads == ["科技部", "民政部"]


def test_a_rule_stated_in_the_preamble_with_lists_that_do_not_group():
    text = ("为推进工作，制定本方案（排在第一位的为牵头单位，其他为配合单位）。\n\n"
            "1.甲事。（市发展改革委、市科技局、市财政局）\n\n2.乙事。（市教育局、市民政局）")
    plan = read(text).plan
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["市发展改革委"], ["市科技局", "市财政局"]), (["市教育局"], ["市民政局"])]


# -- 4. verbs and marks ----------------------------------------------------------------------------
@pytest.mark.parametrize("units, leads, participants", [
    ("财政部、教育部负责。列第一位者为牵头单位，下同", ["财政部"], ["教育部"]),
    ("财政部、教育部按职责分工负责", ["财政部"], ["教育部"]),
    ("财政部、教育部分别负责", ["财政部"], ["教育部"]),
    ("财政部、教育部等负责", ["财政部"], ["教育部"]),
    ("海关总署、商务部等有关部门负责", ["海关总署"], ["商务部", "有关部门"]),
    ("人力资源社会保障部等有关部门和单位负责", ["人力资源社会保障部"], ["有关部门和单位"]),
    ("农业农村部、工业和信息化部牵头负责", ["农业农村部", "工业和信息化部"], []),
    ("科技部牵头，教育部、财政部配合", ["科技部"], ["教育部", "财政部"]),
    ("各有关部门和单位，各省级人民政府按职责分工负责", ["各有关部门和单位"], ["各省级人民政府"]),
])
def test_closing_verbs_are_not_part_of_unit_names(units, leads, participants):
    # The first task states the rule (下同), as the State Council documents do.
    text = f"1.定规则。（民政部负责。列第一位者为牵头单位，下同）\n\n2.做事。（{units}）"
    task = read(text).plan.tasks[1]
    assert (task.leads, task.participants) == (leads, participants)


# -- 5. labelled forms --------------------------------------------------------------------------------
def test_labelled_lead_and_participants_in_the_parenthesis():
    plan = read("1.做事。（牵头单位：市科技局；配合单位：市教育局、市财政局）").plan
    assert rows(plan) == [(1, None, "做事", ["市科技局"], ["市教育局", "市财政局"])]


def test_labelled_parenthesis_with_a_collective_unit_containing_a_dunhao():
    plan = read("1.做事。（牵头单位：市发展改革委，配合单位：市科技局，各区、县级市）").plan
    assert plan.tasks[0].leads == ["市发展改革委"]
    assert plan.tasks[0].participants == ["市科技局", "各区、县级市"]


def test_lead_and_cooperating_responsibility_labels():
    plan = read("1.做事。（牵头责任单位：市商务局；协同责任单位：市财政局、市税务局）").plan
    assert (plan.tasks[0].leads, plan.tasks[0].participants) == (["市商务局"], ["市财政局", "市税务局"])


def test_responsible_units_on_their_own_line_after_the_task():
    text = ("1.建设平台。推进平台建设。\n责任单位：市发展改革委、市科技局\n\n"
            "2.培养人才。实施计划。\n牵头单位：市人力资源社会保障局\n配合单位：市教育局\n")
    plan = read(text).plan
    assert rows(plan) == [
        (1, None, "建设平台", ["市发展改革委", "市科技局"], []),
        (2, None, "培养人才", ["市人力资源社会保障局"], ["市教育局"]),
    ]
    assert plan.tasks[0].body == "推进平台建设。"


def test_a_deadline_label_goes_to_the_deadline():
    task = read("1.做事。（牵头单位：市科技局；完成时限：2020年底前）").plan.tasks[0]
    assert (task.leads, task.deadline) == (["市科技局"], "2020年底前")


# -- 6. shared prefixes and suffixes --------------------------------------------------------------------
def test_a_shared_province_prefix_where_the_registry_knows_the_units():
    task = read("1.做事。（省发展改革委，科技厅、农业农村厅）").plan.tasks[0]
    assert (task.leads, task.participants) == (["省发展改革委"], ["省科技厅", "省农业农村厅"])


def test_shared_city_suffix_and_long_shared_suffix():
    task = read("1.做事。（省公安厅，广州、深圳市，广州、深圳、珠海出入境边防检查总站）").plan.tasks[0]
    assert task.participants == ["广州市", "深圳市", "广州出入境边防检查总站", "深圳出入境边防检查总站",
                                 "珠海出入境边防检查总站"]
    plan = read("1.做事。（省公安厅，广州、深圳市，广州、深圳、珠海出入境边防检查总站）").plan
    assert task_cities(plan.tasks[0], plan.registry) == ["广州市", "深圳市"]  # the stations are not cities


def test_collective_with_dunhao_stays_one_unit():
    task = read("1.做事。（市民政局，各区、县级市）").plan.tasks[0]
    assert task.participants == ["各区、县级市"]


# -- 7. layout ----------------------------------------------------------------------------------------
TITLE_BLOCK = ("国务院关于做好某某工作的\n\n若干意见\n\n国发〔2019〕9号\n\n"
               "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n为做好某某工作，提出以下意见：\n\n"
               "一、加强领导\n\n（一）落实责任。（财政部、教育部负责。列第一位者为牵头单位，下同）\n\n"
               "（二）强化保障。（科技部负责）\n\n国务院\n\n2019年1月1日\n")


def check_title_block(plan):
    assert plan.title == "国务院关于做好某某工作的若干意见"
    assert plan.preamble.startswith("国发〔2019〕9号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
                                    "为做好某某工作，提出以下意见：")
    assert rows(plan) == [(1, 1, "落实责任", ["财政部"], ["教育部"]), (2, 1, "强化保障", ["科技部"], [])]


def test_title_block_document_number_and_addressee():
    check_title_block(read(TITLE_BLOCK).plan)


def test_one_newline_per_paragraph():
    one_line = "\n".join(line for line in TITLE_BLOCK.split("\n") if line)
    check_title_block(read(one_line).plan)


def test_crlf_in_gb18030(tmp_path):
    from taskmatrix.io.plaintext import read_plan_text

    path = tmp_path / "plan.txt"
    path.write_bytes(TITLE_BLOCK.replace("\n", "\r\n").encode("gb18030"))
    check_title_block(read_plan_text(path).plan)


PDF_COPY = ("某某实施方案\n一、重点任务\n1.做甲事。推进政\n2\n策落地。（财政部负责）\n"
            "2.做乙事。推进工作。（科技部负责）\n\x0c某某实施方案\n二、保障措施\n"
            "3.做丙事。加强保障。（教育部负责）\n- 3 -\n\x0c某某实施方案\n4.做丁事。（民政部负责）\n")


def test_text_copied_out_of_a_pdf():
    result = read(PDF_COPY)
    plan = result.plan
    assert plan.title == "某某实施方案"
    assert [(s.number, s.title) for s in plan.sections] == [(1, "重点任务"), (2, "保障措施")]
    assert rows(plan) == [
        (1, 1, "做甲事", ["财政部"], []), (2, 1, "做乙事", ["科技部"], []),
        (3, 2, "做丙事", ["教育部"], []), (4, 2, "做丁事", ["民政部"], []),
    ]
    assert plan.tasks[0].body == "推进政策落地。"  # the page number is not glued into the word
    assert "某某实施方案" not in plan.preamble  # the running header is gone
    assert "page_artefacts" in kinds(result)


def test_a_heading_with_no_blank_line_before_it():
    text = "一、甲部分\n1.做甲事。（财政部负责）\n二、乙部分\n2.做乙事。（科技部负责）"
    plan = read(text).plan
    assert [(t.number, t.section) for t in plan.tasks] == [(1, 1), (2, 2)]


# -- 8. cities and the registry ---------------------------------------------------------------------------
def test_cities_only_from_responsible_units_not_from_mentions():
    plan = read("1.做事。在广州、深圳和中山大学开展试点，纪念孙中山。（省教育厅，珠海市）").plan
    assert task_cities(plan.tasks[0], plan.registry) == ["珠海市"]


def test_a_national_plan_gets_the_central_registry():
    plan = read("1.做事。（财政部、人民银行负责。列第一位者为牵头单位，下同）\n\n2.再做。（海关总署负责）").plan
    assert plan.unknown_units() == []
    assert plan.registry.category("人民银行") == "国务院组成部门"
    assert plan.registry.category("海关总署") == "国务院直属机构"


# -- the report ---------------------------------------------------------------------------------------------
def test_report_summary_and_groups_without_a_flood():
    sections = "".join(f"一、部分{i}\n\n{i}.做事{i}。（省科技厅）\n\n" for i in range(1, 1001))
    result = read(sections)
    report = build_report(result)
    assert str(report.summary) == "1000 tasks in 1000 sections, 1 units (0 unknown)"
    lines = report.lines()
    section_lines = [line for line in lines if "section numbers" in line]
    assert len(section_lines) == 1 and "(999)" in section_lines[0]
    assert len(lines) <= 5


def test_report_names_unsure_places():
    text = ("1.做甲事。（财政部负责。列第一位者为牵头单位，下同）\n\n2.做乙事。没有单位。\n\n"
            "4.做丁事。（科技部，建立由政府负责人牵头的2个工作机制）")
    result = read(text)
    assert {"no_units", "numbering", "unsure_units"} <= kinds(result)
