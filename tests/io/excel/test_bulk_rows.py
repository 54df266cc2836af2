"""Blocks of rows written in one go (the progress sheets): each value lands in its cell, in its
style, with its row height, for both writers; the shared-string count stays right; the
workbook reads back the same in openpyxl, calamine and LibreOffice."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from taskmatrix.io.excel.read import read_xlsx
from taskmatrix.io.excel.sinks import XlsxWriterBook
from taskmatrix.io.excel.write import write_xlsx
from taskmatrix.model.rounds import Entry, Round, add_round, set_entry

ROWS = [[1, "甲任务", "", "推进中"], [2, " 前后有空格 ", "第一行\n第二行", ""], [10, "乙", "省财政厅", "已完成"]]
STYLES = ["center", "cell", "cell", "center"]


def write_book(path, blocks):
    book = XlsxWriterBook(str(path))
    ws = book.add_sheet("进展")
    for c, header in enumerate(["序号", "重点任务", "进展情况", "状态"]):
        ws.write(0, c, header, "header")
    row = 1
    for rows in blocks:
        ws.rows(row, rows, STYLES, [20.0 + i for i in range(len(rows))])
        row += len(rows)
    book.workbook.close()


def test_a_block_lands_cell_by_cell_with_styles_heights_and_blank_cells(tmp_path):
    path = tmp_path / "b.xlsx"
    write_book(path, [ROWS[:2], ROWS[2:]])
    ws = openpyxl.load_workbook(path)["进展"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values == [["序号", "重点任务", "进展情况", "状态"],
                      [1, "甲任务", None, "推进中"], [2, " 前后有空格 ", "第一行\n第二行", None], [10, "乙", "省财政厅", "已完成"]]
    assert ws["C2"].border.left.style == "thin"  # a blank cell keeps the table's borders
    assert ws["A2"].alignment.horizontal == "center" and ws["B2"].alignment.wrap_text
    assert [ws.row_dimensions[r].height for r in (2, 3, 4)] == [20.0, 21.0, 20.0]
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("进展").to_python()
    assert rows[1:] == [[1.0, "甲任务", "", "推进中"], [2.0, " 前后有空格 ", "第一行\n第二行", ""], [10.0, "乙", "省财政厅", "已完成"]]


def test_the_shared_string_table_counts_every_use(tmp_path):
    path = tmp_path / "b.xlsx"
    write_book(path, [ROWS, ROWS])
    with zipfile.ZipFile(path) as archive:
        sst = archive.read("xl/sharedStrings.xml").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    count, unique = (int(x) for x in re.search(r'count="(\d+)" uniqueCount="(\d+)"', sst).groups())
    assert count == sheet.count('t="s"')
    assert unique == len(re.findall(r"<si>", sst)) == len({"序号", "重点任务", "进展情况", "状态", *(
        v for row in ROWS for v in row if isinstance(v, str) and v)})


def plan_with_round(plan):
    add_round(plan, Round("2019年第一季度", dt.date(2019, 1, 1), dt.date(2019, 3, 31)))
    task = plan.tasks[0]
    set_entry(task, "2019年第一季度", Entry(task.leads[0] if task.leads else "", "推进中", 30.0, "进展\n顺利",
                                          "", "下步", "张三", dt.date(2019, 4, 1)))
    return plan


@pytest.mark.parametrize("source", ["plain", "with_chart.xlsx"])
def test_both_writers_round_sheets_read_back(source, data_file, tmp_path, seed_plan):
    """A new workbook (XlsxWriter) and one saved into a source workbook with a chart (the
    package splice) give the same progress sheet."""
    plan = seed_plan if source == "plain" else read_xlsx(data_file(source)).plan
    plan = plan_with_round(plan)
    out = tmp_path / "out.xlsx"
    write_xlsx(plan, out, backup=False)
    again = read_xlsx(out).plan
    assert [t.reports for t in again.tasks] == [t.reports for t in plan.tasks]
    ws = openpyxl.load_workbook(out)["进展-2019年第一季度"]
    second = [c.value for c in ws[2]]
    assert second[:10] == [plan.tasks[0].number, plan.tasks[0].title, plan.tasks[0].leads[0], "推进中", "30%",
                           "进展\n顺利", None, "下步", "张三", "2019-04-01"]
    assert ws.max_row == 1 + sum(max(1, len(t.leads)) for t in plan.tasks)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_places_every_cell_of_a_block(tmp_path):
    path = tmp_path / "b.xlsx"
    write_book(path, [ROWS])
    subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    text = (tmp_path / "b.csv").read_text(encoding="utf-8")
    assert text.splitlines()[1] == "1,甲任务,,推进中"
    assert text.splitlines()[-1] == "10,乙,省财政厅,已完成"
