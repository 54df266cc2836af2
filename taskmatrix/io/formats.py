"""Format dispatch by file suffix: read a plan from, and write it to, any supported file.

The Excel modules (openpyxl, python-calamine) are imported only when an ``.xlsx`` is
read or written, so text and JSON work stays fast to start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from taskmatrix.io.bulk import gc_paused
from taskmatrix.io.errors import Notice, PlanFormatError, PlanSaveError
from taskmatrix.io.result import ReadResult
from taskmatrix.model.plan import Plan
from taskmatrix.model.units import UnitRegistry

READ_SUFFIXES = (".xlsx", ".txt", ".json")
WRITE_SUFFIXES = (".xlsx", ".json", ".csv")
#: Cancellation/progress callback: ``progress(done, total)``; return False to cancel.
Progress = Callable[[int, int], bool]


def read_plan(path: str | Path, registry: UnitRegistry | None = None,
              progress: Progress | None = None) -> ReadResult:
    """Read any supported plan file; raises :class:`PlanFormatError` naming the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    with gc_paused():
        if suffix == ".txt":
            from taskmatrix.io.plaintext import read_plan_text

            return read_plan_text(path, registry)
        if suffix == ".json":
            from taskmatrix.io.jsonio import read_json

            return read_json(path)
        if suffix in (".xlsx", ".xlsm"):
            from taskmatrix.io.excel_read import read_xlsx

            return read_xlsx(path, registry, progress=progress)
    if suffix in (".xls", ".et"):
        raise PlanFormatError(path, "the old .xls/.et format cannot be read: save it as .xlsx")
    raise PlanFormatError(path, "unsupported file type “{suffix}”: open a .xlsx, .txt or .json file",
                          suffix=suffix or "(none)")


def write_plan(plan: Plan, path: str | Path, backup: bool = True,
               progress: Progress | None = None) -> list[Notice]:
    """Write ``plan`` to ``path`` atomically, by suffix; raises :class:`PlanSaveError`.

    Returns notices about what the format could not hold as it was (cleaned characters).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        from taskmatrix.io.jsonio import write_json

        write_json(plan, path, backup=backup)
        return []
    if suffix == ".csv":
        from taskmatrix.io.csvio import write_csv

        write_csv(plan, path, backup=backup)
        return []
    if suffix == ".xlsx":
        from taskmatrix.io.excel_write import write_xlsx

        return write_xlsx(plan, path, backup=backup, progress=progress)
    raise PlanSaveError(path, "cannot write “{suffix}” files: use .xlsx, .json or .csv",
                        suffix=suffix or "(none)")
