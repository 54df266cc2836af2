"""A returned unit workbook read back: its identity and its rows, from Excel, WPS or
LibreOffice re-saves (values through calamine, with the same checks as any workbook).

A file is refused as a whole (:class:`PlanFormatError`) when it is not a workbook sent by the
app, when it belongs to another plan or round, names a unit the plan does not have, or when its
identity was edited (the check value does not match, or the hidden sheet and the document
properties disagree).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.io.excel import layout as L
from taskmatrix.io.excel.read import ScannedSheets, open_calamine, read_meta, sheet_rows
from taskmatrix.io.excel.safety import check_workbook
from taskmatrix.io.feedback.send import HEADERS, IDENTITY_SHEET, PROPERTY, REPORT_COLUMNS, SHEET
from taskmatrix.model.feedback import (
    FORMAT,
    Identity,
    ReturnedRow,
    RowChange,
    compare,
    plan_key,
    task_ids,
)
from taskmatrix.model.plan import Plan
from taskmatrix.model.rounds import find_round

RETURN_SUFFIXES = (".xlsx", ".xlsm", ".et")


@dataclass
class ReturnFile:
    path: Path
    identity: Identity
    rows: list[ReturnedRow]
    changes: list[RowChange] = field(default_factory=list)


def read_return(path: Path) -> tuple[Identity, list[ReturnedRow]]:
    """The identity and rows of a returned workbook, as they are in the file."""
    checked = check_workbook(path)
    meta = read_meta(checked)
    workbook = open_calamine(checked, path)
    sheets = ScannedSheets(workbook, checked, path, heights=False)
    names = list(workbook.sheet_names)
    if IDENTITY_SHEET not in names:
        raise PlanFormatError(path, "is not a progress workbook sent by Task Matrix (its hidden identity sheet "
                                    "is missing)")
    identity = _identity(sheet_rows(sheets.sheet(IDENTITY_SHEET), path, None), path)
    for name in ("format", "plan", "round", "unit", "check"):
        stored = meta.get(PROPERTY + name)
        if stored is not None and stored != getattr(identity, name):
            raise PlanFormatError(path, "its identity was edited: the hidden sheet and the document properties "
                                        "disagree on “{what}”; the file is not trusted", what=name)
    if identity.check != identity.expected_check():
        raise PlanFormatError(path, "its identity was edited: the check value does not match; the file is not "
                                    "trusted")
    fill = SHEET if SHEET in names else next((n for n in names if n != IDENTITY_SHEET), None)
    if fill is None:
        raise PlanFormatError(path, "has no sheet “{sheet}”", sheet=SHEET)
    return identity, _report_rows(sheet_rows(sheets.sheet(fill), path, None), path)


def _identity(rows: list[list[Any]], path: Path) -> Identity:
    values: dict[str, str] = {}
    sent: dict[str, tuple[str, str]] = {}
    in_rows = False
    for row in rows:
        cells = [L.cell_text(v, strip=False) for v in row] + ["", "", ""]
        if in_rows:
            if cells[0]:
                sent[cells[0]] = (cells[1], cells[2])
        elif cells[0] == "task_id":
            in_rows = True
        elif cells[0]:
            values[cells[0]] = cells[1]
    if values.get("format") != FORMAT:
        raise PlanFormatError(path, "is not a progress workbook sent by Task Matrix (format “{found}”)",
                              found=values.get("format", ""))
    return Identity(FORMAT, values.get("plan", ""), values.get("plan_title", ""), values.get("round", ""),
                    values.get("unit", ""), values.get("check", ""), sent)


def _report_rows(rows: list[list[Any]], path: Path) -> list[ReturnedRow]:
    header_row, columns = _find_header(rows, path)
    found = []
    id_col = columns.get(HEADERS[0])
    for r in range(header_row + 1, len(rows)):
        row = rows[r]

        def cell(header: str, raw: bool = False, row: list[Any] = row) -> Any:
            c = columns.get(header)
            if c is None or c >= len(row):
                return None if raw else ""
            value = row[c]
            return value if raw else L.cell_text(value, strip=False)

        tid = L.cell_text(row[id_col]) if id_col is not None and id_col < len(row) else ""
        parsed = L.parse_number(cell("序号", raw=True))
        number = str(parsed) if parsed is not None else cell("序号").strip()
        if not tid and not number and not cell("重点任务").strip():
            continue
        found.append(ReturnedRow(
            r + 1, tid, number, cell("重点任务"), cell(HEADERS[REPORT_COLUMNS["status"]]).strip(),
            _percent_cell(cell(HEADERS[REPORT_COLUMNS["percent"]], raw=True)),
            cell(HEADERS[REPORT_COLUMNS["progress"]]), cell(HEADERS[REPORT_COLUMNS["problems"]]),
            cell(HEADERS[REPORT_COLUMNS["next_steps"]]), cell(HEADERS[REPORT_COLUMNS["reporter"]]),
            _date_cell(cell(HEADERS[REPORT_COLUMNS["date"]], raw=True))))
    return found


def _find_header(rows: list[list[Any]], path: Path) -> tuple[int, dict[str, int]]:
    wanted = set(HEADERS[1:])
    for r, row in enumerate(rows[:30]):
        texts = [L.cell_text(v) for v in row]
        if wanted <= set(texts):
            return r, {t: c for c, t in enumerate(texts) if t in HEADERS}
    raise PlanFormatError(path, "its header row was changed: the columns {headers} are needed",
                          headers="、".join(HEADERS[1:]))


def _percent_cell(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    return value


def _date_cell(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, float):  # a date cell a client stored without its date style
        if 20000 < value < 80000:
            return _dt.date(1899, 12, 30) + _dt.timedelta(days=int(value))
        return f"{value:g}"
    return value.strip() if isinstance(value, str) else value


def check_identity(plan: Plan, identity: Identity, path: Path, round_name: str | None = None) -> None:
    """Refuse a return from another plan, round or unit than ``plan`` (and ``round_name``)."""
    if identity.plan != plan_key(plan):
        raise PlanFormatError(path, "was sent for another plan (“{title}”), not this one", title=identity.plan_title)
    if round_name is not None and identity.round != round_name:
        raise PlanFormatError(path, "is the return for round “{found}”, not “{wanted}”", found=identity.round,
                              wanted=round_name)
    if find_round(plan, identity.round) is None:
        raise PlanFormatError(path, "is the return for round “{found}”, which the plan does not have",
                              found=identity.round)
    if identity.unit not in set(plan.units_used()):
        raise PlanFormatError(path, "is the return of unit “{unit}”, which has no task in the plan",
                              unit=identity.unit)


def load_returns(plan: Plan, paths: Sequence[Path], round_name: str | None, received: _dt.date,
                 ) -> tuple[list[ReturnFile], list[PlanFormatError]]:
    """Each file read, checked against the plan and compared; the files refused as a whole with
    their reasons. The same unit's return given twice is refused the second time."""
    files: list[ReturnFile] = []
    refused: list[PlanFormatError] = []
    seen: dict[tuple[str, str], Path] = {}
    by_id = task_ids(plan)
    for path in paths:
        try:
            identity, rows = read_return(path)
            check_identity(plan, identity, path, round_name)
            key = (identity.round, identity.unit)
            if key in seen:
                raise PlanFormatError(path, "is a second return of unit “{unit}” for this round (the first: {first})",
                                      unit=identity.unit, first=seen[key].name)
            seen[key] = path
        except PlanFormatError as exc:
            refused.append(exc)
            continue
        changes = compare(plan, identity, rows, plan.statuses, received, by_id)
        files.append(ReturnFile(path, identity, rows, changes))
    return files, refused


def looks_like_return(path: Path) -> bool:
    """Whether ``path`` is a workbook the app sent to a unit (a quick look at its properties;
    :func:`read_return` decides)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/custom.xml")
            if info.file_size > 1_000_000:
                return False
            return (PROPERTY + "format").encode() in archive.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False


def return_paths(given: Sequence[Path]) -> list[Path]:
    """Files given, and the workbooks in folders given (sorted; the cover list and Office's
    lock files ``~$…`` left out)."""
    out: list[Path] = []
    for path in given:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in RETURN_SUFFIXES and p.is_file()
                              and not p.name.startswith(("~$", ".~lock")) and p.name != "报送说明.xlsx"))
        else:
            out.append(path)
    return out
