"""The task editor: every field of the selected task, committed one field at a time.

Each committed change becomes one undo step (through ``editRequested``); the editor shows
the task as it is after any change, including undo and redo.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from taskmatrix.gui.document.model import TaskTableModel
from taskmatrix.gui.editing.widgets import (
    CommitTextEdit,
    FieldUndo,
    WrappingLabel,
    _set_line,
    _set_text,
    forget_history,
)
from taskmatrix.gui.progress.texts import describe_deadline
from taskmatrix.gui.units.unitlist import UnitListEdit
from taskmatrix.model.fields import FIELDS, REPORT_FIELDS, TITLES_CONTEXT, Field, extra_key
from taskmatrix.model.plan import MAX_NUMBER, Plan, Task
from taskmatrix.model.progress import deadline_of
from taskmatrix.model.rounds import reporting_unit

_W = TypeVar("_W", bound=QWidget)


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
        #: One widget per declared field, made by how the field is typed.
        self.widgets: dict[str, QWidget] = {}
        self.field_widgets: list[QWidget] = []
        for fld in FIELDS:
            widget = self._make_widget(fld, body)
            self.widgets[fld.key] = widget
            self.form.addRow(QCoreApplication.translate(TITLES_CONTEXT, fld.title), widget)
            self.field_widgets.append(widget)
        self.parsed_deadline = WrappingLabel(body)
        self.parsed_deadline.setObjectName("parsedDeadline")
        self.form.insertRow(self._row_of("deadline") + 1, "", self.parsed_deadline)
        # The report of the round shown (its own group: it belongs to the round, not the task).
        self.report_box = QGroupBox(body)
        self.report_box.setObjectName("reportBox")
        report_form = QFormLayout(self.report_box)
        report_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for fld in REPORT_FIELDS:
            widget = self._make_widget(fld, self.report_box)
            self.widgets[fld.key] = widget
            report_form.addRow(QCoreApplication.translate(TITLES_CONTEXT, fld.title), widget)
            self.field_widgets.append(widget)
        self.form.addRow(self.report_box)
        self.report_box.setVisible(False)
        # The widgets by name, for the code (and tests) that reach one field.
        self.number = self._widget("number", QSpinBox)
        self.section = self._widget("section", QComboBox)
        self.title_edit = self._widget("title", QLineEdit)
        self.body_edit = self._widget("body", CommitTextEdit)
        self.leads = self._widget("leads", UnitListEdit)
        self.participants = self._widget("participants", UnitListEdit)
        self.cities = self._widget("cities", WrappingLabel)
        self.deadline = self._widget("deadline", QLineEdit)
        self.status = self._widget("status", QComboBox)
        self.progress = self._widget("progress", CommitTextEdit)
        self.notes = self._widget("notes", CommitTextEdit)
        self.undo_filter = FieldUndo(self)
        for field in self._text_fields():
            field.installEventFilter(self.undo_filter)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 19)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.body = body

        table.dataChanged.connect(self._data_changed)
        table.rowsRemoved.connect(self._rows_removed)
        table.modelReset.connect(self._plan_reset)
        table.sectionsChanged.connect(self._refill_sections)
        table.unitsChanged.connect(self._refill_units)
        table.roundsChanged.connect(self._refill_statuses)
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
            for widget in self.widgets.values():
                if isinstance(widget, (QLineEdit, QPlainTextEdit, QLabel)):
                    widget.clear()
                elif isinstance(widget, UnitListEdit):
                    widget.set_units([])
            return
        plan = self.table.plan
        for fld in FIELDS:
            self._show(fld, self.widgets[fld.key], task, plan)
        self._show_reports(task, plan)
        for name, edit in self.extra_edits.items():
            _set_line(edit, task.extra.get(name, ""))

    # -- the widget of each kind of field ------------------------------------------------------
    def _row_of(self, key: str) -> int:
        position: Any = self.form.getWidgetPosition(self.widgets[key])
        return int(position[0])

    def _widget(self, key: str, kind: type[_W]) -> _W:
        widget = self.widgets[key]
        assert isinstance(widget, kind)
        return widget

    def _make_widget(self, fld: Field, parent: QWidget) -> QWidget:
        """The widget for one field, wired to commit its value."""
        key = fld.key
        if fld.editor == "number":
            spin = QSpinBox(parent)
            spin.setRange(1, MAX_NUMBER)
            spin.editingFinished.connect(lambda: self._commit(key, spin.value()))
            return spin
        if fld.editor in ("section", "choice"):
            combo = QComboBox(parent)
            if fld.editor == "section":
                combo.activated.connect(lambda _: self._commit(key, combo.currentData()))
                return combo
            combo.setEditable(True)
            combo.addItems(["", *fld.choices])
            combo.activated.connect(lambda _: self._commit(key, combo.currentText()))
            line = combo.lineEdit()
            assert line is not None
            line.editingFinished.connect(lambda: self._commit(key, combo.currentText()))
            return combo
        if fld.editor == "multiline":
            text = CommitTextEdit(parent)
            text.setMinimumHeight(text.fontMetrics().lineSpacing() * fld.lines + 12)
            text.committed.connect(lambda value: self._commit(key, value))
            return text
        if fld.editor == "units":
            units = UnitListEdit(parent)
            units.view.setFixedHeight(units.view.fontMetrics().lineSpacing() * fld.lines + 10)
            units.unitsEdited.connect(lambda value: self._commit(key, value))
            return units
        if fld.editor == "none":
            return WrappingLabel(parent)
        edit = QLineEdit(parent)
        edit.editingFinished.connect(lambda: self._commit(key, edit.text()))
        return edit

    def _show_reports(self, task: Task, plan: Plan) -> None:
        """The parsed deadline, and the report of the round shown (the unit's, or the lead's)."""
        deadline = deadline_of(plan, task)
        self.parsed_deadline.setText(describe_deadline(deadline))
        model = self.table
        self.report_box.setVisible(bool(model.round_name))
        if not model.round_name:
            return
        entry = model.report_entry(task)
        unit = entry.unit if entry is not None else reporting_unit(task, model.round_unit)
        self.report_box.setTitle(self.tr("{round}: the report of {unit}").format(
            round=model.round_name, unit=unit or self.tr("the task")))
        for fld in REPORT_FIELDS:
            widget = self.widgets[fld.key]
            value = model.report_value(task, fld)
            text = fld.report_text(entry, model.report_light(task)) if fld.name in ("light", "percent", "date") \
                else ("" if value is None else str(value))
            if fld.name == "percent":
                text = text.rstrip("%")
            if isinstance(widget, QComboBox):
                with QSignalBlocker(widget):
                    widget.setCurrentText(text)
            elif isinstance(widget, QPlainTextEdit):
                _set_text(widget, text)
            elif isinstance(widget, WrappingLabel):
                widget.setText(text)
            elif isinstance(widget, QLineEdit):
                _set_line(widget, text)

    def _refill_statuses(self) -> None:
        combo = self.widgets["round:status"]
        assert isinstance(combo, QComboBox)
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItems(["", *self.table.plan.statuses])
        if self.task is not None:
            self.refresh()

    def _show(self, fld: Field, widget: QWidget, task: Task, plan: Plan) -> None:
        """Put ``task``'s value of ``fld`` into its widget (without committing it)."""
        if isinstance(widget, QSpinBox):
            with QSignalBlocker(widget):
                widget.setValue(task.number)
        elif isinstance(widget, QComboBox) and fld.editor == "section":
            with QSignalBlocker(widget):
                widget.setCurrentIndex(max(0, widget.findData(task.section)) if task.section is not None else 0)
        elif isinstance(widget, QComboBox):
            with QSignalBlocker(widget):
                widget.setCurrentText(fld.get(task))
        elif isinstance(widget, QPlainTextEdit):
            _set_text(widget, fld.get(task))
        elif isinstance(widget, UnitListEdit):
            widget.set_units(fld.get(task))
        elif isinstance(widget, WrappingLabel):
            widget.setText(fld.text(plan, task) or self.tr("(none)"))
        elif isinstance(widget, QLineEdit):
            _set_line(widget, fld.get(task))

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
        fields: list[QWidget] = [w for w in self.widgets.values() if isinstance(w, (QLineEdit, QPlainTextEdit))]
        fields += self.extra_edits.values()
        for owner in self.widgets.values():
            inner = owner.lineEdit() if isinstance(owner, (QSpinBox, QComboBox)) else None
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
        self._refill_statuses()
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
            edit.editingFinished.connect(lambda name=name, edit=edit: self._commit(extra_key(name), edit.text()))
            self.form.addRow(name, edit)
            self.extra_edits[name] = edit
