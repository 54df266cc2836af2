"""The saved workbook prints: rows tall enough for their wrapped text, the source's heights and
page set-up kept for rows the user did not change; checked with LibreOffice as the client."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from taskmatrix.io.excel.read import read_xlsx
from taskmatrix.io.excel.sheetlayout import read_layout, row_height, wrapped_lines
from taskmatrix.io.excel.write import write_xlsx
from tests.conftest import DATA

no_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def test_wrapped_lines_count_wide_characters_double():
    assert wrapped_lines("一二三四五", 11.2) == 1  # 10 units in 10 usable
    assert wrapped_lines("一二三四五六", 11.2) == 2
    assert wrapped_lines("abcdefghij", 11.2) == 1
    assert wrapped_lines("甲\n乙\n丙", 30) == 3
    assert row_height(["短"], [10.0], 10.5) < row_height(["长" * 200], [10.0], 10.5) <= 409


def test_rows_the_user_did_not_change_keep_the_source_heights(tmp_path):
    source = tmp_path / "src.xlsx"
    shutil.copy(DATA / "official_matrix_example.xlsx", source)
    plan = read_xlsx(source).plan
    plan.tasks[1].body += "新增的内容。" * 80  # task 2 is edited: its row must grow
    out = tmp_path / "out.xlsx"
    write_xlsx(plan, out, backup=False)
    before = read_layout(source.read_bytes(), "任务分工表")
    after = openpyxl.load_workbook(out)["任务分工表"]
    assert before is not None
    # Rows 4 and 6 (tasks 1 and 3) keep their heights; row 5 (task 2) is taller than it was.
    # (XlsxWriter stores heights in whole pixels: 0.75 pt steps.)
    assert after.row_dimensions[4].height == pytest.approx(before.heights[3], abs=0.75)
    assert after.row_dimensions[6].height == pytest.approx(before.heights[5], abs=0.75)
    assert after.row_dimensions[5].height > before.heights[4]
    # The source's column widths and page set-up stay.
    assert after.column_dimensions["C"].width == pytest.approx(before.widths[2], abs=0.8)
    assert after.page_setup.orientation == "landscape" and after.print_title_rows == "$2:$2"
    assert after.page_margins.left == 0.75


def _pdf(xlsx, tmp_path):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(xlsx)], check=True, capture_output=True, timeout=240)
    return tmp_path / (xlsx.stem + ".pdf")


def overflowing_characters(pdf_path) -> int:
    """Characters drawn across a cell's horizontal border: text running out of its row."""
    import pdfplumber

    bad = 0
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            edges = [e for e in page.horizontal_edges if e["x1"] - e["x0"] > 5]
            for ch in page.chars:
                if not ch["text"].strip():
                    continue
                centre = (ch["x0"] + ch["x1"]) / 2
                if any(e["x0"] <= centre <= e["x1"] and ch["top"] + 1 < e["top"] < ch["bottom"] - 1 for e in edges):
                    bad += 1
    return bad


def _pages(pdf_path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        return len(pdf.pages)


@pytest.mark.soffice
@no_soffice
def test_a_fresh_workbook_prints_with_no_text_outside_its_rows(seed_plan, tmp_path):
    xlsx = tmp_path / "seed.xlsx"
    write_xlsx(seed_plan, xlsx, backup=False)
    pdf = _pdf(xlsx, tmp_path)
    assert overflowing_characters(pdf) == 0
    with pytest.raises(AssertionError):  # the check finds overflow where there is some
        squeezed = openpyxl.load_workbook(xlsx)
        for r in range(3, squeezed["任务分工表"].max_row + 1):
            squeezed["任务分工表"].row_dimensions[r].height = 15
        squeezed.save(tmp_path / "squeezed.xlsx")
        assert overflowing_characters(_pdf(tmp_path / "squeezed.xlsx", tmp_path)) == 0


@pytest.mark.soffice
@no_soffice
def test_the_example_resaved_prints_like_the_original(tmp_path):
    source = tmp_path / "official.xlsx"
    shutil.copy(DATA / "official_matrix_example.xlsx", source)
    original = _pages(_pdf(source, tmp_path))
    resaved = tmp_path / "resaved.xlsx"
    write_xlsx(read_xlsx(source).plan, resaved, backup=False)
    pdf = _pdf(resaved, tmp_path)
    pages = _pages(pdf)
    assert abs(pages - original) <= 0.2 * original, (pages, original)
    assert overflowing_characters(pdf) == 0
