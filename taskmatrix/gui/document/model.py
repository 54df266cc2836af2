"""The task table model: one row per task, declared columns, exact change signals.

The model is also the only place that changes the plan: the undo commands call its
mutation methods, which wrap the pure edit operations of :mod:`taskmatrix.model.edits`
in the matching ``begin…``/``end…`` calls and keep the search index in step.
``setData`` (in-place editing) does not change the plan itself: it hands the edit to
``edit_handler`` (the document pushes an undo command), or applies it when none is set.
"""

from __future__ import annotations

import html
import inspect
import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from taskmatrix.gui.document.columns import Column, columns_for
from taskmatrix.gui.document.reports import ReportsMixin
from taskmatrix.model import edits
from taskmatrix.model.fields import UNIT_KEYS, field_of
from taskmatrix.model.filters import SearchIndex
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.resplist import join_units

logger = logging.getLogger(__name__)

TaskRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
KeyRole = Qt.ItemDataRole.UserRole + 3

_UNKNOWN_BRUSH = QBrush(QColor("#b35900"))
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
#: The roles the model answers; every other role returns at once.
MODEL_ROLES = _ROLES = frozenset({_DISPLAY, _ALIGN, _FOREGROUND, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
                    TaskRole, SortRole})
_DISPLAY_MAX = 80
_TOOLTIP_MIN = 12
_AnyIndex = QModelIndex | QPersistentModelIndex


class TaskTableModel(ReportsMixin, QAbstractTableModel):
    """Rows are ``plan.tasks``; columns are :func:`columns_for` the plan (with the report
    columns of the round shown once the plan has rounds: see :class:`ReportsMixin`).

    Signals:
        planEdited(): after any change to the plan's content or structure.
        sectionsChanged(): after a section was added, renamed or removed.
        unitsChanged(): after units changed across tasks or in the registry.
        roundsChanged(): after a round was added, changed or removed (or the statuses).
        indicatorsChanged(): after the kept indicators changed.
    """

    planEdited = Signal()
    sectionsChanged = Signal()
    unitsChanged = Signal()
    roundsChanged = Signal()
    indicatorsChanged = Signal()

    def __init__(self, plan: Plan, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self._set_columns()
        self.index_ = SearchIndex(plan)
        self._edit_handler: Callable[[], Callable[[int, str, Any], object] | None] | None = None

    @property
    def edit_handler(self) -> Callable[[int, str, Any], object] | None:
        return self._edit_handler() if self._edit_handler is not None else None

    @edit_handler.setter
    def edit_handler(self, handler: Callable[[int, str, Any], object] | None) -> None:
        """A bound method is held weakly: the document owning this model is its handler, and a
        reference cycle would leave the document (with its undo stack) to Python's cycle
        collector, which can delete the stack's commands before the stack (a crash)."""
        if handler is None:
            self._edit_handler = None
        elif inspect.ismethod(handler):
            self._edit_handler = weakref.WeakMethod(handler)
        else:
            self._edit_handler = lambda: handler

    # -- access ---------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def columns(self) -> list[Column]:
        return self._columns

    def column_of(self, key: str) -> int:
        return self._column_of[key]

    def task(self, row: int) -> Task:
        return self._plan.tasks[row]

    def row_of(self, task: Task) -> int:
        for i, t in enumerate(self._plan.tasks):
            if t is task:
                return i
        raise ValueError("task not in plan")

    def set_plan(self, plan: Plan) -> None:
        self.beginResetModel()
        self._plan = plan
        self._set_columns()
        self.index_ = SearchIndex(plan)
        self.endResetModel()
        self.planEdited.emit()

    # -- QAbstractTableModel -----------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._plan.tasks)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title()
            if role == KeyRole:
                return self._columns[section].key
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self.column_flags(index.column())

    def column_flags(self, col: int) -> Qt.ItemFlag:
        if not 0 <= col < len(self._column_flags):
            return Qt.ItemFlag.NoItemFlags
        return self._column_flags[col]

    def _set_columns(self) -> None:
        self._columns = columns_for(self._plan)
        self._column_of = {c.key: i for i, c in enumerate(self._columns)}
        self._display = [self._display_getter(c) for c in self._columns]
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        self._column_flags = [base | Qt.ItemFlag.ItemIsEditable if c.editable else base for c in self._columns]

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        return self.cell_data(index.row(), index.column(), role)

    def cell_data(self, row: int, col: int, role: int) -> Any:
        """``data()`` by row and column (the proxy calls this directly: painting is hot)."""
        if role not in _ROLES or not (0 <= row < len(self._plan.tasks) and 0 <= col < len(self._columns)):
            return None
        if role == _DISPLAY:
            return self._display[col](self._plan.tasks[row], row)
        column = self._columns[col]
        if role == _ALIGN:
            return column.align_value
        task = self._plan.tasks[row]
        if role == _FOREGROUND:
            return self._brush(task, column)
        if role == Qt.ItemDataRole.EditRole:
            return self.value(row, column.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            value = self.value(row, column.key)
            if isinstance(value, str) and len(value) >= _TOOLTIP_MIN:
                return "<div>" + html.escape(value).replace("\n", "<br>") + "</div>"
            return None
        if role == TaskRole:
            return task
        if role == SortRole:
            return column.field.sort_key(self._plan)(task)
        return None

    def cell_style(self, row: int, col: int) -> tuple[str, Qt.AlignmentFlag, Any]:
        """Display text, alignment and text brush (or None) of one cell."""
        if not (0 <= row < len(self._plan.tasks) and 0 <= col < len(self._columns)):
            return "", Qt.AlignmentFlag.AlignLeft, None
        task = self._plan.tasks[row]
        column = self._columns[col]
        return self._display[col](task, row), column.align, self._brush(task, column)

    def _brush(self, task: Task, column: Column) -> QBrush | None:
        """Units not in the registry show in their own colour; a light in its own."""
        if column.field.kind == "report":
            return self.report_brush(column.field, task)
        if column.field.kind == "units":
            registry = self._plan.registry
            if any(not registry.is_registered(u) for u in getattr(task, column.key)):
                return _UNKNOWN_BRUSH
        return None

    def _display_getter(self, column: Column) -> Callable[[Task, int], str]:
        """How a column's cell text is made from a task (painting calls this for every cell)."""
        fld = column.field
        if fld.kind == "report":
            return self.report_display(fld)
        if fld.kind == "cities":  # from the search index, which keeps each row's cities
            return lambda task, row: join_units(self.index_.cities[row])
        text = fld.display(self._plan)
        if fld.kind in ("text", "extra"):
            return lambda task, row: _one_line(text(task))
        return lambda task, row: text(task)

    def value(self, row: int, key: str) -> Any:
        """The value shown for ``key`` in ``row``: text, a number, or units joined by 、."""
        fld = field_of(key)
        task = self._plan.tasks[row]
        if fld.kind == "number":
            return task.number
        if fld.kind == "cities":
            return join_units(self.index_.cities[row])
        if fld.kind == "report":
            return self.report_value(task, fld)
        return fld.text(self._plan, task)

    def setData(self, index: _AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self._columns[index.column()]
        if not column.editable:
            return False
        new = self.parse_input(column.key, value)
        if new is None or new == self.raw_value(index.row(), column.key):
            return False
        handler = self.edit_handler
        if handler is not None:  # the document's edit path: a refusal is shown, not raised
            return handler(index.row(), column.key, new) is not False
        self.set_field(index.row(), column.key, new)
        return True

    def parse_input(self, key: str, value: Any) -> Any:
        """Turn what an editor produced into the field's value; ``None`` if unusable."""
        return field_of(key).parse(self._plan, value)

    def raw_value(self, row: int, key: str) -> Any:
        fld = field_of(key)
        if fld.kind == "report":
            return self.report_value(self._plan.tasks[row], fld)
        return fld.get(self._plan.tasks[row])

    # -- mutations (called by undo commands) ----------------------------------------------
    def set_field(self, row: int, key: str, value: Any) -> Any:
        """Set one field of the task in ``row``; return the old value.

        Setting ``section`` may move the task to keep sections grouped; use
        :meth:`place_task` to put it back.
        """
        task = self._plan.tasks[row]
        if key == "section":
            old_section, _ = self._move_to_section(task, value)
            return old_section
        fld = field_of(key)
        old = fld.set(self._plan, task, value)
        units = fld.kind == "units"
        self.index_.update(row, units=units)
        keys = [*UNIT_KEYS, "cities"] if units else [key]
        for k in keys:
            col = self._column_of[k]
            self.dataChanged.emit(self.index(row, col), self.index(row, col))
        self.planEdited.emit()
        if units:
            self.unitsChanged.emit()
        return old

    def _move_to_section(self, task: Task, section: int | None) -> tuple[int | None, int]:
        if section is not None and self._plan.section(section) is None:
            raise edits.EditError(f"no section {section}")
        old_row = self.row_of(task)
        old_section = task.section
        new_row = edits.section_target(self._plan, task, section)
        self._announce_move(old_row, new_row, lambda: edits.set_section(self._plan, task, section))
        col = self._column_of["section"]
        self.dataChanged.emit(self.index(new_row, col), self.index(new_row, col))
        self.planEdited.emit()
        return old_section, old_row

    def _announce_move(self, old_row: int, new_row: int, change: Callable[[], object]) -> None:
        if new_row == old_row:
            change()
            self.index_.update(new_row, units=False)
            return
        dest = new_row + 1 if new_row > old_row else new_row
        self.beginMoveRows(QModelIndex(), old_row, old_row, QModelIndex(), dest)
        change()
        self.index_.move(old_row, new_row)
        self.index_.update(new_row, units=False)
        self.endMoveRows()

    def place_task(self, task: Task, row: int, section: int | None) -> None:
        """Put ``task`` at ``row`` in ``section`` (undo of a section change or a move)."""
        old_row = self.row_of(task)
        self._announce_move(old_row, row, lambda: edits.place_task(self._plan, task, row, section))
        col = self._column_of["section"]
        self.dataChanged.emit(self.index(row, col), self.index(row, col))
        self.planEdited.emit()

    def move_task(self, row: int, delta: int) -> tuple[int, int | None]:
        """Move a task one row; return its new row and old section."""
        task = self._plan.tasks[row]
        target = row + delta
        if 0 <= target < len(self._plan.tasks) and self._plan.tasks[target].section == task.section:
            result: list[tuple[int, int | None]] = []
            self._announce_move(row, target, lambda: result.append(edits.move_task(self._plan, row, delta)))
            self.planEdited.emit()
            return result[0]
        new_row, old_section = edits.move_task(self._plan, row, delta)
        self.index_.update(row, units=False)
        col = self._column_of["section"]
        self.dataChanged.emit(self.index(row, col), self.index(row, col))
        self.planEdited.emit()
        return new_row, old_section

    def insert_task(self, row: int, task: Task) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        edits.insert_task(self._plan, row, task)
        self.index_.insert(row)
        self.endInsertRows()
        self.planEdited.emit()
        self.unitsChanged.emit()

    def remove_task(self, row: int) -> Task:
        self.beginRemoveRows(QModelIndex(), row, row)
        task = edits.remove_task(self._plan, row)
        self.index_.remove(row)
        self.endRemoveRows()
        self.planEdited.emit()
        self.unitsChanged.emit()
        return task

    def renumber(self) -> list[int]:
        old = edits.renumber(self._plan)
        self._all_changed(["number"])
        return old

    def restore_numbers(self, numbers: list[int]) -> None:
        edits.restore_numbers(self._plan, numbers)
        self._all_changed(["number"])

    def change_sections(self, change: Callable[[Plan], Any]) -> Any:
        """Run a section edit (add, rename, remove) and refresh what shows section titles."""
        result = change(self._plan)
        self.index_.rebuild()
        self._all_changed(["section"])
        self.sectionsChanged.emit()
        return result

    def change_units(self, change: Callable[[Plan], edits.UnitsSnapshot]) -> edits.UnitsSnapshot:
        """Run a plan-wide unit edit (rename, merge, registry update) as one change."""
        snapshot = change(self._plan)
        self.index_.rebuild()
        self._all_changed(["leads", "participants", "cities"])
        self.unitsChanged.emit()
        return snapshot

    def restore_units(self, snapshot: edits.UnitsSnapshot) -> None:
        edits.restore_units(self._plan, snapshot)
        self.index_.rebuild()
        self._all_changed(["leads", "participants", "cities"])
        self.unitsChanged.emit()

    def _all_changed(self, keys: list[str]) -> None:
        if self._plan.tasks:
            last = len(self._plan.tasks) - 1
            for key in keys:
                col = self._column_of[key]
                self.dataChanged.emit(self.index(0, col), self.index(last, col))
        if "number" in keys:
            self.index_.rebuild()
        self.planEdited.emit()


def _one_line(text: str) -> str:
    """Cell text on one line; long text is cut (the cell elides it anyway, and shaping less
    text paints faster)."""
    if len(text) > _DISPLAY_MAX:
        text = text[:_DISPLAY_MAX] + "…"
    return text.replace("\n", " ") if "\n" in text else text
