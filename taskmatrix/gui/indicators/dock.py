"""The indicators pane: the plan's quantitative targets, editable, with the actual value of the
round shown and whether it meets the target; a click shows the task."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.indicators.model import ACTUAL, COMPARISON, MET, SOURCE, TEXT, VALUE, IndicatorsModel
from taskmatrix.gui.panes import TaskPane
from taskmatrix.gui.state import ViewState
from taskmatrix.model.indicators import COMPARISONS


class ComparisonDelegate(QStyledItemDelegate):
    """比较 chosen from >=, <=, = rather than typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Any) -> QWidget:
        box = QComboBox(parent)
        box.addItems(list(COMPARISONS))
        return box

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ">="))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class IndicatorsDock(TaskPane):
    """The indicators (``taskActivated``: an indicator's task was chosen)."""

    def __init__(self, model: IndicatorsModel, parent: Any = None) -> None:
        super().__init__(self.tr("Indicators"), "indicators", parent)
        self.model = model
        self.state_label = QLabel(self.body)
        self.state_label.setWordWrap(True)
        self.top_row.addWidget(self.state_label, 1)
        self.remove_button = self.tool_button(self.tr("Remove"), self.tr("Remove the selected indicators"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.again_button = self.tool_button(self.tr("Read Again"),
                                             self.tr("Read the indicators again from the task bodies (your edits go)"))
        #: Set by the controller: read the indicators again, asking first.
        self.read_again: Any = model.read_again
        self.again_button.clicked.connect(lambda: self.read_again())
        self.view.setModel(model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        header.setDefaultSectionSize(metrics.horizontalAdvance("中") * 4 + 16)
        header.resizeSection(TEXT, metrics.horizontalAdvance("中") * 16)
        for column in (VALUE, ACTUAL):  # 140,000,000 whole
            header.resizeSection(column, metrics.horizontalAdvance("000,000,000,000") + 16)
        model.headerDataChanged.connect(self._fit_header)
        self._fit_header()
        self.view.doubleClicked.connect(self._chosen)
        self.view.clicked.connect(self._chosen)
        model.changed.connect(self._update_label)
        self.view.setItemDelegateForColumn(COMPARISON, ComparisonDelegate(self.view))
        self._update_label()

    def _fit_header(self, *args: object) -> None:
        header = self.view.horizontalHeader()
        for column in (ACTUAL, MET):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            wanted = self.view.fontMetrics().horizontalAdvance(text) + 24
            header.resizeSection(column, max(header.sectionSize(column), wanted))

    def _chosen(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        number = self.model.indicators()[index.row()].task
        task = next((t for t in self.model.document.plan.tasks if t.number == number), None)
        if task is not None:
            self.taskActivated.emit(task)

    def remove_selected(self) -> bool:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return bool(rows) and self.model.remove(rows)

    def _update_label(self) -> None:
        count = self.model.rowCount()
        if self.model.kept:
            self.state_label.setText(self.tr("{count} indicators, as you kept them").format(count=count))
        else:
            self.state_label.setText(self.tr("{count} indicators read from the task bodies (an edit keeps them)")
                                     .format(count=count))
        self.again_button.setEnabled(self.model.kept)


class IndicatorsController(QObject):
    BINDINGS = {ActionId.SHOW_INDICATORS: "show_indicators", ActionId.REREAD_INDICATORS: "read_again"}

    def __init__(self, document: PlanDocument, state: ViewState, place: Callable[[QDockWidget], None],
                 window: QWidget) -> None:
        super().__init__(window)
        self.document, self.state, self.place, self.window = document, state, place, window
        self._model: IndicatorsModel | None = None  # made when first asked for
        self.dock: IndicatorsDock | None = None
        #: Asks the user a yes/no question (a message box; tests answer it).
        self.ask = lambda text: QMessageBox.question(self.window, self.tr("Indicators"), text) == \
            QMessageBox.StandardButton.Yes

    @property
    def model(self) -> IndicatorsModel:
        if self._model is None:
            self._model = IndicatorsModel(self.document, self.state, self)
        return self._model

    def show_indicators(self) -> IndicatorsDock:
        if self.dock is None:
            self.dock = IndicatorsDock(self.model, self.window)
            self.dock.read_again = self.read_again
            self.place(self.dock)
        self.dock.show()
        self.dock.raise_()
        return self.dock

    def read_again(self) -> bool:
        """Read the indicators from the bodies again, after asking (edits and actual values go;
        Undo brings them back)."""
        if not self.model.kept:
            return True
        actuals = sum(len(i.actuals) for i in self.model.indicators())
        text = self.tr("Read the indicators again from the task bodies? Your edits to them and the {count} actual "
                       "values entered go (Edit → Undo brings them back).").format(count=actuals)
        return self.ask(text) and self.model.read_again()
