"""CSV: the export (UTF-8 with BOM, so Excel shows Chinese; one row per task, units joined by
、) and reading a matrix saved as CSV.

Text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) is written with a leading apostrophe, as OWASP recommends against CSV
injection; reading the app's own CSV takes the apostrophe off again.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from taskmatrix.io.atomic import atomic_write_bytes
from taskmatrix.io.errors import Notice, PlanFormatError
from taskmatrix.io.result import Progress, ReadResult
from taskmatrix.model.plan import Plan
from taskmatrix.model.queries import CityResolver
from taskmatrix.model.resplist import join_units
from taskmatrix.model.units import UnitRegistry

#: What the export marks (OWASP: a leading apostrophe) so a spreadsheet never runs it as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_QUOTED = tuple("'" + s for s in _FORMULA_STARTS)

CSV_HEADERS = (
    "序号", "领域", "重点任务", "具体内容", "牵头单位", "参与单位", "涉及地市",
    "完成时限", "状态", "进展情况", "备注",
)


def csv_text(plan: Plan) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(list(CSV_HEADERS) + [neutralise(name) for name in plan.extra_fields])
    registry = plan.registry
    titles = {s.number: s.title for s in plan.sections}
    cities = CityResolver(registry)
    for t in plan.tasks:
        writer.writerow([t.number] + [neutralise(v) for v in [
            titles.get(t.section, "") if t.section is not None else "", t.title, t.body,
            join_units(t.leads, registry), join_units(t.participants, registry), "、".join(cities.resolve(t)[0]),
            t.deadline, t.status, t.progress, t.notes,
            *(t.extra.get(name, "") for name in plan.extra_fields)]])
    return out.getvalue()


def neutralise(value: str) -> str:
    """A cell a spreadsheet would run as a formula, with a leading apostrophe (OWASP)."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def write_csv(plan: Plan, path: str | Path, backup: bool = True, progress: Progress | None = None) -> None:
    atomic_write_bytes(path, csv_text(plan).encode("utf-8-sig"), backup=backup)


def read_csv(path: str | Path, registry: UnitRegistry | None = None, progress: Progress | None = None) -> ReadResult:
    """Read a matrix saved as CSV (the app's export, or a sheet saved as CSV by Excel or WPS):
    UTF-8 with or without BOM, or GB18030; the same layouts as a workbook sheet."""
    from taskmatrix.io.files import read_bytes
    from taskmatrix.io.plaintext import MAX_TEXT_BYTES, decode_text
    from taskmatrix.io.tableread import TableSource, find_table, read_table

    path = Path(path)
    text = decode_text(read_bytes(path, MAX_TEXT_BYTES), path)
    try:
        rows: list[list[Any]] = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    except csv.Error as exc:
        raise PlanFormatError(path, "not a readable CSV file: {reason}", reason=exc) from None
    facts = []
    if rows and tuple(rows[0][: len(CSV_HEADERS)]) == CSV_HEADERS:  # the app's own export
        cities = CSV_HEADERS.index("涉及地市")
        rows = [row[:cities] + row[cities + 1:] for row in rows]
        rows = [[_unquote(v) for v in row] for row in rows]  # header row too: extra field names
        facts.append(Notice("a CSV file written by Task Matrix: its 涉及地市 column is worked out again "
                            "from the units"))
    source = TableSource(path.name, lambda n: rows if n is None else rows[:n], lambda: [])
    return read_table(find_table([source], path).load(), path, registry, progress).result(facts)


def _unquote(value: str) -> str:
    """Undo the leading apostrophe the export puts before text that looks like a formula."""
    return value[1:] if value[:2] in _FORMULA_QUOTED else value
