"""The command line: export, and one test per kind of bad input (exit 2, one error line)."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(*args, cwd=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def seed_txt(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_bytes((ROOT / "taskmatrix" / "resources" / "default_plan.txt").read_bytes())
    return path


def test_export_txt_to_json_and_csv(seed_txt, tmp_path):
    out = tmp_path / "out.json"
    proc = run("export", seed_txt, out)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc["tasks"]) == 100
    csv_out = tmp_path / "out.csv"
    assert run("export", out, csv_out).returncode == 0
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")


def bad(tmp_path, src, dest_name="out.json"):
    dest = tmp_path / dest_name
    proc = run("export", src, dest)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), proc.stderr
    assert "Traceback" not in proc.stderr
    assert not dest.exists()
    return lines[0]


def test_missing_file(tmp_path):
    line = bad(tmp_path, tmp_path / "nope.txt")
    assert "nope.txt" in line and "no such file" in line


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert "empty" in bad(tmp_path, tmp_path / "empty.txt")


def test_unreadable_encoding(tmp_path):
    (tmp_path / "enc.txt").write_bytes(b"1.\xff\xfe\xfa\xfb\x81\x30")
    assert "encoding" in bad(tmp_path, tmp_path / "enc.txt")


def test_binary_file(tmp_path):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    assert "binary" in bad(tmp_path, tmp_path / "bin.txt")


def test_no_recognisable_tasks(tmp_path):
    (tmp_path / "prose.txt").write_text("这是一段没有任务编号的文字。\n", encoding="utf-8")
    assert "no recognisable tasks" in bad(tmp_path, tmp_path / "prose.txt")


def test_unsupported_source_suffix(tmp_path):
    (tmp_path / "plan.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "unsupported file type" in bad(tmp_path, tmp_path / "plan.png")


def test_a_file_whose_content_does_not_match_its_name(tmp_path):
    (tmp_path / "plan.docx").write_bytes(b"x")
    assert "not what the name says (Word document)" in bad(tmp_path, tmp_path / "plan.docx")


def test_unsupported_destination_suffix(seed_txt, tmp_path):
    line = bad(tmp_path, seed_txt, "out.pdf")
    assert "out.pdf" in line


def test_bad_input_leaves_an_existing_destination_unchanged(tmp_path):
    dest = tmp_path / "out.json"
    dest.write_text("precious", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run("export", tmp_path / "empty.txt", dest)
    assert proc.returncode == 2
    assert dest.read_text(encoding="utf-8") == "precious"


def test_warnings_go_to_stderr_and_do_not_fail(tmp_path):
    src = tmp_path / "p.txt"
    src.write_text("1.做事。(某某研究院,省科技厅)\n", encoding="utf-8")
    proc = run("export", src, tmp_path / "p.json")
    assert proc.returncode == 0
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "某某研究院" in warnings[0]


def test_headless_export_imports_neither_pandas_nor_qtwidgets(seed_txt, tmp_path):
    code = (
        "import sys; from taskmatrix.launcher import main; "
        f"rc = main(['export', {str(seed_txt)!r}, {str(tmp_path / 'o.json')!r}]); "
        "bad = [m for m in ('pandas', 'PySide6.QtWidgets', 'openpyxl', 'docx', 'pdfplumber', 'pypdfium2', "
        "'python_calamine') if m in sys.modules]; "
        "print(rc, bad)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.strip() == "0 []", proc.stderr


def test_export_accepts_xlsx_sources_and_destinations(seed_txt, tmp_path):
    xlsx = tmp_path / "plan.xlsx"
    proc = run("export", seed_txt, xlsx)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "plan.json"
    proc = run("export", xlsx, out)
    assert proc.returncode == 0, proc.stderr
    # Which sheet and which columns were recognised is reported on stderr.
    assert "任务分工表" in proc.stderr and "list layout" in proc.stderr and "牵头单位" in proc.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["tasks"]) == 100


def test_bad_workbooks_exit_2_and_write_nothing(tmp_path):
    (tmp_path / "enc.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert "save it as .xlsx" in bad(tmp_path, tmp_path / "enc.xlsx")
    (tmp_path / "cut.xlsx").write_bytes((ROOT / "tests" / "data" / "grid.xlsx").read_bytes()[:900])
    assert "truncated" in bad(tmp_path, tmp_path / "cut.xlsx")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")  # a cut-off .xls
    assert "damaged" in bad(tmp_path, tmp_path / "old.xls")


def test_sheets_for_units_and_cities(seed_txt, tmp_path):
    out = tmp_path / "sheets.pdf"
    proc = run("sheets", seed_txt, out, "--unit", "省科技厅", "--unit", "省发改委", "--city", "江门")
    assert proc.returncode == 0, proc.stderr
    assert "3 sheet(s)" in proc.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_sheets_for_every_unit_by_default(seed_txt, tmp_path):
    out = tmp_path / "all.pdf"
    proc = run("sheets", seed_txt, out)
    assert proc.returncode == 0, proc.stderr
    assert "56 sheet(s)" in proc.stderr


def test_sheets_unknown_unit_or_city_lists_the_closest_names(seed_txt, tmp_path):
    dest = tmp_path / "x.pdf"
    proc = run("sheets", seed_txt, dest, "--unit", "省科委")
    assert proc.returncode == 2 and not dest.exists()
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "省科技厅" in lines[0]
    proc = run("sheets", seed_txt, dest, "--city", "江们市")
    assert proc.returncode == 2 and "江门市" in proc.stderr and not dest.exists()
    proc = run("sheets", seed_txt, tmp_path / "x.txt")
    assert proc.returncode == 2 and "pdf" in proc.stderr


def test_sheets_without_a_chinese_font_warn(seed_plan, tmp_path, monkeypatch, capsys):
    import taskmatrix.sheets.render as render
    from taskmatrix.sheets.command import print_sheets_headless

    monkeypatch.setattr(render, "choose_fonts", lambda preferred="": None)
    assert print_sheets_headless(seed_plan, tmp_path / "p.txt", tmp_path / "p.pdf", ["团省委"], [], False) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning:") and "Chinese font" in err


def test_headless_sheets_do_not_import_qtwidgets(seed_txt, tmp_path):
    code = (
        "import sys; from taskmatrix.launcher import main; "
        f"rc = main(['sheets', {str(seed_txt)!r}, {str(tmp_path / 'o.pdf')!r}, '--unit', '团省委']); "
        "print(rc, [m for m in ('pandas', 'PySide6.QtWidgets') if m in sys.modules])"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.strip() == "0 []", proc.stderr


@pytest.mark.parametrize("name, tasks", [("seed.docx", 100), ("seed.pdf", 100), ("matrix.docx", 3),
                                         ("list_basic.xls", 5)])
def test_export_and_sheets_from_word_pdf_and_old_workbooks(tmp_path, name, tasks):
    from tests.conftest import DATA

    if not (DATA / name).exists():
        pytest.skip(f"{name} needs soffice to be made")
    src = tmp_path / name
    src.write_bytes((DATA / name).read_bytes())
    out = tmp_path / "out.json"
    proc = run("export", src, out)
    assert proc.returncode == 0, proc.stderr
    assert f"{tasks} tasks" in proc.stderr.splitlines()[0]
    assert len(json.loads(out.read_text(encoding="utf-8"))["tasks"]) == tasks
    pdf = tmp_path / "sheets.pdf"
    proc = run("sheets", src, pdf)
    assert proc.returncode == 0 and pdf.read_bytes().startswith(b"%PDF"), proc.stderr


@pytest.mark.parametrize("name, content, message", [
    ("plan.docx", b"PK\x03\x04" + b"\0" * 40, "damaged or truncated"),
    ("plan.docx", (__import__("tests.make_documents", fromlist=["ole2"]).ole2(["EncryptionInfo", "EncryptedPackage"])),
     "password-protected"),
    ("plan.doc", __import__("tests.make_documents", fromlist=["ole2"]).ole2(["WordDocument"]), "save it as .docx"),
    ("plan.pdf", b"%PDF-1.4\n%broken", "damaged"),
    ("plan.ods", b"PK\x05\x06" + b"\0" * 18, "damaged"),
])
def test_bad_documents_exit_2_with_one_line(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    assert message in bad(tmp_path, tmp_path / name)


# -- report ------------------------------------------------------------------------------------------
def _plan_with_rounds(tmp_path):
    from taskmatrix.io.formats import write_plan
    from tests.io.test_progressjson import plan_with_rounds

    path = tmp_path / "plan.json"
    write_plan(plan_with_rounds(), path)
    return path


def test_report_writes_the_last_round_by_default_in_every_format(tmp_path):
    import csv
    import io

    src = _plan_with_rounds(tmp_path)
    for name in ("r.csv", "r.xlsx", "r.pdf"):
        proc = run("report", src, tmp_path / name, "--as-of", "2019-05-01")
        assert proc.returncode == 0, proc.stderr
        assert "2019年第二季度" in proc.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["序号", "重点任务", "填报单位"] and rows[0][-1] == "亮灯"
    assert [r[2] for r in rows[1:]] == ["省科技厅", "省教育厅", "省财政厅", "省民政厅"]
    assert rows[3][4] == "已完成" and rows[3][-1] == "✔ 完成"
    import openpyxl

    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    assert ws["A1"].value.endswith("重点任务进展情况汇总表") and ws["A3"].value == "序号"
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_report_for_a_round_a_unit_and_a_day(tmp_path):
    import csv
    import io

    src = _plan_with_rounds(tmp_path)
    out = tmp_path / "u.csv"
    proc = run("report", src, out, "--round", "2019年第一季度", "--unit", "省科技厅", "--as-of", "2019-07-01")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(r[0], r[2], r[5], r[-1]) for r in rows[1:]] == [("1", "省科技厅", "40%", "✖ 红灯")]  # past 2019-06-30


@pytest.mark.parametrize("args, message", [
    (["--round", "三季度"], "no round named “三季度”"),
    (["--as-of", "2019-13-01"], "is not a date"),
    (["--unit", "某某局"], "unknown unit “某某局”"),
])
def test_report_errors_are_one_line(tmp_path, args, message):
    src = _plan_with_rounds(tmp_path)
    proc = run("report", src, tmp_path / "r.csv", *args)
    assert proc.returncode == 2 and message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r.csv").exists()


def test_report_of_a_plan_without_rounds_and_to_a_wrong_kind_of_file(tmp_path, seed_txt):
    proc = run("report", seed_txt, tmp_path / "r.csv")
    assert proc.returncode == 2 and "no reporting rounds yet" in proc.stderr
    proc = run("report", seed_txt, tmp_path / "r.doc")
    assert proc.returncode == 2 and "written as .xlsx, .pdf or .csv" in proc.stderr
