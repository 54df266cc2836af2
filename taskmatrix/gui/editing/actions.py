"""The editing actions: tasks, sections, units, the plan's title, undo and redo; and the task
editor kept on the table's current task.

Every edit goes to the document's one edit path (:meth:`PlanDocument.request`); a refusal is
shown by whoever shows the document's messages, and the editor shows the task as it is again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.editing.dialogs import PlanTextDialog, ask_text
from taskmatrix.gui.editing.editor import TaskEditor
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.table.view import TaskTableView
from taskmatrix.gui.units.dialog import UnitsDialog
from taskmatrix.model.plan import Task

#: Actions that need a selected task.
SELECTION_ACTIONS = (ActionId.DUPLICATE_TASK, ActionId.DELETE_TASKS, ActionId.MOVE_UP, ActionId.MOVE_DOWN)


class EditController(QObject):
    """Add, duplicate, delete and move tasks; add and rename sections; manage units; the
    plan's title and preamble; undo and redo."""

    BINDINGS = {ActionId.ADD_TASK: "add_task", ActionId.DUPLICATE_TASK: "duplicate_tasks",
                ActionId.DELETE_TASKS: "delete_tasks", ActionId.MOVE_UP: "move_up", ActionId.MOVE_DOWN: "move_down",
                ActionId.RENUMBER: "renumber", ActionId.ADD_SECTION: "add_section",
                ActionId.RENAME_SECTION: "rename_section", ActionId.MANAGE_UNITS: "manage_units",
                ActionId.PLAN_PROPERTIES: "edit_plan_text", ActionId.UNDO: "undo", ActionId.REDO: "redo"}

    def __init__(self, document: PlanDocument, state: ViewState, table: TaskTableView, editor: TaskEditor,
                 actions: Mapping[ActionId, QAction], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.state = state
        self.table = table
        self.editor = editor
        self.actions = actions
        #: The widget dialogs open over.
        self.window = parent
        stack = document.undo_stack
        stack.canUndoChanged.connect(actions[ActionId.UNDO].setEnabled)
        stack.canRedoChanged.connect(actions[ActionId.REDO].setEnabled)
        actions[ActionId.UNDO].setEnabled(False)
        actions[ActionId.REDO].setEnabled(False)
        editor.editRequested.connect(document.request_field)
        document.refused.connect(lambda _: editor.refresh())
        selection = table.selectionModel()
        selection.selectionChanged.connect(self.selection_changed)
        selection.currentRowChanged.connect(self.selection_changed)
        self.selection_changed()

    def selection_changed(self, *args: Any) -> None:
        """The editor shows the current task; actions on a selection need one."""
        self.editor.set_task(self.table.current_task())
        has = bool(self.table.selected_tasks())
        for action_id in SELECTION_ACTIONS:
            self.actions[action_id].setEnabled(has)

    def show_task(self, task: Task) -> None:
        self.table.reveal(task, self.state)

    # -- actions ------------------------------------------------------------------------------
    def undo(self) -> None:
        self.document.undo_stack.undo()

    def redo(self) -> None:
        self.document.undo_stack.redo()

    def add_task(self) -> None:
        current = self.table.current_task()
        plan = self.document.plan
        section = current.section if current else (plan.sections[-1].number if plan.sections else None)
        row = self.document.model.row_of(current) if current else None
        task = self.document.add_task(section, row)
        self.show_task(task)
        self.editor.title_edit.setFocus()

    def duplicate_tasks(self) -> None:
        copies = self.document.duplicate_tasks(self.table.selected_tasks())
        if copies:
            self.show_task(copies[0])

    def delete_tasks(self) -> None:
        tasks = self.table.selected_tasks()
        if not tasks:
            return
        answer = QMessageBox.question(self.window, self.tr("Delete Tasks"), self.tr(
            "Delete {count} task(s)? You can undo this.").format(count=len(tasks)))
        if answer == QMessageBox.StandardButton.Yes:
            self.document.delete_tasks(tasks)

    def move_up(self) -> None:
        self.move_task(-1)

    def move_down(self) -> None:
        self.move_task(1)

    def move_task(self, delta: int) -> None:
        task = self.table.current_task()
        if task is not None and self.document.move_task(task, delta):
            self.table.select_task(task)

    def renumber(self) -> None:
        self.document.renumber()

    def add_section(self) -> None:
        title = ask_text(self.window, self.tr("Add Section"), self.tr("Title of the new section:"))
        if title:
            self.document.add_section(title)

    def rename_section(self) -> None:
        task = self.table.current_task()
        plan = self.document.plan
        section = plan.section(task.section) if task else None
        if section is None:
            sections = [s.label for s in plan.sections]
            if not sections:
                return
            label, ok = QInputDialog.getItem(self.window, self.tr("Rename Section"), self.tr("Section:"), sections,
                                             0, False)
            if not ok:
                return
            section = plan.sections[sections.index(label)]
        title = ask_text(self.window, self.tr("Rename Section"), self.tr("New title for {label}:").format(
            label=section.label), section.title)
        if title and title != section.title:
            self.document.rename_section(section.number, title)

    def manage_units(self) -> None:
        dialog = UnitsDialog(self.document, self.window, current=self.state.unit)
        dialog.exec()

    def edit_plan_text(self) -> None:
        dialog = PlanTextDialog(self.document.plan.title, self.document.plan.preamble, self.window)
        if dialog.exec():
            self.document.set_plan_text(*dialog.values())
