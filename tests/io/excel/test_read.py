"""Reading every member of the Excel layout family, and refusing bad workbooks cleanly."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.io.excel.read import read_xlsx
from taskmatrix.io.jsonio import dumps
from tests import make_fixtures
from tests.conftest import DATA


def units(task):
    return task.leads, task.participants


def test_the_official_example_reads_like_the_seed_text(seed_plan):
    result = read_xlsx(DATA / "official_matrix_example.xlsx")
    plan = result.plan
    assert plan.title == "广东省推进粤港澳大湾区建设三年行动计划（2018—2020年）"
    assert len(plan.tasks) == 100 and len(plan.sections) == 9
    assert result.warnings == []
    for ours, theirs in zip(seed_plan.tasks, plan.tasks):
        assert (ours.number, ours.section) == (theirs.number, theirs.section)
        assert units(ours) == units(theirs)
    assert plan.task(3).notes == "重点督办"
    assert plan.task(1).deadline == "2020年底"
    assert "任务分工表" in str(result.info) and "list layout" in str(result.info)


def test_list_basic_merges_numbers_line_breaks_and_extra_column():
    plan = read_xlsx(DATA / "list_basic.xlsx").plan
    assert plan.title == "某某行动计划"
    assert [(s.number, s.title) for s in plan.sections] == [(1, "科技创新"), (2, "基础设施")]
    assert [t.number for t in plan.tasks] == [1, 2, 3, 4, 5]
    assert [t.section for t in plan.tasks] == [1, 1, 1, 2, 2]
    t1, t2, t3, t4, t5 = plan.tasks
    assert units(t1) == (["省科技厅"], ["省发展改革委", "省教育厅"])
    assert units(t2) == (["省委组织部"], ["省人力资源社会保障厅", "省科技厅", "广州市", "深圳市"])
    # One deadline cell merged over three tasks applies to each of them.
    assert t1.deadline == t2.deadline == t3.deadline == "2020年底"
    # One lead cell merged over two tasks; the alias is normalised.
    assert t4.leads == t5.leads == ["省发展改革委"]
    assert t3.title == "=开放仪器" and t3.body == "+共享数据"
    assert plan.extra_fields == ["督办领导"]
    assert t1.extra == {"督办领导": "张三"} and t3.extra == {"督办领导": ""}
    assert t2.notes == "重点"


def test_header_variants_plain_section_rows_and_stray_rows():
    result = read_xlsx(DATA / "list_variant_headers.xlsx")
    plan = result.plan
    assert plan.title == "某市落实方案任务分工"
    assert plan.preamble == "附件1\n注：列在首位的为牵头单位。"
    assert [s.title for s in plan.sections] == ["营商环境", "开放合作"]
    t1, t2, t3 = plan.tasks
    assert units(t1) == (["省政务服务数据管理局"], ["省市场监管局", "省商务厅"])
    assert (t1.deadline, t1.progress, t1.status) == ("2020年6月", "已完成初稿", "推进中")
    assert t2.leads == ["省发展改革委", "人民银行广州分行"]
    assert t3.number == 3 and t3.participants == ["深圳市", "珠海市", "东莞市"]
    messages = [str(w) for w in result.warnings]
    assert any("row 10" in m and "not a task row" in m for m in messages)
    assert any("某某研究院" in m for m in messages)
    assert plan.foreign is not None and plan.foreign.sheets == ["填报说明"]


def test_section_column_and_combined_responsible_column():
    plan = read_xlsx(DATA / "list_section_column.xlsx").plan
    assert [(s.number, s.title) for s in plan.sections] == [(1, "科技"), (2, "民生")]
    assert [t.section for t in plan.tasks] == [1, 1, 2, 2]
    assert units(plan.tasks[0]) == (["省科技厅"], ["省教育厅", "省财政厅"])
    assert units(plan.tasks[1]) == (["省科技厅"], ["广州市", "深圳市"])
    assert units(plan.tasks[2]) == (["省民政厅"], ["省财政厅", "各县（市、区）政府"])
    assert units(plan.tasks[3]) == (["省卫生健康委", "省医疗保障局"], ["省财政厅"])


def test_two_row_header_and_a_task_over_two_rows():
    plan = read_xlsx(DATA / "list_two_row_header.xlsx").plan
    assert [t.number for t in plan.tasks] == [1, 2, 3]
    assert units(plan.tasks[1]) == (["省商务厅", "省港澳办"], ["省财政厅", "省公安厅"])
    assert plan.tasks[1].notes == "跨两行" and plan.tasks[1].deadline == "2021年"


def test_grid_layout_marks():
    result = read_xlsx(DATA / "grid.xlsx")
    plan = result.plan
    assert "grid layout" in str(result.info)
    assert units(plan.tasks[0]) == (["省发展改革委"], ["省科技厅", "省教育厅", "大湾区内地各市"])
    assert units(plan.tasks[1]) == (["省科技厅"], ["省发展改革委", "广州市"])
    assert units(plan.tasks[2]) == (["省发展改革委", "省科技厅"], ["省教育厅", "大湾区内地各市"])
    assert plan.tasks[1].notes == "x"


def test_list_layout_is_taken_before_a_grid_and_other_sheets_are_kept():
    result = read_xlsx(DATA / "multi_sheet.xlsx")
    assert "“清单”" in str(result.info)
    assert [t.title for t in result.plan.tasks] == ["甲任务", "乙任务"]
    assert result.plan.foreign.sheets == ["封面", "矩阵"]


def test_fixture_files_are_what_the_generator_makes(tmp_path):
    make_fixtures.main(tmp_path)
    for name in make_fixtures.FIXTURES:
        assert dumps(read_xlsx(tmp_path / name).plan) == dumps(read_xlsx(DATA / name).plan), name


# -- bad workbooks ------------------------------------------------------------------------------
def _valid_bytes() -> bytes:
    return (DATA / "list_basic.xlsx").read_bytes()


def _error(tmp_path, content: bytes, name="bad.xlsx") -> str:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(PlanFormatError) as info:
        read_xlsx(path)
    message = str(info.value)
    assert str(path) in message
    return message


def test_missing_and_empty(tmp_path):
    with pytest.raises(PlanFormatError, match="no such file"):
        read_xlsx(tmp_path / "none.xlsx")
    assert "empty" in _error(tmp_path, b"")


def test_not_a_zip(tmp_path):
    assert "not a zip" in _error(tmp_path, b"just some text pretending")
    assert "text, HTML or XML" in _error(tmp_path, b"<html><body>table</body></html>")


def test_truncated(tmp_path):
    data = _valid_bytes()
    assert "damaged or truncated" in _error(tmp_path, data[: len(data) // 2])


def _member_headers(data: bytes, name: str) -> tuple[int, int]:
    """Offsets of member ``name``'s local header and of its central directory entry."""
    local = zipfile.ZipFile(io.BytesIO(data)).getinfo(name).header_offset
    central = data.find(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(name)] != name.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    return local, central


SHEET = "xl/worksheets/sheet1.xml"


def test_found_by_fuzzing_broken_deflate_data(tmp_path):
    """zlib.error escaped from zipfile when a member's compressed bytes were damaged."""
    import zlib

    data = bytearray(_valid_bytes())
    local, _ = _member_headers(bytes(data), SHEET)
    start = local + 30 + int.from_bytes(data[local + 26:local + 28], "little") \
        + int.from_bytes(data[local + 28:local + 30], "little")
    data[start:start + 8] = b"\xff" * 8  # not a deflate block
    with pytest.raises(zlib.error):  # what zipfile itself lets through
        zipfile.ZipFile(io.BytesIO(bytes(data))).read(SHEET)
    assert f"damaged: part {SHEET} cannot be read" in _error(tmp_path, bytes(data))


def test_found_by_fuzzing_an_unknown_compression_method(tmp_path):
    """NotImplementedError escaped from zipfile for a compression method it does not know."""
    data = bytearray(_valid_bytes())
    local, central = _member_headers(bytes(data), SHEET)
    data[local + 8:local + 10] = (97).to_bytes(2, "little")
    data[central + 10:central + 12] = (97).to_bytes(2, "little")
    with pytest.raises(NotImplementedError):
        zipfile.ZipFile(io.BytesIO(bytes(data))).read(SHEET)
    assert f"damaged: part {SHEET} cannot be read" in _error(tmp_path, bytes(data))


def test_encrypted_or_legacy_xls(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert "encrypted workbook, or the old .xls format: save it as .xlsx" in _error(tmp_path, ole)
    assert "save it as .xlsx" in _error(tmp_path, ole, "old.xls.xlsx")


def test_word_document_renamed(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    assert "Word document" in _error(tmp_path, buffer.getvalue())


def test_no_recognisable_header_lists_the_cells_found(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["名称", "单位", "日期"])
    wb.active.append(["甲", "乙", "丙"])
    buffer = io.BytesIO()
    wb.save(buffer)
    message = _error(tmp_path, buffer.getvalue())
    assert "no recognisable task table" in message
    assert "名称, 单位, 日期" in message


def test_a_repeated_task_number_is_renumbered_with_the_rows_named(tmp_path):
    wb = openpyxl.Workbook()
    for row in (["序号", "重点任务", "牵头单位"], [1, "甲", "省科技厅"], [2, "乙", "省科技厅"], ["1.", "丙", "省教育厅"]):
        wb.active.append(row)
    path = tmp_path / "dup.xlsx"
    wb.save(path)
    result = read_xlsx(path)
    assert [(t.number, t.title) for t in result.plan.tasks] == [(1, "甲"), (2, "乙"), (3, "丙")]
    [warning] = [w for w in result.warnings if w.kind == "task_number"]
    assert "task number 1 is used twice (rows 2 and 4)" in str(warning)


def test_header_without_tasks(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "重点任务", "牵头单位"])
    buffer = io.BytesIO()
    wb.save(buffer)
    assert "no task rows" in _error(tmp_path, buffer.getvalue())


def test_zip_bomb_is_refused_from_its_declared_size(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    message = _error(tmp_path, buffer.getvalue())
    assert "zip bomb" in message and "1000:1" not in message


def test_grid_with_a_unit_twice_and_repeated_extra_headers(tmp_path):
    """Found by the property tests: duplicate unit columns and extra headers in a grid."""
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "重点任务", "省科技厅", "省科技厅", "说明", "说明"])
    wb.active.append([1, "甲", "参与", "牵头", "a", "b"])
    path = tmp_path / "g.xlsx"
    wb.save(path)
    plan = read_xlsx(path).plan
    assert plan.tasks[0].participants == ["省科技厅"] and plan.tasks[0].leads == []
    assert plan.extra_fields == ["说明", "说明（2）"]
    assert plan.tasks[0].extra == {"说明": "a", "说明（2）": "b"}


def test_found_by_fuzzing_a_grid_header_naming_two_units(tmp_path):
    """A grid column headed "省教育厅、省财政厅" became one unit with 、 in its name, which no
    list cell can hold; it is an ordinary column instead, and the plan round-trips."""
    from taskmatrix.io.excel.write import write_xlsx

    wb = openpyxl.Workbook()
    wb.active.append(["序号", "重点任务", "省科技厅", "省教育厅、省财政厅"])
    wb.active.append([1, "甲", "牵头", "参与"])
    path = tmp_path / "g.xlsx"
    wb.save(path)
    plan = read_xlsx(path).plan
    assert plan.tasks[0].leads == ["省科技厅"] and plan.tasks[0].participants == []
    assert plan.tasks[0].extra == {"省教育厅、省财政厅": "参与"}
    write_xlsx(plan, tmp_path / "again.xlsx")
    assert dumps(read_xlsx(tmp_path / "again.xlsx").plan) == dumps(plan)
