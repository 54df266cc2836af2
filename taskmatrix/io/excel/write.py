"""Writing the canonical workbook (FORMATS.md §2): 任务分工表, 责任矩阵, 单位汇总, other sheets.

The layout is described once (:func:`_write_layout`) against a small sink interface with
two back ends: XlsxWriter, for a workbook of the app's own sheets; and SpreadsheetML text
spliced into the source package (:mod:`taskmatrix.io.excel.splice`), for a plan opened from
a workbook whose other sheets (charts, pivot tables, pictures) must stay as they were.
Text is always written as text (never a formula); control characters, which Excel cannot
hold, are removed and reported; a cell over Excel's 32,767-character limit is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from taskmatrix.io.atomic import atomic_write
from taskmatrix.io.errors import Cancelled, Notice, PlanSaveError
from taskmatrix.io.excel import layout as L
from taskmatrix.io.excel.sheetlayout import PageSetup, row_height
from taskmatrix.io.excel.sheetxml import XmlSheet
from taskmatrix.model.fields import extra_key, field_of
from taskmatrix.model.plan import STATUSES, Plan, SourceLook, task_fingerprint
from taskmatrix.model.queries import unit_counts
from taskmatrix.model.resplist import join_units
from taskmatrix.model.units import GROUP_CATEGORY, UNREGISTERED_LABEL

Progress = Callable[[int, int], bool]
EXCEL_CELL_LIMIT = 32767
FONT = "宋体"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")

#: Cell styles, defined once for both back ends.
STYLES: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "size": 16, "align": "center", "wrap": True},
    "header": {"bold": True, "size": 11, "align": "center", "wrap": True, "border": True, "fill": "D9E1F2"},
    "section": {"bold": True, "size": 11, "align": "left", "wrap": False, "border": True, "fill": "F2F2F2"},
    "cell": {"size": 10.5, "align": "left", "wrap": True, "border": True},
    "center": {"size": 10.5, "align": "center", "wrap": True, "border": True},
    "total": {"bold": True, "size": 10.5, "align": "center", "wrap": True, "border": True, "fill": "F2F2F2"},
}
# (min, max) widths of the task sheet's columns, in Excel character units.
_WIDTH_LIMITS = {
    "number": (6, 6), "title": (14, 30), "body": (30, 60), "leads": (12, 24), "participants": (16, 40),
    "deadline": (10, 14), "status": (8, 10), "progress": (14, 40), "notes": (8, 20), "extra": (8, 30),
}


SUMMARY_WIDTHS = [24.0, 12.0, 10.0, 10.0, 30.0, 40.0, 24.0, 30.0]
FOOTER = "&C第 &P 页 共 &N 页"
#: Margins in inches: narrow at the sides (a wide table), room for the footer at the bottom.
DEFAULT_MARGINS = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.7, "header": 0.3, "footer": 0.3}


class SheetSink(Protocol):
    def write(self, row: int, col: int, value: str | int, style: str) -> None: ...
    def merge(self, row: int, first_col: int, last_col: int, value: str, style: str) -> None: ...
    def widths(self, widths: Sequence[float]) -> None: ...
    def height(self, row: int, points: float) -> None: ...
    def freeze(self, row: int, col: int) -> None: ...
    def print_setup(self, page: PageSetup) -> None: ...
    def list_validation(self, first_row: int, col: int, last_row: int, options: list[str]) -> None: ...


class BookSink(Protocol):
    def add_sheet(self, name: str) -> SheetSink: ...


def write_xlsx(plan: Plan, path: str | Path, backup: bool = True,
               progress: Progress | None = None) -> list[Notice]:
    """Write ``plan`` as the canonical workbook, atomically; return what was cleaned."""
    cleaner = _Cleaner()
    _check_limits(plan, path)

    def produce(tmp: Path) -> None:
        if plan.foreign is not None and plan.foreign.sheets:
            _write_splice(plan, tmp, cleaner, progress, Path(path))
        else:
            _write_xlsxwriter(plan, tmp, cleaner, progress)

    atomic_write(path, produce, backup=backup)
    return cleaner.notices()


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


def _write_layout(plan: Plan, book: BookSink, names: tuple[str, str, str], cleaner: _Cleaner,
                  progress: Progress | None) -> None:
    _task_sheet(plan, book.add_sheet(names[0]), cleaner, progress)
    _step(progress, 70)
    _matrix_sheet(plan, book.add_sheet(names[1]), cleaner)
    _step(progress, 90)
    _summary_sheet(plan, book.add_sheet(names[2]), cleaner)


def _task_sheet(plan: Plan, ws: SheetSink, cleaner: _Cleaner, progress: Progress | None) -> None:
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


def _matrix_sheet(plan: Plan, ws: SheetSink, cleaner: _Cleaner) -> None:
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


def _summary_sheet(plan: Plan, ws: SheetSink, cleaner: _Cleaner) -> None:
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


def _properties(plan: Plan, names: tuple[str, str, str]) -> dict[str, str]:
    return {L.MARKER_PROPERTY: "taskmatrix/1", L.SHEETS_PROPERTY: "|".join(names)}


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
              *plan.all_unit_names()]
    longest = max(others, key=len)
    if len(longest) > EXCEL_CELL_LIMIT:
        raise PlanSaveError(path, "a title, section, column or unit name of {length} characters is longer than "
                                  "an Excel cell holds (32,767): “{start}…”", length=len(longest), start=longest[:20])


class _Cleaner:
    """Removes characters Excel cannot hold, remembering where it did."""

    def __init__(self) -> None:
        self.cells = 0
        self.tasks: list[int] = []
        self.returns = 0  # cells whose \r or \r\n line breaks became \n
        self.return_tasks: list[int] = []

    def text(self, value: str, task: int | None) -> str:
        if "\r" in value:  # a workbook keeps line breaks as \n: say so, once, rather than change it quietly
            value = value.replace("\r\n", "\n").replace("\r", "\n")
            self.returns += 1
            if task is not None and task not in self.return_tasks:
                self.return_tasks.append(task)
        if _CONTROL.search(value) is None:
            return value
        self.cells += 1
        if task is not None and task not in self.tasks:
            self.tasks.append(task)
        return _CONTROL.sub("", value)

    def notices(self) -> list[Notice]:
        found = []
        if self.returns:
            found.append(Notice("carriage returns (CR, CR LF) in {cells} cells were saved as Excel's line break (LF) "
                                "(tasks {tasks})", cells=self.returns,
                                tasks=", ".join(map(str, self.return_tasks[:20])) or "-"))
        if self.cells:
            found.append(Notice("control characters Excel cannot hold were removed from {cells} cells (tasks {tasks})",
                                cells=self.cells, tasks=", ".join(map(str, self.tasks[:20])) or "-"))
        return found


def _step(progress: Progress | None, percent: int) -> None:
    if progress is not None and progress(percent, 100) is False:
        raise Cancelled()


# -- XlsxWriter back end ---------------------------------------------------------------------------
class _XlsxWriterBook:
    def __init__(self, target: Any) -> None:
        import xlsxwriter

        options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
                   "in_memory": True}
        self.workbook = xlsxwriter.Workbook(target, options)
        self.formats = {name: self.workbook.add_format(_xlsxwriter_format(spec)) for name, spec in STYLES.items()}

    def add_sheet(self, name: str) -> SheetSink:
        return _XlsxWriterSheet(self.workbook.add_worksheet(name), self.formats)


def _xlsxwriter_format(spec: dict[str, Any]) -> dict[str, Any]:
    fmt: dict[str, Any] = {"font_name": FONT, "font_size": spec["size"], "valign": "vcenter",
                           "align": spec["align"], "text_wrap": spec["wrap"], "bold": spec.get("bold", False)}
    if spec.get("border"):
        fmt["border"] = 1
    if spec.get("fill"):
        fmt["bg_color"] = "#" + spec["fill"]
        fmt["pattern"] = 1
    return fmt


class _XlsxWriterSheet:
    def __init__(self, ws: Any, formats: dict[str, Any]) -> None:
        self.ws = ws
        self.formats = formats

    def write(self, row: int, col: int, value: str | int, style: str) -> None:
        if isinstance(value, str):
            self.ws.write_string(row, col, value, self.formats[style])
        else:
            self.ws.write_number(row, col, value, self.formats[style])

    def merge(self, row: int, first_col: int, last_col: int, value: str, style: str) -> None:
        if last_col > first_col:
            self.ws.merge_range(row, first_col, row, last_col, "", self.formats[style])
        self.ws.write_string(row, first_col, value, self.formats[style])

    def widths(self, widths: Sequence[float]) -> None:
        for c, width in enumerate(widths):
            self.ws.set_column(c, c, width)

    def height(self, row: int, points: float) -> None:
        self.ws.set_row(row, points)

    def freeze(self, row: int, col: int) -> None:
        self.ws.freeze_panes(row, col)

    def print_setup(self, page: PageSetup) -> None:
        self.ws.set_paper(page.paper or 9)
        if page.landscape:
            self.ws.set_landscape()
        else:
            self.ws.set_portrait()
        if page.repeat_row is not None:
            self.ws.repeat_rows(page.repeat_row)
        self.ws.fit_to_pages(page.fit_width or 1, page.fit_height or 0)
        m = page.margins
        self.ws.set_margins(left=m["left"], right=m["right"], top=m["top"], bottom=m["bottom"])
        self.ws.set_footer(page.footer, {"margin": m.get("footer", 0.3)})
        if page.header:
            self.ws.set_header(page.header, {"margin": m.get("header", 0.3)})

    def list_validation(self, first_row: int, col: int, last_row: int, options: list[str]) -> None:
        self.ws.data_validation(first_row, col, last_row, col, {
            "validate": "list", "source": options, "show_error": False, "ignore_blank": True})


def _write_xlsxwriter(plan: Plan, target: Any, cleaner: _Cleaner, progress: Progress | None) -> None:
    book = _XlsxWriterBook(str(target) if isinstance(target, Path) else target)
    names = sheet_names([])
    _write_layout(plan, book, names, cleaner, progress)
    book.workbook.set_properties({"title": cleaner.text(plan.title, None),
                                  "comments": cleaner.text(plan.preamble, None)})
    for key, value in _properties(plan, names).items():
        book.workbook.set_custom_property(key, value)
    _step(progress, 95)
    book.workbook.close()


# -- the package splice (keeps the source workbook's other parts) ---------------------------------
class _XmlBook:
    """Our sheets as SpreadsheetML, styles declared once for :func:`splice_workbook`."""

    def __init__(self) -> None:
        self.sheets: list[XmlSheet] = []
        self.styles = {name: i for i, name in enumerate(STYLES)}

    def add_sheet(self, name: str) -> SheetSink:
        sheet = XmlSheet(name, self.styles, selected=not self.sheets)
        self.sheets.append(sheet)
        return sheet


def style_xml() -> dict[str, list[str]]:
    """:data:`STYLES` as the styles part's fonts, fills, borders and cell formats (ids from 0)."""
    fonts, fills, xfs = [], ['<fill><patternFill patternType="none"/></fill>',
                             '<fill><patternFill patternType="gray125"/></fill>'], []
    borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>",
               '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>'
               '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom>'
               "<diagonal/></border>"]
    for spec in STYLES.values():
        bold = "<b/>" if spec.get("bold") else ""
        fonts.append(f'<font>{bold}<sz val="{spec["size"]:g}"/><name val="{FONT}"/><family val="3"/>'
                     f'<charset val="134"/></font>')
        fill = 0
        if spec.get("fill"):
            fills.append(f'<fill><patternFill patternType="solid"><fgColor rgb="FF{spec["fill"]}"/>'
                         f'<bgColor indexed="64"/></patternFill></fill>')
            fill = len(fills) - 1
        wrap = ' wrapText="1"' if spec.get("wrap") else ""
        xfs.append(f'<xf numFmtId="0" fontId="{len(fonts) - 1}" fillId="{fill}" borderId="'
                   f'{1 if spec.get("border") else 0}" xfId="0" applyFont="1" applyFill="1" applyBorder="1" '
                   f'applyAlignment="1"><alignment horizontal="{spec["align"]}" vertical="center"{wrap}/></xf>')
    return {"fonts": fonts, "fills": fills, "borders": borders, "cellXfs": xfs}


def _write_splice(plan: Plan, target: Path, cleaner: _Cleaner, progress: Progress | None, path: Path) -> None:
    from taskmatrix.io.excel.splice import splice_workbook

    foreign = plan.foreign
    assert foreign is not None
    names = sheet_names(list(foreign.sheets))
    book = _XmlBook()
    _write_layout(plan, book, names, cleaner, progress)
    _step(progress, 92)
    try:
        data = splice_workbook(foreign.workbook, foreign.replaced, book.sheets, style_xml(),
                               _properties(plan, names), cleaner.text(plan.title, None),
                               cleaner.text(plan.preamble, None))
    except PlanSaveError as exc:
        raise PlanSaveError(path, exc.template, None, **exc.params) from None
    _step(progress, 97)
    with open(target, "wb") as handle:
        handle.write(data)
