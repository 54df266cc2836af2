"""The task editor: every field of the selected task, committed one field at a time.

Each committed change becomes one undo step (through ``editRequested``); the editor shows
the task as it is after any change, including undo and redo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from taskmatrix.gui.document.model import TaskTableModel
from taskmatrix.gui.units.unitlist import UnitListEdit
from taskmatrix.model.plan import MAX_NUMBER, STATUSES, Task
from taskmatrix.model.queries import task_cities


class CommitTextEdit(QPlainTextEdit):
    """A plain-text editor that announces its text when it loses focus.

    Signals:
        committed(str): the text, on leaving the editor.
    """

    committed = Signal(str)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit(self.toPlainText())


class WrappingLabel(QLabel):
    """A word-wrapping label that asks its layout for every line it wraps to (a form layout
    otherwise gives a wrapped label the height of its unwrapped text, and cuts it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        height = self.heightForWidth(max(self.width(), 1))
        if height > 0 and height != self.minimumHeight():
            self.setMinimumHeight(height)


class FieldUndo(QObject):
    """Lets Ctrl+Z and Ctrl+Y reach the plan when a field has nothing of its own to undo or redo.

    A field's undo history holds only what the user typed since the task was shown (filling a
    field is not a user edit, and a committed edit is the plan's to undo): with none, the
    keys are left to the window's Undo and Redo, which act on the plan.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo) or (
                event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier)
            if undo or redo:
                available = _history(watched)
                if not (available[0] if undo else available[1]):
                    event.ignore()
                    return True  # not overridden: the shortcut goes to the window's action
        return False


def _history(widget: QObject) -> tuple[bool, bool]:
    """(undo available, redo available) of a field's own editing history."""
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable(), widget.isRedoAvailable()
    if isinstance(widget, QPlainTextEdit):
        document = widget.document()
        return document.isUndoAvailable(), document.isRedoAvailable()
    return False, False


def forget_history(widget: QWidget) -> None:
    """Clear a field's own undo history (after its text was committed to the plan)."""
    if isinstance(widget, QPlainTextEdit):
        widget.document().clearUndoRedoStacks()
    elif isinstance(widget, QLineEdit) and (widget.isUndoAvailable() or widget.isRedoAvailable()):
        position = widget.cursorPosition()
        widget.setText(widget.text())  # setText starts a new history
        widget.setCursorPosition(position)


class TaskEditor(QDockWidget):
    """Signals:
        editRequested(object task, str key, object value): the user changed a field.
    """

    editRequested = Signal(object, str, object)

    def __init__(self, table: TaskTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Task Details"))
        self.setObjectName("editorDock")
        self.table = table
        self.task: Task | None = None
        self.extra_edits: dict[str, QLineEdit] = {}

        body = QWidget(self)
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.empty = QLabel(self.tr("Select a task in the table to edit it here."), body)
        self.empty.setWordWrap(True)
        self.form.addRow(self.empty)
        self.number = QSpinBox(body)
        self.number.setRange(1, MAX_NUMBER)
        self.section = QComboBox(body)
        self.title_edit = QLineEdit(body)
        self.body_edit = CommitTextEdit(body)
        self.leads = UnitListEdit(body)
        self.participants = UnitListEdit(body)
        self.cities = WrappingLabel(body)
        self.deadline = QLineEdit(body)
        self.status = QComboBox(body)
        self.status.setEditable(True)
        self.status.addItems(["", *STATUSES])
        self.progress = CommitTextEdit(body)
        self.notes = CommitTextEdit(body)
        for edit, lines in ((self.body_edit, 6), (self.progress, 3), (self.notes, 2)):
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        for units, lines in ((self.leads, 3), (self.participants, 6)):
            units.view.setFixedHeight(units.view.fontMetrics().lineSpacing() * lines + 10)
        rows = (
            (self.tr("No."), self.number), (self.tr("Section"), self.section), (self.tr("Task"), self.title_edit),
            (self.tr("Details"), self.body_edit), (self.tr("Lead units"), self.leads),
            (self.tr("Participating units"), self.participants), (self.tr("Cities"), self.cities),
            (self.tr("Deadline"), self.deadline), (self.tr("Status"), self.status),
            (self.tr("Progress"), self.progress), (self.tr("Notes"), self.notes),
        )
        for label, widget in rows:
            self.form.addRow(label, widget)
        self.field_widgets: list[QWidget] = [w for _, w in rows]
        self.undo_filter = FieldUndo(self)
        for field in self._text_fields():
            field.installEventFilter(self.undo_filter)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 19)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.body = body

        self.number.editingFinished.connect(lambda: self._commit("number", self.number.value()))
        self.section.activated.connect(lambda _: self._commit("section", self.section.currentData()))
        self.title_edit.editingFinished.connect(lambda: self._commit("title", self.title_edit.text()))
        self.body_edit.committed.connect(lambda text: self._commit("body", text))
        self.leads.unitsEdited.connect(lambda units: self._commit("leads", units))
        self.participants.unitsEdited.connect(lambda units: self._commit("participants", units))
        self.deadline.editingFinished.connect(lambda: self._commit("deadline", self.deadline.text()))
        self.status.activated.connect(lambda _: self._commit("status", self.status.currentText()))
        status_edit = self.status.lineEdit()
        assert status_edit is not None
        status_edit.editingFinished.connect(lambda: self._commit("status", self.status.currentText()))
        self.progress.committed.connect(lambda text: self._commit("progress", text))
        self.notes.committed.connect(lambda text: self._commit("notes", text))
        table.dataChanged.connect(self._data_changed)
        table.rowsRemoved.connect(self._rows_removed)
        table.modelReset.connect(self._plan_reset)
        table.sectionsChanged.connect(self._refill_sections)
        table.unitsChanged.connect(self._refill_units)
        self._plan_reset()

    # -- showing a task -----------------------------------------------------------------
    def set_task(self, task: Task | None) -> None:
        changed = task is not self.task
        self.task = task
        self.refresh()
        if changed:  # what was typed for another task is no history of this one
            for widget in self._text_fields():
                forget_history(widget)

    def refresh(self) -> None:
        task = self.task
        self.empty.setVisible(task is None)
        for widget in self.field_widgets + list(self.extra_edits.values()):
            widget.setEnabled(task is not None)
        if task is None:
            for edit in (self.title_edit, self.deadline):
                edit.clear()
            for text_edit in (self.body_edit, self.progress, self.notes):
                text_edit.clear()
            self.leads.set_units([])
            self.participants.set_units([])
            self.cities.clear()
            return
        plan = self.table.plan
        blockers = [QSignalBlocker(w) for w in (self.number, self.section, self.status)]
        self.number.setValue(task.number)
        self.section.setCurrentIndex(max(0, self.section.findData(task.section)) if task.section is not None else 0)
        self.status.setCurrentText(task.status)
        del blockers
        _set_line(self.title_edit, task.title)
        _set_line(self.deadline, task.deadline)
        _set_text(self.body_edit, task.body)
        _set_text(self.progress, task.progress)
        _set_text(self.notes, task.notes)
        self.leads.set_units(task.leads)
        self.participants.set_units(task.participants)
        self.cities.setText("、".join(task_cities(task, plan.registry)) or self.tr("(none)"))
        for name, edit in self.extra_edits.items():
            _set_line(edit, task.extra.get(name, ""))

    def _commit(self, key: str, value: Any) -> None:
        if self.task is None:
            return
        if not self._shown_task_in_plan():
            self.set_task(None)  # the task went away (deleted, undone): nothing to edit
            return
        self.editRequested.emit(self.task, key, value)
        for widget in self._text_fields():
            forget_history(widget)

    def _text_fields(self) -> list[QWidget]:
        """The widgets whose text the user types (including those inside the spin box and combo)."""
        fields: list[QWidget] = [self.title_edit, self.body_edit, self.deadline, self.progress, self.notes,
                                 *self.extra_edits.values()]
        for owner in (self.number, self.status):
            inner = owner.lineEdit()
            if inner is not None:
                fields.append(inner)
        return fields

    def _shown_task_in_plan(self) -> bool:
        return self.task is not None and any(t is self.task for t in self.table.plan.tasks)

    def _rows_removed(self, *args: Any) -> None:
        if self.task is not None and not self._shown_task_in_plan():
            self.set_task(None)

    # -- keeping in step with the plan ---------------------------------------------------
    def _data_changed(self, top_left: Any, bottom_right: Any, roles: Any = ()) -> None:
        if self.task is None:
            return
        try:
            row = self.table.row_of(self.task)
        except ValueError:
            self.set_task(None)
            return
        if top_left.row() <= row <= bottom_right.row():
            self.refresh()

    def _plan_reset(self) -> None:
        self._refill_sections()
        self._refill_units()
        self._rebuild_extras()
        self.set_task(None)

    def _refill_sections(self) -> None:
        with QSignalBlocker(self.section):
            self.section.clear()
            self.section.addItem(self.tr("(no section)"), None)
            for s in self.table.plan.sections:
                self.section.addItem(s.label, s.number)
        if self.task is not None:
            self.refresh()

    def _refill_units(self) -> None:
        plan = self.table.plan
        for edit in (self.leads, self.participants):
            edit.set_registry(plan.registry, plan.unknown_units(self.table.index_.units_used()))
        if self.task is not None:
            self.refresh()

    def _rebuild_extras(self) -> None:
        for edit in self.extra_edits.values():
            self.form.removeRow(edit)
        self.extra_edits = {}
        for name in self.table.plan.extra_fields:
            edit = QLineEdit(self.body)
            edit.installEventFilter(self.undo_filter)
            edit.editingFinished.connect(lambda name=name, edit=edit: self._commit(f"extra:{name}", edit.text()))
            self.form.addRow(name, edit)
            self.extra_edits[name] = edit


def _set_line(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)


def _set_text(edit: QPlainTextEdit, text: str) -> None:
    if edit.toPlainText() != text:
        edit.setPlainText(text)
