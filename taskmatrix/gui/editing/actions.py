"""The editing actions of the main window: tasks, sections, units, the plan's title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from taskmatrix.gui.editing.dialogs import PlanTextDialog, UnitsDialog, ask_text

if TYPE_CHECKING:
    from taskmatrix.gui.mainwindow import MainWindow


class EditActions(QObject):
    """Add, duplicate, delete and move tasks; add and rename sections; manage units."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def add_task(self) -> None:
        current = self.window.table.current_task()
        section = current.section if current else (self.window.document.plan.sections[-1].number
                                                   if self.window.document.plan.sections else None)
        row = self.window.document.model.row_of(current) if current else None
        task = self.window.document.add_task(section, row)
        self.window.show_task(task)
        self.window.editor.title_edit.setFocus()

    def duplicate_tasks(self) -> None:
        copies = self.window.document.duplicate_tasks(self.window.table.selected_tasks())
        if copies:
            self.window.show_task(copies[0])

    def delete_tasks(self) -> None:
        tasks = self.window.table.selected_tasks()
        if not tasks:
            return
        answer = QMessageBox.question(self.window, self.tr("Delete Tasks"), self.tr(
            "Delete {count} task(s)? You can undo this.").format(count=len(tasks)))
        if answer == QMessageBox.StandardButton.Yes:
            self.window.document.delete_tasks(tasks)

    def move_task(self, delta: int) -> None:
        task = self.window.table.current_task()
        if task is not None and self.window.document.move_task(task, delta):
            self.window.table.select_task(task)

    def add_section(self) -> None:
        title = ask_text(self.window, self.tr("Add Section"), self.tr("Title of the new section:"))
        if title:
            self.window.document.add_section(title)

    def rename_section(self) -> None:
        task = self.window.table.current_task()
        plan = self.window.document.plan
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
            self.window.document.rename_section(section.number, title)

    def manage_units(self) -> None:
        dialog = UnitsDialog(self.window.document, self.window, current=self.window.filter_bar.spec.unit)
        dialog.exec()

    def edit_plan_text(self) -> None:
        dialog = PlanTextDialog(self.window.document.plan.title, self.window.document.plan.preamble, self.window)
        if dialog.exec():
            self.window.document.set_plan_text(*dialog.values())
