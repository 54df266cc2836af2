"""The units dialog: rename or merge a unit across the plan, edit its category and aliases."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.units.models import UnitRole, UnitTreeModel
from taskmatrix.model.resplist import join_units
from taskmatrix.model.units import CATEGORIES, clean_unit_name


class UnitsDialog(QDialog):
    """Rename or merge a unit across the whole plan, or edit its category and aliases.

    Every change is one undoable step on the document's undo stack, applied at once.
    """

    def __init__(self, document: PlanDocument, parent: QWidget | None = None, current: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manage Units"))
        self.document = document
        self.units = UnitTreeModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.units)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMinimumWidth(320)
        self.name = QLineEdit(self)
        self.category = QComboBox(self)
        self.category.setEditable(True)
        self.category.addItems(list(CATEGORIES))
        self.aliases = QLineEdit(self)
        self.aliases.setPlaceholderText(self.tr("Aliases separated by 、"))
        self.rename_button = QPushButton(self.tr("Rename Everywhere"), self)
        self.merge_button = QPushButton(self.tr("Merge Into…"), self)
        self.save_button = QPushButton(self.tr("Save Category and Aliases"), self)
        self.info = QLabel(self)
        self.info.setWordWrap(True)

        box = QGroupBox(self.tr("Selected unit"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Aliases"), self.aliases)
        buttons = QHBoxLayout()
        for b in (self.rename_button, self.merge_button, self.save_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        form.addRow(self.info)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(box)
        right.addStretch(1)
        right.addWidget(close)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(right, 1)

        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.rename_button.clicked.connect(self._rename)
        self.merge_button.clicked.connect(self._merge)
        self.save_button.clicked.connect(self._save)
        document.model.unitsChanged.connect(self._reload)
        self.selected = ""
        self._reload()
        if current:
            self.select(current)
        self.resize(820, 560)

    def select(self, name: str) -> None:
        index = self.units.unit_index(name)
        if index.isValid():
            self.view.setCurrentIndex(index)

    def _reload(self) -> None:
        keep = self.selected
        index = self.document.model.index_
        self.units.refresh(self.document.plan, index.unit_counts(), index.units_used())
        self.view.expandAll()
        self.view.resizeColumnToContents(0)
        if keep:
            self.select(keep)
        self._show(keep)

    def _selected(self) -> None:
        indexes = self.view.selectionModel().selectedIndexes()
        name = indexes[0].data(UnitRole) if indexes else None
        self._show(name or "")

    def _show(self, name: str) -> None:
        self.selected = name
        registry = self.document.plan.registry
        unit = registry.get(name) if name else None
        for w in (self.name, self.category, self.aliases, self.rename_button, self.merge_button, self.save_button):
            w.setEnabled(bool(name))
        self.name.setText(name)
        self.category.setCurrentText(unit.category if unit else "")
        self.aliases.setText(join_units(unit.aliases) if unit else "")
        if name and unit is None:
            self.info.setText(self.tr("This unit is not registered: choose a category and save to register it."))
        else:
            self.info.clear()

    def _rename(self) -> None:
        new = clean_unit_name(self.name.text())
        if not self.selected or new == self.selected:
            return
        if not self.document.rename_unit(self.selected, new):
            QMessageBox.warning(self, self.windowTitle(), self.document.last_refusal)
            return
        self.selected = new
        self._reload()

    def _merge(self) -> None:
        if not self.selected:
            return
        names = [n for n in self.document.plan.all_unit_names() if n != self.selected]
        target, ok = QInputDialog.getItem(self, self.tr("Merge Units"), self.tr(
            "Merge {name} into (it becomes an alias of the unit you choose):").format(name=self.selected),
            names, 0, True)
        target = clean_unit_name(target)
        if not ok or not target or target == self.selected:
            return
        self.document.merge_units(self.selected, target)
        self.selected = target
        self._reload()

    def _save(self) -> None:
        category = self.category.currentText().strip()
        if not self.selected or not category:
            return
        aliases = [a for a in (clean_unit_name(x) for x in self.aliases.text().replace("，", "、").split("、")) if a]
        self.document.update_unit(self.selected, category, aliases)
        self._reload()
