"""A worksheet written as SpreadsheetML text: the sheet sink the package splice uses.

Cells hold inline strings (no shared-string table to merge with the source workbook's) and
style numbers given by the caller (the splice appends our styles after the source's). Rows
are written in order; the layout of the sheet (widths, frozen panes, merges, validation,
print set-up) is assembled around them when the sheet is finished.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape as _xml

from taskmatrix.io.excel import layout as L
from taskmatrix.io.excel.sheetlayout import PageSetup

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ATTR = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def xml_text(text: str) -> str:
    """Text for an element's content: escaped, and ``_xHHHH_`` kept as typed."""
    return _xml(L.escape(text))


def xml_attr(text: str) -> str:
    return _xml(text, _ATTR)


def cell_ref(row: int, col: int) -> str:
    return f"{L.column_letter(col)}{row + 1}"


class XmlSheet:
    """One worksheet built up row by row; :meth:`xml` gives the finished part."""

    def __init__(self, name: str, styles: dict[str, int], selected: bool = False) -> None:
        self.name = name
        self.styles = styles
        self.selected = selected
        self._row_xml: list[str] = []
        self._row = -1
        self._cells: list[str] = []
        self._heights: dict[int, float] = {}
        self._merges: list[str] = []
        self._widths: list[float] = []
        self._freeze: tuple[int, int] = (0, 0)
        self._page: PageSetup | None = None
        self._validation = ""
        self.max_row = 0
        self.max_col = 0

    # -- the sink ------------------------------------------------------------------------------
    def write(self, row: int, col: int, value: str | int | float, style: str) -> None:
        self._goto(row)
        ref = cell_ref(row, col)
        s = self.styles[style]
        if isinstance(value, str):
            space = ' xml:space="preserve"' if value != value.strip() or "\n" in value else ""
            self._cells.append(f'<c r="{ref}" s="{s}" t="inlineStr"><is><t{space}>{xml_text(value)}</t></is></c>')
        else:
            self._cells.append(f'<c r="{ref}" s="{s}"><v>{value}</v></c>')
        self.max_col = max(self.max_col, col)

    def merge(self, row: int, first_col: int, last_col: int, value: str, style: str) -> None:
        self.write(row, first_col, value, style)
        for c in range(first_col + 1, last_col + 1):
            self._cells.append(f'<c r="{cell_ref(row, c)}" s="{self.styles[style]}"/>')
        if last_col > first_col:
            self._merges.append(f'<mergeCell ref="{cell_ref(row, first_col)}:{cell_ref(row, last_col)}"/>')
        self.max_col = max(self.max_col, last_col)

    def widths(self, widths: Sequence[float]) -> None:
        self._widths = list(widths)

    def height(self, row: int, points: float) -> None:
        if row == self._row:
            self._heights[row] = points
        else:
            self._goto(row)
            self._heights[row] = points

    def freeze(self, row: int, col: int) -> None:
        self._freeze = (row, col)

    def print_setup(self, page: PageSetup) -> None:
        self._page = page

    def list_validation(self, first_row: int, col: int, last_row: int, options: list[str]) -> None:
        letter = L.column_letter(col)
        formula = xml_text('"' + ",".join(options) + '"')
        self._validation = (f'<dataValidations count="1"><dataValidation type="list" allowBlank="1" '
                            f'showErrorMessage="0" sqref="{letter}{first_row + 1}:{letter}{last_row + 1}">'
                            f"<formula1>{formula}</formula1></dataValidation></dataValidations>")

    def rows(self, first_row: int, rows: Sequence[Sequence[str | int]], styles: Sequence[str],
             heights: Sequence[float]) -> None:
        """A block of rows in one go (after the sheet's other cells), each column in its style."""
        if not rows:
            return
        self._flush()
        self._row = -1
        columns = [(f'<c r="{L.column_letter(c)}', f'" s="{self.styles[name]}"') for c, name in enumerate(styles)]
        escaped: dict[str, str] = {}
        for i, row in enumerate(rows):
            r = str(first_row + i + 1)
            cells = [f'<row r="{r}" ht="{heights[i]:g}" customHeight="1">']
            for (ref, style), v in zip(columns, row):
                if isinstance(v, int):
                    cells.append(f"{ref}{r}{style}><v>{v}</v></c>")
                elif not v:
                    cells.append(f"{ref}{r}{style}/>")
                else:
                    text = escaped.get(v)
                    if text is None:
                        space = ' xml:space="preserve"' if v != v.strip() or "\n" in v else ""
                        text = escaped[v] = f'{space}>{xml_text(v)}'
                    cells.append(f'{ref}{r}{style} t="inlineStr"><is><t{text}</t></is></c>')
            cells.append("</row>")
            self._row_xml.append("".join(cells))
        self.max_row = max(self.max_row, first_row + len(rows) - 1)
        self.max_col = max(self.max_col, len(styles) - 1)
        self._row = -1

    # -- assembling -----------------------------------------------------------------------------
    def _goto(self, row: int) -> None:
        if row == self._row:
            return
        self._flush()
        self._row = row

    def _flush(self) -> None:
        if self._row < 0:
            return
        height = self._heights.get(self._row)
        attrs = f' ht="{height:g}" customHeight="1"' if height is not None else ""
        self._row_xml.append(f'<row r="{self._row + 1}"{attrs}>' + "".join(self._cells) + "</row>")
        self.max_row = max(self.max_row, self._row)
        self._cells = []

    def print_titles(self) -> str | None:
        """The defined name's text for the rows repeated on every printed page, if any."""
        if self._page is None or self._page.repeat_row is None:
            return None
        row = self._page.repeat_row + 1
        quoted = "'" + self.name.replace("'", "''") + "'"
        return f"{quoted}!${row}:${row}"

    def xml(self) -> bytes:
        self._flush()
        parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" '
                 f'xmlns:r="{REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
                 f'<dimension ref="A1:{cell_ref(self.max_row, self.max_col)}"/>',
                 self._views(), '<sheetFormatPr defaultRowHeight="15"/>']
        if self._widths:
            parts.append("<cols>" + "".join(
                f'<col min="{c + 1}" max="{c + 1}" width="{w:g}" customWidth="1"/>'
                for c, w in enumerate(self._widths)) + "</cols>")
        parts.append("<sheetData>" + "".join(self._row_xml) + "</sheetData>")
        if self._merges:
            parts.append(f'<mergeCells count="{len(self._merges)}">' + "".join(self._merges) + "</mergeCells>")
        parts.append(self._validation)
        parts.append(self._page_xml())
        parts.append("</worksheet>")
        return "".join(parts).encode("utf-8")

    def _views(self) -> str:
        selected = ' tabSelected="1"' if self.selected else ""
        row, col = self._freeze
        if not row and not col:
            return f'<sheetViews><sheetView{selected} workbookViewId="0"/></sheetViews>'
        pane = "bottomRight" if row and col else "bottomLeft" if row else "topRight"
        split = (f' xSplit="{col}"' if col else "") + (f' ySplit="{row}"' if row else "")
        return (f'<sheetViews><sheetView{selected} workbookViewId="0"><pane{split} topLeftCell="{cell_ref(row, col)}" '
                f'activePane="{pane}" state="frozen"/><selection pane="{pane}"/></sheetView></sheetViews>')

    def _page_xml(self) -> str:
        page = self._page
        if page is None:
            return ""
        m = page.margins
        out = (f'<pageMargins left="{m["left"]:g}" right="{m["right"]:g}" top="{m["top"]:g}" '
               f'bottom="{m["bottom"]:g}" header="{m.get("header", 0.3):g}" footer="{m.get("footer", 0.3):g}"/>')
        orientation = "landscape" if page.landscape else "portrait"
        out += (f'<pageSetup paperSize="{page.paper or 9}" orientation="{orientation}" '
                f'fitToWidth="{page.fit_width or 1}" fitToHeight="{page.fit_height or 0}"/>')
        header = f"<oddHeader>{xml_text(page.header)}</oddHeader>" if page.header else ""
        footer = f"<oddFooter>{xml_text(page.footer)}</oddFooter>" if page.footer else ""
        if header or footer:
            out += f"<headerFooter>{header}{footer}</headerFooter>"
        return out
