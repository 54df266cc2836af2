"""CSV export: UTF-8 with BOM (so Excel shows Chinese), one row per task, units joined by 、."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from taskmatrix.io.atomic import atomic_write_bytes
from taskmatrix.model.plan import Plan
from taskmatrix.model.queries import task_cities

CSV_HEADERS = (
    "序号", "领域", "重点任务", "具体内容", "牵头单位", "参与单位", "涉及地市",
    "完成时限", "状态", "进展情况", "备注",
)


def csv_text(plan: Plan) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(list(CSV_HEADERS) + plan.extra_fields)
    registry = plan.registry
    titles = {s.number: s.title for s in plan.sections}
    for t in plan.tasks:
        writer.writerow([
            t.number, titles.get(t.section, "") if t.section is not None else "", t.title, t.body,
            "、".join(t.leads), "、".join(t.participants), "、".join(task_cities(t, registry)),
            t.deadline, t.status, t.progress, t.notes,
        ] + [t.extra.get(name, "") for name in plan.extra_fields])
    return out.getvalue()


def write_csv(plan: Plan, path: str | Path, backup: bool = True) -> None:
    atomic_write_bytes(path, csv_text(plan).encode("utf-8-sig"), backup=backup)
