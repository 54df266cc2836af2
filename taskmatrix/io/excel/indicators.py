"""The workbook's ``指标`` sheet: the plan's quantitative targets, a row each (序号, 指标, 目标值,
单位, 年份, 比较, 原文), the actual value of each round and whether the latest one meets the
target. A workbook the app wrote says in ``taskmatrix.indicators`` (``sheet|kept``) which sheet
holds them and whether the user had kept them; kept ones are read back as written."""

from __future__ import annotations

from typing import Any

from taskmatrix.io.excel import layout as L
from taskmatrix.io.excel.cleaning import Cleaner
from taskmatrix.io.excel.sheetlayout import PageSetup, RowHeights
from taskmatrix.io.excel.sinks import STYLES, SheetSink
from taskmatrix.model.indicators import COMPARISONS, Indicator, indicators_of
from taskmatrix.model.plan import Plan

SHEET = "指标"
PROPERTY = "taskmatrix.indicators"
COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6), ("指标", 30), ("目标值", 14), ("单位", 10), ("年份", 8), ("比较", 6), ("原文", 50))
MET = {True: "达标", False: "未达标", None: ""}


def _number(value: float | None) -> int | float | str:
    if value is None:
        return ""
    return int(value) if float(value).is_integer() and abs(value) < 2 ** 53 else value


def write_indicator_sheet(plan: Plan, ws: SheetSink, cleaner: Cleaner, page: PageSetup) -> None:
    rounds = [r.name for r in plan.rounds]
    headers = [h for h, _ in COLUMNS] + [f"{name}实际值" for name in rounds] + ["达标情况"]
    widths = [w for _, w in COLUMNS] + [12.0] * len(rounds) + [10.0]
    for c, header in enumerate(headers):
        ws.write(0, c, cleaner.text(header, None), "header")
    ws.height(0, RowHeights(widths, STYLES["header"]["size"])(headers))  # 2019年第一季度实际值 wraps
    height = RowHeights(widths, STYLES["cell"]["size"])
    for r, indicator in enumerate(indicators_of(plan), start=1):
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


def read_indicator_sheet(plan: Plan, rows: list[list[Any]]) -> tuple[list[Indicator], int]:
    """The indicators of a sheet the app wrote, and how many rows were left out (no such task)."""
    if not rows:
        return [], 0
    header = [L.cell_text(v) for v in rows[0]]
    rounds = {c: h[:-len("实际值")] for c, h in enumerate(header) if c >= len(COLUMNS) and h.endswith("实际值")}
    numbers = {t.number for t in plan.tasks}
    found, missing = [], 0
    for row in rows[1:]:
        values = list(row) + [""] * (len(header) - len(row))
        number = L.parse_number(values[0])
        if number is None or number not in numbers:
            missing += any(L.cell_text(v) for v in values)
            continue
        comparison = L.cell_text(values[5]) or ">="
        year = L.parse_number(values[4])
        actuals = {name: v for c, name in rounds.items() if (v := _float(values[c])) is not None}
        found.append(Indicator(number, L.cell_text(values[1], strip=False), _float(values[2]),
                               L.cell_text(values[3], strip=False), year,
                               comparison if comparison in COMPARISONS else ">=",
                               L.cell_text(values[6], strip=False), actuals))
    return found, missing


def _float(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip()) if str(value).strip() else None
    except ValueError:
        return None
