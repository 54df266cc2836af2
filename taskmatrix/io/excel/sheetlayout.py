"""How a sheet looks and prints: column widths, row heights, page set-up; read and worked out.

Reading (:func:`read_layout`) takes them from a workbook's sheet XML, so a save keeps what
the source's author set for the rows the user did not change. Writing works out a row's
height from its wrapped text (:func:`row_height`): the column widths, the font size, and
the lines each cell wraps to, wide (CJK) characters counting double, as spreadsheet
programs measure them.
"""

from __future__ import annotations

import functools
import io
import math
import re
import zipfile
from dataclasses import dataclass, field

from defusedxml import ElementTree

#: Excel's largest row height, in points.
MAX_ROW_HEIGHT = 409.0
#: A line of wrapped text, in points per point of font size (LibreOffice and Excel use ~1.3
#: for Song and FangSong; a little more keeps descenders inside the row).
LINE_FACTOR = 1.42
ROW_PADDING = 6.0
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
_COL = re.compile(rb"<col\b([^>]*)/?>")
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass
class PageSetup:
    """A sheet's print set-up, as its workbook stores it (``None``: not set there)."""

    landscape: bool | None = None
    paper: int | None = None
    fit_width: int | None = None
    fit_height: int | None = None
    margins: dict[str, float] = field(default_factory=dict)  # left, right, top, bottom, header, footer (inches)
    header: str = ""
    footer: str = ""
    repeat_row: int | None = None  # the row printed on top of every page (0-based), when writing


@dataclass
class SheetLayout:
    """Column widths (0-based column -> Excel characters), custom row heights (0-based row ->
    points) and the page set-up of one sheet."""

    widths: dict[int, float] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)
    page: PageSetup = field(default_factory=PageSetup)


@dataclass
class SheetScan:
    """What one pass over a sheet's XML found: how it looks, and how far its cells reach
    (1-based last row and column of any cell, whatever its ``<dimension>`` claims)."""

    layout: SheetLayout
    rows: int = 0
    cols: int = 0
    far: str = ""  # the reference of the cell that reaches farthest, where one was seen


#: The most rows and cells (columns counted as 26 while they have one letter) a task sheet may
#: span: beyond them a spreadsheet library allocates gigabytes for the empty space up to the
#: farthest cell (a value in XFD1048576 is a 17-billion-cell range). A plan of 380,000 tasks fits.
MAX_ROWS = 1_000_000
MAX_CELLS = 10_000_000
_CHUNK = 4 << 20
# Rows past 199,999 (a plan of a few hundred thousand tasks has them; a far cell does too).
_LONG_ROW = re.compile(rb'<row r="((?:[2-9]\d{5})|\d{7,})"')
_LONG_CELL = re.compile(rb'<c r="([A-Z]{1,3}((?:[2-9]\d{5})|\d{7,}))"')
_WIDE_COL = re.compile(rb'<c r="(([A-Z]{3,})\d+)')
_TWO_LETTER = re.compile(rb'<c r="([A-Z]{2,})\d')
_LAST_ROW = re.compile(rb'<row r="(\d+)"')


def scan_sheet(archive: zipfile.ZipFile, part: str, heights: bool = True) -> SheetScan:
    """Stream the sheet part ``part`` once, keeping only its layout and its cells' reach
    (``heights``: the custom row heights too)."""
    layout = SheetLayout()
    scan = SheetScan(layout)
    head = b""
    after = b""  # from </sheetData> on: merges, print set-up (capped)
    last_rows = b""
    carry = b""
    two_letters = False
    with archive.open(part) as member:
        while True:
            chunk = member.read(_CHUNK)
            if not chunk:
                break
            data = carry + chunk
            if len(head) < 65536:
                head += data[: 65536 - len(head)]
            for match in _LONG_ROW.finditer(data):
                scan.rows = max(scan.rows, int(match.group(1)))
            for match in _LONG_CELL.finditer(data):
                if int(match.group(2)) >= scan.rows:
                    scan.rows, scan.far = int(match.group(2)), match.group(1).decode()
            if two_letters or _TWO_LETTER.search(data):
                two_letters = True
                for match in _WIDE_COL.finditer(data):
                    cols = column_number(match.group(2).decode())
                    if cols > scan.cols:
                        scan.cols, scan.far = cols, match.group(1).decode()
            if heights:
                _custom_heights(data, layout.heights)
            end = data.find(b"</sheetData>") if not after else -1
            if not after:
                last_rows = (last_rows + (data[:end] if end >= 0 else data))[-65536:]
            if after or end >= 0:
                after = (after + (data[end:] if not after else chunk))[: 16 << 20]
            carry = data[-256:]  # a tag cut between two chunks is found in the next
    rows = list(_LAST_ROW.finditer(last_rows + after[:12]))
    if rows:
        scan.rows = max(scan.rows, int(rows[-1].group(1)))
    if not scan.cols:
        scan.cols = 702 if two_letters else 26
    for match in _COL.finditer(head[: head.find(b"<sheetData")] if b"<sheetData" in head else head):
        attrs = dict(_ATTR.findall(match.group(1)))
        try:
            first, last_col, width = int(attrs[b"min"]), int(attrs[b"max"]), float(attrs[b"width"])
        except (KeyError, ValueError):
            continue
        for c in range(first - 1, min(last_col, first + 255)):
            layout.widths[c] = width
    layout.page = _page_setup(after)
    return scan


def exact_columns(archive: zipfile.ZipFile, part: str) -> int:
    """The last column any cell of a sheet with two-letter columns uses (a second, rarer pass)."""
    cols = 0
    carry = b""
    with archive.open(part) as member:
        while True:
            chunk = member.read(_CHUNK)
            if not chunk:
                break
            data = carry + chunk
            for match in _TWO_LETTER.finditer(data):
                cols = max(cols, column_number(match.group(1).decode()))
            carry = data[-64:]
    return max(cols, 26)


def column_number(letters: str) -> int:
    """``A`` -> 1, ``Z`` -> 26, ``AA`` -> 27, ``XFD`` -> 16384."""
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


_HEIGHT = re.compile(rb'<row r="(\d+)"[^>]*? ht="([0-9.]+)" customHeight="(?:1|true)"')


def _custom_heights(data: bytes, heights: dict[int, float]) -> None:
    """Rows with a custom height in ``data`` (the attribute order every writer uses)."""
    if b"customHeight" not in data:
        return
    for match in _HEIGHT.finditer(data):
        heights[int(match.group(1)) - 1] = float(match.group(2))


def sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip part that holds the worksheet named ``sheet``."""
    try:
        return _sheet_part(archive, sheet)
    except (KeyError, ValueError, SyntaxError):
        return None


def read_layout(data: bytes, sheet: str) -> SheetLayout | None:
    """The layout of sheet ``sheet`` of the xlsx ``data``; ``None`` if it cannot be found."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = sheet_part(archive, sheet)
            return scan_sheet(archive, part).layout if part is not None else None
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return None


def _page_setup(tail: bytes) -> PageSetup:
    page = PageSetup()
    for name, target in ((rb"<pageMargins\b([^>]*)/?>", "margins"), (rb"<pageSetup\b([^>]*)/?>", "setup")):
        match = re.search(name, tail)
        if match is None:
            continue
        attrs = {k.decode(): v.decode() for k, v in _ATTR.findall(match.group(1))}
        if target == "margins":
            for key in ("left", "right", "top", "bottom", "header", "footer"):
                try:
                    page.margins[key] = float(attrs[key])
                except (KeyError, ValueError):
                    pass
        else:
            if "orientation" in attrs:
                page.landscape = attrs["orientation"] == "landscape"
            for key, attr in (("paper", "paperSize"), ("fit_width", "fitToWidth"), ("fit_height", "fitToHeight")):
                if attrs.get(attr, "").isdigit():
                    setattr(page, key, int(attrs[attr]))
    for tag, key in ((rb"<oddHeader>(.*?)</oddHeader>", "header"), (rb"<oddFooter>(.*?)</oddFooter>", "footer")):
        match = re.search(tag, tail, re.S)
        if match is not None:
            from html import unescape

            setattr(page, key, unescape(match.group(1).decode("utf-8", "replace")))
    return page


def _sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    root = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rid = None
    for node in root.iterfind("m:sheets/m:sheet", _NS):
        if node.get("name") == sheet:
            rid = node.get(_REL)
    if rid is None:
        return None
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for rel in rels:
        if rel.get("Id") == rid:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return None


# -- working a row's height out -----------------------------------------------------------------
def text_width(text: str) -> int:
    """Width in Excel character units of one line: wide (CJK) characters count double."""
    # Each CJK character is 3 bytes in UTF-8 and ASCII 1, so wide = (bytes - chars) / 2.
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


@functools.lru_cache(maxsize=1 << 15)
def wrapped_lines(text: str, width: float) -> int:
    """The lines ``text`` takes in a wrapping cell ``width`` characters wide."""
    usable = max(1.0, width - 1.2)  # the cell's inner margins
    lines = 0
    for paragraph in text.split("\n"):
        lines += max(1, math.ceil(text_width(paragraph) / usable))
    return lines


def row_height(texts: list[str], widths: list[float], font_size: float) -> float:
    """The height (points) a row needs so that each cell's wrapped text fits in it."""
    return RowHeights(widths, font_size)(texts)


class RowHeights:
    """:func:`row_height` for many rows of the same columns (their limits worked out once)."""

    def __init__(self, widths: list[float], font_size: float) -> None:
        self.widths = widths
        # A short one-line text fits whatever its characters (each at most 2 units wide).
        self.short = [(width - 1.2) / 2 for width in widths]
        self.line = font_size * LINE_FACTOR

    def __call__(self, texts: list[str]) -> float:
        lines = 1
        if "\n" in "".join(texts):
            for text, width, short in zip(texts, self.widths, self.short):
                if len(text) > short or "\n" in text:
                    lines = max(lines, wrapped_lines(text, width))
        else:
            for text, width, short in zip(texts, self.widths, self.short):
                if len(text) > short:
                    lines = max(lines, wrapped_lines(text, width))
        return min(MAX_ROW_HEIGHT, round(lines * self.line + ROW_PADDING, 1))
