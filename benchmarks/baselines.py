"""What users and libraries would otherwise do, timed on the same files as our steps."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any


def openpyxl_load(path: Path) -> None:
    import openpyxl

    openpyxl.load_workbook(path)


Sheets = list[tuple[str, list[list[Any]], list[tuple[int, int, int]]]]


def prepare_openpyxl_write(path: Path) -> Sheets:
    """Every sheet's values and merged ranges of one of our workbooks, read once."""
    import python_calamine as pc

    workbook = pc.CalamineWorkbook.from_path(str(path))
    sheets = []
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        merges = [(r0, c0, c1) for (r0, c0), (_, c1) in sheet.merged_cell_ranges]
        sheets.append((name, sheet.to_python(skip_empty_area=False), merges))
    return sheets


def openpyxl_write(sheets: Sheets, out: Path, fast_merges: bool) -> None:
    """A plain openpyxl write of the same cells: values, a font, wrap, borders, merges.

    With ``fast_merges`` the merged ranges are added without openpyxl's quadratic scan (the
    way our writer does it); without, through ``merge_cells`` as a developer would first try.
    """
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.merge import MergedCellRange

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    font = Font(name="宋体", size=10.5)
    wrap = Alignment(wrap_text=True, vertical="center")
    side = Side(style="thin")
    border = Border(left=side, right=side, top=side, bottom=side)
    for name, rows, merges in sheets:
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value == "":
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                cell.font = font
                cell.alignment = wrap
                cell.border = border
        for r0, c0, c1 in merges:
            ref = f"{get_column_letter(c0 + 1)}{r0 + 1}:{get_column_letter(c1 + 1)}{r0 + 1}"
            if fast_merges:
                mcr = MergedCellRange(ws, ref)
                ws.merged_cells.ranges.add(mcr)
                ws._clean_merge_range(mcr)
            else:
                ws.merge_cells(ref)
    wb.save(out)


def pandas_read(path: Path, engine: str) -> None:
    import pandas as pd

    pd.read_excel(path, engine=engine, header=None)


def soffice_available() -> bool:
    return shutil.which("soffice") is not None


def soffice_convert(path: Path, profile: Path) -> None:
    """LibreOffice Calc converting the workbook to CSV headless, as a whole process (warm profile)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                        "--convert-to", "csv", "--outdir", tmp, str(path)],
                       check=True, capture_output=True, timeout=600)


# -- inputs and whole-process steps of ours ---------------------------------------------------------
def with_other_sheets(path: Path, out: Path) -> Path:
    """``path`` with two sheets of someone else's added: a data sheet holding a bar chart and a
    sheet of notes (the workbook a save must keep as it was)."""
    import openpyxl
    from openpyxl.chart import BarChart, Reference

    wb = openpyxl.load_workbook(path)
    data = wb.create_sheet("统计")
    data.append(["单位", "牵头任务数"])
    for i in range(1, 31):
        data.append([f"单位{i}", i * 3])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=31), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=31))
    data.add_chart(chart, "D2")
    notes = wb.create_sheet("说明")
    for i in range(200):
        notes.append([f"第{i + 1}条说明", "按月报送进展情况。" * 3])
    wb.save(out)
    return out


def cli_export(path: Path, out: Path) -> None:
    """``python main.py export PATH OUT`` as a whole process."""
    import sys

    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, str(root / "main.py"), "export", str(path), str(out)], check=True,
                   capture_output=True, timeout=600)
