"""A titled table (a report) as a workbook or a CSV file, written atomically.

The workbook has one sheet: the title, a summary line, the header (repeated on every printed
page), the rows wrapped in their columns, a note; landscape A4, fitted to the page width, with
the page footer. The CSV file is UTF-8 with a BOM, cells that a spreadsheet would run as
formulas neutralised as in the plan's CSV export.
"""

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


def write_table_xlsx(path: str | Path, sheet: str, title: str, summary: str, headers: Sequence[str],
                     widths: Sequence[float], rows: Sequence[Sequence[str]], note: str = "") -> None:
    def produce(tmp: Path) -> None:
        book = XlsxWriterBook(str(tmp))
        ws = book.add_sheet(sheet)
        last = len(headers) - 1
        ws.merge(0, 0, last, title, "title")
        ws.height(0, 32)
        ws.merge(1, 0, last, summary, "cell")
        ws.height(1, row_height([summary], [sum(widths)], STYLES["cell"]["size"]))
        for c, header in enumerate(headers):
            ws.write(2, c, header, "header")
        size = STYLES["cell"]["size"]
        for r, row in enumerate(rows, start=3):
            for c, value in enumerate(row):
                ws.write(r, c, value, "cell")
            ws.height(r, row_height(list(row), list(widths), size))
        if note:
            ws.merge(len(rows) + 3, 0, last, note, "cell")
        ws.widths(widths)
        ws.freeze(3, 0)
        ws.print_setup(PageSetup(landscape=True, repeat_row=2, fit_width=1, fit_height=0, margins=dict(DEFAULT_MARGINS),
                                 footer=FOOTER, paper=9))
        book.workbook.close()

    atomic_write(path, produce)


def write_table_csv(path: str | Path, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(list(headers))
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    atomic_write_bytes(path, out.getvalue().encode("utf-8-sig"))
