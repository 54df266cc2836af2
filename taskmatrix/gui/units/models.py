"""Models behind the per-agency and per-city docks.

``UnitTreeModel``: categories, each with its units and their lead/participation counts.
``CityTableModel``: the 21 cities with their direct and through-a-group task counts.
``TaskGroup``: a labelled group of tasks (a unit's lead tasks, a city's tasks through a group).
``TaskListModel``: one group's tasks as lines of a list, made only for the rows on screen.
All of them refresh in place (``dataChanged``) when only counts change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.queries import city_counts, unit_counts
from taskmatrix.model.translate import QT_TRANSLATE_NOOP
from taskmatrix.model.units import CATEGORIES

UnitRole = Qt.ItemDataRole.UserRole + 10
_AnyIndex = QModelIndex | QPersistentModelIndex
_GREY = QBrush(QColor("#888888"))
_UNKNOWN = QBrush(QColor("#b35900"))
_TOP = 0xFFFFFFFF
UNREGISTERED = QT_TRANSLATE_NOOP("UnitTreeModel", "Unregistered units")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


@dataclass
class _Category:
    name: str
    units: list[str]


class UnitTreeModel(QAbstractItemModel):
    """Two levels: categories, then units; columns: name, lead count, participation count."""

    HEADERS = (QT_TRANSLATE_NOOP("UnitTreeModel", "Unit"), QT_TRANSLATE_NOOP("UnitTreeModel", "Lead"),
               QT_TRANSLATE_NOOP("UnitTreeModel", "Part"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._categories: list[_Category] = []
        self._counts: dict[str, tuple[int, int]] = {}
        self._registered: set[str] = set()

    def refresh(self, plan: Plan, counts: dict[str, tuple[int, int]] | None = None,
                used: Sequence[str] | None = None) -> None:
        """Units and counts of ``plan``; ``counts``, ``used``: its unit counts and units used,
        where already known."""
        counts = unit_counts(plan) if counts is None else counts
        registry = plan.registry
        # Categories in the registry's order (the Guangdong and the central registries each
        # list theirs in official order), then any others.
        order = dict.fromkeys([*(u.category for u in registry), *CATEGORIES])
        grouped: dict[str, list[str]] = {c: [] for c in order}
        for name in plan.all_unit_names(used):
            grouped.setdefault(registry.category(name), []).append(name)
        categories = [_Category(c, units) for c, units in grouped.items() if units]
        same_shape = [(c.name, c.units) for c in categories] == [(c.name, c.units) for c in self._categories]
        self._registered = set(registry.names())
        if same_shape:
            self._counts = counts
            for row, category in enumerate(self._categories):
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(row, 1), self.index(row, 2))
                if category.units:
                    self.dataChanged.emit(self.index(0, 0, parent), self.index(len(category.units) - 1, 2, parent))
            return
        self.beginResetModel()
        self._categories = categories
        self._counts = counts
        self.endResetModel()

    def widest_count(self, column: int) -> str:
        """The longest number shown in count ``column`` (1 or 2): a category's total, at least."""
        totals = [sum(self._counts.get(u, (0, 0))[column - 1] for u in c.units) for c in self._categories]
        return str(max(totals, default=0))

    @staticmethod
    def category_font() -> QFont:
        return _bold()

    def unit_index(self, name: str) -> QModelIndex:
        for row, category in enumerate(self._categories):
            if name in category.units:
                return self.index(category.units.index(name), 0, self.index(row, 0))
        return QModelIndex()

    # -- QAbstractItemModel ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: _AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= 3 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < len(self._categories) else QModelIndex()
        if parent.internalId() != _TOP or parent.column() != 0:
            return QModelIndex()
        category = parent.row()
        if category >= len(self._categories) or row >= len(self._categories[category].units):
            return QModelIndex()
        return self.createIndex(row, column, category)

    def parent(self, index: _AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _TOP)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._categories)
        if parent.internalId() == _TOP and parent.column() == 0 and parent.row() < len(self._categories):
            return len(self._categories[parent.row()].units)
        return 0

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if index.internalId() == _TOP:
            category = self._categories[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                if col == 0:
                    name = category.name or self.tr(UNREGISTERED)
                    return f"{name} ({len(category.units)})"
                totals = [self._counts.get(u, (0, 0)) for u in category.units]
                return sum(t[col - 1] for t in totals)
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
            if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        name = self._categories[int(index.internalId())].units[index.row()]
        lead, part = self._counts.get(name, (0, 0))
        if role == Qt.ItemDataRole.DisplayRole:
            return (name, lead, part)[col]
        if role == UnitRole:
            return name
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if name not in self._registered:
                return _UNKNOWN
            if lead == part == 0:
                return _GREY
        if role == Qt.ItemDataRole.ToolTipRole and name not in self._registered:
            return self.tr("Not in the unit registry")
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _TOP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CityTableModel(QAbstractTableModel):
    """The cities with their direct and through-a-group task counts."""

    HEADERS = (QT_TRANSLATE_NOOP("CityTableModel", "City"), QT_TRANSLATE_NOOP("CityTableModel", "Direct"),
               QT_TRANSLATE_NOOP("CityTableModel", "Via group"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cities: list[str] = []
        self._counts: dict[str, tuple[int, int]] = {}

    def refresh(self, plan: Plan, counts: dict[str, tuple[int, int]] | None = None) -> None:
        """The cities of ``plan`` with their counts (``counts``: its city counts, where known)."""
        counts = city_counts(plan) if counts is None else counts
        cities = list(counts)
        if cities == self._cities:
            self._counts = counts
            if cities:
                self.dataChanged.emit(self.index(0, 1), self.index(len(cities) - 1, 2))
            return
        self.beginResetModel()
        self._cities, self._counts = cities, counts
        self.endResetModel()

    def city_row(self, city: str) -> int:
        return self._cities.index(city) if city in self._cities else -1

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cities)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cities):
            return None
        city = self._cities[index.row()]
        direct, via = self._counts.get(city, (0, 0))
        if role == Qt.ItemDataRole.DisplayRole:
            return (city, direct, via)[index.column()]
        if role == UnitRole:
            return city
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and direct == via == 0:
            return _GREY
        return None


@dataclass
class TaskGroup:
    label: str
    tasks: list[tuple[Task, str]]  # (task, note)


class TaskListModel(QAbstractListModel):
    """One group's tasks, a line each ("number. title  〔note〕").

    A unit of a 100,000-task plan has thousands of tasks; the lines are made when a view asks
    for them, so showing a group costs the rows on screen, not the whole group.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks: list[tuple[Task, str]] = []

    def set_tasks(self, tasks: list[tuple[Task, str]]) -> None:
        self.beginResetModel()
        self._tasks = tasks
        self.endResetModel()

    def line(self, row: int) -> str:
        task, note = self._tasks[row]
        return f"{task.number}. {task.title}" + (f"  〔{note}〕" if note else "")

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tasks)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tasks):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.line(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tasks[index.row()][0].title
        return None
