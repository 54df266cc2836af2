"""The statistics view: a tab per table, the table (sortable; its total row stays last) beside
its bar chart; exported as a workbook (the 统计 sheet), CSV or PNG, and printed."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.i18n import describe
from taskmatrix.gui.printing.dialog import PrintController
from taskmatrix.gui.settings import LAST_FOLDER, Settings
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.stats.chart import ChartWidget
from taskmatrix.io.errors import PlanFormatError
from taskmatrix.model.stats import StatTable
from taskmatrix.model.translate import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
TotalRole = Qt.ItemDataRole.UserRole + 2


class StatTableModel(QAbstractTableModel):
    def __init__(self, table: StatTable, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.header)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.table.header)):
            return self.table.header[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.table.rows):
            return None
        value = self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == SortRole:
            if isinstance(value, str) and value.endswith("%") and value[:-1].isdigit():
                return float(value[:-1])
            return value if isinstance(value, (int, float)) else str(value)
        if role == TotalRole:
            return self.table.total and index.row() == len(self.table.rows) - 1
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class StatProxy(QSortFilterProxyModel):
    """Sorts by value; the total row stays at the bottom whichever way."""

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        left_total, right_total = model.data(left, TotalRole), model.data(right, TotalRole)
        if left_total or right_total:
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return bool(right_total) == ascending and not (left_total and right_total)
        a, b = model.data(left, SortRole), model.data(right, SortRole)
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a < b
        return str(a) < str(b)


class StatisticsDialog(QDialog):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsDialog")
        self.setWindowTitle(self.tr("Statistics"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        for button in (self.export_button, self.print_button, self.refresh_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.tables: list[StatTable] = []
        self.charts: list[ChartWidget] = []
        self.views: list[QTableView] = []
        self.resize(1100, 640)

    def set_tables(self, tables: list[StatTable], summary: str) -> None:
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.tables, self.charts, self.views = tables, [], []
        self.summary.setText(summary)
        for table in tables:
            splitter = QSplitter(Qt.Orientation.Horizontal, self.tabs)
            view = QTableView(splitter)
            proxy = StatProxy(view)
            proxy.setSourceModel(StatTableModel(table, proxy))
            view.setModel(proxy)
            view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the table's own order
            view.setSortingEnabled(True)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.verticalHeader().hide()
            _fit_columns(view, table)
            chart = ChartWidget()
            chart.set_table(table)
            scroll = QScrollArea(splitter)
            scroll.setWidgetResizable(True)
            scroll.setWidget(chart)
            splitter.addWidget(view)
            splitter.addWidget(scroll)
            header = view.horizontalHeader()
            wanted = sum(header.sectionSize(c) for c in range(header.count())) + 24
            splitter.setSizes([min(wanted, 700), max(400, 1100 - min(wanted, 700))])
            self.tabs.addTab(splitter, _tab_title(table))
            self.charts.append(chart)
            self.views.append(view)
        if 0 <= current < self.tabs.count():
            self.tabs.setCurrentIndex(current)


def _fit_columns(view: QTableView, table: StatTable) -> None:
    """Column widths from the font: the labels' longest, the headers' (a table of a thousand
    sections is not measured cell by cell)."""
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    labels = [str(row[0]) for row in table.rows]
    longest = max(labels, key=len, default="")
    header.resizeSection(0, min(metrics.horizontalAdvance(longest) + 24, metrics.horizontalAdvance("中") * 24))
    for column in range(1, len(table.header)):
        header.resizeSection(column, max(metrics.horizontalAdvance(table.header[column]),
                                         metrics.horizontalAdvance("99999")) + 24)


TAB_TITLES = {"unit_role": QT_TRANSLATE_NOOP("StatisticsDialog", "Units"),
              "unit_section": QT_TRANSLATE_NOOP("StatisticsDialog", "Units by Section"),
              "city": QT_TRANSLATE_NOOP("StatisticsDialog", "Cities"),
              "round_unit": QT_TRANSLATE_NOOP("StatisticsDialog", "Round by Unit"),
              "round_section": QT_TRANSLATE_NOOP("StatisticsDialog", "Round by Section")}


def _tab_title(table: StatTable) -> str:
    title = TAB_TITLES.get(table.key)
    return QCoreApplication.translate("StatisticsDialog", title) if title else table.title


class StatsController(QObject):
    """Work the statistics out (pandas is imported the first time) and show, export, print them."""

    BINDINGS = {ActionId.SHOW_STATISTICS: "show_statistics"}

    def __init__(self, document: PlanDocument, state: ViewState, printing: PrintController, settings: Settings,
                 window: QWidget) -> None:
        super().__init__(window)
        self.document, self.state, self.printing, self.settings, self.window = (
            document, state, printing, settings, window)
        self.dialog: StatisticsDialog | None = None
        self.tables: list[StatTable] = []

    def compute(self) -> list[StatTable]:
        from taskmatrix.model.stats import statistics

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.tables = statistics(self.document.plan, self.state.round or None,
                                     thresholds=self.document.model.index_.thresholds)
        finally:
            QGuiApplication.restoreOverrideCursor()
        return self.tables

    def show_statistics(self) -> StatisticsDialog:
        if self.dialog is None:
            self.dialog = StatisticsDialog(self.window)
            self.dialog.export_button.clicked.connect(lambda: self.export())
            self.dialog.print_button.clicked.connect(self.print_statistics)
            self.dialog.refresh_button.clicked.connect(self.refresh)
        self.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def refresh(self) -> None:
        tables = self.compute()
        if self.dialog is not None:
            plan = self.document.plan
            rounds = [t.round_name for t in tables if t.round_name]
            summary = self.tr("{tasks} tasks").format(tasks=len(plan.tasks))
            if rounds:
                summary += " · " + self.tr("round {round}, lights as of {day}").format(
                    round=rounds[0], day=_dt.date.today().isoformat())
            self.dialog.set_tables(tables, summary)

    def export(self, path: Path | None = None) -> bool:
        self.compute()  # as the plan is now (it may have changed since the view was opened)
        if path is None:
            folder = Path(self.settings.get(LAST_FOLDER) or Path.home())
            chosen, _ = QFileDialog.getSaveFileName(
                self.dialog or self.window, self.tr("Export the Statistics"), str(folder / "统计.xlsx"),
                self.tr("Excel workbook (*.xlsx);;CSV (*.csv);;PNG picture (*.png)"))
            if not chosen:
                return False
            path = Path(chosen)
        from taskmatrix.sheets.statistics import write_stats_file

        fonts = self.printing.fonts() if path.suffix.lower() == ".png" else None
        try:
            write_stats_file(path, self.document.plan, self.tables, fonts.body if fonts else "")
        except (PlanFormatError, OSError) as exc:
            text = describe(exc) if isinstance(exc, PlanFormatError) else str(exc)
            QMessageBox.critical(self.dialog or self.window, self.tr("Cannot Save"), text)
            return False
        return True

    def print_statistics(self) -> bool:
        from taskmatrix.sheets.statistics import chart_pngs, stats_sheet

        self.compute()
        fonts = self.printing.fonts()
        sheet = stats_sheet(self.document.plan, self.tables, chart_pngs(self.tables, fonts.body if fonts else ""))
        return self.printing.preview([sheet], landscape=True)
