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
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from taskmatrix.io.bulk import release_native_memory
from taskmatrix.io.errors import Cancelled, Notice, PlanFormatError
from taskmatrix.io.excel import layout as L
from taskmatrix.io.excel.indicators import kept_sheet, read_indicator_sheet
from taskmatrix.io.excel.rounds import STATUSES_PROPERTY, read_corrected_deadlines, read_round_sheet, rounds_in
from taskmatrix.io.excel.safety import CheckedWorkbook, check_workbook
from taskmatrix.io.excel.sheetlayout import MAX_CELLS, MAX_ROWS, SheetScan, exact_columns, scan_sheet, sheet_part
from taskmatrix.io.result import Progress, ReadResult
from taskmatrix.io.tableread import FoundTable, Merged, Rows, TableSource, find_table, read_table
from taskmatrix.model.indicators import Indicator, indicators_of
from taskmatrix.model.plan import ForeignContent, Plan, SourceLook, Task, task_fingerprint
from taskmatrix.model.units import DEFAULT_GROUP_MEMBERS, GROUP_CATEGORY, UNREGISTERED_LABEL, Unit, UnitRegistry

logger = logging.getLogger(__name__)


def read_xlsx(path: str | Path, registry: UnitRegistry | None = None,
              progress: Progress | None = None) -> ReadResult:
    """Read a workbook; raises :class:`PlanFormatError` naming the file and the problem."""
    path = Path(path)
    _step(progress, 0)
    checked = check_workbook(path)
    meta = read_meta(checked)
    workbook = open_calamine(checked, path)
    ours = meta.get(L.MARKER_PROPERTY, "").startswith("taskmatrix/")
    generated = [s for s in meta.get(L.SHEETS_PROPERTY, "").split("|") if s] if ours else []
    _step(progress, 10)

    # Each sheet is scanned before calamine loads it: a far cell would make it allocate
    # gigabytes for the empty space up to it. (Our own rows' heights are worked out again.)
    sheets = ScannedSheets(workbook, checked, path, heights=not ours)
    candidate = find_table(sheets.sources(), path)
    _step(progress, 30)

    sheet_names = list(workbook.sheet_names)
    plan_registry: UnitRegistry | None = None
    if ours and len(generated) == 3 and generated[2] in sheet_names:
        plan_registry = _summary_registry(sheets.sheet(generated[2]), path)
    if plan_registry is None and registry is not None:
        plan_registry = registry.copy()
    # Let calamine's copy of the workbook go before the rows become Python objects and the
    # tasks are built: they reuse that memory (at 100,000 tasks the peak is 150 MB lower).
    del workbook
    release_native_memory()
    table = candidate.load()
    del candidate
    release_native_memory()
    _step(progress, 40)
    # A task sheet the app wrote is read as written: exact columns and unit names.
    literal = ours and len(generated) == 3 and table.name == generated[0] and not table.header.is_grid
    if literal:
        table.header = L.canonical_header(table.rows, table.header)
    read = read_table(table, path, plan_registry, progress, literal)
    plan, warnings, info = read.plan, read.warnings, read.info
    rows, header, sheet_name = table.rows, table.header, table.name
    if ours:
        # The title row shows the title the app stored; a title edited in Excel wins.
        stored = meta.get("title", "")
        shown = L.cell_text(rows[0][0], strip=False) if rows and rows[0] and header.row > 0 else None
        if shown == L.rendered_title(stored) or shown is None:
            plan.title = stored
        plan.preamble = meta.get("description", "")
    round_sheets = _read_rounds(plan, meta, sheets, sheet_names, path, warnings) if literal else []
    indicators = kept_sheet(meta) if literal else None
    if indicators is not None:
        round_sheets += _read_indicators(plan, indicators, sheets, sheet_names, path, warnings)
    replaced = [sheet_name] + [s for s in [*generated, *round_sheets] if s != sheet_name and s in sheet_names]
    kept = [s for s in sheet_names if s not in replaced]
    plan.foreign = ForeignContent(checked.data, kept, replaced, _look(sheets.scans.get(table.name), table,
                                                                      read.task_rows))
    _step(progress, 100)
    return ReadResult(plan, warnings, info, read.facts)


def _read_rounds(plan: Plan, meta: dict[str, str], sheets: ScannedSheets, sheet_names: list[str], path: Path,
                 warnings: list[Notice]) -> list[str]:
    """The rounds and their progress sheets of a workbook the app wrote; their sheet names."""
    read_corrected_deadlines(plan, meta)
    statuses = [s for s in meta.get(STATUSES_PROPERTY, "").split("|") if s]
    if statuses:
        plan.statuses = statuses
    found = []
    for round_, sheet in rounds_in(meta):
        plan.rounds.append(round_)
        if sheet not in sheet_names:
            warnings.append(Notice("the progress sheet “{sheet}” of round {name} is missing; the round has no reports",
                                   kind="rounds", sheet=sheet, name=round_.name))
            continue
        found.append(sheet)
        missing = read_round_sheet(plan, round_, sheet_rows(sheets.sheet(sheet), path, None), path)
        if missing:
            warnings.append(Notice("{count} rows of the progress sheet “{sheet}” name no task of the plan; they were "
                                   "left out", kind="rounds", count=missing, sheet=sheet))
    return found


def _read_indicators(plan: Plan, declared: tuple[str, bool], sheets: ScannedSheets, sheet_names: list[str],
                     path: Path, warnings: list[Notice]) -> list[str]:
    """The 指标 sheet of a workbook the app wrote: kept indicators, or ones edited in Excel, are
    read back; unchanged ones that were read from the bodies are read from them again."""
    sheet, kept = declared
    if sheet not in sheet_names:
        warnings.append(Notice("the indicator sheet “{sheet}” is missing; the indicators are read from the task "
                               "bodies again", kind="indicators", sheet=sheet))
        return []
    found, notices = read_indicator_sheet(plan, sheet_rows(sheets.sheet(sheet), path, None), sheet)
    if kept or found != [_as_written(i, plan) for i in indicators_of(plan)]:
        plan.indicators = found
        warnings.extend(notices)
    return [sheet]


def _as_written(indicator: Indicator, plan: Plan) -> Indicator:
    """An indicator as the sheet holds it (actual values only for the plan's rounds)."""
    names = {r.name for r in plan.rounds}
    copy = indicator.copy()
    copy.actuals = {k: v for k, v in copy.actuals.items() if k in names}
    return copy


def _look(scan: SheetScan | None, table: FoundTable, task_rows: list[tuple[Task, int]]) -> SourceLook | None:
    """How the task sheet looked: widths of the columns the plan has, heights of task rows."""
    if scan is None:
        return None
    layout = scan.layout
    header = table.header
    widths = {key: layout.widths[c] for key, c in header.fields.items() if c in layout.widths}
    widths.update({f"extra:{name}": layout.widths[c] for c, name in header.extras if c in layout.widths})
    heights = {task_fingerprint(task): layout.heights[r] for task, r in task_rows if r in layout.heights}
    return SourceLook(widths, heights, layout.page)


# -- the workbook ------------------------------------------------------------------------------
def open_calamine(checked: CheckedWorkbook, path: Path) -> Any:
    import python_calamine as pc

    try:
        return pc.CalamineWorkbook.from_filelike(io.BytesIO(checked.data))
    except pc.PasswordError:
        raise PlanFormatError(path, "encrypted workbook, or the old .xls format: save it as .xlsx") from None
    except Exception as exc:  # calamine raises several types for damaged parts
        raise PlanFormatError(path, "the workbook is damaged: {reason}", reason=short_reason(exc)) from None


class ScannedSheets:
    """The workbook's worksheets, each scanned (its cells' real reach, its layout) and refused
    if absurd before calamine loads it."""

    def __init__(self, workbook: Any, checked: CheckedWorkbook, path: Path, heights: bool) -> None:
        self.workbook = workbook
        self.archive = zipfile.ZipFile(io.BytesIO(checked.data))
        self.path = path
        self.heights = heights
        self.scans: dict[str, SheetScan] = {}

    def sources(self) -> Iterator[TableSource]:
        """Each worksheet as a table source (its rows read from calamine when asked for)."""
        for name in worksheet_names(self.workbook):
            yield sheet_source(self.sheet(name), name, self.path)

    def sheet(self, name: str) -> Any:
        part = sheet_part(self.archive, name)
        if part is not None and part in self.archive.namelist():
            try:
                scan = scan_sheet(self.archive, part, self.heights)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
                raise PlanFormatError(self.path, "sheet “{sheet}” is damaged: its data cannot be unpacked",
                                      sheet=name) from None
            self.scans[name] = scan
            cells = scan.rows * scan.cols
            if cells > MAX_CELLS and scan.cols == 702:  # two-letter columns: count them exactly
                scan.cols = exact_columns(self.archive, part)
                cells = scan.rows * scan.cols
            if scan.rows > MAX_ROWS or cells > MAX_CELLS:
                if scan.far:
                    raise PlanFormatError(
                        self.path, "refused: sheet “{sheet}” has a value as far out as cell {cell}, so reading it "
                        "would take {cells} cells — far past any task table; delete what is there (Ctrl+End in "
                        "Excel or WPS goes to it) and save again", sheet=name, cell=scan.far, cells=f"{cells:,}")
                raise PlanFormatError(
                    self.path, "refused: sheet “{sheet}” has values down to row {last}, so reading it would take "
                    "{cells} cells — far past any task table; delete what is there (Ctrl+End in Excel or WPS "
                    "goes to it) and save again", sheet=name, last=f"{scan.rows:,}", cells=f"{cells:,}")
        return _sheet(self.workbook, name, self.path)


def sheet_source(sheet: Any, name: str, path: Path) -> TableSource:
    """A calamine sheet as a table source."""

    def rows(limit: int | None) -> Rows:
        return sheet_rows(sheet, path, limit)

    def merged() -> Merged:
        return _merged(sheet)

    return TableSource(name, rows, merged)


def worksheet_names(workbook: Any) -> list[str]:
    return [m.name for m in workbook.sheets_metadata if str(m.typ).endswith("WorkSheet")]


def _sheet(workbook: Any, name: str, path: Path) -> Any:
    try:
        return workbook.get_sheet_by_name(name)
    except Exception as exc:
        raise PlanFormatError(path, "sheet “{sheet}” is damaged: {reason}", sheet=name,
                              reason=short_reason(exc)) from None


def sheet_rows(sheet: Any, path: Path, limit: int | None) -> Rows:
    try:
        rows: Rows = sheet.to_python(skip_empty_area=False, nrows=limit)
    except Exception as exc:
        raise PlanFormatError(path, "sheet “{sheet}” is damaged: {reason}", sheet=sheet.name,
                              reason=short_reason(exc)) from None
    return rows


def _merged(sheet: Any) -> Merged:
    try:
        return list(sheet.merged_cell_ranges or [])
    except Exception:  # older files without merge information
        return []


def read_meta(checked: CheckedWorkbook) -> dict[str, str]:
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


def _summary_registry(sheet: Any, path: Path) -> UnitRegistry | None:
    """The registry the app wrote into its 单位汇总 sheet (categories, aliases, members)."""
    rows = sheet_rows(sheet, path, None)
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


def _step(progress: Progress | None, percent: int) -> None:
    if progress is not None and progress(percent, 100) is False:
        raise Cancelled()


def short_reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 120 else text[:120] + "…"
