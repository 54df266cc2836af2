"""Where the workbook writer's cells go: one interface (:class:`SheetSink`), two back ends.

XlsxWriter writes a new workbook; :class:`XmlBook` makes our sheets as SpreadsheetML for the
package splice (:mod:`taskmatrix.io.excel.splice`), which keeps the source workbook's other
parts. The cell styles are declared once (:data:`STYLES`) for both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from taskmatrix.io.excel import layout as L
from taskmatrix.io.excel.sheetlayout import PageSetup
from taskmatrix.io.excel.sheetxml import XmlSheet

FONT = "宋体"
#: Cell styles, defined once for both back ends.
STYLES: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "size": 16, "align": "center", "wrap": True},
    "header": {"bold": True, "size": 11, "align": "center", "wrap": True, "border": True, "fill": "D9E1F2"},
    "section": {"bold": True, "size": 11, "align": "left", "wrap": False, "border": True, "fill": "F2F2F2"},
    "cell": {"size": 10.5, "align": "left", "wrap": True, "border": True},
    "center": {"size": 10.5, "align": "center", "wrap": True, "border": True},
    "total": {"bold": True, "size": 10.5, "align": "center", "wrap": True, "border": True, "fill": "F2F2F2"},
}

class SheetSink(Protocol):
    def write(self, row: int, col: int, value: str | int | float, style: str) -> None: ...
    def merge(self, row: int, first_col: int, last_col: int, value: str, style: str) -> None: ...
    def widths(self, widths: Sequence[float]) -> None: ...
    def height(self, row: int, points: float) -> None: ...
    def freeze(self, row: int, col: int) -> None: ...
    def print_setup(self, page: PageSetup) -> None: ...
    def list_validation(self, first_row: int, col: int, last_row: int, options: list[str]) -> None: ...
    def rows(self, first_row: int, rows: Sequence[Sequence[str | int]], styles: Sequence[str],
             heights: Sequence[float]) -> None: ...


class BookSink(Protocol):
    def add_sheet(self, name: str) -> SheetSink: ...


# -- XlsxWriter --------------------------------------------------------------------------------------
class XlsxWriterBook:
    def __init__(self, target: Any) -> None:
        import xlsxwriter

        options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
                   "in_memory": True}
        self.workbook = xlsxwriter.Workbook(target, options)
        self.formats = {name: self.workbook.add_format(_xlsxwriter_format(spec)) for name, spec in STYLES.items()}

    def add_sheet(self, name: str) -> SheetSink:
        return XlsxWriterSheet(self.workbook.add_worksheet(name, worksheet_class=_bulk_worksheet_class()),
                               self.formats)


def _xlsxwriter_format(spec: dict[str, Any]) -> dict[str, Any]:
    fmt: dict[str, Any] = {"font_name": FONT, "font_size": spec["size"], "valign": "vcenter",
                           "align": spec["align"], "text_wrap": spec["wrap"], "bold": spec.get("bold", False)}
    if spec.get("border"):
        fmt["border"] = 1
    if spec.get("fill"):
        fmt["bg_color"] = "#" + spec["fill"]
        fmt["pattern"] = 1
    return fmt


class XlsxWriterSheet:
    def __init__(self, ws: Any, formats: dict[str, Any]) -> None:
        self.ws = ws
        self.formats = formats

    def write(self, row: int, col: int, value: str | int | float, style: str) -> None:
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

    def rows(self, first_row: int, rows: Sequence[Sequence[str | int]], styles: Sequence[str],
             heights: Sequence[float]) -> None:
        self.ws.add_block(first_row, rows, [self.formats[s] for s in styles], heights)


_BULK_CLASS: Any = None


def _bulk_worksheet_class() -> Any:
    """XlsxWriter's worksheet, plus blocks of rows kept as shared-string numbers and written
    out as XML in one go (a tenth of the per-cell cost of ``write_string``): for the long,
    regular progress sheets. Its ordinary cells must all come before its blocks."""
    global _BULK_CLASS
    if _BULK_CLASS is not None:
        return _BULK_CLASS
    from xlsxwriter.worksheet import Worksheet

    class BulkWorksheet(Worksheet):
        def __init__(self) -> None:
            super().__init__()
            self._blocks: list[str] = []
            self._plain_rows: int | None = None  # the last row of ordinary cells, if any

        def add_block(self, first_row: int, rows: Sequence[Sequence[str | int]], formats: list[Any],
                      heights: Sequence[float]) -> None:
            if not rows:
                return
            if not self._blocks:
                self._plain_rows = getattr(self, "dim_rowmax")  # noqa: B009 (XlsxWriter leaves it untyped)
            if self._check_dimensions(first_row, 0) or self._check_dimensions(first_row + len(rows) - 1,
                                                                                len(formats) - 1):
                raise ValueError("a block of rows outside the worksheet")
            # The formats' numbers are fixed now (XlsxWriter numbers a format the first time it is
            # asked, and keeps that number), so the rows can be written out as XML at once.
            self._blocks.append(_block_xml(first_row, rows, [f._get_xf_index() for f in formats], heights,
                                           self.str_table))

        def _write_sheet_data(self) -> None:
            if not self._blocks:
                super()._write_sheet_data()
                return
            self._xml_start_tag("sheetData")
            if self._plain_rows is not None:
                last = getattr(self, "dim_rowmax")  # noqa: B009
                setattr(self, "dim_rowmax", self._plain_rows)  # noqa: B010
                self._write_rows()
                setattr(self, "dim_rowmax", last)  # noqa: B010
            for block in self._blocks:
                self.fh.write(block)
            self._xml_end_tag("sheetData")

    _BULK_CLASS = BulkWorksheet
    return _BULK_CLASS


_EMPTY = frozenset({""})


def _block_xml(first: int, rows: Sequence[Sequence[str | int]], styles: list[int], heights: Sequence[float],
               strings: Any) -> str:
    """Rows as SpreadsheetML, their texts as shared strings (``strings``: XlsxWriter's table,
    which is what ``write_string`` uses), an empty text a blank cell in its style; a column is
    of numbers where the first row's is."""
    get, add, before = strings.string_table.get, strings._get_shared_string_index, strings.unique_count
    numeric = [isinstance(v, int) for v in rows[0]]
    shown: dict[float, str] = {}  # heights as written
    templates: dict[tuple[bool, ...], str] = {}  # a row's XML with its blank cells where they are
    out: list[str] = []
    refs = 0
    for i, row in enumerate(rows):
        blanks = tuple(map(_EMPTY.__contains__, row))
        template = templates.get(blanks)
        if template is None:
            template = templates[blanks] = _row_template(styles, numeric, blanks)
        values = [int(v) if number else index if (index := get(v)) is not None else add(v)
                  for v, number in zip(row, numeric) if v != ""]
        refs += len(values)
        height = heights[i]
        text = shown.get(height)
        if text is None:
            text = shown[height] = f"{height:g}"
        out.append(template.format(first + i + 1, text, *values))
    refs -= numeric.count(True) * len(rows)
    strings.count += refs - (strings.unique_count - before)  # add() counted each new string already
    return "".join(out)


def _row_template(styles: list[int], numeric: list[bool], blanks: tuple[bool, ...]) -> str:
    """``{0}`` the row's number, ``{1}`` its height (as written), then the values of its cells that are not blank.

    Only a row's first cell names its place: the others follow it, one column each (the
    reference is optional, ECMA-376 §18.3.1.4; Excel and LibreOffice place them so, and so do
    calamine and openpyxl, tested). A quarter less XML to write and compress on a long sheet."""
    cells = []
    slot = 2
    for c, (s, number, blank) in enumerate(zip(styles, numeric, blanks)):
        ref = f' r="{L.column_letter(c)}{{0}}"' if c == 0 else ""
        if blank:
            cells.append(f'<c{ref} s="{s}"/>')
            continue
        kind = "" if number else ' t="s"'
        cells.append(f"<c{ref} s=\"{s}\"{kind}><v>{{{slot}}}</v></c>")
        slot += 1
    return '<row r="{0}" ht="{1}" customHeight="1">' + "".join(cells) + "</row>"


# -- our sheets as SpreadsheetML, for the package splice ------------------------------------------
class XmlBook:
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
