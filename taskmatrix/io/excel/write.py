"""Writing the canonical workbook (FORMATS.md §2): 任务分工表, 责任矩阵, 单位汇总, other sheets.

The layout is described once (:func:`_write_layout`) against a small sink interface with
two back ends: XlsxWriter, for a workbook of the app's own sheets; and SpreadsheetML text
spliced into the source package (:mod:`taskmatrix.io.excel.splice`), for a plan opened from
a workbook whose other sheets (charts, pivot tables, pictures) must stay as they were.
Text is always written as text (never a formula); control characters, which Excel cannot
hold, are removed and reported; a cell over Excel's 32,767-character limit is refused.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from taskmatrix.io.atomic import atomic_write
from taskmatrix.io.errors import Cancelled, Notice, PlanSaveError
from taskmatrix.io.excel import layout as L
from taskmatrix.io.excel.cleaning import Cleaner
from taskmatrix.io.excel.indicators import SHEET as INDICATOR_SHEET, indicator_property, write_indicator_sheet
from taskmatrix.io.excel.rounds import round_properties, round_sheet_names, write_round_sheet
from taskmatrix.io.excel.sheetlayout import PageSetup, row_height
from taskmatrix.io.excel.sinks import STYLES, BookSink, SheetSink, XlsxWriterBook, XmlBook, style_xml
from taskmatrix.io.result import Progress
from taskmatrix.model.fields import extra_key, field_of
from taskmatrix.model.indicators import indicators_of
from taskmatrix.model.plan import STATUSES, Plan, SourceLook, task_fingerprint
from taskmatrix.model.queries import unit_counts
from taskmatrix.model.resplist import join_units
from taskmatrix.model.units import GROUP_CATEGORY, UNREGISTERED_LABEL

EXCEL_CELL_LIMIT = 32767
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")

# (min, max) widths of the task sheet's columns, in Excel character units.
_WIDTH_LIMITS = {
    "number": (6, 6), "title": (14, 30), "body": (30, 60), "leads": (12, 24), "participants": (16, 40),
    "deadline": (10, 14), "status": (8, 10), "progress": (14, 40), "notes": (8, 20), "extra": (8, 30),
}


SUMMARY_WIDTHS = [24.0, 12.0, 10.0, 10.0, 30.0, 40.0, 24.0, 30.0]
FOOTER = "&C第 &P 页 共 &N 页"
#: Margins in inches: narrow at the sides (a wide table), room for the footer at the bottom.
DEFAULT_MARGINS = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.7, "header": 0.3, "footer": 0.3}


def write_xlsx(plan: Plan, path: str | Path, backup: bool = True,
               progress: Progress | None = None) -> list[Notice]:
    """Write ``plan`` as the canonical workbook, atomically; return what was cleaned."""
    cleaner = Cleaner()
    _check_limits(plan, path)

    def produce(tmp: Path) -> None:
        with _no_collection():
            if plan.foreign is not None and plan.foreign.sheets:
                _write_splice(plan, tmp, cleaner, progress, Path(path))
            else:
                _write_xlsxwriter(plan, tmp, cleaner, progress)

    atomic_write(path, produce, backup=backup)
    return cleaner.notices()


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """The cyclic garbage collector paused: writing makes millions of short-lived objects, none
    in cycles, and each collection would walk the whole open plan (a tenth of the save's time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- the layout ---------------------------------------------------------------------------------
def sheet_names(taken: list[str]) -> tuple[str, str, str]:
    """Names for the three generated sheets that do not clash with kept sheets."""
    names: list[str] = list(taken)
    out = []
    for wanted in (L.TASK_SHEET, L.MATRIX_SHEET, L.SUMMARY_SHEET):
        name = safe_sheet_name(wanted, names)
        names.append(name)
        out.append(name)
    return out[0], out[1], out[2]


def safe_sheet_name(name: str, taken: list[str]) -> str:
    """A valid, unused sheet name: no []:*?/\\, at most 31 characters, unique ignoring case."""
    base = _BAD_SHEET_CHARS.sub("_", name).strip("'") or "Sheet"
    base = base[:31]
    lower = {t.lower() for t in taken}
    candidate, n = base, 2
    while candidate.lower() in lower:
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    return candidate


def _write_layout(plan: Plan, book: BookSink, names: tuple[str, str, str], cleaner: Cleaner,
                  progress: Progress | None) -> list[str]:
    """Our sheets: the task sheet, the matrix, the summary, a progress sheet per round, the
    indicators; returns the names of the sheets after the summary."""
    _task_sheet(plan, book.add_sheet(names[0]), cleaner, progress)
    _step(progress, 70)
    _matrix_sheet(plan, book.add_sheet(names[1]), cleaner)
    _step(progress, 85)
    _summary_sheet(plan, book.add_sheet(names[2]), cleaner)
    taken = list(names) + (list(plan.foreign.sheets) if plan.foreign is not None else [])
    round_names = round_sheet_names(plan, taken, safe_sheet_name)
    for round_, name in zip(plan.rounds, round_names):
        write_round_sheet(plan, round_, book.add_sheet(name), cleaner, _page(None, repeat_row=0))
    indicators = indicators_of(plan)  # read from the bodies once per save
    if plan.indicators is not None or indicators:
        name = safe_sheet_name(INDICATOR_SHEET, taken + round_names)
        write_indicator_sheet(plan, indicators, book.add_sheet(name), cleaner, _page(None, repeat_row=0))
        round_names = [*round_names, name]
    _step(progress, 90)
    return round_names


def _task_sheet(plan: Plan, ws: SheetSink, cleaner: Cleaner, progress: Progress | None) -> None:
    columns = list(L.CANONICAL_COLUMNS) + [(extra_key(name), name) for name in plan.extra_fields]
    keys = [key for key, _ in columns]
    cell_texts = [field_of(key).display(plan) for key in keys]
    ncols = len(columns)
    look = plan.foreign.look if plan.foreign is not None else None
    widths = _task_widths(plan, columns, look)
    size = STYLES["cell"]["size"]
    title = cleaner.text(L.rendered_title(plan.title), None)
    ws.merge(0, 0, ncols - 1, title, "title")
    ws.height(0, max(36.0, row_height([title], [sum(widths) * 0.9], STYLES["title"]["size"])))
    headers = [cleaner.text(header, None) for _, header in columns]
    for c, header in enumerate(headers):
        ws.write(1, c, header, "header")
    ws.height(1, max(24.0, row_height(headers, widths, STYLES["header"]["size"])))
    sections = {s.number: s for s in plan.sections}
    written_sections: set[int] = set()
    row = 2
    current: int | None = None
    total = len(plan.tasks)
    heights = look.heights if look is not None else {}
    section_height = row_height(["一"], [10.0], STYLES["section"]["size"])

    def section_row(number: int) -> None:
        nonlocal row
        ws.merge(row, 0, ncols - 1, cleaner.text(sections[number].label, None), "section")
        ws.height(row, section_height)
        written_sections.add(number)
        row += 1

    order = [s.number for s in plan.sections]
    for i, task in enumerate(plan.tasks):
        if i % 2000 == 0:
            _step(progress, 5 + int(60 * i / max(total, 1)))
        if task.section != current and task.section is not None:
            # Empty sections that come before this one keep their place.
            for number in order[: order.index(task.section)]:
                if number not in written_sections:
                    section_row(number)
            section_row(task.section)
        current = task.section
        texts = []
        for c, key in enumerate(keys):
            if key == "number":
                ws.write(row, c, task.number, "center")
                texts.append("")
                continue
            value = cell_texts[c](task)
            if value:
                value = cleaner.text(value, task.number)
            texts.append(value)
            ws.write(row, c, value, "center" if key in ("deadline", "status") else "cell")
        # A row the user did not change keeps the source's height; others fit their text.
        kept = heights.get(task_fingerprint(task)) if heights else None
        ws.height(row, kept if kept is not None else row_height(texts, widths, size))
        row += 1
    for number in order:
        if number not in written_sections:
            section_row(number)
    ws.widths(widths)
    ws.freeze(2, 0)
    ws.print_setup(_page(look, repeat_row=1))
    status_col = keys.index("status")
    ws.list_validation(2, status_col, max(row - 1, 2) + 1000, list(STATUSES))


def _task_widths(plan: Plan, columns: list[tuple[str, str]], look: SourceLook | None) -> list[float]:
    """Column widths: the source's, where it had the column; else fitted to the text (capped)."""
    widths = [float(display_width_floor(key)) for key, _ in columns]
    limits = [_WIDTH_LIMITS.get("extra" if key.startswith("extra:") else key, (8, 30)) for key, _ in columns]
    fixed = look.widths if look is not None else {}
    for c, (key, header) in enumerate(columns):
        if key in fixed:
            widths[c] = fixed[key]
            continue
        widths[c] = max(widths[c], min(L.display_width(header) + 2, limits[c][1]))
        if key == "number":
            continue
        text = field_of(key).display(plan)
        for task in plan.tasks:
            if widths[c] >= limits[c][1]:
                break
            value = text(task)
            if value:
                widths[c] = max(widths[c], min(L.display_width(value) + 2, limits[c][1]))
        widths[c] = max(widths[c], limits[c][0])
    return widths


def _page(look: SourceLook | None, repeat_row: int | None, landscape: bool = True) -> PageSetup:
    """The print set-up: the source's where it set one (orientation, margins, footer), else A4
    landscape, fit to the page width, the header row on every page, 第 X 页 共 Y 页."""
    page = PageSetup(landscape=landscape, paper=9, fit_width=1, fit_height=0, margins=dict(DEFAULT_MARGINS),
                     footer=FOOTER)
    source = look.page if look is not None else None
    if isinstance(source, PageSetup):
        if source.landscape is not None:
            page.landscape = source.landscape
        page.margins.update(source.margins)
        page.footer = source.footer or FOOTER
        page.header = source.header
    page.repeat_row = repeat_row
    return page


def display_width_floor(key: str) -> int:
    return _WIDTH_LIMITS.get("extra" if key.startswith("extra:") else key, (8, 30))[0]


def _matrix_sheet(plan: Plan, ws: SheetSink, cleaner: Cleaner) -> None:
    units = plan.all_unit_names()
    column = {u: 2 + i for i, u in enumerate(units)}
    ws.write(0, 0, "序号", "header")
    ws.write(0, 1, "重点任务", "header")
    for unit, c in column.items():
        ws.write(0, c, cleaner.text(unit, None), "header")
    ws.height(0, 84)
    lead_count = dict.fromkeys(units, 0)
    part_count = dict.fromkeys(units, 0)
    row = 1
    size = STYLES["cell"]["size"]
    for task in plan.tasks:
        ws.write(row, 0, task.number, "center")
        title = cleaner.text(task.title, task.number)
        ws.write(row, 1, title, "cell")
        ws.height(row, row_height([title], [30.0], size))
        for unit in task.leads:
            ws.write(row, column[unit], L.MATRIX_LEAD, "center")
            lead_count[unit] += 1
        for unit in task.participants:
            if unit not in task.leads:
                ws.write(row, column[unit], L.MATRIX_PART, "center")
                part_count[unit] += 1
        row += 1
    for label, counts in ((L.MATRIX_LEAD_TOTAL, lead_count), (L.MATRIX_PART_TOTAL, part_count)):
        ws.write(row, 0, label, "total")
        ws.write(row, 1, "", "total")
        for unit, c in column.items():
            ws.write(row, c, counts[unit], "total")
        row += 1
    ws.widths([10, 30] + [6] * len(units))
    ws.freeze(1, 2)
    ws.print_setup(_page(None, repeat_row=0))


def _summary_sheet(plan: Plan, ws: SheetSink, cleaner: Cleaner) -> None:
    for c, header in enumerate(L.SUMMARY_HEADERS):
        ws.write(0, c, header, "header")
    counts = unit_counts(plan)
    leads: dict[str, list[str]] = {}
    parts: dict[str, list[str]] = {}
    for task in plan.tasks:
        for name in task.leads:
            leads.setdefault(name, []).append(str(task.number))
        for name in task.participants:
            if name not in task.leads:
                parts.setdefault(name, []).append(str(task.number))
    registry = plan.registry
    row = 1
    size = STYLES["cell"]["size"]
    for name in plan.all_unit_names():
        unit = registry.get(name)
        lead, part = counts.get(name, (0, 0))
        values: list[str | int] = [
            cleaner.text(name, None), unit.category if unit else UNREGISTERED_LABEL, lead, part,
            "、".join(leads.get(name, [])), "、".join(parts.get(name, [])),
            cleaner.text("、".join(unit.aliases), None) if unit else "",
            "、".join(unit.members) if unit and unit.category == GROUP_CATEGORY else "",
        ]
        for c, value in enumerate(values):
            ws.write(row, c, value, "center" if isinstance(value, int) else "cell")
        ws.height(row, row_height([v if isinstance(v, str) else "" for v in values], SUMMARY_WIDTHS, size))
        row += 1
    ws.widths(SUMMARY_WIDTHS)
    ws.freeze(1, 1)
    ws.print_setup(_page(None, repeat_row=0))


def _properties(plan: Plan, names: tuple[str, str, str], more: list[str]) -> dict[str, str]:
    rounds = more[:len(plan.rounds)]
    indicators = indicator_property(plan, more[len(plan.rounds)]) if len(more) > len(plan.rounds) else {}
    return {L.MARKER_PROPERTY: "taskmatrix/1", L.SHEETS_PROPERTY: "|".join(names),
            **round_properties(plan, rounds), **indicators}


# -- checks and cleaning -------------------------------------------------------------------------
def _check_limits(plan: Plan, path: str | Path) -> None:
    for task in plan.tasks:
        values = [task.title, task.body, task.deadline, task.status, task.progress, task.notes,
                  join_units(task.leads), join_units(task.participants), *task.extra.values()]
        for value in values:
            if len(value) > EXCEL_CELL_LIMIT:
                raise PlanSaveError(
                    path, "task {number} has a text of {length} characters; an Excel cell holds at most 32,767",
                    number=task.number, length=len(value))
    if len(plan.preamble) > EXCEL_CELL_LIMIT * 8:
        raise PlanSaveError(path, "the preamble is too long to store in a workbook")
    others = [L.rendered_title(plan.title), *(s.label for s in plan.sections), *plan.extra_fields,
              *plan.all_unit_names(),
              *(text for i in plan.indicators or [] for text in (i.text, i.measure, i.source))]
    longest = max(others, key=len)
    if len(longest) > EXCEL_CELL_LIMIT:
        raise PlanSaveError(path, "a title, section, column, unit name or indicator of {length} characters is "
                                  "longer than an Excel cell holds (32,767): “{start}…”", length=len(longest),
                            start=longest[:20])


def _step(progress: Progress | None, percent: int) -> None:
    if progress is not None and progress(percent, 100) is False:
        raise Cancelled()


# -- the two back ends: XlsxWriter for a new workbook, the package splice to keep another's parts --
def _write_xlsxwriter(plan: Plan, target: Any, cleaner: Cleaner, progress: Progress | None) -> None:
    book = XlsxWriterBook(str(target) if isinstance(target, Path) else target)
    names = sheet_names([])
    round_names = _write_layout(plan, book, names, cleaner, progress)
    book.workbook.set_properties({"title": cleaner.text(plan.title, None),
                                  "comments": cleaner.text(plan.preamble, None)})
    for key, value in _properties(plan, names, round_names).items():
        book.workbook.set_custom_property(key, value)
    _step(progress, 95)
    book.workbook.close()


def _write_splice(plan: Plan, target: Path, cleaner: Cleaner, progress: Progress | None, path: Path) -> None:
    from taskmatrix.io.excel.splice import splice_workbook

    foreign = plan.foreign
    assert foreign is not None
    names = sheet_names(list(foreign.sheets))
    book = XmlBook()
    round_names = _write_layout(plan, book, names, cleaner, progress)
    _step(progress, 92)
    try:
        data = splice_workbook(foreign.workbook, foreign.replaced, book.sheets, style_xml(),
                               _properties(plan, names, round_names), cleaner.text(plan.title, None),
                               cleaner.text(plan.preamble, None))
    except PlanSaveError as exc:
        raise PlanSaveError(path, exc.template, None, **exc.params) from None
    _step(progress, 97)
    with open(target, "wb") as handle:
        handle.write(data)
