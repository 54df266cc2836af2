"""The Excel layout family (FORMATS.md §2): header names, cell text, header-row detection.

Shared by the reader and the writer, so both agree on what each column means.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from taskmatrix.model.fields import FIELDS, field_of
from taskmatrix.model.plan import parse_chinese_numeral

#: Header names seen for each field (:mod:`taskmatrix.model.fields`). ``responsible`` is a
#: combined lead+participant column.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    **{f.key: f.synonyms for f in FIELDS if f.synonyms and f.kind != "cities"},
    "responsible": ("责任单位", "责任部门"),
}
_FIELD_OF = {name: fld for fld, names in HEADER_NAMES.items() for name in names}

#: The canonical task sheet's columns (field, header), in order.
CANONICAL_COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (key, field_of(key).header)
    for key in ("number", "title", "body", "leads", "participants", "deadline", "status", "progress", "notes"))
TASK_SHEET = "任务分工表"
MATRIX_SHEET = "责任矩阵"
SUMMARY_SHEET = "单位汇总"
TITLE_SUFFIX = "重点任务分工表"
MATRIX_LEAD = "牵头"
MATRIX_PART = "参与"
MATRIX_LEAD_TOTAL = "牵头任务数"
MATRIX_PART_TOTAL = "参与任务数"
SUMMARY_HEADERS = ("单位", "类别", "牵头任务数", "参与任务数", "牵头任务", "参与任务", "别名", "涵盖地市")

#: Custom document properties marking a workbook the app wrote.
MARKER_PROPERTY = "TaskMatrix"
SHEETS_PROPERTY = "TaskMatrixSheets"

LEAD_MARKS = frozenset({"牵头", "主责", "★", "●", "牵", "主"})
PART_MARKS = frozenset({"参与", "配合", "√", "○", "☆", "✓", "✔", "参", "配"})

_WS = re.compile(r"\s+")
_PAREN_NOTE = re.compile(r"[（(][^）)]*[）)]$")
_NUMBER = re.compile(r"^[（(]?\s*0*(\d{1,7})\s*[.．、)）]?$")
_NUMERALS = "一二三四五六七八九十百千万零〇两"
#: A section row as the app writes it, read back exactly.
LITERAL_SECTION = re.compile(rf"^([{_NUMERALS}]+)、(.*)$", re.S)
_SECTION_PATTERNS = (
    re.compile(rf"^([{_NUMERALS}]+)\s*[、.．]\s*(.*)$", re.S),
    re.compile(rf"^[（(]([{_NUMERALS}]+)[）)]\s*(.*)$", re.S),
    re.compile(rf"^第([{_NUMERALS}]+)(?:部分|章|节|篇|项)[、：:\s]*(.*)$", re.S),
)


def rendered_title(title: str) -> str:
    """The text of the task sheet's title row for a plan titled ``title``."""
    return title if title.endswith("分工表") else title + TITLE_SUFFIX


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def escape(text: str) -> str:
    """Office XML's escape: text that reads like ``_xHHHH_`` keeps its underscore as ``_x005F_``."""
    return _ESCAPE_LIKE.sub(r"_x005F_\1", text) if "_x" in text else text


def unescape(text: str) -> str:
    """Decode ``_xHHHH_`` as Excel does (for parts read without a spreadsheet library)."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def header_field(value: Any) -> str | None:
    """The field a header cell names, or ``None``."""
    if not isinstance(value, str):
        return None
    text = _WS.sub("", value).strip("*＊:：")
    if text in _FIELD_OF:
        return _FIELD_OF[text]
    text = _PAREN_NOTE.sub("", text)
    return _FIELD_OF.get(text)


def cell_text(value: Any, strip: bool = True) -> str:
    """A cell's value as the text the user sees (numbers without a trailing .0); surrounding
    white space is dropped unless ``strip`` is false (a workbook the app wrote)."""
    if value is None:
        return ""
    if isinstance(value, str):
        if "\r" in value:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value.strip() if strip else value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return str(value)


def parse_number(value: Any) -> int | None:
    """A task number from ``1``, ``1.0``, ``"1"``, ``"1."``, ``"01"``, ``"（1）"``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and 0 < value < 1e9 else None
    if isinstance(value, str):
        match = _NUMBER.match(value.strip())
        if match:
            number = int(match.group(1))
            return number if number > 0 else None
    return None


def parse_section_heading(text: str) -> tuple[int | None, str] | None:
    """``一、优化…`` -> ``(1, "优化…")``; ``None`` when the text is no numbered heading."""
    text = text.strip()
    for pattern in _SECTION_PATTERNS:
        match = pattern.match(text)
        if match:
            number = parse_chinese_numeral(match.group(1))
            if number:
                return number, match.group(2).strip()
    return None


def display_width(text: str) -> int:
    """Width in Excel character units: wide (CJK) characters count double."""
    longest = 0
    for line in text.split("\n"):
        # Each CJK character is 3 bytes in UTF-8 and ASCII 1, so wide = (bytes - chars) / 2.
        width = len(line) + (len(line.encode("utf-8")) - len(line)) // 2
        longest = max(longest, width)
    return longest


@dataclass
class HeaderInfo:
    """A recognised header: its row(s), the field of each column, extra columns."""

    row: int
    data_start: int
    fields: dict[str, int] = field(default_factory=dict)
    extras: list[tuple[int, str]] = field(default_factory=list)
    headers: dict[int, str] = field(default_factory=dict)
    unit_columns: list[tuple[int, str]] = field(default_factory=list)

    @property
    def is_grid(self) -> bool:
        return bool(self.unit_columns)


def find_list_header(rows: list[list[Any]], merged: list[tuple[tuple[int, int], tuple[int, int]]],
                     limit: int = 30) -> HeaderInfo | None:
    """The first row among the top ``limit`` that names a number column and a task column."""
    for r, row in enumerate(rows[:limit]):
        fields: dict[str, int] = {}
        for c, value in enumerate(row):
            fld = header_field(value)
            if fld is not None and fld not in fields:
                fields[fld] = c
        if "number" not in fields or not ({"title", "body"} & fields.keys()):
            continue
        if not ({"leads", "participants", "responsible"} & fields.keys()):
            continue
        info = HeaderInfo(r, r + 1)
        _two_row_header(rows, merged, info, fields)
        info.fields = fields
        _collect_extras(rows, info)
        return info
    return None


def _two_row_header(rows: list[list[Any]], merged: list[tuple[tuple[int, int], tuple[int, int]]],
                    info: HeaderInfo, fields: dict[str, int]) -> None:
    """``责任单位`` merged over two columns with ``牵头单位``/``参与单位`` in the row below."""
    r = info.row
    if r + 1 >= len(rows):
        return
    below = rows[r + 1]
    found = {}
    for c, value in enumerate(below):
        fld = header_field(value)
        if fld is not None and parse_number(value) is None:
            found[fld] = c
    if not found or any(parse_number(v) is not None for v in below[:1]):
        return
    spans_header = any(r0 == r and r1 >= r and c1 > c0 for (r0, c0), (r1, c1) in merged)
    if not spans_header and len(found) < 2:
        return
    for fld, c in found.items():
        if fld == "responsible":
            continue
        fields[fld] = c
    if "responsible" in fields and {"leads", "participants"} & found.keys():
        del fields["responsible"]
    info.data_start = r + 2


def _collect_extras(rows: list[list[Any]], info: HeaderInfo) -> None:
    header_rows = [rows[info.row]] + ([rows[info.row + 1]] if info.data_start == info.row + 2 else [])
    used = set(info.fields.values())
    width = max((len(row) for row in rows), default=0)
    names: set[str] = set()
    for c in range(width):
        name = ""
        for hr in reversed(header_rows):
            if c < len(hr) and cell_text(hr[c]):
                name = cell_text(hr[c]).replace("\n", "")
                break
        info.headers[c] = name
        if c in used:
            continue
        has_data = any(c < len(row) and cell_text(row[c]) for row in rows[info.data_start:])
        if not name and not has_data:
            continue
        if not name:
            name = f"列{column_letter(c)}"
        name = unique_name(name, names)
        names.add(name)
        info.extras.append((c, name))


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name（2）``, ``name（3）``…: unused, and not a canonical column's header."""
    reserved = {header for _, header in CANONICAL_COLUMNS}
    base, n = name, 2
    while name in taken or name in reserved:
        name = f"{base}（{n}）"
        n += 1
    return name


def canonical_header(rows: list[list[Any]], found: HeaderInfo) -> HeaderInfo:
    """The header of a task sheet the app wrote: canonical columns by name, then every other
    column an extra field under its exact header (whatever it looks like)."""
    row = rows[found.row]
    names = [cell_text(v, strip=False) for v in row]
    info = HeaderInfo(found.row, found.row + 1)
    wanted = {header: fld for fld, header in CANONICAL_COLUMNS}
    for c, name in enumerate(names):
        fld = wanted.get(name)
        if fld is not None and fld not in info.fields:
            info.fields[fld] = c
        elif name or any(c < len(r) and cell_text(r[c]) for r in rows[found.row + 1:]):
            info.extras.append((c, name))  # a field named "" keeps its values too
        info.headers[c] = name
    return info


def column_letter(index: int) -> str:
    if 0 <= index < len(_LETTERS):
        return _LETTERS[index]
    return _column_letter(index)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_LETTERS = [_column_letter(i) for i in range(702)]  # A … ZZ
