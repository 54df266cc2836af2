"""Saving into the source workbook keeps what the app does not model, as it was: a chart, a
picture, a sheet's print area; only the task sheets are written anew."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from taskmatrix.io.excel.read import read_xlsx
from taskmatrix.io.excel.write import write_xlsx

INDEXES = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml",
           "docProps/core.xml", "docProps/custom.xml", "_rels/.rels"}


def contents(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def saved(data_file, tmp_path):
    source = data_file("with_chart.xlsx")
    plan = read_xlsx(source).plan
    plan.tasks[0].status = "推进中"
    out = tmp_path / "saved.xlsx"
    write_xlsx(plan, out, backup=False)
    return source, out


def test_every_part_but_the_task_sheet_and_the_indexes_stays_byte_for_byte(saved):
    source, out = saved
    before, after = contents(source), contents(out)
    task_sheet = "xl/worksheets/sheet2.xml"  # 清单, the sheet the app replaces
    kept = {name for name in before if name not in INDEXES and name != task_sheet}
    for name in kept:
        if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
            # A kept sheet may lose only its "selected tab" mark (two selected tabs group them).
            assert after[name].replace(b' tabSelected="1"', b"") == before[name].replace(b' tabSelected="1"', b"")
        else:
            assert after[name] == before[name], name
    assert "xl/charts/chart1.xml" in after and "xl/media/image1.png" in after


def test_the_saved_workbook_opens_with_its_chart_picture_and_print_area(saved):
    _, out = saved
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["统计", "任务分工表", "责任矩阵", "单位汇总", "图片"]
    assert wb["统计"].print_area == "'统计'!$A$1:$B$4"
    assert wb["任务分工表"].print_title_rows == "$2:$2"
    assert wb["任务分工表"]["G3"].value == "推进中"
    assert wb.active.title == "任务分工表"
    plan = read_xlsx(out).plan
    assert [t.title for t in plan.tasks] == ["甲任务", "乙任务"] and plan.tasks[0].status == "推进中"
    assert plan.foreign is not None and plan.foreign.sheets == ["统计", "图片"]


def test_saving_again_does_not_grow_the_workbook(saved, tmp_path):
    _, out = saved
    again = tmp_path / "again.xlsx"
    write_xlsx(read_xlsx(out).plan, again, backup=False)
    third = tmp_path / "third.xlsx"
    write_xlsx(read_xlsx(again).plan, third, backup=False)
    assert abs(third.stat().st_size - again.stat().st_size) < 200
    assert contents(third)["xl/charts/chart1.xml"] == contents(out)["xl/charts/chart1.xml"]


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_spliced_workbook(saved, tmp_path):
    _, out = saved
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(tmp_path / "csv"), str(out)], check=True, capture_output=True, timeout=240)
    files = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert any("任务分工表" in name for name in files) and any("统计" in name for name in files), files
    task_csv = next(p for p in (tmp_path / "csv").iterdir() if "任务分工表" in p.name)
    assert "甲任务" in task_csv.read_text(encoding="utf-8")
