"""Where the workbook writer's cells go: one interface (:class:`SheetSink`), two back ends.

XlsxWriter writes a new workbook; :class:`XmlBook` makes our sheets as SpreadsheetML for the
package splice (:mod:`taskmatrix.io.excel.splice`), which keeps the source workbook's other
parts. The cell styles are declared once (:data:`STYLES`) for both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

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
    def write(self, row: int, col: int, value: str | int, style: str) -> None: ...
    def merge(self, row: int, first_col: int, last_col: int, value: str, style: str) -> None: ...
    def widths(self, widths: Sequence[float]) -> None: ...
    def height(self, row: int, points: float) -> None: ...
    def freeze(self, row: int, col: int) -> None: ...
    def print_setup(self, page: PageSetup) -> None: ...
    def list_validation(self, first_row: int, col: int, last_row: int, options: list[str]) -> None: ...


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
        return XlsxWriterSheet(self.workbook.add_worksheet(name), self.formats)


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
