"""Reading the workbooks the app never writes back: ``.xls`` (Excel 97–2003), ``.et`` (WPS),
``.ods`` (OpenDocument) and ``.xlsb`` (Excel binary), through python-calamine, into the same
table reader as ``.xlsx``. Saving such a plan writes a new ``.xlsx`` beside the source.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from taskmatrix.io.bulk import release_native_memory
from taskmatrix.io.errors import Notice, Phrase, PlanFormatError
from taskmatrix.io.excel.read import sheet_source, short_reason, worksheet_names
from taskmatrix.io.excel.safety import MAX_FILE_BYTES, ZIP_SIGNATURES, check_package
from taskmatrix.io.files import read_bytes
from taskmatrix.io.result import Progress, ReadResult
from taskmatrix.io.sheetreader import Merged
from taskmatrix.io.tableread import TableSource, find_table, read_table
from taskmatrix.model.units import UnitRegistry


def read_old_workbook(path: Path, registry: UnitRegistry | None = None,
                      progress: Progress | None = None) -> ReadResult:
    """Read an ``.xls``, ``.et``, ``.ods`` or ``.xlsb`` workbook (told apart by its content)."""
    import python_calamine as pc

    data = read_bytes(path, MAX_FILE_BYTES)
    if data.startswith(ZIP_SIGNATURES):
        check_package(data, path, Phrase("the workbook"))
    try:
        workbook = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except pc.PasswordError:
        raise PlanFormatError(path, "the workbook is password-protected (encrypted): remove the password in "
                                    "Excel or WPS, save it, and open it here again") from None
    except Exception as exc:  # calamine raises several types for damaged files
        raise PlanFormatError(path, "the workbook is damaged: {reason}", reason=short_reason(exc)) from None
    names = worksheet_names(workbook)
    merges = ods_merges(data) if data.startswith(ZIP_SIGNATURES) and b"opendocument" in data[:200] else None
    candidate = find_table(_sources(workbook, names, path, merges), path)
    del workbook
    release_native_memory()
    table = candidate.load()
    read = read_table(table, path, registry, progress)
    others = [n for n in names if n != table.name]
    facts = [Notice("saving writes a new .xlsx beside this file; the file itself is not changed")]
    if others:
        facts.append(Notice("the workbook's other sheets ({sheets}) stay in this file; they are not part of the "
                            "plan", sheets="、".join(others)))
    return read.result(facts)


def _sources(workbook: Any, names: list[str], path: Path, merges: dict[str, Merged] | None) -> list[TableSource]:
    sources = [sheet_source(workbook.get_sheet_by_name(name), name, path) for name in names]
    if merges is not None:  # calamine gives no merged ranges for OpenDocument: ours instead
        for source in sources:
            found = merges.get(source.name, [])
            source.merged = lambda found=found: found  # type: ignore[misc]
    return sources


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def ods_merges(data: bytes) -> dict[str, Merged]:
    """The merged ranges of each sheet of an OpenDocument spreadsheet, from its content.xml
    (cells spanning rows or columns; repeated rows and columns counted, not expanded)."""
    import zipfile

    from defusedxml.ElementTree import iterparse

    merges: dict[str, Merged] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as content:
            sheet, row, col = "", -1, 0
            for event, element in iterparse(content, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == _TABLE + "table":
                        sheet, row = element.get(_TABLE + "name", ""), -1
                        merges[sheet] = []
                    elif tag == _TABLE + "table-row":
                        row, col = row + 1, 0
                    continue
                if tag == _TABLE + "table-row":
                    row += int(element.get(_TABLE + "number-rows-repeated", "1")) - 1
                    element.clear()
                elif tag in (_TABLE + "table-cell", _TABLE + "covered-table-cell"):
                    rows = int(element.get(_TABLE + "number-rows-spanned", "1"))
                    cols = int(element.get(_TABLE + "number-columns-spanned", "1"))
                    if rows > 1 or cols > 1:
                        merges[sheet].append(((row, col), (row + rows - 1, col + cols - 1)))
                    col += int(element.get(_TABLE + "number-columns-repeated", "1"))
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise PlanFormatError(None, "the OpenDocument content is damaged: {reason}", reason=short_reason(exc)) from None
    return merges
