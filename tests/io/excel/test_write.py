"""The canonical workbook: its sheets and print setup, round trips, text never a formula,
atomic saves with a backup, and a real client (LibreOffice) reading it."""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from taskmatrix.io.errors import PlanSaveError
from taskmatrix.io.excel.read import read_xlsx
from taskmatrix.io.excel.write import safe_sheet_name, write_xlsx
from taskmatrix.io.jsonio import dumps
from taskmatrix.io.plaintext import read_plan_text
from taskmatrix.model.plan import Plan, Section, Task
from tests import make_fixtures
from tests.conftest import DATA, ROOT


@pytest.fixture
def seed_xlsx(seed_plan, tmp_path):
    path = tmp_path / "seed.xlsx"
    write_xlsx(seed_plan, path)
    return path


@pytest.mark.parametrize("backend", ["xlsxwriter", "openpyxl"])
def test_task_sheet_layout(seed_plan, tmp_path, backend):
    if backend == "openpyxl":  # a plan whose source workbook has other sheets to keep
        make_fixtures.multi_sheet(tmp_path / "src.xlsx")
        seed_plan.foreign = read_xlsx(tmp_path / "src.xlsx").plan.foreign
    seed_xlsx = tmp_path / "seed.xlsx"
    write_xlsx(seed_plan, seed_xlsx)
    wb = openpyxl.load_workbook(seed_xlsx)
    expected = ["任务分工表", "责任矩阵", "单位汇总", "指标"]  # the seed's bodies state targets
    assert wb.sheetnames == (expected if backend == "xlsxwriter" else ["封面", "矩阵", *expected])
    ws = wb["任务分工表"]
    assert ws["A1"].value == seed_plan.title + "重点任务分工表"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A1:I1" in merged
    assert [c.value for c in ws[2]] == ["序号", "重点任务", "具体内容", "牵头单位", "参与单位", "完成时限",
                                        "状态", "进展情况", "备注"]
    assert ws["A3"].value == "一、优化提升空间发展格局" and "A3:I3" in merged
    assert sum(1 for r in merged if r.startswith("A") and r != "A1:I1") == 9
    assert ws["A4"].value == 1 and ws["D4"].value == "省发展改革委"
    assert ws["E4"].value == "省工业和信息化厅、省交通运输厅、大湾区内地各市"
    assert ws["C4"].alignment.wrap_text and ws["C4"].border.left.style == "thin"
    assert ws.freeze_panes == "A3"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.print_title_rows == "$2:$2"
    # fitToWidth defaults to 1 when absent; fitToHeight 0 lets the pages run on.
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    margins = ws.page_margins
    # Our margins, or the source task sheet's (openpyxl's defaults in the fixture) when it set them.
    expected_margins = (0.5, 0.5, 0.6, 0.7) if backend == "xlsxwriter" else (0.75, 0.75, 1.0, 1.0)
    assert (margins.left, margins.right, margins.top, margins.bottom) == expected_margins
    # Every row has a height that fits its wrapped text: the long bodies are tall, the short short.
    heights = {r: ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)}
    assert all(h is not None for h in heights.values())
    body_lines = [len(ws[f"C{r}"].value or "") * 2 / (ws.column_dimensions["C"].width - 1.2) for r in range(4, 10)]
    assert all(heights[r + 4] >= lines * 10.5 * 1.3 for r, lines in enumerate(body_lines))
    assert heights[3] < 30  # a section row is one line
    validations = ws.data_validations.dataValidation
    assert len(validations) == 1 and "G3" in str(validations[0].sqref)
    assert "推进中" in validations[0].formula1
    # Widths fit Chinese text: the body column is wide, the number column narrow.
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert widths["A"] <= 8 and widths["C"] >= 50 and widths["E"] > widths["D"]


def test_matrix_and_summary_sheets(seed_xlsx, seed_plan):
    wb = openpyxl.load_workbook(seed_xlsx)
    grid = wb["责任矩阵"]
    header = [c.value for c in grid[1]]
    assert header[:2] == ["序号", "重点任务"]
    assert header[2:] == seed_plan.registry.names()
    col = {name: i for i, name in enumerate(header)}
    row99 = [c.value for c in grid[100]]
    assert row99[0] == 99
    assert [header[i] for i, v in enumerate(row99) if v == "牵头"] == ["省发展改革委", "省财政厅", "省地方金融监管局"]
    totals = {grid.cell(row=r, column=1).value: r for r in (102, 103)}
    assert grid.cell(row=totals["牵头任务数"], column=col["省科技厅"] + 1).value == 7
    summary = wb["单位汇总"]
    rows = {r[0].value: [c.value for c in r] for r in summary.iter_rows(min_row=2)}
    # The seed names 省科技厅 23 times (22 + the split "(省) 科技厅"), 7 of them as lead.
    assert rows["省科技厅"][:4] == ["省科技厅", "省政府部门", 7, 16]
    assert rows["省科技厅"][4] == "6、8、10、11、12、14、15"
    assert rows["大湾区内地各市"][7].startswith("广州市、深圳市")


def test_txt_to_xlsx_to_json_equals_txt_to_json(tmp_path):
    text_plan = read_plan_text(ROOT / "taskmatrix" / "resources" / "default_plan.txt").plan
    path = tmp_path / "plan.xlsx"
    write_xlsx(text_plan, path)
    assert dumps(read_xlsx(path).plan) == dumps(text_plan)


@pytest.mark.parametrize("name", [*make_fixtures.FIXTURES, "official_matrix_example.xlsx"])
def test_any_layout_to_xlsx_reads_back_the_same(name, tmp_path):
    first = read_xlsx(DATA / name).plan
    path = tmp_path / "again.xlsx"
    write_xlsx(first, path)
    again = read_xlsx(path)
    assert dumps(again.plan) == dumps(first)
    if first.foreign is not None:
        assert again.plan.foreign is not None
        assert again.plan.foreign.sheets == first.foreign.sheets
    # A second save of the re-read plan changes nothing either.
    write_xlsx(again.plan, path)
    assert dumps(read_xlsx(path).plan) == dumps(first)


def test_other_sheets_are_kept_as_they_were(tmp_path, data_file):
    source = data_file("list_variant_headers.xlsx")
    plan = read_xlsx(source).plan
    write_xlsx(plan, source)
    wb = openpyxl.load_workbook(source)
    assert wb.sheetnames == ["任务分工表", "责任矩阵", "单位汇总", "填报说明"]
    notes = wb["填报说明"]
    assert notes["A1"].value == "请各单位于每月5日前报送进展。" and notes["B3"].value == 42
    assert {str(r) for r in notes.merged_cells.ranges} == {"A5:C6"}
    assert len(notes._images) == 1
    assert (tmp_path / "list_variant_headers.bak.xlsx").exists()


def test_a_clashing_sheet_name_is_not_overwritten(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "清单"
    wb.active.append(["序号", "重点任务", "牵头单位"])
    wb.active.append([1, "甲", "省科技厅"])
    other = wb.create_sheet("单位汇总")
    other["A1"] = "他人的汇总"
    path = tmp_path / "clash.xlsx"
    wb.save(path)
    write_xlsx(read_xlsx(path).plan, path)
    names = openpyxl.load_workbook(path).sheetnames
    assert "单位汇总" in names and "单位汇总 (2)" in names
    assert openpyxl.load_workbook(path)["单位汇总"]["A1"].value == "他人的汇总"
    again = read_xlsx(path).plan
    assert again.tasks[0].leads == ["省科技厅"]


@pytest.mark.parametrize("foreign", [False, True])
def test_text_that_looks_like_a_formula_is_stored_as_text(tmp_path, foreign):
    plan = Plan(sections=[Section(1, "甲")], extra_fields=["公式"])
    plan.tasks = [Task(1, 1, "=SUM(A1:A9)", "+1", ["省科技厅"], [], "-2020", "@状态", "=1+1", "=HYPERLINK(\"x\")",
                       {"公式": "=A1"})]
    if foreign:
        make_fixtures.multi_sheet(tmp_path / "src.xlsx")
        plan.foreign = read_xlsx(tmp_path / "src.xlsx").plan.foreign
    path = tmp_path / "f.xlsx"
    write_xlsx(plan, path)
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any("<f>" in z.read(n).decode() for n in sheets)
    task = read_xlsx(path).plan.tasks[0]
    assert (task.title, task.body, task.deadline, task.status, task.progress) == (
        "=SUM(A1:A9)", "+1", "-2020", "@状态", "=1+1")
    assert task.extra == {"公式": "=A1"}


def test_empty_sections_and_tasks_before_any_section_survive(tmp_path):
    plan = Plan(sections=[Section(1, "空的"), Section(2, "有任务"), Section(5, "最后也空")])
    plan.tasks = [Task(1, None, "无领域", leads=["省科技厅"]), Task(2, 2, "有", leads=["省教育厅"])]
    path = tmp_path / "s.xlsx"
    write_xlsx(plan, path)
    again = read_xlsx(path).plan
    assert [(s.number, s.title) for s in again.sections] == [(1, "空的"), (2, "有任务"), (5, "最后也空")]
    assert [t.section for t in again.tasks] == [None, 2]


def test_found_by_fuzzing_empty_and_blank_plans_round_trip(tmp_path):
    """An empty plan in our own workbook was refused; blank titles and spaces in section
    titles were stripped or lost."""
    empty = Plan()
    blank = Plan(title="   ", preamble=" ", sections=[Section(1, " 甲 乙 ")])
    blank.tasks = [Task(1, 1, "  ", body=" x ", leads=["省科技厅"])]
    for i, plan in enumerate((empty, blank)):
        path = tmp_path / f"p{i}.xlsx"
        write_xlsx(plan, path)
        assert dumps(read_xlsx(path).plan) == dumps(plan)


def test_found_by_fuzzing_an_over_long_title_is_refused_cleanly(tmp_path):
    """A title over Excel's cell limit crashed the writer; now it is a save error, nothing written."""
    path = tmp_path / "long.xlsx"
    with pytest.raises(PlanSaveError, match="longer than an Excel cell holds"):
        write_xlsx(Plan(title="长" * 40_000), path)
    assert list(tmp_path.iterdir()) == []


def test_save_is_atomic_with_backup_and_a_failed_save_leaves_the_old_file(tmp_path, seed_plan, monkeypatch):
    path = tmp_path / "plan.xlsx"
    write_xlsx(seed_plan, path)
    first = path.read_bytes()
    seed_plan.tasks[0].title = "改过的标题"
    write_xlsx(seed_plan, path)
    assert (tmp_path / "plan.bak.xlsx").read_bytes() == first
    second = path.read_bytes()

    import taskmatrix.io.excel.write as writer

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_write_xlsxwriter", broken)
    with pytest.raises(PlanSaveError, match="disk is full"):
        write_xlsx(seed_plan, path)
    assert path.read_bytes() == second
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.bak.xlsx", "plan.xlsx"]


def test_a_workbook_open_in_excel_is_not_overwritten(tmp_path, seed_plan):
    path = tmp_path / "plan.xlsx"
    write_xlsx(seed_plan, path)
    before = path.read_bytes()
    (tmp_path / "~$plan.xlsx").write_bytes(b"lock")
    with pytest.raises(PlanSaveError, match="open in Excel or WPS"):
        write_xlsx(seed_plan, path)
    assert path.read_bytes() == before


def test_safe_sheet_names():
    assert safe_sheet_name("a[b]:c*d?e/f\\g", []) == "a_b__c_d_e_f_g"
    long = "很长" * 20
    assert len(safe_sheet_name(long, [])) == 31
    assert safe_sheet_name("Sheet", ["sheet"]) == "Sheet (2)"
    assert len(safe_sheet_name(long, [long[:31]])) == 31


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_every_task(seed_xlsx, seed_plan, tmp_path):
    out = tmp_path / "csv"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out),
                    str(seed_xlsx)], check=True, capture_output=True, timeout=180)
    rows = list(csv.reader((out / "seed.csv").open(encoding="utf-8")))
    assert rows[1][:5] == ["序号", "重点任务", "具体内容", "牵头单位", "参与单位"]
    tasks = {int(r[0]): r for r in rows[2:] if r and r[0].isdigit()}
    assert sorted(tasks) == list(range(1, 101))
    for task in seed_plan.tasks:
        row = tasks[task.number]
        assert row[1] == task.title and row[2] == task.body
        assert row[3] == "、".join(task.leads) and row[4] == "、".join(task.participants)


@pytest.mark.parametrize("foreign", [False, True])
def test_white_space_only_text_survives_both_writers(tmp_path, foreign):
    """Found by the property tests: openpyxl dropped a cell holding just " "."""
    plan = Plan(sections=[Section(1, " ")], extra_fields=["0", "00"])
    plan.tasks = [Task(1, 1, " ", "\n", extra={"0": "", "00": " "}, notes="  两边空格  ")]
    if foreign:
        make_fixtures.multi_sheet(tmp_path / "src.xlsx")
        plan.foreign = read_xlsx(tmp_path / "src.xlsx").plan.foreign
    write_xlsx(plan, tmp_path / "w.xlsx")
    assert dumps(read_xlsx(tmp_path / "w.xlsx").plan) == dumps(plan)


def test_escape_like_text_survives_the_openpyxl_writer(tmp_path):
    """Found by the property tests: text reading like Excel's _xHHHH_ escape was decoded."""
    plan = Plan(title="_x0000_ 标题", extra_fields=["_x0041_"])
    plan.tasks = [Task(1, None, "a_x0041_b", extra={"_x0041_": "_x005F_"})]
    make_fixtures.multi_sheet(tmp_path / "src.xlsx")
    plan.foreign = read_xlsx(tmp_path / "src.xlsx").plan.foreign
    write_xlsx(plan, tmp_path / "e.xlsx")
    assert dumps(read_xlsx(tmp_path / "e.xlsx").plan) == dumps(plan)
