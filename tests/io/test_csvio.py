"""CSV export: UTF-8 with BOM, one row per task, units joined by 、, extra columns."""

import csv
import io

from taskmatrix.io.csvio import CSV_HEADERS, write_csv
from taskmatrix.model.plan import Plan, Section, Task


def test_csv_of_the_seed(seed_plan, tmp_path):
    path = tmp_path / "plan.csv"
    write_csv(seed_plan, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == list(CSV_HEADERS)
    assert len(rows) == 101
    first = dict(zip(rows[0], rows[1]))
    assert first["序号"] == "1"
    assert first["领域"] == "优化提升空间发展格局"
    assert first["参与单位"] == "省工业和信息化厅、省交通运输厅、大湾区内地各市"
    assert first["涉及地市"].startswith("广州市、深圳市")


def test_extra_fields_become_columns_and_quotes_survive(tmp_path):
    plan = Plan(sections=[Section(1, "甲")], extra_fields=["督办"])
    plan.tasks = [Task(1, 1, 'a,"b"', "多行\n内容", ["省科技厅"], extra={"督办": "是"})]
    path = tmp_path / "p.csv"
    write_csv(plan, path)
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    assert rows[0][-1] == "督办" and rows[1][-1] == "是"
    assert rows[1][2] == 'a,"b"' and rows[1][3] == "多行\n内容"
