"""The task table view: column widths and a row height that suit Chinese text, one-line
rows (never sized to their contents), selection of whole tasks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from taskmatrix.fonts import fast_text_font
from taskmatrix.gui.document.model import TaskRole
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.table.delegates import TaskDelegate
from taskmatrix.gui.table.proxy import TaskProxyModel
from taskmatrix.model.fields import REPORT_PREFIX
from taskmatrix.model.plan import Task


class TaskTableView(QTableView):
    """Shows a :class:`TaskProxyModel`; rows are tasks."""

    def __init__(self, proxy: TaskProxyModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskTable")
        self.setFont(fast_text_font())
        self.proxy = proxy
        self.setModel(proxy)
        self.setItemDelegate(TaskDelegate(proxy.table(), self, proxy))
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(int(self.fontMetrics().height() * 1.9))
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        vertical.setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("中") * 2)
        self._reports_placed: tuple[int, ...] = ()
        self.apply_default_widths()

    def show_reports(self, round_name: str) -> None:
        """The report columns only while a round is shown, and then beside the lead units (the
        first time they show; the user may move them after that)."""
        header = self.horizontalHeader()
        columns = self.proxy.table().columns
        reports = [i for i, c in enumerate(columns) if c.key.startswith(REPORT_PREFIX)]
        for i in reports:
            self.setColumnHidden(i, not round_name)
        placed = tuple(reports)
        if round_name and reports and self._reports_placed != placed:
            self._reports_placed = placed
            target = header.visualIndex(self.proxy.table().column_of("leads")) + 1
            for offset, logical in enumerate(reports):
                header.moveSection(header.visualIndex(logical), target + offset)

    def apply_default_widths(self) -> None:
        """Widths from the declared columns, in units of one Chinese character."""
        char = self.fontMetrics().horizontalAdvance("中")
        for i, column in enumerate(self.proxy.table().columns):
            self.setColumnWidth(i, char * column.width_chars + 16)

    def restore_header(self, state: QByteArray) -> None:
        header = self.horizontalHeader()
        self._reports_placed = ()
        if state.isEmpty() or not header.restoreState(state) or header.count() != self.proxy.columnCount():
            self.apply_default_widths()
        # Sorting is not restored: the plan's own order is what users expect on opening.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def current_task(self) -> Task | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        task = index.data(TaskRole)
        return task if isinstance(task, Task) else None

    def selected_tasks(self) -> list[Task]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        tasks = [self.proxy.index(r, 0).data(TaskRole) for r in rows]
        return [t for t in tasks if isinstance(t, Task)]

    def select_task(self, task: Task) -> bool:
        """Make ``task`` current and selected, scrolling to it; False if filtered out."""
        table = self.proxy.table()
        row = self.proxy.proxy_row(table.row_of(task))
        if row < 0:
            return False
        index = self.proxy.index(row, max(self.currentIndex().column(), 0))
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def reveal(self, task: Task, state: ViewState) -> None:
        """Select ``task``; if the filter hides it, drop the text, section and status filters
        (keeping the chosen unit and city), and if that is not enough, all of them."""
        if self.select_task(task):
            return
        state.keep_only_choices()
        if not self.select_task(task):
            state.clear()
            self.select_task(task)
