"""The table model's side of progress tracking: the round shown (and whose reports), the report
columns' cells, and the mutations the undo commands call; plus those commands.

The round shown comes from the view state (a round and, when a unit is chosen, that unit's
reports); switching it only repaints the report columns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QUndoCommand

from taskmatrix.model.deadlines import Deadline
from taskmatrix.model.fields import Field
from taskmatrix.model.lights import COLOURS
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.rounds import Entry, entry_of, reporting_unit, restore_entry, set_entry

if TYPE_CHECKING:
    from taskmatrix.gui.document.model import TaskTableModel

_LIGHT_BRUSHES = {light: QBrush(QColor(colour)) for light, colour in COLOURS.items()}


class ReportsMixin:
    """Mixed into :class:`TaskTableModel` (which provides the Qt model and the search index)."""

    round_name = ""
    round_unit = ""

    def _model(self) -> TaskTableModel:
        return self  # type: ignore[return-value]

    def show_round(self, name: str, unit: str = "") -> None:
        """Show ``name``'s reports (``unit``'s where a task names it, else its first lead's)."""
        if (name, unit) == (self.round_name, self.round_unit):
            return
        self.round_name, self.round_unit = name, unit
        self._report_columns_changed(0, len(self._model().plan.tasks) - 1)

    def report_entry(self, task: Task) -> Entry | None:
        return entry_of(task, self.round_name, self.round_unit) if self.round_name else None

    def report_light(self, task: Task) -> str:
        if not self.round_name:
            return ""
        return self._model().index_.progress(self.round_name, self.round_unit).light(task)

    def report_display(self, fld: Field) -> Callable[[Task, int], str]:
        if fld.name == "light":
            return lambda task, row: fld.report_text(None, self.report_light(task))
        return lambda task, row: _one_line(fld.report_text(self.report_entry(task)))

    def report_brush(self, fld: Field, task: Task) -> QBrush | None:
        if fld.name != "light":
            return None
        return _LIGHT_BRUSHES.get(self.report_light(task))

    def report_value(self, task: Task, fld: Field) -> Any:
        entry = self.report_entry(task)
        if fld.name == "light" or entry is None:
            return fld.report_text(entry, self.report_light(task))
        value = getattr(entry, fld.name)
        return "" if value is None else value

    # -- mutations (called by the commands) -----------------------------------------------------
    def set_report(self, task: Task, round_name: str, entry: Entry) -> Entry | None:
        old = set_entry(task, round_name, entry)
        self._report_changed(task)
        return old

    def restore_report(self, task: Task, round_name: str, unit: str, old: Entry | None) -> None:
        restore_entry(task, round_name, unit, old)
        self._report_changed(task)

    def set_due(self, task: Task, due: Deadline | None) -> Deadline | None:
        old, task.due = task.due, due
        self._report_changed(task)
        return old

    def change_rounds(self, change: Callable[[Plan], Any]) -> Any:
        """Run a change of the plan's rounds (add, remove, rename, statuses); the report columns
        come with the first round and go with the last (the model is reset then)."""
        model = self._model()
        may_toggle = len(model.plan.rounds) <= 1
        if may_toggle:
            model.beginResetModel()
        result = change(model.plan)
        if may_toggle:
            model._set_columns()
            model.endResetModel()
        model.index_.forget_progress()
        self._report_columns_changed(0, len(model.plan.tasks) - 1)
        model.roundsChanged.emit()
        model.planEdited.emit()
        return result

    def refresh_lights(self) -> None:
        """The thresholds (or the day) changed: every light is worked out again."""
        self._model().index_.forget_progress()
        self._report_columns_changed(0, len(self._model().plan.tasks) - 1)
        self._model().roundsChanged.emit()

    def _report_changed(self, task: Task) -> None:
        model = self._model()
        row = model.row_of(task)
        model.index_.update(row, units=False)
        self._report_columns_changed(row, row)
        model.planEdited.emit()

    def _report_columns_changed(self, first: int, last: int) -> None:
        model = self._model()
        columns = [i for i, c in enumerate(model.columns) if c.field.kind == "report"]
        if columns and last >= first >= 0:
            model.dataChanged.emit(model.index(first, columns[0]), model.index(last, columns[-1]))


def _one_line(text: str) -> str:
    return text.replace("\n", " ") if "\n" in text else text


# -- commands --------------------------------------------------------------------------------------
class SetReportCommand(QUndoCommand):
    """Set one field of one unit's report on one task in one round."""

    def __init__(self, model: TaskTableModel, task: Task, round_name: str, unit: str, name: str, value: Any,
                 label: str) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Edit “{field}” of task {number} in {round}").format(
            field=label, number=task.number, round=round_name))
        self.model, self.task, self.round_name = model, task, round_name
        current = entry_of(task, round_name, unit) or Entry(reporting_unit(task, unit))
        self.unit = current.unit
        self.new = current.copy()
        setattr(self.new, name, None if value == "" and name in ("percent", "date") else value)
        self.old: Entry | None = None

    def redo(self) -> None:
        self.old = self.model.set_report(self.task, self.round_name, self.new)

    def undo(self) -> None:
        self.model.restore_report(self.task, self.round_name, self.unit, self.old)


class RoundsCommand(QUndoCommand):
    """A change of the plan's rounds: ``change(plan)`` returns what ``undo(plan, that)`` needs."""

    def __init__(self, model: TaskTableModel, text: str, change: Callable[[Plan], Any],
                 undo: Callable[[Plan, Any], object]) -> None:
        super().__init__(text)
        self.model, self.change, self.reverse = model, change, undo
        self.result: Any = None

    def redo(self) -> None:
        self.result = self.model.change_rounds(self.change)

    def undo(self) -> None:
        self.model.change_rounds(lambda plan: self.reverse(plan, self.result))


class DueCommand(QUndoCommand):
    """Correct a task's deadline (``None``: as its text reads)."""

    def __init__(self, model: TaskTableModel, task: Task, due: Deadline | None) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Correct the deadline of task {number}").format(
            number=task.number))
        self.model, self.task, self.due = model, task, due
        self.old: Deadline | None = None

    def redo(self) -> None:
        self.old = self.model.set_due(self.task, self.due)

    def undo(self) -> None:
        self.model.set_due(self.task, self.old)


class MergeReportsCommand(QUndoCommand):
    """Put many reports at once (an import of returned workbooks): one undo step."""

    def __init__(self, model: TaskTableModel, text: str, reports: list[tuple[Task, str, Entry]]) -> None:
        super().__init__(text)
        self.model, self.reports = model, reports
        self.old: list[Entry | None] = []

    def redo(self) -> None:
        self.old = [self.model.set_report(task, round_name, entry) for task, round_name, entry in self.reports]

    def undo(self) -> None:
        for (task, round_name, entry), old in reversed(list(zip(self.reports, self.old))):
            self.model.restore_report(task, round_name, entry.unit, old)
