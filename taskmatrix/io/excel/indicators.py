"""The workbook's ``指标`` sheet: the plan's quantitative targets, a row each (序号, 指标, 目标值,
单位, 年份, 比较, 原文), the actual value of each round and whether the latest one meets the
target. A workbook the app wrote says in ``taskmatrix.indicators`` (``sheet|kept``) which sheet
holds them and whether the user had kept them; kept ones are read back as written, and so are
ones edited in Excel (the sheet no longer what the bodies read)."""

from __future__ import annotations

import math
from typing import Any

from taskmatrix.io.errors import Notice
from taskmatrix.io.excel import layout as L
from taskmatrix.io.excel.cleaning import Cleaner
from taskmatrix.io.excel.sheetlayout import PageSetup, RowHeights
from taskmatrix.io.excel.sinks import STYLES, SheetSink
from taskmatrix.model.indicators import Indicator, plain_number, read_comparison, read_number
from taskmatrix.model.plan import Plan

SHEET = "指标"
PROPERTY = "taskmatrix.indicators"
COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6), ("指标", 30), ("目标值", 14), ("单位", 10), ("年份", 8), ("比较", 6), ("原文", 50))
MET = {True: "达标", False: "未达标", None: ""}


def _number(value: float | None) -> int | float | str:
    shown = plain_number(value)
    return "" if shown is None else shown


def write_indicator_sheet(plan: Plan, indicators: list[Indicator], ws: SheetSink, cleaner: Cleaner,
                          page: PageSetup) -> None:
    rounds = [r.name for r in plan.rounds]
    headers = [h for h, _ in COLUMNS] + [f"{name}实际值" for name in rounds] + ["达标情况"]
    widths = [w for _, w in COLUMNS] + [12.0] * len(rounds) + [10.0]
    for c, header in enumerate(headers):
        ws.write(0, c, cleaner.text(header, None), "header")
    ws.height(0, RowHeights(widths, STYLES["header"]["size"])(headers))  # 2019年第一季度实际值 wraps
    height = RowHeights(widths, STYLES["cell"]["size"])
    for r, indicator in enumerate(indicators, start=1):
        latest = indicator.latest(rounds)
        texts = cleaner.row([indicator.text, indicator.measure, indicator.source], indicator.task)
        values: list[Any] = [indicator.task, texts[0], _number(indicator.value), texts[1],
                             indicator.year if indicator.year is not None else "", indicator.comparison, texts[2]]
        values += [_number(indicator.actuals.get(name)) for name in rounds]
        values.append(MET[indicator.met(latest[1]) if latest else None])
        for c, value in enumerate(values):
            ws.write(r, c, value, "cell" if c in (1, 6) else "center")
        ws.height(r, height([str(v) for v in values]))
    ws.widths(widths)
    ws.freeze(1, 2)
    ws.print_setup(page)


def indicator_property(plan: Plan, sheet: str) -> dict[str, str]:
    return {PROPERTY: f"{sheet}|{1 if plan.indicators is not None else 0}"}


def kept_sheet(meta: dict[str, str]) -> tuple[str, bool] | None:
    """The indicator sheet a workbook the app wrote declares, and whether its rows were kept."""
    sheet, _, kept = meta.get(PROPERTY, "").partition("|")
    return (sheet, kept == "1") if sheet else None


def read_indicator_sheet(plan: Plan, rows: list[list[Any]], sheet: str) -> tuple[list[Indicator], list[Notice]]:
    """The indicators of a sheet the app wrote, its columns found by their headers (a column
    moved or added in Excel is no matter). A cell that does not read (目标值 ``约两百``, 比较
    ``大约``) is left empty and said; a row naming a task the plan does not have is kept."""
    if not rows:
        return [], []
    header = [L.cell_text(v) for v in rows[0]]
    where = {name: header.index(name) for name, _ in COLUMNS if name in header}
    rounds = {c: h[:-len("实际值")] for c, h in enumerate(header) if h.endswith("实际值") and len(h) > 3}
    numbers = {t.number for t in plan.tasks}
    found: list[Indicator] = []
    unread: list[str] = []
    orphans: list[int] = []

    def cell(row: list[Any], name: str) -> Any:
        column = where.get(name)
        return row[column] if column is not None and column < len(row) else None

    for r, row in enumerate(rows[1:], start=2):
        number = L.parse_number(cell(row, "序号"))
        if number is None:
            if any(L.cell_text(v) for v in row):
                unread.append(f"{r}:序号")
            continue
        if number not in numbers:
            orphans.append(number)
        value = _float(cell(row, "目标值"), f"{r}:目标值", unread)
        year = L.parse_number(cell(row, "年份"))
        if L.cell_text(cell(row, "年份")) and (year is None or not 1900 <= year <= 2200):
            unread.append(f"{r}:年份")
            year = None
        written = L.cell_text(cell(row, "比较"))
        try:
            comparison = read_comparison(written) if written else ">="
        except ValueError:
            unread.append(f"{r}:比较")
            comparison = ">="
        actuals = {}
        for c, name in rounds.items():
            actual = _float(row[c] if c < len(row) else None, f"{r}:{header[c]}", unread)
            if actual is not None:
                actuals[name] = actual
        found.append(Indicator(number, L.cell_text(cell(row, "指标"), strip=False), value,
                               L.cell_text(cell(row, "单位"), strip=False), year, comparison,
                               L.cell_text(cell(row, "原文"), strip=False), actuals))
    notices = []
    if unread:
        notices.append(Notice("cells of the indicator sheet “{sheet}” that do not read were left empty ({cells})",
                              kind="indicators", sheet=sheet, cells="、".join(unread[:10])))
    if orphans:
        notices.append(Notice("{count} rows of the indicator sheet “{sheet}” name tasks the plan does not have "
                              "(tasks {tasks}); they were kept", kind="indicators", sheet=sheet, count=len(orphans),
                              tasks="、".join(map(str, orphans[:10]))))
    return found, notices


def _float(value: Any, where: str, unread: list[str]) -> float | None:
    """A number from a cell (see :func:`read_number`); ``None`` for an empty cell or one that
    does not read (and said)."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if math.isfinite(value):
            return float(value)
        unread.append(where)
        return None
    try:
        return read_number(str(value)) if not isinstance(value, bool) else read_number("?")
    except ValueError:
        unread.append(where)
        return None
