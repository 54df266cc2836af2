"""An ordered list of units, edited with a completer from the unit registry.

Typed names resolve through the registry's aliases to the registered name; unknown names
are allowed and shown marked. The list emits ``unitsEdited`` once per user action.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QGridLayout,
    QLineEdit,
    QListView,
    QToolButton,
    QWidget,
)

from taskmatrix.model.resplist import parse_unit_list
from taskmatrix.model.units import UnitRegistry

_UNKNOWN = QBrush(QColor("#b35900"))


class UnitListModel(QStringListModel):
    """The units, with unregistered ones marked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.registry = UnitRegistry()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, Qt.ItemDataRole.DisplayRole)
        if value is not None and not self.registry.is_registered(value):
            if role == Qt.ItemDataRole.ForegroundRole:
                return _UNKNOWN
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{name}: not in the unit registry").format(name=value)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{value}  ⚠"
        if role == Qt.ItemDataRole.DisplayRole:
            return value
        return super().data(index, role)


class UnitListEdit(QWidget):
    """Signals:
        unitsEdited(list): the user changed the list (added, removed or moved a unit).
    """

    unitsEdited = Signal(list)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = UnitListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMinimumHeight(self.fontMetrics().height() * 3 + 12)
        self.input = QLineEdit(self)
        self.input.setPlaceholderText(self.tr("Type a unit and press Enter"))
        self.completer_model = QStringListModel(self)
        completer = QCompleter(self.completer_model, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.input.setCompleter(completer)
        self.add_button = self._button("+", self.tr("Add the typed unit"), self._add)
        self.remove_button = self._button("−", self.tr("Remove the selected unit"), self._remove)
        self.up_button = self._button("↑", self.tr("Move up"), lambda: self._move(-1))
        self.down_button = self._button("↓", self.tr("Move down"), lambda: self._move(1))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.view, 0, 0, 4, 1)
        layout.addWidget(self.up_button, 0, 1)
        layout.addWidget(self.down_button, 1, 1)
        layout.addWidget(self.remove_button, 2, 1)
        layout.addWidget(self.input, 4, 0)
        layout.addWidget(self.add_button, 4, 1)
        self.input.returnPressed.connect(self._add)

    def _button(self, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def set_registry(self, registry: UnitRegistry, extra: list[str] = ()) -> None:  # type: ignore[assignment]
        """Offer the registry's names and aliases (and ``extra`` names) for completion."""
        self.model.registry = registry
        names = registry.names()
        aliases = [a for u in registry for a in u.aliases]
        self.completer_model.setStringList(list(dict.fromkeys(names + list(extra) + aliases)))

    def units(self) -> list[str]:
        return self.model.stringList()

    def set_units(self, units: list[str]) -> None:
        if units != self.units():
            self.model.setStringList(list(units))

    def _add(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        units = self.units()
        # "省科技厅、省教育厅" adds two units; aliases become registered names.
        added = [u for u in parse_unit_list(text, self.model.registry) if u not in units]
        if added:
            units.extend(added)
            self.model.setStringList(units)
            self.unitsEdited.emit(units)
        self.input.clear()

    def _remove(self) -> None:
        row = self.view.currentIndex().row()
        units = self.units()
        if 0 <= row < len(units):
            del units[row]
            self.model.setStringList(units)
            self.unitsEdited.emit(units)

    def _move(self, delta: int) -> None:
        row = self.view.currentIndex().row()
        units = self.units()
        target = row + delta
        if 0 <= row < len(units) and 0 <= target < len(units):
            units[row], units[target] = units[target], units[row]
            self.model.setStringList(units)
            self.view.setCurrentIndex(self.model.index(target))
            self.unitsEdited.emit(units)
