"""PDFs of assignment sheets, checked the way a reader would: text, pages, fonts, size."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from taskmatrix.model.queries import unit_tasks
from taskmatrix.sheets.content import unit_sheet, units_with_tasks
from taskmatrix.sheets.render import PrintOptions, choose_fonts, write_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def pdf_pages(path):
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [unicodedata.normalize("NFKC", page) for page in text.split("\f")[:-1]]


def squash(text):
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def fonts(qapp):
    found = choose_fonts()
    assert found is not None, "a Chinese font is needed (fonts-wqy-microhei)"
    return found


def test_one_units_sheet_holds_all_its_task_titles(seed_plan, fonts, tmp_path):
    path = tmp_path / "kjt.pdf"
    pages = write_pdf([unit_sheet(seed_plan, "省科技厅")], path, fonts, PrintOptions())
    text = pdf_pages(path)
    assert len(text) == pages >= 2
    whole = squash("".join(text))
    found = unit_tasks(seed_plan, "省科技厅")
    for task in found.lead + found.participant:
        # Titles wrap inside their cell; compare without white space.
        assert squash(task.title)[:8] in whole, task.number
    assert "省科技厅任务分工清单" in whole and "牵头任务7项,参与任务16项" in whole
    assert squash(f"第 1 页 共 {pages} 页") in squash(text[0])
    assert squash(f"第 {pages} 页 共 {pages} 页") in squash(text[-1])
    assert "打印日期" in text[0]
    assert "序号" in text[1]  # the table header repeats on the next page


def test_every_unit_starts_on_its_own_page(seed_plan, fonts, tmp_path):
    units = units_with_tasks(seed_plan)
    path = tmp_path / "all.pdf"
    pages = write_pdf([unit_sheet(seed_plan, u) for u in units], path, fonts, PrintOptions())
    text = pdf_pages(path)
    assert len(text) == pages >= len(units)
    starts = [i for i, page in enumerate(text) if squash("第 1 页 共") in squash(page)]
    assert len(starts) == len(units)
    for unit, start in zip(units, starts):
        assert squash(f"{unit}任务分工清单") in squash(text[start])


def test_a_chinese_font_is_embedded_and_the_page_is_a4(seed_plan, fonts, tmp_path):
    path = tmp_path / "one.pdf"
    write_pdf([unit_sheet(seed_plan, "团省委")], path, fonts, PrintOptions())
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert rows and all("yes" in row[-5:-2] for row in rows)  # embedded
    assert any(name in listing for name in ("WenQuanYi", "Noto", "Sim", "Fang", "UMing", "Droid"))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "595 x 842 pts (A4)" in info
    write_pdf([unit_sheet(seed_plan, "团省委")], path, fonts, PrintOptions(landscape=True))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "842 x 595 pts (A4)" in info


def test_a_long_sheet_prints_in_parts_with_one_page_count(seed_plan, fonts, tmp_path, monkeypatch):
    import taskmatrix.sheets.content as sheets

    monkeypatch.setattr(sheets, "PART_ROWS", 10)
    path = tmp_path / "long.pdf"
    sheet = unit_sheet(seed_plan, "省发展改革委")  # 16 lead and 48 participating tasks
    assert len(sheets.sheet_parts(sheet, fonts.body, fonts.heading)) == 7
    pages = write_pdf([sheet], path, fonts, PrintOptions())
    text = pdf_pages(path)
    assert len(text) == pages
    for number, page in enumerate(text, start=1):
        assert squash(f"第 {number} 页 共 {pages} 页") in squash(page)
    whole = squash("".join(text))
    assert "二、参与任务(续)" in whole and "负责人" in squash(text[-1])
    found = unit_tasks(seed_plan, "省发展改革委")
    for task in found.lead + found.participant:
        assert squash(task.title)[:8] in whole, task.number


def test_progress_is_fine_grained_and_cancel_leaves_no_file(seed_plan, fonts, tmp_path, monkeypatch):
    import taskmatrix.sheets.content as sheets
    from taskmatrix.io.errors import Cancelled

    monkeypatch.setattr(sheets, "PART_ROWS", 10)
    sheet_list = [unit_sheet(seed_plan, "省发展改革委"), unit_sheet(seed_plan, "省科技厅")]
    seen = []

    def record(done, total):
        seen.append((done, total))
        return True

    path = tmp_path / "two.pdf"
    pages = write_pdf(sheet_list, path, fonts, PrintOptions(), record)
    done = [d for d, _ in seen]
    assert done == sorted(done) and seen[-1][0] == seen[-1][1]  # rises to the end
    # The long first sheet alone reports every part and every page as it goes.
    first = [d for d, t in seen if d < t / 2]
    assert len(set(first)) > pages // 2
    # Cancelling in the middle of a sheet's pages leaves no file behind, nor an old one changed.
    before = path.read_bytes()

    def cancel_midway(done, total):
        return done < total * 0.3

    with pytest.raises(Cancelled):
        write_pdf(sheet_list, path, fonts, PrintOptions(), cancel_midway)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["two.pdf"]
    with pytest.raises(Cancelled):
        write_pdf(sheet_list, tmp_path / "new.pdf", fonts, PrintOptions(), cancel_midway)
    assert not (tmp_path / "new.pdf").exists()
