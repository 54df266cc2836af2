"""The statistics as paper and files: a printed 统计 sheet (each table, then its chart), and the
``stats`` command (.xlsx with the 统计 sheet, .csv, or .png of the charts)."""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.model.lights import Thresholds
from taskmatrix.model.plan import Plan
from taskmatrix.model.stats import StatTable, statistics
from taskmatrix.sheets.content import Sheet, SheetTable

SUFFIXES = (".xlsx", ".csv", ".png")
#: Bars on one printed chart.
CHART_ROWS = 22


def _cell(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def stats_sheet(plan: Plan, tables: Sequence[StatTable], charts: Sequence[tuple[str, bytes]] = ()) -> Sheet:
    """Every table under its title, then the charts (``charts``: name and PNG of each)."""
    printed = []
    notes = []
    for table in tables:
        header = list(table.header)
        if table.key == "unit_section":  # 一、优化提升空间发展格局 … as 一 …, named in the note
            header = [header[0], *(h.split("、")[0] for h in header[1:-1]), header[-1]]
            notes.append("；".join(table.header[1:-1]))
        first = 22 if len(header) > 6 else 34
        rest = (100 - first) // max(1, len(header) - 1)
        columns = ((header[0], first), *((h, rest) for h in header[1:]))
        printed.append(SheetTable(table.title, columns, [[_cell(v) for v in row] for row in table.rows],
                                  centred=tuple(range(1, len(header)))))
    rounds = [t.round_name for t in tables if t.round_name]
    summary = f"{len(plan.tasks)} 项任务" + (f"；{rounds[0]}" if rounds else "")
    return Sheet(name="统计", plan_title=plan.title, title="统计", summary=summary, tables=printed,
                 note="板块：" + "；".join(notes) if notes else "",
                 images=[(name, data, 100) for name, data in charts], sign_off=False)


def round_stats_sheet(plan: Plan, round_name: str, as_of: _dt.date | None, family: str,
                      thresholds: Thresholds | None = None) -> Sheet:
    """The round's tables (per lead unit, per section) with their charts: printed after the
    progress report of the whole plan."""
    tables = [t for t in statistics(plan, round_name, as_of, thresholds) if t.round_name]
    sheet = stats_sheet(plan, tables, chart_pngs(tables, family))
    sheet.title = f"{round_name}推进情况统计"
    return sheet


def chart_pngs(tables: Sequence[StatTable], family: str, width: int = 1600) -> list[tuple[str, bytes]]:
    """Each charted table as a PNG (a QGuiApplication must exist)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from taskmatrix.sheets.charts import chart_font, charts_image

    font = chart_font(family, 22)
    out = []
    for table in tables:
        if not table.chart:
            continue
        for n, part in enumerate(chart_parts(table)):
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            charts_image([part], font, width).save(buffer, "PNG")  # type: ignore[call-overload]
            buffer.close()
            out.append((f"chart-{table.key}-{n}.png", bytes(data.data())))
    return out


def chart_parts(table: StatTable, rows: int = CHART_ROWS) -> list[StatTable]:
    """A long table's chart in pieces of ``rows`` bars (a landscape page each, legible)."""
    bars = table.rows[:-1] if table.total else table.rows
    if len(bars) <= rows:
        return [table]
    parts = []
    biggest = max(sum(float(r[c]) for c in table.chart if isinstance(r[c], (int, float))) for r in bars)
    for start in range(0, len(bars), rows):  # one scale for all the pieces
        title = table.title if not start else f"{table.title}（续）"
        parts.append(replace(table, title=title, rows=bars[start:start + rows], total=False, scale=biggest))
    return parts


def write_stats(plan: Plan, src: Path, dest: Path, round_name: str | None, as_of_text: str | None) -> int:
    from taskmatrix.sheets.report_command import as_of_date, choose_round

    suffix = dest.suffix.lower()
    if suffix not in SUFFIXES:
        raise PlanFormatError(dest, "statistics are written as .xlsx, .csv or .png")
    chosen = choose_round(plan, round_name, src).name if round_name else None
    as_of: _dt.date = as_of_date(as_of_text, src)
    tables = statistics(plan, chosen, as_of)
    family = ""
    if suffix == ".png":
        from taskmatrix.sheets.command import ensure_gui_application

        ensure_gui_application()
        from taskmatrix.sheets.render import choose_fonts

        fonts = choose_fonts()
        if fonts is None:
            print("warning: no Chinese font is installed (for example fonts-wqy-microhei or fonts-noto-cjk): "
                  "the Chinese text in the picture will show as boxes", file=sys.stderr)
        family = fonts.body if fonts else ""
    write_stats_file(dest, plan, tables, family)
    print(f"{dest}: {len(tables)} table(s)", file=sys.stderr)
    return 0


def write_stats_file(path: Path, plan: Plan, tables: Sequence[StatTable], family: str = "") -> Path:
    """The statistics as ``path`` says by its suffix: .csv, .png (the charts, in ``family``; a
    QGuiApplication must exist), else a workbook (.xlsx added when missing). Returns the path
    written."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        from taskmatrix.io.statsfiles import write_stats_csv

        write_stats_csv(path, tables)
    elif suffix == ".png":
        from taskmatrix.sheets.charts import chart_font, charts_image, write_png

        write_png(charts_image(tables, chart_font(family, 18)), path)
    else:
        from taskmatrix.io.statsfiles import write_stats_xlsx

        path = path if suffix == ".xlsx" else path.with_suffix(".xlsx")
        write_stats_xlsx(path, f"{plan.title}统计" if plan.title else "统计", tables)
    return path
