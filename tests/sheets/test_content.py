"""What the sheets say (no Qt): unit, city and filter sheets on the seed."""

from taskmatrix.sheets.content import (
    city_sheet,
    filter_sheet,
    sheet_html,
    unit_sheet,
    units_with_tasks,
)


def test_unit_sheet(seed_plan):
    sheet = unit_sheet(seed_plan, "省科技厅")
    assert sheet.title == "省科技厅任务分工清单"
    assert sheet.summary == "牵头任务 7 项，参与任务 16 项"
    lead, part = sheet.tables
    assert [r[0] for r in lead.rows] == ["6", "8", "10", "11", "12", "14", "15"]
    assert [c for c, _ in lead.columns] == ["序号", "重点任务", "具体内容", "参与单位", "完成时限"]
    assert [c for c, _ in part.columns] == ["序号", "重点任务", "具体内容", "牵头单位", "完成时限"]
    assert part.rows[0][3] == "省发展改革委"


def test_city_sheet_marks_tasks_through_a_group(seed_plan):
    sheet = city_sheet(seed_plan, "江门市")
    lead, part = sheet.tables
    assert [r[0] for r in lead.rows] == ["94"]
    assert "其中经城市组 33 项" in sheet.summary
    marked = [r for r in part.rows if "〔经大湾区内地各市〕" in r[1]]
    assert len(marked) == 33 and len(part.rows) == 34
    assert sheet.note


def test_filter_sheet_and_units_with_tasks(seed_plan):
    sheet = filter_sheet(seed_plan, seed_plan.tasks[:3], "搜索：广州")
    assert sheet.title == "重点任务清单（搜索：广州）" and len(sheet.tables[0].rows) == 3
    units = units_with_tasks(seed_plan)
    assert len(units) == 56 and units[0] == "省委组织部"
    assert "潮州市" not in units


def test_html_escapes_and_repeats_headers(seed_plan):
    seed_plan.tasks[5].title = "<b>不是标签</b> & 符号"
    html = sheet_html(unit_sheet(seed_plan, "省科技厅"), "FangSong", "SimHei")
    assert "&lt;b&gt;不是标签&lt;/b&gt; &amp; 符号" in html
    assert html.count("<thead>") == 2
    assert "负责人：" in html and "联系人：" in html and "联系电话：" in html
    empty = sheet_html(unit_sheet(seed_plan, "团省委"), "FangSong", "SimHei")
    assert "（无）" in empty
