"""What a workbook cannot hold: control characters (removed) and carriage returns (saved as
Excel's line break), each counted so that the save can say where it changed a text."""

from __future__ import annotations

import re

from taskmatrix.io.errors import Notice

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Cleaner:
    """Removes characters Excel cannot hold, remembering where it did."""

    def __init__(self) -> None:
        self.cells = 0
        self.tasks: list[int] = []
        self.returns = 0  # cells whose \r or \r\n line breaks became \n
        self.return_tasks: list[int] = []

    def text(self, value: str, task: int | None) -> str:
        if "\r" in value:  # a workbook keeps line breaks as \n: say so, once, rather than change it quietly
            value = value.replace("\r\n", "\n").replace("\r", "\n")
            self.returns += 1
            if task is not None and task not in self.return_tasks:
                self.return_tasks.append(task)
        if _CONTROL.search(value) is None:
            return value
        self.cells += 1
        if task is not None and task not in self.tasks:
            self.tasks.append(task)
        return _CONTROL.sub("", value)

    def row(self, values: list[str], task: int | None) -> list[str]:
        """A row's texts cleaned (looked at once as a whole: most rows need nothing)."""
        joined = "".join(values)
        if "\r" not in joined and _CONTROL.search(joined) is None:
            return values
        return [self.text(v, task) if v else v for v in values]

    def notices(self) -> list[Notice]:
        found = []
        if self.returns:
            found.append(Notice("carriage returns (CR, CR LF) in {cells} cells were saved as Excel's line break (LF) "
                                "(tasks {tasks})", cells=self.returns,
                                tasks=", ".join(map(str, self.return_tasks[:20])) or "-"))
        if self.cells:
            found.append(Notice("control characters Excel cannot hold were removed from {cells} cells (tasks {tasks})",
                                cells=self.cells, tasks=", ".join(map(str, self.tasks[:20])) or "-"))
        return found
