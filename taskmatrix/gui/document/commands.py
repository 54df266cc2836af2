"""Undo commands: one per user action, each calling the table model's mutation methods.

The plan is only ever changed through these commands (pushed on the document's
QUndoStack), so undo/redo covers every edit and the stack's clean state is "saved".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from taskmatrix.gui.document.model import TaskTableModel
from taskmatrix.model import edits
from taskmatrix.model.indicators import put_back_indicators, take_indicators
from taskmatrix.model.plan import Plan, Task


class SetFieldCommand(QUndoCommand):
    """Set one field of one task (a section change may move the task's row)."""

    def __init__(self, model: TaskTableModel, task: Task, key: str, value: Any, label: str) -> None:
        super().__init__(
            QCoreApplication.translate("Commands", "Edit “{field}” of task {number}").format(
                field=label, number=task.number
            )
        )
        self.model = model
        self.task = task
        self.key = key
        self.value = value
        self.old: Any = None
        self.old_row = -1

    def redo(self) -> None:
        row = self.model.row_of(self.task)
        self.old_row = row
        self.old = self.model.set_field(row, self.key, self.value)

    def undo(self) -> None:
        if self.key == "section":
            self.model.place_task(self.task, self.old_row, self.old)
        else:
            self.model.set_field(self.model.row_of(self.task), self.key, self.old)


class InsertTasksCommand(QUndoCommand):
    """Insert new tasks (add or duplicate) at given rows."""

    def __init__(self, model: TaskTableModel, placements: list[tuple[int, Task]], text: str) -> None:
        super().__init__(text)
        self.model = model
        self.placements = sorted(placements, key=lambda p: p[0])

    def redo(self) -> None:
        for row, task in self.placements:
            self.model.insert_task(row, task)

    def undo(self) -> None:
        for _, task in reversed(self.placements):
            self.model.remove_task(self.model.row_of(task))


class RemoveTasksCommand(QUndoCommand):
    """Delete several tasks in one step."""

    def __init__(self, model: TaskTableModel, tasks: list[Task]) -> None:
        numbers = "、".join(str(t.number) for t in tasks[:5]) + ("…" if len(tasks) > 5 else "")
        super().__init__(QCoreApplication.translate("Commands", "Delete task(s) {numbers}").format(numbers=numbers))
        self.model = model
        self.tasks = tasks
        self.rows: list[tuple[int, Task]] = []
        self.indicators: list[tuple[int, Any]] = []

    def redo(self) -> None:
        self.rows = sorted(((self.model.row_of(t), t) for t in self.tasks), key=lambda p: p[0])
        for row, _ in reversed(self.rows):
            self.model.remove_task(row)
        # the kept indicators of the deleted tasks go with them (and come back on undo)
        plan = self.model.plan
        gone = {t.number for t in self.tasks} - {t.number for t in plan.tasks}
        self.indicators = take_indicators(plan, gone)
        if self.indicators:
            self.model.indicatorsChanged.emit()

    def undo(self) -> None:
        for row, task in self.rows:
            self.model.insert_task(row, task)
        if self.indicators:
            put_back_indicators(self.model.plan, self.indicators)
            self.model.indicatorsChanged.emit()


class MoveTaskCommand(QUndoCommand):
    """Move a task one row up or down (across a section boundary it changes section)."""

    def __init__(self, model: TaskTableModel, task: Task, delta: int) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Move task {number}").format(number=task.number))
        self.model = model
        self.task = task
        self.delta = delta
        self.old_row = -1
        self.old_section: int | None = None

    def redo(self) -> None:
        self.old_row = self.model.row_of(self.task)
        _, self.old_section = self.model.move_task(self.old_row, self.delta)

    def undo(self) -> None:
        self.model.place_task(self.task, self.old_row, self.old_section)


class RenumberCommand(QUndoCommand):
    def __init__(self, model: TaskTableModel) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Renumber tasks"))
        self.model = model
        self.old: list[int] = []

    def redo(self) -> None:
        self.old = self.model.renumber()

    def undo(self) -> None:
        self.model.restore_numbers(self.old)


class SectionsCommand(QUndoCommand):
    """A section edit given as a do function and an undo function over the plan."""

    def __init__(
        self, model: TaskTableModel, text: str, do: Callable[[Plan], Any], undo: Callable[[Plan, Any], None]
    ) -> None:
        super().__init__(text)
        self.model = model
        self.do = do
        self.undo_fn = undo
        self.result: Any = None

    def redo(self) -> None:
        self.result = self.model.change_sections(self.do)

    def undo(self) -> None:
        self.model.change_sections(lambda plan: self.undo_fn(plan, self.result))


def add_section_command(model: TaskTableModel, title: str) -> SectionsCommand:
    def undo(plan: Plan, section: Any) -> None:
        edits.remove_section(plan, section.number)

    return SectionsCommand(
        model,
        QCoreApplication.translate("Commands", "Add section “{title}”").format(title=title),
        lambda plan: edits.add_section(plan, title),
        undo,
    )


def rename_section_command(model: TaskTableModel, number: int, title: str) -> SectionsCommand:
    def undo(plan: Plan, old: Any) -> None:
        edits.rename_section(plan, number, old)

    return SectionsCommand(
        model,
        QCoreApplication.translate("Commands", "Rename section to “{title}”").format(title=title),
        lambda plan: edits.rename_section(plan, number, title),
        undo,
    )


class UnitsCommand(QUndoCommand):
    """A plan-wide unit change (rename, merge, registry edit): one step, undone by snapshot."""

    def __init__(self, model: TaskTableModel, text: str, change: Callable[[Plan], edits.UnitsSnapshot]) -> None:
        super().__init__(text)
        self.model = model
        self.change = change
        self.snapshot: edits.UnitsSnapshot | None = None

    def redo(self) -> None:
        self.snapshot = self.model.change_units(self.change)

    def undo(self) -> None:
        assert self.snapshot is not None
        self.model.restore_units(self.snapshot)


class PlanTextCommand(QUndoCommand):
    """Change the plan's title and preamble."""

    def __init__(self, model: TaskTableModel, title: str, preamble: str, notify: Callable[[], None]) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Edit the plan's title and preamble"))
        self.model = model
        self.new = (title, preamble)
        self.old = (model.plan.title, model.plan.preamble)
        self.notify = notify

    def redo(self) -> None:
        self.model.plan.title, self.model.plan.preamble = self.new
        self.notify()

    def undo(self) -> None:
        self.model.plan.title, self.model.plan.preamble = self.old
        self.notify()


class MarkerCommand(QUndoCommand):
    """A step that changes nothing (marks the document as changed, e.g. after recovery)."""

    def redo(self) -> None:
        pass

    def undo(self) -> None:
        pass
