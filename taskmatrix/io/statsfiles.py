"""The statistics written out: a workbook whose ``统计`` sheet holds each table under its title
(numbers as numbers, a bar chart of it beside), or a CSV file of the tables one after another.
Written atomically."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from taskmatrix.io.atomic import atomic_write, atomic_write_bytes
from taskmatrix.io.csvio import neutralise
from taskmatrix.io.excel.sheetlayout import PageSetup, row_height
from taskmatrix.io.excel.sinks import STYLES, XlsxWriterBook
from taskmatrix.io.excel.write import DEFAULT_MARGINS, FOOTER
from taskmatrix.model.stats import StatTable

SHEET = "统计"
CHART_SHEET = "统计图"
#: Colours of the charts' series (the screen's chart uses the same).
SERIES_COLOURS = ("#337ab7", "#e0a800", "#2e8b57", "#d9534f", "#8c8c8c", "#6f42c1", "#20c997", "#fd7e14",
                  "#8b4513", "#e83e8c")  # ten colours one tells apart


def series_colour(table: StatTable, i: int) -> str:
    """The colour of a chart's ``i``-th series: the table's own (a light's), else the palette's."""
    colours = table.colours or SERIES_COLOURS
    return colours[i % len(colours)]


def write_stats_xlsx(path: str | Path, title: str, tables: Sequence[StatTable], charts: bool = True) -> None:
    """The ``统计`` sheet (each table under its title) and, when ``charts``, a ``统计图`` sheet
    with a bar chart of each (Excel's own charts, drawn from the 统计 sheet's cells)."""
    def produce(tmp: Path) -> None:
        book = XlsxWriterBook(str(tmp))
        ws = book.add_sheet(SHEET)
        width = max((len(t.header) for t in tables), default=1)
        ws.merge(0, 0, width - 1, title, "title")
        ws.height(0, 32)
        widths = [24.0] + [12.0] * (width - 1)
        row = 2
        placed: list[tuple[StatTable, int, int]] = []
        for table in tables:
            ws.merge(row, 0, len(table.header) - 1, table.title, "section")
            for c, header in enumerate(table.header):
                ws.write(row + 1, c, header, "header")
            ws.height(row + 1, row_height(table.header, widths, STYLES["header"]["size"]))
            first = row + 2
            for r, values in enumerate(table.rows, start=first):
                total = table.total and r == first + len(table.rows) - 1
                for c, value in enumerate(values):
                    style = "total" if total else "cell" if c == 0 else "center"
                    ws.write(r, c, value if isinstance(value, (int, float)) else str(value), style)
                ws.height(r, row_height([str(values[0])], widths[:1], STYLES["cell"]["size"]))
            last = first + len(table.rows) - (2 if table.total else 1)
            if table.chart and last >= first:
                placed.append((table, first, last))
            row = first + len(table.rows) + 1
        ws.widths(widths)
        ws.freeze(0, 1)
        page = PageSetup(landscape=True, repeat_row=None, fit_width=1, fit_height=0, margins=dict(DEFAULT_MARGINS),
                         footer=FOOTER, paper=9)
        ws.print_setup(page)
        if charts and placed:
            sheet = book.workbook.add_worksheet(CHART_SHEET)
            sheet.set_landscape()
            sheet.set_paper(9)
            sheet.fit_to_pages(1, 0)
            top = 0
            for table, first, last in placed:
                height = max(260, 22 * (last - first + 1) + 110)  # pixels: a bar of about 16 each
                chart = _chart(book, table, first, last)
                chart.set_size({"width": 900, "height": height})
                sheet.insert_chart(top, 0, chart)
                top += height // 20 + 2  # rows of 20 pixels, and a gap
        book.workbook.close()

    atomic_write(path, produce)


def _chart(book: XlsxWriterBook, table: StatTable, first: int, last: int) -> Any:
    """A horizontal stacked bar per row, the first row on top, as the window's chart."""
    chart = book.workbook.add_chart({"type": "bar", "subtype": "stacked"})
    for i, column in enumerate(table.chart):
        chart.add_series({
            "name": [SHEET, first - 1, column], "categories": [SHEET, first, 0, last, 0],
            "values": [SHEET, first, column, last, column],
            "fill": {"color": series_colour(table, i)}, "gap": 40})
    chart.set_title({"name": table.title, "name_font": {"size": 11, "name": "宋体"}})
    chart.set_y_axis({"reverse": True, "num_font": {"size": 8, "name": "宋体"}})
    chart.set_legend({"position": "top", "font": {"name": "宋体"}})
    return chart


def write_stats_csv(path: str | Path, tables: Sequence[StatTable]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for n, table in enumerate(tables):
        if n:
            writer.writerow([])
        writer.writerow([neutralise(table.title)])
        writer.writerow([neutralise(h) for h in table.header])
        for values in table.rows:
            writer.writerow([v if isinstance(v, (int, float)) else neutralise(str(v)) for v in values])
    atomic_write_bytes(path, out.getvalue().encode("utf-8-sig"))
