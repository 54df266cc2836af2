"""The findings as a table model (任务, 类别, 说明), kept up to date as the plan is edited: the
tasks an edit touched are checked again after a short pause (several quick edits, one pass);
the registry, the rounds or a new plan check everything again. Kinds can be hidden."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from taskmatrix.gui.document.model import TaskTableModel
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.timers import pause_timer
from taskmatrix.model.checks import KIND_LABELS, KINDS, Checker, Finding
from taskmatrix.model.plan import Task

CONTEXT = "checks"
UPDATE_MS = 80
Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    return QCoreApplication.translate(CONTEXT, KIND_LABELS[kind])


def finding_message(finding: Finding) -> str:
    return finding.message(lambda text: QCoreApplication.translate(CONTEXT, text))


class ChecksModel(QAbstractTableModel):
    """Signals:
        countsChanged(): the findings changed (the counts per kind with them).
    """

    countsChanged = Signal()
    FindingRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, tasks: TaskTableModel, state: ViewState, parent: Any = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.state = state
        self.hidden: set[str] = set()
        self.checker = Checker(tasks.plan, state.round or None)
        self._all: list[Finding] = []
        self._rows: list[Finding] = []
        self._pending: dict[int, Task] = {}
        self._everything = False
        self._timer = pause_timer(self, self.update_now, UPDATE_MS)
        tasks.dataChanged.connect(self._tasks_changed)
        tasks.rowsInserted.connect(self._rows_changed)
        tasks.rowsRemoved.connect(self._rows_changed)
        tasks.modelReset.connect(self._reset)
        tasks.unitsChanged.connect(self._reset)
        tasks.roundsChanged.connect(self._reset)
        tasks.sectionsChanged.connect(self._rows_changed)
        state.changed.connect(self._state_changed)
        self._show(self.checker.findings())

    # -- the table -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (self.tr("Task"), self.tr("Kind"), self.tr("Finding"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        finding = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(finding.task), kind_label(finding.kind), finding_message(finding))[column]
        if role == self.SortRole:
            return (finding.task, kind_label(finding.kind), finding_message(finding))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return finding_message(finding)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == self.FindingRole:
            return finding
        return None

    # -- what is shown ---------------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        """The findings shown (hidden kinds left out), in task order."""
        return list(self._rows)

    def all_findings(self) -> list[Finding]:
        return list(self._all)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        for finding in self._all:
            counts[finding.kind] += 1
        return counts

    def set_hidden(self, kind: str, hidden: bool) -> None:
        if hidden == (kind in self.hidden):
            return
        (self.hidden.add if hidden else self.hidden.discard)(kind)
        self._show(self._all)

    def task_of(self, finding: Finding) -> Task | None:
        """The task a finding is about (for a missing number: the next task)."""
        tasks = self.tasks.plan.tasks
        found = next((t for t in tasks if t.number == finding.task), None)
        if found is None:
            found = next((t for t in tasks if t.number > finding.task), tasks[-1] if tasks else None)
        return found

    def _show(self, findings: list[Finding]) -> None:
        """Show ``findings``: the rows that changed removed and inserted (an edit touches a few
        in the middle: the rest, and the selection, stay)."""
        self._all = findings
        new = [f for f in findings if f.kind not in self.hidden]
        old = self._rows
        start = 0
        limit = min(len(old), len(new))
        while start < limit and (old[start] is new[start] or old[start] == new[start]):
            start += 1
        end_old, end_new = len(old), len(new)
        while end_old > start and end_new > start and (
                old[end_old - 1] is new[end_new - 1] or old[end_old - 1] == new[end_new - 1]):
            end_old -= 1
            end_new -= 1
        if end_old > start:
            self.beginRemoveRows(QModelIndex(), start, end_old - 1)
            self._rows = old[:start] + old[end_old:]
            self.endRemoveRows()
        if end_new > start:
            self.beginInsertRows(QModelIndex(), start, end_new - 1)
            self._rows = new
            self.endInsertRows()
        self._rows = new
        self.countsChanged.emit()

    # -- keeping up with the plan ----------------------------------------------------------------
    def _tasks_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *args: object) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            task = self.tasks.task(row)
            self._pending[id(task)] = task
        self._timer.start()

    def _rows_changed(self, *args: object) -> None:
        self._timer.start()  # the update looks for new and gone tasks and renumbers

    def _reset(self, *args: object) -> None:
        self._everything = True
        self._timer.start()

    def _state_changed(self, *args: object) -> None:
        round_name = self.state.round or None
        if round_name != self.checker.round_name:
            self.checker.round_name = round_name
            self._reset()

    def update_now(self) -> None:
        """Check what changed since the last update (at once, rather than after the pause)."""
        self._timer.stop()
        if self._everything or self.checker.plan is not self.tasks.plan:
            self.checker = Checker(self.tasks.plan, self.checker.round_name)
        else:
            self.checker.update(list(self._pending.values()))
        self._everything = False
        self._pending.clear()
        self._show(self.checker.findings())
