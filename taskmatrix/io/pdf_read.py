"""Reading a plan from a PDF: its text layer as plan text, or its ruled task table as a matrix.

Text comes from pdfium (through pypdfium2, which pdfplumber brings): each page's lines in
reading order (top to bottom); a line indented past the page's left edge starts a paragraph
(Chinese documents indent a paragraph's first line by two characters); pages are separated
by a page break, so page numbers and running headers and footers go (see
:mod:`taskmatrix.io.textlayout`). Tables come from pdfplumber, on the pages that have
rulings: a ruled table whose header names the task columns is read as a workbook sheet
would be, its continuation on the following pages joined (header rows repeated on each page
dropped; a row that runs over a page break joined back).

A PDF without a text layer (a scan) is refused with a message saying so. Hostile files are
refused in bounded time and memory before pdfium parses them: every compressed stream is
inflated once against a cap (a PDF bomb stops at the cap), and a file of more pages than a
plan has is refused. An encrypted PDF (whose streams cannot be checked so) is read through
pdfminer, whose inflating is capped the same way.
"""

from __future__ import annotations

import io
import re
import threading
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taskmatrix.io.errors import Cancelled, Notice, PlanFormatError
from taskmatrix.io.files import read_bytes
from taskmatrix.io.result import Progress, ReadResult
from taskmatrix.io.sheetreader import Merged, Rows
from taskmatrix.io.tableread import FoundTable, TableSource, find_table, has_task_table, read_table
from taskmatrix.model.units import UnitRegistry

MAX_PDF_BYTES = 200 * 1024 * 1024
MAX_PAGES = 2000
#: Inflated bytes one PDF may produce in all (its streams), and one stream alone.
MAX_INFLATED = 256 * 1024 * 1024
MAX_STREAM = 64 * 1024 * 1024
#: A page with this many drawn paths (lines, rectangles) may hold a ruled table.
_RULED_PATHS = 8
_INDENT_CHARS = 1.5
_STREAM = re.compile(rb"stream\r?\n")


class _TooLarge(Exception):
    pass


class _Budget(threading.local):
    left: int = -1  # -1: no PDF being read by pdfminer on this thread (no cap)


_budget = _Budget()


class _CappedZlib:
    """Stands in for ``zlib`` inside pdfminer: inflates in bounded pieces, against a budget."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)
    MAX_WBITS = zlib.MAX_WBITS

    @staticmethod
    def decompress(data: bytes, *args: Any) -> bytes:
        if _budget.left < 0:
            return zlib.decompress(data, *args)
        inflater = zlib.decompressobj(*args)
        out = inflater.decompress(data, MAX_STREAM + 1)
        if len(out) > MAX_STREAM or inflater.unconsumed_tail or len(out) > _budget.left:
            raise _TooLarge()
        _budget.left -= len(out)
        return out + inflater.flush()


def _install_cap() -> None:
    import pdfminer.pdftypes as pdftypes

    if not isinstance(pdftypes.zlib, _CappedZlib):
        pdftypes.zlib = _CappedZlib()  # type: ignore[assignment]


def check_streams(data: bytes) -> None:
    """Inflate every zlib stream of the file once, keeping nothing: raises :class:`_TooLarge`
    when one stream or all of them would inflate past the caps."""
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        inflater = zlib.decompressobj()
        try:
            chunk = inflater.decompress(data[start:end], 1 << 20)
        except zlib.error:
            continue  # not zlib data (an image, an encrypted stream): pdfium does not inflate it so
        size = len(chunk)
        while inflater.unconsumed_tail and size <= MAX_STREAM:
            try:
                size += len(inflater.decompress(inflater.unconsumed_tail, 1 << 20))
            except zlib.error:
                break
        total += size
        if size > MAX_STREAM or total > MAX_INFLATED:
            raise _TooLarge()


@dataclass
class _Page:
    """What a page holds: its lines (text, starts a paragraph), ruled tables, images, paths."""

    lines: list[tuple[str, bool]] = field(default_factory=list)
    tables: list[tuple[Rows, Merged, int]] = field(default_factory=list)  # rows, merged, column count
    images: int = 0
    paths: int = 0


def read_pdf(path: Path, registry: UnitRegistry | None = None, progress: Progress | None = None) -> ReadResult:
    """Read a ``.pdf`` plan; raises :class:`PlanFormatError` naming the file on bad input."""
    data = read_bytes(path, MAX_PDF_BYTES)
    encrypted = b"/Encrypt" in data
    try:
        if not encrypted:
            check_streams(data)
        pages = _pdfium_pages(data, path, progress)
        ruled = [i for i, page in enumerate(pages) if page.paths >= _RULED_PATHS]
        if ruled or encrypted:
            _plumber_tables(data, path, pages, ruled if not encrypted else list(range(len(pages))), encrypted)
    except _TooLarge:
        raise PlanFormatError(path, "refused: the PDF's content would inflate past {limit} MB (a PDF bomb?)",
                              limit=MAX_INFLATED // (1024 * 1024)) from None
    except RecursionError:
        raise PlanFormatError(path, "refused: the PDF's objects are nested too deep to read (damaged or hostile)"
                              ) from None
    if not any(page.lines for page in pages):
        if any(page.images for page in pages):
            raise PlanFormatError(path, "this PDF is a scanned image with no text layer, so its text cannot be "
                                        "read: open the Word or text version of the plan, or run it through OCR")
        raise PlanFormatError(path, "the PDF has no text")
    tables = [t for page in pages for t in page.tables]
    if tables and any(has_task_table(rows, merged) for rows, merged, _ in tables[:3]):
        table = _joined_tables(tables, path)
        read = read_table(table, path, registry, progress)
        facts = [Notice("the PDF's task table was read ({pages} pages)", pages=len(pages))]
        if not read.plan.title:
            read.plan.title = next((line for page in pages for line, _ in page.lines[:3] if "。" not in line), "")[:100]
        return read.result(facts)
    from taskmatrix.io.plaintext import parse_plan_text

    text = "\f".join("\n".join(("\n" if starts else "") + line for line, starts in page.lines) for page in pages)
    result = parse_plan_text(text, registry, path)
    result.facts.insert(0, Notice("the PDF's text layer was read ({pages} pages)", pages=len(pages)))
    return result


def _pdfium_pages(data: bytes, path: Path, progress: Progress | None) -> list[_Page]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PlanFormatError(path, "the PDF is password-protected: open it with its password, save a copy "
                                        "without one, and open that here") from None
        raise PlanFormatError(path, "the PDF is damaged and cannot be read") from None
    try:
        count = len(pdf)
        if count > MAX_PAGES:
            raise PlanFormatError(path, "refused: the PDF has {count} pages; a plan has at most {limit}",
                                  count=count, limit=MAX_PAGES)
        pages = []
        for number in range(count):
            if progress is not None and progress(number, count * 2) is False:
                raise Cancelled()
            page = pdf[number]
            try:
                pages.append(_pdfium_page(page, pdfium))
            finally:
                page.close()
        return pages
    finally:
        pdf.close()


def _pdfium_page(page: Any, pdfium: Any) -> _Page:
    found = _Page()
    for obj in page.get_objects(max_depth=2):
        if obj.type == pdfium.raw.FPDF_PAGEOBJ_PATH:
            found.paths += 1
        elif obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE:
            found.images += 1
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        aligned = len(text) == textpage.count_chars()
        lines: list[tuple[float, float, str]] = []  # (top, left, text)
        index = 0
        for raw in text.split("\n"):
            line = raw.rstrip("\r")
            if line.strip():
                start = index + len(line) - len(line.lstrip())
                box = textpage.get_charbox(start) if aligned else (0.0, 0.0, 0.0, -len(lines))
                lines.append((box[3], box[0], line.strip()))
            index += len(raw) + 1
    finally:
        textpage.close()
    if not lines:
        return found
    lines.sort(key=lambda item: (-round(item[0]), item[1]))  # top to bottom, then left to right
    chars = [len(t) for _, _, t in lines]
    char = 10.0
    if aligned:
        left_edges = sorted(left for _, left, _ in lines)
        left = left_edges[max(0, len(left_edges) // 10)]
        width = page.get_size()[0]
        longest = max(chars)
        char = max(4.0, (width - 2 * left) / max(longest, 1)) if longest >= 8 else 10.0
    else:
        left = 0.0
    for (_, x, line), _n in zip(lines, chars):
        found.lines.append((line, aligned and x > left + _INDENT_CHARS * char))
    return found


def _plumber_tables(data: bytes, path: Path, pages: list[_Page], numbers: list[int], encrypted: bool) -> None:
    """Ruled tables of the pages ``numbers`` (by pdfplumber); for an encrypted PDF, its text too."""
    import pdfplumber

    _install_cap()
    _budget.left = MAX_INFLATED
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number in numbers:
                if number >= len(pdf.pages):
                    break
                page = pdf.pages[number]
                for table in page.find_tables():
                    rows, merged = _table_cells(table)
                    if rows:
                        pages[number].tables.append((rows, merged, max(len(r) for r in rows)))
                page.close()
    except (PlanFormatError, _TooLarge, RecursionError, Cancelled):
        raise
    except Exception as exc:  # pdfminer raises many types on damaged content
        if encrypted:
            raise PlanFormatError(path, "the PDF is encrypted in a way this app cannot read: save a copy without "
                                        "encryption") from None
        raise PlanFormatError(path, "the PDF is damaged and cannot be read: {reason}",
                              reason=(str(exc) or type(exc).__name__)[:100]) from None
    finally:
        _budget.left = -1


def _table_cells(table: Any) -> tuple[Rows, Merged]:
    """A pdfplumber table as rows of cell text and merged ranges (a cell whose box covers
    several rows or columns of the table's grid)."""
    texts = table.extract()
    rows_boxes = [row.bbox for row in table.rows]
    cols_boxes = [col.bbox for col in table.columns]
    rows: Rows = [["" if v is None else unwrap(str(v)) for v in row] for row in texts or []]
    merged: Merged = []
    for row in table.rows:
        for box in row.cells:
            if box is None:
                continue
            x0, top, x1, bottom = box
            cols = [i for i, (a, _, b, _) in enumerate(cols_boxes) if x0 - 1 <= (a + b) / 2 <= x1 + 1]
            spans = [i for i, (_, a, _, b) in enumerate(rows_boxes) if top - 1 <= (a + b) / 2 <= bottom + 1]
            if cols and spans and (len(cols) > 1 or len(spans) > 1):
                merged.append(((min(spans), min(cols)), (max(spans), max(cols))))
    return rows, sorted(set(merged))


def _joined_tables(tables: list[tuple[Rows, Merged, int]], path: Path) -> FoundTable:
    """The task table and its continuation on the following pages, as one table."""
    start = next(i for i, (rows, merged, _) in enumerate(tables) if has_task_table(rows, merged))
    first_rows, first_merged, width = tables[start]
    table = find_table([TableSource("表格", lambda n: first_rows if n is None else first_rows[:n],
                                    lambda: first_merged)], path).load()
    rows = [list(r) for r in table.rows]
    merged = list(table.merged)
    header = rows[table.header.row]
    number_col = table.header.fields.get("number", 0)
    for more_rows, more_merged, more_width in tables[start + 1:]:
        if more_width != width:
            continue
        more = [list(r) for r in more_rows]
        skip = 1 if more and more[0] == header else 0
        if len(more) > skip and not str(more[skip][number_col]).strip() and rows:
            # The first row continues the last row of the page before.
            rows[-1] = [_join(a, b) for a, b in zip(rows[-1], more[skip])]
            skip += 1
        offset = len(rows) - skip
        rows.extend(more[skip:])
        merged.extend(((a + offset, b), (c + offset, d)) for (a, b), (c, d) in more_merged if a >= skip)
    return FoundTable(table.name, table.header, rows, merged)


def unwrap(text: str) -> str:
    """A cell's lines as the one line they were before the cell wrapped them (no space
    between Chinese characters, one between Latin words)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out += ("" if _wide(out[-1]) or _wide(line[0]) else " ") + line
    return out


def _wide(ch: str) -> bool:
    return ch >= "\u2e80"


def _join(first: Any, second: Any) -> str:
    a, b = str(first or ""), str(second or "")
    return unwrap(a + "\n" + b) if a and b else a or b
