"""The workbook's progress sheets: one per reporting round (``进展-2019年第一季度``), a row per
report (序号, 重点任务, 填报单位, 状态, 完成进度, 进展情况, 存在问题, 下步计划, 填报人, 填报日期, 亮灯).

The round's name, period and due date go into custom properties (one per round:
``taskmatrix.round.1`` = ``name|sheet|start|end|due``; the statuses in ``taskmatrix.statuses``),
so a workbook the app wrote reopens with its rounds exactly; the light is worked out again
(the sheet shows it as of the day it was saved). The task and matrix sheets are not touched.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from taskmatrix.io.excel import layout as L
from taskmatrix.io.excel.cleaning import Cleaner
from taskmatrix.io.excel.sheetlayout import PageSetup, RowHeights
from taskmatrix.io.excel.sinks import STYLES, SheetSink
from taskmatrix.model.lights import printed
from taskmatrix.model.plan import Plan
from taskmatrix.model.progress import Progress, report_rows
from taskmatrix.model.rounds import Entry, Round

SHEET_PREFIX = "进展-"
ROUND_PROPERTY = "taskmatrix.round."
STATUSES_PROPERTY = "taskmatrix.statuses"
#: A deadline the user corrected: ``taskmatrix.deadline.<task number>`` = ``kind|start|end|fuzzy``
#: (its text is the task's 完成时限 cell).
DEADLINE_PROPERTY = "taskmatrix.deadline."
COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6), ("重点任务", 24), ("填报单位", 16), ("状态", 9), ("完成进度", 9), ("进展情况", 36),
    ("存在问题", 24), ("下步计划", 24), ("填报人", 9), ("填报日期", 11), ("亮灯", 9))
WIDTHS = [w for _, w in COLUMNS]
TEXT_WIDTHS = WIDTHS[1:]  # the columns after 序号
STYLES_BY_COLUMN = ["center" if c in (0, 3, 4, 9, 10) else "cell" for c in range(len(COLUMNS))]


def round_sheet_names(plan: Plan, taken: list[str], safe: Any) -> list[str]:
    """A sheet name per round (``safe(name, taken)`` makes each valid and unique)."""
    names: list[str] = []
    for round_ in plan.rounds:
        name = safe(SHEET_PREFIX + round_.name, taken + names)
        names.append(name)
    return names


def write_round_sheet(plan: Plan, round_: Round, ws: SheetSink, cleaner: Cleaner, page: PageSetup,
                      as_of: _dt.date | None = None) -> None:
    progress = Progress(plan, round_.name, as_of=as_of)
    for c, (header, _) in enumerate(COLUMNS):
        ws.write(0, c, header, "header")
    height = RowHeights(TEXT_WIDTHS, STYLES["cell"]["size"])
    rows: list[list[str | int]] = []
    heights: list[float] = []
    for task, entry in report_rows(plan, round_.name):
        percent = "" if entry.percent is None else f"{entry.percent:g}%"
        texts = cleaner.row([task.title, entry.unit, entry.status, percent, entry.progress, entry.problems,
                             entry.next_steps, entry.reporter, entry.date.isoformat() if entry.date else "",
                             printed(progress.light_of_entry(task, entry if not entry.is_empty() else None))],
                            task.number)
        heights.append(height(texts))
        rows.append([task.number, *texts])
    ws.rows(1, rows, STYLES_BY_COLUMN, heights)
    ws.widths(WIDTHS)
    ws.freeze(1, 2)
    ws.print_setup(page)


def round_properties(plan: Plan, sheets: list[str]) -> dict[str, str]:
    props = {STATUSES_PROPERTY: "|".join(plan.statuses)}
    for i, (round_, sheet) in enumerate(zip(plan.rounds, sheets), start=1):
        props[f"{ROUND_PROPERTY}{i}"] = "|".join(
            [round_.name.replace("|", "｜"), sheet, *(_iso(d) for d in (round_.start, round_.end, round_.due))])
    for task in plan.tasks:
        if task.due is not None:
            due = task.due
            props[f"{DEADLINE_PROPERTY}{task.number}"] = "|".join(
                [due.kind, _iso(due.start), _iso(due.end), "1" if due.fuzzy else "0"])
    return props


def read_corrected_deadlines(plan: Plan, meta: dict[str, str]) -> None:
    """Put back the deadlines the user corrected (a property that does not read is ignored)."""
    from taskmatrix.model.deadlines import KINDS, Deadline

    by_number = {t.number: t for t in plan.tasks}
    for key, value in meta.items():
        if not key.startswith(DEADLINE_PROPERTY):
            continue
        number = L.parse_number(key[len(DEADLINE_PROPERTY):])
        task = by_number.get(number) if number is not None else None
        parts = value.split("|")
        if task is None or len(parts) != 4 or parts[0] not in KINDS:
            continue
        task.due = Deadline(task.deadline, parts[0], _day(parts[1]), _day(parts[2]), parts[3] == "1")


def _iso(day: _dt.date | None) -> str:
    return day.isoformat() if day else ""


def rounds_in(meta: dict[str, str]) -> list[tuple[Round, str]]:
    """The rounds a workbook the app wrote declares, with their sheets, in order."""
    found = []
    i = 1
    while f"{ROUND_PROPERTY}{i}" in meta:
        parts = meta[f"{ROUND_PROPERTY}{i}"].split("|")
        i += 1
        if len(parts) != 5 or not parts[0]:
            continue
        found.append((Round(parts[0], *(_day(p) for p in parts[2:])), parts[1]))
    return found


def _day(text: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def read_round_sheet(plan: Plan, round_: Round, rows: list[list[Any]], path: Path) -> int:
    """The reports of a progress sheet the app wrote into the plan's tasks; returns how many rows
    named no task of the plan (kept out, and said)."""
    by_number = {t.number: t for t in plan.tasks}
    missing = 0
    for row in rows[1:]:
        values = [L.cell_text(v, strip=False) for v in row] + [""] * (len(COLUMNS) - len(row))
        number = L.parse_number(row[0]) if row else None
        task = by_number.get(number) if number is not None else None
        if task is None:
            missing += any(values)
            continue
        percent = _percent(values[4])
        entry = Entry(values[2], values[3], percent, values[5], values[6], values[7], values[8], _day(values[9]))
        if not entry.is_empty():
            task.reports.setdefault(round_.name, {})[entry.unit] = entry
    return missing


def _percent(text: str) -> float | None:
    text = text.strip().rstrip("%％")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 <= value <= 100 else None
