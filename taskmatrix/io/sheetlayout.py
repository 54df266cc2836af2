"""How a sheet looks and prints: column widths, row heights, page set-up; read and worked out.

Reading (:func:`read_layout`) takes them from a workbook's sheet XML, so a save keeps what
the source's author set for the rows the user did not change. Writing works out a row's
height from its wrapped text (:func:`row_height`): the column widths, the font size, and
the lines each cell wraps to, wide (CJK) characters counting double, as spreadsheet
programs measure them.
"""

from __future__ import annotations

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
_ROW = re.compile(rb"<row\b([^>]*)>")
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


def read_layout(data: bytes, sheet: str) -> SheetLayout | None:
    """The layout of sheet ``sheet`` of the xlsx ``data``; ``None`` if it cannot be found."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _sheet_part(archive, sheet)
            if part is None:
                return None
            xml = archive.read(part)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return None
    layout = SheetLayout()
    head = xml[: xml.find(b"<sheetData")] if b"<sheetData" in xml else xml[:65536]
    for match in _COL.finditer(head):
        attrs = dict(_ATTR.findall(match.group(1)))
        try:
            first, last, width = int(attrs[b"min"]), int(attrs[b"max"]), float(attrs[b"width"])
        except (KeyError, ValueError):
            continue
        for c in range(first - 1, min(last, first + 255)):
            layout.widths[c] = width
    for match in _ROW.finditer(xml):
        row_attrs: bytes = match.group(1)
        if b"customHeight" not in row_attrs:
            continue
        found = dict(_ATTR.findall(row_attrs))
        if found.get(b"customHeight") in (b"1", b"true"):
            try:
                layout.heights[int(found[b"r"]) - 1] = float(found[b"ht"])
            except (KeyError, ValueError):
                pass
    tail = xml[xml.rfind(b"</sheetData>"):] if b"</sheetData>" in xml else b""
    layout.page = _page_setup(tail)
    return layout


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


def wrapped_lines(text: str, width: float) -> int:
    """The lines ``text`` takes in a wrapping cell ``width`` characters wide."""
    usable = max(1.0, width - 1.2)  # the cell's inner margins
    lines = 0
    for paragraph in text.split("\n"):
        lines += max(1, math.ceil(text_width(paragraph) / usable))
    return lines


def row_height(texts: list[str], widths: list[float], font_size: float) -> float:
    """The height (points) a row needs so that each cell's wrapped text fits in it."""
    lines = max((wrapped_lines(t, w) for t, w in zip(texts, widths) if t), default=1)
    return min(MAX_ROW_HEIGHT, round(lines * font_size * LINE_FACTOR + ROW_PADDING, 1))
