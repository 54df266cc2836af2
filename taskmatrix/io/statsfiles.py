"""The statistics written out: a workbook whose ``统计`` sheet holds each table under its title
(numbers as numbers, a bar chart of it beside), or a CSV file of the tables one after another.
Written atomically."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from taskmatrix.io.atomic import atomic_write, atomic_write_bytes
from taskmatrix.io.csvio import neutralise
from taskmatrix.io.excel.sheetlayout import PageSetup, row_height
from taskmatrix.io.excel.sinks import STYLES, XlsxWriterBook
from taskmatrix.io.excel.write import DEFAULT_MARGINS, FOOTER
from taskmatrix.model.stats import StatTable

SHEET = "统计"
#: Colours of the charts' series (the screen's chart uses the same).
SERIES_COLOURS = ("#337ab7", "#e0a800", "#2e8b57", "#d9534f", "#8c8c8c", "#6f42c1", "#20c997", "#fd7e14",
                  "#6610f2", "#17a2b8")


def series_colour(table: StatTable, i: int) -> str:
    """The colour of a chart's ``i``-th series: the table's own (a light's), else the palette's."""
    colours = table.colours or SERIES_COLOURS
    return colours[i % len(colours)]


def write_stats_xlsx(path: str | Path, title: str, tables: Sequence[StatTable], charts: bool = True) -> None:
    def produce(tmp: Path) -> None:
        book = XlsxWriterBook(str(tmp))
        ws = book.add_sheet(SHEET)
        width = max((len(t.header) for t in tables), default=1)
        ws.merge(0, 0, width - 1, title, "title")
        ws.height(0, 32)
        widths = [24.0] + [12.0] * (width - 1)
        row = 2
        sheet = book.workbook.get_worksheet_by_name(SHEET)
        for table in tables:
            ws.merge(row, 0, len(table.header) - 1, table.title, "section")
            for c, header in enumerate(table.header):
                ws.write(row + 1, c, header, "header")
            ws.height(row + 1, row_height(table.header, widths, STYLES["header"]["size"]))
            first = row + 2
            for r, values in enumerate(table.rows, start=first):
                style = "total" if table.total and r == first + len(table.rows) - 1 else "center"
                for c, value in enumerate(values):
                    ws.write(r, c, value if isinstance(value, (int, float)) else str(value), "cell" if c == 0 and
                             style != "total" else style)
                ws.height(r, row_height([str(values[0])], widths[:1], STYLES["cell"]["size"]))
            last = first + len(table.rows) - (2 if table.total else 1)
            if charts and table.chart and last >= first:
                sheet.insert_chart(row, len(table.header) + 1, _chart(book, table, first, last),
                                   {"x_scale": 1.6, "y_scale": 1.2})
            row = first + len(table.rows) + 1
            if charts and table.chart and last >= first:
                row = max(row, first + 20)  # the chart (about 18 rows high) clear of the next table
        ws.widths(widths)
        ws.print_setup(PageSetup(landscape=True, repeat_row=None, fit_width=1, fit_height=0,
                                 margins=dict(DEFAULT_MARGINS), footer=FOOTER, paper=9))
        book.workbook.close()

    atomic_write(path, produce)


def _chart(book: XlsxWriterBook, table: StatTable, first: int, last: int) -> object:
    chart = book.workbook.add_chart({"type": "column", "subtype": "stacked"})
    for i, column in enumerate(table.chart):
        chart.add_series({
            "name": [SHEET, first - 1, column], "categories": [SHEET, first, 0, last, 0],
            "values": [SHEET, first, column, last, column],
            "fill": {"color": series_colour(table, i)}, "gap": 60})
    chart.set_title({"name": table.title, "name_font": {"size": 11, "name": "宋体"}})
    chart.set_x_axis({"num_font": {"rotation": -45, "size": 8, "name": "宋体"}})
    chart.set_legend({"position": "bottom", "font": {"name": "宋体"}})
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
