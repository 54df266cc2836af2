"""Generate the fixture workbooks in tests/data (run: python -m tests.make_fixtures).

Each workbook is one member of the Excel layout family of FORMATS.md §2, written with
openpyxl (not with the app's writer) so reading is tested against independent files:
merged title and section rows, header variants, a section column, a combined 责任单位
column, a two-row header, vertically merged cells, line breaks inside unit cells, extra
columns, extra sheets with an image, and the grid layout.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import openpyxl
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment

DATA = Path(__file__).parent / "data"
WRAP = Alignment(wrap_text=True, vertical="center")


def _png() -> io.BytesIO:
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), (200, 30, 30)).save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


def list_basic(path: Path) -> None:
    """Canonical-looking list: merged title/section rows, 1 / 2. / 03, line breaks, merges."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "分工表"
    ws.append(["某某行动计划重点任务分工表"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "重点任务", "具体内容", "牵头单位", "参与单位", "完成时限", "备注", "督办领导"])
    ws.append(["一、科技创新"])
    ws.merge_cells("A3:H3")
    ws.append([1, "建设实验室", "推进实验室建设。争取国家支持。", "省科技厅", "省发展改革委\n省教育厅", "2020年底", "", "张三"])
    ws.append(["2.", "加强人才", "引进人才。", "省委组织部", "省人力资源社会保障厅、省科技厅；广州、深圳市", None, "重点", "李四"])
    ws.append(["03", "=开放仪器", "+共享数据", "省科技厅", "省财政厅,省港澳办", None, "", ""])
    ws["B6"].data_type = "s"  # text that starts with "=" (typed with a leading apostrophe)
    ws.merge_cells("F4:F6")  # one deadline for three tasks
    ws.append(["二、基础设施"])
    ws.merge_cells("A7:H7")
    ws.append([4, "建设机场", "扩建机场。", "省发改委", "大湾区内地各市", "2019年", "", ""])
    ws.append([5, "建设港口", "", None, "省交通运输厅", "2020年", "", ""])
    ws.merge_cells("D8:D9")  # one lead for two tasks
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = WRAP
    wb.save(path)


def list_variant_headers(path: Path) -> None:
    """Header variants, plain (unmerged) section rows, an 附件 row, an extra sheet with an image."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务清单"
    ws.append(["附件1"])
    ws.append(["某市落实方案任务分工"])
    ws.append([])
    ws.append(["编号", "工作任务", "工作措施", "牵头部门", "配合单位", "时间节点", "工作进展", "完成状态", "分管领导"])
    ws.append(["（一）营商环境"])
    ws.append([1, "优化审批", "压减时限。", "省政务服务数据管理局", "省市场监管局/省商务厅", "2020年6月", "已完成初稿", "推进中", "王五"])
    ws.append([2, "信用建设", "建平台。", "省发展改革委、人民银行广州分行", "某某研究院", "持续推进", "", "", ""])
    ws.append(["（二）开放合作"])
    ws.append(["3", "口岸建设", "建设新口岸。", "海关总署广东分署", "深圳、珠海、东莞市", "2020年", "", "已完成", ""])
    ws.append(["注：列在首位的为牵头单位。"])
    notes = wb.create_sheet("填报说明")
    notes["A1"] = "请各单位于每月5日前报送进展。"
    notes["B3"] = 42
    notes.merge_cells("A5:C6")
    notes["A5"] = "合并的说明"
    notes.add_image(Image(_png()), "E2")
    wb.save(path)


def list_section_column(path: Path) -> None:
    """Sections as a vertically merged column, a combined 责任单位 column, two title rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["某某工作方案"])
    ws.append(["重点任务分工"])
    ws.append([])
    ws.append(["序号", "所属领域", "任务名称", "主要内容", "责任单位", "完成时间"])
    ws.append([1, "一、科技", "甲任务", "甲内容", "省科技厅牵头，省教育厅、省财政厅配合", "2020年"])
    ws.append([2, None, "乙任务", "乙内容", "省科技厅（牵头），广州、深圳市", "2021年"])
    ws.merge_cells("B5:B6")
    ws.append([3, "二、民生", "丙任务", "丙内容", "牵头单位：省民政厅；参与单位：省财政厅、各县(市、区)政府等", "2020年"])
    ws.append([4, "二、民生", "丁任务", "丁内容", "省卫生健康委、省医保局,省财政厅", ""])
    wb.save(path)


def list_two_row_header(path: Path) -> None:
    """责任单位 over 牵头单位/参与单位, and a task spread over two rows by merged cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务"
    ws.append(["两行表头的分工表"])
    ws.merge_cells("A1:F1")
    ws.append(["序号", "重点任务", "责任单位", None, "完成时限", "备注"])
    ws.merge_cells("C2:D2")
    ws.append([None, None, "牵头单位", "参与单位", None, None])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    ws.merge_cells("E2:E3")
    ws.merge_cells("F2:F3")
    ws.append([1, "甲任务", "省科技厅", "省教育厅", "2020年", ""])
    ws.append([2, "乙任务", "省商务厅", "省财政厅", "2021年", "跨两行"])
    ws.append([None, None, "省港澳办", "省公安厅", None, None])
    ws.merge_cells("A5:A6")
    ws.merge_cells("B5:B6")
    ws.merge_cells("E5:E6")
    ws.merge_cells("F5:F6")
    ws.append([3, "丙任务", "省水利厅", "", "2022年", ""])
    wb.save(path)


def grid(path: Path) -> None:
    """The grid (RACI-style) layout with every mark the spec names."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "责任矩阵"
    ws.append(["序号", "重点任务", "省发展改革委", "省科技厅", "省教育厅", "广州市", "大湾区内地各市", "备注"])
    ws.append([1, "甲任务", "牵头", "参与", "配合", None, "√", ""])
    ws.append([2, "乙任务", "○", "★", None, "☆", None, "x"])
    ws.append([3, "丙任务", "●", "主责", "√", None, "参与", ""])
    wb.save(path)


def multi_sheet(path: Path) -> None:
    """A cover sheet, a grid sheet and a list sheet: the list sheet is the one read."""
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "封面"
    cover["B2"] = "某某计划（送审稿）"
    g = wb.create_sheet("矩阵")
    g.append(["序号", "重点任务", "省科技厅", "省教育厅"])
    g.append([1, "甲任务", "牵头", "参与"])
    ws = wb.create_sheet("清单")
    ws.append(["序号", "重点任务", "牵头单位", "参与单位"])
    ws.append([1, "甲任务", "省科技厅", "省教育厅"])
    ws.append([2, "乙任务", "省教育厅", ""])
    wb.save(path)


def with_chart(path: Path) -> None:
    """A task sheet between a data sheet holding a bar chart, a sheet with a picture and a
    sheet-local print area: what a save must keep as it was."""
    from openpyxl.chart import BarChart, Reference

    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "统计"
    data.append(["单位", "牵头任务数"])
    for name, count in (("省科技厅", 7), ("省教育厅", 3), ("省财政厅", 3)):
        data.append([name, count])
    chart = BarChart()
    chart.title = "牵头任务数"
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=4))
    data.add_chart(chart, "D2")
    data.print_area = "A1:B4"
    ws = wb.create_sheet("清单")
    ws.append(["序号", "重点任务", "牵头单位", "参与单位"])
    ws.append([1, "甲任务", "省科技厅", "省教育厅"])
    ws.append([2, "乙任务", "省教育厅", ""])
    pictures = wb.create_sheet("图片")
    pictures.add_image(Image(_png()), "B2")
    wb.save(path)


FIXTURES = {
    "list_basic.xlsx": list_basic,
    "list_variant_headers.xlsx": list_variant_headers,
    "list_section_column.xlsx": list_section_column,
    "list_two_row_header.xlsx": list_two_row_header,
    "grid.xlsx": grid,
    "multi_sheet.xlsx": multi_sheet,
    "with_chart.xlsx": with_chart,
}


def main(target: Path = DATA) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, make in FIXTURES.items():
        make(target / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
