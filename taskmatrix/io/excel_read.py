"""Reading the Excel responsibility matrix (FORMATS.md §2) through python-calamine.

Every layout of the family: the list layout with any header variant, title rows above the
header, section rows (merged or plain) or a section column, numbers as ``1``/``1.``/``01``,
unit cells split on any separator, a combined 责任单位 column, vertically merged cells, extra
columns; and the grid layout (one column per unit, marks for lead and participant).
python-calamine reads values and merged ranges about twenty times faster than openpyxl;
openpyxl is used only when a save must keep the workbook's other sheets.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from taskmatrix.io import excel_layout as L
from taskmatrix.io.bulk import release_native_memory
from taskmatrix.io.errors import Cancelled, Notice, PlanFormatError
from taskmatrix.io.result import ReadResult, unknown_unit_notices
from taskmatrix.io.xlsxsafety import CheckedWorkbook, check_workbook
from taskmatrix.model.edits import regroup
from taskmatrix.model.plan import ForeignContent, Plan, Section, Task, parse_chinese_numeral
from taskmatrix.model.resplist import parse_responsibility, parse_unit_list, split_top_level
from taskmatrix.model.units import (
    DEFAULT_GROUP_MEMBERS,
    GROUP_CATEGORY,
    UNREGISTERED_LABEL,
    Unit,
    UnitRegistry,
    clean_unit_name,
    registry_for,
)

logger = logging.getLogger(__name__)

Merged = list[tuple[tuple[int, int], tuple[int, int]]]
Rows = list[list[Any]]
Progress = Callable[[int, int], bool]
_DETECT_ROWS = 40


def read_xlsx(path: str | Path, registry: UnitRegistry | None = None,
              progress: Progress | None = None) -> ReadResult:
    """Read a workbook; raises :class:`PlanFormatError` naming the file and the problem."""
    path = Path(path)
    _step(progress, 0)
    checked = check_workbook(path)
    meta = _read_meta(checked)
    workbook = _open_calamine(checked, path)
    ours = meta.get(L.MARKER_PROPERTY, "").startswith("taskmatrix/")
    generated = [s for s in meta.get(L.SHEETS_PROPERTY, "").split("|") if s] if ours else []
    _step(progress, 10)

    found: list[str] = []
    listed: tuple[str, Any, Merged] | None = None  # the list sheet; its rows are read below
    grid: tuple[str, L.HeaderInfo, Rows, Merged] | None = None
    for name in _worksheet_names(workbook):
        sheet = _sheet(workbook, name, path)
        head = _rows(sheet, path, _DETECT_ROWS)
        merged = _merged(sheet)
        if L.find_list_header(head, merged) is not None:
            listed = (name, sheet, merged)
            break
        if grid is None and _looks_like_grid_header(head):
            rows = _rows(sheet, path, None)
            grid_header = find_grid_header(rows)
            if grid_header is not None:
                grid = (name, grid_header, rows, merged)
                continue
        found.append(_header_like_cells(name, head))
    if listed is None and grid is None:
        raise PlanFormatError(
            path, "no recognisable task table: no sheet has a header row naming 序号, 重点任务 or 具体内容, "
            "and the units; header cells found: {cells}", cells="; ".join(f for f in found if f) or "none")
    _step(progress, 30)

    sheet_names = list(workbook.sheet_names)
    plan_registry: UnitRegistry | None = None
    if ours and len(generated) == 3 and generated[2] in sheet_names:
        plan_registry = _summary_registry(workbook, generated[2], path)
    choose = plan_registry is None and registry is None  # national or provincial: by the units named
    if plan_registry is None:
        plan_registry = registry.copy() if registry is not None else UnitRegistry.combined()
    # Let calamine's copy of the workbook go before the rows become Python objects and the
    # tasks are built: they reuse that memory (at 100,000 tasks the peak is 150 MB lower).
    del workbook, sheet, head
    release_native_memory()
    if listed is not None:
        sheet_name, list_sheet, merged = listed
        rows = _rows(list_sheet, path, None)
        del list_sheet, listed
        release_native_memory()
        list_header = L.find_list_header(rows, merged)
        assert list_header is not None
        header = list_header
    else:
        assert grid is not None
        sheet_name, header, rows, merged = grid
    _step(progress, 40)
    # A task sheet the app wrote is read as written: exact columns and unit names.
    literal = ours and len(generated) == 3 and sheet_name == generated[0] and not header.is_grid
    if literal:
        header = L.canonical_header(rows, header)
    reader = _SheetReader(path, rows, merged, header, plan_registry, progress, literal, choose)
    plan, warnings = reader.read()
    if ours:
        # The title row shows the title the app stored; a title edited in Excel wins.
        stored = meta.get("title", "")
        shown = L.cell_text(rows[0][0], strip=False) if rows and rows[0] and header.row > 0 else None
        if shown == L.rendered_title(stored) or shown is None:
            plan.title = stored
        plan.preamble = meta.get("description", "")
    replaced = [sheet_name] + [s for s in generated if s != sheet_name and s in sheet_names]
    kept = [s for s in sheet_names if s not in replaced]
    if kept:
        plan.foreign = ForeignContent(checked.data, kept, replaced)
    _step(progress, 100)
    columns = "、".join(header.headers.get(c, "") for c in sorted(header.fields.values()))
    extras = "、".join(name for _, name in header.extras)
    header_row = header.row + 1
    if header.is_grid:
        info = Notice("sheet “{sheet}”, grid layout, header in row {header_row}: {columns} and {units} unit columns",
                      sheet=sheet_name, header_row=header_row, columns=columns, units=len(header.unit_columns))
    elif extras:
        info = Notice("sheet “{sheet}”, list layout, header in row {header_row}: {columns}; extra columns: {extras}",
                      sheet=sheet_name, header_row=header_row, columns=columns, extras=extras)
    else:
        info = Notice("sheet “{sheet}”, list layout, header in row {header_row}: {columns}",
                      sheet=sheet_name, header_row=header_row, columns=columns)
    return ReadResult(plan, warnings, info)


# -- the workbook ------------------------------------------------------------------------------
def _open_calamine(checked: CheckedWorkbook, path: Path) -> Any:
    import python_calamine as pc

    try:
        return pc.CalamineWorkbook.from_filelike(io.BytesIO(checked.data))
    except pc.PasswordError:
        raise PlanFormatError(path, "encrypted workbook, or the old .xls format: save it as .xlsx") from None
    except Exception as exc:  # calamine raises several types for damaged parts
        raise PlanFormatError(path, "the workbook is damaged: {reason}", reason=_short(exc)) from None


def _worksheet_names(workbook: Any) -> list[str]:
    return [m.name for m in workbook.sheets_metadata if str(m.typ).endswith("WorkSheet")]


def _sheet(workbook: Any, name: str, path: Path) -> Any:
    try:
        return workbook.get_sheet_by_name(name)
    except Exception as exc:
        raise PlanFormatError(path, "sheet “{sheet}” is damaged: {reason}", sheet=name, reason=_short(exc)) from None


def _rows(sheet: Any, path: Path, limit: int | None) -> Rows:
    try:
        rows: Rows = sheet.to_python(skip_empty_area=False, nrows=limit)
    except Exception as exc:
        raise PlanFormatError(path, "sheet “{sheet}” is damaged: {reason}", sheet=sheet.name,
                              reason=_short(exc)) from None
    return rows


def _merged(sheet: Any) -> Merged:
    try:
        return list(sheet.merged_cell_ranges or [])
    except Exception:  # older files without merge information
        return []


def _read_meta(checked: CheckedWorkbook) -> dict[str, str]:
    """Title and description (core properties) and the app's custom properties."""
    meta: dict[str, str] = {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(checked.data))
        if "docProps/core.xml" in checked.names:
            root = ElementTree.fromstring(archive.read("docProps/core.xml"))
            for child in root:
                tag = child.tag.rsplit("}", 1)[-1]
                if tag in ("title", "description") and child.text:
                    meta[tag] = L.unescape(child.text)
        if "docProps/custom.xml" in checked.names:
            root = ElementTree.fromstring(archive.read("docProps/custom.xml"))
            for prop in root:
                name = prop.get("name")
                if name and len(prop):
                    meta[name] = L.unescape(prop[0].text or "")
    except Exception as exc:  # properties are optional; a broken part is not fatal
        logger.info("workbook properties unreadable: %s", exc)
    return meta


def _summary_registry(workbook: Any, sheet: str, path: Path) -> UnitRegistry | None:
    """The registry the app wrote into its 单位汇总 sheet (categories, aliases, members)."""
    rows = _rows(_sheet(workbook, sheet, path), path, None)
    if not rows:
        return None
    header = [L.cell_text(v) for v in rows[0]]
    if header[:2] != list(L.SUMMARY_HEADERS[:2]):
        return None
    col = {name: header.index(name) for name in L.SUMMARY_HEADERS if name in header}
    registry = UnitRegistry()
    for row in rows[1:]:
        def get(name: str, row: list[Any] = row) -> str:
            c = col.get(name)
            return L.cell_text(row[c]) if c is not None and c < len(row) else ""

        name, category = get("单位"), get("类别")
        if not name or not category or category == UNREGISTERED_LABEL or name in registry:
            continue
        aliases = [a for a in get("别名").split("、") if a]
        members = [m for m in get("涵盖地市").split("、") if m]
        if category == GROUP_CATEGORY and "涵盖地市" not in col:
            members = list(DEFAULT_GROUP_MEMBERS.get(name, ()))
        registry.add(Unit(name, category, aliases, members if category == GROUP_CATEGORY else []))
    return registry if len(registry) else None


def _header_like_cells(sheet: str, rows: Rows) -> str:
    for r, row in enumerate(rows):
        cells = [L.cell_text(v) for v in row if L.cell_text(v)]
        short = [c for c in cells if len(c) <= 20]
        if len(short) >= 2:
            return f"sheet “{sheet}” row {r + 1}: " + ", ".join(short[:12])
    return f"sheet “{sheet}”: no header-like row"


# -- the grid layout ---------------------------------------------------------------------------
def _looks_like_grid_header(rows: Rows) -> bool:
    return any(any(L.header_field(v) == "number" for v in row) for row in rows)


def find_grid_header(rows: Rows, limit: int = 30) -> L.HeaderInfo | None:
    """A header row with a number column and unit columns holding lead/participant marks."""
    marks = L.LEAD_MARKS | L.PART_MARKS
    for r, row in enumerate(rows[:limit]):
        fields: dict[str, int] = {}
        for c, value in enumerate(row):
            fld = L.header_field(value)
            if fld is not None and fld not in fields:
                fields[fld] = c
        if "number" not in fields:
            continue
        used = set(fields.values())
        units: list[tuple[int, str]] = []
        for c, value in enumerate(row):
            name = clean_unit_name(L.cell_text(value)).strip("、,，;；")
            if c in used or not name or any(sep in name for sep in "、,，;；"):
                continue  # a unit column is headed by one unit's name
            column = [L.cell_text(rw[c]) for rw in rows[r + 1:] if c < len(rw)]
            values = [v for v in column if v]
            if values and sum(v in marks for v in values) >= max(1, len(values) // 2):
                units.append((c, name))
        if units:
            info = L.HeaderInfo(r, r + 1, fields=fields, unit_columns=units)
            info.headers = {c: L.cell_text(v) for c, v in enumerate(row)}
            unit_cols = {c for c, _ in units}
            taken: set[str] = set()
            for c, value in enumerate(row):
                name = L.cell_text(value).replace("\n", "")
                if c not in used and c not in unit_cols and name:
                    name = L.unique_name(name, taken)
                    taken.add(name)
                    info.extras.append((c, name))
            return info
    return None


# -- rows to tasks -----------------------------------------------------------------------------
class _SheetReader:
    """Turns the rows below a recognised header into sections and tasks."""

    def __init__(self, path: Path, rows: Rows, merged: Merged, header: L.HeaderInfo,
                 registry: UnitRegistry, progress: Progress | None, literal: bool = False,
                 choose_registry: bool = False) -> None:
        self.path = path
        self.literal = literal
        self.choose_registry = choose_registry
        self.rows = rows
        self.header = header
        self.registry = registry
        self.progress = progress
        self.warnings: list[Notice] = []
        self.plan = Plan(registry=registry)
        self.fill: dict[tuple[int, int], Any] = {}
        self.unit_cache: dict[str, list[str]] = {}
        self.section_titles: dict[str, int] = {}
        self.horizontal: set[int] = set()
        self.width = width = max((len(row) for row in rows), default=0)
        self.filled_rows: set[int] = set()
        for (r0, c0), (r1, c1) in merged:
            if r1 > r0:
                value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
                for r in range(r0, r1 + 1):
                    for c in range(c0, c1 + 1):
                        if (r, c) != (r0, c0):
                            self.fill[(r, c)] = value
                            self.filled_rows.add(r)
            elif c1 > c0 and c1 - c0 + 1 >= max(2, width // 2):
                self.horizontal.add(r0)
        fields = header.fields
        names = ("title", "body", "deadline", "status", "progress", "notes")
        self.text_slots = [(slot, fields[name]) for slot, name in enumerate(names) if name in fields]
        self.leads_col = fields.get("leads", -1)
        self.parts_col = fields.get("participants", -1)

    def row(self, r: int) -> list[Any]:
        """Row ``r`` at full width, with the values of vertically merged cells filled in."""
        row = self.rows[r]
        if len(row) < self.width:
            row = row + [""] * (self.width - len(row))
        if r in self.filled_rows:
            row = list(row)
            for c in range(self.width):
                if (r, c) in self.fill:
                    row[c] = self.fill[(r, c)]
        return row

    def cell(self, r: int, c: int | None) -> Any:
        if c is None:
            return ""
        if (r, c) in self.fill:
            return self.fill[(r, c)]
        row = self.rows[r]
        return row[c] if c < len(row) else ""

    def units(self, text: str) -> list[str]:
        """Units of a cell; cells repeat a lot in a matrix, so each text is parsed once."""
        found = self.unit_cache.get(text)
        if found is None:
            if self.literal:  # as the app wrote them: names joined by 、
                found = list(dict.fromkeys(u for u in split_top_level(text, "、") if u))
            else:
                found = parse_unit_list(text, self.registry)
            self.unit_cache[text] = found
        return list(found)

    def text(self, r: int, field: str) -> str:
        return L.cell_text(self.cell(r, self.header.fields.get(field)))

    def read(self) -> tuple[Plan, list[Notice]]:
        self._title_area()
        fields = self.header.fields
        plan = self.plan
        plan.extra_fields = [name for _, name in self.header.extras]
        section: int | None = None
        seen: dict[int, int] = {}
        last_task: Task | None = None
        unnumbered: list[tuple[int, Task]] = []
        total = len(self.rows)
        number_col = fields.get("number")
        filled = self.filled_rows
        parse_number = L.parse_number
        for r in range(self.header.data_start, total):
            if r % 2000 == 0:
                _step(self.progress, 40 + int(55 * r / max(total, 1)))
            row = self.rows[r]
            raw = self.cell(r, number_col) if r in filled or number_col is None else row[number_col]
            if type(raw) is float and raw > 0 and raw.is_integer() and raw < 1e9:  # the usual case
                number: int | None = int(raw)
            else:
                number = parse_number(raw)
            texts: list[str] = []
            if number is None:
                texts = [L.cell_text(v) for v in row]
                if not any(texts) or self._is_summary_row(texts):
                    continue
                heading = self._section_heading(r, texts)
                if heading is not None:
                    section = self._add_section(*heading)
                    last_task = None
                    continue
            if (number is not None and last_task is not None and number == last_task.number
                    and (r, number_col) in self.fill):  # the number cell is merged over rows
                self._continue_task(r, last_task)
                continue
            task = self._task(r, number or 0)
            if "section" in fields:
                section_text = self.text(r, "section")
                if section_text:
                    section = self._section_from_column(section_text)
            task.section = section
            if number is None:
                if not (task.title or task.body or task.leads or task.participants):
                    self._stray(r, texts)
                    continue
                unnumbered.append((r + 1, task))
            elif number in seen:
                raise PlanFormatError(self.path, "duplicate task number {number} (rows {first} and {second})",
                                      number=number, first=seen[number], second=r + 1)
            else:
                seen[number] = r + 1
            plan.tasks.append(task)
            last_task = task
        for row_no, task in unnumbered:
            task.number = plan.next_task_number()
            self.warnings.append(Notice("a task without a number was numbered {number}", row=row_no,
                                        kind="renumbered", number=task.number))
        if not plan.tasks and not self.literal:  # a workbook the app wrote may hold an empty plan
            raise PlanFormatError(self.path, "the task table has a header but no task rows")
        if not plan.is_grouped():
            regroup(plan)
            self.warnings.append(Notice("tasks were put in section order", kind="regrouped"))
        if self.choose_registry:
            plan.registry = registry_for(plan.units_used())
        self.warnings.extend(unknown_unit_notices(plan))
        return plan, self.warnings

    # -- pieces ------------------------------------------------------------------------------
    def _title_area(self) -> None:
        lines: list[str] = []
        for row in self.rows[: self.header.row]:
            texts = list(dict.fromkeys(t for t in (L.cell_text(v) for v in row) if t))
            if texts:
                lines.append(" ".join(texts))
        title = ""
        for line in lines:
            if len(line) > len(title) and ("计划" in line or "方案" in line or "分工" in line or not title):
                title = line
        if not title and lines:
            title = lines[0]
        if title:
            lines.remove(title)
            if title.endswith(L.TITLE_SUFFIX) and len(title) > len(L.TITLE_SUFFIX):
                title = title[: -len(L.TITLE_SUFFIX)]
        self.plan.title = title
        self.plan.preamble = "\n".join(lines)

    def _is_summary_row(self, texts: list[str]) -> bool:
        first = next((t for t in texts if t), "")
        return self.header.is_grid and first in (L.MATRIX_LEAD_TOTAL, L.MATRIX_PART_TOTAL)

    def _section_heading(self, r: int, texts: list[str]) -> tuple[int | None, str] | None:
        if self.literal:  # the app writes "一、title" in the first cell of a merged row
            first = L.cell_text(self.rows[r][0], strip=False) if self.rows[r] else ""
            match = L.LITERAL_SECTION.match(first)
            if match and not any(texts[1:]):
                number = parse_chinese_numeral(match.group(1))
                if number:
                    return number, match.group(2)
            return None
        distinct = list(dict.fromkeys(t for t in texts if t))
        if len(distinct) != 1:
            return None
        text = distinct[0]
        parsed = L.parse_section_heading(text)
        if parsed is not None:
            return parsed
        if len(text) > 40 or text.startswith(("注", "备注", "说明")) or any(ch in text for ch in "。：:；;"):
            return None
        first_col = next(i for i, t in enumerate(texts) if t)
        content_cols = {self.header.fields.get(f) for f in ("title", "body", "leads", "participants")}
        if r in self.horizontal or first_col not in content_cols:
            return None, text
        return None

    def _add_section(self, number: int | None, title: str) -> int:
        plan = self.plan
        known = self.section_titles.get(title)
        if known is not None and (number is None or known == number):
            return known
        if number is None or plan.section(number) is not None:
            if number is not None:
                self.warnings.append(Notice("section number {number} repeated; renumbered", kind="section_number",
                                            number=number))
            number = plan.next_section_number()
        plan.sections.append(Section(number, title))
        self.section_titles.setdefault(title, number)
        return number

    def _section_from_column(self, text: str) -> int:
        parsed = L.parse_section_heading(text)
        number, title = parsed if parsed is not None else (None, text)
        return self._add_section(number, title)

    def _task(self, r: int, number: int) -> Task:
        """The task in row ``r`` (the hot loop of a large open: kept to plain local work)."""
        row = self.row(r)
        strip = not self.literal
        values = ["", "", "", "", "", ""]  # title, body, deadline, status, progress, notes
        for slot, c in self.text_slots:
            value = row[c]
            if value != "":
                if type(value) is str and "\r" not in value:
                    values[slot] = value.strip() if strip else value
                else:
                    values[slot] = L.cell_text(value, strip)
        leads: list[str] = []
        participants: list[str] = []
        fields = self.header.fields
        if self.header.is_grid:
            self._grid_units(r, leads, participants)
        else:
            if self.leads_col >= 0:
                leads = self.units(_text(row[self.leads_col]))
            if self.parts_col >= 0:
                participants = self.units(_text(row[self.parts_col]))
            if "responsible" in fields:
                resp = parse_responsibility(_text(row[fields["responsible"]]), self.registry)
                if "leads" in fields:
                    participants += resp.leads + resp.participants
                else:
                    leads += resp.leads
                    participants += resp.participants
            if participants and leads and not set(leads).isdisjoint(participants):
                lead_set = set(leads)
                participants = [u for u in dict.fromkeys(participants) if u not in lead_set]
        extra = {name: L.cell_text(row[c], strip) for c, name in self.header.extras}
        return Task(number, None, values[0], values[1], leads, participants, values[2], values[3], values[4],
                    values[5], extra)

    def _grid_units(self, r: int, leads: list[str], participants: list[str]) -> None:
        for c, name in self.header.unit_columns:
            mark = L.cell_text(self.cell(r, c))
            if not mark:
                continue
            unit = self.registry.canonical(name)
            if unit in leads or unit in participants:
                continue  # two columns for one unit: the first mark counts
            if mark in L.LEAD_MARKS:
                leads.append(unit)
            else:
                if mark not in L.PART_MARKS:
                    self.warnings.append(Notice(
                        "unknown mark “{mark}” for {unit} read as taking part", row=r + 1, kind="unknown_mark",
                        mark=mark, unit=unit))
                participants.append(unit)

    def _continue_task(self, r: int, task: Task) -> None:
        """A second row of a task whose number cell is merged over several rows."""
        more = self._task(r, task.number)
        task.leads = list(dict.fromkeys(task.leads + more.leads))
        task.participants = [u for u in dict.fromkeys(task.participants + more.participants)
                             if u not in task.leads]
        for name in ("title", "body", "deadline", "status", "progress", "notes"):
            extra_text = getattr(more, name)
            if extra_text and extra_text != getattr(task, name):
                setattr(task, name, "\n".join(t for t in (getattr(task, name), extra_text) if t))
        for name, value in more.extra.items():
            if value and value != task.extra.get(name):
                task.extra[name] = "\n".join(t for t in (task.extra.get(name, ""), value) if t)

    def _stray(self, r: int, texts: list[str]) -> None:
        text = " ".join(dict.fromkeys(t for t in texts if t))
        self.plan.preamble = "\n".join(p for p in (self.plan.preamble, text) if p)
        self.warnings.append(Notice("not a task row; its text was kept at the end of the preamble: {text}",
                                    row=r + 1, kind="stray_text", text=text if len(text) <= 30 else text[:30] + "…"))


def _text(value: Any) -> str:
    return value.strip() if type(value) is str and "\r" not in value else L.cell_text(value)


def _step(progress: Progress | None, percent: int) -> None:
    if progress is not None and progress(percent, 100) is False:
        raise Cancelled()


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 120 else text[:120] + "…"
