"""Reading a plan from a Word document (``.docx``) through python-docx.

The body is read in order: paragraphs as plan text, tables as rows of cells. A document
whose table is a task table (the same header names and layouts as a workbook's sheet) is
read from the table, tables with the same header joined (a matrix Word split over pages);
otherwise the paragraphs are read as plan text. The numbers Word generates (automatic
numbering: ``1.``, ``（一）``, ``一、``) are not in a paragraph's text but in its numbering
properties; :mod:`taskmatrix.io.docxnumbers` puts them back in front of the text.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from taskmatrix.io.docxnumbers import Numbering
from taskmatrix.io.errors import Notice, Phrase, PlanFormatError
from taskmatrix.io.excel.safety import MAX_FILE_BYTES, check_package
from taskmatrix.io.files import read_bytes
from taskmatrix.io.result import Progress, ReadResult
from taskmatrix.io.sheetreader import Merged, Rows
from taskmatrix.io.tableread import FoundTable, TableSource, find_table, has_task_table, read_table
from taskmatrix.model.units import UnitRegistry

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path, registry: UnitRegistry | None = None, progress: Progress | None = None) -> ReadResult:
    """Read a ``.docx`` plan; raises :class:`PlanFormatError` naming the file on bad input."""
    data = read_bytes(path, MAX_FILE_BYTES)
    check_package(data, path, Phrase("the document"))
    document = _open(data, path)
    numbering = Numbering.of(document)
    paragraphs: list[str] = []
    tables: list[tuple[Rows, Merged]] = []
    for element in document.element.body.iterchildren():
        if element.tag == _W + "p":
            paragraphs.append(numbering.label(element) + _paragraph_text(element))
        elif element.tag == _W + "tbl":
            from docx.table import Table

            tables.append(table_cells(Table(element, document)))
    task_tables = [t for t in tables if has_task_table(*t)]
    if task_tables:
        table = _joined(task_tables, path)
        read = read_table(table, path, registry, progress)
        plan = read.plan
        facts: list[Notice] = []
        if any(p.strip() for p in paragraphs):
            facts.append(Notice("the document has text and a task table: the tasks were read from the table"))
        if len(task_tables) > 1:
            facts.append(Notice("{count} tables with the same header were read as one", count=len(task_tables)))
        if plan.title == "" and paragraphs:
            plan.title = next((p.strip() for p in paragraphs if p.strip()), "")[:100]
        return read.result(facts)
    from taskmatrix.io.plaintext import parse_plan_text

    result = parse_plan_text("\n\n".join(paragraphs), registry, path)
    if numbering.used:
        result.facts.insert(0, Notice("{count} numbers that Word generates (automatic numbering) were read",
                                      count=numbering.used))
    return result


def _open(data: bytes, path: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise PlanFormatError(path, "not a Word document: the package has no document part") from None
    except Exception as exc:  # python-docx and lxml raise many types for damaged parts
        text = str(exc) or type(exc).__name__
        raise PlanFormatError(path, "the document is damaged: {reason}", reason=text[:120]) from None


def _paragraph_text(p: Any) -> str:
    """A paragraph's text: runs, tabs as spaces, line breaks as line breaks."""
    parts: list[str] = []
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if node.tag == _W + "t":
            parts.append(node.text or "")
        elif node.tag == _W + "tab":
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def table_cells(table: Any) -> tuple[Rows, Merged]:
    """A Word table as rows of cell text and merged ranges: a merged cell is the same cell
    object at several grid positions (python-docx repeats it), told by identity, not text."""
    rows: Rows = []
    spans: dict[int, list[int]] = {}  # id(tc) -> [first row, first col, last row, last col]
    origin: dict[int, Any] = {}
    for r, row in enumerate(table.rows):
        values: list[Any] = []
        for c, cell in enumerate(row.cells):
            key = id(cell._tc)
            if key in spans:
                span = spans[key]
                span[2], span[3] = max(span[2], r), max(span[3], c)
                values.append("")
            else:
                spans[key] = [r, c, r, c]
                origin[key] = cell._tc
                values.append("\n".join(_paragraph_text(p) for p in cell._tc.iter(_W + "p")).strip())
        rows.append(values)
    merged: Merged = [((a, b), (c, d)) for a, b, c, d in spans.values() if (a, b) != (c, d)]
    return rows, merged


def _joined(tables: list[tuple[Rows, Merged]], path: Path) -> FoundTable:
    """The task tables as one: later tables' rows follow the first's, their header rows dropped."""
    first_rows, first_merged = tables[0]
    table = find_table([TableSource("表格 1", lambda n: first_rows if n is None else first_rows[:n],
                                    lambda: first_merged)], path).load()
    rows = list(table.rows)
    merged = list(table.merged)
    header = [str(v) for v in table.rows[table.header.row]]
    for more_rows, more_merged in tables[1:]:
        skip = next((i + 1 for i, row in enumerate(more_rows[:5]) if [str(v) for v in row] == header), 0)
        offset = len(rows) - skip
        rows.extend(more_rows[skip:])
        merged.extend(((a + offset, b), (c + offset, d)) for (a, b), (c, d) in more_merged if a >= skip)
    return FoundTable(table.name, table.header, rows, merged)
