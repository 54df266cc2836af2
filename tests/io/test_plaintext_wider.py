"""More of the ways real plans write numbers, units and deadlines (beyond the first issuers'
conventions): each on a short text written for the test."""

import pytest

from taskmatrix.io.plaintext import parse_plan_text
from taskmatrix.model.queries import city_links, task_cities


def task(units, first="1.做事。"):
    return parse_plan_text(f"{first}（{units}）").plan.tasks[0]


def roles(units):
    t = task(units)
    return t.leads, t.participants


# -- responsibility wordings ------------------------------------------------------------------
@pytest.mark.parametrize("units, leads, participants", [
    ("省发展改革委为牵头单位，省科技厅、省教育厅为配合单位", ["省发展改革委"], ["省科技厅", "省教育厅"]),
    ("牵头：省科技厅；配合：省财政厅", ["省科技厅"], ["省财政厅"]),
    ("省财政厅会同省教育厅负责", ["省财政厅"], ["省教育厅"]),
    ("省科技厅主责，省教育厅协助", ["省科技厅"], ["省教育厅"]),
    ("省科技厅牵头、省教育厅配合", ["省科技厅"], ["省教育厅"]),
    ("省科技厅、省教育厅共同牵头，省财政厅配合", ["省科技厅", "省教育厅"], ["省财政厅"]),
    ("省科技厅负责落实", ["省科技厅"], []),
    ("省科技厅和省教育厅负责", ["省科技厅", "省教育厅"], []),
    ("省发展改革委省科技厅", ["省发展改革委", "省科技厅"], []),  # glued registered names
    ("省工业和信息化厅", ["省工业和信息化厅"], []),  # 和 inside a name stays
    ("省委组织部、宣传部，省发展改革委、科技厅", ["省委组织部", "省委宣传部"], ["省发展改革委", "省科技厅"]),
    ("省商务厅，广州、深圳、珠海等市", ["省商务厅"], ["广州市", "深圳市", "珠海市"]),
])
def test_responsibility_wordings(units, leads, participants):
    assert roles(units) == (leads, participants)


def test_responsibility_in_square_brackets():
    t = parse_plan_text("1.做事。内容。【牵头单位：省科技厅；配合单位：省教育厅】").plan.tasks[0]
    assert (t.title, t.body, t.leads, t.participants) == ("做事", "内容。", ["省科技厅"], ["省教育厅"])


def test_latin_names_keep_their_spaces():
    t = task("Hong Kong Trade Development Council、省商务厅")
    assert t.leads == ["Hong Kong Trade Development Council", "省商务厅"]
    assert task("省 科技厅").leads == ["省科技厅"]


# -- deadlines ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, deadline", [
    ("1.做事。（省科技厅负责，2023年底前完成）", "2023年底前完成"),
    ("1.做事。（省科技厅负责；持续推进）", "持续推进"),
    ("1.做事。（2024年6月底前）（省科技厅负责）", "2024年6月底前"),
    ("1.做事。（省科技厅负责；完成时限：2025年）", "2025年"),
])
def test_deadlines_inside_or_beside_the_parenthesis(text, deadline):
    t = parse_plan_text(text).plan.tasks[0]
    assert (t.title, t.leads, t.deadline) == ("做事", ["省科技厅"], deadline)


def test_two_unit_parentheses_and_what_may_follow_the_last():
    plan = parse_plan_text("1.甲。（省财政厅牵头）（省教育厅配合）\n\n2.乙。（省科技厅负责）。\n\n"
                           "3.丙。（省教育厅负责）2\n\n4.丁。（省财政厅负责）［3］").plan
    assert [(t.title, t.leads, t.participants) for t in plan.tasks] == [
        ("甲", ["省财政厅"], ["省教育厅"]), ("乙", ["省科技厅"], []), ("丙", ["省教育厅"], []),
        ("丁", ["省财政厅"], [])]


# -- the lead rule ------------------------------------------------------------------------------
@pytest.mark.parametrize("first", [
    "省科技厅、省教育厅负责，第一位为牵头单位，下同",
    "省科技厅、省教育厅负责，排名第一的为牵头单位，下同",
    "省科技厅、省教育厅负责，下同，列第一位者为牵头单位",
])
def test_rule_wordings(first):
    plan = parse_plan_text(f"1.甲。（{first}）\n\n2.乙。（省财政厅、省教育厅负责）").plan
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["省科技厅"], ["省教育厅"]), (["省财政厅"], ["省教育厅"])]


def test_a_rule_stated_in_a_closing_note():
    text = "1.甲。（省科技厅、省教育厅负责）\n\n2.乙。（省财政厅、省教育厅）\n\n注：列第一位者为牵头单位。"
    result = parse_plan_text(text)
    assert [(t.leads, t.participants) for t in result.plan.tasks] == [
        (["省科技厅"], ["省教育厅"]), (["省财政厅"], ["省教育厅"])]
    assert "注：列第一位者为牵头单位。" in result.plan.preamble  # kept, not dropped


# -- cities ----------------------------------------------------------------------------------------
def test_a_city_answers_through_its_government():
    plan = parse_plan_text("1.做事。（省商务厅，广州市人民政府、深圳市政府）").plan
    t = plan.tasks[0]
    assert t.participants == ["广州市人民政府", "深圳市政府"]  # kept as written
    assert task_cities(t, plan.registry) == ["广州市", "深圳市"]
    assert city_links(t, plan.registry) == {"广州市": None, "深圳市": None}


# -- titles and numbering ------------------------------------------------------------------------
def test_full_stops_inside_quotes_do_not_end_a_title():
    text = ("附件\n\n广东省推进“数字政府。”建设方案\n\n（2021年3月1日）\n\n"
            "1.推进“一网通办。”建设平台。内容。（省政务服务数据管理局负责）")
    result = parse_plan_text(text)
    assert result.plan.title == "广东省推进“数字政府。”建设方案"
    t = result.plan.tasks[0]
    assert (t.title, t.body) == ("推进“一网通办。”建设平台", "内容。")
    assert "附件" in result.plan.preamble and "（2021年3月1日）" in result.plan.preamble


def test_the_level_that_carries_most_units_is_the_task_level():
    text = ("（一）加强统筹。\n1.建立机制。（省发展改革委负责）\n2.完善政策。（省财政厅负责）\n\n"
            "（二）强化保障。\n3.落实资金。（省财政厅负责）\n")
    plan = parse_plan_text(text).plan
    assert [(t.number, t.title, t.leads) for t in plan.tasks] == [
        (1, "建立机制", ["省发展改革委"]), (2, "完善政策", ["省财政厅"]), (3, "落实资金", ["省财政厅"])]


def test_sub_items_after_a_task_with_units_are_its_text():
    text = ("（一）建设平台。（省科技厅负责）\n1.建设一期。\n2.建设二期。\n\n"
            "（二）培养人才。（省教育厅负责）\n\n（三）完善政策。（省财政厅负责）\n")
    plan = parse_plan_text(text).plan
    first = plan.tasks[0]
    assert (first.title, first.leads) == ("建设平台", ["省科技厅"])
    assert "建设一期" in first.body and "建设二期" in first.body
    assert [t.leads for t in plan.tasks] == [["省科技厅"], ["省教育厅"], ["省财政厅"]]


# -- the same in a workbook's unit cells ------------------------------------------------------------
def test_workbook_cells_drop_marks_and_follow_a_stated_rule(tmp_path):
    import openpyxl

    from taskmatrix.io.excel.read import read_xlsx

    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["某某工作任务分工表"])
    sheet.append(["序号", "重点任务", "牵头单位", "责任单位"])
    sheet.append([1, "甲", "省科技厅（牵头）", "省教育厅"])
    sheet.append([2, "乙", "", "省财政厅、省教育厅"])
    sheet.append(["注：责任单位列第一位者为牵头单位。"])
    path = tmp_path / "rule.xlsx"
    wb.save(path)
    result = read_xlsx(path)
    # A lead column and a responsible column: the responsible units take part.
    assert [(t.leads, t.participants) for t in result.plan.tasks] == [
        (["省科技厅"], ["省教育厅"]), ([], ["省财政厅", "省教育厅"])]
    sheet.delete_cols(3)
    wb.save(path)
    result = read_xlsx(path)
    assert [(t.leads, t.participants) for t in result.plan.tasks] == [
        (["省教育厅"], []), (["省财政厅"], ["省教育厅"])]
    assert any("列第一位者为牵头单位" in str(f) for f in result.facts)
