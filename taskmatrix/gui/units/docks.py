"""The per-agency and per-city docks.

Each lists its units (cities) with counts; choosing one filters the table to its tasks and
shows them below in two groups: lead and taking part (direct and through a city group).
Both refresh, debounced, whenever the plan changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from taskmatrix.fonts import fast_text_font
from taskmatrix.gui.document.model import TaskTableModel
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.timers import pause_timer
from taskmatrix.gui.units.models import CityTableModel, TaskGroup, TaskListModel, UnitRole, UnitTreeModel
from taskmatrix.model.filters import FilterSpec
from taskmatrix.model.lights import printed
from taskmatrix.model.plan import Task
from taskmatrix.model.queries import city_tasks, unit_tasks

REFRESH_MS = 60


class TaskGroupLists(QWidget):
    """Labelled lists of tasks, one per group; a list makes only the lines it shows.

    Signals:
        taskActivated(object): a task was clicked.
    """

    taskActivated = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._parts: list[tuple[QLabel, QTableView, TaskListModel]] = []
        self._groups: list[TaskGroup] = []

    def groups(self) -> list[TaskGroup]:
        return self._groups

    def set_groups(self, groups: list[TaskGroup]) -> None:
        self._groups = groups
        while len(self._parts) < len(groups):
            self._add_part()
        for i, (label, view, model) in enumerate(self._parts):
            visible = i < len(groups)
            label.setVisible(visible)
            view.setVisible(visible)
            if not visible:
                model.set_tasks([])
                continue
            group = groups[i]
            label.setText(f"<b>{group.label}</b> ({len(group.tasks)})")
            model.set_tasks(group.tasks)

    def _add_part(self) -> None:
        index = len(self._parts)
        label = QLabel(self)
        # A one-column table rather than a QListView: a list view lays out every row on each
        # change, asking the (Python) model once per row; a table's rows are header sections of
        # one default size, so a group of 50,000 tasks costs what is on screen.
        view = QTableView(self)
        view.horizontalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        model = TaskListModel(view)
        view.setModel(model)
        view.clicked.connect(lambda item, i=index: self._clicked(i, item.row()))
        self._layout.addWidget(label)
        self._layout.addWidget(view, 1)
        self._parts.append((label, view, model))

    def _clicked(self, group: int, row: int) -> None:
        if group < len(self._groups) and 0 <= row < len(self._groups[group].tasks):
            self.taskActivated.emit(self._groups[group].tasks[row][0])


class _TaskListDock(QDockWidget):
    """Shared shape: a chooser on top, the chosen item's tasks in groups below. What is
    chosen is the :class:`ViewState`'s unit (or city): choosing here sets it, and setting it
    elsewhere (the filter bar) shows here.

    Signals:
        taskActivated(object): a task in the lower list was clicked.
    """

    taskActivated = Signal(object)

    def __init__(self, title: str, name: str, table: TaskTableModel, state: ViewState, chooser: QAbstractItemView,
                 parent: Any = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self.setFont(fast_text_font())  # lists of short Chinese cells: see fonts.py
        self.table = table
        self.state = state
        self.current = ""
        self._round = state.round
        self._shown_counts: dict[str, tuple[int, int]] | None = None
        self.chooser = chooser
        chooser.model().setParent(self)
        chooser.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        chooser.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        chooser.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tasks = TaskGroupLists(self)
        self.tasks.taskActivated.connect(self.taskActivated)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        lower = QWidget(self)
        layout = QVBoxLayout(lower)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.tasks, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(chooser)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # Room for the lists from the start: choosing something fills them without moving
        # the splitter (which would also repaint the whole chooser).
        splitter.setSizes([600, 400])
        splitter.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 15)
        self.setWidget(splitter)
        self._timer = pause_timer(self, self.refresh)
        # Bound methods, not lambdas: Qt drops them when the dock goes, the table may stay.
        table.planEdited.connect(self._schedule_refresh)
        table.modelReset.connect(self.refresh)
        state.changed.connect(self._state_changed)

    def _chosen_in(self, spec: FilterSpec) -> str:
        """What ``spec`` chooses of what this dock lists."""
        raise NotImplementedError

    def _choose_in_state(self, name: str) -> None:
        raise NotImplementedError

    def _state_changed(self, spec: FilterSpec) -> None:
        name = self._chosen_in(spec)
        if name != self.current:
            self.choose(name)
        elif spec.round != self._round:
            self._show_tasks()
        self._round = spec.round

    def _light_note(self, task: Task, unit: str = "") -> str:
        """The task's light in the round shown (for the lists of the chosen unit's tasks)."""
        if not self.state.round:
            return ""
        return printed(self.table.index_.progress(self.state.round, unit).light(task))

    def _schedule_refresh(self) -> None:
        self._timer.start(REFRESH_MS)

    def refresh(self) -> None:
        # The index keeps its counts until an edit changes units: an edit of notes or a status
        # leaves them (and the list above) as they are.
        counts = self._counts()
        if counts is not self._shown_counts:
            self._refresh_counts(counts)
            self._shown_counts = counts
        self._show_tasks()

    def _counts(self) -> dict[str, tuple[int, int]]:
        raise NotImplementedError

    def _refresh_counts(self, counts: dict[str, tuple[int, int]]) -> None:
        raise NotImplementedError

    def _groups(self, name: str) -> list[TaskGroup]:
        """``name``'s tasks in labelled groups; for "" the same groups, empty."""
        raise NotImplementedError

    def _show_tasks(self) -> None:
        # The groups stay on screen when nothing is chosen: choosing then only fills them.
        self.caption.setText(f"<b>{self.current}</b>" if self.current
                             else self.tr("Choose one above to see its tasks."))
        self.tasks.set_groups(self._groups(self.current))

    def choose(self, name: str) -> None:
        """Select ``name`` (or nothing) without announcing it."""
        self.current = name
        self.chooser.blockSignals(True)
        self.chooser.selectionModel().blockSignals(True)
        index = self._index_of(name) if name else QModelIndex()
        if index.isValid():
            self.chooser.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.chooser.scrollTo(index)
        else:
            self.chooser.selectionModel().clearSelection()
        self.chooser.selectionModel().blockSignals(False)
        self.chooser.blockSignals(False)
        self._show_tasks()

    def _index_of(self, name: str) -> QModelIndex:
        raise NotImplementedError

    def _selection_changed(self) -> None:
        indexes = self.chooser.selectionModel().selectedRows()
        name = indexes[0].data(UnitRole) if indexes else ""
        if name is None:
            return
        if name != self.current:
            self.current = name
            self._show_tasks()
            self._choose_in_state(name)



class UnitsDock(_TaskListDock):
    """Units grouped by category with lead and participation counts."""

    def __init__(self, table: TaskTableModel, state: ViewState, parent: Any = None) -> None:
        self.units = UnitTreeModel()
        view = QTreeView()
        view.setModel(self.units)
        view.setUniformRowHeights(True)
        view.setIndentation(view.fontMetrics().horizontalAdvance("中"))
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        super().__init__(QCoreApplication.translate("UnitsDock", "Units"), "unitsDock", table, state, view, parent)
        self.units.modelReset.connect(self._after_reset)
        self.refresh()
        view.expandAll()

    def _after_reset(self) -> None:
        self.chooser.expandAll()  # type: ignore[attr-defined]
        if self.current:
            self.choose(self.current)

    def _chosen_in(self, spec: FilterSpec) -> str:
        return spec.unit

    def _choose_in_state(self, name: str) -> None:
        self.state.set_unit(name)

    def _counts(self) -> dict[str, tuple[int, int]]:
        return self.table.index_.unit_counts()

    def _refresh_counts(self, counts: dict[str, tuple[int, int]]) -> None:
        self.units.refresh(self.table.plan, counts, self.table.index_.units_used())
        self._fit_counts()

    def _fit_counts(self) -> None:
        """Make the count columns as wide as their widest number (a category's total at 100,000
        tasks has six digits), and no wider."""
        view = self.chooser
        metrics = view.fontMetrics()
        bold = QFontMetrics(self.units.category_font())
        for col in (1, 2):
            header = str(self.units.headerData(col, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(header), bold.horizontalAdvance(self.units.widest_count(col)))
            view.header().resizeSection(col, widest + 12)  # type: ignore[attr-defined]

    def _index_of(self, name: str) -> QModelIndex:
        return self.units.unit_index(name)

    def _groups(self, name: str) -> list[TaskGroup]:
        plan, rows = self.table.plan, self.table.index_.unit_rows(name) if name else []
        found = unit_tasks(plan, name, [plan.tasks[i] for i in rows])
        return [TaskGroup(self.tr("Lead"), [(t, self._light_note(t, name)) for t in found.lead]),
                TaskGroup(self.tr("Taking part"), [(t, self._light_note(t, name)) for t in found.participant])]


class CitiesDock(_TaskListDock):
    """The 21 cities with their direct and through-a-group task counts."""

    def __init__(self, table: TaskTableModel, state: ViewState, parent: Any = None) -> None:
        self.cities = CityTableModel()
        view = QTableView()
        view.setModel(self.cities)
        view.verticalHeader().setVisible(False)
        view.setShowGrid(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        super().__init__(QCoreApplication.translate("CitiesDock", "Cities"), "citiesDock", table, state, view, parent)
        self.cities.modelReset.connect(lambda: self.choose(self.current))
        self.refresh()

    def _chosen_in(self, spec: FilterSpec) -> str:
        return spec.city

    def _choose_in_state(self, name: str) -> None:
        self.state.set_city(name)

    def _counts(self) -> dict[str, tuple[int, int]]:
        return self.table.index_.city_counts()

    def _refresh_counts(self, counts: dict[str, tuple[int, int]]) -> None:
        self.cities.refresh(self.table.plan, counts)

    def _index_of(self, name: str) -> QModelIndex:
        row = self.cities.city_row(name)
        return self.cities.index(row, 0) if row >= 0 else QModelIndex()

    def _groups(self, name: str) -> list[TaskGroup]:
        plan, rows = self.table.plan, self.table.index_.city_rows(name) if name else []
        found = city_tasks(plan, name, [plan.tasks[i] for i in rows])
        lead = self.tr("lead")
        through = self.tr("through {group}")
        notes: dict[str, str] = {}
        direct = [(c.task, lead if c.lead else "") for c in found if c.via is None]
        via = [(c.task, notes.get(c.via) or notes.setdefault(c.via, through.format(group=c.via)))
               for c in found if c.via is not None]
        return [TaskGroup(self.tr("Named directly"), direct), TaskGroup(self.tr("Through a city group"), via)]
