"""The open document: the plan's table model, its undo stack, its file and saved state."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from taskmatrix.gui.document import commands
from taskmatrix.gui.document.model import TaskTableModel
from taskmatrix.gui.document.reports import DueCommand, MergeReportsCommand, RoundsCommand, SetReportCommand
from taskmatrix.gui.timers import pause_timer
from taskmatrix.io.report import ImportReport
from taskmatrix.model import edits, rounds
from taskmatrix.model.deadlines import Deadline
from taskmatrix.model.fields import Field, field_of
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.rounds import Entry, Round, find_round


@dataclass(frozen=True)
class FileStamp:
    """Modification time and size of a file when it was opened or saved."""

    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return cls(st.st_mtime_ns, st.st_size)


def freeze_long_lived_objects() -> None:
    """Move everything alive now (above all the plan) out of the cyclic collector's sight.

    A 100,000-task plan is millions of objects; without this every full collection scans
    them all, and choosing a unit took over 200 ms. The plan holds no reference cycles, so
    reference counting frees it when another plan replaces it. Unfreezing first lets this
    collection look again at what an earlier call froze, so nothing stays frozen for good.
    The document runs it once the event loop is free again (after the new plan is painted):
    the collection takes ~20 ms at 10,000 tasks.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class PlanDocument(QObject):
    """Signals:
    pathChanged(): the document's file changed (opened, saved as).
    modifiedChanged(bool): unsaved changes appeared or went away.
    planReplaced(): a different plan was loaded into the document.
    propertiesChanged(): the plan's title or preamble changed.
    refused(str): an edit was refused, with the reason to show the user.

    Every edit (a table cell, the editor dock, a dialog) goes through :meth:`request`: it is
    checked, becomes one undo step, or is refused with a message (and changes nothing).
    """

    pathChanged = Signal()
    modifiedChanged = Signal(bool)
    planReplaced = Signal()
    propertiesChanged = Signal()
    refused = Signal(str)

    def __init__(self, plan: Plan, path: Path | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = TaskTableModel(plan, self)
        self._freeze_timer = pause_timer(self, freeze_long_lived_objects)
        self._freeze_timer.start()
        self.model.edit_handler = self.edit_field
        #: The reason the last refused edit was refused (for dialogs that show it themselves).
        self.last_refusal = ""
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.path: Path | None = path
        #: The file's stamp when opened or last saved (to notice changes made by others).
        self.stamp: FileStamp | None = FileStamp.of(path) if path else None
        #: Not a user file (the embedded plan): saving asks for a name.
        self.untitled = path is None
        #: The import report of the file the plan was read from (None: not read from a file).
        self.report: ImportReport | None = None

    def __del__(self) -> None:
        # Deleting the undo stack clears it, which announces the change: to objects that may be
        # half gone themselves (say a recovery manager whose release freed this document).
        # Python calls this before Qt deletes the document and its stack.
        try:
            self.undo_stack.blockSignals(True)
        except (AttributeError, RuntimeError):  # not built, or Qt deleted it already
            pass

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    @property
    def plan(self) -> Plan:
        return self.model.plan

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        return self.path.name if self.path else QCoreApplication.translate("PlanDocument", "Built-in plan")

    def replace_plan(self, plan: Plan, path: Path | None) -> None:
        """Load another plan (after the caller dealt with unsaved changes)."""
        self.undo_stack.clear()
        self.model.set_plan(plan)
        self.report = None
        self.path = path
        self.untitled = path is None
        self.stamp = FileStamp.of(path) if path else None
        self.undo_stack.setClean()
        self._freeze_timer.start()
        self.planReplaced.emit()
        self.pathChanged.emit()
        self.modifiedChanged.emit(False)

    def restore_unsaved(self, plan: Plan, path: Path | None) -> None:
        """Load a recovered plan as unsaved changes to ``path`` (its original file)."""
        self.replace_plan(plan, path)
        self.stamp = None  # saving it back over the file is what the user asked for
        # An empty step makes the stack unclean: the recovered work is not saved anywhere.
        self.undo_stack.push(commands.MarkerCommand(
            QCoreApplication.translate("PlanDocument", "Restore recovered work")))

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.untitled = False
        self.stamp = FileStamp.of(path)
        self.undo_stack.setClean()
        self.pathChanged.emit()

    def changed_on_disk(self) -> bool:
        """True when the file was changed by someone else since it was opened or saved."""
        if self.path is None or self.stamp is None or not self.path.exists():
            return False
        return FileStamp.of(self.path) != self.stamp

    # -- the one way edits reach the plan -------------------------------------------------------
    def request(self, make: Callable[[], QUndoCommand | None]) -> bool:
        """Make an edit's undo command (``make`` checks the edit and raises
        :class:`~taskmatrix.model.edits.EditError` to refuse it) and push it. A refusal is
        announced through ``refused`` and changes nothing; returns whether the edit was made
        (or needed nothing)."""
        try:
            command = make()
        except edits.EditError as exc:
            self.last_refusal = str(exc)
            self.refused.emit(self.last_refusal)
            return False
        if command is not None:
            self.undo_stack.push(command)
        return True

    def push(self, command: QUndoCommand) -> None:
        self.request(lambda: command)

    def edit_field(self, row: int, key: str, value: Any) -> bool:
        """Change one field of the task in ``row`` (``value`` as the field holds it)."""
        return self.request(lambda: self._field_command(self.model.task(row), key, value))

    def request_field(self, task: Task, key: str, value: Any) -> bool:
        """Change one field of ``task`` to what an editor produced (parsed by the field)."""
        def make() -> QUndoCommand | None:
            parsed = self.model.parse_input(key, value)
            if parsed is None and key != "section":
                raise edits.EditError(QCoreApplication.translate("PlanDocument", "That value cannot be used here."))
            return self._field_command(task, key, parsed)

        return self.request(make)

    def _field_command(self, task: Task, key: str, value: Any) -> QUndoCommand | None:
        fld = field_of(key)
        if fld.kind == "report":
            return self._report_command(task, fld, value)
        if key == "number" and any(t.number == value and t is not task for t in self.plan.tasks):
            raise edits.EditError(
                QCoreApplication.translate("PlanDocument", "Task number {number} is taken.").format(number=value)
            )
        if key == "section" and value is not None and self.plan.section(value) is None:
            raise edits.EditError(QCoreApplication.translate("PlanDocument", "There is no such section."))
        if not any(t is task for t in self.plan.tasks):
            raise edits.EditError(QCoreApplication.translate("PlanDocument", "The task is no longer in the plan."))
        row = self.model.row_of(task)
        if self.model.raw_value(row, key) == value:
            return None
        column = self.model.columns[self.model.column_of(key)]
        return commands.SetFieldCommand(self.model, task, key, value, column.title())

    def _report_command(self, task: Task, fld: Field, value: Any) -> QUndoCommand | None:
        model = self.model
        if not model.round_name:
            raise edits.EditError(QCoreApplication.translate("PlanDocument", "Choose a round first."))
        if not any(t is task for t in self.plan.tasks):
            raise edits.EditError(QCoreApplication.translate("PlanDocument", "The task is no longer in the plan."))
        if model.report_value(task, fld) == value:
            return None
        column = model.columns[model.column_of(fld.key)]
        return SetReportCommand(model, task, model.round_name, model.round_unit, fld.name, value, column.title())

    # -- rounds ---------------------------------------------------------------------------------
    def merge_reports(self, reports: list[tuple[Task, str, Entry]], label: str) -> bool:
        """Put the reports of an import (task, round, entry) as one undo step."""
        def make() -> QUndoCommand | None:
            if any(not any(t is task for t in self.plan.tasks) for task, _, _ in reports):
                raise edits.EditError(QCoreApplication.translate("PlanDocument", "The task is no longer in the plan."))
            return MergeReportsCommand(self.model, label, reports) if reports else None

        return self.request(make)

    def add_round(self, new: Round) -> bool:
        """Add a round (drafted from the last one's reports)."""
        def make() -> QUndoCommand:
            if not new.name.strip() or find_round(self.plan, new.name) is not None:
                raise edits.EditError(QCoreApplication.translate(
                    "PlanDocument", "A round needs a name of its own (“{name}” is taken or empty).").format(
                    name=new.name))
            return RoundsCommand(self.model, QCoreApplication.translate("PlanDocument", "Add round {name}").format(
                name=new.name), lambda plan: rounds.add_round(plan, new),
                lambda plan, _: rounds.remove_round(plan, new.name))
        return self.request(make)

    def change_round(self, name: str, changed: Round) -> bool:
        def make() -> QUndoCommand:
            if not changed.name.strip() or (changed.name != name and find_round(self.plan, changed.name)):
                raise edits.EditError(QCoreApplication.translate(
                    "PlanDocument", "A round needs a name of its own (“{name}” is taken or empty).").format(
                    name=changed.name))
            return RoundsCommand(self.model, QCoreApplication.translate("PlanDocument", "Edit round {name}").format(
                name=name), lambda plan: rounds.change_round(plan, name, changed),
                lambda plan, old: rounds.change_round(plan, changed.name, old))
        return self.request(make)

    def remove_round(self, name: str) -> bool:
        return self.request(lambda: RoundsCommand(
            self.model, QCoreApplication.translate("PlanDocument", "Delete round {name}").format(name=name),
            lambda plan: rounds.remove_round(plan, name),
            lambda plan, removed: rounds.put_back_round(plan, *removed)))

    def set_statuses(self, statuses: list[str]) -> bool:
        def make() -> QUndoCommand | None:
            cleaned = [s for s in dict.fromkeys(x.strip() for x in statuses) if s]
            if not cleaned:
                raise edits.EditError(QCoreApplication.translate("PlanDocument", "Keep at least one status."))
            if cleaned == self.plan.statuses:
                return None
            old = list(self.plan.statuses)

            def put(plan: Plan, values: list[str]) -> list[str]:
                plan.statuses = list(values)
                return old
            return RoundsCommand(self.model, QCoreApplication.translate("PlanDocument", "Edit the statuses"),
                                 lambda plan: put(plan, cleaned), lambda plan, _: put(plan, old))
        return self.request(make)

    def correct_deadline(self, task: Task, due: Deadline | None) -> bool:
        return self.request(lambda: DueCommand(self.model, task, due) if due != task.due else None)

    def add_task(self, section: int | None, after_row: int | None) -> Task:
        task = Task(self.plan.next_task_number(), section)
        row = edits.new_task_index(self.plan, section, after_row)
        self.push(
            commands.InsertTasksCommand(
                self.model,
                [(row, task)],
                QCoreApplication.translate("PlanDocument", "Add task {number}").format(number=task.number),
            )
        )
        return task

    def duplicate_tasks(self, tasks: list[Task]) -> list[Task]:
        placements = []
        next_number = self.plan.next_task_number()
        offset = 0
        for task in sorted(tasks, key=self.model.row_of):
            copy = task.copy()
            copy.number = next_number
            next_number += 1
            offset += 1
            placements.append((self.model.row_of(task) + offset, copy))
        if placements:
            self.push(
                commands.InsertTasksCommand(
                    self.model, placements, QCoreApplication.translate("PlanDocument", "Duplicate tasks")
                )
            )
        return [t for _, t in placements]

    def delete_tasks(self, tasks: list[Task]) -> None:
        if tasks:
            self.push(commands.RemoveTasksCommand(self.model, tasks))

    def move_task(self, task: Task, delta: int) -> bool:
        row = self.model.row_of(task)
        target = row + delta
        at_edge = not 0 <= target < len(self.plan.tasks) or self.plan.tasks[target].section != task.section
        if at_edge:
            numbers = [None] + [s.number for s in self.plan.sections]
            if not 0 <= numbers.index(task.section) + delta < len(numbers):
                return False
        self.push(commands.MoveTaskCommand(self.model, task, delta))
        return True

    def renumber(self) -> None:
        self.push(commands.RenumberCommand(self.model))

    def add_section(self, title: str) -> None:
        self.push(commands.add_section_command(self.model, title))

    def rename_section(self, number: int, title: str) -> None:
        self.push(commands.rename_section_command(self.model, number, title))

    def rename_unit(self, old: str, new: str) -> bool:
        def make() -> QUndoCommand:
            if not new.strip() or new in self.plan.registry or new in self.model.index_.units_used():
                raise edits.EditError(QCoreApplication.translate(
                    "PlanDocument", "Unit {name} exists already; merge the two instead.").format(name=new))
            return commands.UnitsCommand(
                self.model,
                QCoreApplication.translate("PlanDocument", "Rename unit {old} to {new}").format(old=old, new=new),
                lambda plan: edits.rename_unit(plan, old, new),
            )

        return self.request(make)

    def merge_units(self, source: str, target: str) -> None:
        self.push(
            commands.UnitsCommand(
                self.model,
                QCoreApplication.translate("PlanDocument", "Merge unit {source} into {target}").format(
                    source=source, target=target
                ),
                lambda plan: edits.merge_units(plan, source, target),
            )
        )

    def update_unit(self, name: str, category: str, aliases: list[str]) -> None:
        self.push(
            commands.UnitsCommand(
                self.model,
                QCoreApplication.translate("PlanDocument", "Edit unit {name}").format(name=name),
                lambda plan: edits.update_unit(plan, name, category, aliases),
            )
        )

    def set_plan_text(self, title: str, preamble: str) -> None:
        if (title, preamble) != (self.plan.title, self.plan.preamble):
            self.push(commands.PlanTextCommand(self.model, title, preamble, self.propertiesChanged.emit))
