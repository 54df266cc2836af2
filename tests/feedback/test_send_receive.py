"""Sending a round's workbooks to the units and merging their returns: what a sent workbook holds,
a unit filling it in as it would (rows sorted, file renamed), conflicts with the office's own
edits, files refused as a whole, LibreOffice re-saves, and the units that have not reported."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from taskmatrix.io.defaults import load_default_plan
from taskmatrix.io.errors import PlanFormatError
from taskmatrix.io.feedback.receive import load_returns, read_return, return_paths
from taskmatrix.io.feedback.send import COVER, IDENTITY_SHEET, SHEET, send_round
from taskmatrix.io.formats import read_plan
from taskmatrix.io.jsonio import write_json
from taskmatrix.model.feedback import (
    CHANGED,
    CONFLICT,
    NEW,
    REJECTED,
    UNCHANGED,
    expected_units,
    merge,
    not_reported,
    parse_day,
    parse_percent,
)
from taskmatrix.model.rounds import Entry, Round, add_round, set_entry

ROOT = Path(__file__).resolve().parents[2]
ROUND = "2019年第一季度"
TODAY = dt.date(2019, 4, 12)


def seed_with_round():
    plan = load_default_plan().plan
    add_round(plan, Round(ROUND, dt.date(2019, 1, 1), dt.date(2019, 3, 31), dt.date(2019, 4, 10)))
    return plan


def fill(path: Path, dest: Path, edits: dict[int, dict[int, object]], reverse: bool = True) -> None:
    """Fill ``path`` in as a unit would (``edits``: task number -> column -> value), sort its rows
    the other way round, save it under another name."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    rows = [list(r) for r in ws.iter_rows(min_row=7, values_only=True)]
    if reverse:
        rows.reverse()
    for r, values in enumerate(rows, start=7):
        for c, value in enumerate(values, start=1):
            number = int(values[1])
            ws.cell(r, c).value = edits.get(number, {}).get(c, value)
    wb.save(dest)
    if dest != path:
        path.unlink()


@pytest.fixture
def sent(tmp_path):
    plan = seed_with_round()
    folder = tmp_path / "out"
    items = send_round(plan, plan.rounds[0], folder, expected_units(plan), today=TODAY)
    return plan, folder, {s.unit: s for s in items}


def test_a_workbook_per_unit_locked_text_open_report_columns_and_an_identity(sent):
    plan, folder, items = sent
    assert len(items) == len(expected_units(plan)) == 56
    assert (folder / COVER).exists()
    kjt = items["省科技厅"]
    assert kjt.path.name == f"{ROUND}-省科技厅.xlsx" and (kjt.lead, kjt.participant) == (7, 16)
    wb = openpyxl.load_workbook(kjt.path)
    ws = wb[SHEET]
    assert ws.protection.sheet and ws.column_dimensions["A"].hidden
    assert "省科技厅" in ws["A2"].value and "2019年04月10日" in ws["A5"].value
    header = [c.value for c in ws[6]]
    assert header[:3] == ["任务编号", "序号", "角色"] and header[6] == "状态"
    first = [c for c in ws[7]]
    assert first[3].protection.locked and not first[6].protection.locked and not first[8].protection.locked
    statuses = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert statuses and "推进中" in statuses[0].formula1
    roles = [ws.cell(r, 3).value for r in range(7, ws.max_row + 1)]
    assert roles.count("牵头") == 7 and roles.count("参与") == 16
    assert wb[IDENTITY_SHEET].sheet_state == "veryHidden"
    assert wb.custom_doc_props["taskmatrix.return.unit"].value == "省科技厅"


def test_send_fill_sort_rename_receive_and_merge(sent, tmp_path):
    plan, _folder, items = sent
    returned = tmp_path / "back" / "科技厅报送.xlsx"
    returned.parent.mkdir()
    fill(items["省科技厅"].path, returned, {
        6: {7: "推进中", 8: 40, 9: "已完成选址", 10: "资金未到位", 11: "开工建设", 12: "张三",
            13: dt.datetime(2019, 4, 8)},
        8: {7: "已完成", 9: "已建成"},
        10: {7: "完成了"},  # not a status
        11: {8: "140"},  # not a percent
    })
    files, refused = load_returns(plan, return_paths([returned.parent]), ROUND, TODAY)
    assert refused == [] and len(files) == 1
    by_number = {c.number: c for c in files[0].changes}
    assert by_number[6].kind == NEW and by_number[6].new == Entry("省科技厅", "推进中", 40.0, "已完成选址", "资金未到位",
                                                                 "开工建设", "张三", dt.date(2019, 4, 8))
    assert by_number[8].kind == NEW and by_number[8].new.date == TODAY  # no date typed: the day received
    assert by_number[10].kind == REJECTED and "完成了" in by_number[10].reason
    assert by_number[11].kind == REJECTED and "140" in by_number[11].reason
    assert sum(c.kind == UNCHANGED for c in files[0].changes) == 19
    assert merge(files[0].changes, ROUND) == 2
    task6 = next(t for t in plan.tasks if t.number == 6)
    assert task6.reports[ROUND]["省科技厅"].progress == "已完成选址"
    assert "省科技厅" not in {o.unit for o in not_reported(plan, ROUND)}
    # The same return again: nothing new.
    again, _ = load_returns(plan, [returned], ROUND, TODAY)
    assert {c.kind for c in again[0].changes} <= {UNCHANGED, REJECTED}


def test_a_report_the_office_changed_after_sending_is_a_conflict(tmp_path):
    plan = seed_with_round()
    task = next(t for t in plan.tasks if t.number == 6)
    set_entry(task, ROUND, Entry("省科技厅", "未启动", progress="草稿"))
    items = {s.unit: s for s in send_round(plan, plan.rounds[0], tmp_path, ["省科技厅"], today=TODAY)}
    set_entry(task, ROUND, Entry("省科技厅", "推进中", progress="办公室改过"))  # after sending
    returned = tmp_path / "r.xlsx"
    fill(items["省科技厅"].path, returned, {6: {7: "已完成", 9: "单位报的"}, 8: {7: "推进中"}})
    files, _ = load_returns(plan, [returned], ROUND, TODAY)
    kinds = {c.number: c for c in files[0].changes}
    assert kinds[6].kind == CONFLICT and not kinds[6].accepted and kinds[8].kind == NEW
    merge(files[0].changes, ROUND)
    assert task.reports[ROUND]["省科技厅"].progress == "办公室改过"  # kept until accepted
    kinds[6].accepted = True
    merge([kinds[6]], ROUND)
    assert task.reports[ROUND]["省科技厅"].progress == "单位报的"


def test_a_changed_draft_is_changed(tmp_path):
    plan = seed_with_round()
    task = next(t for t in plan.tasks if t.number == 6)
    set_entry(task, ROUND, Entry("省科技厅", "未启动", progress="上季度的"))
    items = {s.unit: s for s in send_round(plan, plan.rounds[0], tmp_path, ["省科技厅"], today=TODAY)}
    returned = tmp_path / "r.xlsx"
    fill(items["省科技厅"].path, returned, {6: {7: "推进中"}})
    files, _ = load_returns(plan, [returned], ROUND, TODAY)
    change = next(c for c in files[0].changes if c.number == 6)
    assert change.kind == CHANGED and change.old.progress == "上季度的" and change.new.status == "推进中"


def _edit_identity(path: Path, key: str, value: str, properties: bool = False, sheet: bool = True) -> None:
    wb = openpyxl.load_workbook(path)
    if properties:
        from openpyxl.packaging.custom import StringProperty

        props = wb.custom_doc_props
        props.append(StringProperty(name="taskmatrix.return.x", value="x"))
        for prop in props:
            if prop.name == f"taskmatrix.return.{key}":
                prop.value = value
    if sheet:
        ws = wb[IDENTITY_SHEET]
        for row in ws.iter_rows(max_row=8):
            if row[0].value == key:
                row[1].value = value
    wb.save(path)


@pytest.mark.parametrize("change, message", [
    (lambda p, plan: _edit_identity(p, "unit", "省财政厅", properties=True), "check value does not match"),
    (lambda p, plan: _edit_identity(p, "unit", "省财政厅"), "disagree on “unit”"),
    (lambda p, plan: _edit_identity(p, "round", "2019年第二季度", properties=True, sheet=False),
     "disagree on “round”"),
    (lambda p, plan: setattr(plan, "title", "另一个计划"), "another plan"),
    (lambda p, plan: plan.rounds.__setitem__(0, Round("2019年第二季度")), "round “2019年第一季度”"),
    (lambda p, plan: p.write_bytes(b"PK\x03\x04 not really a zip"), "damaged"),
    (lambda p, plan: p.write_bytes(b""), "empty"),
])
def test_files_refused_as_a_whole_name_the_file_and_the_reason(sent, change, message):
    plan, _folder, items = sent
    path = items["省科技厅"].path
    change(path, plan)
    files, refused = load_returns(plan, [path], plan.rounds[0].name, TODAY)
    assert files == [] and len(refused) == 1
    assert message in str(refused[0]) and path.name in str(refused[0])


def test_a_plan_workbook_is_not_a_return(tmp_path):
    plan = seed_with_round()
    from taskmatrix.io.formats import write_plan

    write_plan(plan, tmp_path / "plan.xlsx")
    with pytest.raises(PlanFormatError, match="not a progress workbook"):
        read_return(tmp_path / "plan.xlsx")


def test_the_same_units_return_twice_is_refused_the_second_time(sent, tmp_path):
    plan, _folder, items = sent
    copy = tmp_path / "copy.xlsx"
    shutil.copy(items["省科技厅"].path, copy)
    files, refused = load_returns(plan, [items["省科技厅"].path, copy], ROUND, TODAY)
    assert len(files) == 1 and "second return" in str(refused[0])


def test_percent_and_date_parsing():
    assert parse_percent("40%") == 40 and parse_percent("４０％") == 40 and parse_percent(55.5) == 55.5
    assert parse_percent("") is None and parse_percent(None) is None
    for bad in ("140", "-1", "一半", True):
        with pytest.raises(ValueError):
            parse_percent(bad)
    assert parse_day("2019/4/8") == parse_day("2019年4月8日") == parse_day("2019.04.08") == dt.date(2019, 4, 8)
    with pytest.raises(ValueError):
        parse_day("四月")


# -- LibreOffice as the unit's client --------------------------------------------------------------
@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_return_resaved_by_libreoffice_merges(sent, tmp_path):
    plan, _folder, items = sent
    filled = tmp_path / "filled.xlsx"
    fill(items["省财政厅"].path, filled, {63: {7: "推进中", 9: "LibreOffice 填的"}})
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--calc",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(filled)],
                   check=True, capture_output=True, timeout=180)
    files, refused = load_returns(plan, [out / "filled.xlsx"], ROUND, TODAY)
    assert refused == []
    change = next(c for c in files[0].changes if c.number == 63)
    assert change.kind == NEW and change.new.progress == "LibreOffice 填的"


# -- the commands ----------------------------------------------------------------------------------
def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


def test_send_and_receive_commands_and_their_exit_codes(tmp_path):
    plan = seed_with_round()
    src = tmp_path / "plan.json"
    write_json(plan, src, backup=False)
    proc = run("send", src, "--round", ROUND, tmp_path / "out", "--unit", "省科技厅", "--unit", "省教育厅")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [f"{ROUND}-省科技厅.xlsx", f"{ROUND}-省教育厅.xlsx", COVER, "报送通知.pdf"])
    kjt = tmp_path / "out" / f"{ROUND}-省科技厅.xlsx"
    fill(kjt, kjt, {6: {7: "推进中"}})
    merged = tmp_path / "merged.xlsx"
    proc = run("receive", src, "--round", ROUND, tmp_path / "out", "-o", merged)
    assert proc.returncode == 0, proc.stderr
    assert "省科技厅: 23 matched, 1 new" in proc.stderr and "not reported:" in proc.stderr
    again = read_plan(merged).plan
    assert next(t for t in again.tasks if t.number == 6).reports[ROUND]["省科技厅"].status == "推进中"
    # A rejected row: exit 1, listed.
    fill(kjt, kjt, {8: {7: "完成了"}}, reverse=False)
    proc = run("receive", src, "--round", ROUND, kjt, "-o", tmp_path / "m2.json")
    assert proc.returncode == 1 and "rejected: status “完成了”" in proc.stderr
    # Every file refused: exit 2, one error line per file, nothing written.
    proc = run("receive", src, "--round", "2019年第二季度", kjt, "-o", tmp_path / "m3.json")
    assert proc.returncode == 2 and proc.stderr.count("error:") == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "m3.json").exists()
    proc = run("send", src, "--round", ROUND, tmp_path / "o2", "--unit", "没有这个单位")
    assert proc.returncode == 2 and "unknown unit" in proc.stderr and not (tmp_path / "o2").exists()


def test_cancelling_a_send_stops_and_writes_no_cover_list(tmp_path):
    from taskmatrix.io.errors import Cancelled

    plan = seed_with_round()
    with pytest.raises(Cancelled):
        send_round(plan, plan.rounds[0], tmp_path, expected_units(plan), today=TODAY,
                   progress=lambda done, total: done < 3)
    assert len(list(tmp_path.glob("*.xlsx"))) == 3 and not (tmp_path / COVER).exists()
