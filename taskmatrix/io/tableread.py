"""Reading a task table: rows of cells (and their merged ranges) -> the plan.

Every container of a responsibility matrix ends here: an Excel sheet (``.xlsx``, ``.xls``,
``.et``, ``.ods``, ``.xlsb``), a table in a Word document, a ruled table in a PDF. The layout
family is FORMATS.md §2: the list layout with any header variant, title rows above the
header, section rows (merged or plain) or a section column, numbers as ``1``/``1.``/``01``,
unit cells split on any separator, a combined 责任单位 column, vertically merged cells,
extra columns; and the grid layout (one column per unit, marks for lead and participant).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from taskmatrix.io.errors import Cancelled, Notice, PlanFormatError
from taskmatrix.io.excel import layout as L
from taskmatrix.io.result import Progress, ReadResult
from taskmatrix.io.sheetreader import Merged, Rows, SheetReader
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.units import UnitRegistry, clean_unit_name

#: Rows looked at to find a table's header.
DETECT_ROWS = 40


@dataclass
class TableSource:
    """One table of a file: its name (a sheet's), a way to get its rows (the first ``n``, or
    all with ``None``), and its merged ranges ((first row, first col), (last row, last col))."""

    name: str
    rows: Callable[[int | None], Rows]
    merged: Callable[[], Merged]


@dataclass
class FoundTable:
    """The table of a file that holds the tasks, with its recognised header."""

    name: str
    header: L.HeaderInfo
    rows: Rows
    merged: Merged


@dataclass
class Candidate:
    """The table :func:`find_table` chose; :meth:`load` reads all its rows (a list table's
    rows are read only then, so the caller can let go of the file's parsed copy first)."""

    source: TableSource
    merged: Merged
    found: FoundTable | None = None  # a grid table, read in full to recognise it

    def load(self) -> FoundTable:
        if self.found is not None:
            return self.found
        rows = self.source.rows(None)
        header = L.find_list_header(rows, self.merged)
        assert header is not None
        return FoundTable(self.source.name, header, rows, self.merged)


def find_table(sources: Iterable[TableSource], path: Path | str | None) -> Candidate:
    """The first table with a list header, else the first with a grid header; raises
    :class:`PlanFormatError` naming the header-like cells seen when there is neither."""
    found: list[str] = []
    grid: Candidate | None = None
    for source in sources:
        head = source.rows(DETECT_ROWS)
        merged = source.merged()
        if L.find_list_header(head, merged) is not None:
            return Candidate(source, merged)
        if grid is None and _looks_like_grid_header(head):
            rows = source.rows(None)
            grid_header = find_grid_header(rows)
            if grid_header is not None:
                grid = Candidate(source, merged, FoundTable(source.name, grid_header, rows, merged))
                continue
        found.append(_header_like_cells(source.name, head))
    if grid is not None:
        return grid
    raise PlanFormatError(
        path, "no recognisable task table: no sheet has a header row naming 序号, 重点任务 or 具体内容, "
        "and the units; header cells found: {cells}", cells="; ".join(f for f in found if f) or "none")


def has_task_table(rows: Rows, merged: Merged) -> bool:
    """True when ``rows`` start with a recognisable list or grid header."""
    head = rows[:DETECT_ROWS]
    return L.find_list_header(head, merged) is not None or (
        _looks_like_grid_header(head) and find_grid_header(rows) is not None)


@dataclass
class TableRead:
    """A table read: the plan, its warnings, what was recognised (sheet, layout, columns),
    and each task with the sheet row it came from."""

    plan: Plan
    warnings: list[Notice]
    info: Notice
    task_rows: list[tuple[Task, int]]
    facts: list[Notice] = field(default_factory=list)

    def result(self, facts: list[Notice] | None = None) -> ReadResult:
        return ReadResult(self.plan, self.warnings, self.info, list(facts or []) + self.facts)


def read_table(table: FoundTable, path: Path, registry: UnitRegistry | None, progress: Progress | None = None,
               literal: bool = False) -> TableRead:
    """The plan in ``table`` (see :class:`TableRead`).

    ``registry``: the plan's registry; ``None`` reads with both shipped registries and gives
    the plan the one that knows more of its units. ``literal``: a table the app wrote.
    """
    choose = registry is None
    reader = SheetReader(path, table.rows, table.merged, table.header,
                         UnitRegistry.combined() if registry is None else registry, progress, literal, choose)
    plan, warnings = reader.read()
    return TableRead(plan, warnings, describe_table(table), reader.task_rows, reader.facts)


def describe_table(table: FoundTable) -> Notice:
    header = table.header
    columns = "、".join(header.headers.get(c, "") for c in sorted(header.fields.values()))
    extras = "、".join(name for _, name in header.extras)
    header_row = header.row + 1
    if header.is_grid:
        return Notice("sheet “{sheet}”, grid layout, header in row {header_row}: {columns} and {units} unit columns",
                      sheet=table.name, header_row=header_row, columns=columns, units=len(header.unit_columns))
    if extras:
        return Notice("sheet “{sheet}”, list layout, header in row {header_row}: {columns}; extra columns: {extras}",
                      sheet=table.name, header_row=header_row, columns=columns, extras=extras)
    return Notice("sheet “{sheet}”, list layout, header in row {header_row}: {columns}",
                  sheet=table.name, header_row=header_row, columns=columns)


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


def _step(progress: Progress | None, percent: int) -> None:
    if progress is not None and progress(percent, 100) is False:
        raise Cancelled()
