"""Plan-text import: every rule of FORMATS.md §1 on small inputs, and the seed exactly."""

import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.io.plaintext import clean_text, decode_text, parse_plan_text, read_plan_text
from tests.conftest import DATA
from tests.fuzz import examples


def parse(text):
    return parse_plan_text(text)


def only_task(text):
    result = parse(text)
    assert len(result.plan.tasks) == 1
    return result.plan.tasks[0]


# -- structure --------------------------------------------------------------------------
def test_title_lines_preamble_sections_tasks():
    text = (
        "广东省某某行动计划\n\n（2019—2021年）\n\n"
        "为落实某某，制定本计划。\n\n"
        "一、第一部分\n\n1.做甲事。具体内容甲。(省科技厅,省教育厅)\n\n"
        "二、第二部分\n\n2.做乙事。(省财政厅)\n"
    )
    plan = parse(text).plan
    assert plan.title == "广东省某某行动计划（2019—2021年）"
    assert plan.preamble == "为落实某某，制定本计划。"
    assert [(s.number, s.title) for s in plan.sections] == [(1, "第一部分"), (2, "第二部分")]
    assert [(t.number, t.section) for t in plan.tasks] == [(1, 1), (2, 2)]


def test_no_title_when_the_first_paragraph_has_a_full_stop(seed_text):
    plan = parse(seed_text).plan
    assert plan.title == ""
    assert plan.preamble.startswith("为深入学习贯彻")


def test_title_is_the_first_sentence_body_the_rest():
    task = only_task("1.构建格局。以香港为核心。加快发展。(省发展改革委)")
    assert task.title == "构建格局"
    assert task.body == "以香港为核心。加快发展。"
    task = only_task("4.配合国家实施建设方案。(省发展改革委,省教育厅)")
    assert (task.title, task.body) == ("配合国家实施建设方案", "")


@pytest.mark.parametrize("sep", [".", "．", "、"])
def test_task_number_separators(sep):
    task = only_task(f"7{sep}做事。(省科技厅)")
    assert task.number == 7 and task.title == "做事"


def test_a_number_followed_by_a_digit_is_text_not_a_task():
    text = "1.推进建设。到2020年实现机场旅客年吞吐量达\n1.4亿人次。(省发展改革委)\n2.下一项。(省科技厅)"
    plan = parse(text).plan
    assert [t.number for t in plan.tasks] == [1, 2]
    assert plan.tasks[0].body == "到2020年实现机场旅客年吞吐量达1.4亿人次。"


def test_wrapped_line_with_a_non_sequential_number_is_text():
    text = "1.推进建设。重点推进\n3.项改革措施。(省科技厅)\n"
    plan = parse(text).plan
    assert len(plan.tasks) == 1
    assert plan.tasks[0].body == "重点推进3.项改革措施。"


# -- artefacts ----------------------------------------------------------------------------
def test_bullets_before_tasks_and_continuations():
    text = "- 1.做甲事。内容\n- 继续内容。(省科技厅)\n- 2.做乙事。(省财政厅)"
    plan = parse(text).plan
    assert plan.tasks[0].body == "内容继续内容。"
    assert plan.tasks[1].leads == ["省财政厅"]


def test_task_broken_across_a_page_break():
    text = "1.做甲事。推进粤桂黔高铁经\n\n济带建设。(省发展改革委,省财政厅)\n\n2.做乙事。(省科技厅)"
    plan = parse(text).plan
    assert plan.tasks[0].body == "推进粤桂黔高铁经济带建设。"
    assert plan.tasks[0].participants == ["省财政厅"]


def test_spaces_inside_words_are_removed():
    task = only_task("1.做事。确保到 2020 年达到 2.8%,R&D 占GDP 比重。(省科技厅,省通 信管理局、广东证监 局)")
    assert task.body == "确保到2020年达到2.8%，R&D占GDP比重。"
    assert task.participants == ["省通信管理局", "广东证监局"]


def test_two_tasks_on_one_line():
    text = "69.做甲事。内容。(省民政厅,省发展改革委, 大湾区内地各市) 70.做乙事(租房)政策。(省住房城乡建设厅)"
    plan = parse(text).plan
    assert [t.number for t in plan.tasks] == [69, 70]
    assert plan.tasks[0].participants == ["省发展改革委", "大湾区内地各市"]
    assert plan.tasks[1].title == "做乙事（租房）政策"
    assert plan.tasks[1].participants == []


def test_split_unit_at_the_start_of_the_parenthesis():
    task = only_task("12.打造平台。支持设立联盟。(省) 科技厅,省发展改革委、省教育厅)")
    assert task.leads == ["省科技厅"]
    assert task.participants == ["省发展改革委", "省教育厅"]
    assert task.body == "支持设立联盟。"


def test_half_width_punctuation_becomes_full_width_but_numbers_stay():
    assert clean_text("甲,乙;丙:丁(戊)?己!") == "甲，乙；丙：丁（戊）？己！"
    assert clean_text("共1,000家, 时间10:30") == "共1,000家，时间10:30"
    assert clean_text("见 http://x.cn 网站") == "见http://x.cn网站"
    assert clean_text("Hong  Kong") == "Hong Kong"


def test_hard_wrapped_responsibility_parenthesis():
    text = "25.建设网络。建设超高清网络。\n(省工业和信息化厅,省委网信办,省发展改革委、省广电局,省通\n信管理局)"
    task = only_task(text)
    assert task.leads == ["省工业和信息化厅"]
    assert task.participants == ["省委网信办", "省发展改革委", "省广电局", "省通信管理局"]


def test_a_task_without_responsibility_parenthesis_keeps_its_text_and_warns():
    result = parse("1.做事。内容（见附件）")
    task = result.plan.tasks[0]
    assert task.leads == [] and task.body == "内容（见附件）"
    assert any("no responsibility parenthesis" in str(w) for w in result.warnings)


def test_trailing_parenthesis_that_names_no_unit_after_text_is_body():
    task = parse("1.完善便利购房(租房)").plan.tasks[0]
    assert task.title == "完善便利购房（租房）" and task.leads == []


def test_unknown_units_are_kept_and_reported():
    result = parse("1.做事。(某某研究院,省科技厅)\n2.再做。(某某研究院)")
    assert result.plan.tasks[0].leads == ["某某研究院"]
    messages = [str(w) for w in result.warnings]
    assert any("某某研究院" in m and "1, 2" in m for m in messages)


def test_stray_text_after_a_section_heading_is_kept_in_the_preamble():
    result = parse("一、部分\n\n本部分说明。\n\n1.做事。(省科技厅)")
    assert "本部分说明。" in result.plan.preamble
    assert result.warnings


def test_a_repeated_task_number_is_numbered_after_the_last_with_a_warning():
    result = parse("1.做事。(省科技厅)\n\n1.再做。(省教育厅)\n\n2.又做。(省财政厅)")
    assert [(t.number, t.title) for t in result.plan.tasks] == [(1, "做事"), (3, "再做"), (2, "又做")]
    [warning] = [w for w in result.warnings if w.kind == "task_number"]
    assert "task number 1 is used twice (lines 1 and 3)" in str(warning) and "numbered 3" in str(warning)


def test_no_tasks_is_an_error():
    with pytest.raises(PlanFormatError, match="no recognisable tasks"):
        parse("只是一段文字。\n\n另一段。")


# -- encodings --------------------------------------------------------------------------
SAMPLE = "广东省计划\n\n1.做事。(省科技厅,省教育厅)\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_encodings_and_line_endings(tmp_path, encoding, newline):
    path = tmp_path / "plan.txt"
    path.write_bytes(SAMPLE.replace("\n", newline).encode(encoding))
    plan = read_plan_text(path).plan
    assert plan.title == "广东省计划"
    assert plan.tasks[0].participants == ["省教育厅"]


TRADITIONAL = "廣東省實施方案\n\n1.推進數位政府建設。加強統籌協調。（省發展改革委、省財政廳負責）\n"
JAPANESE = "東京都の計画\n\n1.健康を守る施策を進める。（厚生労働省、文部科学省）\n"


@pytest.mark.parametrize("text, encoding", [(TRADITIONAL, "big5"), (JAPANESE, "shift_jis"), (SAMPLE, "utf-16-le"),
                                            (SAMPLE, "utf-16-be"), (SAMPLE * 3, "gb18030")])
def test_legacy_encodings_are_told_apart_by_their_common_characters(text, encoding):
    # Big5 and Shift-JIS bytes also decode as GB18030 without an error, into nonsense.
    data = text.encode(encoding)
    if encoding in ("big5", "shift_jis"):
        data.decode("gb18030")  # the trap: no error
    assert decode_text(data, "x.txt") == text


def test_a_text_no_encoding_explains_is_refused():
    # Valid GB18030 (and valid Big5), but rare characters only: no encoding is sure.
    rare = "".join(chr(c) for c in range(0x9F00, 0x9F40)).encode("gb18030")
    with pytest.raises(PlanFormatError, match="save it as UTF-8"):
        decode_text(rare, "x.txt")


def test_decode_errors_name_the_problem(tmp_path):
    with pytest.raises(PlanFormatError, match="empty"):
        decode_text(b"  \n", "x.txt")
    with pytest.raises(PlanFormatError, match="binary"):
        decode_text(b"PK\x03\x04\x00\x00binary", "x.txt")
    with pytest.raises(PlanFormatError, match="neither UTF-8 nor GB18030"):
        decode_text(b"\x81\x30\xff\xff\xff", "x.txt")
    with pytest.raises(PlanFormatError, match="no such file"):
        read_plan_text(tmp_path / "missing.txt")


# -- the seed ---------------------------------------------------------------------------
def test_seed_structure(seed_text):
    result = parse(seed_text)
    plan = result.plan
    assert len(plan.tasks) == 100
    assert len(plan.sections) == 9
    assert [t.number for t in plan.tasks] == list(range(1, 101))
    assert len(plan.units_used()) == 56
    assert plan.unknown_units() == []
    assert result.warnings == []
    assert plan.task(99).leads == ["省地方金融监管局", "省发展改革委", "省财政厅"]
    assert plan.task(42).participants == [] and plan.task(70).participants == []
    assert plan.task(12).leads == ["省科技厅"]


def test_seed_field_by_field_against_the_checked_expectation(seed_text):
    """tests/data/seed_expected.json was built from the parser and checked by hand against
    the seed (and against the example workbook's independently typed units and text)."""
    expected = json.loads((DATA / "seed_expected.json").read_text(encoding="utf-8"))
    plan = parse(seed_text).plan
    assert plan.preamble == expected["preamble"]
    assert [[s.number, s.title] for s in plan.sections] == expected["sections"]
    for task, exp in zip(plan.tasks, expected["tasks"]):
        for name in ("number", "section", "title", "body", "leads", "participants"):
            assert getattr(task, name) == exp[name], (task.number, name)


def test_embedded_default_plan_has_its_title(seed_plan):
    assert seed_plan.title == "广东省推进粤港澳大湾区建设三年行动计划（2018—2020年）"
    assert len(seed_plan.tasks) == 100


# -- never anything but the format error ------------------------------------------------
_PIECES = st.sampled_from([
    "1.", "2．", "3、", "10.", "一、", "二、", "。", "，", ",", "(", ")", "（", "）", "、", "\n", "\n\n",
    "- ", " ", "省科技厅", "广州、深圳市", "牵头单位：", "配合", "1.4亿", "做事", "(省) 科技厅",
    "\r\n", "\ufeff", "\u3000",
])


@settings(max_examples=examples(500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_parser_raises_only_format_errors_on_plan_like_text(text):
    try:
        result = parse(text)
    except PlanFormatError:
        return
    numbers = [t.number for t in result.plan.tasks]
    assert len(numbers) == len(set(numbers))


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=300))
def test_parser_raises_only_format_errors_on_arbitrary_text(text):
    try:
        parse(text)
    except PlanFormatError:
        pass


@settings(max_examples=examples(200), deadline=None)
@given(st.binary(max_size=300))
def test_decoder_raises_only_format_errors_on_arbitrary_bytes(data):
    try:
        parse(decode_text(data, "x.txt"))
    except PlanFormatError:
        pass
