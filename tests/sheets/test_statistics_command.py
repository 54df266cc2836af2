"""The ``stats`` command's three outputs and its refusals; the whole plan's progress report
PDF ends with the round's statistics."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile

import pytest

from taskmatrix.cli import run
from taskmatrix.io.jsonio import dumps
from taskmatrix.model.rounds import Entry, Round, add_round, set_entry


@pytest.fixture
def plan_file(tmp_path, seed_plan):
    add_round(seed_plan, Round("2019年第一季度", dt.date(2019, 1, 1), dt.date(2019, 3, 31)))
    for task in seed_plan.tasks[:40]:
        set_entry(task, "2019年第一季度", Entry(task.leads[0], "推进中", 30.0, "进展"))
    path = tmp_path / "plan.json"
    path.write_text(dumps(seed_plan), encoding="utf-8")
    return path


def test_stats_as_a_workbook_with_charts(plan_file, tmp_path):
    import openpyxl

    out = tmp_path / "s.xlsx"
    assert run(["stats", str(plan_file), str(out), "--as-of", "2019-04-10"]) == 0
    ws = openpyxl.load_workbook(out)["统计"]
    column = [c.value for c in ws["A"]]
    titles = ["各单位牵头、参与任务数", "各单位分板块任务数（牵头和参与）", "各市牵头、参与任务数（含经城市组）",
              "2019年第一季度各牵头单位推进情况", "2019年第一季度分板块推进情况"]
    rows = [column.index(t) for t in titles]
    assert rows == sorted(rows)  # each table under its title, in order
    assert column[rows[0] + 1] == "单位" and ws.cell(rows[0] + 3, 2).value == 1  # numbers as numbers (省委组织部 leads 1)
    with zipfile.ZipFile(out) as archive:
        assert sum(n.startswith("xl/charts/chart") for n in archive.namelist()) == 5


def test_stats_as_csv_and_png(plan_file, tmp_path, qapp):  # qapp: a QApplication, not a bare QGuiApplication
    assert run(["stats", str(plan_file), str(tmp_path / "s.csv")]) == 0
    text = (tmp_path / "s.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[:2] == ["各单位牵头、参与任务数", "单位,牵头任务,参与任务,合计"]
    assert "省科技厅,7,16,23" in text
    assert run(["stats", str(plan_file), str(tmp_path / "s.png")]) == 0
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(tmp_path / "s.png"))
    assert image.width() == 1400 and image.height() > 2000
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 7) for y in range(0, 600, 7)}
    assert "#337ab7" in colours and "#e0a800" in colours  # the lead and participant bars


@pytest.mark.parametrize("args, message", [
    (["stats", "{plan}", "{tmp}/s.pdf"], "statistics are written as .xlsx, .csv or .png"),
    (["stats", "{tmp}/none.json", "{tmp}/s.csv"], "no such file"),
    (["stats", "{plan}", "{tmp}/s.csv", "--round", "第九期"], "no round named"),
    (["stats", "{plan}", "{tmp}/s.csv", "--as-of", "昨天"], "is not a date"),
])
def test_stats_refuses_bad_input_with_one_line(plan_file, tmp_path, capsys, args, message):
    args = [a.format(plan=plan_file, tmp=tmp_path) for a in args]
    assert run(args) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in err
    assert not (tmp_path / "s.csv").exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_the_whole_plans_report_ends_with_the_statistics(plan_file, tmp_path, qapp):
    out = tmp_path / "r.pdf"
    assert run(["report", str(plan_file), str(out), "--as-of", "2019-04-10"]) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "重点任务进展情况汇总表" in text and "2019年第一季度推进情况统计" in text
    assert "2019年第一季度各牵头单位推进情况" in text


@pytest.mark.parametrize("command", ["stats", "report"])
def test_the_output_may_not_be_the_plan_itself(plan_file, capsys, command):
    before = plan_file.read_bytes()
    xlsx = plan_file.with_suffix(".xlsx")
    xlsx.write_bytes(b"not really")
    assert run([command, str(xlsx), str(xlsx)]) == 2
    assert "this is the plan being read" in capsys.readouterr().err
    assert xlsx.read_bytes() == b"not really" and plan_file.read_bytes() == before
