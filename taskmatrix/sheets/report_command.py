"""``main.py report PLAN OUT.{xlsx,pdf,csv} [--round NAME] [--unit U] [--as-of YYYY-MM-DD]``: the
round's progress report (the last round when none is named), lights as of the day given."""

from __future__ import annotations

import datetime as _dt
import difflib
import sys
from pathlib import Path

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.model.plan import Plan
from taskmatrix.model.rounds import Round, find_round
from taskmatrix.sheets.command import resolve_units
from taskmatrix.sheets.progress import HEADERS, progress_report, report_sheet

SUFFIXES = (".xlsx", ".pdf", ".csv")
#: Column widths of the report workbook (Excel characters).
XLSX_WIDTHS = (6, 26, 14, 12, 8, 8, 40, 26, 26, 9)


def as_of_date(text: str | None, src: Path) -> _dt.date:
    if not text:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise PlanFormatError(src, "--as-of “{text}” is not a date (YYYY-MM-DD)", text=text) from None


def choose_round(plan: Plan, name: str | None, src: Path) -> Round:
    if not plan.rounds:
        raise PlanFormatError(src, "the plan has no reporting rounds yet (add one in the app)")
    if not name:
        return plan.rounds[-1]
    found = find_round(plan, name.strip())
    if found is None:
        names = [r.name for r in plan.rounds]
        close = difflib.get_close_matches(name.strip(), names, n=5, cutoff=0.3) or names[-5:]
        raise PlanFormatError(src, "no round named “{name}”; the plan's rounds include: {names}", name=name,
                              names="、".join(close))
    return found


def write_report(plan: Plan, src: Path, dest: Path, round_name: str | None, unit: str | None,
                 as_of_text: str | None) -> int:
    suffix = dest.suffix.lower()
    if suffix not in SUFFIXES:
        raise PlanFormatError(dest, "a progress report is written as .xlsx, .pdf or .csv")
    round_ = choose_round(plan, round_name, src)
    units = resolve_units(plan, [unit], src) if unit else [""]
    report = progress_report(plan, round_, units[0], as_of_date(as_of_text, src))
    if suffix == ".csv":
        from taskmatrix.io.tablefiles import write_table_csv

        write_table_csv(dest, HEADERS, report.rows)
    elif suffix == ".xlsx":
        from taskmatrix.io.tablefiles import write_table_xlsx

        write_table_xlsx(dest, "进展情况汇总表", f"{plan.title}{report.title}" if plan.title else report.title,
                         report.summary, HEADERS, XLSX_WIDTHS, report.rows, report_sheet(report).note)
    else:
        from taskmatrix.sheets.command import ensure_gui_application

        ensure_gui_application()
        from taskmatrix.sheets.render import Fonts, PrintOptions, choose_fonts, write_pdf
        from taskmatrix.sheets.statistics import round_stats_sheet

        fonts = choose_fonts() or Fonts("", "")
        sheets = [report_sheet(report)]
        if not units[0]:  # the whole plan's report ends with the round's statistics
            sheets.append(round_stats_sheet(plan, round_.name, report.as_of, fonts.body))
        write_pdf(sheets, dest, fonts, PrintOptions(landscape=True), title=plan.title)
    print(f"{dest}: {round_.name}, {len(report.rows)} report(s); " + "，".join(
        f"{k} {v}" for k, v in sorted(report.counts.items())), file=sys.stderr)
    return 0
