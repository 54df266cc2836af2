"""The dialogs of collecting reports: which units to send to and where, the preview of an
import (per file and per row, each accepted or not), the units that have not reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.io.feedback.receive import ReturnFile
from taskmatrix.model.feedback import CHANGED, CONFLICT, NEW, REJECTED, UNCHANGED, Outstanding, RowChange, counts
from taskmatrix.model.plan import Plan
from taskmatrix.model.translate import QT_TRANSLATE_NOOP

CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
KIND_NAMES = {NEW: QT_TRANSLATE_NOOP("Feedback", "new"), CHANGED: QT_TRANSLATE_NOOP("Feedback", "changed"),
              UNCHANGED: QT_TRANSLATE_NOOP("Feedback", "unchanged"),
              CONFLICT: QT_TRANSLATE_NOOP("Feedback", "conflict"), REJECTED: QT_TRANSLATE_NOOP("Feedback", "rejected")}
KIND_COLOURS = {CONFLICT: "#b35900", REJECTED: "#c0392b", NEW: "#1e7b34", CHANGED: "#1f5fa8"}


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("Feedback", KIND_NAMES[kind])


def reason(change: RowChange) -> str:
    if not change.template:
        return change.reason
    return QCoreApplication.translate("Feedback", change.template).format(**change.params)


class SendDialog(QDialog):
    """Units to send the round's workbooks to (each with its task count) and the folder."""

    def __init__(self, plan: Plan, round_name: str, units: list[tuple[str, int, int]], folder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendDialog")
        self.setWindowTitle(self.tr("Send Round {round} to the Units").format(round=round_name))
        layout = QVBoxLayout(self)
        intro = self.tr("One workbook per unit, named “{round}-unit.xlsx”, with the cover list "
                        "报送说明.xlsx and a notice per unit (报送通知.pdf).")
        layout.addWidget(QLabel(intro.format(round=round_name)))
        self.units = QListWidget(self)
        for unit, lead, part in units:
            item = QListWidgetItem(self.tr("{unit}  (lead {lead}, part {part})").format(unit=unit, lead=lead,
                                                                                         part=part))
            item.setData(Qt.ItemDataRole.UserRole, unit)
            item.setCheckState(CHECKED)
            self.units.addItem(item)
        layout.addWidget(self.units, 1)
        choose = QHBoxLayout()
        for text, state in ((self.tr("Select All"), CHECKED), (self.tr("Select None"), UNCHECKED)):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, s=state: self._check_all(s))
            choose.addWidget(button)
        choose.addStretch(1)
        layout.addLayout(choose)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Folder:"), self))
        self.folder = QLineEdit(folder, self)
        self.folder.setObjectName("sendFolder")
        row.addWidget(self.folder, 1)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def _check_all(self, state: Qt.CheckState) -> None:
        for i in range(self.units.count()):
            self.units.item(i).setCheckState(state)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the Workbooks"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def chosen_units(self) -> list[str]:
        return [self.units.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.units.count())
                if self.units.item(i).checkState() == CHECKED]


class ReturnsDialog(QDialog):
    """The preview of an import: each file (its unit, round and counts) with its rows; new,
    changed and conflicting rows can be accepted one by one or by file; refused files listed
    with the reason."""

    def __init__(self, files: list[ReturnFile], refused: list[PlanFormatError], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returnsDialog")
        self.setWindowTitle(self.tr("Import Returned Workbooks"))
        self.files = files
        layout = QVBoxLayout(self)
        total = counts(c for f in files for c in f.changes)
        layout.addWidget(QLabel(self.tr("{files} file(s): {new} new, {changed} changed, {unchanged} unchanged, "
                                        "{conflict} in conflict, {rejected} rejected; {refused} file(s) refused. "
                                        "Tick what to take into the plan.").format(
            files=len(files), refused=len(refused), **total), self))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("returnsTree")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("File / row"), self.tr("Kind"), self.tr("Task"), self.tr("Report"),
                                   self.tr("Reason")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._rows: list[tuple[QTreeWidgetItem, RowChange]] = []
        for file in files:
            found = counts(file.changes)
            top = QTreeWidgetItem([file.path.name, "", file.identity.unit, file.identity.round,
                                   self.tr("{new} new, {changed} changed, {conflict} conflicts, {rejected} rejected")
                                   .format(**found)])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
            top.setToolTip(0, str(file.path))
            self.tree.addTopLevelItem(top)
            for change in file.changes:
                if change.kind == UNCHANGED:
                    continue
                report = "" if change.new is None else " · ".join(
                    v for v in (change.new.status, change.new.progress[:40]) if v)
                item = QTreeWidgetItem([self.tr("row {row}").format(row=change.row), kind_name(change.kind),
                                        f"{change.number or ''} {change.title}", report, reason(change)])
                colour = KIND_COLOURS.get(change.kind)
                if colour:
                    item.setForeground(1, QBrush(QColor(colour)))
                if change.kind != REJECTED:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(0, CHECKED if change.accepted else UNCHECKED)
                    self._rows.append((item, change))
                top.addChild(item)
            top.setExpanded(len(files) == 1)
        for error in refused:
            item = QTreeWidgetItem([Path(str(error.path)).name if error.path else "", self.tr("refused"), "", "",
                                    " ".join(str(error).split())])
            item.setForeground(1, QBrush(QColor(KIND_COLOURS[REJECTED])))
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((220, 70, 220, 220)):
            self.tree.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(self)
        self.take_all = buttons.addButton(self.tr("Tick All (conflicts too)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.take_all.clicked.connect(self.accept_all)
        self.import_button = buttons.addButton(self.tr("Import Ticked"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.import_button.setEnabled(bool(self._rows))
        layout.addWidget(buttons)
        self.resize(980, 560)

    def accept_all(self) -> None:
        for item, _ in self._rows:
            item.setCheckState(0, CHECKED)

    def set_row(self, change: RowChange, accepted: bool) -> None:
        for item, c in self._rows:
            if c is change:
                item.setCheckState(0, CHECKED if accepted else UNCHECKED)

    def _accept(self) -> None:
        for item, change in self._rows:
            change.accepted = item.checkState(0) == CHECKED
        self.accept()


class NotReportedDialog(QDialog):
    """未报送单位: the units that lead a task and have not reported in the round."""

    def __init__(self, round_name: str, outstanding: list[Outstanding], expected: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notReportedDialog")
        self.setWindowTitle(self.tr("Units Not Reported: {round}").format(round=round_name))
        layout = QVBoxLayout(self)
        done = expected - len(outstanding)
        self.summary = QLabel(self.tr("{done} of {expected} lead units have reported; {left} have not.").format(
            done=done, expected=expected, left=len(outstanding)), self)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(outstanding), 3, self)
        self.table.setObjectName("notReportedTable")
        self.table.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Tasks as lead"),
                                              self.tr("Tasks as participant")])
        for r, o in enumerate(outstanding):
            for c, value in enumerate((o.unit, o.lead, o.participant)):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        # Registry order first; a click on a header sorts.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = buttons.addButton(self.tr("Print Reminder…"), QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.export_button, self.print_button):
            button.setEnabled(bool(outstanding))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def on_export(self, slot: Any) -> None:
        self.export_button.clicked.connect(slot)

    def on_print(self, slot: Any) -> None:
        self.print_button.clicked.connect(slot)
