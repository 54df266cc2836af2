"""The indicators as an editable table: 任务, 指标, 目标值, 单位, 年份, 比较, 原文, the actual
value in the round shown, and whether it meets the target.

Until the user edits them they are read from the task bodies (and read again as the bodies
change); the first edit keeps them all in the plan. Each edit is one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QUndoCommand

from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.timers import pause_timer
from taskmatrix.model.indicators import ExtractCache, Indicator, indicators_of, read_comparison, read_number

Index = QModelIndex | QPersistentModelIndex
TASK, TEXT, VALUE, MEASURE, YEAR, COMPARISON, SOURCE, ACTUAL, MET = range(9)
EDITABLE = {TEXT, VALUE, MEASURE, YEAR, COMPARISON, ACTUAL}
REFRESH_MS = 150


class IndicatorsCommand(QUndoCommand):
    """The plan's indicators replaced (``None``: read from the bodies again)."""

    def __init__(self, document: PlanDocument, new: list[Indicator] | None, text: str) -> None:
        super().__init__(text)
        self.document, self.new = document, new
        self.old = document.plan.indicators

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)

    def _set(self, indicators: list[Indicator] | None) -> None:
        self.document.plan.indicators = [i.copy() for i in indicators] if indicators is not None else None
        self.document.model.indicatorsChanged.emit()
        self.document.model.planEdited.emit()


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


class IndicatorsModel(QAbstractTableModel):
    """Signals:
        changed(): the indicators, or whether they are kept, changed.
    """

    changed = Signal()

    def __init__(self, document: PlanDocument, state: ViewState, parent: Any = None) -> None:
        super().__init__(parent)
        self.document, self.state = document, state
        self._rows: list[Indicator] = []
        self._read: ExtractCache = {}  # the bodies read so far: an edit reads only its task again
        self._timer = pause_timer(self, self.refresh, REFRESH_MS)
        tasks = document.model
        tasks.indicatorsChanged.connect(self.refresh)
        tasks.modelReset.connect(self.refresh)
        tasks.roundsChanged.connect(self.refresh)
        tasks.dataChanged.connect(self._bodies_changed)
        tasks.rowsInserted.connect(self._bodies_changed)
        tasks.rowsRemoved.connect(self._bodies_changed)
        state.changed.connect(self._state_changed)
        self._round = state.round
        self.refresh()

    @property
    def kept(self) -> bool:
        return self.document.plan.indicators is not None

    def indicators(self) -> list[Indicator]:
        return list(self._rows)

    def refresh(self) -> None:
        """The indicators again; as many as before (an edit), they are updated in place, and
        the view keeps its selection and where it was scrolled to."""
        self._timer.stop()
        rows = indicators_of(self.document.plan, self._read)
        if len(rows) == len(self._rows) and rows:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, MET))
            self.changed.emit()
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        self.changed.emit()

    def _bodies_changed(self, *args: object) -> None:
        self._timer.start()  # bodies read again, or kept ones renumbered with their tasks

    def _state_changed(self, *args: object) -> None:
        if self.state.round != self._round:
            self._round = self.state.round
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, ACTUAL, MET)
            if self._rows:
                self.dataChanged.emit(self.index(0, ACTUAL), self.index(len(self._rows) - 1, MET))

    # -- the table -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 9:
            return None
        if section == ACTUAL:
            return self.tr("Actual ({round})").format(round=self._round) if self._round else self.tr("Actual")
        return (self.tr("Task"), self.tr("Indicator"), self.tr("Target"), self.tr("Unit"), self.tr("Year"),
                self.tr("Comparison"), self.tr("Source"), "", self.tr("Met"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE and (index.column() != ACTUAL or self._round):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], index.column()
        actual = item.actuals.get(self._round) if self._round else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            edit = role == Qt.ItemDataRole.EditRole
            if column == VALUE:
                return (f"{item.value:g}" if item.value is not None else "") if edit else number_text(item.value)
            if column == ACTUAL:
                return (f"{actual:g}" if actual is not None else "") if edit else number_text(actual)
            if column == MET:
                met = item.met(actual)
                return "" if met is None else (self.tr("Met") if met else self.tr("Not met"))
            return (str(item.task), item.text, None, item.measure, "" if item.year is None else str(item.year),
                    item.comparison, item.source)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (TEXT, SOURCE):
            return item.source
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (TEXT, SOURCE):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == MET:
            met = item.met(actual)
            return None if met is None else QColor("#2e8b57" if met else "#d9534f")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in EDITABLE:
            return False
        kept = [i.copy() for i in self._rows]
        item, column = kept[index.row()], index.column()
        text = str(value).strip()
        if not self._valid(column, text):
            label = self.headerData(column, Qt.Orientation.Horizontal)
            hint = {COMPARISON: ">=、<=、=", YEAR: "1900–2200"}.get(column, "200、2.8%、1.4亿")
            self.document.refused.emit(QCoreApplication.translate(
                "IndicatorsModel", "“{text}” is not a value for “{field}” (for example {hint})").format(
                    text=text, field=label, hint=hint))
            return False
        try:
            if column == TEXT:
                item.text = text
            elif column == VALUE:
                item.value = read_number(text)
            elif column == MEASURE:
                item.measure = text
            elif column == YEAR:
                item.year = int(text) if text else None
            elif column == COMPARISON:
                item.comparison = read_comparison(text)
            elif column == ACTUAL and self._round:
                number = read_number(text)
                if number is None:
                    item.actuals.pop(self._round, None)
                else:
                    item.actuals[self._round] = number
        except ValueError:
            return False
        label = self.headerData(column, Qt.Orientation.Horizontal)
        text_ = QCoreApplication.translate("IndicatorsModel", "Edit “{field}” of an indicator of task {number}")
        return self.document.request(lambda: IndicatorsCommand(self.document, kept, text_.format(
            field=label, number=item.task)))

    @staticmethod
    def _valid(column: int, text: str) -> bool:
        try:
            if column in (VALUE, ACTUAL):
                read_number(text)
            elif column == COMPARISON:
                read_comparison(text)
            elif column == YEAR and text:
                return text.isdigit() and 1900 <= int(text) <= 2200
        except ValueError:
            return False
        return True

    def remove(self, rows: list[int]) -> bool:
        kept = [i.copy() for r, i in enumerate(self._rows) if r not in set(rows)]
        text = QCoreApplication.translate("IndicatorsModel", "Remove {count} indicators").format(count=len(rows))
        return self.document.request(lambda: IndicatorsCommand(self.document, kept, text))

    def read_again(self) -> bool:
        if not self.kept:
            return True
        text = QCoreApplication.translate("IndicatorsModel", "Read the indicators again from the bodies")
        return self.document.request(lambda: IndicatorsCommand(self.document, None, text))
