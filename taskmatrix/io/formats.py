"""One table of the file formats: what each is, how it is told apart, how it is read or written.

A file is recognised by its content (its signature, and for zip and OLE2 containers what is
inside), not by its name alone: a ``.et`` that is really an xlsx opens as one, a ``.doc``
(old Word) is refused with a message saying to save it as ``.docx``. The readers are
imported only when a file of their kind is opened, so a text or JSON plan opens without
loading the Excel, Word or PDF libraries.
"""

from __future__ import annotations

import importlib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from taskmatrix.io import ole2
from taskmatrix.io.bulk import gc_paused
from taskmatrix.io.errors import Notice, Phrase, PlanFormatError, PlanSaveError
from taskmatrix.io.result import Progress, ReadResult
from taskmatrix.model.plan import Plan
from taskmatrix.model.units import UnitRegistry

__all__ = ["FORMATS", "READ_SUFFIXES", "WRITE_SUFFIXES", "Format", "Progress", "detect", "read_plan", "write_plan"]


@dataclass(frozen=True)
class Format:
    """One kind of file: ``reader``/``writer`` are ``module:function`` (imported when used)."""

    name: str
    label: str  # English, for messages and file dialogs
    suffixes: tuple[str, ...]
    reader: str = ""
    writer: str = ""


FORMATS: tuple[Format, ...] = (
    Format("xlsx", "Excel workbook", (".xlsx", ".xlsm"), "taskmatrix.io.excel.read:read_xlsx",
           "taskmatrix.io.excel.write:write_xlsx"),
    Format("xls", "Excel 97-2003 workbook", (".xls",), "taskmatrix.io.excel.workbooks:read_old_workbook"),
    Format("et", "WPS spreadsheet", (".et", ".ett"), "taskmatrix.io.excel.workbooks:read_old_workbook"),
    Format("ods", "OpenDocument spreadsheet", (".ods",), "taskmatrix.io.excel.workbooks:read_old_workbook"),
    Format("xlsb", "Excel binary workbook", (".xlsb",), "taskmatrix.io.excel.workbooks:read_old_workbook"),
    Format("docx", "Word document", (".docx",), "taskmatrix.io.docx_read:read_docx"),
    Format("pdf", "PDF", (".pdf",), "taskmatrix.io.pdf_read:read_pdf"),
    Format("txt", "plan text", (".txt", ".text"), "taskmatrix.io.plaintext:read_plan_text"),
    Format("csv", "CSV", (".csv",), "taskmatrix.io.csvio:read_csv", "taskmatrix.io.csvio:write_csv"),
    Format("json", "Task Matrix JSON", (".json",), "taskmatrix.io.jsonio:read_json", "taskmatrix.io.jsonio:write_json"),
)
_BY_NAME = {f.name: f for f in FORMATS}
_BY_SUFFIX = {s: f for f in FORMATS for s in f.suffixes}
READ_SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS if f.reader for s in f.suffixes)
WRITE_SUFFIXES: tuple[str, ...] = (".xlsx", ".json", ".csv")
#: Files the app cannot read, by suffix, with what to do instead.
_REFUSED_SUFFIXES = {
    ".doc": Phrase("an old Word document (.doc): open it in Word or WPS and save it as .docx"),
    ".wps": Phrase("a WPS Writer document (.wps): open it in WPS and save it as .docx"),
    ".odt": Phrase("an OpenDocument text (.odt): save it as .docx"),
    ".rtf": Phrase("an RTF document: save it as .docx"),
}
_HEAD = 4096


def format_of(name: str) -> Format:
    return _BY_NAME[name]


def detect(path: Path) -> Format:
    """The format of the file at ``path``, by its content; raises :class:`PlanFormatError` for a
    file that cannot be read as a plan, saying what it is and what to do."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD)
    except FileNotFoundError:
        raise PlanFormatError(path, "no such file") from None
    except IsADirectoryError:
        raise PlanFormatError(path, "this is a folder, not a file") from None
    except OSError as exc:
        raise PlanFormatError(path, "cannot read the file: {reason}", reason=exc.strerror or exc) from None
    suffix = path.suffix.lower()
    if not head:
        raise PlanFormatError(path, "the file is empty")
    if head.startswith(ole2.SIGNATURE):
        return _ole2_format(path, suffix)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(path, suffix)
    if b"%PDF-" in head[:1024]:
        return _BY_NAME["pdf"]
    if suffix in _REFUSED_SUFFIXES and head.lstrip()[:5] == b"{\\rtf":
        raise PlanFormatError(path, "this is {what}", what=_REFUSED_SUFFIXES[".rtf"])
    text = _BY_SUFFIX.get(suffix)
    if text is not None and text.name in ("json", "csv", "txt"):
        return text
    if suffix in _REFUSED_SUFFIXES:
        raise PlanFormatError(path, "this is {what}", what=_REFUSED_SUFFIXES[suffix])
    if text is not None:  # a workbook, document or PDF name on a file that is none of them
        raise PlanFormatError(path, "the content is not what the name says ({kind}): the file is damaged or of "
                                    "another kind", kind=Phrase(text.label))
    if b"\x00" not in head and not suffix:
        return _BY_NAME["txt"]  # a text file without a name ending
    raise PlanFormatError(path, "unsupported file type “{suffix}”: open a .xlsx, .xls, .et, .ods, .docx, .pdf, "
                                ".txt, .csv or .json file", suffix=suffix or "(none)")


def _ole2_format(path: Path, suffix: str) -> Format:
    data = _read_all(path)
    kind = ole2.kind_of(data)
    if kind == "workbook":
        return _BY_NAME["et"] if suffix in (".et", ".ett") else _BY_NAME["xls"]
    if kind == "encrypted":
        raise PlanFormatError(path, "the file is password-protected (encrypted): open it in Excel, WPS or Word, "
                                    "remove the password, save it, and open it here again")
    if kind == "document":
        raise PlanFormatError(path, "this is {what}", what=_REFUSED_SUFFIXES.get(suffix, _REFUSED_SUFFIXES[".doc"]))
    if kind == "presentation":
        raise PlanFormatError(path, "this is a PowerPoint file, not a plan")
    raise PlanFormatError(path, "an old Office file this app cannot read: save it as .xlsx or .docx")


def _zip_format(path: Path, suffix: str) -> Format:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, KeyError):
        raise PlanFormatError(path, "the file is damaged or truncated (its zip directory cannot be read)") from None
    if "xl/workbook.xml" in names:
        return _BY_NAME["xlsx"]
    if "xl/workbook.bin" in names:
        return _BY_NAME["xlsb"]
    if "word/document.xml" in names:
        return _BY_NAME["docx"]
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return _BY_NAME["ods"]
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        raise PlanFormatError(path, "this is {what}", what=_REFUSED_SUFFIXES[".odt"])
    if "ppt/presentation.xml" in names:
        raise PlanFormatError(path, "this is a PowerPoint file, not a plan")
    named = _BY_SUFFIX.get(suffix)
    if named is not None and named.name in ("xlsx", "xlsb", "docx", "ods", "et"):
        raise PlanFormatError(path, "the content is not what the name says ({kind}): the file is damaged or of "
                                    "another kind", kind=Phrase(named.label))
    raise PlanFormatError(path, "a zip file that is no workbook or document this app reads")


def _read_all(path: Path) -> bytes:
    from taskmatrix.io.files import read_bytes

    return read_bytes(path, 200 * 1024 * 1024)


#: Every reader: ``reader(path, registry, progress)``.
Reader = Callable[[Path, "UnitRegistry | None", "Progress | None"], ReadResult]


def _reader(spec: str) -> Reader:
    module, name = spec.split(":")
    return cast(Reader, getattr(importlib.import_module(module), name))


def read_plan(path: str | Path, registry: UnitRegistry | None = None,
              progress: Progress | None = None) -> ReadResult:
    """Read any supported plan file; raises :class:`PlanFormatError` naming the file."""
    path = Path(path)
    fmt = detect(path)
    with gc_paused():
        result = _reader(fmt.reader)(path, registry, progress)
    named = _BY_SUFFIX.get(path.suffix.lower())
    if named is not None and named.name != fmt.name and not (named.name == "et" and fmt.name == "xls"):
        result.facts.insert(0, Notice("the file is a {format}, whatever its name says; it was read as one",
                                      format=Phrase(fmt.label)))
    return result


def write_plan(plan: Plan, path: str | Path, backup: bool = True,
               progress: Progress | None = None) -> list[Notice]:
    """Write ``plan`` to ``path`` atomically, by suffix; raises :class:`PlanSaveError`.

    Returns notices about what the format could not hold as it was (cleaned characters).
    """
    path = Path(path)
    fmt = _BY_SUFFIX.get(path.suffix.lower())
    if fmt is None or not fmt.writer or path.suffix.lower() not in WRITE_SUFFIXES:
        raise PlanSaveError(path, "cannot write “{suffix}” files: use .xlsx, .json or .csv",
                            suffix=path.suffix.lower() or "(none)")
    module, name = fmt.writer.split(":")
    writer = getattr(importlib.import_module(module), name)
    notices = writer(plan, path, backup=backup, progress=progress)
    return list(notices or [])
