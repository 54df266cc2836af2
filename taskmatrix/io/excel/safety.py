"""Checks a workbook file must pass before any Excel library parses it.

Reads the bytes once and refuses, with a message naming the problem: missing and empty
files, the OLE2 container (encrypted workbooks and the old .xls/.et format), files that are
not zip archives or are truncated, zips that are not workbooks, and zip bombs (the declared
uncompressed size and compression ratio are checked before anything is inflated).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from taskmatrix.io.errors import Phrase, PlanFormatError
from taskmatrix.io.files import read_bytes

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
#: Refuse a workbook whose parts declare more than this many bytes uncompressed…
MAX_UNCOMPRESSED = 400 * 1024 * 1024
#: …unless it is compressed no more than a big plan's workbook is (the app's own 245,000-task
#: workbook: 65 MB, 430 MB unpacked, 6.6:1), up to this.
MAX_UNCOMPRESSED_PLAIN = 2 * 1024 * 1024 * 1024
PLAIN_RATIO = 20
#: Refuse a workbook compressed more than this ratio (past a small size, where ratios mean little).
MAX_RATIO = 100
RATIO_FLOOR = 8 * 1024 * 1024
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 10_000


@dataclass
class CheckedWorkbook:
    """A workbook's bytes and its zip directory, after the safety checks."""

    data: bytes
    names: list[str]
    uncompressed: int


def check_workbook(path: str | Path) -> CheckedWorkbook:
    path = Path(path)
    data = read_bytes(path, MAX_FILE_BYTES)
    return check_workbook_bytes(data, path)


def check_workbook_bytes(data: bytes, path: str | Path | None = None) -> CheckedWorkbook:
    if data.startswith(OLE2_SIGNATURE):
        raise PlanFormatError(path, "encrypted workbook, or the old .xls format: save it as .xlsx")
    if data and not data.startswith(ZIP_SIGNATURES) and data.lstrip()[:1] in (b"<", b"{"):
        raise PlanFormatError(path, "not an Excel workbook: this is a text, HTML or XML file")
    checked = check_package(data, path, Phrase("the workbook"))
    names = checked.names
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        if "word/document.xml" in names:
            raise PlanFormatError(path, "not an Excel workbook: this is a Word document")
        if "ppt/presentation.xml" in names:
            raise PlanFormatError(path, "not an Excel workbook: this is a PowerPoint file")
        if "content.xml" in names:
            raise PlanFormatError(path, "not an Excel workbook: this is an OpenDocument file; save it as .xlsx")
        raise PlanFormatError(path, "not an Excel workbook (a zip file without xl/workbook.xml)")
    if "xl/workbook.bin" in names:
        raise PlanFormatError(path, "this is a binary workbook (.xlsb): save it as .xlsx")
    return checked


def unpacked_limit(total: int, packed: int) -> int:
    """How far a package may unpack: 400 MB at any ratio (up to :data:`MAX_RATIO`), 2 GB when
    compressed no more than ordinary workbooks are (:data:`PLAIN_RATIO`)."""
    return MAX_UNCOMPRESSED_PLAIN if total <= PLAIN_RATIO * max(packed, 1) else MAX_UNCOMPRESSED


def check_package(data: bytes, path: str | Path | None, what: str) -> CheckedWorkbook:
    """The checks every zip package (a workbook, a Word document, an OpenDocument file) passes
    before a library parses it: a zip, not truncated, not encrypted, not a zip or entity bomb.
    ``what`` names the file in messages (“the workbook”, “the document”)."""
    if not data:
        raise PlanFormatError(path, "the file is empty")
    if not data.startswith(ZIP_SIGNATURES):
        raise PlanFormatError(path, "{what} is not a zip package: the file is damaged or of another kind",
                              what=what)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError,
            zlib.error, RuntimeError):
        raise PlanFormatError(path, "{what} is damaged or truncated (its zip directory cannot be read)",
                              what=what) from None
    if len(infos) > MAX_MEMBERS:
        raise PlanFormatError(path, "refused: {what} has {count} parts", what=what, count=len(infos))
    names = [i.filename for i in infos]
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    limit = unpacked_limit(total, packed)
    if total > limit:
        raise PlanFormatError(
            path, "refused: {what} would unpack to {size} MB (a zip bomb?); the limit is {limit} MB",
            what=what, size=total // (1024 * 1024), limit=limit // (1024 * 1024))
    if total > RATIO_FLOOR and total > MAX_RATIO * max(packed, 1):
        raise PlanFormatError(
            path, "refused: {what} is compressed {ratio}:1, past the limit of {limit}:1 (a zip bomb?)",
            what=what, ratio=total // max(packed, 1), limit=MAX_RATIO)
    if any(i.flag_bits & 0x1 for i in infos):
        raise PlanFormatError(path, "{what} is encrypted (password-protected): remove the password and save it "
                                    "again", what=what)
    _refuse_entity_declarations(archive, infos, path)
    return CheckedWorkbook(data, names, total)


def _refuse_entity_declarations(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo],
                                path: str | Path | None) -> None:
    """Workbooks never declare a DTD; one that does may be an XML entity bomb."""
    for info in infos:
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        try:
            with archive.open(info) as member:
                head = member.read(4096)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
            raise PlanFormatError(path, "the workbook is damaged: part {part} cannot be read",
                                  part=info.filename) from None
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise PlanFormatError(path, "refused: part {part} declares XML entities (an entity bomb?)",
                                  part=info.filename)
